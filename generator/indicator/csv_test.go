package indicator

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// NA is a missing value in expectations.
var NA = math.NaN()

type parsed struct {
	series  []string
	periods []string
	values  [][]float64
}

func sameFloats(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool {
		return x == y || math.IsNaN(x) && math.IsNaN(y)
	})
}

// check compares what ParseCSV returned with want.
func check(t *testing.T, series []string, rows []Row, want parsed) {
	t.Helper()
	if !slices.Equal(series, want.series) {
		t.Errorf("series = %q, want %q", series, want.series)
	}
	var periods []string
	for _, r := range rows {
		periods = append(periods, r.Period.String())
	}
	if !slices.Equal(periods, want.periods) {
		t.Errorf("periods = %q, want %q", periods, want.periods)
	}
	for i, r := range rows {
		if i < len(want.values) && !sameFloats(r.Values, want.values[i]) {
			t.Errorf("row %s: values = %v, want %v", r.Period, r.Values, want.values[i])
		}
	}
	if len(rows) != len(want.values) {
		t.Errorf("%d rows, want %d", len(rows), len(want.values))
	}
}

func TestParseCSVAccepts(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want parsed
	}{
		{
			name: "comma and decimal point",
			in:   "rok,akce\n2024,3\n2025,5.5\n",
			want: parsed{[]string{"akce"}, []string{"2024", "2025"}, [][]float64{{3}, {5.5}}},
		},
		{
			name: "Czech export: semicolon and decimal comma",
			in:   "období;počet\n2024;1,5\n2025;2\n",
			want: parsed{[]string{"počet"}, []string{"2024", "2025"}, [][]float64{{1.5}, {2}}},
		},
		{
			name: "Excel CSV UTF-8: BOM, CRLF, a missing last cell",
			in:   "\ufeffRok;Elektřina;Teplo\r\n2019;14820,4;\r\n2020;13975,1;38210,7\r\n",
			want: parsed{[]string{"Elektřina", "Teplo"}, []string{"2019", "2020"}, [][]float64{{14820.4, NA}, {13975.1, 38210.7}}},
		},
		{
			name: "tab delimiter",
			in:   "rok\tElektřina\tTeplo\n2019\t14 820,4\t\n2020\t13 975,1\t38 210,7\n",
			want: parsed{[]string{"Elektřina", "Teplo"}, []string{"2019", "2020"}, [][]float64{{14820.4, NA}, {13975.1, 38210.7}}},
		},
		{
			name: "quoted header with a comma, semicolon delimiter",
			in:   "rok;\"Spotřeba, MWh\";\"Teplo; GJ\"\n2024;\"1 234,5\";2\n",
			want: parsed{[]string{"Spotřeba, MWh", "Teplo; GJ"}, []string{"2024"}, [][]float64{{1234.5, 2}}},
		},
		{
			name: "quoted header and decimal commas, comma delimiter",
			in:   "rok,\"Spotřeba, MWh\",teplo\n2024,\"1,5\",\"2,25\"\n2025,3,4\n",
			want: parsed{[]string{"Spotřeba, MWh", "teplo"}, []string{"2024", "2025"}, [][]float64{{1.5, 2.25}, {3, 4}}},
		},
		{
			name: "semicolon delimiter, unquoted comma in a header name",
			in:   "rok;počet, celkem\n2024;1,5\n2025;2,5\n",
			want: parsed{[]string{"počet, celkem"}, []string{"2024", "2025"}, [][]float64{{1.5}, {2.5}}},
		},
		{
			name: "trailing delimiters in the header and every row",
			in:   "rok;a;\r\n2024;12;\r\n2025;13;\r\n",
			want: parsed{[]string{"a"}, []string{"2024", "2025"}, [][]float64{{12}, {13}}},
		},
		{
			name: "several empty trailing columns, some rows shorter",
			in:   "rok;a;b;;\n2024;1;2;;\n2025;3;4\n2026;5;6;\n",
			want: parsed{[]string{"a", "b"}, []string{"2024", "2025", "2026"}, [][]float64{{1, 2}, {3, 4}, {5, 6}}},
		},
		{
			name: "blank lines, rows of delimiters, trailing empty lines",
			in:   "\n\nrok;a\n\n2024;1\n;\n  ;  \n2025;2\n\n\n",
			want: parsed{[]string{"a"}, []string{"2024", "2025"}, [][]float64{{1}, {2}}},
		},
		{
			name: "no final line break",
			in:   "rok;a\n2024;1",
			want: parsed{[]string{"a"}, []string{"2024"}, [][]float64{{1}}},
		},
		{
			name: "rows sorted by period",
			in:   "rok;a\n2026;3\n2024;1\n2025;2\n",
			want: parsed{[]string{"a"}, []string{"2024", "2025", "2026"}, [][]float64{{1}, {2}, {3}}},
		},
		{
			name: "missing markers",
			in:   "rok;a;b;c\n2024;–;NA;\n2025;-;n/a;   \n2026;—;#N/A;\u00a0\n2027;−;N/A;\"\"\n",
			want: parsed{[]string{"a", "b", "c"}, []string{"2024", "2025", "2026", "2027"}, [][]float64{{NA, NA, NA}, {NA, NA, NA}, {NA, NA, NA}, {NA, NA, NA}}},
		},
		{
			name: "thousands separators and signs",
			in:   "rok;a;b;c;d\n2024;1\u00a0234,5;1\u202f234\u202f567;\"1.234,5\";\"1,234.5\"\n2025;+5;−3,5;-1 000;–2\n",
			want: parsed{[]string{"a", "b", "c", "d"}, []string{"2024", "2025"}, [][]float64{{1234.5, 1234567, 1234.5, 1234.5}, {5, -3.5, -1000, -2}}},
		},
		{
			name: "quarters in several spellings, normalised and sorted",
			in:   "čtvrtletí;a\nQ2 2024;1\n2024-Q1;2\n1Q2025;3\n2024 Q3;4\n2024/Q4;5\n2025q2;6\n",
			want: parsed{[]string{"a"}, []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"}, [][]float64{{2}, {1}, {4}, {5}, {3}, {6}}},
		},
		{
			name: "months",
			in:   "měsíc;a\n2024-01;1\n2024-2;2\n03/2024;3\n4. 2024;4\n",
			want: parsed{[]string{"a"}, []string{"2024-01", "2024-02", "2024-03", "2024-04"}, [][]float64{{1}, {2}, {3}, {4}}},
		},
		{
			name: "Czech and ISO dates",
			in:   "datum;a\n5. 3. 2024;1\n6.3.2024;2\n2024-03-07;3\n08.03.2024 0:00;4\n",
			want: parsed{[]string{"a"}, []string{"2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08"}, [][]float64{{1}, {2}, {3}, {4}}},
		},
		{
			name: "Excel sep= line",
			in:   "sep=;\r\nrok;a\r\n2024;1,5\r\n",
			want: parsed{[]string{"a"}, []string{"2024"}, [][]float64{{1.5}}},
		},
		{
			name: "sep= line padded by a spreadsheet",
			in:   "sep=;;\nrok;a;\n2024;1,5;\n",
			want: parsed{[]string{"a"}, []string{"2024"}, [][]float64{{1.5}}},
		},
		{
			name: "old Mac line endings (CR only)",
			in:   "rok;a\r2024;1\r2025;2\r",
			want: parsed{[]string{"a"}, []string{"2024", "2025"}, [][]float64{{1}, {2}}},
		},
		{
			name: "header name over two lines (Alt+Enter in Excel)",
			in:   "rok;\"Spotřeba\r\nelektřiny\"\n2024;1\n",
			want: parsed{[]string{"Spotřeba elektřiny"}, []string{"2024"}, [][]float64{{1}}},
		},
		{
			name: "empty name of the period column, spaces around cells",
			in:   ";  Elektřina ; Teplo\n 2024 ; 1 ; 2 \n",
			want: parsed{[]string{"Elektřina", "Teplo"}, []string{"2024"}, [][]float64{{1, 2}}},
		},
		{
			name: "doubled quotes inside a quoted cell",
			in:   "rok;\"a \"\"b\"\"\"\n2024;1\n",
			want: parsed{[]string{`a "b"`}, []string{"2024"}, [][]float64{{1}}},
		},
		{
			name: "quoted cells with spaces before the quote",
			in:   "rok, \"a\", \"b\"\n2024, \"1,5\", 2\n",
			want: parsed{[]string{"a", "b"}, []string{"2024"}, [][]float64{{1.5, 2}}},
		},
		{
			name: "a second byte order mark is dropped",
			in:   "\ufeff\ufeffrok;a\n2024;1\n",
			want: parsed{[]string{"a"}, []string{"2024"}, [][]float64{{1}}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			series, rows, err := ParseCSV("x.csv", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			check(t, series, rows, tc.want)
		})
	}
}

func TestParseCSVRejects(t *testing.T) {
	for _, tc := range []struct {
		name      string
		in        string
		line, col int
		msg       string
	}{
		{"a word in a value cell", "rok,akce\n2024,1\n2025,x\n", 3, 6, "'x' is not a number: " + numberHelp},
		{"a Czech word", "rok;a\n2024;dvanáct\n", 2, 6, "'dvanáct' is not a number: write digits, with a decimal comma or point, e.g. 12 or 1 234,5"},
		{"column counts characters, not bytes", "rok;a;b\n2024;1\u00a0234;x\n", 2, 12, "'x' is not a number"},
		{"column after a quoted cell with accents", "rok;a;b\n2024;\"ěšč\";1\n", 2, 6, "'ěšč' is not a number"},
		{"percent", "rok;a\n2024;23,4 %\n", 2, 6, `'23,4 %' has a percent sign: write the number alone (23,4) and set unit = "%" in the indicator's .toml`},
		{"unit", "Rok;Elektřina;Teplo\n2021;14102,8;39 544,2 MWh\n", 2, 14, "'39 544,2 MWh' is not a number: write the number alone (39 544,2), without the unit 'MWh'"},
		{"scientific notation", "rok;a\n2024;1,23457E+11\n", 2, 6, "'1,23457E+11' is in scientific notation"},
		{"spreadsheet error", "rok;a\n2024;#DIV/0!\n", 2, 6, "'#DIV/0!' is a spreadsheet error"},
		{"bad thousands groups", "rok;a\n2024;12 34\n", 2, 6, "'12 34' is not a number: spaces between digits separate thousands"},
		{"not a period", "rok;a\n2024;1\n21;1\n", 3, 1, "'21' is not a period: " + periodHelp},
		{"period after spaces", "rok;a\n   2024x;1\n", 2, 4, "'2024x' is not a period"},
		{"period missing", "rok;a\n;5\n", 2, 1, "the period is missing"},
		{"mixed kinds of period", "rok;a\n2023;1\n2024;2\n2024-03;3\n", 4, 1, "'2024-03' is a month, but earlier rows are years (from line 2): use one kind of period in a file"},
		{"duplicate period", "Rok;a\n2020;1\n2021;1\n2022;1\n2021;3\n", 5, 1, "period 2021 is already given on line 3"},
		{"duplicate period on the next line", "rok;a\n2024;1\n2024;2\n", 3, 1, "period 2024 is already given on line 2"},
		{"duplicate period after rows out of order", "rok;a\n2025;1\n2023;1\n2024;1\n2025;2\n", 5, 1, "period 2025 is already given on line 2"},
		{"duplicate period in another spelling", "q;a\n2024-Q1;1\nQ1 2024;2\n", 3, 1, "period 2024-Q1 is already given on line 2"},
		{"ambiguous date", "datum;a\n5/3/2024;1\n", 2, 1, "'5/3/2024' is ambiguous (day/month or month/day?)"},
		{"time of day", "datum;a\n2024-03-05 10:00;1\n", 2, 1, "'2024-03-05 10:00' has a time of day: the portal keeps dates only, write 2024-03-05"},
		{"spreadsheet date serial", "datum;a\n45356;1\n", 2, 1, "it looks like a spreadsheet date serial number"},
		{"quarter 5", "q;a\n2024-Q5;1\n", 2, 1, "quarter 5 does not exist"},
		{"29 February 2023", "d;a\n29. 2. 2023;1\n", 2, 1, "'29. 2. 2023' is not a date: 2023-02 has 28 days"},
		{"total row", "rok;a\n2024;1\nCelkem;1\n", 3, 1, "'Celkem' is not a period: delete the total row"},
		{"source note under the table", "rok;a\n2024;1\nZdroj: ČSÚ;\n", 3, 1, "notes and the source belong in the indicator's .toml"},
		{"a word that only starts like a total", "rok;a\n2024;1\nSummer 2024;1\n", 3, 1, "'Summer 2024' is not a period: " + periodHelp},
		{"header only, tab", "rok\ta\n", 2, 0, "no data rows: after the header, write one row per period (e.g. 2024, a tab, 12)"},
		{"transposed table", "obec;2023;2024\nSokolov;5;6\n", 2, 1, "the header names look like periods: put one period per row"},
		{"too few cells", "rok;a;b\n2024;1;2\n2025;1\n", 3, 7, "expected 3 cells as in the header, found 2"},
		{"too few cells, CRLF", "rok;a;b\r\n2024;1\r\n", 2, 7, "expected 3 cells as in the header, found 2"},
		{"too many cells", "rok;a\n2024;1;2\n", 2, 8, "expected 2 cells as in the header, found 3"},
		{"trailing delimiter only in rows", "rok;a\n2024;1;\n", 2, 8, "expected 2 cells as in the header, found 3: the extra cells are empty, so delete ';' at the end of the line"},
		{"value under an unnamed column", "rok;a;\n2024;1;5\n", 2, 8, "'5' is in a column that has no name in the header"},
		{"decimal comma in a comma file", "rok,a\n2024,1,5\n", 2, 8, "a decimal comma splits a number in a comma-separated file"},
		{"row with another delimiter", "rok,a\n2024,1\n2025;1\n", 3, 7, "expected 2 cells as in the header, found 1: this row is separated by ';', but the header by ','"},
		{"empty file", "", 1, 0, "the file is empty"},
		{"only spaces and line breaks", "  \r\n\n\t\n", 1, 0, "the file is empty"},
		{"only delimiters", ";;\n;;\n", 1, 0, "the file is empty"},
		{"only a BOM", "\ufeff", 1, 0, "the file is empty"},
		{"header only", "rok;a\n", 2, 0, "no data rows: after the header, write one row per period (e.g. 2024;12)"},
		{"header only, no line break", "rok,a", 1, 0, "no data rows"},
		{"single column", "rok\n2024\n2025\n", 1, 1, "the first row 'rok' has only one column: the first row must be the header"},
		{"single column with a trailing delimiter", "rok;\n2024;5\n", 1, 1, "has only one column"},
		{"title row above the table", "Spotřeba energie;;\nRok;Elektřina;Teplo\n2024;1;2\n", 1, 1, "the first row 'Spotřeba energie;;' has only one column"},
		{"sep= with one column", "sep=;\nrok\n2024\n", 2, 1, "the header has only one column"},
		{"unsupported sep=", "sep=|\nrok|a\n", 1, 5, "the delimiter '|' in the sep= line is not one of"},
		{"empty series name", "rok;;b\n2024;1;2\n", 1, 5, "this header cell is empty: every series needs a name"},
		{"series twice", "rok;a;A\n2024;1;2\n", 1, 7, "the series 'A' is in the header twice (also in column 5)"},
		{"header missing", "2024;5\n2025;6\n", 1, 1, "the first row looks like data, not like a header"},
		{"unclosed quote", "rok;a\n2024;\"1,5\n2025;2\n", 2, 6, "the quoted cell that starts here has no closing quote"},
		{"text after a closing quote", "rok;a\n2024;\"1\"x\n", 2, 9, "'x' after the closing quote of a quoted cell"},
		{"control character", "rok;a\n2024;1\x01\n", 2, 7, "control character U+0001"},
		{"NUL byte", "rok;a\n2024;\x001\n", 2, 6, "control character U+0000"},
		{"replacement character", "rok;Elekt\ufffdina\n2024;1\n", 1, 10, "stands for a letter lost in a wrong conversion"},
		{"xlsx", "PK\x03\x04\x14\x00\x06\x00", 1, 0, "this is a spreadsheet workbook (.xlsx or .ods), not a CSV file"},
		{"xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", 1, 0, "this is an Excel workbook (.xls)"},
		{"UTF-8 BOM but not UTF-8", "\xef\xbb\xbfrok;a\n2024;\x9a\n", 2, 6, "byte 0x9A here is not UTF-8"},
		{"UTF-16 without BOM", "r\x00o\x00k\x00;\x00a\x00\n\x002\x000\x002\x004\x00;\x001\x00\n\x00", 1, 0, "looks like UTF-16 (Unicode text) without a byte order mark"},
		{"UTF-16 cut off", "\xff\xfer\x00o\x00k", 1, 0, "odd number of bytes"},
		{"byte not in windows-1250", "rok;a\n2024;1\x81\n", 2, 7, "byte 0x81 is not a character of windows-1250"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			series, rows, err := ParseCSV("x.csv", []byte(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), series %q, %d rows; want *Error", err, err, series, len(rows))
			}
			if e.File != "x.csv" || e.Line != tc.line || e.Column != tc.col || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("error = %s\nwant    x.csv:%d:%d: …%s…", e, tc.line, tc.col, tc.msg)
			}
			if series != nil || rows != nil {
				t.Errorf("with an error, series = %q and %d rows, want nil", series, len(rows))
			}
		})
	}
}

// TestWindows1250 reads what Excel's "CSV (oddělený středníkem)" writes on
// Czech Windows.
func TestWindows1250(t *testing.T) {
	text := "Rok;Elektřina;Teplo;ěščřžýáíéůúňťď ĚŠČŘŽÝÁÍÉŮÚŇŤĎ\r\n2019;14\u00a0820,4;;1\r\n2020;13\u00a0975,1;38\u00a0210,7;2\r\n"
	data, err := charmap.Windows1250.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if string(data) == text || strings.Contains(string(data), "ř") {
		t.Fatal("the encoder did not produce windows-1250")
	}
	if data[len("Rok;Elekt")] != 0xF8 { // ř in windows-1250
		t.Fatalf("ř encoded as %#x", data[len("Rok;Elekt")])
	}
	series, rows, err := ParseCSV("x.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	check(t, series, rows, parsed{
		[]string{"Elektřina", "Teplo", "ěščřžýáíéůúňťď ĚŠČŘŽÝÁÍÉŮÚŇŤĎ"},
		[]string{"2019", "2020"},
		[][]float64{{14820.4, NA, 1}, {13975.1, 38210.7, 2}},
	})

	// An error in a windows-1250 file counts characters, not bytes.
	data, _ = charmap.Windows1250.NewEncoder().Bytes([]byte("Rok;Elektřina\r\n2019;čtrnáct\r\n"))
	_, _, err = ParseCSV("x.csv", data)
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.Column != 6 || !strings.HasPrefix(e.Msg, "'čtrnáct' is not a number") {
		t.Errorf("err = %v", err)
	}
}

// TestUTF16 reads Excel's "Unicode text" (UTF-16 with a byte order mark,
// tab-separated) in both byte orders.
func TestUTF16(t *testing.T) {
	text := "Rok\tElektřina\tTeplo\r\n2019\t14\u00a0820,4\t\r\n2020\t13\u00a0975,1\t38\u00a0210,7\r\n"
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		data, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 4 || int(data[0])+int(data[1]) != 0xff+0xfe || data[2] != 0 && data[3] != 0 {
			t.Fatalf("not UTF-16 with a BOM: % x", data[:4])
		}
		series, rows, err := ParseCSV("x.csv", data)
		if err != nil {
			t.Fatal(err)
		}
		check(t, series, rows, parsed{
			[]string{"Elektřina", "Teplo"},
			[]string{"2019", "2020"},
			[][]float64{{14820.4, NA}, {13975.1, 38210.7}},
		})
	}

	// An error is located in characters of the decoded line.
	data, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Rok\tŘada\r\n2019\tčtrnáct\r\n"))
	_, _, err := ParseCSV("x.csv", data)
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.Column != 6 || !strings.HasPrefix(e.Msg, "'čtrnáct' is not a number") {
		t.Errorf("err = %v", err)
	}

	// A lone surrogate is not a character.
	_, _, err = ParseCSV("x.csv", []byte("\xff\xfer\x00;\x00a\x00\n\x002\x000\x002\x004\x00;\x00\x00\xd8"))
	if !errors.As(err, &e) || e.Line != 2 || e.Column != 6 || !strings.Contains(e.Msg, "not valid UTF-16") {
		t.Errorf("lone surrogate: err = %v", err)
	}
}

// TestExampleContent reads the indicators shipped with the portal.
func TestExampleContent(t *testing.T) {
	files, _ := filepath.Glob("../../content/indicators/*.csv")
	if len(files) == 0 {
		t.Skip("no example content")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		series, rows, err := ParseCSV(f, data)
		if err != nil || len(series) == 0 || len(rows) == 0 {
			t.Errorf("%s: %d series, %d rows, %v", f, len(series), len(rows), err)
		}
		meta, err := os.ReadFile(strings.TrimSuffix(f, ".csv") + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseMeta(f, meta, []string{"cs", "en"}); err != nil {
			t.Error(err)
		}
	}
}

func TestErrorString(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "a.csv", Line: 3, Column: 6, Msg: "m"}, "a.csv:3:6: m"},
		{Error{File: "a.toml", Line: 2, Msg: "m"}, "a.toml:2: m"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%q, want %q", got, tc.want)
		}
	}
}
