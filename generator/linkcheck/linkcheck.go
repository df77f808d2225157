// Package linkcheck checks a built portal folder for broken internal links.
//
// It reads every HTML page of the output folder and checks that each
// internal reference leads to a file that exists: href of links and areas,
// src of images, scripts, frames and media, every srcset entry, the
// stylesheet and icon links, hreflang alternates, the canonical link,
// og:image and twitter:image, and form actions. A reference to a folder
// needs that folder's index.html. A fragment (#id) must name an element
// with that id (or an <a name>) in the target page.
//
// Absolute URLs on the site's own base URL are mapped back to paths. The
// base URL is read from the Sitemap line of robots.txt, or else from the
// canonical link of the root index.html. Links to other sites are not
// fetched.
//
// The open data files are checked too: every URL on the base URL in the
// JSON, JSON-LD and XML files (the DCAT catalogue and records, the
// sitemap, the feeds), the resource paths of datapackage.json and the
// table URLs of the CSVW metadata files.
package linkcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Problem is one broken reference.
type Problem struct {
	Page string // file in the output folder, slash-separated: "cs/projekty/index.html"
	Ref  string // the reference as written in the page
	Why  string // what is wrong with it
}

func (p Problem) String() string { return p.Page + ": " + p.Ref + ": " + p.Why }

// ref is one reference found in a file, waiting to be resolved.
type ref struct {
	raw  string // as written
	what string // where it was found, e.g. "img srcset"
}

// page is what a checked file provides and asks for.
type page struct {
	ids  map[string]bool
	refs []ref
}

// Check walks the output folder dir and returns every broken internal
// reference, sorted by page. The error is about the folder itself (it
// cannot be read), never about its contents.
func Check(dir string) ([]Problem, error) {
	c := &checker{files: map[string]bool{}, dirs: map[string]bool{}, pages: map[string]*page{}}
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(root); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	c.fsys = os.DirFS(root)
	err = fs.WalkDir(c.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			c.dirs[p] = true
		} else {
			c.files[p] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.base = c.findBase()

	var names []string
	for f := range c.files {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		switch ext := path.Ext(f); {
		case ext == ".html" || ext == ".htm":
			if err := c.readHTML(f); err != nil {
				return nil, err
			}
		case ext == ".json" || ext == ".jsonld":
			if err := c.readJSON(f); err != nil {
				return nil, err
			}
		case ext == ".xml" || f == "robots.txt":
			if err := c.readText(f); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range names {
		p := c.pages[f]
		if p == nil {
			continue
		}
		for _, r := range p.refs {
			if why := c.resolve(f, r.raw); why != "" {
				c.problems = append(c.problems, Problem{Page: f, Ref: r.raw, Why: r.what + ": " + why})
			}
		}
	}
	return c.problems, nil
}

type checker struct {
	fsys     fs.FS
	files    map[string]bool
	dirs     map[string]bool
	pages    map[string]*page
	base     *url.URL // the site's base URL, or nil when it is not known
	problems []Problem
}

// findBase reads the base URL from robots.txt or the root page.
func (c *checker) findBase() *url.URL {
	if b, err := fs.ReadFile(c.fsys, "robots.txt"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			k, v, ok := strings.Cut(line, ":")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "sitemap") {
				continue
			}
			if u, err := url.Parse(strings.TrimSpace(v)); err == nil && u.Host != "" {
				u.Path = path.Dir(u.Path)
				if !strings.HasSuffix(u.Path, "/") {
					u.Path += "/"
				}
				u.RawQuery, u.Fragment = "", ""
				return u
			}
		}
	}
	if b, err := fs.ReadFile(c.fsys, "index.html"); err == nil {
		if doc, err := html.Parse(bytes.NewReader(b)); err == nil {
			var canon string
			walk(doc, func(n *html.Node) {
				if n.Data == "link" && hasToken(attr(n, "rel"), "canonical") && canon == "" {
					canon = attr(n, "href")
				}
			})
			if u, err := url.Parse(canon); err == nil && u.Host != "" {
				u.Path = "/"
				u.RawQuery, u.Fragment = "", ""
				return u
			}
		}
	}
	return nil
}

// urlAttrs lists, per element, the attributes that hold one URL.
var urlAttrs = map[string][]string{
	"a":      {"href"},
	"area":   {"href"},
	"link":   {"href"},
	"img":    {"src"},
	"script": {"src"},
	"iframe": {"src"},
	"embed":  {"src"},
	"source": {"src"},
	"track":  {"src"},
	"video":  {"src", "poster"},
	"audio":  {"src"},
	"input":  {"src"},
	"object": {"data"},
	"form":   {"action"},
}

func (c *checker) readHTML(f string) error {
	b, err := fs.ReadFile(c.fsys, f)
	if err != nil {
		return err
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("%s: %v", f, err)
	}
	p := &page{ids: map[string]bool{}}
	c.pages[f] = p
	notFound := path.Base(f) == "404.html"
	walk(doc, func(n *html.Node) {
		if id := attr(n, "id"); id != "" {
			p.ids[id] = true
		}
		if n.Data == "a" && attr(n, "name") != "" {
			p.ids[attr(n, "name")] = true
		}
		for _, a := range urlAttrs[n.Data] {
			v, ok := attrOK(n, a)
			if !ok {
				continue
			}
			what := n.Data + " " + a
			if n.Data == "link" {
				what = "link rel=" + attr(n, "rel") + " " + a
				if attr(n, "hreflang") != "" {
					what = "link rel=" + attr(n, "rel") + " hreflang=" + attr(n, "hreflang")
				}
			}
			if strings.TrimSpace(v) == "" {
				if a != "action" { // an empty action submits to the page itself
					c.problems = append(c.problems, Problem{Page: f, Ref: v, Why: what + ": empty"})
				}
				continue
			}
			if notFound && isRelative(v) {
				c.problems = append(c.problems, Problem{Page: f, Ref: v, Why: what + ": a relative reference on a not-found page, which is served at any address; start it with /"})
				continue
			}
			p.refs = append(p.refs, ref{raw: v, what: what})
		}
		if v, ok := attrOK(n, "srcset"); ok && (n.Data == "img" || n.Data == "source") {
			entries, bad := parseSrcset(v)
			if bad != "" {
				c.problems = append(c.problems, Problem{Page: f, Ref: v, Why: n.Data + " srcset: " + bad})
			}
			for _, e := range entries {
				p.refs = append(p.refs, ref{raw: e, what: n.Data + " srcset"})
			}
		}
		if n.Data == "meta" {
			prop := attr(n, "property")
			if prop == "" {
				prop = attr(n, "name")
			}
			switch prop {
			case "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "og:url":
				v := attr(n, "content")
				if strings.TrimSpace(v) == "" {
					c.problems = append(c.problems, Problem{Page: f, Ref: v, Why: "meta " + prop + ": empty"})
				} else {
					p.refs = append(p.refs, ref{raw: v, what: "meta " + prop})
				}
			}
		}
		// Fragment references inside inline SVG (<use href="#icon">).
		if n.Data == "use" {
			for _, a := range n.Attr {
				if a.Key == "href" && strings.HasPrefix(a.Val, "#") {
					p.refs = append(p.refs, ref{raw: a.Val, what: "svg use"})
				}
			}
		}
	})
	return nil
}

// readJSON collects the URLs on the base URL in a JSON or JSON-LD file,
// and the relative resource paths of Data Packages and CSVW metadata.
func (c *checker) readJSON(f string) error {
	b, err := fs.ReadFile(c.fsys, f)
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		c.problems = append(c.problems, Problem{Page: f, Why: "not valid JSON: " + err.Error()})
		return nil
	}
	p := &page{}
	c.pages[f] = p
	isPackage := path.Base(f) == "datapackage.json"
	isCSVW := strings.HasSuffix(f, "-metadata.json")
	var visit func(key string, v any, depth int)
	visit = func(key string, v any, depth int) {
		switch v := v.(type) {
		case string:
			switch {
			case c.onBase(v):
				p.refs = append(p.refs, ref{raw: v, what: "json " + key})
			case isPackage && key == "path" && isRelative(v):
				p.refs = append(p.refs, ref{raw: v, what: "datapackage resource path"})
			case isCSVW && key == "url" && isRelative(v):
				p.refs = append(p.refs, ref{raw: v, what: "csvw table url"})
			}
		case []any:
			for _, e := range v {
				visit(key, e, depth+1)
			}
		case map[string]any:
			for k, e := range v {
				visit(k, e, depth+1)
			}
		}
	}
	visit("", v, 0)
	return nil
}

var absURL = regexp.MustCompile(`https?://[^\s"'<>]+`)

// readText collects the URLs on the base URL in a sitemap, a feed or
// robots.txt.
func (c *checker) readText(f string) error {
	if c.base == nil {
		return nil
	}
	b, err := fs.ReadFile(c.fsys, f)
	if err != nil {
		return err
	}
	p := &page{}
	c.pages[f] = p
	for _, m := range absURL.FindAllString(string(b), -1) {
		m = html.UnescapeString(m)
		if c.onBase(m) {
			p.refs = append(p.refs, ref{raw: m, what: path.Ext(f)[1:] + " url"})
		}
	}
	return nil
}

// onBase tells whether s is an absolute URL on the site's base URL.
func (c *checker) onBase(s string) bool {
	if c.base == nil {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Host, c.base.Host) && strings.HasPrefix(u.Path+"/", c.base.Path)
}

func isRelative(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && u.Scheme == "" && u.Host == "" && u.Path != "" && !strings.HasPrefix(u.Path, "/")
}

// resolve returns "" when the reference raw, found in file f, is fine or
// not internal, and otherwise what is wrong with it.
func (c *checker) resolve(f, raw string) string {
	s := strings.TrimSpace(raw)
	u, err := url.Parse(s)
	if err != nil {
		return "not a valid URL: " + err.Error()
	}
	switch u.Scheme {
	case "", "http", "https":
	default:
		return "" // mailto:, tel:, data:, javascript: …
	}
	var target string // slash path from the site root, without the leading /
	switch {
	case u.Host != "" || u.Scheme != "":
		if !c.onBase(s) {
			return "" // another website: not fetched
		}
		target = strings.TrimPrefix(u.Path, c.base.Path)
	case strings.HasPrefix(u.Path, "/"):
		target = strings.TrimPrefix(u.Path, "/")
	case u.Path == "":
		target = f // a fragment or query on the page itself
	default:
		target = path.Join(path.Dir(f), u.Path)
		if strings.HasSuffix(u.Path, "/") {
			target += "/"
		}
	}
	if target == ".." || strings.HasPrefix(target, "../") {
		return "leads outside the site"
	}
	file, why := c.file(target)
	if why != "" {
		return why
	}
	frag := u.Fragment
	if frag == "" || frag == "top" || strings.HasPrefix(frag, ":~:") {
		return ""
	}
	p := c.pages[file]
	if p == nil || p.ids == nil {
		return "" // not an HTML page: its fragments are not element ids
	}
	if !p.ids[frag] {
		if file == f {
			return fmt.Sprintf("no element with id %q on this page", frag)
		}
		return fmt.Sprintf("no element with id %q in %s", frag, file)
	}
	return ""
}

// file maps a site path to the file that serves it.
func (c *checker) file(target string) (string, string) {
	target = path.Clean("/" + target)[1:]
	if target == "" {
		target = "."
	}
	if c.files[target] {
		return target, ""
	}
	if c.dirs[target] {
		idx := path.Join(target, "index.html")
		if c.files[idx] {
			return idx, ""
		}
		return "", "the folder " + displayDir(target) + " has no index.html"
	}
	return "", "no such file: /" + strings.TrimPrefix(target, ".")
}

func displayDir(d string) string {
	if d == "." {
		return "/"
	}
	return "/" + d + "/"
}

// parseSrcset splits a srcset attribute into its URLs, following the
// HTML parsing rules for image candidate strings. bad says what is wrong
// with the attribute, if anything.
func parseSrcset(s string) (urls []string, bad string) {
	isSpace := func(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }
	i := 0
	for i < len(s) {
		for i < len(s) && (isSpace(s[i]) || s[i] == ',') {
			if s[i] == ',' && bad == "" && len(urls) == 0 {
				bad = "starts with a comma"
			}
			i++
		}
		if i >= len(s) {
			break
		}
		start := i
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		u := s[start:i]
		endsComma := strings.HasSuffix(u, ",")
		u = strings.TrimRight(u, ",")
		if u == "" {
			if bad == "" {
				bad = "an empty entry"
			}
			continue
		}
		urls = append(urls, u)
		if endsComma {
			continue
		}
		// Descriptors up to the next comma outside parentheses.
		depth := 0
		for i < len(s) {
			if s[i] == '(' {
				depth++
			} else if s[i] == ')' && depth > 0 {
				depth--
			} else if s[i] == ',' && depth == 0 {
				i++
				break
			}
			i++
		}
	}
	if len(urls) == 0 && bad == "" {
		bad = "no image in it"
	}
	return urls, bad
}

func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func hasToken(list, tok string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, tok) {
			return true
		}
	}
	return false
}
