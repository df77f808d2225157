package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/markdown"
)

func gen200(t *testing.T, seed string) string {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-n", "200", "-seed", seed, "-out", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("gensite exited %d: %s", code, stderr.String())
	}
	return dir
}

// tree maps every file below dir (slash paths) to its content.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSameSeedSameBytes(t *testing.T) {
	a, b := tree(t, gen200(t, "1")), tree(t, gen200(t, "1"))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	c := tree(t, gen200(t, "2"))
	if bytes.Equal(a["content/site.toml"], nil) || equalTrees(a, c) {
		t.Error("seed 2 gave the same site as seed 1")
	}
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func TestLoads(t *testing.T) {
	dir := gen200(t, "1")
	s, err := content.Load(os.DirFS(dir), content.Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, w := range s.Warnings {
		t.Errorf("warning: %v", w)
	}
	if len(s.Projects) != 200 || len(s.Partners) < 4 || len(s.Indicators) != 40 || len(s.Pages) != 3 {
		t.Errorf("got %d projects, %d partners, %d indicators, %d pages", len(s.Projects), len(s.Partners), len(s.Indicators), len(s.Pages))
	}
	fallback := 0
	for _, pr := range s.Projects {
		if pr.Texts["en"].Fallback {
			fallback++
		}
	}
	if fallback < 5 || fallback > 40 {
		t.Errorf("%d of 200 projects untranslated, want about 10 %%", fallback)
	}
}

func TestRefusesNonEmptyFolder(t *testing.T) {
	dir := gen200(t, "1")
	if code := run([]string{"-n", "10", "-out", dir}, io.Discard, io.Discard); code == 0 {
		t.Fatal("wrote into a non-empty folder without -force")
	}
	var stdout bytes.Buffer
	if code := run([]string{"-n", "10", "-out", dir, "-force", "-win1250"}, &stdout, io.Discard); code != 0 {
		t.Fatal("-force failed")
	}
	if !strings.Contains(stdout.String(), "not implemented") {
		t.Errorf("summary does not say that -win1250 is not implemented: %s", stdout.String())
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "projects"))
	if len(entries) > 20 {
		t.Errorf("-force left %d project files of the previous run", len(entries))
	}
}

func TestICO(t *testing.T) {
	g := generate(1, 7)
	for range 1000 {
		if ico := g.ico(); content.CheckICO(ico) != nil {
			t.Fatalf("invalid IČO %s: %v", ico, content.CheckICO(ico))
		}
	}
}

// TestStories: -stories adds valid story bundles (every page type exists
// in a generated site) and changes no other file.
func TestStories(t *testing.T) {
	plain := tree(t, gen200(t, "1"))
	dir := t.TempDir()
	if code := run([]string{"-n", "200", "-seed", "1", "-stories", "3", "-out", dir}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("gensite -stories 3 exited %d", code)
	}
	with := tree(t, dir)
	for name, data := range with {
		if strings.HasPrefix(name, "content/stories/") {
			continue
		}
		if !bytes.Equal(data, plain[name]) {
			t.Errorf("%s differs from the site without -stories", name)
		}
	}
	if len(with) != len(plain)+3*4+5 {
		t.Errorf("%d files with 3 stories, %d without; want 3 × 4 photos and 5 texts more", len(with), len(plain))
	}
	s, err := content.Load(os.DirFS(dir), content.Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, w := range s.Warnings {
		t.Errorf("warning: %v", w)
	}
	if len(s.Stories) != 3 {
		t.Fatalf("got %d stories, want 3", len(s.Stories))
	}
	fallback := 0
	for _, st := range s.Stories {
		if st.Cover == "" || len(st.Images) != 4 {
			t.Errorf("story %s: cover %q, images %v; want a cover and 4 photos", st.Dir, st.Cover, st.Images)
		}
		if st.Texts["en"].Fallback {
			fallback++
		}
	}
	if fallback != 1 {
		t.Errorf("%d stories without English, want 1", fallback)
	}
}
