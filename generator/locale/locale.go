package locale

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Locale formats numbers, money, percentages and dates for one language and
// holds its UI strings, all read from one TOML file by Parse. A Locale is
// never modified after Parse and is safe for concurrent use.
type Locale struct {
	// Lang is the language tag passed to Parse, e.g. "cs" or "en".
	Lang string

	tag     language.Tag
	printer *message.Printer // read-only; Sprint copies it per call
	format  *formats
	strings map[string]string
	plurals map[string]*forms
}

// forms holds the texts of one plural table, indexed by plural.Form.
type forms struct {
	text [numForms]string
	has  [numForms]bool
}

func (f *forms) get(form plural.Form) string {
	if f.has[form] {
		return f.text[form]
	}
	return f.text[plural.Other]
}

// T returns the UI string key with "{0}", "{1}", … replaced by
// fmt.Sprint(args[0]), fmt.Sprint(args[1]), … (format numbers with Number
// or Decimal first: fmt.Sprint knows nothing of the language). A
// placeholder without an argument is left as it is. For a plural table T
// returns its "other" form; use Plural or N to choose a form. An unknown key
// is returned unchanged, so a missing string shows up on the page.
func (l *Locale) T(key string, args ...any) string {
	s, ok := l.strings[key]
	if !ok {
		f, ok := l.plurals[key]
		if !ok {
			return key
		}
		s = f.get(plural.Other)
	}
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		n, err := strconv.Atoi(s[i+1 : i+j])
		if err != nil || n < 0 || n >= len(args) || s[i+1] == '+' || s[i+1] == '-' {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(fmt.Sprint(args[n]))
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// Has reports whether key is a UI string or a plural table of the file.
func (l *Locale) Has(key string) bool {
	if _, ok := l.strings[key]; ok {
		return true
	}
	_, ok := l.plurals[key]
	return ok
}

// Keys returns every UI string key and plural table key of the file, once
// each and sorted (the [format] table is not a key). Two languages of one
// site should have the same keys.
func (l *Locale) Keys() []string {
	keys := make([]string, 0, len(l.strings)+len(l.plurals))
	for k := range l.strings {
		keys = append(keys, k)
	}
	for k := range l.plurals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Plural returns only the word of plural table key that goes with the
// integer n: cs Plural(1, "project") = "projekt", Plural(3, …) =
// "projekty", Plural(5, …) = "projektů". A missing form falls back to
// "other"; a plain UI string is returned whatever n is; an unknown key is
// returned unchanged.
func (l *Locale) Plural(n int, key string) string {
	f, ok := l.plurals[key]
	if !ok {
		if s, ok := l.strings[key]; ok {
			return s
		}
		return key
	}
	i := n
	if i < 0 {
		i = -i
		if i < 0 { // math.MinInt
			i = math.MaxInt
		}
	}
	return f.get(plural.Cardinal.MatchPlural(l.tag, i, 0, 0, 0, 0))
}

// N writes the integer n and the word that goes with it, joined by U+00A0:
// cs "1 projekt", "2 projekty", "5 projektů", "1 234 projektů"; en
// "1 project", "1,234 projects".
func (l *Locale) N(n int, key string) string {
	return l.Number(int64(n)) + "\u00a0" + l.Plural(n, key)
}

// PluralForm returns the CLDR cardinal plural category ("zero", "one",
// "two", "few", "many" or "other") of n as Decimal(n, decimals) writes it:
// the visible decimals count, so in cs PluralForm(1, 0) is "one" but
// PluralForm(1, 1) ("1,0") and PluralForm(1.5, 1) are "many". NaN and
// infinities are "other".
func (l *Locale) PluralForm(n float64, decimals int) string {
	return formName(l.pluralForm(n, decimals))
}

func (l *Locale) pluralForm(n float64, decimals int) plural.Form {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return plural.Other
	}
	ip, fp, _ := roundDecimal(n, decimals)
	// Operands as CLDR defines them; an integer part too long for an int
	// keeps its last 17 digits (all that modulo rules look at) and stays
	// larger than any number a rule compares with equality.
	var i int
	if len(ip) > 17 {
		i, _ = strconv.Atoi(ip[len(ip)-17:])
		i += 1e17
	} else {
		i, _ = strconv.Atoi(ip)
	}
	v := len(fp)
	f, _ := strconv.Atoi("0" + fp)
	tDigits := strings.TrimRight(fp, "0")
	w := len(tDigits)
	t, _ := strconv.Atoi("0" + tDigits)
	return plural.Cardinal.MatchPlural(l.tag, i, v, w, f, t)
}
