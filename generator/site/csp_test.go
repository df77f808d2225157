package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestExampleSiteSatisfiesCSP builds the example portal and checks every
// page against the Content-Security-Policy of netlify.toml: no inline
// script or style, no event handler attributes, no javascript: URLs, and
// nothing loaded from another origin.
func TestExampleSiteSatisfiesCSP(t *testing.T) {
	out := builtExample(t)
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		for _, problem := range cspProblems(data) {
			t.Errorf("%s: %s", rel, problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 100 {
		t.Fatalf("only %d pages checked", pages)
	}
}

func cspProblems(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	inScript := ""
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.TextToken:
			if inScript != "" && strings.TrimSpace(string(z.Text())) != "" && inScript != "application/ld+json" {
				out = append(out, "inline script")
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "script" {
				inScript = ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			if tag == "style" {
				out = append(out, "<style> element")
			}
			if tag == "script" && tt == html.StartTagToken {
				inScript = "js"
				if t := attrs["type"]; t != "" {
					inScript = t
				}
			}
			for k, v := range attrs {
				switch {
				case k == "style":
					out = append(out, "style attribute on <"+tag+">")
				case strings.HasPrefix(k, "on"):
					out = append(out, "event handler "+k+" on <"+tag+">")
				case strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "javascript:"):
					out = append(out, "javascript: URL in "+k)
				}
			}
			// Everything the page loads comes from the site itself.
			load := ""
			switch tag {
			case "script", "img", "iframe", "source", "audio", "video":
				load = attrs["src"]
			case "link":
				if rel := attrs["rel"]; rel == "stylesheet" || rel == "icon" || rel == "preload" || rel == "manifest" {
					load = attrs["href"]
				}
			}
			if strings.HasPrefix(load, "http:") || strings.HasPrefix(load, "https:") || strings.HasPrefix(load, "//") {
				out = append(out, "loads "+load+" from another origin")
			}
		}
	}
}

func TestCSPProblemsDetects(t *testing.T) {
	bad := map[string]string{
		`<script>alert(1)</script>`:                            "inline script",
		`<p style="color:red">x</p>`:                           "style attribute",
		`<style>p{}</style>`:                                   "<style> element",
		`<img src="x.png" onerror="x()">`:                      "event handler",
		`<a href="JavaScript:alert(1)">x</a>`:                  "javascript: URL",
		`<script src="https://cdn.example/x.js"></script>`:     "another origin",
		`<link rel="stylesheet" href="//fonts.example/f.css">`: "another origin",
	}
	for page, want := range bad {
		got := strings.Join(cspProblems([]byte(page)), "; ")
		if !strings.Contains(got, want) {
			t.Errorf("%s: got %q, want %q", page, got, want)
		}
	}
	good := `<script src="/js/a.js" defer></script><script type="application/ld+json">{"a":1}</script><p>text with style= and onload= in words</p>`
	if p := cspProblems([]byte(good)); len(p) > 0 {
		t.Errorf("false alarms: %v", p)
	}
}
