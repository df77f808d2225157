package locale

import (
	"math"
	"os"
	"slices"
	"sync"
	"testing"
	"time"
)

// load parses testdata/<lang>.toml.
func load(t testing.TB, lang string) *Locale {
	t.Helper()
	name := "testdata/" + lang + ".toml"
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Parse(lang, name, data)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPlural(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		l    *Locale
		n    int
		key  string
		want string
	}{
		{cs, 0, "project", "projektů"},
		{cs, 1, "project", "projekt"},
		{cs, 2, "project", "projekty"},
		{cs, 4, "project", "projekty"},
		{cs, 5, "project", "projektů"},
		{cs, 11, "project", "projektů"},
		{cs, 22, "project", "projektů"}, // cs "few" is 2–4 only, unlike Polish
		{cs, 100, "project", "projektů"},
		{cs, -1, "project", "projekt"},
		{cs, -3, "project", "projekty"},
		{cs, math.MinInt, "project", "projektů"},
		{cs, 1, "year", "rok"},
		{cs, 3, "year", "roky"},
		{cs, 10, "year", "let"},
		{cs, 3, "partner", "partneři"},
		{cs, 1, "site_title", "Transformační portál"}, // a plain string ignores n
		{cs, 1, "no_such_key", "no_such_key"},
		{en, 0, "project", "projects"},
		{en, 1, "project", "project"},
		{en, 2, "project", "projects"},
		{en, 22, "project", "projects"},
	}
	for _, tt := range tests {
		if got := tt.l.Plural(tt.n, tt.key); got != tt.want {
			t.Errorf("%s Plural(%d, %q) = %q, want %q", tt.l.Lang, tt.n, tt.key, got, tt.want)
		}
	}
}

func TestN(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		l    *Locale
		n    int
		key  string
		want string
	}{
		{cs, 0, "project", "0\u00a0projektů"},
		{cs, 1, "project", "1\u00a0projekt"},
		{cs, 2, "project", "2\u00a0projekty"},
		{cs, 5, "project", "5\u00a0projektů"},
		{cs, 1234, "project", "1\u00a0234\u00a0projektů"},
		{cs, 3, "region", "3\u00a0kraje"},
		{en, 1, "project", "1\u00a0project"},
		{en, 2, "project", "2\u00a0projects"},
		{en, 1234, "project", "1,234\u00a0projects"},
	}
	for _, tt := range tests {
		if got := tt.l.N(tt.n, tt.key); got != tt.want {
			t.Errorf("%s N(%d, %q) = %q, want %q", tt.l.Lang, tt.n, tt.key, got, tt.want)
		}
	}
}

func TestPluralForm(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		l        *Locale
		n        float64
		decimals int
		want     string
	}{
		{cs, 0, 0, "other"},
		{cs, 1, 0, "one"},
		{cs, 2, 0, "few"},
		{cs, 4, 0, "few"},
		{cs, 5, 0, "other"},
		{cs, 22, 0, "other"},
		{cs, 1.5, 1, "many"},
		{cs, 1, 1, "many"},     // "1,0"
		{cs, 1.04, 1, "many"},  // "1,0"
		{cs, 1.5, 0, "few"},    // "2"
		{cs, 1.4, 0, "one"},    // "1"
		{cs, 2.0, -1, "few"},   // "2"
		{cs, 2.5, -1, "many"},  // "2,5"
		{cs, 0.999, -1, "one"}, // "1"
		{cs, -1, 0, "one"},     // CLDR looks at the absolute value
		{cs, 1e25, 0, "other"}, // too long for an int
		{cs, math.NaN(), 0, "other"},
		{cs, math.Inf(-1), 2, "other"},
		{en, 1, 0, "one"},
		{en, 2, 0, "other"},
		{en, 1, 1, "other"}, // "1.0 projects"
		{en, 1.5, 1, "other"},
	}
	for _, tt := range tests {
		if got := tt.l.PluralForm(tt.n, tt.decimals); got != tt.want {
			t.Errorf("%s PluralForm(%v, %d) = %q (written %q), want %q",
				tt.l.Lang, tt.n, tt.decimals, got, tt.l.Decimal(tt.n, tt.decimals), tt.want)
		}
	}
}

func TestT(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		l    *Locale
		key  string
		args []any
		want string
	}{
		{cs, "site_title", nil, "Transformační portál"},
		{cs, "projects_in_region", []any{"Ústecký"}, "Projekty v kraji Ústecký"},
		{cs, "page_of", []any{2, 10}, "Strana 2 z 10"},
		{cs, "page_of", []any{2}, "Strana 2 z {1}"},                   // missing argument: left alone
		{cs, "page_of", nil, "Strana {0} z {1}"},                      // no arguments at all
		{cs, "search_placeholder", []any{"{1}", "x"}, "Hledat v {1}"}, // arguments are not expanded again
		{cs, "project", nil, "projektů"},                              // a plural table gives "other"
		{cs, "missing.key", []any{1}, "missing.key"},                  // unknown: the key itself
		{en, "page_of", []any{3, 4}, "Page 3 of 4"},
		{en, "updated", []any{en.Date(time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC))}, "Updated 5\u00a0March\u00a02024"},
	}
	for _, tt := range tests {
		if got := tt.l.T(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s T(%q, %v) = %q, want %q", tt.l.Lang, tt.key, tt.args, got, tt.want)
		}
	}
}

func TestTPlaceholders(t *testing.T) {
	l, err := Parse("en", "t.toml", []byte(`s = "{0}{1}{} {x} {+1} {-1} {01} {1"`+"\n"+fixtureFormat("en")))
	if err != nil {
		t.Fatal(err)
	}
	want := "ab{} {x} {+1} {-1} b {1"
	if got := l.T("s", "a", "b"); got != want {
		t.Errorf("T = %q, want %q", got, want)
	}
}

func TestHasAndKeys(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	for _, key := range []string{"site_title", "project", "partner"} {
		if !cs.Has(key) {
			t.Errorf("cs.Has(%q) = false", key)
		}
	}
	for _, key := range []string{"format", "date", "project.one", "nope"} {
		if cs.Has(key) {
			t.Errorf("cs.Has(%q) = true", key)
		}
	}
	want := []string{"nav_projects", "nav_regions", "page_of", "partner", "project",
		"projects_in_region", "region", "search_placeholder", "site_title", "updated", "year"}
	if got := cs.Keys(); !slices.Equal(got, want) {
		t.Errorf("cs.Keys() = %q, want %q", got, want)
	}
	if !slices.Equal(cs.Keys(), en.Keys()) {
		t.Errorf("cs and en keys differ:\ncs %q\nen %q", cs.Keys(), en.Keys())
	}
}

// TestConcurrent is meant for go test -race.
func TestConcurrent(t *testing.T) {
	cs := load(t, "cs")
	date := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				n := g*1000 + i
				_ = cs.N(n, "project")
				_ = cs.Decimal(float64(n)/7, 2)
				_ = cs.MoneyCompact(int64(n) * 12345)
				_ = cs.Date(date)
				_ = cs.Typo("v Praze a v Brně")
				_ = cs.T("page_of", i, n)
				_ = cs.PluralForm(float64(n)/3, 1)
				names := []string{"Žatec", "Cheb", "Čáslav"}
				SortBy(cs.Lang, names, func(s string) string { return s })
			}
		})
	}
	wg.Wait()
}
