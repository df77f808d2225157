package content

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzSeeds are realistic project files, good and broken.
var fuzzSeeds = []string{
	md(projFM, "Text.\n"),
	md(projFM+"budget_czk = 54_675_000\neu_funding_czk = 46_473_750\nstart = 2024-03-05\nend = \"2026-12\"\ncarrier = \"mesto-sokolov\"\npartners = [\"mesto-sokolov\"]\ntags = \"a\"\n", "## Úvod\n\n![Lom](lom.jpg \"Lom Medard\")\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
	strings.ReplaceAll(md(projFM, "Text.\n"), "\n", "\r\n"),
	"\ufeff" + md(projFM, "Text.\n"),
	md(projFM+"budget_czk = \"54 675 000 Kč\"\n", ""),
	md(projFM+"budget_czk = 54 675 000\n", ""),
	md(projFM+"bugdet_czk = 5\nstart = \"březen\"\nend = 10:00:00\n", ""),
	md(projFM+"region = 5\n", ""),
	md(projFM+"start = 2025\nend = 2024\ncarrier = \"nikdo\"\nindicators = [\"x\"]\n", ""),
	md("title = \"A\n", ""),
	md("[a]\n[[a]]\n", ""),
	md("a = {b = 1\n", ""),
	md("title = '''\nx\n'''\nsummary = \"\"\"\n+++\n\"\"\"\n", ""),
	"+++",
	"+++\n",
	"+++\n+++",
	"+++ \n+++\t\n",
	"title = \"A\"\n",
	"",
	"\x00\x00\x00",
	"+++\n\x00\n+++\n",
	"+++\ntitle = \"\xff\"\n+++\n\xff<script>alert(1)</script>",
	md(projFM, "<div>\n\n*a* [b](javascript:alert(1)) ![](x.png)\n\n[^1]\n\n[^1]: note\n"),
}

func fuzzFS(data []byte) fstest.MapFS {
	return fstest.MapFS{
		"content/site.toml":          {Data: []byte(siteTOML)},
		partnerPath:                  {Data: []byte(partnerFile)},
		"content/projects/x.cs.md":   {Data: data},
		"content/projects/.x.cs.swp": {Data: data},
	}
}

// FuzzFrontMatter loads a site whose one project file is arbitrary bytes:
// Load must not panic, and every error it returns must be about that file,
// at a line that exists, with a message.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	// The example site's project cards.
	if files, _ := filepath.Glob("../../content/projects/*.cs.md"); len(files) > 0 {
		for _, file := range files[:min(len(files), 4)] {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	opts := Options{Markdown: renderer()}
	const file = "content/projects/x.cs.md"
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load(fuzzFS(data), opts)
		// A line may point just past the last line ("+++" with no body
		// after it makes the body start there).
		lines := bytes.Count(data, []byte("\n")) + 2
		if err == nil {
			if s == nil {
				t.Fatal("neither a Site nor an error")
			}
			p := s.ProjectBySlug["x"]
			if p == nil || p.Texts["cs"] == nil || p.Texts["en"] == nil || !p.Texts["en"].Fallback {
				t.Fatalf("project x not loaded properly: %+v", p)
			}
			for _, w := range s.Warnings {
				if w.File == "" || w.Msg == "" {
					t.Errorf("warning without file or message: %#v", w)
				}
			}
			return
		}
		if s != nil {
			t.Error("a Site together with an error")
		}
		var es Errors
		if !errors.As(err, &es) {
			t.Fatalf("error is %T, not content.Errors: %v", err, err)
		}
		if len(es) == 0 {
			t.Fatal("empty Errors")
		}
		for _, e := range es {
			if e == nil {
				t.Fatal("nil *Error in Errors")
			}
			if e.File == "" || strings.TrimSpace(e.Msg) == "" {
				t.Errorf("error without file or message: %#v", e)
			}
			if e.File != file {
				t.Errorf("error about a file that is fine: %v", e)
			}
			if e.Line < 0 || e.Line > lines {
				t.Errorf("line %d is outside the file (%d lines): %v", e.Line, lines, e)
			}
		}
		for i := 1; i < len(es); i++ {
			if es[i-1].File > es[i].File || (es[i-1].File == es[i].File && es[i-1].Line > es[i].Line) {
				t.Errorf("errors not sorted: %v before %v", es[i-1], es[i])
			}
		}
	})
}

var reCRLF = regexp.MustCompile(`\r+\n`)

// FuzzSplitFrontMatter checks splitFrontMatter on its own: it never panics,
// and what it returns fits together again into the (normalised) file.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("+++\r\n+++\r\n"))
	f.Add([]byte("\ufeff+++"))
	f.Add([]byte("+++\n\n\n+++ \nx\n+++\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, body, bodyLine, err := splitFrontMatter(data)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error is %T", err)
			}
			if e.Line != 1 || e.Msg == "" || fm != "" || body != nil || bodyLine != 0 {
				t.Fatalf("error %#v with fm %q body %q line %d", e, fm, body, bodyLine)
			}
			return
		}
		norm := reCRLF.ReplaceAll(bytes.TrimPrefix(data, []byte("\ufeff")), []byte("\n"))
		first, rest, _ := bytes.Cut(norm, []byte("\n"))
		if !isFence(first) {
			t.Fatalf("accepted without an opening +++: %q", data)
		}
		if !strings.HasPrefix(string(rest), fm) {
			t.Fatalf("front matter %q is not what follows the opening line in %q", fm, norm)
		}
		if fm != "" && !strings.HasSuffix(fm, "\n") {
			t.Fatalf("front matter %q does not end in a newline", fm)
		}
		if strings.Contains(fm, "\r\n") {
			t.Fatalf("front matter %q keeps CRLF", fm)
		}
		for _, l := range strings.Split(strings.TrimSuffix(fm, "\n"), "\n") {
			if isFence([]byte(l)) {
				t.Fatalf("front matter %q runs past a closing +++", fm)
			}
		}
		closing, after, found := bytes.Cut(rest[len(fm):], []byte("\n"))
		if !isFence(closing) {
			t.Fatalf("no closing +++ after the front matter in %q", norm)
		}
		if !bytes.Equal(body, after) || (!found && len(body) != 0) {
			t.Fatalf("body %q, want %q", body, after)
		}
		if want := strings.Count(fm, "\n") + 3; bodyLine != want {
			t.Fatalf("bodyLine = %d, want %d (fm %q)", bodyLine, want, fm)
		}
	})
}

// FuzzParsePeriod checks that parsePeriod never panics and that a period
// it accepts is a real one that reads back the same from its String.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{
		"2024", "2024-03", "2024-3", "2024-03-05", "5. 3. 2024", "5.3.2024", "05.03.2024",
		"březen", "2024-13", "2024-02-30", "0000", "0000-01-01", "1899", "2201-01", "24",
		"2024-Q1", "", " 2024", "2024-03-05T10:00:00", "٢٠٢٤", "31. 12. 2200", "1. 1. 1900",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := parsePeriod(s)
		if !ok {
			if p != (Period{}) {
				t.Fatalf("parsePeriod(%q) = %+v, false: want the zero Period", s, p)
			}
			return
		}
		if p.IsZero() || !validYear(int64(p.Year)) {
			t.Fatalf("parsePeriod(%q) = %+v: year out of range", s, p)
		}
		if p.Month < 0 || p.Month > 12 || p.Day < 0 || p.Day > 31 || (p.Day > 0 && p.Month == 0) {
			t.Fatalf("parsePeriod(%q) = %+v: not a period", s, p)
		}
		if p.Day > 0 && p.Time().Day() != p.Day {
			t.Fatalf("parsePeriod(%q) = %+v: no such day", s, p)
		}
		back, ok := parsePeriod(p.String())
		if !ok || back != p {
			t.Fatalf("parsePeriod(%q) = %+v, but parsePeriod(%q) = %+v, %v", s, p, p.String(), back, ok)
		}
	})
}
