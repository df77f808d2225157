package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	portal "github.com/transformace/portal"
)

// TestRebuildKeepsOnlyWhatIsTheSame: a build into the folder of an earlier
// build keeps the pages whose inputs did not change instead of rendering
// them (render.Options.Build). After every kind of change it must publish
// exactly what a build into an empty folder publishes, file for file and
// byte for byte; and it must keep pages, or it would be no faster.
func TestRebuildKeepsOnlyWhatIsTheSame(t *testing.T) {
	src := storySite(t) // the fixture with a photo story
	out := filepath.Join(t.TempDir(), "public")
	build := func(out, baseURL string) Result {
		t.Helper()
		res, err := Build(Config{Src: src, Out: out, Theme: portal.Theme, Updated: fixed, BaseURL: baseURL})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build(out, "")
	if first.Kept != 0 {
		t.Fatalf("the first build kept %d pages from nothing", first.Kept)
	}
	overrideFn := func(name, old, new string) func() { return func() { override(t, src, name, old, new) } }
	editFn := func(file, old, new string) func() { return func() { edit(t, src, file, old, new) } }
	steps := []struct {
		name    string
		change  func()
		baseURL string
		// all: every page is rendered again; otherwise at least one page
		// is rendered and at least one kept.
		all, none bool
	}{
		{name: "nothing", change: func() {}, none: true},
		{name: "body of a project", change: editFn("content/projects/jednotka.cs.md", "Zatím jen", "Dosud jen")},
		{name: "title of a project", change: editFn("content/projects/jednotka.cs.md", `"Koordinační jednotka"`, `"Koordinační tým"`)},
		{name: "status of a project", change: editFn("content/projects/jednotka.cs.md", `"preparation"`, `"running"`)},
		{name: "name of a partner", change: editFn("content/partners/zatec.cs.md", `title = "Žatec"`, `title = "Město Žatec"`)},
		{name: "summary of a partner", change: editFn("content/partners/zatec.cs.md", `summary = "Partner Žatec."`, `summary = "Město Žatec."`)},
		{name: "IČO of a partner", change: editFn("content/partners/cheb.cs.md", `ico = "00253979"`, `ico = "00253987"`)},
		{name: "EU funding of a project", change: editFn("content/projects/animace.cs.md", "eu_funding_czk = 46_473_750", "eu_funding_czk = 40_000_000")},
		{name: "a figure of an indicator", change: editFn("content/indicators/akce.csv", "2024-Q3;5,5", "2024-Q3;6")},
		{name: "a new project", change: func() {
			data, err := os.ReadFile(filepath.Join(src, "content/projects/jednotka.cs.md"))
			if err != nil {
				t.Fatal(err)
			}
			data = bytes.Replace(data, []byte(`"Koordinační tým"`), []byte(`"Druhá jednotka"`), 1)
			if err := os.WriteFile(filepath.Join(src, "content/projects/druha.cs.md"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a project removed", change: func() {
			if err := os.Remove(filepath.Join(src, "content/projects/druha.cs.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "title of an indicator", change: editFn("content/indicators/akce.toml", `cs = "Počet akcí"`, `cs = "Počet akcí v kraji"`)},
		{name: "target of an indicator", change: editFn("content/indicators/akce.toml", "target = 12", "target = 10")},
		{name: "title of a free page", change: editFn("content/pages/accessibility.cs.md", `"Prohlášení o přístupnosti"`, `"Přístupnost"`), all: true}, // in every footer
		{name: "kind of a partner", change: editFn("content/partners/cheb.cs.md", `kind = "municipality"`, `kind = "ngo"`)},
		{name: "region of a project", change: editFn("content/projects/animace.cs.md", `region = "ustecky"`, `region = "karlovarsky"`)},
		{name: "topics of a project", change: editFn("content/projects/animace.cs.md", `tags = ["venkov", "energetika"]`, `tags = ["venkov"]`)},
		{name: "a story's text", change: editFn("content/stories/jezero/index.cs.md", "Úvod.", "Úvodem.")},
		{name: "a story's photo", change: func() {
			p := filepath.Join(src, "content/stories/jezero/pred.jpg")
			if err := os.WriteFile(p, storyJPEG(t, 900, 600, 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a story's cover", change: func() {
			p := filepath.Join(src, "content/stories/jezero/jezero.jpg")
			if err := os.WriteFile(p, storyJPEG(t, 1800, 1200, 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a story's photo credit", change: editFn("content/stories/jezero/index.cs.md", `credit = "Foto: Jana Nová, CC BY 4.0"`, `credit = "Foto: Jana Nová a Petr Malý, CC BY 4.0"`)},
		{name: "an about page", all: true, change: func() { // in every footer
			for lang, text := range map[string]string{"cs": "+++\ntitle = \"O portálu\"\nsummary = \"Kdo portál vede.\"\nslug = \"o-portalu\"\n+++\n\nText.\n", "en": "+++\ntitle = \"About\"\nsummary = \"Who runs the portal.\"\nslug = \"about\"\n+++\n\nText.\n"} {
				if err := os.WriteFile(filepath.Join(src, "content/pages/about."+lang+".md"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{name: "summary of the about page", change: editFn("content/pages/about.cs.md", "Kdo portál vede.", "Kdo portál vede a proč.")},
		{name: "a story's date", change: editFn("content/stories/jezero/index.cs.md", "date = 2026-01-15", "date = 2025-01-15")},
		{name: "a UI string", change: overrideFn("layouts/i18n/en.toml", `"Skip to content"`, `"Skip to the content"`)},
		{name: "a layout", change: overrideFn("layouts/project.html", "</dl>", "</dl>\n<hr>")},
		{name: "a stylesheet", change: overrideFn("static/css/portal.css", "{", "{\n/* changed */"), all: true},
		{name: "site.toml", change: editFn("content/site.toml", `cs = "Zkušební portál"`, `cs = "Zkušební portál kraje"`), all: true},
		{name: "the only story removed", all: true, change: func() { // the menu loses "Stories"
			if err := os.RemoveAll(filepath.Join(src, "content/stories")); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "base URL", change: func() {}, baseURL: "https://preview.example.cz/", all: true},
	}
	for i, st := range steps {
		st.change()
		res := build(out, st.baseURL)
		fresh := filepath.Join(t.TempDir(), fmt.Sprintf("fresh-%d", i))
		build(fresh, st.baseURL)
		if diff := diffTrees(t, out, fresh); diff != "" {
			t.Errorf("%s: the rebuild differs from a fresh build:\n%s", st.name, diff)
		}
		rendered := pageCount(res) - res.Kept
		switch {
		case st.none && res.Kept != pageCount(res):
			t.Errorf("%s: %d of %d pages rendered again", st.name, rendered, pageCount(res))
		case st.all && res.Kept != 0:
			t.Errorf("%s: %d pages kept, want every page rendered", st.name, res.Kept)
		case !st.none && !st.all && (rendered == 0 || res.Kept == 0):
			t.Errorf("%s: %d pages rendered, %d kept; want some of each", st.name, rendered, res.Kept)
		}
		t.Logf("%s: %d of %d pages rendered", st.name, rendered, pageCount(res))
	}
}

func pageCount(r Result) int {
	n := 0
	for _, c := range r.Pages {
		n += c
	}
	return n
}

var markerTimeRe = regexp.MustCompile(`\t([0-9]+)\t[0-9]+(\n|$)`)

// diffTrees lists the files that differ between two folders, or "".
func diffTrees(t *testing.T, a, b string) string {
	t.Helper()
	read := func(root string) map[string][]byte {
		files := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			files[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	fa, fb := read(a), read(b)
	// The marker records each kept file's modification time, which two
	// builds cannot share; the rest of it must be the same.
	for _, files := range []map[string][]byte{fa, fb} {
		if m, ok := files[".portal-build"]; ok {
			files[".portal-build"] = markerTimeRe.ReplaceAll(m, []byte("\t$1\tTIME$2"))
		}
	}
	return diffFiles("the rebuild", fa, fb)
}

// diffFiles lists the files of a (named what) and b that differ, sorted,
// at most 20 of them, or "".
func diffFiles(what string, fa, fb map[string][]byte) string {
	var diffs []string
	for name, da := range fa {
		db, ok := fb[name]
		switch {
		case !ok:
			diffs = append(diffs, "only in "+what+": "+name)
		case !bytes.Equal(da, db):
			diffs = append(diffs, "differs: "+name+": "+firstDifference(da, db))
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			diffs = append(diffs, "missing from "+what+": "+name)
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 20 {
		diffs = append(diffs[:20], fmt.Sprintf("… %d more", len(diffs)-20))
	}
	return strings.Join(diffs, "\n")
}

// firstDifference shows both files around the first byte where they differ.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-60, 0)
	return fmt.Sprintf("\n    rebuild: …%q…\n    fresh:   …%q…", a[from:min(i+60, len(a))], b[from:min(i+60, len(b))])
}
