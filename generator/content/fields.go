package content

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/transformace/portal/generator/l10n"
)

// fields reads typed values out of decoded front matter and reports each
// mistake at the line of its key, in words an editor understands.
type fields struct {
	file string
	fm   string
	m    map[string]any
	used map[string]bool
	p    *problems
}

func (f *fields) line(key string) int { return keyLine(f.fm, key) }

func (f *fields) has(key string) bool { _, ok := f.m[key]; return ok }

func (f *fields) bad(key, format string, args ...any) {
	f.p.errorf(f.file, f.line(key), "%s: %s", key, l10n.New(format, args...))
}

func (f *fields) str(key string) string {
	f.used[key] = true
	v, ok := f.m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		f.bad(key, "expected text in quotes, found %s", describe(v))
		return ""
	}
	return strings.TrimSpace(s)
}

// list accepts a single string as a list of one, because editors write
// region = "ustecky" as often as region = ["ustecky"].
func (f *fields) list(key string) []string {
	f.used[key] = true
	v, ok := f.m[key]
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case string:
		if s := strings.TrimSpace(v); s != "" {
			return []string{s}
		}
		return nil
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				f.bad(key, "expected a list of texts in quotes, found %s in it", describe(x))
				return nil
			}
			out = append(out, strings.TrimSpace(s))
		}
		return out
	}
	f.bad(key, "expected a list such as [\"a\", \"b\"], found %s", describe(v))
	return nil
}

// money reads a whole amount in CZK. Editors paste "54 675 000 Kč" from
// documents; we say how to write it rather than guess.
func (f *fields) money(key string) int64 {
	f.used[key] = true
	v, ok := f.m[key]
	if !ok {
		return 0
	}
	switch v := v.(type) {
	case int64:
		if v < 0 {
			f.bad(key, "an amount cannot be negative")
			return 0
		}
		return v
	case float64:
		if v >= 0 && v == math.Trunc(v) && v < 1e15 {
			return int64(v)
		}
		f.bad(key, "expected a whole number of CZK such as 54675000 (or 54_675_000), found %v", v)
		return 0
	}
	f.bad(key, "expected a whole number of CZK without quotes or spaces, such as 54675000 (or 54_675_000), found %s", describe(v))
	return 0
}

func (f *fields) boolean(key string) bool {
	f.used[key] = true
	v, ok := f.m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		f.bad(key, "expected true or false, found %s", describe(v))
	}
	return b
}

var (
	reYear  = regexp.MustCompile(`^\d{4}$`)
	reMonth = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
)

// period reads a year (2024 or "2024"), a month ("2024-03") or a date
// (2024-03-05, quoted or not, or the Czech 5. 3. 2024).
func (f *fields) period(key string) Period {
	f.used[key] = true
	v, ok := f.m[key]
	if !ok {
		return Period{}
	}
	switch v := v.(type) {
	case int64:
		if validYear(v) {
			return Period{Year: int(v)}
		}
	case time.Time:
		// A TOML time of day (10:00:00) is a time.Time in year 0.
		if validYear(int64(v.Year())) {
			return Period{Year: v.Year(), Month: int(v.Month()), Day: v.Day()}
		}
	case string:
		s := strings.TrimSpace(v)
		if p, ok := parsePeriod(s); ok {
			return p
		}
	}
	f.bad(key, "expected a year (2024), a month (\"2024-03\") or a date (2024-03-05), found %s", describe(v))
	return Period{}
}

// validYear bounds the years a project period may name, so that a typo
// such as 0202 or 20244 is reported instead of published.
func validYear(y int64) bool { return y >= 1900 && y <= 2200 }

// parsePeriod reads the text forms of a period. A period it accepts is
// never zero: year 0 would read as "not given".
func parsePeriod(s string) (Period, bool) {
	var p Period
	if reYear.MatchString(s) {
		p.Year, _ = strconv.Atoi(s)
	} else if m := reMonth.FindStringSubmatch(s); m != nil {
		p.Year, _ = strconv.Atoi(m[1])
		p.Month, _ = strconv.Atoi(m[2])
		if p.Month < 1 || p.Month > 12 {
			return Period{}, false
		}
	} else {
		for _, layout := range []string{"2006-01-02", "2.1.2006", "2. 1. 2006"} {
			if t, err := time.Parse(layout, s); err == nil {
				p = Period{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
				break
			}
		}
	}
	if !validYear(int64(p.Year)) {
		return Period{}, false
	}
	return p, true
}

// unknown reports keys nobody read: most are typos ("bugdet_czk").
func (f *fields) unknown(known []string) {
	keys := make([]string, 0, len(f.m))
	for k := range f.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if f.used[k] {
			continue
		}
		if s := closest(k, known); s != "" {
			f.p.errorf(f.file, f.line(k), "unknown field %q; did you mean %q?", k, s)
		} else {
			f.p.errorf(f.file, f.line(k), "unknown field %q; known fields: %s", k, strings.Join(known, ", "))
		}
	}
}

// describe names a decoded TOML value in an editor's words.
func describe(v any) l10n.Text {
	switch v := v.(type) {
	case string:
		return l10n.New("text %q", v)
	case int64:
		return l10n.New("the number %d", v)
	case float64:
		return l10n.New("the number %v", v)
	case bool:
		return l10n.Plain(fmt.Sprint(v))
	case []any:
		return l10n.New("a list")
	case []map[string]any:
		return l10n.New("a list of tables ([[…]])")
	case map[string]any:
		return l10n.New("a table")
	case time.Time:
		if v.Year() == 0 {
			return l10n.New("a time of day %s", v.Format("15:04:05"))
		}
		return l10n.New("a date %s", v.Format("2006-01-02"))
	}
	return l10n.Plain(fmt.Sprintf("%T", v))
}

// closest suggests a known key within edit distance 2.
func closest(k string, known []string) string {
	best, bestD := "", 3
	for _, c := range known {
		if d := editDistance(k, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance in characters, so that a
// letter with a diacritic ("ú" for "u") counts as one edit.
func editDistance(as, bs string) int {
	a, b := []rune(as), []rune(bs)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
