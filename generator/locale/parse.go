package locale

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/transformace/portal/generator/l10n"
)

// Error is one problem in a UI string file. Parse returns an *Error, or
// several joined with errors.Join, so errors.As finds the first one.
type Error struct {
	File string // the name passed to Parse
	Line int    // 1-based line number; 0 when it is not known
	Msg  string // what is wrong, without the location, in English
	// Text is Msg before it was put into words, so that it can be said in
	// the editor's language (see package l10n).
	Text l10n.Text
}

// errorAt returns the problem at file:line with the message t.
func errorAt(file string, line int, t l10n.Text) *Error {
	return &Error{File: file, Line: line, Msg: t.String(), Text: t}
}

// Error formats the problem as "file:line: message" (or "file: message"
// when the line is not known).
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// formatKey is the reserved top-level table that holds number, money and
// date formats.
const formatKey = "format"

// maxDecimals is the largest number of decimals Decimal, Percent and
// PluralForm honour; larger requests are treated as this many.
const maxDecimals = 9

// Parse reads a UI string file (TOML, described in the package
// documentation) for language lang, a BCP 47 tag such as "cs" or "en". name
// is used only in error messages, e.g. "layouts/i18n/cs.toml:12: ...". All
// problems found in the file are reported at once.
func Parse(lang, name string, data []byte) (*Locale, error) {
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, errorAt(name, 0, l10n.New("language %q: %v", lang, err))
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, errorAt(name, pe.Position.Line, l10n.TOML(pe.Message))
		}
		return nil, errorAt(name, 0, l10n.Plain(err.Error()))
	}

	p := &parser{name: name, src: data, tag: tag, used: usedForms(tag)}
	l := &Locale{
		Lang:    lang,
		tag:     tag,
		printer: message.NewPrinter(tag),
		strings: map[string]string{},
		plurals: map[string]*forms{},
	}
	if f, ok := raw[formatKey]; ok {
		if m, ok := f.(map[string]any); ok {
			l.format = p.format(m)
		} else {
			p.errorf(formatKey, "", "%q must be a table ([%s]), not %s", formatKey, formatKey, typeName(f))
		}
	} else {
		p.errors = append(p.errors, errorAt(name, 0, l10n.New("no [%s] table: it is required (see the package documentation)", formatKey)))
	}
	for key, v := range raw {
		if key == formatKey {
			continue
		}
		switch v := v.(type) {
		case string:
			l.strings[key] = v
		case map[string]any:
			if f := p.pluralTable(key, v); f != nil {
				l.plurals[key] = f
			}
		default:
			p.errorf("", key, "%q must be a string or a plural table, not %s", key, typeName(v))
		}
	}
	if len(p.errors) > 0 {
		sort.SliceStable(p.errors, func(i, j int) bool { return p.errors[i].Line < p.errors[j].Line })
		if len(p.errors) == 1 {
			return nil, p.errors[0]
		}
		errs := make([]error, len(p.errors))
		for i, e := range p.errors {
			errs[i] = e
		}
		return nil, errors.Join(errs...)
	}
	return l, nil
}

// parser collects the semantic errors of one file.
type parser struct {
	name   string
	src    []byte
	tag    language.Tag
	used   [numForms]bool
	errors []*Error
}

// errorf records an error about key in table ("" for the top level).
func (p *parser) errorf(table, key, format string, args ...any) {
	p.errors = append(p.errors, errorAt(p.name, lineOf(p.src, table, key), l10n.New(format, args...)))
}

// numForms is the number of CLDR plural categories (plural.Other … plural.Many).
const numForms = 6

// formNames maps a plural.Form to its CLDR name.
func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// formByName is the inverse of formName.
func formByName(s string) (plural.Form, bool) {
	for f := plural.Form(0); f < numForms; f++ {
		if formName(f) == s {
			return f, true
		}
	}
	return 0, false
}

// usedForms reports which plural categories the CLDR rules of tag ever
// select, by trying integers and decimals with one and two visible
// fraction digits.
func usedForms(tag language.Tag) [numForms]bool {
	var used [numForms]bool
	mark := func(i, v, f int) {
		t, w := f, v
		for w > 0 && t%10 == 0 {
			t /= 10
			w--
		}
		used[plural.Cardinal.MatchPlural(tag, i, v, w, f, t)] = true
	}
	for i := 0; i <= 1100; i++ {
		mark(i, 0, 0)
	}
	for _, i := range []int{1_000_000, 2_000_000, 10_000_000, 100_000_000} {
		mark(i, 0, 0)
	}
	for i := 0; i <= 12; i++ {
		for f := 0; f < 100; f++ {
			mark(i, 2, f)
			if f < 10 {
				mark(i, 1, f)
			}
		}
	}
	return used
}

// pluralTable checks a table of plural forms.
func (p *parser) pluralTable(key string, m map[string]any) *forms {
	f := &forms{}
	ok := true
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		form, known := formByName(name)
		if !known {
			p.errorf(key, name, "plural table %q: unknown plural form %q (forms are zero, one, two, few, many, other; UI strings cannot be nested)", key, name)
			ok = false
			continue
		}
		if !p.used[form] {
			p.errorf(key, name, "plural table %q: language %q never uses the form %q (it uses %s)", key, p.tag, name, p.usedList())
			ok = false
			continue
		}
		s, isString := m[name].(string)
		if !isString {
			p.errorf(key, name, "plural table %q: form %q must be a string, not %s", key, name, typeName(m[name]))
			ok = false
			continue
		}
		f.text[form] = s
		f.has[form] = true
	}
	if _, has := m["other"]; !has {
		p.errorf(key, "", "plural table %q has no \"other\" form (it is required: missing forms fall back to it)", key)
		ok = false
	}
	if !ok {
		return nil
	}
	return f
}

func (p *parser) usedList() string {
	var names []string
	for _, f := range cldrOrder() {
		if p.used[f] {
			names = append(names, formName(f))
		}
	}
	return strings.Join(names, ", ")
}

// cldrOrder lists the plural categories in the order CLDR writes them.
func cldrOrder() [numForms]plural.Form {
	return [numForms]plural.Form{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many, plural.Other}
}

// format reads the [format] table.
func (p *parser) format(m map[string]any) *formats {
	f := &formats{}
	type patternKey struct {
		name    string
		dst     *pattern
		allowed []placeholder
		needN   bool
	}
	dateAll := []placeholder{phD, phDD, phM, phMM, phYYYY, phMonth, phMonthGen, phMonthShort}
	patterns := []patternKey{
		{"date", &f.date, dateAll, false},
		{"date_short", &f.dateShort, dateAll, false},
		{"month", &f.month, []placeholder{phM, phMM, phYYYY, phMonth, phMonthGen, phMonthShort}, false},
		{"money", &f.money, []placeholder{phN}, true},
		{"thousand", &f.thousand, []placeholder{phN}, true},
		{"million", &f.million, []placeholder{phN}, true},
		{"billion", &f.billion, []placeholder{phN}, true},
		{"percent", &f.percent, []placeholder{phN}, true},
	}
	lists := []struct {
		name string
		dst  *[]string
		ph   placeholder
	}{
		{"months", &f.months, phMonth},
		{"months_genitive", &f.monthsGen, phMonthGen},
		{"months_short", &f.monthsShort, phMonthShort},
	}
	known := map[string]bool{"quotes": true, "no_break_after": true}
	for _, pk := range patterns {
		known[pk.name] = true
	}
	for _, lk := range lists {
		known[lk.name] = true
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !known[k] {
			p.errorf(formatKey, k, "[%s] has an unknown key %q", formatKey, k)
		}
	}

	usedPh := map[placeholder]string{} // placeholder -> a pattern key using it
	for _, pk := range patterns {
		v, ok := m[pk.name]
		if !ok {
			p.errorf(formatKey, "", "[%s] has no %q pattern", formatKey, pk.name)
			continue
		}
		s, ok := v.(string)
		if !ok {
			p.errorf(formatKey, pk.name, "[%s] %s must be a string, not %s", formatKey, pk.name, typeName(v))
			continue
		}
		pat, err := compilePattern(s, pk.allowed)
		if err != nil {
			p.errorf(formatKey, pk.name, "[%s] %s: %v", formatKey, pk.name, err)
			continue
		}
		if pk.needN && !pat.uses(phN) {
			p.errorf(formatKey, pk.name, "[%s] %s: the pattern has no {n}", formatKey, pk.name)
			continue
		}
		for _, seg := range pat {
			if seg.ph != phNone {
				if _, seen := usedPh[seg.ph]; !seen {
					usedPh[seg.ph] = pk.name
				}
			}
		}
		*pk.dst = pat
	}

	for _, lk := range lists {
		v, ok := m[lk.name]
		if !ok {
			if user, needed := usedPh[lk.ph]; needed {
				p.errorf(formatKey, user, "[%s] %s uses {%s} but there is no %s list", formatKey, user, lk.ph.name(), lk.name)
			}
			continue
		}
		list, ok := stringList(v)
		if !ok || len(list) != 12 {
			p.errorf(formatKey, lk.name, "[%s] %s must be a list of 12 strings, January first", formatKey, lk.name)
			continue
		}
		for i := range list {
			list[i] = nbsp(list[i])
		}
		*lk.dst = list
	}

	if v, ok := m["quotes"]; ok {
		q, ok := stringList(v)
		if !ok || len(q) != 2 {
			p.errorf(formatKey, "quotes", "[%s] quotes must be a list of two strings, opening and closing", formatKey)
		} else {
			f.quoteOpen, f.quoteClose = nbsp(q[0]), nbsp(q[1])
		}
	} else {
		p.errorf(formatKey, "", "[%s] has no %q list", formatKey, "quotes")
	}

	if v, ok := m["no_break_after"]; ok {
		words, ok := stringList(v)
		if !ok {
			p.errorf(formatKey, "no_break_after", "[%s] no_break_after must be a list of words", formatKey)
		} else {
			for _, w := range words {
				if !isWord(w) {
					p.errorf(formatKey, "no_break_after", "[%s] no_break_after: %q is not a word (letters only)", formatKey, w)
					continue
				}
				if f.noBreak == nil {
					f.noBreak = map[string]bool{}
				}
				lw := strings.ToLower(w)
				f.noBreak[lw] = true
				if n := utf8.RuneCountInString(lw); n > f.noBreakMax {
					f.noBreakMax = n
				}
			}
		}
	}
	return f
}

// isWord reports whether w is a non-empty run of letters (and combining marks).
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !isLetter(r) {
			return false
		}
	}
	return true
}

// stringList converts a TOML array of strings.
func stringList(v any) ([]string, bool) {
	arr, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, len(arr))
	for i, x := range arr {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

// typeName names a decoded TOML value for error messages.
func typeName(v any) l10n.Text {
	switch v.(type) {
	case string:
		return l10n.New("a string")
	case int64:
		return l10n.New("an integer")
	case float64:
		return l10n.New("a number")
	case bool:
		return l10n.New("a boolean")
	case []any:
		return l10n.New("a list")
	case []map[string]any:
		return l10n.New("an array of tables")
	case map[string]any:
		return l10n.New("a table")
	}
	return l10n.New("a date or time")
}

// lineOf finds the line where key is defined in table ("" for top-level
// keys; key "" for the table itself). BurntSushi/toml does not expose the
// positions of keys, so this reads the source the way a person would: the
// [table] header, then the first "key =" line under it. Inline tables and
// dotted keys fall back to the line of the outer key. It returns 0 when
// nothing matches.
func lineOf(src []byte, table, key string) int {
	lines := bytes.Split(src, []byte("\n"))
	current := ""
	tableLine := 0
	for i, raw := range lines {
		line := strings.TrimSpace(string(raw))
		if strings.HasPrefix(line, "[") {
			h := strings.TrimLeft(line, "[")
			if j := strings.Index(h, "]"); j >= 0 {
				h = h[:j]
			}
			current = unquoteKey(strings.TrimSpace(h))
			if table == "" && key != "" && current == key {
				return i + 1 // [key] or [[key]]
			}
			if table != "" && current == table {
				if key == "" {
					return i + 1
				}
				tableLine = i + 1
			}
			continue
		}
		if table == "" && current == "" && keyIs(line, key) {
			return i + 1
		}
		if table != "" && current == table && keyIs(line, key) {
			return i + 1
		}
	}
	if tableLine > 0 {
		return tableLine
	}
	if table != "" {
		// Dotted keys (table.one = ...) or an inline table (table = {...}).
		if key != "" {
			if n := lineOf(src, "", table+"."+key); n > 0 {
				return n
			}
		}
		return lineOf(src, "", table)
	}
	return 0
}

// keyIs reports whether a trimmed TOML line defines key (bare or quoted,
// possibly as the first part of a dotted key).
func keyIs(line, key string) bool {
	if key == "" {
		return false
	}
	for _, form := range []string{key, `"` + key + `"`, "'" + key + "'"} {
		if rest, ok := strings.CutPrefix(line, form); ok {
			rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".") {
				return true
			}
		}
	}
	return false
}

func unquoteKey(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
