package indicator

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transformace/portal/generator/l10n"
)

// numberHelp ends every "is not a number" message.
const numberHelp = "write digits, with a decimal comma or point, e.g. 12 or 1 234,5"

// missing are the cells, besides an empty one, that mean "no value"
// (compared case-insensitively): the dashes of Czech tables, the English
// abbreviations and Excel's #N/A. A dash is read as "no data", not as zero:
// write 0 for zero.
var missing = []string{"-", "–", "—", "−", "NA", "N/A", "#N/A"}

// ParseNumber reads one value cell. An empty cell, a cell of spaces, a dash
// (- – —) and NA, N/A or #N/A are a missing value (NaN, no error).
// Otherwise the cell is a number:
//
//   - a decimal comma or a decimal point: 1234,5 and 1234.5;
//   - thousands separated by spaces (plain, no-break U+00A0, narrow no-break
//     U+202F, thin U+2009, figure U+2007): 1 234 567,5; or by the other
//     mark: 1.234.567,5 and 1,234,567.5. Groups after the first have
//     exactly three digits. A single mark is always the decimal mark, so
//     1,234 and 1.234 are both 1.234;
//   - an optional sign: +, - or the minus sign − (U+2212) or en dash –.
//
// A percent sign, a unit, scientific notation (1,2E+05, which spreadsheets
// write when a column is too narrow) and spreadsheet error values (#DIV/0!)
// are errors whose message says what to do.
func ParseNumber(cell string) (float64, error) {
	s := trimBlank(cell)
	if s == "" {
		return math.NaN(), nil
	}
	// Fast path: plain digits with at most one decimal mark.
	if v, ok := plainNumber(s); ok {
		return v, nil
	}
	if isMissing(s) {
		return math.NaN(), nil
	}
	var buf [64]byte
	b := buf[:0]
	i := 0
	switch r, size := utf8.DecodeRuneInString(s); r {
	case '+':
		i = size
	case '-', '−', '–':
		b = append(b, '-')
		i = size
	}
	if i > 0 {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isGroupSpace(r) {
				break
			}
			i += size
		}
	}
	body := s[i:]

	// Split the body into digit groups and the separators between them.
	type group struct {
		digits string
		sep    byte // separator before this group: 0, ',', '.' or ' '
	}
	var groups [24]group
	ng := 0
	var sep byte
	j := 0
	for j < len(body) {
		c := body[j]
		if c >= '0' && c <= '9' {
			k := j
			for k < len(body) && body[k] >= '0' && body[k] <= '9' {
				k++
			}
			if ng == len(groups) {
				return 0, notNumber(s, l10n.Text{})
			}
			groups[ng] = group{body[j:k], sep}
			ng++
			sep = 0
			j = k
			continue
		}
		r, size := utf8.DecodeRuneInString(body[j:])
		var this byte
		switch {
		case c == ',' || c == '.':
			this = c
		case isGroupSpace(r):
			this = ' '
		default:
			return 0, numberError(s, body, j)
		}
		if sep != 0 || (ng == 0 && this == ' ') {
			// Two separators in a row, or a leading space after the sign.
			return 0, notNumber(s, l10n.Text{})
		}
		sep = this
		j += size
	}
	if ng == 0 || sep != 0 {
		// No digits, or a separator at the end ("12," or "12.").
		return 0, notNumber(s, l10n.Text{})
	}

	// Which separator is the decimal mark?
	var commas, dots, spaces int
	leading := groups[0].sep != 0 // ",5"
	for _, g := range groups[:ng] {
		switch g.sep {
		case ',':
			commas++
		case '.':
			dots++
		case ' ':
			spaces++
		}
	}
	last := groups[ng-1].sep
	var decimal, grouping byte
	switch {
	case commas+dots == 0:
		grouping = ' '
	case last == ',' && commas == 1 && (dots == 0 || spaces == 0):
		decimal, grouping = ',', '.'
		if spaces > 0 {
			grouping = ' '
		}
	case last == '.' && dots == 1 && (commas == 0 || spaces == 0):
		decimal, grouping = '.', ','
		if spaces > 0 {
			grouping = ' '
		}
	case commas > 0 && dots == 0 && spaces == 0 && !leading:
		grouping = ','
	case dots > 0 && commas == 0 && spaces == 0 && !leading:
		grouping = '.'
	default:
		return 0, notNumber(s, l10n.Text{})
	}
	intGroups := groups[:ng]
	if decimal != 0 {
		intGroups = groups[:ng-1]
	}
	if leading && len(intGroups) > 0 {
		return 0, notNumber(s, l10n.Text{})
	}
	for k, g := range intGroups {
		if k > 0 && g.sep != grouping {
			return 0, notNumber(s, l10n.Text{})
		}
		if len(intGroups) > 1 && (k == 0 && len(g.digits) > 3 || k > 0 && len(g.digits) != 3) {
			what := l10n.New("spaces")
			switch grouping {
			case ',':
				what = l10n.New("commas")
			case '.':
				what = l10n.New("points")
			}
			return 0, notNumber(s, l10n.New("%s between digits separate thousands, so every group after the first must have three digits: write e.g. 1 234 567,5", what))
		}
		b = append(b, g.digits...)
	}
	if len(intGroups) == 0 {
		b = append(b, '0')
	}
	if decimal != 0 {
		b = append(b, '.')
		b = append(b, groups[ng-1].digits...)
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, l10n.Errorf("%s is too large a number", quote(s))
	}
	return v, nil
}

// plainNumber reads [-]digits[(,|.)digits] without allocating.
func plainNumber(s string) (float64, bool) {
	var buf [32]byte
	if len(s) > len(buf) {
		return 0, false
	}
	b := buf[:0]
	i := 0
	if s[0] == '-' || s[0] == '+' {
		if s[0] == '-' {
			b = append(b, '-')
		}
		i++
	}
	digits, mark := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			b = append(b, c)
			digits++
		case (c == ',' || c == '.') && !mark && digits > 0 && i+1 < len(s):
			b = append(b, '.')
			mark = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

func isMissing(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, m := range missing {
		if strings.EqualFold(s, m) {
			return true
		}
	}
	return false
}

// numberError explains why s, whose body has an unexpected character at j,
// is not a number.
func numberError(s, body string, j int) error {
	head, rest := trimBlank(body[:j]), trimBlank(body[j:])
	headOK := head != "" && head[len(head)-1] >= '0' && head[len(head)-1] <= '9'
	num := trimBlank(s[:len(s)-len(body)+j])
	switch {
	case rest == "":
		return notNumber(s, l10n.Text{})
	case (rest == "%" || rest == "‰") && headOK:
		return l10n.Errorf("%s has a percent sign: write the number alone (%s) and set unit = \"%s\" in the indicator's .toml", quote(s), num, rest)
	case strings.HasPrefix(s, "#"):
		return l10n.Errorf("%s is a spreadsheet error, not a number: correct the formula in the spreadsheet and export again", quote(s))
	case headOK && (rest[0] == 'e' || rest[0] == 'E') && isExponent(rest[1:]):
		return l10n.Errorf("%s is in scientific notation, which a spreadsheet writes when a column is too narrow and rounds the number: format the column as a number and export again", quote(s))
	case headOK && startsWithLetter(rest):
		return notNumber(s, l10n.New("write the number alone (%s), without the unit %s: the unit belongs in the indicator's .toml", num, quote(rest)))
	case headOK && (rest[0] == '\'' || strings.HasPrefix(rest, "’")):
		return notNumber(s, l10n.New("separate thousands with spaces, not apostrophes, e.g. 1 234 567"))
	}
	return notNumber(s, l10n.Text{})
}

func isExponent(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || r == '€' || r == '$'
}

// notNumber says that s is not a number; hint says what to write instead
// (numberHelp when it is zero).
func notNumber(s string, hint l10n.Text) error {
	if hint.IsZero() {
		hint = l10n.New(numberHelp)
	}
	return l10n.Errorf("%s is not a number: %s", quote(s), hint)
}

// isGroupSpace reports whether r separates thousands.
func isGroupSpace(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009', '\u2007':
		return true
	}
	return false
}

// isBlank reports whether r is white space or invisible (a byte order mark,
// a zero-width space).
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b'
}

// trimBlank removes blank characters from both ends of s.
func trimBlank(s string) string {
	// Fast path for ASCII.
	start, end := 0, len(s)
	for start < end && s[start] < utf8.RuneSelf && asciiSpace(s[start]) {
		start++
	}
	for end > start && s[end-1] < utf8.RuneSelf && asciiSpace(s[end-1]) {
		end--
	}
	s = s[start:end]
	if s == "" || (s[0] < utf8.RuneSelf && s[len(s)-1] < utf8.RuneSelf) {
		return s
	}
	return strings.TrimFunc(s, isBlank)
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// quote puts a cell between apostrophes for a message, shortened to 40
// characters, with invisible characters escaped.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	n := 0
	for _, r := range s {
		if n == 40 {
			b.WriteString("…")
			break
		}
		n++
		switch {
		case r == ' ':
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case !unicode.IsPrint(r) && !isGroupSpace(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
