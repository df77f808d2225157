package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/locale"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// loadLocale reads the site's UI string file for lang.
func loadLocale(t testing.TB, lang string) *locale.Locale {
	t.Helper()
	name := filepath.Join("..", "..", "layouts", "i18n", lang+".toml")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	l, err := locale.Parse(lang, name, data)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// periodFormat formats periods the way a page would.
func periodFormat(l *locale.Locale) func(indicator.Period) string {
	return func(p indicator.Period) string {
		switch {
		case p.Quarter > 0:
			return l.T("quarter", p.Quarter, p.Year)
		case p.Day > 0:
			return l.DateShort(time.Date(p.Year, time.Month(p.Month), p.Day, 0, 0, 0, 0, time.UTC))
		case p.Month > 0:
			return l.Month(p.Year, time.Month(p.Month))
		}
		return p.String()
	}
}

func labelsFor(l *locale.Locale) Labels {
	if l.Lang == "cs" {
		return Labels{Sample: l.T("sample_badge"), Target: "Cíl", NoData: l.T("no_data")}
	}
	return Labels{Sample: l.T("sample_badge"), Target: "Target", NoData: l.T("no_data")}
}

func ptr(f float64) *float64 { return &f }

var nan = math.NaN()

// years builds an annual indicator from first with one column per series.
func years(first int, series []string, cols ...[]float64) *indicator.Indicator {
	ind := &indicator.Indicator{ID: "test", Series: series, Meta: indicator.Meta{Chart: "line", Periodicity: "annual"}}
	for i := range cols[0] {
		r := indicator.Row{Period: indicator.Period{Year: first + i}}
		for _, c := range cols {
			r.Values = append(r.Values, c[i])
		}
		ind.Rows = append(ind.Rows, r)
	}
	return ind
}

// quarters builds a quarterly indicator of n periods from 2015-Q1.
func quarters(n int, series []string, f func(s, i int) float64) *indicator.Indicator {
	ind := &indicator.Indicator{ID: "q", Series: series, Meta: indicator.Meta{Chart: "line", Periodicity: "quarterly"}}
	for i := range n {
		r := indicator.Row{Period: indicator.Period{Year: 2015 + i/4, Quarter: i%4 + 1}}
		for s := range series {
			r.Values = append(r.Values, f(s, i))
		}
		ind.Rows = append(ind.Rows, r)
	}
	return ind
}

type goldenCase struct {
	name string
	ind  *indicator.Indicator
	opts Options
}

// goldenCases are the charts kept in testdata/*.svg.
func goldenCases(t testing.TB) []goldenCase {
	cs, en := loadLocale(t, "cs"), loadLocale(t, "en")
	opts := func(l *locale.Locale, title, unit, prefix string) Options {
		return Options{Locale: l, Labels: labelsFor(l), Title: title, Unit: unit, IDPrefix: prefix, Period: periodFormat(l)}
	}

	share := years(2015, []string{"podíl"}, []float64{12.1, 13.4, 14.05, 15.2, nan, 17.8, nan, 19.9, 21.3, 23.4})
	share.Meta.Target = ptr(30)
	share.Meta.Sample = true

	energy := years(2017, []string{"MWh"}, []float64{12345.5, 15020, nan, 18250.25, 17000, 0, 21480})
	energy.Meta.Chart = "bar"
	energy.Meta.Target = ptr(20000)

	jobs := quarters(40, []string{"Karlovarský kraj", "Ústecký kraj", "Moravskoslezský kraj <MSK> & „okolí“"}, func(s, i int) float64 {
		base := []float64{2400, 4100, 5200}[s]
		v := base + float64(i)*[]float64{35, -22, 12}[s] + 180*math.Sin(float64(i+s*3)/3)
		if s == 1 && (i == 9 || i == 10) {
			return nan
		}
		return math.Round(v*100) / 100
	})

	emissions := years(2019, []string{"uhlí", "plyn", "biomasa", "ostatní"},
		[]float64{-1.5, -0.8, nan, 0.4, 1.25},
		[]float64{2.1, 2.4, 2.45, 2.2, 2.0},
		[]float64{0.5, nan, 0.9, 1.1, 1.6},
		[]float64{nan, nan, nan, nan, nan})
	emissions.Meta.Chart = "bar"

	huge := years(2020, []string{"Kč"}, []float64{1.2e9, 1.35e9, 1.1e9, 1.52e9})
	tiny := years(2020, []string{"ppm"}, []float64{0.003, 0.0042, 0.0031, 0.0055})
	tiny.Meta.Target = ptr(0.004)

	monthly := &indicator.Indicator{ID: "m", Series: []string{"návštěvy"}, Meta: indicator.Meta{Chart: "line"}}
	for i := range 30 {
		monthly.Rows = append(monthly.Rows, indicator.Row{
			Period: indicator.Period{Year: 2022 + i/12, Month: i%12 + 1},
			Values: []float64{float64(100 + (i*37)%60)},
		})
	}

	empty := years(2020, []string{"a", "b"}, []float64{nan, nan}, []float64{nan, nan})

	sparkOpts := func(l *locale.Locale, prefix string) Options {
		o := opts(l, "Podíl obnovitelných zdrojů", "%", prefix)
		o.Sparkline = true
		return o
	}

	return []goldenCase{
		{"line_gap_target_cs", share, opts(cs, "Podíl obnovitelných zdrojů na výrobě elektřiny", "%", "share")},
		{"line_gap_target_en", share, opts(en, "Share of renewables in electricity production", "%", "share")},
		{"bar_missing_cs", energy, opts(cs, "Ušetřená energie", "MWh", "energy")},
		{"bar_missing_en", energy, opts(en, "Energy saved", "MWh", "energy")},
		{"multi_series_cs", jobs, opts(cs, "Nová pracovní místa <v krajích> & „uhelných regionech“", "míst", "jobs")},
		{"multi_series_en", jobs, opts(en, `New jobs "in coal regions" & <elsewhere>`, "jobs", "jobs")},
		{"multi_bar_cs", emissions, opts(cs, "Změna emisí", "Mt CO₂", "emis")},
		{"huge_cs", huge, opts(cs, "Rozpočet", "Kč", "huge")},
		{"tiny_en", tiny, opts(en, "Concentration", "ppm", "tiny")},
		{"monthly_cs", monthly, opts(cs, "Návštěvy portálu", "", "visits")},
		{"nodata_cs", empty, opts(cs, "Bez dat", "t", "empty")},
		{"sparkline_cs", share, sparkOpts(cs, "spark-share")},
		{"sparkline_bar_en", energy, func() Options {
			o := opts(en, "Energy saved", "MWh", "spark-energy")
			o.Sparkline = true
			return o
		}()},
		{"sparkline_nodata_cs", empty, sparkOpts(cs, "spark-empty")},
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			out, err := SVG(tc.ind, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := []byte(string(out) + "\n")
			name := filepath.Join("testdata", tc.name+".svg")
			if *update {
				if err := os.WriteFile(name, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
			}
			// Deterministic: the same input gives the same bytes.
			again, _ := SVG(tc.ind, tc.opts)
			if again != out {
				t.Error("two renderings differ")
			}
		})
	}
}

// parsed is what checkSVG finds in an SVG.
type parsed struct {
	root        xml.StartElement
	title, desc string
	ids         map[string]int
	series      map[string][]xml.StartElement // class chart-series-N → its elements
	texts       []string
}

func attr(e xml.StartElement, name string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// checkSVG parses out as XML and checks what every chart must have.
func checkSVG(t testing.TB, out string) parsed {
	t.Helper()
	p := parsed{ids: map[string]int{}, series: map[string][]xml.StartElement{}}
	d := xml.NewDecoder(strings.NewReader(out))
	var stack []xml.StartElement
	var seriesStack []string
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			tok = tok.Copy()
			if len(stack) == 0 {
				p.root = tok
			}
			if tok.Name.Local == "style" {
				t.Error("<style> element")
			}
			cur := ""
			if len(seriesStack) > 0 {
				cur = seriesStack[len(seriesStack)-1]
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "style" {
					t.Errorf("style attribute on <%s>", tok.Name.Local)
				}
				if a.Name.Local == "id" {
					p.ids[a.Value]++
				}
				if a.Name.Local == "class" {
					for _, c := range strings.Fields(a.Value) {
						if strings.HasPrefix(c, "chart-series-") {
							cur = c
						}
					}
				}
			}
			if cur != "" {
				p.series[cur] = append(p.series[cur], tok)
			}
			seriesStack = append(seriesStack, cur)
			stack = append(stack, tok)
			text.Reset()
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			top := stack[len(stack)-1]
			switch top.Name.Local {
			case "title":
				if len(stack) == 2 {
					p.title = text.String()
				}
			case "desc":
				if len(stack) == 2 {
					p.desc = text.String()
				}
			case "text":
				p.texts = append(p.texts, text.String())
			}
			stack = stack[:len(stack)-1]
			seriesStack = seriesStack[:len(seriesStack)-1]
			text.Reset()
		}
	}
	if p.root.Name.Local != "svg" {
		t.Fatalf("root is <%s>", p.root.Name.Local)
	}
	if role, _ := attr(p.root, "role"); role != "img" {
		t.Errorf("role = %q, want img", role)
	}
	vb, _ := attr(p.root, "viewBox")
	if !regexp.MustCompile(`^0 0 [0-9.]+ [0-9.]+$`).MatchString(vb) {
		t.Errorf("viewBox = %q", vb)
	}
	if w, _ := attr(p.root, "width"); w != "100%" {
		t.Errorf("width = %q, want 100%%", w)
	}
	if _, ok := attr(p.root, "height"); ok {
		t.Error("fixed height")
	}
	if _, ok := attr(p.root, "preserveAspectRatio"); !ok {
		t.Error("no preserveAspectRatio")
	}
	lb, _ := attr(p.root, "aria-labelledby")
	refs := strings.Fields(lb)
	if len(refs) != 2 || !strings.HasSuffix(refs[0], "-title") || !strings.HasSuffix(refs[1], "-desc") {
		t.Errorf("aria-labelledby = %q", lb)
	}
	for _, r := range refs {
		if p.ids[r] != 1 {
			t.Errorf("aria-labelledby refers to %q, which occurs %d times", r, p.ids[r])
		}
	}
	for id, n := range p.ids {
		if n > 1 {
			t.Errorf("id %q occurs %d times", id, n)
		}
		if len(refs) > 0 && !strings.HasPrefix(id, strings.TrimSuffix(refs[0], "-title")) {
			t.Errorf("id %q lacks the prefix", id)
		}
	}
	if strings.TrimSpace(p.title) == "" || strings.TrimSpace(p.desc) == "" {
		t.Errorf("empty title %q or desc %q", p.title, p.desc)
	}
	// Every reference to an id inside the SVG resolves.
	for _, m := range regexp.MustCompile(`(?:href="#|url\(#)([^")]+)`).FindAllStringSubmatch(out, -1) {
		if p.ids[m[1]] != 1 {
			t.Errorf("reference to missing id %q", m[1])
		}
	}
	return p
}

func TestStructure(t *testing.T) {
	for _, tc := range goldenCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			out, err := SVG(tc.ind, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			p := checkSVG(t, string(out))
			if p.desc != Describe(tc.ind, tc.opts) {
				t.Errorf("desc = %q, Describe = %q", p.desc, Describe(tc.ind, tc.opts))
			}
			if !strings.HasPrefix(p.title, tc.opts.Title) {
				t.Errorf("title = %q, want %q", p.title, tc.opts.Title)
			}
			if tc.ind.Meta.Sample {
				found := false
				for _, s := range p.texts {
					found = found || s == tc.opts.Labels.Sample
				}
				if !found {
					t.Errorf("sample data without the %q badge", tc.opts.Labels.Sample)
				}
				if !strings.Contains(p.title, tc.opts.Labels.Sample) || !strings.Contains(p.desc, tc.opts.Labels.Sample) {
					t.Errorf("sample data not said in title %q or desc %q", p.title, p.desc)
				}
			}
			if tc.opts.Sparkline {
				return
			}
			// Distinct series look distinct without colour: markers and
			// dashes for lines, fill patterns for bars.
			markers, dash, fills := map[string]string{}, map[string]string{}, map[string]string{}
			for class, els := range p.series {
				for _, e := range els {
					if h, ok := attr(e, "href"); ok {
						markers[class] = h
					}
					if e.Name.Local == "path" && tc.ind.Meta.Chart != "bar" {
						d, _ := attr(e, "stroke-dasharray")
						dash[class] = d
					}
					if f, ok := attr(e, "fill"); ok && e.Name.Local == "g" {
						fills[class] = f
					}
				}
			}
			distinct := func(what string, m map[string]string) {
				seen := map[string]string{}
				for class, v := range m {
					if other, dup := seen[v]; dup {
						t.Errorf("%s and %s share %s %q", class, other, what, v)
					}
					seen[v] = class
				}
			}
			if tc.ind.Meta.Chart == "bar" {
				distinct("fill", fills)
			} else {
				distinct("marker", markers)
				distinct("dash pattern", dash)
			}
			// A legend names every series when there is more than one.
			if _, _, any := newChart(tc.ind, tc.opts).extent(); any && len(tc.ind.Series) > 1 {
				for _, name := range tc.ind.Series {
					found := false
					for _, s := range p.texts {
						found = found || strings.HasPrefix(s, name)
					}
					if !found {
						t.Errorf("legend lacks series %q", name)
					}
				}
			}
		})
	}
}

func TestCzechNumbers(t *testing.T) {
	cs, en := loadLocale(t, "cs"), loadLocale(t, "en")
	ind := years(2020, []string{"v"}, []float64{2345.25, 1234.5, 3000.75})
	ind.Meta.Target = ptr(2500.5)
	out, err := SVG(ind, Options{Locale: cs, Labels: labelsFor(cs), Title: "T", Unit: "MWh"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{"3\u00a0000,75", "2\u00a0000", "Cíl: 2\u00a0500,5"} {
		if !strings.Contains(s, want) {
			t.Errorf("Czech chart lacks %q", want)
		}
	}
	if strings.Contains(s, "3,000") || strings.Contains(s, "3 000") || strings.Contains(s, "2345.25") {
		t.Error("Czech chart has English or plain-space numbers")
	}
	desc := Describe(ind, Options{Locale: cs, Labels: labelsFor(cs), Title: "T", Unit: "MWh"})
	if !strings.Contains(desc, "3\u00a0000,75\u00a0MWh") {
		t.Errorf("Czech description %q lacks the latest value with its unit", desc)
	}
	out, _ = SVG(ind, Options{Locale: en, Labels: labelsFor(en), Title: "T", Unit: "MWh"})
	for _, want := range []string{"3,000.75", "Target: 2,500.5"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("English chart lacks %q", want)
		}
	}
	pct := years(2020, []string{"v"}, []float64{12.5, 23.4})
	if d := Describe(pct, Options{Locale: cs, Title: "P", Unit: "%"}); !strings.Contains(d, "23,4\u00a0%") {
		t.Errorf("Czech percent in %q", d)
	}
	if d := Describe(pct, Options{Locale: en, Title: "P", Unit: "%"}); !strings.Contains(d, "23.4%") {
		t.Errorf("English percent in %q", d)
	}
}

// TestUnitForms: a unit with plural forms follows each number in the form
// the language's grammar asks for; the unit on its own stays Unit.
func TestUnitForms(t *testing.T) {
	cs, en := loadLocale(t, "cs"), loadLocale(t, "en")
	csForms := map[string]string{"one": "projekt", "few": "projekty", "many": "projektu", "other": "projektů"}
	enForms := map[string]string{"one": "project", "other": "projects"}
	for _, tc := range []struct {
		name  string
		l     *locale.Locale
		forms map[string]string
		vals  []float64
		want  []string
	}{
		{"cs 1, 3, 5", cs, csForms, []float64{1, 3, 5}, []string{"Poslední hodnota 5\u00a0projektů", "první hodnota 1\u00a0projekt", "nejnižší 1\u00a0projekt"}},
		{"cs 2, 4", cs, csForms, []float64{2, 4}, []string{"4\u00a0projekty", "2\u00a0projekty"}},
		{"cs decimals and 0", cs, csForms, []float64{0, 1.5}, []string{"1,5\u00a0projektu", "0\u00a0projektů"}},
		{"cs 22, 101: no few after 4 (CLDR)", cs, csForms, []float64{22, 101}, []string{"101\u00a0projektů", "22\u00a0projektů"}},
		{"en", en, enForms, []float64{1, 2}, []string{"Latest value 2\u00a0projects", "first value 1\u00a0project"}},
		{"a missing form falls back to other", cs, map[string]string{"other": "kusů"}, []float64{1, 3}, []string{"3\u00a0kusů", "1\u00a0kusů"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ind := years(2020, []string{"v"}, tc.vals)
			ind.Meta.Target = ptr(1)
			opts := Options{Locale: tc.l, Labels: labelsFor(tc.l), Title: "T", Unit: indicator.UnitLabel(tc.forms), UnitForms: tc.forms}
			desc := Describe(ind, opts)
			for _, want := range tc.want {
				if !strings.Contains(desc, want) {
					t.Errorf("description lacks %q:\n%s", want, desc)
				}
			}
			svg, err := SVG(ind, opts)
			if err != nil {
				t.Fatal(err)
			}
			// Above the axis the unit stands alone, as its label.
			if label := indicator.UnitLabel(tc.forms); !strings.Contains(string(svg), ">"+label+"<") {
				t.Errorf("chart lacks the unit label %q", label)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	cs, en := loadLocale(t, "cs"), loadLocale(t, "en")
	ind := years(2015, []string{"v"}, []float64{12.1, nan, 14, 23.4})
	ind.Meta.Target = ptr(30)
	ind.Meta.Sample = true
	o := Options{Locale: en, Labels: labelsFor(en), Title: "Share of renewables", Unit: "%"}
	got := Describe(ind, o)
	want := "Line chart: Share of renewables, 2015–2018. Illustrative data: the numbers are not real. " +
		"Latest value 23.4% (2018), first value 12.1% (2015): rising; lowest 12.1% (2015), highest 23.4% (2018); " +
		"target 30% not reached yet; no data for 1 of 4 periods."
	if got != want {
		t.Errorf("Describe =\n%q\nwant\n%q", got, want)
	}
	o.Locale, o.Labels = cs, labelsFor(cs)
	got = Describe(ind, o)
	want = "Spojnicový graf: Share of renewables, 2015–2018. Ilustrativní data: čísla nejsou skutečná. " +
		"Poslední hodnota 23,4\u00a0% (2018), první hodnota 12,1\u00a0% (2015): roste; nejnižší 12,1\u00a0% (2015), nejvyšší 23,4\u00a0% (2018); " +
		"cíl 30\u00a0% zatím není splněn; bez údaje za 1 z 4 období."
	if got != want {
		t.Errorf("Describe =\n%q\nwant\n%q", got, want)
	}

	// A target below the first value is one to come down to.
	down := years(2020, []string{"v"}, []float64{50, 40, 28})
	down.Meta.Target = ptr(30)
	f := Summarize(down, Options{Locale: en})
	if f.Series[0].Target != TargetReached || f.Series[0].Trend != TrendFalling {
		t.Errorf("falling to a lower target: %v, %v", f.Series[0].Target, f.Series[0].Trend)
	}
	flat := years(2020, []string{"v"}, []float64{100, 150, 100.5})
	if tr := Summarize(flat, Options{}).Series[0].Trend; tr != TrendStable {
		t.Errorf("trend of 100 → 100.5 = %v, want stable", tr)
	}
	one := years(2020, []string{"v"}, []float64{7})
	if tr := Summarize(one, Options{}).Series[0].Trend; tr != TrendUnknown {
		t.Errorf("trend of one value = %v", tr)
	}

	// The caller's wording wins.
	o.Labels.Describe = func(f Facts) string {
		return f.Title + " / " + f.Series[0].Latest.Text + " / " + f.Series[0].Trend.String()
	}
	if got := Describe(ind, o); got != "Share of renewables / 23,4\u00a0% / rising" {
		t.Errorf("custom Describe = %q", got)
	}
	out, _ := SVG(ind, o)
	if !strings.Contains(string(out), "<desc id=\"chart-test-desc\">Share of renewables / 23,4\u00a0% / rising</desc>") {
		t.Errorf("custom description not in the SVG:\n%s", out)
	}

	// Several series, a sparkline, no data.
	multi := years(2020, []string{"A", "B"}, []float64{1, 2}, []float64{nan, nan})
	if got := Describe(multi, Options{Locale: en, Title: "M"}); got != "Line chart: M, 2020–2021. A: latest value 2 (2021), first value 1 (2020): rising. B: no data." {
		t.Errorf("multi Describe = %q", got)
	}
	if got := Describe(ind, Options{Locale: en, Title: "S", Unit: "%", Sparkline: true}); got != "S: latest value 23.4% (2018), rising. Illustrative data: the numbers are not real." {
		t.Errorf("sparkline Describe = %q", got)
	}
	empty := &indicator.Indicator{ID: "e", Series: []string{"v"}}
	if got := Describe(empty, Options{Locale: cs, Title: "E"}); got != "Spojnicový graf: E. Bez údajů." {
		t.Errorf("empty Describe = %q", got)
	}
	if got := periodRange("březen\u00a02024", "duben\u00a02025"); got != "březen\u00a02024\u00a0– duben\u00a02025" {
		t.Errorf("periodRange = %q", got)
	}
}

// TestRobust renders awkward data with and without a locale.
func TestRobust(t *testing.T) {
	cs := loadLocale(t, "cs")
	big := quarters(10000, []string{"a", "b"}, func(s, i int) float64 {
		if i%97 == 0 {
			return nan
		}
		return float64((i*7919+s*31)%1000) - 300
	})
	cases := map[string]*indicator.Indicator{
		"no rows":       {ID: "x", Series: []string{"a"}},
		"no series":     {ID: "x", Rows: []indicator.Row{{Period: indicator.Period{Year: 2020}}}},
		"short row":     {ID: "x", Series: []string{"a", "b"}, Rows: []indicator.Row{{Period: indicator.Period{Year: 2020}, Values: []float64{1}}}},
		"infinities":    years(2020, []string{"a"}, []float64{math.Inf(1), 1, math.Inf(-1), 2}),
		"one point":     years(2020, []string{"a"}, []float64{5}),
		"all equal":     years(2020, []string{"a"}, []float64{5, 5, 5}),
		"all zero":      years(2020, []string{"a"}, []float64{0, 0}),
		"negative":      years(2020, []string{"a"}, []float64{-5, -3, -8}),
		"extreme":       years(2020, []string{"a"}, []float64{math.MaxFloat64, -math.MaxFloat64, 1e-300}),
		"subnormal":     years(2020, []string{"a"}, []float64{5e-324, 1e-323}),
		"close big":     years(2020, []string{"a"}, []float64{1e17, 1e17 + 16, 1e17 + 32}),
		"unsorted":      {ID: "x", Series: []string{"a"}, Rows: []indicator.Row{{Period: indicator.Period{Year: 2022}, Values: []float64{3}}, {Period: indicator.Period{Year: 2020}, Values: []float64{1}}}},
		"10000 rows":    big,
		"evil text":     years(2020, []string{"<a>&\"'\x00\x1b\xff\ufffe"}, []float64{1, 2}),
		"twenty series": quarters(8, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}, func(s, i int) float64 { return float64(s * i) }),
	}
	for name, ind := range cases {
		for _, bar := range []bool{false, true} {
			for _, spark := range []bool{false, true} {
				for _, l := range []*locale.Locale{nil, cs} {
					ind.Meta.Chart = map[bool]string{false: "line", true: "bar"}[bar]
					ind.Meta.Target = ptr(2)
					ind.Meta.Sample = spark
					out, err := SVG(ind, Options{Locale: l, Title: "<T> & \"x\"", Unit: "<u>", Sparkline: spark, IDPrefix: "a b\"<"})
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					checkSVG(t, string(out))
					if strings.Contains(string(out), "NaN") || strings.Contains(string(out), "Inf") {
						t.Errorf("%s (bar %v, spark %v): NaN or Inf in the output", name, bar, spark)
					}
				}
			}
		}
	}
	if _, err := SVG(nil, Options{}); err == nil {
		t.Error("nil indicator: no error")
	}
	if Describe(nil, Options{}) != "" {
		t.Error("nil indicator: a description")
	}
}

// TestPeriodLabelsDoNotOverlap checks the thinning of period labels.
func TestPeriodLabelsDoNotOverlap(t *testing.T) {
	cs := loadLocale(t, "cs")
	for _, n := range []int{1, 2, 5, 12, 13, 40, 200, 10000} {
		ind := quarters(n, []string{"a"}, func(s, i int) float64 { return float64(i) })
		out, _ := SVG(ind, Options{Locale: cs, Period: periodFormat(cs)})
		g := regexp.MustCompile(`<g class="chart-periods"[^>]*>(.*?)</g>`).FindStringSubmatch(string(out))
		if g == nil {
			t.Fatalf("n=%d: no period labels", n)
		}
		re := regexp.MustCompile(`<text x="([-0-9.]+)" y="[-0-9.]+">([^<]*)</text>`)
		prevRight := math.Inf(-1)
		labels := re.FindAllStringSubmatch(g[1], -1)
		for _, m := range labels {
			x, err := strconv.ParseFloat(m[1], 64)
			if err != nil {
				t.Fatal(err)
			}
			w := textWidth(m[2], fontSize)
			if x-w/2 < prevRight || x-w/2 < 0 || x+w/2 > fullW {
				t.Errorf("n=%d: label %q at %v overlaps or leaves the chart", n, m[2], x)
			}
			prevRight = x + w/2
		}
		if len(labels) == 0 || labels[len(labels)-1][2] != periodFormat(cs)(ind.Rows[n-1].Period) {
			t.Errorf("n=%d: the latest period is not labelled", n)
		}
	}
}

func TestEscaping(t *testing.T) {
	got := string(appendEscaped(nil, "a<b>&\"c'\n\t\x00\xffé\ufffe😀"))
	want := "a&lt;b&gt;&amp;&#34;c&#39;&#xA;&#x9;\ufffd\ufffdé\ufffd😀"
	if got != want {
		t.Errorf("appendEscaped = %q, want %q", got, want)
	}
	for _, tc := range []struct{ in, want string }{
		{"share", "share"}, {"a b", "a-b"}, {"1x", "c1x"}, {"", "c"}, {"č<\"", "c---"},
	} {
		if got := sanitizeID(tc.in); got != tc.want {
			t.Errorf("sanitizeID(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// relativeLuminance is WCAG 2.1's relative luminance of "#RRGGBB".
func relativeLuminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q", hex)
	}
	var lum float64
	for i, k := range []float64{0.2126, 0.7152, 0.0722} {
		var v int
		for _, c := range hex[1+2*i : 3+2*i] {
			v *= 16
			switch {
			case c >= '0' && c <= '9':
				v += int(c - '0')
			case c >= 'a' && c <= 'f':
				v += int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				v += int(c-'A') + 10
			default:
				t.Fatalf("colour %q", hex)
			}
		}
		s := float64(v) / 255
		if s <= 0.04045 {
			s /= 12.92
		} else {
			s = math.Pow((s+0.055)/1.055, 2.4)
		}
		lum += k * s
	}
	return lum
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := relativeLuminance(t, a), relativeLuminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestContrast(t *testing.T) {
	if c := contrast(t, "#000000", "#FFFFFF"); math.Abs(c-21) > 1e-9 {
		t.Fatalf("contrast black/white = %v", c)
	}
	if c := contrast(t, "#767676", "#FFFFFF"); c < 4.5 || c > 4.6 {
		t.Fatalf("contrast #767676/white = %v, want 4.54", c)
	}
	seen := map[string]bool{}
	for _, col := range Palette() {
		if c := contrast(t, col, colHalo); c < 3 {
			t.Errorf("series colour %s: contrast %.2f:1 against white, want ≥ 3:1", col, c)
		}
		if seen[col] {
			t.Errorf("colour %s twice", col)
		}
		seen[col] = true
	}
	for _, tc := range []struct{ fg, bg string }{
		{colText, colHalo}, {colMuted, colHalo}, {colBadgeT, colBadge}, {colTarget, colHalo},
	} {
		if c := contrast(t, tc.fg, tc.bg); c < 4.5 {
			t.Errorf("text %s on %s: contrast %.2f:1, want ≥ 4.5:1", tc.fg, tc.bg, c)
		}
	}
	if c := contrast(t, colAxis, colHalo); c < 3 {
		t.Errorf("axis %s: contrast %.2f:1", colAxis, c)
	}
	if p := Palette(); len(p) != 6 {
		t.Errorf("Palette() = %v", p)
	} else if p[0] = "#FFFFFF"; Palette()[0] == "#FFFFFF" {
		t.Error("Palette() returns the package's own array")
	}
	// Distinct shapes and patterns for the first six series.
	for a := range len(Palette()) {
		for b := range a {
			ca, ma, da := seriesStyle(a)
			cb, mb, db := seriesStyle(b)
			if ca == cb || ma == mb || da == db {
				t.Errorf("series %d and %d share a colour, marker or dash", a, b)
			}
		}
	}
}

func BenchmarkSVG(b *testing.B) {
	cs := loadLocale(b, "cs")
	ind := quarters(40, []string{"Karlovarský kraj", "Ústecký kraj", "Moravskoslezský kraj"}, func(s, i int) float64 {
		if i == 17 && s == 1 {
			return nan
		}
		return 1000 + float64(s*500+i*13) + 0.25
	})
	ind.Meta.Target = ptr(2000)
	opts := Options{Locale: cs, Labels: labelsFor(cs), Title: "Pracovní místa", Unit: "míst", IDPrefix: "b", Period: periodFormat(cs)}
	b.ReportAllocs()
	var n int
	for b.Loop() {
		out, err := SVG(ind, opts)
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "bytes/svg")
}
