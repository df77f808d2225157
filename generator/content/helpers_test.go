package content

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/transformace/portal/generator/markdown"
)

// siteTOML is a valid content/site.toml.
const siteTOML = `base_url = "https://example.cz/"
languages = ["cs", "en"]
publisher = "Karlovarský kraj"
publisher_ico = "70891168"
[title]
cs = "Transformace"
en = "Transition"
`

// partnerFile is content/partners/mesto-sokolov.cs.md, a valid partner that
// every test site holds unless it overrides it.
const (
	partnerPath = "content/partners/mesto-sokolov.cs.md"
	partnerFile = `+++
title = "Město Sokolov"
summary = "Centrum Sokolovska."
kind = "municipality"
ico = "00259586"
website = "https://www.sokolov.cz/"
region = "karlovarsky"
+++
Sokolov je centrem území.
`
)

// projFM is the front matter of a minimal valid project: title on file
// line 2, summary 3, region 4, status 5; a line added after it is line 6.
const projFM = `title = "Animace pro transformaci"
summary = "Místní akční skupiny rozhýbou kraj."
region = "ustecky"
status = "running"
`

// absent, as the text of a path, removes that file from the test site.
const absent = "\x00absent"

// md builds a Markdown file from front matter lines (each ending in "\n")
// and a body.
func md(fm, body string) string { return "+++\n" + fm + "+++\n" + body }

// testFS builds an in-memory site: site.toml and one partner, then files
// (path → text) added over them; absent removes a file.
func testFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/site.toml": {Data: []byte(siteTOML)},
		partnerPath:         {Data: []byte(partnerFile)},
	}
	for p, text := range files {
		if text == absent {
			delete(fsys, p)
			continue
		}
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

var renderer = sync.OnceValue(func() *markdown.Renderer { return markdown.New(markdown.Options{}) })

// load reads a test site. On failure it returns the Errors; any other kind
// of error fails the test.
func load(t testing.TB, files map[string]string) (*Site, Errors) {
	t.Helper()
	s, err := Load(testFS(files), Options{Markdown: renderer()})
	if err == nil {
		if s == nil {
			t.Fatal("Load returned neither a Site nor an error")
		}
		return s, nil
	}
	if s != nil {
		t.Error("Load returned a Site together with errors")
	}
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Load error is %T, want content.Errors: %v", err, err)
	}
	if len(es) == 0 {
		t.Fatal("Load returned empty Errors")
	}
	return nil, es
}

// mustLoad reads a test site that must have no errors.
func mustLoad(t testing.TB, files map[string]string) *Site {
	t.Helper()
	s, errs := load(t, files)
	if errs != nil {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	return s
}

// want is one expected problem: the exact file and line and a part of the
// message.
type want struct {
	file string
	line int
	msg  string
}

// checkProblems compares problems with wants, one to one and in order.
func checkProblems(t testing.TB, kind string, got Errors, wants []want) {
	t.Helper()
	ok := len(got) == len(wants)
	for i := 0; ok && i < len(wants); i++ {
		g, w := got[i], wants[i]
		ok = g.File == w.file && g.Line == w.line && strings.Contains(g.Msg, w.msg)
	}
	if ok {
		return
	}
	var gs, ws []string
	for _, g := range got {
		gs = append(gs, g.Error())
	}
	for _, w := range wants {
		ws = append(ws, w.file+":"+strconv.Itoa(w.line)+": …"+w.msg+"…")
	}
	t.Errorf("%s:\n  got  %s\n  want %s", kind, strings.Join(gs, "\n       "), strings.Join(ws, "\n       "))
}

// loadCase is one test site and what Load must say about it.
type loadCase struct {
	name  string
	files map[string]string
	// errs are the errors expected, in order; none means the site loads.
	errs []want
	// warns are the warnings expected when the site loads.
	warns []want
	// check inspects the loaded site.
	check func(t *testing.T, s *Site)
}

func runLoadCases(t *testing.T, cases []loadCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, errs := load(t, tc.files)
			checkProblems(t, "errors", errs, tc.errs)
			if s == nil {
				return
			}
			checkProblems(t, "warnings", s.Warnings, tc.warns)
			if tc.check != nil {
				tc.check(t, s)
			}
		})
	}
}

// osDirFS is the folder dir on disk; the test is skipped when it holds no
// content/site.toml.
func osDirFS(t *testing.T, dir string) fs.FS {
	t.Helper()
	fsys := os.DirFS(dir)
	if _, err := fs.Stat(fsys, "content/site.toml"); err != nil {
		t.Skipf("no example content: %v", err)
	}
	return fsys
}
