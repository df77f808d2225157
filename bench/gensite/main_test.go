package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/markdown"
)

// gen200 runs gensite -n 200 -seed seed with the given extra flags and
// returns the site folder.
func gen200(t *testing.T, seed string, flags ...string) string {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	args := append([]string{"-n", "200", "-seed", seed, "-out", dir}, flags...)
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("gensite %s exited %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	return dir
}

func load(t *testing.T, dir string) *content.Site {
	t.Helper()
	s, err := content.Load(os.DirFS(dir), content.Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, w := range s.Warnings {
		t.Errorf("warning: %v", w)
	}
	return s
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

// TestLoads: the default site (1 story for n = 200, windows-1250 CSVs)
// loads without errors or warnings, and the series names of every
// indicator, also those read from windows-1250, are the generator's.
func TestLoads(t *testing.T) {
	dir := gen200(t, "1")
	s := load(t, dir)
	if len(s.Projects) != 200 || len(s.Partners) < 4 || len(s.Indicators) != 40 || len(s.Pages) != 3 || len(s.Stories) != 1 {
		t.Errorf("got %d projects, %d partners, %d indicators, %d pages, %d stories", len(s.Projects), len(s.Partners), len(s.Indicators), len(s.Pages), len(s.Stories))
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
	names := map[string]bool{}
	for _, k := range indicatorKinds {
		for _, s := range k.series {
			names[s] = true
		}
	}
	cp := 0
	for _, ind := range s.Indicators {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(ind.DataFile)))
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(data) {
			cp++
		}
		for _, name := range ind.Series {
			if !names[name] {
				t.Errorf("%s: series %q is not one the generator wrote (wrong decoding?)", ind.DataFile, name)
			}
		}
	}
	if cp < 3 {
		t.Errorf("%d of 40 CSVs in windows-1250, want about one in six", cp)
	}
}

// TestWin1250: -win1250 (the default) rewrites every other Czech Excel CSV
// in windows-1250 without a byte order mark, with the same text, and
// changes no other file.
func TestWin1250(t *testing.T) {
	cp, utf := tree(t, gen200(t, "1")), tree(t, gen200(t, "1", "-win1250=false"))
	if len(cp) != len(utf) {
		t.Fatalf("%d files with -win1250, %d without", len(cp), len(utf))
	}
	excel, changed := 0, 0
	for name, u := range utf {
		if bytes.HasPrefix(u, []byte("\ufeff")) {
			excel++
		}
		c, ok := cp[name]
		if !ok {
			t.Errorf("%s is missing with -win1250", name)
			continue
		}
		if bytes.Equal(c, u) {
			continue
		}
		changed++
		if !strings.HasPrefix(name, "content/indicators/") || !strings.HasSuffix(name, ".csv") {
			t.Errorf("%s differs with -win1250", name)
			continue
		}
		if !bytes.HasPrefix(u, []byte("\ufeff")) || !bytes.Contains(u, []byte(";")) || !bytes.Contains(u, []byte("\r\n")) {
			t.Errorf("%s: a CSV that is not a Czech Excel export (BOM, ';', CRLF) was changed", name)
		}
		if utf8.Valid(c) {
			t.Errorf("%s: windows-1250 but also valid UTF-8, so the reader cannot tell: %q", name, c[:min(len(c), 60)])
		}
		dec, err := charmap.Windows1250.NewDecoder().Bytes(c)
		if err != nil || !bytes.Equal(dec, bytes.TrimPrefix(u, []byte("\ufeff"))) {
			t.Errorf("%s: windows-1250 decodes to %q, want the UTF-8 text without BOM %q (%v)", name, dec[:min(len(dec), 60)], u[3:min(len(u), 63)], err)
		}
	}
	if excel < 6 || changed != (excel+1)/2 {
		t.Errorf("%d of %d Czech Excel CSVs in windows-1250, want every other one", changed, excel)
	}
}

func TestRefusesNonEmptyFolder(t *testing.T) {
	dir := gen200(t, "1")
	if code := run([]string{"-n", "10", "-out", dir}, io.Discard, io.Discard); code == 0 {
		t.Fatal("wrote into a non-empty folder without -force")
	}
	var stdout bytes.Buffer
	if code := run([]string{"-n", "10", "-out", dir, "-force", "-win1250=false"}, &stdout, io.Discard); code != 0 {
		t.Fatal("-force failed")
	}
	if !strings.Contains(stdout.String(), "0 of them windows-1250), 1 stories") {
		t.Errorf("summary does not count windows-1250 CSVs and stories: %s", stdout.String())
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "projects"))
	if len(entries) > 20 {
		t.Errorf("-force left %d project files of the previous run", len(entries))
	}
}

func TestICO(t *testing.T) {
	g := generate(1, 7, options{})
	for range 1000 {
		if ico := g.ico(); content.CheckICO(ico) != nil {
			t.Fatalf("invalid IČO %s: %v", ico, content.CheckICO(ico))
		}
	}
}

// TestStories: stories (by default max(n/200, 1), or -stories K) are
// valid bundles (every page type exists in a generated site), and their
// number changes no file outside content/stories/; -stories 0 writes none.
func TestStories(t *testing.T) {
	none := tree(t, gen200(t, "1", "-stories", "0"))
	for name := range none {
		if strings.HasPrefix(name, "content/stories/") {
			t.Fatalf("-stories 0 wrote %s", name)
		}
	}
	def := tree(t, gen200(t, "1"))
	dir := gen200(t, "1", "-stories", "3")
	three := tree(t, dir)
	for _, with := range []map[string][]byte{def, three} {
		for name, data := range with {
			if strings.HasPrefix(name, "content/stories/") {
				continue
			}
			if !bytes.Equal(data, none[name]) {
				t.Errorf("%s differs from the site with -stories 0", name)
			}
		}
	}
	if len(def) != len(none)+4+2 {
		t.Errorf("%d files by default, %d with -stories 0; want 1 story (4 photos, 2 texts) more", len(def), len(none))
	}
	if len(three) != len(none)+3*4+5 {
		t.Errorf("%d files with 3 stories, %d without; want 3 × 4 photos and 5 texts more", len(three), len(none))
	}
	s := load(t, dir)
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
