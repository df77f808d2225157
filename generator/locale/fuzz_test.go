package locale

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks that Parse never panics, that it returns either a Locale
// or an error carrying the file name, and that a Locale it accepts formats
// anything without panicking.
func FuzzParse(f *testing.F) {
	for _, lang := range []string{"cs", "en"} {
		data, err := os.ReadFile("testdata/" + lang + ".toml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(lang, data)
	}
	format := fixtureFormat("cs")
	for _, s := range []string{
		"",
		"a = \"x\"\n",
		"a = \"{0} {1} {\"\n" + format,
		"[p]\none = \"a\"\n" + format,
		"p = { one = \"a\", other = \"b\" }\n" + format,
		"p.other = \"b\"\n" + format,
		"[format]\ndate = \"{\"\n",
		"[format]\ndate = \"}{}{{d}}\"\n",
		"[[format]]\n",
		"format.date = 1\n",
		strings.Replace(format, `no_break_after = ["v", "k", "s", "z", "o", "u", "a", "i"]`, `no_break_after = ["", "ве", "x"]`, 1),
	} {
		f.Add("cs", []byte(s))
	}
	f.Add("und", []byte(format))
	f.Add("ar", []byte("[p]\nzero=\"a\"\ntwo=\"b\"\nfew=\"c\"\nmany=\"d\"\nother=\"e\"\n"+format))

	const name = "fuzz.toml"
	f.Fuzz(func(t *testing.T, lang string, data []byte) {
		l, err := Parse(lang, name, data)
		if err != nil {
			if l != nil {
				t.Fatalf("Parse returned a Locale and an error %v", err)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != name || e.Line < 0 {
				t.Fatalf("error %q is not an *Error about %s", err, name)
			}
			return
		}
		for _, key := range l.Keys() {
			if !l.Has(key) {
				t.Fatalf("Keys has %q but Has does not", key)
			}
			_ = l.T(key, 1, "x", 2.5)
			_ = l.T(key)
			for _, n := range []int{0, 1, 2, 5, 22, -1, math.MinInt, math.MaxInt} {
				_ = l.Plural(n, key)
				_ = l.N(n, key)
			}
		}
		for _, x := range []float64{0, 1.5, -2.345, 1e300, math.NaN(), math.Inf(1), math.SmallestNonzeroFloat64} {
			for _, d := range []int{-1, 0, 2, 20} {
				_ = l.Decimal(x, d)
				_ = l.Percent(x, d)
				_ = l.PluralForm(x, d)
			}
		}
		for _, n := range []int64{0, 999, 1000, 999_950, 54_675_000, math.MaxInt64, math.MinInt64} {
			_ = l.Money(n)
			_ = l.MoneyCompact(n)
		}
		for _, d := range []time.Time{{}, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), time.Date(-5, 12, 31, 0, 0, 0, 0, time.UTC)} {
			_ = l.Date(d)
			_ = l.DateShort(d)
			_ = l.Month(d.Year(), d.Month())
		}
		_ = l.Month(2024, 0)
		_ = l.Month(2024, 13)
		_ = l.Quote("x")
		for _, s := range []string{"V Praze a v Brně", string(data), "a", "a ", "ve\u00a0x", "\xff a b"} {
			_ = l.Typo(s)
		}
	})
}
