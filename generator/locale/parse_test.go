package locale

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fixtureFormat returns the [format] table of testdata/<lang>.toml.
func fixtureFormat(lang string) string {
	data, err := os.ReadFile("testdata/" + lang + ".toml")
	if err != nil {
		panic(err)
	}
	s := string(data)
	return s[strings.Index(s, "\n[format]\n")+1:]
}

// fixtureFormatWith is fixtureFormat with its no_break_after line replaced.
func fixtureFormatWith(lang, noBreak string) string {
	return regexp.MustCompile(`(?m)^no_break_after = .*$`).ReplaceAllLiteralString(fixtureFormat(lang), noBreak)
}

func TestParseFixturesNBSP(t *testing.T) {
	// The patterns in the file have plain spaces; what comes out has none.
	for _, lang := range []string{"cs", "en"} {
		l := load(t, lang)
		for _, s := range []string{l.Money(1234567), l.MoneyCompact(1234567), l.Percent(5, 0),
			l.Date(dateForTest()), l.DateShort(dateForTest()), l.Month(2024, 3), l.N(1234, "project")} {
			if strings.Contains(s, " ") {
				t.Errorf("%s: %q contains a plain space", lang, s)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	csFormat := fixtureFormat("cs")
	enFormat := fixtureFormat("en")
	const name = "layouts/i18n/cs.toml"
	tests := []struct {
		desc, lang, src string
		want            []string // each a full "file:line: ..." line of the error, in order
	}{
		{"TOML syntax", "cs", "a = \"x\"\nb = \n" + csFormat,
			[]string{name + ":2: expected value but found '\\n' instead"}},
		{"duplicate key", "cs", "a = \"x\"\na = \"y\"\n" + csFormat,
			[]string{name + ":2: Key 'a' has already been defined."}},
		{"plural without other", "cs", "a = \"x\"\n\n[project]\none = \"projekt\"\nfew = \"projekty\"\n\n" + csFormat,
			[]string{name + `:3: plural table "project" has no "other" form (it is required: missing forms fall back to it)`}},
		{"unknown plural form", "cs", "[project]\none = \"projekt\"\nfwe = \"projekty\"\nother = \"projektů\"\n" + csFormat,
			[]string{name + `:3: plural table "project": unknown plural form "fwe" (forms are zero, one, two, few, many, other; UI strings cannot be nested)`}},
		{"form the language never uses", "en", "[project]\none = \"project\"\nfew = \"projects\"\nother = \"projects\"\n" + enFormat,
			[]string{name + `:3: plural table "project": language "en" never uses the form "few" (it uses one, other)`}},
		{"plural form not a string", "cs", "[project]\none = 1\nother = \"projektů\"\n" + csFormat,
			[]string{name + `:2: plural table "project": form "one" must be a string, not an integer`}},
		{"dotted plural keys", "cs", "project.one = \"projekt\"\nproject.many = 2\n" + csFormat,
			[]string{
				name + `:1: plural table "project" has no "other" form (it is required: missing forms fall back to it)`,
				name + `:2: plural table "project": form "many" must be a string, not an integer`,
			}},
		{"value not a string", "cs", "a = \"x\"\ncount = 5\nlist = [\"a\"]\n" + csFormat,
			[]string{
				name + `:2: "count" must be a string or a plural table, not an integer`,
				name + `:3: "list" must be a string or a plural table, not a list`,
			}},
		{"array of tables", "cs", csFormat + "\n[[items]]\nx = 1\n",
			[]string{name + `:` + lineNo(csFormat+"\n[[items]]", "[[items]]") + `: "items" must be a string or a plural table, not an array of tables`}},
		{"no format", "cs", "a = \"x\"\n",
			[]string{name + `: no [format] table: it is required (see the package documentation)`}},
		{"format not a table", "cs", "format = \"x\"\n",
			[]string{name + `:1: "format" must be a table ([format]), not a string`}},
		{"bad language", "c$", csFormat,
			[]string{name + `: language "c$": language: tag is not well-formed`}},
		{"format problems", "cs", "a = \"x\"\n[format]\n" +
			"date = \"{d}. {mesic} {yyyy}\"\n" + // 3
			"date_short = \"{d}. {m}. {yyyy}\"\n" +
			"month = \"{d} {month_gen} {yyyy}\"\n" + // 5
			"money = \"Kč\"\n" + // 6
			"thousand = \"{n} tis. Kč\"\n" +
			"million = \"{n} {m}\"\n" + // 8
			"billion = \"{n mld.\"\n" + // 9
			"percent = 5\n" + // 10
			"quotes = [\"„\"]\n" + // 11
			"no_break_after = [\"v\", \"s.\"]\n" + // 12
			"months = [\"leden\"]\n" + // 13
			"kvotes = 1\n", // 14
			[]string{
				name + `:3: [format] date: unknown placeholder {mesic}`,
				name + `:5: [format] month: placeholder {d} cannot be used here (use {m} {mm} {yyyy} {month} {month_gen} {month_short})`,
				name + `:6: [format] money: the pattern has no {n}`,
				name + `:8: [format] million: placeholder {m} cannot be used here (use {n})`,
				name + `:9: [format] billion: unclosed "{n mld."`,
				name + `:10: [format] percent must be a string, not an integer`,
				name + `:11: [format] quotes must be a list of two strings, opening and closing`,
				name + `:12: [format] no_break_after: "s." is not a word (letters only)`,
				name + `:13: [format] months must be a list of 12 strings, January first`,
				name + `:14: [format] has an unknown key "kvotes"`,
			}},
		{"missing format keys", "en", "[format]\ndate = \"{d} {month_gen} {yyyy}\"\ndate_short = \"{d}\"\nmonth = \"{month}\"\n" +
			"money = \"{n}\"\nthousand = \"{n}\"\nmillion = \"{n}\"\nbillion = \"{n}\"\n",
			[]string{
				name + `:1: [format] has no "percent" pattern`,
				name + `:1: [format] has no "quotes" list`,
				name + `:2: [format] date uses {month_gen} but there is no months_genitive list`,
				name + `:4: [format] month uses {month} but there is no months list`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			l, err := Parse(tt.lang, name, []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded (%v), want errors", l.Keys())
			}
			if l != nil {
				t.Errorf("Parse returned a Locale with an error")
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var e *Error
			if !errors.As(err, &e) || e.File != name {
				t.Errorf("errors.As(*Error) = %v (%#v)", errors.As(err, &e), e)
			}
		})
	}
}

func TestParseError(t *testing.T) {
	if got, want := (&Error{File: "a.toml", Line: 3, Msg: "bad"}).Error(), "a.toml:3: bad"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := (&Error{File: "a.toml", Msg: "bad"}).Error(), "a.toml: bad"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseInlineAndQuoted(t *testing.T) {
	src := `"quoted key" = "ok"
project = { one = "projekt", few = "projekty", other = "projektů" }
empty = ""
` + fixtureFormat("cs")
	l, err := Parse("cs", "x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.T("quoted key"); got != "ok" {
		t.Errorf("T(quoted key) = %q", got)
	}
	if got := l.N(3, "project"); got != "3\u00a0projekty" {
		t.Errorf("N(3) = %q", got)
	}
	if got := l.Plural(5, "project"); got != "projektů" {
		t.Errorf("Plural(5) = %q", got)
	}
	if !l.Has("empty") || l.T("empty") != "" {
		t.Errorf("an empty string is a string")
	}
	if got := l.Plural(1, "partner"); got != "partner" {
		t.Errorf("unknown plural key: got %q", got)
	}
}

func TestLineOf(t *testing.T) {
	src := []byte(`top = "a"
"quoted" = "b"
dotted.one = "c"
inline = { one = "x" }

[plural]
one = "d"
 other = "e"

[ "spaced" ]
x = 1

[[arr]]
`)
	tests := []struct {
		table, key string
		want       int
	}{
		{"", "top", 1},
		{"", "quoted", 2},
		{"", "dotted", 3},
		{"dotted", "one", 3},
		{"dotted", "other", 3},
		{"inline", "one", 4},
		{"plural", "", 6},
		{"plural", "one", 7},
		{"plural", "other", 8},
		{"plural", "missing", 6},
		{"spaced", "x", 11},
		{"", "arr", 13},
		{"", "nothing", 0},
		{"nothing", "x", 0},
	}
	for _, tt := range tests {
		if got := lineOf(src, tt.table, tt.key); got != tt.want {
			t.Errorf("lineOf(%q, %q) = %d, want %d", tt.table, tt.key, got, tt.want)
		}
	}
}

// lineNo returns the 1-based line of the first line of src equal to line, as text.
func lineNo(src, line string) string {
	for i, l := range strings.Split(src, "\n") {
		if l == line {
			return strconv.Itoa(i + 1)
		}
	}
	return "?"
}
