package indicator

import (
	"fmt"
	"math"
	"time"

	"github.com/transformace/portal/generator/l10n"
)

// Meta is the content of <id>.toml; ParseMeta fills and checks it.
type Meta struct {
	Unit        Text              `toml:"unit"`
	Periodicity string            `toml:"periodicity"`
	Source      string            `toml:"source"`
	Chart       string            `toml:"chart"`
	Target      *float64          `toml:"target"`
	Sample      bool              `toml:"sample"`
	Title       map[string]string `toml:"title"`
	Description map[string]string `toml:"description"`
}

// Text is a value that is either the same in every language ("MWh") or
// given per language ([unit] cs = "projekty", en = "projects").
type Text struct {
	All     string
	PerLang map[string]string
	// Forms are, for a unit counted in words, its CLDR plural forms per
	// language ([unit.cs] one = "projekt", few = "projekty", other =
	// "projektů"), so that a number is followed by the word its grammar
	// asks for: 1 projekt, 3 projekty, 5 projektů. PerLang then holds the
	// unit as a label (an axis, a table caption): see UnitLabel.
	Forms map[string]map[string]string
}

// PluralForms are the CLDR plural categories a unit's forms may name.
var PluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// UnitLabel is the word a unit with plural forms is named by on its own,
// above an axis or in a table caption: its "label" if given, else the form
// after 2 to 4 where the language has one (cs "projekty"), else "other"
// (en "projects").
func UnitLabel(forms map[string]string) string {
	for _, k := range []string{"label", "few", "other"} {
		if s := forms[k]; s != "" {
			return s
		}
	}
	return ""
}

// FormsIn returns the plural forms of the unit in lang, falling back to
// fallback's, or nil when the unit has none.
func (t Text) FormsIn(lang, fallback string) map[string]string {
	if t.All != "" {
		return nil
	}
	if _, ok := t.PerLang[lang]; ok {
		return t.Forms[lang]
	}
	return t.Forms[fallback]
}

// UnmarshalTOML accepts a string or a table of strings.
func (t *Text) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		t.All = v
		return nil
	case map[string]any:
		t.PerLang = map[string]string{}
		for k, x := range v {
			s, ok := x.(string)
			if !ok {
				return fmt.Errorf("%s: expected text, got %T", k, x)
			}
			t.PerLang[k] = s
		}
		return nil
	}
	return fmt.Errorf("expected text or a table of texts per language, got %T", v)
}

// In returns the text for lang, falling back to fallback's text.
func (t Text) In(lang, fallback string) string {
	if t.All != "" {
		return t.All
	}
	if s := t.PerLang[lang]; s != "" {
		return s
	}
	return t.PerLang[fallback]
}

// Periodicities and Charts are the values that Meta accepts.
var (
	Periodicities = []string{"annual", "quarterly", "monthly", "irregular"}
	Charts        = []string{"line", "bar"}
)

// Indicator is one validated data set.
type Indicator struct {
	ID   string
	Meta Meta
	// MetaFile and DataFile are the paths errors and "last changed" refer to.
	MetaFile, DataFile string
	Series             []string // series names from the CSV header
	Rows               []Row    // sorted by period, one kind of period
	// Updated is the newest change of its two files (git history or mtime).
	Updated time.Time
}

// Row is one period with a value per series, in the order of
// Indicator.Series; NaN marks a missing value.
type Row struct {
	Period Period
	Values []float64
}

// Error is a problem in an indicator file. Line is 1-based and always set.
// Column is the 1-based position, in characters of the decoded line, where
// the offending CSV cell (or character) starts; it is 0 when the problem is
// not at one place of a line (an empty file, a TOML field).
type Error struct {
	File         string
	Line, Column int
	Msg          string    // the message in English, without the location
	Text         l10n.Text // the message, to be said in the editor's language
}

// errorAt returns the problem at file:line:col with the message t.
func errorAt(file string, line, col int, t l10n.Text) *Error {
	return &Error{File: file, Line: line, Column: col, Msg: t.String(), Text: t}
}

// Error returns "file:line:column: message", or "file:line: message"
// without a column.
func (e *Error) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Latest returns the last row that has a value in series i.
func (ind *Indicator) Latest(i int) (Row, bool) {
	for j := len(ind.Rows) - 1; j >= 0; j-- {
		if !math.IsNaN(ind.Rows[j].Values[i]) {
			return ind.Rows[j], true
		}
	}
	return Row{}, false
}
