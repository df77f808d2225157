package config

import (
	"errors"
	"strings"
	"testing"
)

const validSite = `base_url = "https://example.cz/"
languages = ["cs", "en"]
publisher = "Karlovarský kraj"
publisher_ico = "70891168"
[title]
cs = "Transformace"
en = "Transition"
`

func TestParseValid(t *testing.T) {
	s, err := Parse("content/site.toml", []byte(validSite))
	if err != nil {
		t.Fatal(err)
	}
	if s.BaseURL != "https://example.cz/" {
		t.Errorf("BaseURL = %q", s.BaseURL)
	}
	if got := strings.Join(s.Languages, ","); got != "cs,en" {
		t.Errorf("Languages = %q", got)
	}
	if s.DefaultLanguage() != "cs" {
		t.Errorf("DefaultLanguage = %q", s.DefaultLanguage())
	}
	if !s.HasLanguage("en") || s.HasLanguage("de") {
		t.Errorf("HasLanguage is wrong")
	}
	if s.Title["en"] != "Transition" || s.Publisher != "Karlovarský kraj" || s.PublisherICO != "70891168" {
		t.Errorf("fields not read: %+v", s)
	}
	if s.PageSize != 50 {
		t.Errorf("default PageSize = %d, want 50", s.PageSize)
	}
	if s.DataLicense != "CC-BY-4.0" {
		t.Errorf("default DataLicense = %q", s.DataLicense)
	}
	if got := s.AbsURL("/cs/"); got != "https://example.cz/cs/" {
		t.Errorf("AbsURL = %q", got)
	}
}

func TestParse(t *testing.T) {
	// edit replaces old by new in validSite; "" as old appends new.
	edit := func(old, new string) string {
		if old == "" {
			return validSite + new
		}
		if !strings.Contains(validSite, old) {
			panic("test fixture has no " + old)
		}
		return strings.Replace(validSite, old, new, 1)
	}
	tests := []struct {
		name string
		src  string
		// wantErr is the start of the error ("content/site.toml:2:"), then a
		// part of its message; empty when Parse must succeed.
		wantPrefix, wantMsg string
		check               func(t *testing.T, s *Site)
	}{
		{
			name:       "missing languages",
			src:        edit("languages = [\"cs\", \"en\"]\n", ""),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    "languages is missing",
		},
		{
			name:       "empty languages",
			src:        edit(`languages = ["cs", "en"]`, `languages = []`),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    "languages is missing",
		},
		{
			name:       "bad language code",
			src:        edit(`["cs", "en"]`, `["cs", "EN"]`),
			wantPrefix: "content/site.toml:2: ",
			wantMsg:    `language "EN" is not a lowercase ISO 639 code`,
		},
		{
			name:       "language with region",
			src:        edit(`["cs", "en"]`, `["cs", "en-GB"]`),
			wantPrefix: "content/site.toml:2: ",
			wantMsg:    `language "en-GB" is not`,
		},
		{
			name:       "duplicate language",
			src:        edit(`["cs", "en"]`, `["cs", "en", "cs"]`),
			wantPrefix: "content/site.toml:2: ",
			wantMsg:    `language "cs" is listed twice`,
		},
		{
			name:       "languages not a list",
			src:        edit(`languages = ["cs", "en"]`, `languages = "cs"`),
			wantPrefix: "content/site.toml:2: ",
			wantMsg:    "languages: expected a list",
		},
		{
			name:       "base_url without scheme",
			src:        edit(`"https://example.cz/"`, `"example.cz"`),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    `base_url "example.cz" must be an absolute http(s) URL`,
		},
		{
			name:       "base_url ftp",
			src:        edit(`"https://example.cz/"`, `"ftp://example.cz/"`),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    "must be an absolute http(s) URL",
		},
		{
			name:       "base_url without host",
			src:        edit(`"https://example.cz/"`, `"https:///portal/"`),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    "must be an absolute http(s) URL",
		},
		{
			name:       "base_url missing",
			src:        edit("base_url = \"https://example.cz/\"\n", ""),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    `base_url "" must be`,
		},
		{
			name:       "base_url with a query",
			src:        edit(`"https://example.cz/"`, `"https://example.cz/?a=1"`),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    "must not have a query",
		},
		{
			name:       "missing title for a language",
			src:        edit("en = \"Transition\"\n", ""),
			wantPrefix: "content/site.toml:5: ",
			wantMsg:    `title for language "en" is missing`,
		},
		{
			name:       "no title table at all",
			src:        edit("[title]\ncs = \"Transformace\"\nen = \"Transition\"\n", ""),
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    `title for language "cs" is missing`,
		},
		{
			name:       "title for a language not listed",
			src:        edit("", "de = \"Wandel\"\n"),
			wantPrefix: "content/site.toml:8: ",
			wantMsg:    `title is given for "de"`,
		},
		{
			name:       "unknown setting",
			src:        edit("publisher = ", "bse_url = \"x\"\npublisher = "),
			wantPrefix: "content/site.toml:3: ",
			wantMsg:    `unknown setting "bse_url"`,
		},
		{
			name:       "unknown table",
			src:        edit("", "[menu]\nabout = \"/about/\"\n"),
			wantPrefix: "content/site.toml:8: ",
			wantMsg:    `unknown setting "menu"`,
		},
		{
			name:       "syntax error",
			src:        edit(`publisher = "Karlovarský kraj"`, `publisher = "Karlovarský kraj`),
			wantPrefix: "content/site.toml:3: ",
			wantMsg:    "strings cannot contain newlines",
		},
		{
			name:       "wrong type: IČO without quotes",
			src:        edit(`publisher_ico = "70891168"`, `publisher_ico = 70891168`),
			wantPrefix: "content/site.toml:4: ",
			wantMsg:    "publisher_ico: expected text in quotes",
		},
		{
			name:       "wrong type: page_size in quotes",
			src:        "page_size = \"20\"\n" + validSite,
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    "page_size: expected a whole number",
		},
		{
			name:       "tags for a language not listed",
			src:        edit("", "[tags.en]\n\"venkov\" = \"countryside\"\n[tags.de]\n\"venkov\" = \"Land\"\n"),
			wantPrefix: "content/site.toml:10: ",
			wantMsg:    `[tags.de]: "de" is not in languages`,
		},
		{
			name:       "a tag translation that is not text",
			src:        edit("", "[tags.en]\nvenkov = 5\n"),
			wantPrefix: "content/site.toml:9: ",
			wantMsg:    "expected text in quotes",
		},
		{
			name:       "bad contact_email",
			src:        edit("publisher = ", "contact_email = \"data at example.cz\"\npublisher = "),
			wantPrefix: "content/site.toml:3: ",
			wantMsg:    "contact_email \"data at example.cz\" is not an e-mail address",
		},
		{
			name:       "negative page_size",
			src:        "page_size = -5\n" + validSite,
			wantPrefix: "content/site.toml:1: ",
			wantMsg:    "page_size must be positive",
		},
		{
			name: "default page_size",
			src:  validSite,
			check: func(t *testing.T, s *Site) {
				if s.PageSize != 50 {
					t.Errorf("PageSize = %d, want 50", s.PageSize)
				}
			},
		},
		{
			name: "page_size given",
			src:  "page_size = 20\n" + validSite,
			check: func(t *testing.T, s *Site) {
				if s.PageSize != 20 {
					t.Errorf("PageSize = %d, want 20", s.PageSize)
				}
			},
		},
		{
			name: "trailing slash added to base_url",
			src:  edit(`"https://example.cz/"`, `"https://example.cz/portal"`),
			check: func(t *testing.T, s *Site) {
				if s.BaseURL != "https://example.cz/portal/" {
					t.Errorf("BaseURL = %q", s.BaseURL)
				}
				if got := s.AbsURL("/cs/"); got != "https://example.cz/portal/cs/" {
					t.Errorf("AbsURL = %q", got)
				}
			},
		},
		{
			name: "CRLF and a comment after a table header",
			src:  strings.ReplaceAll(strings.Replace(validSite, "[title]", "[title] # per language", 1), "\n", "\r\n"),
			check: func(t *testing.T, s *Site) {
				if s.Title["cs"] != "Transformace" {
					t.Errorf("Title = %v", s.Title)
				}
			},
		},
		{
			name: "BOM",
			src:  "\ufeff" + validSite,
			check: func(t *testing.T, s *Site) {
				if s.BaseURL != "https://example.cz/" {
					t.Errorf("BaseURL = %q", s.BaseURL)
				}
			},
		},
		{
			name: "translated tags",
			src:  edit("", "[tags.en]\n\"veřejná správa\" = \"public administration\"\n"),
			check: func(t *testing.T, s *Site) {
				if l, ok := s.TagLabel("en", "veřejná správa"); l != "public administration" || !ok {
					t.Errorf("TagLabel(en) = %q, %v", l, ok)
				}
				if l, ok := s.TagLabel("en", "venkov"); l != "venkov" || ok {
					t.Errorf("TagLabel(en, untranslated) = %q, %v", l, ok)
				}
				if l, ok := s.TagLabel("cs", "venkov"); l != "venkov" || !ok {
					t.Errorf("TagLabel(cs) = %q, %v", l, ok)
				}
			},
		},
		{
			name: "one language",
			src:  strings.Replace(strings.Replace(validSite, `["cs", "en"]`, `["cs"]`, 1), "en = \"Transition\"\n", "", 1),
			check: func(t *testing.T, s *Site) {
				if len(s.Languages) != 1 || s.DefaultLanguage() != "cs" {
					t.Errorf("Languages = %v", s.Languages)
				}
			},
		},
		{
			name: "http is allowed",
			src:  edit(`"https://example.cz/"`, `"http://localhost:1313/"`),
			check: func(t *testing.T, s *Site) {
				if s.BaseURL != "http://localhost:1313/" {
					t.Errorf("BaseURL = %q", s.BaseURL)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("content/site.toml", []byte(tt.src))
			if tt.wantMsg == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if tt.check != nil {
					tt.check(t, s)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q … %q", tt.wantPrefix, tt.wantMsg)
			}
			if s != nil {
				t.Errorf("Parse returned a Site with an error")
			}
			if !strings.HasPrefix(err.Error(), tt.wantPrefix) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error = %q\nwant   %q … %q", err, tt.wantPrefix, tt.wantMsg)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error is %T, want *config.Error", err)
			}
			if ce.File != "content/site.toml" || ce.Line == 0 || ce.Msg == "" {
				t.Errorf("Error = %+v", ce)
			}
			if strings.HasPrefix(ce.Msg, " ") || strings.HasPrefix(ce.Msg, "toml:") {
				t.Errorf("message %q carries noise", ce.Msg)
			}
		})
	}
}

func TestKeyLine(t *testing.T) {
	const site = `# site
base_url = "https://example.cz/"
"quoted" = 1
title.en = "Transition"
languages = [
  "cs",
  "en",
]

[title] # per language
cs = "Transformace"

[description]
cs = "Popis"
en = "Description"

[[menu]]
name = "a"
`
	// Front matter: inline tables and text that only looks like a key.
	const fm = `summary = """
region = "not a key"
"""
title = { cs = "T", en = "T" }
region = "ustecky"
`
	tests := []struct {
		name, src, key string
		first, want    int
	}{
		{"plain key", site, "base_url", 1, 2},
		{"quoted key", site, "quoted", 1, 3},
		{"dotted key written as such", site, "title.en", 1, 4},
		{"multi-line value: where it starts", site, "languages", 1, 5},
		{"a table: the first line that sets it", site, "title", 1, 4},
		{"key in a [table] with a comment", site, "title.cs", 1, 11},
		{"table header", site, "description", 1, 13},
		{"key in a table", site, "description.en", 1, 15},
		{"another key in a table", site, "description.cs", 1, 14},
		{"array of tables", site, "menu", 1, 17},
		{"key in an array of tables", site, "menu.name", 1, 18},
		{"key that exists only inside tables", site, "cs", 1, 1},
		{"missing → first", site, "missing", 1, 1},
		{"missing in front matter → first", site, "missing", 2, 2},
		{"offset applies to found keys", site, "base_url", 2, 3},
		{"missing key of an existing table", site, "description.de", 7, 7},
		{"text inside a multi-line string", fm, "region", 2, 6},
		{"key in an inline table", fm, "title.en", 2, 5},
		{"multi-line string key", fm, "summary", 2, 2},
		{"empty source", "", "title", 2, 2},
	}
	for _, tt := range tests {
		if got := KeyLine(tt.src, tt.key, tt.first); got != tt.want {
			t.Errorf("%s: KeyLine(%q, %d) = %d, want %d", tt.name, tt.key, tt.first, got, tt.want)
		}
	}
}

func TestErrorWithoutLine(t *testing.T) {
	e := &Error{File: "content/site.toml", Msg: "cannot read"}
	if got := e.Error(); got != "content/site.toml: cannot read" {
		t.Errorf("Error() = %q", got)
	}
	e.Line = 3
	if got := e.Error(); got != "content/site.toml:3: cannot read" {
		t.Errorf("Error() = %q", got)
	}
}
