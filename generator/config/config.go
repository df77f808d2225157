// Package config reads site.toml, the one file that says what a portal is:
// its address, its languages and who publishes it.
//
// The first language listed is the default: language-neutral fields live in
// its files, and pages missing in another language fall back to it.
package config

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/transformace/portal/generator/l10n"
)

// Site is the parsed content of site.toml.
type Site struct {
	BaseURL      string            `toml:"base_url"`
	Languages    []string          `toml:"languages"`
	Publisher    string            `toml:"publisher"`
	PublisherICO string            `toml:"publisher_ico"`
	ContactEmail string            `toml:"contact_email"`
	DataLicense  string            `toml:"data_license"`
	Title        map[string]string `toml:"title"`
	Description  map[string]string `toml:"description"`
	// PageSize is how many projects a list page shows before it is split.
	PageSize int `toml:"page_size"`
	// Tags translates topics, which are written once in the default
	// language: [tags.en] "veřejná správa" = "public administration".
	Tags map[string]map[string]string `toml:"tags"`
}

// TagLabel is a topic as shown in lang: its translation from [tags.<lang>]
// or, when there is none, the tag as written.
func (s *Site) TagLabel(lang, tag string) (label string, translated bool) {
	if t := s.Tags[lang][tag]; t != "" {
		return t, true
	}
	return tag, lang == s.DefaultLanguage()
}

// DefaultLanguage is the language whose files carry the neutral fields.
func (s *Site) DefaultLanguage() string { return s.Languages[0] }

// HasLanguage reports whether lang is one of the site's languages.
func (s *Site) HasLanguage(lang string) bool {
	for _, l := range s.Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// AbsURL joins the base URL and a site path that starts with "/".
func (s *Site) AbsURL(path string) string {
	return strings.TrimSuffix(s.BaseURL, "/") + path
}

var langRe = regexp.MustCompile(`^[a-z]{2,3}$`)

// Error is a problem in site.toml. Its text is "file:line: message", or
// "file: message" when Line is 0.
type Error struct {
	File string
	Line int
	Msg  string    // the message in English, without the location
	Text l10n.Text // the message, to be said in the editor's language
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// reTypeErr matches the decoder's "wrong type" errors, which are not a
// toml.ParseError and carry no line, only the key.
var reTypeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// Parse reads site.toml. name is the file name used in messages. Its error
// is a *Error.
func Parse(name string, data []byte) (*Site, error) {
	var s Site
	errAt := func(line int, format string, args ...any) error {
		t := l10n.New(format, args...)
		return &Error{File: name, Line: line, Msg: t.String(), Text: t}
	}
	line := func(key string) int { return keyLine(data, key) }
	md, err := toml.Decode(string(data), &s)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, errAt(max(pe.Position.Line, 1), "%s", l10n.TOML(pe.Message))
		}
		if m := reTypeErr.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n == 0 {
				n = line(m[2])
			}
			return nil, errAt(n, "%s: %s", m[2], typeMessage(m[3]))
		}
		return nil, errAt(1, "%s", l10n.Plain(strings.TrimPrefix(err.Error(), "toml: ")))
	}
	for _, k := range md.Undecoded() {
		return nil, errAt(line(k.String()), "unknown setting %q", k.String())
	}
	if len(s.Languages) == 0 {
		return nil, errAt(1, "languages is missing: list at least one, e.g. languages = [\"cs\", \"en\"]")
	}
	seen := map[string]bool{}
	for _, l := range s.Languages {
		if !langRe.MatchString(l) {
			return nil, errAt(line("languages"), "language %q is not a lowercase ISO 639 code such as \"cs\"", l)
		}
		if seen[l] {
			return nil, errAt(line("languages"), "language %q is listed twice", l)
		}
		seen[l] = true
	}
	u, err := url.Parse(s.BaseURL)
	if s.BaseURL == "" || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, errAt(line("base_url"), "base_url %q must be an absolute http(s) URL such as \"https://transformace.example.cz/\"", s.BaseURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s.BaseURL, "?#") {
		// Every address is built by appending a path to base_url.
		return nil, errAt(line("base_url"), "base_url %q must not have a query (?…) or a fragment (#…)", s.BaseURL)
	}
	if !strings.HasSuffix(s.BaseURL, "/") {
		s.BaseURL += "/"
	}
	if s.ContactEmail != "" {
		if _, err := mail.ParseAddress(s.ContactEmail); err != nil {
			return nil, errAt(line("contact_email"), "contact_email %q is not an e-mail address", s.ContactEmail)
		}
	}
	for _, l := range s.Languages {
		if s.Title[l] == "" {
			return nil, errAt(line("title"), "title for language %q is missing: add it under [title]", l)
		}
	}
	for _, l := range sortedKeys(s.Title) {
		if !seen[l] {
			return nil, errAt(line("title."+l), "title is given for %q, which is not in languages", l)
		}
	}
	for _, l := range sortedKeys(s.Tags) {
		if !seen[l] {
			return nil, errAt(line("tags."+l), "[tags.%s]: %q is not in languages", l, l)
		}
	}
	if s.PageSize == 0 {
		s.PageSize = 50
	}
	if s.PageSize < 0 {
		return nil, errAt(line("page_size"), "page_size must be positive")
	}
	if s.DataLicense == "" {
		s.DataLicense = "CC-BY-4.0"
	}
	return &s, nil
}

// typeMessage says in an editor's words what a decoder type error means.
func typeMessage(msg string) l10n.Text {
	_, dst, ok := strings.Cut(msg, "destination has type ")
	if !ok {
		return l10n.Plain(msg)
	}
	switch dst {
	case "string":
		return l10n.New("expected text in quotes")
	case "slice":
		return l10n.New("expected a list such as [\"cs\", \"en\"]")
	case "integer":
		return l10n.New("expected a whole number without quotes")
	case "map":
		return l10n.New("expected a table of texts per language, such as [title] with cs = \"…\"")
	}
	return l10n.Plain(msg)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// keyLine finds the 1-based line where a key (possibly dotted, "title.cs")
// is set, so that semantic errors can point at it; 1 when not found.
func keyLine(data []byte, key string) int {
	return KeyLine(string(data), key, 1)
}

// KeyLine returns the line of src (counting from first) on which key is
// assigned or its table starts. A dotted key "title.cs" matches "cs = …"
// inside [title] as well as a literal "title.cs = …" and the inline table
// "title = { cs = … }"; a key "title" matches the first line that sets any
// part of it ("[title]", "title.cs = …"). Lines inside multi-line strings
// are not keys. It returns first when the key is not found, which still
// points at the right file.
func KeyLine(src, key string, first int) int {
	key = normKey(key)
	table := ""
	multi := "" // the delimiter of a multi-line string left open
	for i, l := range strings.Split(src, "\n") {
		if multi != "" {
			if strings.Count(l, multi)%2 == 1 {
				multi = ""
			}
			continue
		}
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") {
			// "[title]", "[[menu]]", "[title] # comment"
			name, _, _ := strings.Cut(strings.TrimLeft(t, "["), "]")
			table = normKey(name)
			if table == key || strings.HasPrefix(table, key+".") {
				return first + i
			}
			continue
		}
		eq := strings.IndexByte(t, '=')
		if eq < 0 {
			continue
		}
		full := normKey(t[:eq])
		if table != "" {
			full = table + "." + full
		}
		if full == key || strings.HasPrefix(full, key+".") || strings.HasPrefix(key, full+".") {
			return first + i
		}
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(t[eq+1:], d)%2 == 1 {
				multi = d
			}
		}
	}
	return first
}

// normKey writes a TOML key as plain dotted parts: ` "a" . b ` → "a.b".
func normKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
