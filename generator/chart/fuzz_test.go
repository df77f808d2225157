package chart

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"

	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/locale"
)

// fuzzIndicator builds an indicator from fuzz bytes: the first bytes choose
// the chart type, sample flag, target, series count and row count; the rest
// are values (NaN, infinities, extremes and ordinary numbers) and text.
func fuzzIndicator(data []byte, text string) (*indicator.Indicator, bool) {
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	flags := next()
	ind := &indicator.Indicator{ID: text, Meta: indicator.Meta{Chart: "line", Sample: flags&2 != 0}}
	if flags&1 != 0 {
		ind.Meta.Chart = "bar"
	}
	series := int(next() % 9)
	rows := int(next())
	if flags&4 != 0 {
		rows = rows * 8 // up to 2040 rows: narrower than a unit per period (TestRobust has 10 000)
	}
	value := func() float64 {
		k := next()
		switch k % 16 {
		case 0:
			return math.NaN()
		case 1:
			return math.Inf(1 - 2*int(k>>7))
		case 2:
			if len(data) >= 8 {
				v := math.Float64frombits(binary.LittleEndian.Uint64(data))
				data = data[8:]
				return v
			}
			return math.MaxFloat64
		case 3:
			return 0
		}
		return float64(int8(next())) * math.Pow(10, float64(int(k>>4)-8))
	}
	if flags&8 != 0 {
		t := value()
		ind.Meta.Target = &t
	}
	for s := range series {
		ind.Series = append(ind.Series, text+strings.Repeat("x", s))
	}
	for i := range rows {
		r := indicator.Row{Period: indicator.Period{Year: 2000 + i/4, Quarter: int(flags>>4) % 2 * (i%4 + 1)}}
		n := series
		if flags&64 != 0 && i%3 == 0 {
			n = series / 2 // a short row
		}
		for range n {
			r.Values = append(r.Values, value())
		}
		ind.Rows = append(ind.Rows, r)
	}
	return ind, flags&128 != 0
}

func FuzzSVG(f *testing.F) {
	f.Add([]byte{0, 1, 10, 4, 5, 6, 0, 7, 8}, "podíl")
	f.Add([]byte{1, 3, 5, 4, 5, 6, 0, 7, 8, 1, 2, 3}, "<a & \"b\">")
	f.Add([]byte{2 | 8, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "")
	f.Add([]byte{128 | 16, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f}, "x\x00\xff")
	f.Add([]byte{4 | 1, 2, 250}, "big")
	cs := loadLocale(f, "cs") // a Locale is safe for concurrent use
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		ind, spark := fuzzIndicator(data, text)
		for _, l := range []*locale.Locale{cs, nil} {
			opts := Options{Locale: l, Title: text, Unit: text, IDPrefix: text, Sparkline: spark,
				Labels: Labels{Sample: text, Target: text, NoData: text}}
			out, err := SVG(ind, opts)
			if err != nil {
				t.Fatal(err)
			}
			checkSVG(t, string(out))
			if !strings.Contains(text, "NaN") && !strings.Contains(text, "Inf") &&
				(strings.Contains(string(out), "NaN") || strings.Contains(string(out), "Inf")) {
				t.Errorf("NaN or Inf in the output:\n%s", out)
			}
			_ = Describe(ind, opts)
		}
	})
}
