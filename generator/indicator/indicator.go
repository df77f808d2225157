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
