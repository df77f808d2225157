// Package indicator reads indicator time series: a CSV file of periods and
// values (ParseCSV) and a TOML file of metadata in every language
// (ParseMeta).
//
// # The CSV file
//
// The first row is a header; every further row is one period. The first
// column holds the period, every further column one series of numbers,
// named by its header cell. A Czech Excel export ("CSV (oddělený
// středníkem)") looks like this and is read as it is:
//
//	Rok;Elektřina;Teplo
//	2019;14 820,4;
//	2020;13 975,1;38 210,7
//
// # Encodings
//
//   - UTF-8, with or without a byte order mark ("CSV UTF-8");
//   - UTF-16 with a byte order mark (Excel's "Unicode text", tab-separated);
//   - windows-1250 (Excel's "CSV" on Czech Windows): a file that is not
//     valid UTF-8 is decoded as windows-1250, so "Elektřina" comes out right.
//
// A workbook saved under a .csv name (.xlsx, .ods, .xls), UTF-16 without a
// byte order mark, control characters and the replacement character �
// (letters lost in an earlier wrong conversion) are errors.
//
// # Delimiters and rows
//
// The delimiter is ';', ',' or a tab, detected from the header and the
// first 50 rows: the one that splits the header into at least two columns
// and gives the rows the same number of cells, periods and numbers wins.
// So "období;počet" over "2024;1,5" is read with ';', and a header
// "Obec, okres";počet with a quoted comma too. Excel's first line "sep=;"
// sets the delimiter explicitly.
//
// Cells may be quoted with "…" (then they may contain the delimiter and line
// breaks; "" is a quote). Lines end with \n, \r\n or \r. Blank rows, also
// rows of delimiters only (";;"), are skipped anywhere. The first cell of
// the header (the name of the period column) may be empty; every series
// needs a non-empty name, unique regardless of case.
//
// Every row has as many cells as the header. When the header ends with
// empty cells ("Rok;Elektřina;"), as Excel writes it when a column was
// once used, those trailing columns are ignored as long as they stay empty
// in every row. A row with fewer or more cells is an error that says how
// many cells were expected.
//
// A file with only one column, an empty file and a header without data rows
// are errors.
//
// # Periods
//
// All rows have the same kind of period; the rows are returned sorted by
// period, whatever their order in the file, and a period may occur only
// once (also when spelled differently: 2024-Q1 and Q1 2024 are the same).
// ParsePeriod accepts, and normalises to the first form:
//
//	year     2024
//	quarter  2024-Q1   2024Q1   2024 Q1   2024/Q1   Q1 2024   Q1/2024   Q1-2024
//	         1Q2024   1Q 2024   1. Q 2024   1. čtvrtletí 2024   (q or Q)
//	month    2024-03   2024-3   2024/03   2024M03   03/2024   3/2024   3. 2024   03.2024
//	date     2024-03-05   5. 3. 2024   5.3.2024   05.03.2024
//
// A date may be followed by a midnight time, as spreadsheets export dates
// ("2024-03-05 00:00:00", "5.3.2024 0:00"). 5/3/2024 is rejected as
// ambiguous (day or month first?), and a five-digit number such as 45356
// is reported as a spreadsheet date serial number.
//
// # Numbers
//
// ParseNumber accepts a decimal comma or point (1234,5 or 1234.5);
// thousands separated by spaces of any kind (plain, no-break U+00A0, narrow
// no-break U+202F, thin, figure: 1 234 567,5) or by the other mark
// (1.234.567,5 and 1,234,567.5), every group after the first of three
// digits; and a sign + - − (U+2212) or – (en dash). A single comma or
// point is always the decimal mark: 1,234 and 1.234 both mean 1.234.
//
// Missing values: an empty cell, a cell of spaces, a dash (- – — −) and
// NA, N/A, #N/A (any case). A dash means "no data", as in Czech tables, not
// zero: write 0 for zero.
//
// Errors with an explaining message: a percent sign ("23,4 %": write 23,4
// and set unit = "%" in the .toml), a unit ("39 544,2 MWh"), scientific
// notation (1,2E+05, which a too-narrow spreadsheet column writes and
// rounds), spreadsheet errors (#DIV/0!), apostrophes as thousands
// separators, and anything else that is not a number:
//
//	content/indicators/x.csv:4:6: 'dvanáct' is not a number: write digits, with a decimal comma or point, e.g. 12 or 1 234,5
//
// # Errors
//
// Every error is an *Error: the file, the 1-based line and the 1-based
// column, counted in characters of the decoded line, where the offending
// cell starts. For example:
//
//	x.csv:3:6: 'x' is not a number: …
//	x.csv:5:1: '2024-03' is a month, but earlier rows are years (from line 2): use one kind of period in a file
//	x.csv:5:1: period 2021 is already given on line 4
//	x.csv:4:13: expected 3 cells as in the header, found 2
//
// # The TOML file
//
//	unit = "MWh"                # or [unit] with cs = … and en = …
//	periodicity = "annual"      # annual, quarterly, monthly, irregular
//	source = "Výroční zpráva …"
//	chart = "line"              # line (the default) or bar
//	target = 12                 # optional, a finite number, may be negative
//	sample = false              # true: illustrative numbers
//
//	[title]                     # required in every language of the site
//	cs = "…"
//	en = "…"
//
//	[description]               # optional
//	cs = "…"
//	en = "…"
//
// ParseMeta reports unknown fields (suggesting the intended one), values of
// the wrong type, an unknown periodicity or chart, a title missing in a
// language and a per-language unit missing in a language, each with the
// line of the key.
package indicator
