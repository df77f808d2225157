package indicator

import (
	"errors"
	"maps"
	"strings"
	"testing"
)

var langs = []string{"cs", "en"}

const validMeta = `unit = "MWh"
periodicity = "annual"
source = "Výroční zpráva"
chart = "bar"
target = 12.5
sample = true

[title]
cs = "Spotřeba"
en = "Consumption"

[description]
cs = "Popis"
en = "Description"
`

func TestParseMeta(t *testing.T) {
	m, err := ParseMeta("x.toml", []byte(validMeta), langs)
	if err != nil {
		t.Fatal(err)
	}
	if m.Unit.All != "MWh" || m.Periodicity != "annual" || m.Source != "Výroční zpráva" || m.Chart != "bar" ||
		m.Target == nil || *m.Target != 12.5 || !m.Sample || m.Title["en"] != "Consumption" || m.Description["cs"] != "Popis" {
		t.Errorf("meta = %+v", m)
	}

	for name, in := range map[string]string{
		"per-language unit, integer target, no chart": "periodicity = \"quarterly\"\ntarget = -40\n[unit]\ncs = \"projekty\"\nen = \"projects\"\n[title]\ncs = \"A\"\nen = \"B\"\n",
		"dotted keys":  "periodicity = \"monthly\"\ntitle.cs = \"A\"\ntitle.en = \"B\"\nunit.cs = \"x\"\nunit.en = \"y\"\n",
		"inline table": "periodicity = \"irregular\"\ntitle = { cs = \"A\", en = \"B\" }\n",
		"BOM and CRLF": "\ufeffperiodicity = \"annual\"\r\n[title]\r\ncs = \"A\"\r\nen = \"B\"\r\n",
	} {
		m, err := ParseMeta("x.toml", []byte(in), langs)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if m.Chart != "line" || m.Title["cs"] != "A" || m.Title["en"] != "B" {
			t.Errorf("%s: %+v", name, m)
		}
	}
	m, _ = ParseMeta("x.toml", []byte("periodicity = \"quarterly\"\ntarget = -40\n[unit]\ncs = \"projekty\"\nen = \"projects\"\n[title]\ncs = \"A\"\nen = \"B\"\n"), langs)
	if m.Target == nil || *m.Target != -40 || m.Unit.In("en", "cs") != "projects" {
		t.Errorf("target %v, unit %+v", m.Target, m.Unit)
	}
}

// TestParseMetaUnitForms: a unit counted in words gives its plural forms
// per language; the label is "label", else "few", else "other".
func TestParseMetaUnitForms(t *testing.T) {
	for _, tc := range []struct {
		name, unit      string
		labelCS, label  string
		formsCS, formsE map[string]string
	}{
		{
			name:    "tables",
			unit:    "[unit.cs]\none = \"projekt\"\nfew = \"projekty\"\nmany = \"projektu\"\nother = \"projektů\"\n[unit.en]\none = \"project\"\nother = \"projects\"\n",
			labelCS: "projekty", label: "projects",
			formsCS: map[string]string{"one": "projekt", "few": "projekty", "many": "projektu", "other": "projektů"},
			formsE:  map[string]string{"one": "project", "other": "projects"},
		},
		{
			name:    "inline, a label, one language as plain text",
			unit:    "[unit]\ncs = { one = \"akce\", few = \"akce\", other = \"akcí\", label = \"počet akcí\" }\nen = \"events\"\n",
			labelCS: "počet akcí", label: "events",
			formsCS: map[string]string{"one": "akce", "few": "akce", "other": "akcí", "label": "počet akcí"},
		},
		{
			name:    "dotted keys",
			unit:    "unit.cs.one = \"den\"\nunit.cs.few = \"dny\"\nunit.cs.other = \"dní\"\nunit.en.other = \"days\"\n",
			labelCS: "dny", label: "days",
			formsCS: map[string]string{"one": "den", "few": "dny", "other": "dní"},
			formsE:  map[string]string{"other": "days"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMeta("x.toml", []byte("periodicity = \"annual\"\ntitle = { cs = \"A\", en = \"B\" }\n"+tc.unit), langs)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Unit.In("cs", "cs"); got != tc.labelCS {
				t.Errorf("cs label %q, want %q", got, tc.labelCS)
			}
			if got := m.Unit.In("en", "cs"); got != tc.label {
				t.Errorf("en label %q, want %q", got, tc.label)
			}
			if got := m.Unit.FormsIn("cs", "cs"); !maps.Equal(got, tc.formsCS) {
				t.Errorf("cs forms %v, want %v", got, tc.formsCS)
			}
			if got := m.Unit.FormsIn("en", "cs"); !maps.Equal(got, tc.formsE) {
				t.Errorf("en forms %v, want %v", got, tc.formsE)
			}
		})
	}
	m, _ := ParseMeta("x.toml", []byte(validMeta), langs)
	if m.Unit.FormsIn("cs", "cs") != nil {
		t.Errorf("unit = \"MWh\" has forms %v", m.Unit.FormsIn("cs", "cs"))
	}
}

func TestParseMetaErrors(t *testing.T) {
	const title = "[title]\ncs = \"A\"\nen = \"B\"\n"
	for _, tc := range []struct {
		name, in string
		line     int
		msg      string
	}{
		{"unknown chart", "periodicity = \"annual\"\nchart = \"pie\"\n" + title, 2, `chart "pie" is not one of line, bar`},
		{"chart in Czech", "periodicity = \"annual\"\nchart = \"sloupce\"\n" + title, 2, `chart "sloupce" is not one of line, bar: did you mean "bar"?`},
		{"unknown periodicity", "source = \"x\"\nperiodicity = \"yearly\"\n" + title, 2, `periodicity "yearly" is not one of annual, quarterly, monthly, irregular: did you mean "annual"?`},
		{"periodicity in capitals", "periodicity = \"Annual\"\n" + title, 1, `periodicity "Annual" is not one of annual, quarterly, monthly, irregular: write it in lowercase, "annual"`},
		{"periodicity missing", "source = \"x\"\n" + title, 1, `periodicity is missing: add periodicity = "annual" (or quarterly, monthly, irregular)`},
		{"periodicity empty", "source = \"x\"\nperiodicity = \"\"\n" + title, 2, `periodicity "" is not one of`},
		{"periodicity not text", "periodicity = 1\n" + title, 1, `periodicity must be text in quotes, e.g. periodicity = "annual"`},
		{"title missing in a language", "periodicity = \"annual\"\n\n[title]\ncs = \"A\"\n", 3, `title in language "en" is missing: add en = "…" under [title]`},
		{"title empty in a language", "periodicity = \"annual\"\n[title]\ncs = \"A\"\nen = \"  \"\n", 4, `title in language "en" is empty`},
		{"title missing", "periodicity = \"annual\"\nunit = \"MWh\"\n", 1, `title in language "cs" is missing: add a table [title] with cs = "…" and en = "…"`},
		{"title.cz", "periodicity = \"annual\"\n[title]\ncz = \"A\"\nen = \"B\"\n", 3, `title has a text in "cz", which is not a language of the site (cs, en): the code of Czech is "cs"`},
		{"title in another language", "periodicity = \"annual\"\n[title]\ncs = \"A\"\nen = \"B\"\nde = \"C\"\n", 5, `title has a text in "de", which is not a language of the site (cs, en)`},
		{"field below a table", "periodicity = \"annual\"\n[title]\ncs = \"A\"\nen = \"B\"\nchart = \"bar\"\n", 5, `chart is inside the table [title], so it is read as title.chart: move chart = … above the first [table] of the file`},
		{"dotted title missing a language", "periodicity = \"annual\"\ntitle.cs = \"A\"\n", 2, `title in language "en" is missing`},
		{"title as one text", "periodicity = \"annual\"\ntitle = \"A\"\n", 2, `title must be given per language: a table [title] with cs = "…" and en = "…"`},
		{"title not text", "periodicity = \"annual\"\n[title]\ncs = \"A\"\nen = 5\n", 4, `title.en must be text in quotes`},
		{"unit missing a language", "periodicity = \"annual\"\n" + title + "[unit]\ncs = \"projekty\"\n", 5, `unit in language "en" is missing: add en = "…" under [unit], or give one unit for all languages as unit = "…"`},
		{"unit in a table, dotted", "periodicity = \"annual\"\nunit.en = \"projects\"\n" + title, 2, `unit in language "cs" is missing`},
		{"unit not text", "periodicity = \"annual\"\nunit = 5\n" + title, 2, `unit must be text in quotes (unit = "MWh") or a table per language`},
		{"unit.cs not text", "periodicity = \"annual\"\n" + title + "[unit]\ncs = 5\nen = \"x\"\n", 6, `unit.cs must be text in quotes`},
		{"unit form unknown", "periodicity = \"annual\"\n" + title + "[unit.cs]\none = \"projekt\"\nplural = \"projekty\"\nother = \"projektů\"\n[unit.en]\nother = \"projects\"\n", 7, `unit.cs: "plural" is not a plural form; the forms are zero, one, two, few, many, other`},
		{"unit form not text", "periodicity = \"annual\"\n" + title + "[unit.cs]\none = 1\nother = \"projektů\"\n[unit.en]\nother = \"projects\"\n", 6, `unit.cs.one must be a word in quotes`},
		{"unit form empty", "periodicity = \"annual\"\n" + title + "[unit.cs]\nother = \" \"\n[unit.en]\nother = \"projects\"\n", 6, `unit.cs.other must be a word in quotes`},
		{"unit forms without other", "periodicity = \"annual\"\n" + title + "[unit.cs]\none = \"projekt\"\nfew = \"projekty\"\n[unit.en]\nother = \"projects\"\n", 5, `unit.cs needs other = "…", the form used after most numbers`},
		{"unit forms missing a language", "periodicity = \"annual\"\n" + title + "[unit.cs]\nother = \"projektů\"\n", 5, `unit in language "en" is missing`},
		{"target NaN", "periodicity = \"annual\"\ntarget = nan\n" + title, 2, `target must be a finite number`},
		{"target infinite", "periodicity = \"annual\"\ntarget = -inf\n" + title, 2, `target must be a finite number`},
		{"target in quotes", "periodicity = \"annual\"\ntarget = \"12\"\n" + title, 2, `target must be a number without quotes, e.g. target = 12`},
		{"sample in quotes", "periodicity = \"annual\"\nsample = \"true\"\n" + title, 2, `sample must be true or false, without quotes`},
		{"unknown field", "periodicity = \"annual\"\n\nlicence = \"CC\"\n" + title, 3, `unknown field "licence"; the fields are unit, periodicity, source, chart, target, sample, title, description`},
		{"misspelt field", "periodicity = \"annual\"\ntitel = \"x\"\n" + title, 2, `unknown field "titel": did you mean "title"?`},
		{"Czech field name", "periodicity = \"annual\"\nzdroj = \"x\"\n" + title, 2, `unknown field "zdroj": did you mean "source"?`},
		{"unknown table", "periodicity = \"annual\"\n" + title + "[nazev]\ncs = \"x\"\n", 5, `unknown field "nazev": did you mean "title"?`},
		{"TOML syntax", "periodicity = \"annual\n" + title, 1, "strings cannot contain newlines"},
		{"TOML syntax later", "periodicity = \"annual\"\n[title]\ncs = A\n", 3, "expected value but found"},
		{"not UTF-8", "periodicity = \"annual\"\n[title]\ncs = \"Spot\xf8eba\"\n", 3, "byte 0xF8 is not UTF-8: save the file as UTF-8"},
		{"key inside a multi-line string is not the key", "description.cs = \"\"\"\nchart = \"x\"\n\"\"\"\nperiodicity = \"annual\"\nchart = \"pie\"\n" + title, 5, `chart "pie" is not one of`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMeta("x.toml", []byte(tc.in), langs)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *Error", err)
			}
			t.Log(e)
			if e.File != "x.toml" || e.Line != tc.line || e.Column != 0 || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("error = %s\nwant    x.toml:%d: …%s…", e, tc.line, tc.msg)
			}
		})
	}
}

func TestKeyLine(t *testing.T) {
	const data = `# comment: periodicity = "x"
periodicity = "annual"
description.cs = """
chart = "not this one"
"""
"chart" = "bar"
title = { cs = "A", en = "B" }
unit . en = "x"

[ unit ]
cs = "y"

[[list]]
x = 1
`
	for key, want := range map[string]int{
		"periodicity": 2,
		"description": 3, "description.cs": 3,
		"chart": 6,
		"title": 7, "title.cs": 7, "title.en": 7,
		"unit": 8, "unit.en": 8, "unit.cs": 11,
		"list": 13, "list.x": 14,
		"missing": 1, "title.de": 7,
	} {
		if got := keyLine([]byte(data), key); got != want {
			t.Errorf("keyLine(%q) = %d, want %d", key, got, want)
		}
	}
}
