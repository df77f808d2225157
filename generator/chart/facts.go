package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transformace/portal/generator/indicator"
)

// Facts are what a text description of a chart says, with every number
// and period already formatted for the page's language. [Summarize]
// computes them; a Labels.Describe function turns them into words.
type Facts struct {
	Lang   string // the locale's language ("cs", "en"), "" without a locale
	Title  string // the indicator title
	Unit   string // the unit, possibly ""
	Chart  string // "line" or "bar"
	Short  bool   // a sparkline: say it in one sentence
	Sample bool   // the numbers are sample data, not real
	// SampleLabel is Labels.Sample ("Ilustrativní data").
	SampleLabel string
	// Periods is the number of periods (rows), From and To the first and
	// last of them, formatted by Options.Period.
	Periods  int
	From, To string
	// Target is the target value and TargetText it formatted with the
	// unit; nil when the indicator has no target.
	Target     *float64
	TargetText string
	Series     []SeriesFacts
}

// SeriesFacts describe one series.
type SeriesFacts struct {
	Name    string // the column name from the CSV header
	Count   int    // periods with a value
	Missing int    // periods without a value
	// First and Latest are the first and the last value; Min and Max the
	// lowest and highest (the first such period). Zero Points when Count == 0.
	First, Latest, Min, Max Point
	// Trend compares Latest with First.
	Trend Trend
	// Target says whether Latest meets the indicator's target.
	Target TargetStatus
}

// Point is one value of a series.
type Point struct {
	Period string  // formatted by Options.Period
	Value  float64 // the number itself
	Text   string  // the number with its unit in the page's language: "23,4 %"
}

// Trend is the direction of a series from its first to its latest value.
type Trend int

// Trends. A change of at most 1 % of the larger of the two values is Stable.
const (
	TrendUnknown Trend = iota // fewer than two values
	TrendRising
	TrendFalling
	TrendStable
)

// String returns "unknown", "rising", "falling" or "stable".
func (t Trend) String() string {
	switch t {
	case TrendRising:
		return "rising"
	case TrendFalling:
		return "falling"
	case TrendStable:
		return "stable"
	}
	return "unknown"
}

// TargetStatus says whether a series has reached the indicator's target.
// The direction of the target is read from the data: when the first value
// is above the target the aim is to come down to it (reached when the
// latest value is at or below it), otherwise to reach it from below.
type TargetStatus int

// Target statuses.
const (
	NoTarget         TargetStatus = iota // no target, or no value
	TargetReached                        // the latest value meets the target
	TargetNotReached                     // not yet
)

// String returns "none", "reached" or "not reached".
func (t TargetStatus) String() string {
	switch t {
	case TargetReached:
		return "reached"
	case TargetNotReached:
		return "not reached"
	}
	return "none"
}

// Summarize returns the facts that Describe puts into words.
func Summarize(ind *indicator.Indicator, opts Options) Facts {
	if ind == nil {
		return Facts{}
	}
	return newChart(ind, opts).facts()
}

func (c *chart) facts() Facts {
	f := Facts{
		Title: c.title, Unit: c.unit, Chart: "line", Short: c.opts.Sparkline,
		Sample: c.sample, SampleLabel: c.labels.Sample, Periods: c.n,
	}
	if c.opts.Locale != nil {
		f.Lang = c.opts.Locale.Lang
	}
	if c.bar {
		f.Chart = "bar"
	}
	if c.n > 0 {
		f.From, f.To = c.period(c.periods[0]), c.period(c.periods[c.n-1])
	}
	if finite(c.target) {
		t := c.target
		f.Target, f.TargetText = &t, c.withUnit(t)
	}
	f.Series = make([]SeriesFacts, c.s)
	for s := range c.s {
		sf := SeriesFacts{Name: c.names[s]}
		first, last, lo, hi := -1, -1, -1, -1
		for i, v := range c.vals[s] {
			if math.IsNaN(v) {
				sf.Missing++
				continue
			}
			sf.Count++
			if first < 0 {
				first = i
			}
			last = i
			if lo < 0 || v < c.vals[s][lo] {
				lo = i
			}
			if hi < 0 || v > c.vals[s][hi] {
				hi = i
			}
		}
		if sf.Count > 0 {
			pt := func(i int) Point {
				v := c.vals[s][i]
				return Point{Period: c.period(c.periods[i]), Value: v, Text: c.withUnit(v)}
			}
			sf.First, sf.Latest, sf.Min, sf.Max = pt(first), pt(last), pt(lo), pt(hi)
			if sf.Count > 1 {
				a, b := sf.First.Value, sf.Latest.Value
				switch d := b - a; {
				case math.Abs(d) <= 0.01*max(math.Abs(a), math.Abs(b)):
					sf.Trend = TrendStable
				case d > 0:
					sf.Trend = TrendRising
				default:
					sf.Trend = TrendFalling
				}
			}
			if f.Target != nil {
				t := *f.Target
				down := sf.First.Value > t
				if down && sf.Latest.Value <= t || !down && sf.Latest.Value >= t {
					sf.Target = TargetReached
				} else {
					sf.Target = TargetNotReached
				}
			}
		}
		f.Series[s] = sf
	}
	return f
}

func (c *chart) describe() string {
	f := c.facts()
	if c.labels.Describe != nil {
		return c.labels.Describe(f)
	}
	return DefaultDescribe(f)
}

// describeWords are the words of DefaultDescribe in one language.
type describeWords struct {
	line, bar, noData, noDataSeries, latest, first, missing string
	trend                                                   [4]string // by Trend
	lowest, highest                                         string
	targetReached, targetNotReached                         string // with %s for the target
	sampleNote                                              string
}

var wordsCS = describeWords{
	line: "Spojnicový graf", bar: "Sloupcový graf", noData: "Bez údajů.", noDataSeries: "bez údajů",
	latest: "poslední hodnota", first: "první hodnota",
	trend:  [4]string{"", "roste", "klesá", "beze změny"},
	lowest: "nejnižší", highest: "nejvyšší",
	targetReached: "cíl %s je splněn", targetNotReached: "cíl %s zatím není splněn",
	missing:    "bez údaje za %d z %d období",
	sampleNote: "čísla nejsou skutečná",
}

var wordsEN = describeWords{
	line: "Line chart", bar: "Bar chart", noData: "No data.", noDataSeries: "no data",
	latest: "latest value", first: "first value",
	trend:  [4]string{"", "rising", "falling", "stable"},
	lowest: "lowest", highest: "highest",
	targetReached: "target %s reached", targetNotReached: "target %s not reached yet",
	missing:    "no data for %d of %d periods",
	sampleNote: "the numbers are not real",
}

// DefaultDescribe puts facts into Czech words when f.Lang is "cs" and into
// English otherwise, e.g. "Line chart: Share of renewables, 2015–2024.
// Latest value 23.4% (2024), first value 12.1% (2015): rising; lowest
// 12.1% (2015), highest 23.4% (2024); target 30% not reached yet." A site
// passes its own function built from UI strings in Labels.Describe.
func DefaultDescribe(f Facts) string {
	wd := wordsEN
	if f.Lang == "cs" {
		wd = wordsCS
	}
	var b strings.Builder
	sample := func() {
		if f.Sample {
			b.WriteString(" ")
			b.WriteString(sentence(f.SampleLabel))
			b.WriteString(": ")
			b.WriteString(wd.sampleNote)
			b.WriteString(".")
		}
	}
	if f.Short {
		b.WriteString(f.Title)
		for i, s := range f.Series {
			if s.Count == 0 {
				continue
			}
			if i == 0 {
				b.WriteString(": ")
			} else {
				b.WriteString("; ")
				b.WriteString(s.Name)
				b.WriteString(" ")
			}
			b.WriteString(wd.latest)
			b.WriteString(" ")
			b.WriteString(s.Latest.Text)
			b.WriteString(" (" + s.Latest.Period + ")")
			if s.Trend != TrendUnknown {
				b.WriteString(", " + wd.trend[s.Trend])
			}
			if len(f.Series) > 1 {
				break // a card names the first series only
			}
		}
		b.WriteString(".")
		sample()
		return b.String()
	}

	if f.Chart == "bar" {
		b.WriteString(wd.bar)
	} else {
		b.WriteString(wd.line)
	}
	b.WriteString(": ")
	b.WriteString(strings.TrimRight(f.Title, ". "))
	if f.Periods > 0 {
		b.WriteString(", ")
		b.WriteString(periodRange(f.From, f.To))
	}
	b.WriteString(".")
	sample()
	any := false
	for _, s := range f.Series {
		if s.Count > 0 {
			any = true
		}
	}
	if !any {
		b.WriteString(" ")
		b.WriteString(wd.noData)
		return b.String()
	}
	multi := len(f.Series) > 1
	for _, s := range f.Series {
		var parts []string
		if s.Count == 0 {
			parts = append(parts, wd.noDataSeries)
		} else {
			p := wd.latest + " " + s.Latest.Text + " (" + s.Latest.Period + ")"
			if s.Trend != TrendUnknown {
				p += ", " + wd.first + " " + s.First.Text + " (" + s.First.Period + "): " + wd.trend[s.Trend]
			}
			parts = append(parts, p)
			if !multi && s.Count > 2 {
				parts = append(parts, wd.lowest+" "+s.Min.Text+" ("+s.Min.Period+"), "+wd.highest+" "+s.Max.Text+" ("+s.Max.Period+")")
			}
			switch s.Target {
			case TargetReached:
				parts = append(parts, strings.Replace(wd.targetReached, "%s", f.TargetText, 1))
			case TargetNotReached:
				parts = append(parts, strings.Replace(wd.targetNotReached, "%s", f.TargetText, 1))
			}
			if s.Missing > 0 {
				parts = append(parts, wd.missingN(s.Missing, f.Periods))
			}
		}
		b.WriteString(" ")
		text := strings.Join(parts, "; ")
		if multi {
			b.WriteString(s.Name)
			b.WriteString(": ")
			b.WriteString(text)
		} else {
			b.WriteString(sentence(text))
		}
		b.WriteString(".")
	}
	return b.String()
}

func (wd describeWords) missingN(k, n int) string {
	s := strings.Replace(wd.missing, "%d", strconv.Itoa(k), 1)
	return strings.Replace(s, "%d", strconv.Itoa(n), 1)
}

// periodRange writes "2015–2024" (en dash without spaces) or, when a
// period is several words, "březen 2024 – duben 2025".
func periodRange(from, to string) string {
	if from == to {
		return from
	}
	if strings.ContainsAny(from+to, " \u00a0") {
		return from + "\u00a0– " + to
	}
	return from + "–" + to
}

// sentence upper-cases the first letter of s.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
