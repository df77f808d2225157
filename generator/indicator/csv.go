package indicator

import (
	"bytes"
	"math"
	"slices"
	"strings"
	stdunicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/transformace/portal/generator/l10n"
)

// ParseCSV reads an indicator's CSV file: a header row, then one row per
// period. See the package documentation for what it accepts.
//
// series are the names of the value columns, from the header. rows are
// sorted by period, whatever their order in the file; every row has one
// value per series, NaN where the value is missing. Every error is an
// *Error with the file name, the line and, when the problem is in a cell,
// the column (counted in characters of the decoded line) where it starts.
func ParseCSV(name string, data []byte) (series []string, rows []Row, err error) {
	text, e := decodeText(name, data)
	if e != nil {
		return nil, nil, e
	}
	series, rows, e = parseText(name, text)
	if e != nil {
		return nil, nil, e
	}
	return series, rows, nil
}

var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

// decodeText turns the bytes of a CSV file into text: UTF-8 with or without
// a byte order mark, UTF-16 with one, or windows-1250 (what is not UTF-8).
// It rejects binary files and control characters.
func decodeText(name string, data []byte) (string, *Error) {
	fail := func(line, col int, format string, args ...any) (string, *Error) {
		return "", errorAt(name, line, col, l10n.New(format, args...))
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return fail(1, 0, "this is a spreadsheet workbook (.xlsx or .ods), not a CSV file: save it from the spreadsheet as CSV UTF-8 or CSV (semicolon delimited)")
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return fail(1, 0, "this is an Excel workbook (.xls), not a CSV file: save it from Excel as CSV UTF-8 or CSV (semicolon delimited)")
	}
	var text, enc string
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		enc = "UTF-8"
		body := data[len(bomUTF8):]
		if i := invalidUTF8(body); i >= 0 {
			line, col := position(string(body[:i]), i)
			return fail(line, col, "the file starts with the byte order mark of UTF-8, but byte 0x%02X here is not UTF-8: save the file again as CSV UTF-8", body[i])
		}
		text = string(body)
	case bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE):
		enc = "UTF-16"
		if len(data)%2 != 0 {
			return fail(1, 0, "the file is UTF-16 (Unicode text) but has an odd number of bytes, so it is cut off: export it again")
		}
		b, _, err := transform.Bytes(unicode.BOMOverride(transform.Nop), data)
		if err != nil {
			return fail(1, 0, "the file is not valid UTF-16 (Unicode text): %v", err)
		}
		text = string(b)
	case bytes.IndexByte(data, 0) >= 0 && looksUTF16(data):
		return fail(1, 0, "the file looks like UTF-16 (Unicode text) without a byte order mark: save it as CSV UTF-8")
	case utf8.Valid(data):
		enc = "UTF-8"
		text = string(data)
	default:
		enc = "windows-1250"
		var b strings.Builder
		b.Grow(len(data) + len(data)/8)
		for _, c := range data {
			if c < utf8.RuneSelf {
				b.WriteByte(c)
			} else {
				b.WriteRune(charmap.Windows1250.DecodeByte(c))
			}
		}
		text = b.String()
	}
	if strings.Contains(text, "\ufeff") {
		// A second byte order mark, e.g. of files put together.
		text = strings.ReplaceAll(text, "\ufeff", "")
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				line, col := position(text, i)
				return fail(line, col, "control character U+%04X: this is not a text file; save the table from the spreadsheet as CSV UTF-8", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= 0x80 && r < 0xa0:
			line, col := position(text, i)
			return fail(line, col, "control character U+%04X: this is not a text file; save the table from the spreadsheet as CSV UTF-8", r)
		case r == utf8.RuneError:
			line, col := position(text, i)
			switch enc {
			case "windows-1250":
				b := data[utf8.RuneCountInString(text[:i])]
				return fail(line, col, "the file is not UTF-8, and byte 0x%02X is not a character of windows-1250 either: save the file as CSV UTF-8", b)
			case "UTF-16":
				return fail(line, col, "the file is not valid UTF-16 here (a broken character): export it again, or save it as CSV UTF-8")
			}
			return fail(line, col, "the character '\uFFFD' stands for a letter lost in a wrong conversion of the file: retype the text around it, or export the table again as CSV UTF-8")
		}
		i += size
	}
	return text, nil
}

// invalidUTF8 returns the offset of the first byte of b that is not UTF-8, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// looksUTF16 reports whether zero bytes sit mostly at even or mostly at
// odd offsets, as in UTF-16 text of Latin letters.
func looksUTF16(b []byte) bool {
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	return half > 0 && (even*4 >= half && odd*8 < even || odd*4 >= half && even*8 < odd)
}

// position returns the 1-based line and column (in characters) of byte
// offset off of text. \n, \r\n and \r end a line.
func position(text string, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(text); i++ {
		switch text[i] {
		case '\n':
			line++
			start = i + 1
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			line++
			start = i + 1
		}
	}
	if off > len(text) {
		off = len(text)
	}
	return line, utf8.RuneCountInString(text[start:off]) + 1
}

// cell is one cell of a record.
type cell struct {
	text string // content without the quotes; not trimmed
	off  int    // offset of its first non-blank character (or of its start)
	line int    // line of off
	ls   int    // offset where that line starts
}

// tokenizer splits text into records of cells. Cells are separated by the
// delimiter, records by \n, \r\n or \r. A cell that starts with " (after
// spaces) is quoted: it may contain delimiters, line breaks and "" for ".
type tokenizer struct {
	name      string
	src       string
	delim     byte
	pos       int // offset of the next character
	line      int // line of pos
	ls        int // offset where the line of pos starts
	cells     []cell
	endOff    int // offset just after the last cell of the record read last
	endLine   int // its line
	endLS     int // and where that line starts
	escapeBuf strings.Builder
}

func (t *tokenizer) col(off, ls int) int {
	return utf8.RuneCountInString(t.src[ls:off]) + 1
}

func (t *tokenizer) errorf(off, line, ls int, format string, args ...any) *Error {
	return errorAt(t.name, line, t.col(off, ls), l10n.New(format, args...))
}

func (t *tokenizer) space(c byte) bool {
	return c == ' ' || c == '\t' && t.delim != '\t'
}

// record reads the next record. It returns nil cells at the end of the text.
func (t *tokenizer) record() ([]cell, *Error) {
	if t.pos >= len(t.src) {
		return nil, nil
	}
	t.cells = t.cells[:0]
	src := t.src
	for {
		start := t.pos
		p := start
		for p < len(src) && t.space(src[p]) {
			p++
		}
		if p < len(src) && src[p] == '"' {
			c := cell{off: p, line: t.line, ls: t.ls}
			text, err := t.quoted(p)
			if err != nil {
				return nil, err
			}
			c.text = text
			q := t.pos
			for q < len(src) && t.space(src[q]) {
				q++
			}
			if q < len(src) && src[q] != t.delim && src[q] != '\n' && src[q] != '\r' {
				r, _ := utf8.DecodeRuneInString(src[q:])
				return nil, t.errorf(q, t.line, t.ls, "%s after the closing quote of a quoted cell: a quoted cell ends with \" followed by %s or the end of the line; inside it, write \"\" for a quote", quote(string(r)), delimName(t.delim))
			}
			t.cells = append(t.cells, c)
			t.pos = q
		} else {
			end := p
			for end < len(src) {
				if ch := src[end]; ch == t.delim || ch == '\n' || ch == '\r' {
					break
				}
				end++
			}
			off := p
			if p == end {
				off = start
			}
			t.cells = append(t.cells, cell{text: src[start:end], off: off, line: t.line, ls: t.ls})
			t.pos = end
		}
		t.endOff, t.endLine, t.endLS = t.pos, t.line, t.ls
		if t.pos >= len(src) {
			return t.cells, nil
		}
		switch src[t.pos] {
		case '\r':
			t.pos++
			if t.pos < len(src) && src[t.pos] == '\n' {
				t.pos++
			}
			t.line++
			t.ls = t.pos
			return t.cells, nil
		case '\n':
			t.pos++
			t.line++
			t.ls = t.pos
			return t.cells, nil
		default: // the delimiter
			t.pos++
		}
	}
}

// quoted reads a quoted cell whose opening quote is at open and leaves pos
// after the closing quote.
func (t *tokenizer) quoted(open int) (string, *Error) {
	src := t.src
	openLine, openLS := t.line, t.ls
	i := open + 1
	seg := i
	escaped := false
	t.escapeBuf.Reset()
	for {
		j := strings.IndexAny(src[i:], "\"\r\n")
		if j < 0 {
			return "", t.errorf(open, openLine, openLS, "the quoted cell that starts here has no closing quote: end it with \" (inside a quoted cell, write \"\" for a quote)")
		}
		i += j
		switch src[i] {
		case '\n':
			i++
			t.line++
			t.ls = i
		case '\r':
			i++
			if i < len(src) && src[i] == '\n' {
				i++
			}
			t.line++
			t.ls = i
		case '"':
			if i+1 < len(src) && src[i+1] == '"' {
				t.escapeBuf.WriteString(src[seg : i+1])
				escaped = true
				i += 2
				seg = i
				continue
			}
			t.pos = i + 1
			if !escaped {
				return src[seg:i], nil
			}
			t.escapeBuf.WriteString(src[seg:i])
			return t.escapeBuf.String(), nil
		}
	}
}

// nonBlank reads the next record that has a non-blank cell.
func (t *tokenizer) nonBlank() ([]cell, *Error) {
	for {
		rec, err := t.record()
		if err != nil || rec == nil {
			return nil, err
		}
		for _, c := range rec {
			if trimBlank(c.text) != "" {
				return rec, nil
			}
		}
	}
}

func delimName(d byte) l10n.Text {
	if d == '\t' {
		return l10n.New("a tab")
	}
	return l10n.Plain("'" + string(d) + "'")
}

// example is a row of two cells, a and b, written with delimiter d.
func example(d byte, a, b string) l10n.Text {
	if d == '\t' {
		return l10n.New("%s, a tab, %s", a, b)
	}
	return l10n.Plain(a + string(d) + b)
}

// namedWidth is the number of header cells without the blank cells at the end.
func namedWidth(header []cell) int {
	w := len(header)
	for w > 0 && trimBlank(header[w-1].text) == "" {
		w--
	}
	return w
}

// delimiters in the order that wins a tie.
var delimiters = []byte{'\t', ';', ','}

// detectDelimiter tries every delimiter on the header and up to 50 data
// rows. A delimiter qualifies when it splits the header into a period
// column and at least one series; among those, a row scores for the
// expected number of cells, for a period in its first cell and for numbers
// in the others. The best total wins.
func detectDelimiter(name, src string, start, line int) (byte, *Error) {
	best, bestScore := byte(0), 0
	var firstErr *Error
	for _, d := range delimiters {
		t := &tokenizer{name: name, src: src, delim: d, pos: start, line: line, ls: start}
		header, err := t.nonBlank()
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if header == nil {
			return d, nil // only blanks and d: the caller reports an empty file
		}
		w := namedWidth(header)
		if w < 2 {
			continue
		}
		score := 0
		for range 50 {
			rec, err := t.nonBlank()
			if err != nil {
				score -= 3
				break
			}
			if rec == nil {
				break
			}
			if len(rec) >= w && allBlank(rec[w:]) {
				score += 2
			}
			if _, err := ParsePeriod(rec[0].text); err == nil {
				score++
			}
			numbers := true
			for _, c := range rec[1:min(w, len(rec))] {
				if _, err := ParseNumber(c.text); err != nil {
					numbers = false
					break
				}
			}
			if numbers {
				score++
			}
		}
		if best == 0 || score > bestScore {
			best, bestScore = d, score
		}
	}
	if best != 0 {
		return best, nil
	}
	if firstErr != nil {
		return 0, firstErr
	}
	t := &tokenizer{name: name, src: src, delim: ',', pos: start, line: line, ls: start}
	header, _ := t.nonBlank()
	first := header[0]
	end := strings.IndexAny(src[first.off:], "\r\n")
	if end < 0 {
		end = len(src) - first.off
	}
	return 0, errorAt(name, first.line, 1, l10n.New(
		"the first row %s has only one column: the first row must be the header, with the period column and at least one series, separated by ';', ',' or a tab (e.g. rok;počet)",
		quote(trimBlank(src[first.off:first.off+end]))))
}

func allBlank(cells []cell) bool {
	for _, c := range cells {
		if trimBlank(c.text) != "" {
			return false
		}
	}
	return true
}

// sepLine reads Excel's optional first line "sep=;".
func sepLine(name, src string) (delim byte, start, line int, err *Error) {
	if len(src) < 4 || !strings.EqualFold(src[:4], "sep=") {
		return 0, 0, 1, nil
	}
	end := strings.IndexAny(src, "\r\n")
	if end < 0 {
		end = len(src)
	}
	value := src[4:end]
	if value != "" && strings.Count(value, value[:1]) == len(value) {
		value = value[:1] // "sep=;;" after a spreadsheet padded the row
	}
	if len(value) != 1 || !slices.Contains(delimiters, value[0]) {
		return 0, 0, 0, errorAt(name, 1, 5, l10n.New("the delimiter %s in the sep= line is not one of ';', ',' or a tab", quote(value)))
	}
	start = end
	if start < len(src) && src[start] == '\r' {
		start++
	}
	if start < len(src) && src[start] == '\n' {
		start++
	}
	return value[0], start, 2, nil
}

// parseText reads decoded CSV text.
func parseText(name, src string) ([]string, []Row, *Error) {
	delim, start, line, err := sepLine(name, src)
	if err != nil {
		return nil, nil, err
	}
	if delim == 0 {
		if delim, err = detectDelimiter(name, src, start, line); err != nil {
			return nil, nil, err
		}
	}
	t := &tokenizer{name: name, src: src, delim: delim, pos: start, line: line, ls: start}
	at := func(c cell, format string, args ...any) *Error {
		return t.errorf(c.off, c.line, c.ls, format, args...)
	}

	rec, err := t.nonBlank()
	if err != nil {
		return nil, nil, err
	}
	if rec == nil {
		return nil, nil, errorAt(name, 1, 0, l10n.New("the file is empty: write a header row such as rok;počet, then one row per period"))
	}
	header := slices.Clone(rec)
	headerEnd := t.line
	n, w := len(header), namedWidth(header)
	if w < 2 {
		return nil, nil, at(header[0], "the header has only one column: add at least one series after the period column, separated by %s (e.g. %s)", delimName(delim), example(delim, "rok", "počet"))
	}
	series := make([]string, 0, w-1)
	seen := make(map[string]cell, w-1) // by the lowercase name
	for _, c := range header[1:w] {
		s := trimBlank(c.text)
		if strings.ContainsAny(s, "\t\r\n") {
			s = strings.Join(strings.Fields(s), " ")
		}
		if s == "" {
			return nil, nil, at(c, "this header cell is empty: every series needs a name in the header")
		}
		key := strings.ToLower(s)
		if prev, dup := seen[key]; dup {
			return nil, nil, at(c, "the series %s is in the header twice (also in column %d): give every series its own name", quote(s), t.col(prev.off, prev.ls))
		}
		seen[key] = c
		series = append(series, s)
	}
	if looksLikeData(header[:w]) {
		return nil, nil, at(header[0], "the first row looks like data, not like a header: add a header row above it that names the period column and every series (e.g. %s)", example(delim, "rok", "počet"))
	}

	var (
		rows      []Row
		lines     map[Period]int // line of each period, when out of order
		rowLines  []int          // line of each row
		firstKind PeriodKind
		firstLine int
		pool      []float64
	)
	nv := w - 1
	estimate := strings.Count(src[t.pos:], "\n")
	if estimate == 0 {
		estimate = strings.Count(src[t.pos:], "\r")
	}
	rows = make([]Row, 0, estimate+1)
	rowLines = make([]int, 0, estimate+1)
	for {
		rec, err := t.nonBlank()
		if err != nil {
			return nil, nil, err
		}
		if rec == nil {
			break
		}
		m := len(rec)
		if m < w {
			if m == 1 {
				for _, d := range delimiters {
					if d != delim && strings.IndexByte(rec[0].text, d) >= 0 {
						return nil, nil, t.errorf(t.endOff, t.endLine, t.endLS, "expected %d cells as in the header, found %d: this row is separated by %s, but the header by %s", n, m, delimName(d), delimName(delim))
					}
				}
			}
			return nil, nil, t.errorf(t.endOff, t.endLine, t.endLS, "expected %d cells as in the header, found %d", n, m)
		}
		for j := w; j < m; j++ {
			if trimBlank(rec[j].text) == "" {
				continue
			}
			if j < n {
				return nil, nil, at(rec[j], "%s is in a column that has no name in the header: name the series in the header, or delete the value", quote(trimBlank(rec[j].text)))
			}
			if delim == ',' {
				return nil, nil, at(rec[j], "expected %d cells as in the header, found %d: a decimal comma splits a number in a comma-separated file; separate the cells with ';' or put such numbers in quotes (\"1,5\")", n, m)
			}
			return nil, nil, at(rec[j], "expected %d cells as in the header, found %d", n, m)
		}
		if m > n && n == w {
			return nil, nil, at(rec[n], "expected %d cells as in the header, found %d: the extra cells are empty, so delete %s at the end of the line (or end the header row with %s too)", n, m, delimName(delim), delimName(delim))
		}

		pc := rec[0]
		ptext := trimBlank(pc.text)
		if ptext == "" {
			return nil, nil, at(pc, "the period is missing: every row starts with its period, e.g. 2024")
		}
		p, perr := ParsePeriod(ptext)
		if perr != nil {
			switch firstWord(ptext) {
			case "celkem", "součet", "suma", "úhrn", "total", "sum":
				return nil, nil, at(pc, "%s is not a period: delete the total row, the portal shows the rows themselves", quote(ptext))
			case "zdroj", "zdroje", "pozn", "poznámka", "poznámky", "source", "sources", "note", "notes":
				return nil, nil, at(pc, "%s is not a period: notes and the source belong in the indicator's .toml (source = \"…\"), not in the CSV", quote(ptext))
			}
			if len(rows) == 0 && headerIsPeriods(series) {
				return nil, nil, at(pc, "%s; the header names look like periods: put one period per row, in the first column", l10n.Of(perr))
			}
			return nil, nil, at(pc, "%s", l10n.Of(perr))
		}
		if len(rows) == 0 {
			firstKind, firstLine = p.Kind(), pc.line
		} else if k := p.Kind(); k != firstKind {
			return nil, nil, at(pc, "%s is a %s, but earlier rows are %s (from line %d): use one kind of period in a file", quote(ptext), k.name(), firstKind.plural(), firstLine)
		}
		// Rows in increasing order cannot repeat a period; the map of lines
		// is built only once the file is out of order.
		if lines != nil || len(rows) > 0 && p.Compare(rows[len(rows)-1].Period) <= 0 {
			if lines == nil {
				lines = make(map[Period]int, len(rows))
				for i, r := range rows {
					lines[r.Period] = rowLines[i]
				}
			}
			if prev, dup := lines[p]; dup {
				return nil, nil, at(pc, "period %s is already given on line %d", p, prev)
			}
		}
		if lines != nil {
			lines[p] = pc.line
		}
		rowLines = append(rowLines, pc.line)

		if len(pool) < nv {
			pool = make([]float64, nv*256)
		}
		values := pool[:nv:nv]
		pool = pool[nv:]
		for j := 1; j < w; j++ {
			v, err := ParseNumber(rec[j].text)
			if err != nil {
				return nil, nil, at(rec[j], "%s", l10n.Of(err))
			}
			values[j-1] = v
		}
		rows = append(rows, Row{Period: p, Values: values})
	}
	if len(rows) == 0 {
		return nil, nil, errorAt(name, headerEnd, 0, l10n.New("no data rows: after the header, write one row per period (e.g. %s)", example(delim, "2024", "12")))
	}
	if !slices.IsSortedFunc(rows, compareRows) {
		slices.SortFunc(rows, compareRows)
	}
	return series, rows, nil
}

func compareRows(a, b Row) int { return a.Period.Compare(b.Period) }

// firstWord returns the first run of letters of s, in lowercase.
func firstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !stdunicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// looksLikeData reports whether a header row is a period and numbers.
func looksLikeData(header []cell) bool {
	if _, err := ParsePeriod(header[0].text); err != nil {
		return false
	}
	for _, c := range header[1:] {
		v, err := ParseNumber(c.text)
		if err != nil || math.IsNaN(v) {
			return false
		}
	}
	return true
}

func headerIsPeriods(series []string) bool {
	for _, s := range series {
		if _, err := ParsePeriod(s); err != nil {
			return false
		}
	}
	return true
}
