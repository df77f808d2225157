package indicator

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transformace/portal/generator/l10n"
)

// Period is a year, a quarter, a month or a day. Exactly one of these
// shapes is valid: {Year}, {Year, Quarter}, {Year, Month} or
// {Year, Month, Day}.
type Period struct {
	Year, Quarter, Month, Day int
}

// PeriodKind says whether a Period is a year, a quarter, a month or a day.
type PeriodKind int

// The kinds of period, from the coarsest to the finest.
const (
	PeriodYear PeriodKind = iota + 1
	PeriodQuarter
	PeriodMonth
	PeriodDay
)

// String returns "year", "quarter", "month" or "date".
func (k PeriodKind) String() string {
	switch k {
	case PeriodYear:
		return "year"
	case PeriodQuarter:
		return "quarter"
	case PeriodMonth:
		return "month"
	case PeriodDay:
		return "date"
	}
	return "period"
}

// name is the kind in an editor's words, "a year" without the article.
func (k PeriodKind) name() l10n.Text {
	switch k {
	case PeriodYear:
		return l10n.New("year")
	case PeriodQuarter:
		return l10n.New("quarter")
	case PeriodMonth:
		return l10n.New("month")
	case PeriodDay:
		return l10n.New("date")
	}
	return l10n.New("period")
}

// plural is the kind in the plural: "earlier rows are years".
func (k PeriodKind) plural() l10n.Text {
	switch k {
	case PeriodYear:
		return l10n.New("years")
	case PeriodQuarter:
		return l10n.New("quarters")
	case PeriodMonth:
		return l10n.New("months")
	case PeriodDay:
		return l10n.New("dates")
	}
	return l10n.New("periods")
}

// Kind returns the kind of p.
func (p Period) Kind() PeriodKind {
	switch {
	case p.Quarter > 0:
		return PeriodQuarter
	case p.Day > 0:
		return PeriodDay
	case p.Month > 0:
		return PeriodMonth
	}
	return PeriodYear
}

// Compare orders periods by their start; at the same start the coarser
// period comes first (2024 < 2024-Q1 < 2024-01 < 2024-01-01). It returns
// -1, 0 or +1.
func (p Period) Compare(q Period) int {
	if c := cmp.Compare(p.Year, q.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(p.firstMonth(), q.firstMonth()); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Day, q.Day); c != 0 {
		return c
	}
	return cmp.Compare(p.Kind(), q.Kind())
}

func (p Period) firstMonth() int {
	if p.Quarter > 0 {
		return (p.Quarter-1)*3 + 1
	}
	return p.Month
}

// String returns the ISO form used in open data: 2024, 2024-Q1, 2024-03, 2024-03-05.
func (p Period) String() string {
	switch {
	case p.Quarter > 0:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	case p.Day > 0:
		return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
	case p.Month > 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d", p.Year)
}

// periodHelp ends every "is not a period" message.
const periodHelp = "write a year (2024), a quarter (2024-Q1), a month (2024-03) or a date (2024-03-05 or 5. 3. 2024)"

// ParsePeriod reads one period cell. Surrounding spaces are ignored and the
// result is normalised (see Period.String). Accepted spellings:
//
//	year     2024
//	quarter  2024-Q1  2024Q1  2024 Q1  2024/Q1  Q1 2024  Q1/2024  Q1-2024
//	         1Q2024  1Q 2024  1. Q 2024  1. čtvrtletí 2024   (q or Q)
//	month    2024-03  2024-3  2024/03  2024M03  03/2024  3/2024  3. 2024  03.2024
//	date     2024-03-05  5. 3. 2024  5.3.2024  05.03.2024
//
// A date may carry a time of day of midnight ("2024-03-05 00:00:00",
// "5.3.2024 0:00"), as spreadsheets export it; any other time is an error.
// A date with slashes (5/3/2024) is rejected as ambiguous.
func ParsePeriod(s string) (Period, error) {
	s = trimBlank(s)
	var toks [16]ptok
	n, ok := lexPeriod(s, toks[:])
	if !ok {
		return Period{}, notPeriod(s, l10n.Text{})
	}
	t := toks[:n]
	// A time of day after a date: [T] h:mm[:ss[.fff]] [Z].
	if i := timeStart(t); i > 0 {
		if !zeroTime(t[i:]) {
			p, err := periodOf(s, t[:i])
			if err != nil || p.Kind() != PeriodDay {
				return Period{}, notPeriod(s, l10n.Text{})
			}
			return Period{}, l10n.Errorf("%s has a time of day: the portal keeps dates only, write %s", quote(s), p)
		}
		t = t[:i]
		p, err := periodOf(s, t)
		if err == nil && p.Kind() != PeriodDay {
			return Period{}, notPeriod(s, l10n.Text{})
		}
		return p, err
	}
	return periodOf(s, t)
}

// ptok is one token of a period: a run of digits ('9'), a letter
// ('Q', 'M', 'T', 'Z'), the word čtvrtletí ('C') or a separator.
type ptok struct {
	kind byte
	val  int // the number, for '9'
	n    int // count of digits, for '9'
}

// lexPeriod splits s into tokens; spaces only separate tokens.
func lexPeriod(s string, toks []ptok) (int, bool) {
	n := 0
	add := func(t ptok) bool {
		if n == len(toks) {
			return false
		}
		toks[n] = t
		n++
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v, j := 0, i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			if !add(ptok{kind: '9', val: v, n: j - i}) {
				return 0, false
			}
			i = j
			continue
		case c == ' ':
			i++
			continue
		case c == '-' || c == '/' || c == '.' || c == ':':
			if !add(ptok{kind: c}) {
				return 0, false
			}
			i++
			continue
		case c == 'Q' || c == 'q' || c == 'M' || c == 'm' || c == 'T' || c == 't' || c == 'Z' || c == 'z':
			// A single letter, not part of a word.
			if i+1 < len(s) && isLetterAt(s, i+1) {
				break
			}
			if !add(ptok{kind: byte(unicode.ToUpper(rune(c)))}) {
				return 0, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '–' || r == '‑':
			if !add(ptok{kind: '-'}) {
				return 0, false
			}
			i += size
			continue
		case isBlank(r):
			i += size
			continue
		case unicode.IsLetter(r):
			j := i
			for j < len(s) && isLetterAt(s, j) {
				_, sz := utf8.DecodeRuneInString(s[j:])
				j += sz
			}
			switch strings.ToLower(s[i:j]) {
			case "čtvrtletí", "ctvrtleti":
				if !add(ptok{kind: 'C'}) {
					return 0, false
				}
				i = j
				continue
			}
		}
		return 0, false
	}
	return n, true
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// timeStart returns the index of the token that starts a time of day, or 0.
func timeStart(t []ptok) int {
	for i := 1; i+1 < len(t); i++ {
		if t[i].kind == ':' && t[i-1].kind == '9' {
			if i >= 2 && t[i-2].kind == 'T' {
				return i - 2
			}
			return i - 1
		}
	}
	return 0
}

// zeroTime reports whether t is a midnight time of day.
func zeroTime(t []ptok) bool {
	if len(t) > 0 && t[0].kind == 'T' {
		t = t[1:]
	}
	if len(t) > 0 && t[len(t)-1].kind == 'Z' {
		t = t[:len(t)-1]
	}
	// h:mm, h:mm:ss or h:mm:ss.fff, every number zero.
	switch shapeOf(t) {
	case "9:9", "9:9:9", "9:9:9.9":
	default:
		return false
	}
	for i, x := range t {
		if x.kind != '9' {
			continue
		}
		switch {
		case x.val != 0 || x.n > 9:
			return false
		case i == 0 && x.n > 2, (i == 2 || i == 4) && x.n != 2:
			return false
		}
	}
	return true
}

func shapeOf(t []ptok) string {
	var b [16]byte
	for i, x := range t {
		b[i] = x.kind
	}
	return string(b[:len(t)])
}

// periodOf matches a token sequence without a time of day.
func periodOf(s string, t []ptok) (Period, error) {
	num := func(i int) (int, int) { return t[i].val, t[i].n }
	switch shapeOf(t) {
	case "9":
		v, n := num(0)
		if n == 4 {
			return year(s, v)
		}
		if n == 5 && v >= 30000 && v <= 60000 { // 1982 to 2064
			return Period{}, notPeriod(s, l10n.New("it looks like a spreadsheet date serial number: format the column as a date (or as text) in the spreadsheet and export it again"))
		}
	case "9Q9", "9-Q9", "9/Q9", "9.Q9", "9C9", "9.C9":
		a, an := num(0)
		b, bn := num(len(t) - 1)
		switch {
		case an == 4 && bn == 1 && t[1].kind != 'C' && t[1].kind != '.':
			return quarter(s, a, b)
		case an == 1 && bn == 4 && t[1].kind != '-' && t[1].kind != '/':
			return quarter(s, b, a)
		}
	case "Q99", "Q9-9", "Q9/9":
		q, qn := num(1)
		y, yn := num(len(t) - 1)
		if qn == 1 && yn == 4 {
			return quarter(s, y, q)
		}
	case "9-9", "9/9", "9M9", "9-M9":
		a, an := num(0)
		b, bn := num(len(t) - 1)
		switch {
		case an == 4 && bn <= 2:
			return month(s, a, b)
		case an <= 2 && bn == 4 && (t[1].kind == '/' || t[1].kind == '-'):
			return month(s, b, a)
		}
	case "9.9":
		m, mn := num(0)
		y, yn := num(2)
		if mn <= 2 && yn == 4 {
			return month(s, y, m)
		}
	case "9-9-9":
		y, yn := num(0)
		m, mn := num(2)
		d, dn := num(4)
		if yn == 4 && mn <= 2 && dn <= 2 {
			return day(s, y, m, d)
		}
	case "9.9.9", "9.9.9.":
		d, dn := num(0)
		m, mn := num(2)
		y, yn := num(4)
		if dn <= 2 && mn <= 2 && yn == 4 {
			return day(s, y, m, d)
		}
	case "9/9/9":
		a, an := num(0)
		b, bn := num(2)
		y, yn := num(4)
		if an <= 2 && bn <= 2 && yn == 4 {
			hint := l10n.New("write 2024-03-05 or 5. 3. 2024")
			if b > 12 && a >= 1 && a <= 12 {
				hint = l10n.New("write %04d-%02d-%02d", y, a, b)
			} else if a > 12 && b >= 1 && b <= 12 {
				hint = l10n.New("write %04d-%02d-%02d", y, b, a)
			}
			return Period{}, l10n.Errorf("%s is ambiguous (day/month or month/day?): %s", quote(s), hint)
		}
	}
	return Period{}, notPeriod(s, l10n.Text{})
}

// notPeriod says that s is not a period; hint says what to write instead
// (periodHelp when it is zero).
func notPeriod(s string, hint l10n.Text) error {
	if hint.IsZero() {
		hint = l10n.New(periodHelp)
	}
	return l10n.Errorf("%s is not a period: %s", quote(s), hint)
}

func year(s string, y int) (Period, error) {
	if y < 1000 {
		return Period{}, l10n.Errorf("%s is not a period: the year must have four digits, from 1000 to 9999", quote(s))
	}
	return Period{Year: y}, nil
}

func quarter(s string, y, q int) (Period, error) {
	if _, err := year(s, y); err != nil {
		return Period{}, err
	}
	if q < 1 || q > 4 {
		return Period{}, l10n.Errorf("%s is not a period: quarter %d does not exist, quarters are Q1 to Q4", quote(s), q)
	}
	return Period{Year: y, Quarter: q}, nil
}

func month(s string, y, m int) (Period, error) {
	if _, err := year(s, y); err != nil {
		return Period{}, err
	}
	if m < 1 || m > 12 {
		return Period{}, l10n.Errorf("%s is not a period: month %d does not exist, months are 1 to 12", quote(s), m)
	}
	return Period{Year: y, Month: m}, nil
}

func day(s string, y, m, d int) (Period, error) {
	p, err := month(s, y, m)
	if err != nil {
		return p, err
	}
	if d < 1 || d > daysIn(y, m) {
		return Period{}, l10n.Errorf("%s is not a date: %04d-%02d has %d days", quote(s), y, m, daysIn(y, m))
	}
	p.Day = d
	return p, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
