package opendata

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"time"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
)

// indicatorCSV writes data/indicators/<id>.csv, normalised whatever the
// editor's file looked like: header "period,<series…>", ISO periods, "."
// as the decimal mark, the shortest decimal that reads back as the same
// float64, and an empty cell for a missing value.
func indicatorCSV(ind *indicator.Indicator) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rec := make([]string, 1+len(ind.Series))
	rec[0] = "period"
	copy(rec[1:], ind.Series)
	w.Write(rec)
	for _, row := range ind.Rows {
		rec[0] = row.Period.String()
		for i, v := range row.Values {
			rec[1+i] = formatNumber(v)
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// formatNumber is a value as open data writes it: "" for NaN (missing),
// otherwise plain decimal notation without an exponent, as short as reads
// back exactly.
func formatNumber(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// indicatorDoc is data/indicators/<id>.json.
type indicatorDoc struct {
	ID          string             `json:"id"`
	Title       map[string]*string `json:"title"`
	Description map[string]*string `json:"description"`
	Unit        map[string]*string `json:"unit"`
	Periodicity string             `json:"periodicity"`
	Source      *string            `json:"source"`
	Sample      bool               `json:"sample"`
	Target      *float64           `json:"target"`
	Series      []seriesDoc        `json:"series"`
	Updated     *string            `json:"updated"`
}

type seriesDoc struct {
	Name   string     `json:"name"`
	Values []pointDoc `json:"values"`
}

type pointDoc struct {
	Period string   `json:"period"`
	Value  *float64 `json:"value"`
}

// indicatorJSON writes data/indicators/<id>.json: the series with their
// metadata. Texts are given per site language, null where there is none.
func indicatorJSON(s *content.Site, ind *indicator.Indicator) ([]byte, error) {
	langs := s.Config.Languages
	def := s.Config.DefaultLanguage()
	m := ind.Meta
	doc := indicatorDoc{
		ID:          ind.ID,
		Title:       perLang(langs, func(l string) string { return m.Title[l] }),
		Description: perLang(langs, func(l string) string { return m.Description[l] }),
		Unit:        perLang(langs, func(l string) string { return m.Unit.In(l, def) }),
		Periodicity: m.Periodicity,
		Source:      nullable(m.Source),
		Sample:      m.Sample,
		Series:      make([]seriesDoc, len(ind.Series)),
		Updated:     nullable(isoDate(ind.Updated)),
	}
	if m.Target != nil && !math.IsNaN(*m.Target) && !math.IsInf(*m.Target, 0) {
		doc.Target = m.Target
	}
	for i, name := range ind.Series {
		sd := seriesDoc{Name: name, Values: make([]pointDoc, len(ind.Rows))}
		for j, row := range ind.Rows {
			sd.Values[j].Period = row.Period.String()
			if v := row.Values[i]; !math.IsNaN(v) {
				sd.Values[j].Value = &v
			}
		}
		doc.Series[i] = sd
	}
	return encodeJSON(doc)
}

// perLang is a language map with a key for every language, null where f
// returns "".
func perLang(langs []string, f func(lang string) string) map[string]*string {
	out := make(map[string]*string, len(langs))
	for _, l := range langs {
		out[l] = nullable(f(l))
	}
	return out
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// csvwTable is data/indicators/<id>.csv-metadata.json, a CSV on the Web
// (https://www.w3.org/TR/tabular-metadata/) description of the CSV file,
// in the form Czech open formal norms use: @context with the default
// language, url relative to the metadata file, tableSchema.columns with
// name, titles and datatype (see e.g. the examples of
// github.com/datagov-cz/otevrene-formalni-normy, adresy/…/příklady/).
type csvwTable struct {
	Context     []any       `json:"@context"`
	URL         string      `json:"url"`
	Title       []langValue `json:"dc:title"`
	Description []langValue `json:"dc:description,omitempty"`
	License     *jsonldRef  `json:"dc:license,omitempty"`
	TableSchema csvwSchema  `json:"tableSchema"`
}

// langValue is a JSON-LD value with a language tag.
type langValue struct {
	Value    string `json:"@value"`
	Language string `json:"@language"`
}

type jsonldRef struct {
	ID string `json:"@id"`
}

type csvwSchema struct {
	Columns []csvwColumn `json:"columns"`
}

type csvwColumn struct {
	Name     string `json:"name"`
	Titles   string `json:"titles"`
	Datatype string `json:"datatype"`
}

// indicatorCSVW writes the CSVW metadata of an indicator's CSV file. Its
// dc:description starts by saying so when the numbers are illustrative.
func indicatorCSVW(s *content.Site, ind *indicator.Indicator, lic licence) ([]byte, error) {
	langs := s.Config.Languages
	t := csvwTable{
		Context: []any{csvwContext, map[string]string{"@language": s.Config.DefaultLanguage()}},
		URL:     ind.ID + ".csv",
		License: &jsonldRef{ID: lic.url},
	}
	for _, l := range langs {
		if title := ind.Meta.Title[l]; title != "" {
			t.Title = append(t.Title, langValue{title, l})
		}
		if d := describeIndicator(ind, l); d != "" {
			t.Description = append(t.Description, langValue{d, l})
		}
	}
	t.TableSchema.Columns = append(t.TableSchema.Columns, csvwColumn{Name: "period", Titles: "period", Datatype: "string"})
	for _, name := range ind.Series {
		t.TableSchema.Columns = append(t.TableSchema.Columns, csvwColumn{Name: csvwName(name), Titles: name, Datatype: "decimal"})
	}
	return encodeJSON(t)
}

// describeIndicator is an indicator's description in lang, preceded by a
// warning when its numbers are illustrative; "" when it has none and is
// not a sample.
func describeIndicator(ind *indicator.Indicator, lang string) string {
	d := ind.Meta.Description[lang]
	if !ind.Meta.Sample {
		return d
	}
	note := sampleNote(lang)
	if d == "" {
		return note
	}
	return note + " " + d
}

// sampleNote says that a data set holds illustrative numbers.
func sampleNote(lang string) string {
	return phrase(lang,
		"Ilustrativní data: čísla nejsou skutečná, slouží jen k ukázce a nehodí se pro analýzy.",
		"Illustrative data: the numbers are not real, only serve as an example and are not fit for analysis.")
}

// csvwName is a column name as CSVW requires it (a URI template variable
// name: ASCII letters, digits and "_", anything else percent-encoded, not
// starting with "_"), derived from the header as a CSVW processor derives
// names from titles. The header itself is the column's titles.
func csvwName(title string) string {
	b := make([]byte, 0, len(title))
	for i := 0; i < len(title); i++ {
		c := title[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_' && i > 0:
			b = append(b, c)
		default:
			b = append(b, '%', upperHex[c>>4], upperHex[c&0xf])
		}
	}
	return string(b)
}

const upperHex = "0123456789ABCDEF"

// coverage is the first and last day an indicator's periods cover.
func coverage(ind *indicator.Indicator) (first, last time.Time, ok bool) {
	for _, row := range ind.Rows {
		a, b := periodBounds(row.Period)
		if !ok || a.Before(first) {
			first = a
		}
		if !ok || b.After(last) {
			last = b
		}
		ok = true
	}
	return first, last, ok
}

// periodBounds is the first and the last day of a period.
func periodBounds(p indicator.Period) (first, last time.Time) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch {
	case p.Quarter > 0:
		m := 3*p.Quarter - 2
		return day(p.Year, m, 1), day(p.Year, m+3, 0)
	case p.Day > 0:
		return day(p.Year, p.Month, p.Day), day(p.Year, p.Month, p.Day)
	case p.Month > 0:
		return day(p.Year, p.Month, 1), day(p.Year, p.Month+1, 0)
	}
	return day(p.Year, 1, 1), day(p.Year, 12, 31)
}
