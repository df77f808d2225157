package site

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	portal "github.com/transformace/portal"
)

// edit replaces old with new in a file of the site folder.
func edit(t *testing.T, src, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	writeFile(t, src, file, strings.Replace(string(data), old, new, 1))
}

// writeFile writes text to file (a slash path) in the site folder src,
// making its folder if needed.
func writeFile(t *testing.T, src, file, text string) {
	t.Helper()
	p := filepath.Join(src, filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// override writes a file of the embedded theme, with old replaced by new,
// into the site folder src, where it takes the theme's place.
func override(t *testing.T, src, name, old, new string) {
	t.Helper()
	data, err := fs.ReadFile(portal.Theme, name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	writeFile(t, src, name, strings.Replace(string(data), old, new, 1))
}

// buildAll builds and waits for the data files: the Update lists the
// changed data files too.
func buildAll(t *testing.T, s *Session) (Update, error) {
	t.Helper()
	var data []Update
	s.OnData(func(up Update) { data = append(data, up) })
	up, err := s.Build()
	s.WaitData()
	if err != nil {
		if len(data) > 0 {
			t.Error("a failed build published data files")
		}
		return up, err
	}
	if len(data) != 1 {
		t.Fatalf("%d data updates after one build", len(data))
	}
	up.Static = append(up.Static, data[0].Static...)
	up.Removed = append(up.Removed, data[0].Removed...)
	sort.Strings(up.Static)
	sort.Strings(up.Removed)
	return up, nil
}

func newTestSession(t *testing.T) (*Session, string) {
	t.Helper()
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/basic")); err != nil {
		t.Fatal(err)
	}
	s := NewSession(Config{Src: src, Theme: portal.Theme, NoMinify: true, Updated: fixed})
	up, err := buildAll(t, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(up.Rendered) != up.Pages || up.Pages < 50 {
		t.Fatalf("first build rendered %d of %d pages", len(up.Rendered), up.Pages)
	}
	return s, src
}

// TestDependencies asserts which pages are rendered again for a change:
// the model of what depends on what, made visible.
func TestDependencies(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string
		want     []string // exactly these pages are rendered again
		static   []string
	}{
		{
			name: "nothing changed",
		},
		{
			name: "body of a project card",
			file: "content/projects/animace.cs.md", old: "Projekt vychází", new: "Projekt stojí",
			want: []string{"cs/projekty/animace/index.html", "en/projects/animace/index.html"},
		},
		{
			name: "body of a translation",
			file: "content/projects/animace.en.md", old: "The project builds", new: "The project rests",
			want: []string{"cs/projekty/animace/index.html", "en/projects/animace/index.html"},
		},
		{
			name: "a partner's name is shown on the cards that link it",
			file: "content/partners/zatec.en.md", old: `title = "Žatec"`, new: `title = "Zatec (Saaz)"`,
			want: []string{
				"cs/partneri/zatec/index.html", "en/partners/zatec/index.html",
				"cs/projekty/animace/index.html", "en/projects/animace/index.html",
				"cs/partneri/index.html", "en/partners/index.html",
				// every English project list shows the partner facet with
				// the English name; Czech lists show the Czech name, unchanged
				"en/projects/partner/zatec/index.html", "en/projects/index.html",
			},
			static: []string{"en/projects/index.json"},
		},
		{
			name:   "a stylesheet",
			file:   "static/css/portal.css",
			static: []string{"css/portal.css"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, src := newTestSession(t)
			if tt.file != "" {
				if strings.HasPrefix(tt.file, "static/") {
					os.MkdirAll(filepath.Join(src, "static/css"), 0o755)
					os.WriteFile(filepath.Join(src, tt.file), []byte("body{color:red}"), 0o644)
				} else {
					edit(t, src, tt.file, tt.old, tt.new)
				}
			}
			up, err := buildAll(t, s)
			if err != nil {
				t.Fatal(err)
			}
			got := up.Rendered
			want := tt.want
			// Facet lists are many; compare exactly but allow the test to list
			// only the pages it names plus every facet page of the same kind.
			if !subsetMatch(got, want) {
				t.Errorf("rendered again:\n  %s\nwant exactly:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			// A changed text changes the search index of its language, in
			// shards named by content; compare the rest exactly.
			var static []string
			searched := false
			for _, f := range up.Static {
				if strings.Contains(f, "/index/") && (strings.HasPrefix(f, "cs/hledat/") || strings.HasPrefix(f, "en/search/")) {
					searched = true
					continue
				}
				static = append(static, f)
			}
			if !reflect.DeepEqual(static, tt.static) {
				t.Errorf("static changed: %v, want %v", static, tt.static)
			}
			if tt.file != "" && strings.HasPrefix(tt.file, "content/") && !searched {
				t.Error("a text change did not update the search index")
			}
			if tt.name == "a stylesheet" && !up.CSSOnly() {
				t.Error("a stylesheet change should be CSS-only")
			}
		})
	}
}

// subsetMatch reports whether got is exactly want, except that where want
// names the full project list of a language, every facet list of that
// language may be in got too (they all show the facet sidebar).
func subsetMatch(got, want []string) bool {
	w := map[string]bool{}
	facets := map[string]bool{}
	for _, p := range want {
		w[p] = true
		if p == "cs/projekty/index.html" {
			facets["cs/projekty/"] = true
		}
		if p == "en/projects/index.html" {
			facets["en/projects/"] = true
		}
	}
	seen := map[string]bool{}
	for _, p := range got {
		seen[p] = true
		if w[p] {
			continue
		}
		ok := false
		for prefix := range facets {
			if strings.HasPrefix(p, prefix) && strings.Count(p, "/") == 4 {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	for p := range w {
		if !seen[p] {
			return false
		}
	}
	return true
}

// TestSessionKeepsLastGoodSite: a broken save leaves the served files alone.
func TestSessionKeepsLastGoodSite(t *testing.T) {
	s, src := newTestSession(t)
	before, ok := s.File("cs/projekty/animace/index.html")
	if !ok {
		t.Fatal("page missing")
	}
	edit(t, src, "content/projects/animace.cs.md", `status = "running"`, `status = "runing"`)
	if _, err := buildAll(t, s); err == nil || !strings.Contains(err.Error(), "animace.cs.md:6: status") {
		t.Fatalf("err = %v", err)
	}
	after, _ := s.File("cs/projekty/animace/index.html")
	if string(after) != string(before) {
		t.Error("a failed build changed the served page")
	}
	edit(t, src, "content/projects/animace.cs.md", `status = "runing"`, `status = "finished"`)
	up, err := s.Build()
	if err != nil {
		t.Fatal(err)
	}
	fixedPage, _ := s.File("cs/projekty/animace/index.html")
	if !strings.Contains(string(fixedPage), "Dokončeno") || len(up.Rendered) == 0 {
		t.Error("the fixed page was not rendered again")
	}
}

// TestSessionLayoutEdit: the session keeps parsed templates between
// builds, so an edited layout must be parsed again and show on every page.
func TestSessionLayoutEdit(t *testing.T) {
	s, src := newTestSession(t)
	base, err := fs.ReadFile(portal.Theme, "layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(src, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, mark := range []string{"první-značka", "druhá-značka"} {
		page := strings.Replace(string(base), "<main id=\"main\"", "<p>"+mark+"</p><main id=\"main\"", 1)
		if err := os.WriteFile(filepath.Join(src, "layouts/base.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		up, err := s.Build()
		if err != nil {
			t.Fatal(err)
		}
		if len(up.Rendered) != up.Pages {
			t.Errorf("%s: %d of %d pages rendered again", mark, len(up.Rendered), up.Pages)
		}
		got, _ := s.File("cs/projekty/index.html")
		if !strings.Contains(string(got), mark) {
			t.Errorf("the edited layout (%s) is not on the page", mark)
		}
	}
}

// TestSessionDataSameAsBuild: after each of a sequence of saves, the data
// files a session made again from what changed (the search index kept
// between builds, the open data) are the bytes a build from scratch
// writes, and no other data file is there or missing.
func TestSessionDataSameAsBuild(t *testing.T) {
	s, src := newTestSession(t)
	steps := []struct {
		name string
		do   func()
	}{
		{"a card's body", func() {
			edit(t, src, "content/projects/animace.cs.md", "Projekt vychází", "Projekt stojí")
		}},
		{"a card's title", func() {
			edit(t, src, "content/projects/animace.en.md", `title = "`, `title = "New `)
		}},
		{"a project added", func() {
			data, err := os.ReadFile(filepath.Join(src, "content/projects/jednotka.cs.md"))
			if err != nil {
				t.Fatal(err)
			}
			card := strings.Replace(string(data), "Koordinační jednotka", "Druhá koordinační jednotka", 1)
			if err := os.WriteFile(filepath.Join(src, "content/projects/druha-jednotka.cs.md"), []byte(card), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"a project deleted", func() {
			if err := os.Remove(filepath.Join(src, "content/projects/jednotka.cs.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a partner's name", func() {
			edit(t, src, "content/partners/zatec.en.md", `title = "Žatec"`, `title = "Zatec (Saaz)"`)
		}},
		{"an indicator's numbers", func() {
			edit(t, src, "content/indicators/akce.csv", "2024-Q3;5,5", "2024-Q3;7,25")
		}},
		{"an indicator's source, after a broken save", func() {
			edit(t, src, "content/indicators/akce.toml", `periodicity = "quarterly"`, `periodicity = "quartely"`)
			if _, err := buildAll(t, s); err == nil {
				t.Fatal("a misspelt periodicity built")
			}
			edit(t, src, "content/indicators/akce.toml", `periodicity = "quartely"`, `periodicity = "quarterly"`)
			edit(t, src, "content/indicators/akce.toml", `source = "Zkušební data"`, `source = "Jiná data"`)
		}},
	}
	for _, st := range steps {
		st.do()
		if _, err := buildAll(t, s); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		sameDataAsBuild(t, s, src, st.name)
	}
}

// TestSessionDataOvertaken: when saves come faster than the data files
// are made, the data files served in the end are those of the last save.
func TestSessionDataOvertaken(t *testing.T) {
	s, src := newTestSession(t)
	var ups []Update
	s.OnData(func(up Update) { ups = append(ups, up) })
	for i, word := range []string{"stojí", "leží", "běží"} {
		prev := "Projekt vychází"
		if i > 0 {
			prev = "Projekt " + []string{"stojí", "leží"}[i-1]
		}
		edit(t, src, "content/projects/animace.cs.md", prev, "Projekt "+word)
		if _, err := s.Build(); err != nil {
			t.Fatal(err)
		}
	}
	s.WaitData()
	if len(ups) == 0 || len(ups) > 3 {
		t.Errorf("%d data updates after 3 builds", len(ups))
	}
	sameDataAsBuild(t, s, src, "three saves at once")
}

// sameDataAsBuild fails unless the session's data files are the bytes a
// build of src from scratch writes, and the build writes no other data
// file.
func sameDataAsBuild(t *testing.T, s *Session, src, step string) {
	t.Helper()
	out := t.TempDir()
	if _, err := Build(Config{Src: src, Out: out, Theme: portal.Theme, NoMinify: true, Updated: fixed}); err != nil {
		t.Fatalf("%s: build: %v", step, err)
	}
	data := *s.data.Load()
	for f, b := range data {
		want, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil {
			t.Errorf("%s: %s is not in the build: %v", step, f, err)
			continue
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s: %s differs from the build's", step, f)
		}
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		switch path.Ext(rel) {
		case ".json", ".jsonld", ".csv", ".xml", ".txt":
			if _, ok := data[rel]; !ok && !strings.HasPrefix(rel, "media/") {
				t.Errorf("%s: the build wrote %s, the session has no such data file", step, rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSessionDataOnRequest: a data file asked for before the data step of
// the last save ran by itself is made then: never the old one.
func TestSessionDataOnRequest(t *testing.T) {
	s, src := newTestSession(t)
	s.DataDelay = time.Hour
	edit(t, src, "content/indicators/akce.csv", "2024-Q3;5,5", "2024-Q3;7,25")
	if _, err := s.Build(); err != nil {
		t.Fatal(err)
	}
	data, ok := s.File("data/indicators/akce.csv")
	if !ok || !strings.Contains(string(data), "7.25") {
		t.Errorf("data/indicators/akce.csv after the save:\n%s", data)
	}
	if _, ok := s.File("cs/projekty/animace/index.html"); !ok {
		t.Error("a page is missing")
	}
}
