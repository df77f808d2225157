// Package indicator reads indicator time series: a CSV file of periods and
// values and a TOML file of metadata in every language.
//
// The CSV reader accepts what Czech spreadsheet exports produce (comma,
// semicolon or tab as delimiter, decimal comma, spaces as thousands
// separators, a byte order mark). Periods are years, months, quarters or ISO
// dates. Every problem is reported with file, line and column.
package indicator

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Meta is the content of <id>.toml.
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
	Rows               []Row
	// Updated is the newest change of its two files (git history or mtime).
	Updated time.Time
}

// Row is one period with a value per series; NaN marks a missing value.
type Row struct {
	Period Period
	Values []float64
}

// Error is a problem in an indicator file at a line and, for CSV cells, a column.
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ParseMeta reads <id>.toml and checks it against the site's languages.
func ParseMeta(name string, data []byte, langs []string) (Meta, error) {
	var m Meta
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return m, &Error{File: name, Line: pe.Position.Line, Msg: pe.Message}
		}
		return m, &Error{File: name, Line: 1, Msg: err.Error()}
	}
	line := func(key string) int { return keyLine(data, key) }
	for _, k := range md.Undecoded() {
		return m, &Error{File: name, Line: line(k.String()), Msg: fmt.Sprintf("unknown field %q", k.String())}
	}
	if !contains(Periodicities, m.Periodicity) {
		return m, &Error{File: name, Line: line("periodicity"), Msg: fmt.Sprintf("periodicity %q is not one of %s", m.Periodicity, strings.Join(Periodicities, ", "))}
	}
	if m.Chart == "" {
		m.Chart = "line"
	}
	if !contains(Charts, m.Chart) {
		return m, &Error{File: name, Line: line("chart"), Msg: fmt.Sprintf("chart %q is not one of %s", m.Chart, strings.Join(Charts, ", "))}
	}
	for _, l := range langs {
		if strings.TrimSpace(m.Title[l]) == "" {
			return m, &Error{File: name, Line: line("title"), Msg: fmt.Sprintf("title in language %q is missing", l)}
		}
	}
	if m.Unit.PerLang != nil {
		for _, l := range langs {
			if m.Unit.PerLang[l] == "" {
				return m, &Error{File: name, Line: line("unit"), Msg: fmt.Sprintf("unit in language %q is missing", l)}
			}
		}
	}
	return m, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func keyLine(data []byte, key string) int {
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, key) && strings.TrimSpace(strings.TrimPrefix(t, key)) != "" {
			rest := strings.TrimSpace(strings.TrimPrefix(t, key))
			if rest[0] == '=' {
				return i + 1
			}
		}
		if t == "["+key+"]" {
			return i + 1
		}
	}
	return 1
}

// ParseCSV reads an indicator's CSV file.
func ParseCSV(name string, data []byte) (series []string, rows []Row, err error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, &Error{File: name, Line: 1, Msg: "the file is empty: expected a header row such as \"period,value\""}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = detectDelimiter(data)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return nil, nil, csvError(name, err)
	}
	if len(header) < 2 {
		return nil, nil, &Error{File: name, Line: 1, Msg: "the header needs a period column and at least one series column"}
	}
	for i, h := range header[1:] {
		h = strings.TrimSpace(h)
		if h == "" {
			return nil, nil, &Error{File: name, Line: 1, Column: i + 2, Msg: "a series column has no name"}
		}
		series = append(series, h)
	}
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			return nil, nil, &Error{File: name, Line: line, Column: 1, Msg: fmt.Sprintf("expected %d cells as in the header, found %d", len(header), len(rec))}
		}
		p, err := ParsePeriod(strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, nil, &Error{File: name, Line: line, Column: 1, Msg: err.Error()}
		}
		if prev, dup := seen[p.String()]; dup {
			return nil, nil, &Error{File: name, Line: line, Column: 1, Msg: fmt.Sprintf("period %s is already given on line %d", p, prev)}
		}
		seen[p.String()] = line
		row := Row{Period: p, Values: make([]float64, len(series))}
		for i, cell := range rec[1:] {
			v, err := ParseNumber(cell)
			if err != nil {
				_, col := r.FieldPos(i + 1)
				return nil, nil, &Error{File: name, Line: line, Column: col, Msg: err.Error()}
			}
			row.Values[i] = v
		}
		rows = append(rows, row)
	}
	return series, rows, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: name, Line: pe.Line, Column: pe.Column, Msg: pe.Err.Error()}
	}
	return &Error{File: name, Line: 1, Msg: err.Error()}
}

// detectDelimiter picks the delimiter that splits the header line: a Czech
// Excel export uses ';' because ',' is the decimal separator.
func detectDelimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	best, bestN := ',', 0
	for _, d := range []rune{';', '\t', ','} {
		if n := bytes.Count(first, []byte(string(d))); n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// ParseNumber reads a cell: "" is missing (NaN); "1 234,5", "1,234.5",
// "1234.5" and no-break spaces as separators are accepted.
func ParseNumber(cell string) (float64, error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return math.NaN(), nil
	}
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	hasComma, hasDot := strings.Contains(s, ","), strings.Contains(s, ".")
	switch {
	case hasComma && hasDot:
		// 1.234,5 (German style) or 1,234.5 (English): the last one is the decimal mark.
		if strings.LastIndex(s, ",") > strings.LastIndex(s, ".") {
			s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
		} else {
			s = strings.ReplaceAll(s, ",", "")
		}
	case hasComma:
		s = strings.ReplaceAll(s, ",", ".")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not a number", strings.TrimSpace(cell))
	}
	return v, nil
}

// Period is a year, a quarter, a month or a day.
type Period struct {
	Year, Quarter, Month, Day int
}

var (
	reYear    = regexp.MustCompile(`^(\d{4})$`)
	reQuarter = regexp.MustCompile(`^(\d{4})-?Q([1-4])$`)
	reMonth   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reDay     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
)

// ParsePeriod reads YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.
func ParsePeriod(s string) (Period, error) {
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	bad := fmt.Errorf("%q is not a period: expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD", s)
	switch {
	case reYear.MatchString(s):
		return Period{Year: atoi(s)}, nil
	case reQuarter.MatchString(s):
		m := reQuarter.FindStringSubmatch(strings.ToUpper(s))
		return Period{Year: atoi(m[1]), Quarter: atoi(m[2])}, nil
	case reMonth.MatchString(s):
		m := reMonth.FindStringSubmatch(s)
		if mo := atoi(m[2]); mo >= 1 && mo <= 12 {
			return Period{Year: atoi(m[1]), Month: mo}, nil
		}
	case reDay.MatchString(s):
		m := reDay.FindStringSubmatch(s)
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) {
			return Period{Year: y, Month: mo, Day: d}, nil
		}
	}
	return Period{}, bad
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// String returns the ISO form used in open data: 2024, 2024-Q1, 2024-03, 2024-03-05.
func (p Period) String() string {
	switch {
	case p.Quarter > 0:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	case p.Day > 0:
		return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
	case p.Month > 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d", p.Year)
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
