package indicator

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// csvSeeds are realistic files, good and broken.
var csvSeeds = []string{
	"rok,akce\n2024,3\n2025,5\n",
	"období;počet\n2024;1,5\n2025;2\n",
	"\ufeffRok;Elektřina;Teplo\r\n2019;14820,4;\r\n2020;13975,1;38210,7\r\n",
	"rok\tElektřina\tTeplo\n2019\t14 820,4\t\n2020\t13 975,1\t38 210,7\n",
	"rok;\"Spotřeba, MWh\";\"Teplo; GJ\"\n2024;\"1 234,5\";2\n",
	"rok,\"Spotřeba, MWh\",teplo\n2024,\"1,5\",\"2,25\"\n",
	"rok;a;\r\n2024;12;\r\n2025;13;\r\n",
	"čtvrtletí;a\nQ2 2024;1\n2024-Q1;2\n1Q2025;3\n",
	"rok;a;b\n2025;1;2\n2023;1;-\n2024;1;NA\n2026;2;3\n2022;;\n",
	"datum;a\n5. 3. 2024;1\n6.3.2024;2\n2024-03-07 00:00:00;3\n",
	"sep=;\r\nrok;a\r\n2024;1,5\r\n",
	"rok;a\r2024;1\r2025;2\r",
	"rok;\"Spotřeba\r\nelektřiny\"\n2024;1\n",
	"rok;a;b;c\n2024;–;NA;\n2025;-;n/a;#N/A\n",
	"rok;a\n2024;23,4 %\n2025;1,2E+05\n",
	"rok;a\n2023;1\n2024-03;3\n",
	"rok;a\n2021;1\n2021;3\n",
	"rok;a;b\n2024;1\n",
	"rok;a\n2024;\"1,5\n",
	"rok;a\n2024;\"1\"x\n",
	"2024;5\n",
	"rok\n2024\n",
	"",
	";;\n",
	"PK\x03\x04",
	"\xef\xbb\xbfrok;a\n2024;\x9a\n",
	"\xff\xfer\x00;\x00a\x00\n\x002\x000\x002\x004\x00;\x00\x00\xd8",
	"rok;a\n2024;1\x81\n",
}

func FuzzParseCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	w1250, _ := charmap.Windows1250.NewEncoder().Bytes([]byte("Rok;Elektřina;Teplo\r\n2019;14\u00a0820,4;\r\n2020;13\u00a0975,1;38\u00a0210,7\r\n"))
	f.Add(w1250)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Rok\tŘada\r\n2019\t1,5\r\n"))
	f.Add(u16)
	f.Fuzz(func(t *testing.T, data []byte) {
		series, rows, err := ParseCSV("f.csv", data)
		if err != nil {
			checkError(t, data, err)
			if series != nil || rows != nil {
				t.Fatalf("an error with results: %q, %d rows", series, len(rows))
			}
			return
		}
		checkResult(t, series, rows)

		// The normalised form (as open data publishes it) reads back the same.
		again, rows2, err := ParseCSV("f.csv", []byte(normalised(series, rows)))
		if err != nil {
			t.Fatalf("normalised form: %v\n%s", err, normalised(series, rows))
		}
		if strings.Join(again, "\x00") != strings.Join(series, "\x00") || len(rows2) != len(rows) {
			t.Fatalf("normalised form reads as %q, %d rows; want %q, %d rows", again, len(rows2), series, len(rows))
		}
		for i := range rows {
			if rows2[i].Period != rows[i].Period || !sameFloats(rows2[i].Values, rows[i].Values) {
				t.Fatalf("row %d reads back as %v, want %v", i, rows2[i], rows[i])
			}
		}
	})
}

// checkResult checks the promises of a successful ParseCSV.
func checkResult(t *testing.T, series []string, rows []Row) {
	t.Helper()
	if len(series) == 0 || len(rows) == 0 {
		t.Fatalf("%d series, %d rows without an error", len(series), len(rows))
	}
	for _, s := range series {
		if s == "" || s != trimBlank(s) || strings.ContainsAny(s, "\r\n\t") || !utf8.ValidString(s) {
			t.Fatalf("series name %q", s)
		}
	}
	for i, r := range rows {
		if len(r.Values) != len(series) {
			t.Fatalf("row %d has %d values for %d series", i, len(r.Values), len(series))
		}
		for _, v := range r.Values {
			if math.IsInf(v, 0) {
				t.Fatalf("row %d: value %v", i, v)
			}
		}
		if i > 0 {
			if c := rows[i-1].Period.Compare(r.Period); c >= 0 {
				t.Fatalf("periods not strictly increasing: %s then %s", rows[i-1].Period, r.Period)
			}
			if rows[i-1].Period.Kind() != r.Period.Kind() {
				t.Fatalf("kinds of period mixed: %s and %s", rows[i-1].Period, r.Period)
			}
		}
	}
}

// checkError checks that err is an *Error that points into the file.
func checkError(t *testing.T, data []byte, err error) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok {
		var ee *Error
		t.Fatalf("error %v is a %T, not *Error (errors.As: %v)", err, err, errors.As(err, &ee))
	}
	if e.File != "f.csv" || e.Line < 1 || e.Column < 0 || e.Msg == "" {
		t.Fatalf("error %#v", e)
	}
	text, derr := decodeText("f.csv", data)
	if derr != nil {
		return // the position is in bytes that did not decode
	}
	lines := splitLines(text)
	if e.Line > len(lines)+1 {
		t.Fatalf("%v: line %d, but the file has %d lines", e, e.Line, len(lines))
	}
	if e.Column > 0 && e.Line <= len(lines) {
		if n := utf8.RuneCountInString(lines[e.Line-1]); e.Column > n+1 {
			t.Fatalf("%v: column %d, but line %d has %d characters", e, e.Column, e.Line, n)
		}
	}
}

// splitLines splits text as position counts lines.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(text, "\n")
}

// normalised writes series and rows as the open data CSV: ',' delimiter,
// '.' decimal, ISO periods, every name quoted.
func normalised(series []string, rows []Row) string {
	var b strings.Builder
	b.WriteString(`"period"`)
	for _, s := range series {
		b.WriteString(`,"` + strings.ReplaceAll(s, `"`, `""`) + `"`)
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString(r.Period.String())
		for _, v := range r.Values {
			b.WriteString(",")
			if !math.IsNaN(v) {
				b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// czechExport is a file as Excel on Czech Windows saves it: semicolons,
// decimal commas, no-break spaces between thousands, Czech dates, CRLF.
func czechExport(rows int) string {
	var b strings.Builder
	b.WriteString("Datum;Elektřina (MWh);Teplo (GJ);Voda (m3)\r\n")
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range rows {
		d := day.AddDate(0, 0, i)
		fmt.Fprintf(&b, "%02d.%02d.%d;%d\u00a0%03d,%d;%d,%02d;", d.Day(), d.Month(), d.Year(), 1+i%97, i%1000, i%10, 38000+i, i%100)
		if i%13 != 0 {
			fmt.Fprintf(&b, "%d", i%500)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func TestCzechExport(t *testing.T) {
	series, rows, err := ParseCSV("x.csv", []byte(czechExport(1000)))
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, series, rows)
	if len(series) != 3 || series[2] != "Voda (m3)" || len(rows) != 1000 || rows[0].Period.String() != "1995-01-01" ||
		rows[1].Values[0] != 2001.1 || rows[1].Values[1] != 38001.01 || rows[1].Values[2] != 1 || !math.IsNaN(rows[13].Values[2]) {
		t.Errorf("series %q, %d rows, first %v, second %v", series, len(rows), rows[0], rows[1])
	}
}

func BenchmarkParseCSV(b *testing.B) {
	text := czechExport(10000)
	w1250, err := charmap.Windows1250.NewEncoder().Bytes([]byte(text))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		data []byte
	}{
		{"windows-1250", w1250},
		{"utf-8", []byte("\ufeff" + text)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			for b.Loop() {
				series, rows, err := ParseCSV("x.csv", bc.data)
				if err != nil || len(series) != 3 || len(rows) != 10000 {
					b.Fatal(len(series), len(rows), err)
				}
			}
		})
	}
}

// FuzzParseMeta: whatever an editor writes in <id>.toml, ParseMeta does
// not panic, and what it accepts is whole: a title in every language, a
// chart it knows, and plural forms of a unit with their "other" form.
func FuzzParseMeta(f *testing.F) {
	for _, s := range []string{
		validMeta,
		"periodicity = \"annual\"\n[unit.cs]\none = \"projekt\"\nfew = \"projekty\"\nother = \"projektů\"\n[unit.en]\nother = \"projects\"\n[title]\ncs = \"A\"\nen = \"B\"\n",
		"periodicity = \"quarterly\"\nunit = { cs = { one = \"akce\", other = \"akcí\" }, en = \"events\" }\ntitle = { cs = \"A\", en = \"B\" }\n",
		"periodicity = \"annual\"\nunit.cs.other = \"dní\"\nunit.en = \"days\"\ntitle.cs = \"A\"\ntitle.en = \"B\"\ntarget = 1e3\nsample = true\nchart = \"bar\"\n",
		"periodicity = \"annual\"\n[unit.cs]\nfew = 3\n[title]\ncs = \"A\"\n",
		"\ufeffperiodicity = \"yearly\"\r\ncíl = 5\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseMeta("x.toml", data, langs)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, l := range langs {
			if strings.TrimSpace(m.Title[l]) == "" {
				t.Fatalf("accepted without a title in %s", l)
			}
			if forms := m.Unit.FormsIn(l, "cs"); forms != nil && forms["other"] == "" {
				t.Fatalf("unit forms in %s without other: %v", l, forms)
			}
		}
	})
}
