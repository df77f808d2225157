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
	"strings"

	"github.com/BurntSushi/toml"
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

// Parse reads site.toml. name is the file name used in messages.
func Parse(name string, data []byte) (*Site, error) {
	var s Site
	md, err := toml.Decode(string(data), &s)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d: %s", name, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	line := func(key string) int { return keyLine(data, key) }
	for _, k := range md.Undecoded() {
		return nil, fmt.Errorf("%s:%d: unknown setting %q", name, line(k.String()), k.String())
	}
	if len(s.Languages) == 0 {
		return nil, fmt.Errorf("%s:1: languages is missing: list at least one, e.g. languages = [\"cs\", \"en\"]", name)
	}
	seen := map[string]bool{}
	for _, l := range s.Languages {
		if !langRe.MatchString(l) {
			return nil, fmt.Errorf("%s:%d: language %q is not a lowercase ISO 639 code such as \"cs\"", name, line("languages"), l)
		}
		if seen[l] {
			return nil, fmt.Errorf("%s:%d: language %q is listed twice", name, line("languages"), l)
		}
		seen[l] = true
	}
	u, err := url.Parse(s.BaseURL)
	if s.BaseURL == "" || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%s:%d: base_url %q must be an absolute http(s) URL such as \"https://transformace.example.cz/\"", name, line("base_url"), s.BaseURL)
	}
	if !strings.HasSuffix(s.BaseURL, "/") {
		s.BaseURL += "/"
	}
	if s.ContactEmail != "" {
		if _, err := mail.ParseAddress(s.ContactEmail); err != nil {
			return nil, fmt.Errorf("%s:%d: contact_email %q is not an e-mail address", name, line("contact_email"), s.ContactEmail)
		}
	}
	for _, l := range s.Languages {
		if s.Title[l] == "" {
			return nil, fmt.Errorf("%s:%d: title for language %q is missing: add it under [title]", name, line("title"), l)
		}
	}
	for l := range s.Title {
		if !seen[l] {
			return nil, fmt.Errorf("%s:%d: title is given for %q, which is not in languages", name, line("title"), l)
		}
	}
	if s.PageSize == 0 {
		s.PageSize = 50
	}
	if s.PageSize < 0 {
		return nil, fmt.Errorf("%s:%d: page_size must be positive", name, line("page_size"))
	}
	if s.DataLicense == "" {
		s.DataLicense = "CC-BY-4.0"
	}
	return &s, nil
}

// keyLine finds the 1-based line where a key (possibly dotted, "title.cs")
// is set, so that semantic errors can point at it; 1 when not found.
func keyLine(data []byte, key string) int {
	return KeyLine(string(data), key, 1)
}

// KeyLine returns the line of src (counting from first) on which key is
// assigned or its table starts. A dotted key "title.cs" matches "cs = …"
// inside [title] as well as a literal "title.cs = …". It returns first when
// the key is not found, which still points at the right file.
func KeyLine(src, key string, first int) int {
	parts := strings.Split(key, ".")
	table := ""
	for i, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			table = strings.Trim(t, "[] \t")
			if table == key {
				return first + i
			}
			continue
		}
		eq := strings.IndexByte(t, '=')
		if eq < 0 {
			continue
		}
		k := strings.Trim(strings.TrimSpace(t[:eq]), `"`)
		full := k
		if table != "" {
			full = table + "." + k
		}
		if full == key || (len(parts) > 0 && table == "" && k == parts[0]) {
			return first + i
		}
	}
	return first
}
