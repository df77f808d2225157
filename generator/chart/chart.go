package chart

import (
	"errors"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/locale"
)

// Labels are the words a chart needs in the page's language; the caller
// fills them from UI strings. An empty field falls back to
// [DefaultLabels] of the locale's language.
type Labels struct {
	// Sample is drawn on the chart when the indicator is sample data
	// ("Ilustrativní data").
	Sample string
	// Target labels the target line ("Cíl" gives "Cíl: 12").
	Target string
	// NoData stands for a missing value ("bez údaje"): on a chart without
	// any value and in the legend entry of a series without values.
	NoData string
	// Describe builds the text alternative from the facts of the chart; the
	// caller passes a function so that the wording stays in the UI strings.
	// nil means [DefaultDescribe].
	Describe func(Facts) string
}

// DefaultLabels returns built-in labels for lang: Czech for "cs", English
// for anything else. Sites should take the labels from their UI strings.
func DefaultLabels(lang string) Labels {
	if lang == "cs" {
		return Labels{Sample: "Ilustrativní data", Target: "Cíl", NoData: "bez údaje"}
	}
	return Labels{Sample: "Illustrative data", Target: "Target", NoData: "no data"}
}

// Options say how to draw one chart on one page.
type Options struct {
	// Locale formats the numbers (cs "2 345,25"). nil formats them plainly
	// ("2345.25") and describes in English.
	Locale *locale.Locale
	// Labels are the chart's words in the page's language.
	Labels Labels
	// Title is the indicator title in the page's language; empty means the
	// indicator's ID (and without one the kind of chart).
	Title string
	// Unit is the unit of the values in the page's language ("MWh", "%").
	Unit string
	// UnitForms, when set, are the unit's CLDR plural forms in the page's
	// language ("one" → "projekt", "few" → "projekty", "other" →
	// "projektů"): a number is followed by the form its plural category
	// asks for (Locale.PluralForm), Unit stays the unit on its own (above
	// the axis). Without a Locale, "other" is used.
	UnitForms map[string]string
	// IDPrefix must be unique per page: the ids inside the SVG (title, desc,
	// markers, patterns) start with it, so two charts on one page do not
	// clash. Characters other than ASCII letters, digits, '-' and '_' are
	// replaced by '-'. Empty means "chart-" and the indicator's ID.
	IDPrefix string
	// Sparkline draws a small chart for project cards (about 160×40): no
	// axes, no legend, the latest value labelled, a short description.
	Sparkline bool
	// Period formats a period for the axis labels and the description; nil
	// means the ISO form (2024, 2024-Q1, 2024-03).
	Period func(indicator.Period) string
}

// SVG renders the indicator as an inline SVG image: a line or bar chart as
// ind.Meta.Chart says, or a sparkline with opts.Sparkline. The result is
// well-formed XML with every text escaped, so it is safe to embed in HTML.
// The only error is a nil indicator; no data gives a chart that says so.
func SVG(ind *indicator.Indicator, opts Options) (template.HTML, error) {
	if ind == nil {
		return "", errors.New("chart: no indicator")
	}
	c := newChart(ind, opts)
	w := &writer{b: make([]byte, 0, 4096+c.n*c.s*40)}
	if opts.Sparkline {
		c.sparkline(w)
	} else {
		c.full(w)
	}
	return template.HTML(w.b), nil
}

// Describe returns the text description of the chart (what it shows, the
// range of periods, the latest value with unit and period, the trend against
// the first value, the target): the content of the SVG's <desc>, exported
// so that the page can also show it as text. It uses opts.Labels.Describe,
// or DefaultDescribe when that is nil. A sparkline gets a short description.
func Describe(ind *indicator.Indicator, opts Options) string {
	if ind == nil {
		return ""
	}
	return newChart(ind, opts).describe()
}

// chart is everything one rendering needs, prepared once.
type chart struct {
	opts    Options
	labels  Labels
	prefix  string
	title   string
	unit    string
	bar     bool
	sample  bool
	target  float64 // NaN when there is none
	periods []indicator.Period
	names   []string
	vals    [][]float64 // [series][period], NaN for missing
	n, s    int         // periods, series
	// maxDec is the most decimals a value label on the chart shows: two
	// more than the value axis, so "95,327381" is drawn as "95,33". The
	// description keeps up to six.
	maxDec int
}

func newChart(ind *indicator.Indicator, opts Options) *chart {
	c := &chart{opts: opts, target: math.NaN(), maxDec: 6}
	lang := ""
	if opts.Locale != nil {
		lang = opts.Locale.Lang
	}
	def := DefaultLabels(lang)
	c.labels = opts.Labels
	if c.labels.Sample == "" {
		c.labels.Sample = def.Sample
	}
	if c.labels.Target == "" {
		c.labels.Target = def.Target
	}
	if c.labels.NoData == "" {
		c.labels.NoData = def.NoData
	}
	c.title = strings.TrimSpace(opts.Title)
	if c.title == "" {
		c.title = strings.TrimSpace(ind.ID)
	}
	if c.title == "" { // never for a valid indicator: its metadata require a title
		wd := wordsEN
		if lang == "cs" {
			wd = wordsCS
		}
		c.title = wd.line
		if ind.Meta.Chart == "bar" {
			c.title = wd.bar
		}
	}
	c.unit = strings.TrimSpace(opts.Unit)
	c.bar = ind.Meta.Chart == "bar"
	c.sample = ind.Meta.Sample
	if t := ind.Meta.Target; t != nil && !math.IsNaN(*t) && !math.IsInf(*t, 0) {
		c.target = *t
	}
	p := opts.IDPrefix
	if p == "" {
		p = "chart-" + ind.ID
	}
	c.prefix = sanitizeID(p)

	c.s = len(ind.Series)
	if c.s == 0 {
		for _, r := range ind.Rows {
			c.s = max(c.s, len(r.Values))
		}
	}
	c.names = make([]string, c.s)
	copy(c.names, ind.Series)

	// Rows in chronological order (the reader keeps the file's order).
	order := make([]int, len(ind.Rows))
	for i := range order {
		order[i] = i
	}
	key := func(p indicator.Period) int {
		m := p.Month
		if p.Quarter > 0 {
			m = (p.Quarter-1)*3 + 1
		}
		return p.Year*10000 + m*100 + p.Day
	}
	if !slices.IsSortedFunc(ind.Rows, func(a, b indicator.Row) int { return key(a.Period) - key(b.Period) }) {
		slices.SortStableFunc(order, func(a, b int) int { return key(ind.Rows[a].Period) - key(ind.Rows[b].Period) })
	}
	c.n = len(order)
	c.periods = make([]indicator.Period, c.n)
	c.vals = make([][]float64, c.s)
	for s := range c.vals {
		c.vals[s] = make([]float64, c.n)
	}
	for i, o := range order {
		r := ind.Rows[o]
		c.periods[i] = r.Period
		for s := 0; s < c.s; s++ {
			v := math.NaN()
			if s < len(r.Values) && !math.IsInf(r.Values[s], 0) {
				v = r.Values[s]
			}
			c.vals[s][i] = v
		}
	}
	return c
}

// sanitizeID makes p usable as the start of an XML id and of an IDREF in
// aria-labelledby: ASCII letters, digits, '-' and '_', starting with a letter.
func sanitizeID(p string) string {
	b := make([]byte, 0, len(p)+1)
	for _, r := range p {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b = append(b, byte(r))
		default:
			b = append(b, '-')
		}
	}
	if len(b) == 0 || !(b[0] >= 'a' && b[0] <= 'z' || b[0] >= 'A' && b[0] <= 'Z') {
		b = append([]byte("c"), b...)
	}
	return string(b)
}

// period formats p for labels.
func (c *chart) period(p indicator.Period) string {
	if c.opts.Period != nil {
		return c.opts.Period(p)
	}
	return p.String()
}

// decimal formats v with d decimals in the page's language.
func (c *chart) decimal(v float64, d int) string {
	if c.opts.Locale != nil {
		return c.opts.Locale.Decimal(v, d)
	}
	if math.Abs(v) < 0.5*math.Pow(10, -float64(d)) {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}

// value formats a data value for a label on the chart, without its unit,
// with as many decimals as it has, at most maxDec: 23.4 → "23,4", 12 → "12".
func (c *chart) value(v float64) string {
	return c.decimal(v, min(valueDecimals(v), c.maxDec))
}

// withUnit formats a data value with its unit: "23,4 %" (cs), "23.4%" (en),
// "1 234 MWh".
func (c *chart) withUnit(v float64) string {
	d := valueDecimals(v)
	if c.unit == "%" && c.opts.Locale != nil {
		return c.opts.Locale.Percent(v, d)
	}
	s := c.decimal(v, d)
	if c.unit == "" {
		return s
	}
	return s + "\u00a0" + c.unitAfter(v, d)
}

// unitAfter is the unit as written after v shown with d decimals: in
// Czech "1 projekt", "3 projekty", "5 projektů", "1,5 projektu".
func (c *chart) unitAfter(v float64, d int) string {
	f := c.opts.UnitForms
	if f == nil {
		return c.unit
	}
	form := "other"
	if c.opts.Locale != nil {
		form = c.opts.Locale.PluralForm(v, d)
	}
	if w := strings.TrimSpace(f[form]); w != "" {
		return w
	}
	if w := strings.TrimSpace(f["other"]); w != "" {
		return w
	}
	return c.unit
}

// valueDecimals is the number of decimals v is written with, at most 6.
func valueDecimals(v float64) int {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	tol := 1e-9 * math.Abs(v)
	p := 1.0
	for d := 0; d < 6; d++ {
		if math.Abs(math.Round(v*p)/p-v) <= tol {
			return d
		}
		p *= 10
	}
	return 6
}

// textWidth estimates the width of s in user units at font size fs: 0.6 em
// per character.
func textWidth(s string, fs float64) float64 {
	return float64(utf8.RuneCountInString(s)) * 0.6 * fs
}

// truncate shortens s to at most n characters, ending in "…".
func truncate(s string, n int) string {
	if n < 1 {
		n = 1
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// extent returns the smallest and largest value of all series, and false
// when there is none.
func (c *chart) extent() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, vs := range c.vals {
		for _, v := range vs {
			if v == v {
				lo, hi, ok = min(lo, v), max(hi, v), true
			}
		}
	}
	return lo, hi, ok
}

// latest returns the index of the last period with a value in series s, or -1.
func (c *chart) latest(s int) int {
	for i := c.n - 1; i >= 0; i-- {
		if !math.IsNaN(c.vals[s][i]) {
			return i
		}
	}
	return -1
}
