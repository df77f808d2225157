package indicator

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"12", 12},
		{"0", 0},
		{"007", 7},
		{"1234,5", 1234.5},
		{"1234.5", 1234.5},
		{",5", 0.5},
		{".5", 0.5},
		{"-,5", -0.5},
		{"  42  ", 42},
		{"\u00a042\u00a0", 42},
		{"1 234", 1234},
		{"1 234 567,89", 1234567.89},
		{"1\u00a0234\u00a0567,89", 1234567.89},
		{"1\u202f234,5", 1234.5},
		{"1\u2009234,5", 1234.5},
		{"1\u2007234,5", 1234.5},
		{"1 234.5", 1234.5},
		{"1.234,5", 1234.5},
		{"1.234.567,5", 1234567.5},
		{"1.234.567", 1234567},
		{"1,234.5", 1234.5},
		{"1,234,567.5", 1234567.5},
		{"1,234,567", 1234567},
		{"1,234", 1.234}, // a single mark is the decimal mark
		{"1.234", 1.234},
		{"+5", 5},
		{"+ 5", 5},
		{"-5", -5},
		{"- 5", -5},
		{"−5", -5}, // U+2212 minus sign
		{"−1 234,5", -1234.5},
		{"–5", -5}, // en dash
		{"-0", 0},
		{"123456789012345678901234567890", 123456789012345678901234567890},
	} {
		got, err := ParseNumber(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseNumberMissing(t *testing.T) {
	for _, in := range []string{"", " ", "   ", "\t", "\u00a0", "\u202f", "-", " - ", "–", "—", "−", "NA", "na", "N/A", "n/a", "#N/A", "#n/a"} {
		got, err := ParseNumber(in)
		if err != nil || !math.IsNaN(got) {
			t.Errorf("ParseNumber(%q) = %v, %v; want NaN (missing)", in, got, err)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"dvanáct", "'dvanáct' is not a number: write digits, with a decimal comma or point, e.g. 12 or 1 234,5"},
		{"x", "'x' is not a number: " + numberHelp},
		{"  x  ", "'x' is not a number"},
		{"NaN", "'NaN' is not a number"},
		{"Inf", "'Inf' is not a number"},
		{"0x10", "'0x10' is not a number"},
		{"12,", "'12,' is not a number"},
		{"12.", "'12.' is not a number"},
		{"1,,5", "'1,,5' is not a number"},
		{"1..5", "'1..5' is not a number"},
		{"1 2", "'1 2' is not a number: spaces between digits separate thousands"},
		{"1234 567", "'1234 567' is not a number: spaces between digits separate thousands"},
		{"1  234", "'1  234' is not a number"},
		{"1,2.3", "'1,2.3' is not a number: commas between digits separate thousands"},
		{"1.2.3", "'1.2.3' is not a number: points between digits separate thousands"},
		{"1.234,5,6", "'1.234,5,6' is not a number"},
		{"1 234.567,5", "'1 234.567,5' is not a number"},
		{"1,234 567", "'1,234 567' is not a number"},
		{",5,3", "',5,3' is not a number"},
		{",", "',' is not a number"},
		{".", "'.' is not a number"},
		{"+", "'+' is not a number"},
		{"+-5", "'+-5' is not a number"},
		{"5-", "'5-' is not a number"},
		{"(5)", "'(5)' is not a number"},
		{"5.3.2024", "'5.3.2024' is not a number"},
		{"23,4 %", `'23,4 %' has a percent sign: write the number alone (23,4) and set unit = "%" in the indicator's .toml`},
		{"23,4%", `'23,4%' has a percent sign: write the number alone (23,4)`},
		{"-2\u00a0%", "'-2\u00a0%' has" + ` a percent sign: write the number alone (-2)`},
		{"5 ‰", `'5 ‰' has a percent sign: write the number alone (5) and set unit = "‰"`},
		{"39 544,2 MWh", "'39 544,2 MWh' is not a number: write the number alone (39 544,2), without the unit 'MWh': the unit belongs in the indicator's .toml"},
		{"1 234 Kč", "without the unit 'Kč'"},
		{"12€", "without the unit '€'"},
		{"1,23457E+11", "'1,23457E+11' is in scientific notation"},
		{"1e5", "'1e5' is in scientific notation"},
		{"1e", "'1e' is not a number"},
		{"#DIV/0!", "'#DIV/0!' is a spreadsheet error, not a number"},
		{"#VALUE!", "is a spreadsheet error"},
		{"1'234", "'1'234' is not a number: separate thousands with spaces, not apostrophes"},
		{"1’234", "not apostrophes"},
		{"1\t234", `'1\t234' is not a number`},
		{"1\u3000234", "is not a number"},
		{strings.Repeat("9", 400), "is too large a number"},
		{strings.Repeat("1 ", 30) + "1", "is not a number"},
		{"x" + strings.Repeat("y", 50), "'xyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…' is not a number"},
	} {
		got, err := ParseNumber(tc.in)
		if err == nil {
			t.Errorf("ParseNumber(%q) = %v, want an error", tc.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseNumber(%q): %v\nwant …%s…", tc.in, err, tc.msg)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12", "1 234,5", "1.234,5", "1,234.5", "−5", "–", "NA", "23,4 %", "1e5", "#DIV/0!", ",5", "1'234", "39 544,2 MWh", "\u00a0", "+ 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			if !strings.Contains(err.Error(), "'") {
				t.Errorf("ParseNumber(%q): error %q does not quote the cell", s, err)
			}
			return
		}
		if math.IsInf(v, 0) {
			t.Errorf("ParseNumber(%q) = %v", s, v)
		}
		if math.IsNaN(v) {
			if tr := trimBlank(s); tr != "" && !isMissing(tr) {
				t.Errorf("ParseNumber(%q) = NaN for a cell that is not missing", s)
			}
			return
		}
		// A number reads back the same with a decimal point or comma.
		for _, form := range []string{
			strings.Replace(formatPlain(v), ".", ",", 1),
			formatPlain(v),
		} {
			w, err := ParseNumber(form)
			if err != nil || w != v {
				t.Errorf("ParseNumber(%q) = %v, but ParseNumber(%q) = %v, %v", s, v, form, w, err)
			}
		}
	})
}

func formatPlain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
