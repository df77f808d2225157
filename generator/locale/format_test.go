package locale

import (
	"math"
	"testing"
	"time"
)

// The expected strings spell U+00A0 as \u00a0: the tests check bytes, not
// the look.

func TestNumber(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		n      int64
		cs, en string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{999, "999", "999"},
		{1234, "1\u00a0234", "1,234"},
		{54675000, "54\u00a0675\u00a0000", "54,675,000"},
		{-1234567, "-1\u00a0234\u00a0567", "-1,234,567"},
		{math.MaxInt64, "9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0807", "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0808", "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := cs.Number(tt.n); got != tt.cs {
			t.Errorf("cs Number(%d) = %q, want %q", tt.n, got, tt.cs)
		}
		if got := en.Number(tt.n); got != tt.en {
			t.Errorf("en Number(%d) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

func TestDecimal(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		f        float64
		decimals int
		cs, en   string
	}{
		{2345.25, 2, "2\u00a0345,25", "2,345.25"},
		{23.4, 1, "23,4", "23.4"},
		{23.45, 1, "23,5", "23.5"}, // half away from zero, not half to even
		{0.125, 2, "0,13", "0.13"},
		{2.345, 2, "2,35", "2.35"}, // the float is 2.34499…, but it reads 2.345
		{-2.345, 2, "-2,35", "-2.35"},
		{9.999, 2, "10,00", "10.00"},
		{999.96, 1, "1\u00a0000,0", "1,000.0"},
		{12, 0, "12", "12"},
		{12.5, 0, "13", "13"},
		{12, 3, "12,000", "12.000"},
		{-0.001, 2, "0,00", "0.00"}, // no "-0,00"
		{math.Copysign(0, -1), 1, "0,0", "0.0"},
		{1234567.891, 2, "1\u00a0234\u00a0567,89", "1,234,567.89"},
		{1e21, 0, "1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000", "1,000,000,000,000,000,000,000"},
		{0.1 + 0.2, 20, "0,300000000", "0.300000000"}, // more than 9 decimals: 9
		// decimals < 0: shortest, at most two decimals, no trailing zeros
		{2, -1, "2", "2"},
		{2.5, -1, "2,5", "2.5"},
		{2.50, -1, "2,5", "2.5"},
		{1.0 / 3, -1, "0,33", "0.33"},
		{2.999, -1, "3", "3"},
		{1234.5, -1, "1\u00a0234,5", "1,234.5"},
		{math.NaN(), 2, "NaN", "NaN"},
		{math.Inf(1), 2, "∞", "∞"},
		{math.Inf(-1), 2, "-∞", "-∞"},
	}
	for _, tt := range tests {
		if got := cs.Decimal(tt.f, tt.decimals); got != tt.cs {
			t.Errorf("cs Decimal(%v, %d) = %q, want %q", tt.f, tt.decimals, got, tt.cs)
		}
		if got := en.Decimal(tt.f, tt.decimals); got != tt.en {
			t.Errorf("en Decimal(%v, %d) = %q, want %q", tt.f, tt.decimals, got, tt.en)
		}
	}
}

func TestMoney(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		czk    int64
		cs, en string
	}{
		{0, "0\u00a0Kč", "CZK\u00a00"},
		{850, "850\u00a0Kč", "CZK\u00a0850"},
		{54675000, "54\u00a0675\u00a0000\u00a0Kč", "CZK\u00a054,675,000"},
		{-1500, "-1\u00a0500\u00a0Kč", "CZK\u00a0-1,500"},
	}
	for _, tt := range tests {
		if got := cs.Money(tt.czk); got != tt.cs {
			t.Errorf("cs Money(%d) = %q, want %q", tt.czk, got, tt.cs)
		}
		if got := en.Money(tt.czk); got != tt.en {
			t.Errorf("en Money(%d) = %q, want %q", tt.czk, got, tt.en)
		}
	}
}

func TestMoneyCompact(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		czk    int64
		cs, en string
	}{
		{999, "999\u00a0Kč", "CZK\u00a0999"},
		{-999, "-999\u00a0Kč", "CZK\u00a0-999"},
		{1000, "1\u00a0tis.\u00a0Kč", "CZK\u00a01\u00a0thousand"},
		{1049, "1\u00a0tis.\u00a0Kč", "CZK\u00a01\u00a0thousand"},
		{1050, "1,1\u00a0tis.\u00a0Kč", "CZK\u00a01.1\u00a0thousand"},
		{850000, "850\u00a0tis.\u00a0Kč", "CZK\u00a0850\u00a0thousand"},
		{999949, "999,9\u00a0tis.\u00a0Kč", "CZK\u00a0999.9\u00a0thousand"},
		{999950, "1\u00a0mil.\u00a0Kč", "CZK\u00a01\u00a0million"}, // not "1 000 tis."
		{54675000, "54,7\u00a0mil.\u00a0Kč", "CZK\u00a054.7\u00a0million"},
		{55000000, "55\u00a0mil.\u00a0Kč", "CZK\u00a055\u00a0million"},
		{54960000, "55\u00a0mil.\u00a0Kč", "CZK\u00a055\u00a0million"},
		{-54675000, "-54,7\u00a0mil.\u00a0Kč", "CZK\u00a0-54.7\u00a0million"},
		{999950000, "1\u00a0mld.\u00a0Kč", "CZK\u00a01\u00a0billion"},
		{1200000000, "1,2\u00a0mld.\u00a0Kč", "CZK\u00a01.2\u00a0billion"},
		{1249999999, "1,2\u00a0mld.\u00a0Kč", "CZK\u00a01.2\u00a0billion"},
		{1250000000, "1,3\u00a0mld.\u00a0Kč", "CZK\u00a01.3\u00a0billion"},
		{2500000000000, "2\u00a0500\u00a0mld.\u00a0Kč", "CZK\u00a02,500\u00a0billion"},
		{math.MinInt64, "-9\u00a0223\u00a0372\u00a0036,9\u00a0mld.\u00a0Kč", "CZK\u00a0-9,223,372,036.9\u00a0billion"},
	}
	for _, tt := range tests {
		if got := cs.MoneyCompact(tt.czk); got != tt.cs {
			t.Errorf("cs MoneyCompact(%d) = %q, want %q", tt.czk, got, tt.cs)
		}
		if got := en.MoneyCompact(tt.czk); got != tt.en {
			t.Errorf("en MoneyCompact(%d) = %q, want %q", tt.czk, got, tt.en)
		}
	}
}

func TestPercent(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		f        float64
		decimals int
		cs, en   string
	}{
		{23.4, 1, "23,4\u00a0%", "23.4%"},
		{23.4, 0, "23\u00a0%", "23%"},
		{12.5, 0, "13\u00a0%", "13%"},
		{100, 0, "100\u00a0%", "100%"},
		{-3.25, 1, "-3,3\u00a0%", "-3.3%"},
		{0.5, -1, "0,5\u00a0%", "0.5%"},
		{1234.5, 1, "1\u00a0234,5\u00a0%", "1,234.5%"},
	}
	for _, tt := range tests {
		if got := cs.Percent(tt.f, tt.decimals); got != tt.cs {
			t.Errorf("cs Percent(%v, %d) = %q, want %q", tt.f, tt.decimals, got, tt.cs)
		}
		if got := en.Percent(tt.f, tt.decimals); got != tt.en {
			t.Errorf("en Percent(%v, %d) = %q, want %q", tt.f, tt.decimals, got, tt.en)
		}
	}
}

func TestDates(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	prague, err := time.LoadLocation("Europe/Prague")
	if err != nil {
		prague = time.FixedZone("CET", 3600)
	}
	tests := []struct {
		t           time.Time
		cs, csShort string
		en, enShort string
	}{
		{time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC),
			"5.\u00a0března\u00a02024", "5.\u00a03.\u00a02024",
			"5\u00a0March\u00a02024", "5\u00a0Mar\u00a02024"},
		{time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC),
			"1.\u00a0ledna\u00a02021", "1.\u00a01.\u00a02021",
			"1\u00a0January\u00a02021", "1\u00a0Jan\u00a02021"},
		{time.Date(2027, 12, 31, 23, 0, 0, 0, time.UTC),
			"31.\u00a0prosince\u00a02027", "31.\u00a012.\u00a02027",
			"31\u00a0December\u00a02027", "31\u00a0Dec\u00a02027"},
		{time.Date(2024, 9, 30, 0, 30, 0, 0, prague), // the date in t's own zone
			"30.\u00a0září\u00a02024", "30.\u00a09.\u00a02024",
			"30\u00a0September\u00a02024", "30\u00a0Sep\u00a02024"},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			name      string
			got, want string
		}{
			{"cs Date", cs.Date(tt.t), tt.cs},
			{"cs DateShort", cs.DateShort(tt.t), tt.csShort},
			{"en Date", en.Date(tt.t), tt.en},
			{"en DateShort", en.DateShort(tt.t), tt.enShort},
		} {
			if c.got != c.want {
				t.Errorf("%s(%v) = %q, want %q", c.name, tt.t, c.got, c.want)
			}
		}
	}
}

func TestMonth(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	tests := []struct {
		y      int
		m      time.Month
		cs, en string
	}{
		{2024, time.March, "březen\u00a02024", "March\u00a02024"},
		{2024, time.July, "červenec\u00a02024", "July\u00a02024"},
		{2021, time.December, "prosinec\u00a02021", "December\u00a02021"},
		{2021, 13, "13\u00a02021", "13\u00a02021"}, // out of range: the number, no panic
	}
	for _, tt := range tests {
		if got := cs.Month(tt.y, tt.m); got != tt.cs {
			t.Errorf("cs Month(%d, %d) = %q, want %q", tt.y, tt.m, got, tt.cs)
		}
		if got := en.Month(tt.y, tt.m); got != tt.en {
			t.Errorf("en Month(%d, %d) = %q, want %q", tt.y, tt.m, got, tt.en)
		}
	}
}

func TestQuote(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	if got, want := cs.Quote("Spravedlivá transformace"), "\u201eSpravedlivá transformace\u201c"; got != want {
		t.Errorf("cs Quote = %q, want %q", got, want)
	}
	if got, want := en.Quote("Just Transition"), "\u201cJust Transition\u201d"; got != want {
		t.Errorf("en Quote = %q, want %q", got, want)
	}
}

func TestPatternPlaceholders(t *testing.T) {
	l, err := Parse("cs", "p.toml", []byte(`[format]
date = "{dd}.{mm}.{yyyy} ({month_short})"
date_short = "{yyyy}-{mm}-{dd}"
month = "{m}/{yyyy}"
money = "{n}  Kč"
thousand = "{n}"
million = "{n}"
billion = "{n}"
percent = "{n} %"
quotes = ["« ", " »"]
months_short = ["led", "úno", "bře", "dub", "kvě", "čvn", "čvc", "srp", "zář", "říj", "lis", "pro"]
`))
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{l.Date(d), "05.03.2024\u00a0(bře)"},
		{l.DateShort(d), "2024-03-05"},
		{l.Month(2024, 3), "3/2024"},
		{l.Money(5), "5\u00a0\u00a0Kč"}, // every space, not runs
		{l.Quote("x"), "«\u00a0x\u00a0»"},
		{l.Typo("v Praze"), "v Praze"}, // no no_break_after: unchanged
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func dateForTest() time.Time { return time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC) }
