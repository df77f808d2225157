package locale

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/number"

	"github.com/transformace/portal/generator/l10n"
)

// formats is the parsed [format] table.
type formats struct {
	date, dateShort, month                     pattern
	money, thousand, million, billion, percent pattern
	quoteOpen, quoteClose                      string
	months, monthsGen, monthsShort             []string
	noBreak                                    map[string]bool // lower-case words
	noBreakMax                                 int             // longest word in noBreak, in runes
}

// placeholder is a {name} in a [format] pattern.
type placeholder uint8

const (
	phNone       placeholder = iota
	phN                      // {n}: the formatted number
	phD                      // {d}: day of the month, 1–31
	phDD                     // {dd}: day of the month, 01–31
	phM                      // {m}: month number, 1–12
	phMM                     // {mm}: month number, 01–12
	phYYYY                   // {yyyy}: year
	phMonth                  // {month}: month name (months)
	phMonthGen               // {month_gen}: month name, genitive (months_genitive)
	phMonthShort             // {month_short}: abbreviated month name (months_short)
	phCount
)

func (ph placeholder) name() string {
	switch ph {
	case phN:
		return "n"
	case phD:
		return "d"
	case phDD:
		return "dd"
	case phM:
		return "m"
	case phMM:
		return "mm"
	case phYYYY:
		return "yyyy"
	case phMonth:
		return "month"
	case phMonthGen:
		return "month_gen"
	case phMonthShort:
		return "month_short"
	}
	return ""
}

func placeholderByName(s string) (placeholder, bool) {
	for ph := phN; ph < phCount; ph++ {
		if ph.name() == s {
			return ph, true
		}
	}
	return phNone, false
}

// segment is literal text (ph == phNone) or a placeholder.
type segment struct {
	lit string
	ph  placeholder
}

// pattern is a compiled [format] pattern.
type pattern []segment

// compilePattern splits s into literal text and placeholders, turning every
// plain space of the literal text into U+00A0.
func compilePattern(s string, allowed []placeholder) (pattern, error) {
	var pat pattern
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			pat = append(pat, segment{lit: nbsp(s)})
			break
		}
		if i > 0 {
			pat = append(pat, segment{lit: nbsp(s[:i])})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return nil, l10n.Errorf("unclosed %q", s[i:])
		}
		name := s[i+1 : i+j]
		ph, ok := placeholderByName(name)
		if !ok {
			return nil, l10n.Errorf("unknown placeholder {%s}", name)
		}
		allowedHere := false
		for _, a := range allowed {
			allowedHere = allowedHere || a == ph
		}
		if !allowedHere {
			names := make([]string, len(allowed))
			for k, a := range allowed {
				names[k] = "{" + a.name() + "}"
			}
			return nil, l10n.Errorf("placeholder {%s} cannot be used here (use %s)", name, strings.Join(names, " "))
		}
		pat = append(pat, segment{ph: ph})
		s = s[i+j+1:]
	}
	return pat, nil
}

func (p pattern) uses(ph placeholder) bool {
	for _, s := range p {
		if s.ph == ph {
			return true
		}
	}
	return false
}

// expand writes the pattern, taking each placeholder's text from value.
func (p pattern) expand(value func(placeholder) string) string {
	var b strings.Builder
	for _, s := range p {
		if s.ph == phNone {
			b.WriteString(s.lit)
		} else {
			b.WriteString(value(s.ph))
		}
	}
	return b.String()
}

// withNumber expands a pattern whose only placeholder is {n}.
func (p pattern) withNumber(n string) string {
	return p.expand(func(placeholder) string { return n })
}

// nbsp replaces every plain space with U+00A0.
func nbsp(s string) string {
	return strings.ReplaceAll(s, " ", "\u00a0")
}

// Number formats an integer with the language's digit grouping from CLDR
// (via golang.org/x/text): cs "54 675 000" (grouped with U+00A0),
// en "54,675,000".
func (l *Locale) Number(n int64) string {
	return l.printer.Sprint(number.Decimal(n))
}

// Decimal formats f with exactly decimals fraction digits, rounding half
// away from zero as a reader of the shortest decimal form of f expects
// (2.345 → 2.35, 0.125 → 0.13): cs Decimal(2345.25, 2) = "2 345,25"
// (U+00A0), en "2,345.25". With decimals < 0 it writes the shortest form
// with at most two decimals and no trailing zeros (2.5 → "2,5", 2.0 → "2",
// 0.3333 → "0,33"). More than 9 decimals are treated as 9. NaN and
// infinities are written the way CLDR writes them ("NaN", "∞").
func (l *Locale) Decimal(f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return l.printer.Sprint(number.Decimal(f))
	}
	ip, fp, neg := roundDecimal(f, decimals)
	x, err := strconv.ParseFloat(ip+"."+fp+"0", 64)
	if err != nil { // cannot happen: ip and fp are digit strings
		x = f
	}
	if neg {
		x = -x
	}
	return l.printer.Sprint(number.Decimal(x, number.Scale(len(fp))))
}

// roundDecimal rounds |f| half away from zero to the requested decimals (see
// Decimal) and returns the integer digits, the fraction digits and whether
// the result is negative (never for zero).
func roundDecimal(f float64, decimals int) (ip, fp string, neg bool) {
	trim := decimals < 0
	if trim {
		decimals = 2
	}
	decimals = min(decimals, maxDecimals)
	neg = f < 0
	s := strconv.FormatFloat(math.Abs(f), 'f', -1, 64)
	ip, fp, _ = strings.Cut(s, ".")
	if len(fp) > decimals {
		up := fp[decimals] >= '5'
		fp = fp[:decimals]
		if up {
			digits := []byte(ip + fp)
			k := len(digits) - 1
			for ; k >= 0; k-- {
				if digits[k] == '9' {
					digits[k] = '0'
					continue
				}
				digits[k]++
				break
			}
			if k < 0 {
				digits = append([]byte{'1'}, digits...)
			}
			ip, fp = string(digits[:len(digits)-decimals]), string(digits[len(digits)-decimals:])
		}
	} else {
		fp += strings.Repeat("0", decimals-len(fp))
	}
	if trim {
		fp = strings.TrimRight(fp, "0")
	}
	if strings.Trim(ip, "0") == "" && strings.Trim(fp, "0") == "" {
		neg = false
	}
	return ip, fp, neg
}

// Money formats an amount in whole Czech crowns with the money pattern:
// cs "54 675 000 Kč", en "CZK 54,675,000" (U+00A0 wherever the pattern has
// a space, and in cs between digit groups).
func (l *Locale) Money(czk int64) string {
	return l.format.money.withNumber(l.Number(czk))
}

// MoneyCompact formats an amount in whole crowns rounded to thousands,
// millions or billions with one decimal, dropped when it is zero: cs
// "54,7 mil. Kč", "55 mil. Kč", "1,2 mld. Kč", "850 tis. Kč"; en
// "CZK 54.7 million". Amounts that round to 1000 of a unit move up to the
// next one (999 960 → "1 mil. Kč"). Amounts below 1000 are written by Money.
func (l *Locale) MoneyCompact(czk int64) string {
	abs := uint64(czk)
	if czk < 0 {
		abs = -abs // two's complement: correct for math.MinInt64 too
	}
	if abs < 1000 {
		return l.Money(czk)
	}
	units := [...]struct {
		div uint64
		pat pattern
	}{
		{1e3, l.format.thousand},
		{1e6, l.format.million},
		{1e9, l.format.billion},
	}
	u := 0
	for u+1 < len(units) && abs >= units[u+1].div {
		u++
	}
	var tenths uint64
	for {
		step := units[u].div / 10
		tenths = abs / step
		if abs%step*2 >= step {
			tenths++
		}
		if tenths >= 10000 && u+1 < len(units) {
			u++
			continue
		}
		break
	}
	decimals := 1
	if tenths%10 == 0 {
		decimals = 0
	}
	x := float64(tenths) / 10
	if czk < 0 {
		x = -x
	}
	return units[u].pat.withNumber(l.Decimal(x, decimals))
}

// Percent formats f, which is already a percentage (23.4 means 23.4 %),
// with Decimal's rounding and the percent pattern: cs Percent(23.4, 1) =
// "23,4 %" (U+00A0 before %), en "23.4%".
func (l *Locale) Percent(f float64, decimals int) string {
	return l.format.percent.withNumber(l.Decimal(f, decimals))
}

// Date formats the calendar date of t (in t's own location; convert it
// first) with the date pattern: cs "5. března 2024" (genitive month,
// U+00A0 for spaces), en "5 March 2024".
func (l *Locale) Date(t time.Time) string {
	y, m, d := t.Date()
	return l.format.date.expand(l.dateValue(y, m, d))
}

// DateShort formats the calendar date of t with the date_short pattern:
// cs "5. 3. 2024", en "5 Mar 2024" (U+00A0 for spaces).
func (l *Locale) DateShort(t time.Time) string {
	y, m, d := t.Date()
	return l.format.dateShort.expand(l.dateValue(y, m, d))
}

// Month formats a month of a year with the month pattern: cs "březen 2024"
// (nominative), en "March 2024".
func (l *Locale) Month(y int, m time.Month) string {
	return l.format.month.expand(l.dateValue(y, m, 0))
}

// dateValue returns the text of each date placeholder. Parse has made sure
// that the month lists a pattern uses exist.
func (l *Locale) dateValue(y int, m time.Month, d int) func(placeholder) string {
	name := func(list []string) string {
		if m >= time.January && m <= time.December && len(list) == 12 {
			return list[m-1]
		}
		return strconv.Itoa(int(m))
	}
	return func(ph placeholder) string {
		switch ph {
		case phD:
			return strconv.Itoa(d)
		case phDD:
			return fmt.Sprintf("%02d", d)
		case phM:
			return strconv.Itoa(int(m))
		case phMM:
			return fmt.Sprintf("%02d", int(m))
		case phYYYY:
			return strconv.Itoa(y)
		case phMonth:
			return name(l.format.months)
		case phMonthGen:
			return name(l.format.monthsGen)
		case phMonthShort:
			return name(l.format.monthsShort)
		}
		return ""
	}
}

// Quote puts s between the language's quotation marks: cs „s“, en “s”.
func (l *Locale) Quote(s string) string {
	return l.format.quoteOpen + s + l.format.quoteClose
}
