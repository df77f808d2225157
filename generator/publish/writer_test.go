package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// pastTime is the modification time tests give a previous build's files, so
// that any rewrite shows.
func pastTime() time.Time { return time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC) }

// testAssets stands in for the theme's static files.
func testAssets() fstest.MapFS {
	return fstest.MapFS{
		"img/logo.png":   {Data: []byte("\x89PNG\r\n\x1a\nnot really a png")},
		"fonts/a.woff2":  {Data: bytes.Repeat([]byte("woff2 "), 30000)}, // > bufSize: compared in chunks
		"data/2024.csv":  {Data: []byte("rok;částka\n2024;1 234,5\n")},
		"img/folder/x.a": {Data: []byte("x")},
	}
}

// site is one build's input: rel path -> content.
type site map[string]string

func exampleSite() site {
	return site{
		"index.html":          "<!DOCTYPE html>\n<html lang=\"cs\">\n<head><title>Portál</title></head>\n<body>\n  <p>Vítejte</p>\n</body>\n</html>\n",
		"cs/o-nas/index.html": "<html lang=\"cs\"><body><h1>O nás</h1></body></html>",
		"en/about/index.html": "<html lang=\"en\"><body><h1>About</h1></body></html>",
		"css/site.css":        "body {\n  margin: 0px;\n}\n",
		"data/výdaje.csv":     "rok;částka\n2024;  1 234,5\n",
		"sitemap.xml":         "<?xml version=\"1.0\"?>\n<urlset>\n  <url><loc>https://example.cz/</loc></url>\n</urlset>\n",
	}
}

// build publishes s plus the assets into out with one Writer, writing
// through all three entry points, and returns the Writer's stats.
func build(t testing.TB, out string, s site) Stats {
	t.Helper()
	assets := testAssets()
	w, err := NewWriter(out, Options{Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	for _, rel := range sortedKeys(s) {
		if err := w.WriteFile(rel, []byte(s[rel])); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range sortedKeys(assets) {
		if err := w.CopyFile("static/"+name, assets, name); err != nil {
			t.Fatal(err)
		}
	}
	for _, rel := range []string{"stream/big.txt", "stream/page.html"} {
		f, err := w.Create(rel)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3000 {
			fmt.Fprintf(f, "<p>řádek %d</p>\n", i)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return w.Stats()
}

const streamFiles = 2

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// fileState is what a deploy tool sees of a file.
type fileState struct {
	data  string
	mtime time.Time
	info  fs.FileInfo
}

// snapshot reads every file under dir, keyed by slash path.
func snapshot(t testing.TB, dir string) map[string]fileState {
	t.Helper()
	files := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = fileState{string(data), info.ModTime(), info}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// setPast gives every file under dir the modification time past.
func setPast(t *testing.T, dir string) {
	t.Helper()
	for rel := range snapshot(t, dir) {
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(rel)), pastTime(), pastTime()); err != nil {
			t.Fatal(err)
		}
	}
}

// entries lists the names in dir, to see that no temporary folder is left.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestFullCycle(t *testing.T) {
	assets := testAssets()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	s := exampleSite()
	st := build(t, out, s)

	files := snapshot(t, out)
	want := len(s) + len(assets) + streamFiles
	if st.Files != want || st.Unchanged != 0 {
		t.Errorf("Stats = %+v, want %d files, 0 unchanged", st, want)
	}
	if len(files) != want+1 {
		t.Errorf("%d files in %s, want %d and the marker", len(files), out, want)
	}
	var total int64
	for rel, f := range files {
		if rel != Marker {
			total += int64(len(f.data))
		}
		if runtime.GOOS != "windows" && f.info.Mode().Perm() != filePerm {
			t.Errorf("%s: mode %v, want %v", rel, f.info.Mode().Perm(), filePerm)
		}
	}
	if st.Bytes != total {
		t.Errorf("Stats.Bytes = %d, want %d", st.Bytes, total)
	}
	if m, ok := files[Marker]; !ok || !strings.HasPrefix(m.data, markerText+fileListHeader) || !strings.Contains(m.data, "\ncs/o-nas/index.html\n") || !strings.Contains(m.data, "\nsitemap.xml\t") {
		t.Errorf("marker missing or wrong: %q", m.data)
	}
	for _, name := range sortedKeys(assets) {
		if got := files["static/"+name].data; got != string(assets[name].Data) {
			t.Errorf("static/%s changed by copying", name)
		}
	}
	if got := files["data/výdaje.csv"].data; got != s["data/výdaje.csv"] {
		t.Errorf("CSV changed: %q", got)
	}
	if got := files["cs/o-nas/index.html"].data; got != `<html lang="cs"><body><h1>O nás</h1></body></html>` {
		t.Errorf("HTML = %q", got)
	}
	if runtime.GOOS != "windows" {
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if fi, err := d.Info(); err == nil && d.IsDir() && fi.Mode().Perm() != dirPerm {
				t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), dirPerm)
			}
			return nil
		})
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output folder: %v, want only public", got)
	}
}

func TestWriterAfterCommit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	w, err := NewWriter(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteFile("a.txt", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Errorf("Abort after Commit: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "a.txt")); err != nil {
		t.Errorf("Abort after Commit removed the site: %v", err)
	}
	if err := w.WriteFile("b.txt", nil); err == nil {
		t.Error("WriteFile after Commit succeeded")
	}
	if err := w.Commit(); err == nil {
		t.Error("second Commit succeeded")
	}
}

func TestAbortLeavesPreviousSite(t *testing.T) {
	assets := testAssets()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build(t, out, exampleSite())
	setPast(t, out)
	before := snapshot(t, out)

	// A build that fails half-way: some files identical to the previous
	// build (so they are not written), some changed, one new, then an
	// error and the deferred Abort.
	fail := func() error {
		w, err := NewWriter(out, Options{Minify: true})
		if err != nil {
			return err
		}
		defer w.Abort()
		s := exampleSite()
		s["index.html"] = "<p>nový obsah</p>"
		s["new.html"] = "<p>new</p>"
		for _, rel := range sortedKeys(s) {
			if err := w.WriteFile(rel, []byte(s[rel])); err != nil {
				return err
			}
		}
		if err := w.CopyFile("static/img/logo.png", assets, "img/logo.png"); err != nil {
			return err
		}
		f, _ := w.Create("stream/big.txt")
		f.Write([]byte("half a file"))
		f.Close()
		if w.Stats().Unchanged == 0 {
			t.Error("no file was unchanged; the test does not cover them")
		}
		return w.WriteFile("../escape.html", nil)
	}
	if err := fail(); err == nil {
		t.Fatal("the failing build did not fail")
	}

	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Errorf("%d files after the failed build, %d before", len(after), len(before))
	}
	for rel, b := range before {
		a, ok := after[rel]
		switch {
		case !ok:
			t.Errorf("%s: gone", rel)
		case a.data != b.data:
			t.Errorf("%s: content changed", rel)
		case !a.mtime.Equal(b.mtime):
			t.Errorf("%s: modification time changed", rel)
		case runtime.GOOS != "windows" && a.info.Mode() != b.info.Mode():
			t.Errorf("%s: mode changed", rel)
		}
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output folder: %v, want only public", got)
	}
}

func TestRebuildKeepsModTimes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, exampleSite())
	setPast(t, out)
	// The marker records the times of the files it keeps sums of; a build
	// after they were changed by hand records the new ones, and the next
	// build changes nothing at all, not even the marker.
	build(t, out, exampleSite())
	setPast(t, out)
	build(t, out, exampleSite())
	before := snapshot(t, out)

	st := build(t, out, exampleSite())
	after := snapshot(t, out)
	if st.Unchanged != st.Files || st.Files != len(before)-1 {
		t.Errorf("Stats = %+v, want all %d files unchanged", st, len(before)-1)
	}
	for rel, b := range before {
		a := after[rel]
		if a.data != b.data {
			t.Errorf("%s: content changed", rel)
		}
		if !a.mtime.Equal(pastTime()) {
			t.Errorf("%s: modification time %v, want %v", rel, a.mtime, pastTime())
		}
		if !os.SameFile(a.info, b.info) {
			t.Errorf("%s: not the same inode", rel)
		}
	}
}

func TestChangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, exampleSite())
	setPast(t, out)

	s := exampleSite()
	s["cs/o-nas/index.html"] = strings.Replace(s["cs/o-nas/index.html"], "O nás", "O NÁS", 1) // same size
	s["css/site.css"] = "body { margin: 1em }"
	s["data/výdaje.csv"] += "2025;0\n"
	delete(s, "en/about/index.html")
	s["en/contact/index.html"] = "<p>new page</p>"

	st := build(t, out, s)
	files := snapshot(t, out)
	changed := []string{"cs/o-nas/index.html", "css/site.css", "data/výdaje.csv", "en/contact/index.html"}
	for _, rel := range changed {
		if files[rel].mtime.Equal(pastTime()) {
			t.Errorf("%s: changed but kept the old modification time", rel)
		}
	}
	if got := files["cs/o-nas/index.html"].data; !strings.Contains(got, "O NÁS") {
		t.Errorf("changed page not written: %q", got)
	}
	if got := files["css/site.css"].data; got != "body{margin:1em}" {
		t.Errorf("changed CSS = %q", got)
	}
	if got := files["data/výdaje.csv"].data; got != s["data/výdaje.csv"] {
		t.Errorf("changed CSV = %q", got)
	}
	if _, ok := files["en/about/index.html"]; ok {
		t.Error("a page dropped from the build is still published")
	}
	if want := st.Files - len(changed); st.Unchanged != want {
		t.Errorf("Stats = %+v, want %d unchanged", st, want)
	}
	if !files["index.html"].mtime.Equal(pastTime()) {
		t.Error("index.html: unchanged but rewritten")
	}
}

// TestChangedStreams covers the streaming comparison: same size but other
// bytes, longer, shorter, and bytes that differ only after the first
// compare buffer.
func TestChangedStreams(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789"), bufSize/5) // two buffers
	variants := map[string][]byte{}
	for name, edit := range map[string]func([]byte) []byte{
		"same":        func(b []byte) []byte { return b },
		"sameSize":    func(b []byte) []byte { b[len(b)-1] = 'x'; return b },
		"longer":      func(b []byte) []byte { return append(b, '!') },
		"shorter":     func(b []byte) []byte { return b[:len(b)-1] },
		"secondChunk": func(b []byte) []byte { b[bufSize+7] = 'x'; return b },
	} {
		variants[name+".bin"] = edit(slices.Clone(big))
	}
	out := filepath.Join(t.TempDir(), "public")
	publish := func(get func(string) []byte) Stats {
		w, err := NewWriter(out, Options{Minify: true})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Abort()
		for _, rel := range sortedKeys(variants) {
			f, err := w.Create(rel)
			if err != nil {
				t.Fatal(err)
			}
			data := get(rel)
			for len(data) > 0 { // uneven writes
				n := min(len(data), 10007)
				if _, err := f.Write(data[:n]); err != nil {
					t.Fatal(err)
				}
				data = data[n:]
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		return w.Stats()
	}
	publish(func(string) []byte { return big })
	setPast(t, out)
	st := publish(func(rel string) []byte { return variants[rel] })
	files := snapshot(t, out)
	for rel, want := range variants {
		if files[rel].data != string(want) {
			t.Errorf("%s: wrong content", rel)
		}
		if unchanged := rel == "same.bin"; files[rel].mtime.Equal(pastTime()) != unchanged {
			t.Errorf("%s: kept old modification time = %v, want %v", rel, !unchanged, unchanged)
		}
	}
	if st.Unchanged != 1 {
		t.Errorf("Stats = %+v, want 1 unchanged", st)
	}
}

func TestConcurrentWrites(t *testing.T) {
	assets := testAssets()
	out := filepath.Join(t.TempDir(), "public")
	const workers, perWorker = 8, 40
	publish := func() Stats {
		w, err := NewWriter(out, Options{Minify: true})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Abort()
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for g := range workers {
			wg.Go(func() {
				for i := range perWorker {
					var err error
					// Shared folders, so workers race to create them.
					rel := fmt.Sprintf("zpravy/%d/%d-%d/index.html", i%5, g, i)
					switch i % 3 {
					case 0:
						err = w.WriteFile(rel, []byte(fmt.Sprintf("<html lang=\"cs\"><p>%d %d</p></html>", g, i)))
					case 1:
						err = w.CopyFile(rel, assets, "data/2024.csv")
					case 2:
						var f io.WriteCloser
						if f, err = w.Create(rel); err == nil {
							fmt.Fprintf(f, "<p>%d</p>", i)
							err = f.Close()
						}
					}
					if err != nil {
						errs <- err
						return
					}
					_ = w.Stats()
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		return w.Stats()
	}
	if st := publish(); st.Files != workers*perWorker || st.Unchanged != 0 {
		t.Errorf("first build: Stats = %+v", st)
	}
	if st := publish(); st.Files != workers*perWorker || st.Unchanged != st.Files {
		t.Errorf("second build: Stats = %+v, want all unchanged", st)
	}
	if n := len(snapshot(t, out)); n != workers*perWorker+1 {
		t.Errorf("%d files published, want %d", n, workers*perWorker+1)
	}
}

func TestRelPathValidation(t *testing.T) {
	assets := testAssets()
	out := filepath.Join(t.TempDir(), "public")
	w, err := NewWriter(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	tests := []struct {
		rel  string
		want string // substring of the error; "" means accepted
	}{
		{"", "empty"},
		{".", "clean relative"},
		{"..", "clean relative"},
		{"../a.html", "clean relative"},
		{"a/../../b", "clean relative"},
		{"a/../b", "clean relative"},
		{"./a", "clean relative"},
		{"a//b", "clean relative"},
		{"a/", "clean relative"},
		{"/abs", "absolute"},
		{"/", "absolute"},
		{`a\b`, "backslash"},
		{`..\a`, "backslash"},
		{"a\x00b", "cannot be a file name"},
		{Marker, "reserved"},

		{"a.html", ""},
		{"cs/o-nas/index.html", ""},
		{".well-known/security.txt", ""},
		{"data/výdaje 2024.csv", ""},
		{"cs/" + Marker, ""},
		{"a..b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			checkRefusal(t, w.WriteFile(tt.rel, []byte("x")), tt.want)
			if tt.want != "" {
				if _, err := w.Create(tt.rel); err == nil {
					t.Error("Create accepted it")
				}
				if err := w.CopyFile(tt.rel, assets, "img/logo.png"); err == nil {
					t.Error("CopyFile accepted it")
				}
			}
		})
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, filepath.Dir(out)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("something escaped the output folder: %v", got)
	}
}

func TestWrittenTwice(t *testing.T) {
	assets := testAssets()
	w, err := NewWriter(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.WriteFile("a/index.html", []byte("1")); err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"WriteFile": w.WriteFile("a/index.html", []byte("2")),
		"CopyFile":  w.CopyFile("a/index.html", assets, "img/logo.png"),
	} {
		if err == nil || !strings.Contains(err.Error(), "written twice") {
			t.Errorf("%s: %v, want written twice", name, err)
		}
	}
	if _, err := w.Create("a/index.html"); err == nil {
		t.Error("Create: no error")
	}
	if err := w.WriteFile("a/index.html/x", []byte("1")); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("file under a file: %v", err)
	}
}

func TestCreate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	w, err := NewWriter(out, Options{Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	page, err := w.Create("index.html")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(page, "<html lang=\"cs\">\n  <body>\n")
	io.WriteString(page, "    <p>a</p>\n  </body>\n</html>\n")
	if err := w.Commit(); err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("Commit with an open file: %v", err)
	}
	if err := page.Close(); err != nil {
		t.Fatal(err)
	}
	if err := page.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := page.Write([]byte("x")); err == nil {
		t.Error("Write after Close succeeded")
	}
	bad, _ := w.Create("bad.json")
	io.WriteString(bad, "{ nope")
	if err := bad.Close(); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("minify error from Close: %v", err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if want := "<html lang=\"cs\">\n  <body>\n    <p>a</p>\n  </body>\n</html>\n"; string(got) != want {
		t.Errorf("index.html = %q, want it as written", got)
	}
}

func TestCreateAfterAbort(t *testing.T) {
	w, err := NewWriter(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.Create("a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("x"))
	if err := f.Close(); err == nil {
		t.Error("Close after Abort succeeded")
	}
	if err := w.WriteFile("b.txt", nil); err == nil {
		t.Error("WriteFile after Abort succeeded")
	}
	if err := w.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

func TestNewWriterRefuses(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	mustWrite(t, filepath.Join(docs, "zápis.docx"), "precious")
	if _, err := NewWriter(docs, Options{}); err == nil || !strings.Contains(err.Error(), Marker) {
		t.Errorf("NewWriter on a folder of documents: %v", err)
	}
	mustWrite(t, filepath.Join(dir, "file"), "x")
	if _, err := NewWriter(filepath.Join(dir, "file"), Options{}); err == nil {
		t.Error("NewWriter on a file: no error")
	}
	if _, err := NewWriter("", Options{}); err == nil {
		t.Error(`NewWriter(""): no error`)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"docs", "file"}) {
		t.Errorf("NewWriter left %v", got)
	}
	if data, _ := os.ReadFile(filepath.Join(docs, "zápis.docx")); string(data) != "precious" {
		t.Error("the documents were touched")
	}
}

// TestCommitRechecksOut covers a folder that stopped being a build while
// the build ran: Commit must not delete it.
func TestCommitRechecksOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, exampleSite())
	w, err := NewWriter(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	w.WriteFile("a.txt", []byte("a"))
	os.Remove(filepath.Join(out, Marker))
	if err := w.Commit(); err == nil {
		t.Fatal("Commit replaced a folder without the marker")
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("the previous site was touched: %v", err)
	}
	if err := w.Abort(); err != nil {
		t.Errorf("Abort after a failed Commit: %v", err)
	}
	if got := entries(t, filepath.Dir(out)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("left beside the output folder: %v", got)
	}
}

func TestStaleFolders(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build(t, out, exampleSite())
	const hex = "0123456789abcdef"
	stale := []string{
		"public.tmp-" + hex, // an interrupted build
		"public.old-" + hex, // a previous site an interrupted Commit did not remove
		"public.old-fedcba9876543210",
	}
	kept := []string{
		"public.old-00000000000000ff", // no marker, not empty: not ours to delete
		"public.tmp-xyz",              // not our pattern
		"public.tmp-" + hex + "0",     // not our pattern
		"other.tmp-" + hex,            // another output folder's
		"public.bak",
	}
	mustWrite(t, filepath.Join(dir, stale[0], "half.html"), "x")
	mustWrite(t, filepath.Join(dir, stale[1], Marker), markerText)
	mustWrite(t, filepath.Join(dir, stale[1], "a.html"), "x")
	mustMkdir(t, filepath.Join(dir, stale[2])) // empty: an empty out moved aside
	for _, k := range kept {
		mustWrite(t, filepath.Join(dir, k, "keep.txt"), "keep")
	}
	w, err := NewWriter(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(kept), "public")
	slices.Sort(want)
	if got := entries(t, dir); !slices.Equal(got, want) {
		t.Errorf("after NewWriter: %v, want %v", got, want)
	}
}

// TestInterruptedSwap covers an interruption between Commit's two renames:
// the output folder is missing and the previous site is beside it. The next
// NewWriter must put it back, not delete it.
func TestInterruptedSwap(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build(t, out, exampleSite())
	before := snapshot(t, out)
	aside := filepath.Join(dir, "public.old-0123456789abcdef")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "public.tmp-0123456789abcdef", "half.html"), "x")

	w, err := NewWriter(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil { // and this build fails too
		t.Fatal(err)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output folder: %v", got)
	}
	after := snapshot(t, out)
	for rel, b := range before {
		if after[rel].data != b.data {
			t.Errorf("%s: not restored", rel)
		}
	}
}

func TestSymlinkedOut(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "www", "site")
	build(t, real, exampleSite())
	link := filepath.Join(dir, "public")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	s := exampleSite()
	s["index.html"] = "<p>via the link</p>"
	st := build(t, link, s)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if got, _ := os.ReadFile(filepath.Join(real, "index.html")); string(got) != "<p>via the link</p>" {
		t.Errorf("index.html = %q", got)
	}
	if st.Unchanged == 0 {
		t.Error("no file reused through the link")
	}
}

func TestFreshEmptyOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mustMkdir(t, out) // exists, empty, no marker
	build(t, out, site{"a.html": "<p>a</p>"})
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Error(err)
	}
}

// TestUpdateInPlace: a rebuild updates the output folder in place. A page
// that is gone takes its emptied folders with it, a file may become a
// folder, the marker lists this build's files, and nothing is left
// beside the output folder.
func TestUpdateInPlace(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	s := exampleSite()
	s["cs/projekty/stary/index.html"] = "<p>starý projekt</p>"
	s["cs/soubor"] = "was a file"
	build(t, out, s)
	setPast(t, out)

	delete(s, "cs/projekty/stary/index.html")
	delete(s, "cs/soubor")
	s["cs/soubor/index.html"] = "<p>now a folder</p>"
	build(t, out, s)

	if _, err := os.Stat(filepath.Join(out, "cs/projekty")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folders of a removed page stay: %v", err)
	}
	files := snapshot(t, out)
	if got := files["cs/soubor/index.html"].data; got != "<p>now a folder</p>" {
		t.Errorf("a file that became a folder: %q", got)
	}
	list, _, _, ok := readMarker(out)
	if !ok || slices.Contains(list, "cs/projekty/stary/index.html") || !slices.Contains(list, "cs/soubor/index.html") {
		t.Errorf("marker lists %v", list)
	}
	if len(list) != len(files)-1 {
		t.Errorf("marker lists %d files, the folder has %d and the marker", len(list), len(files)-1)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output folder: %v, want only public", got)
	}

	// A page removed or cut short by hand is written again, although its
	// input is the same as the previous build's.
	if err := os.Remove(filepath.Join(out, "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "css/site.css"), []byte("x"), filePerm); err != nil {
		t.Fatal(err)
	}
	build(t, out, s)
	files = snapshot(t, out)
	if files["index.html"].data == "" || files["css/site.css"].data == "x" {
		t.Errorf("files changed by hand were not restored: %q, %q", files["index.html"].data, files["css/site.css"].data)
	}
}

// TestMarkerWithoutList: a folder from a build that kept no file list (or
// whose list was edited into paths no build writes) is replaced whole, so
// files that are gone cannot stay behind.
func TestMarkerWithoutList(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, exampleSite())
	for _, marker := range []string{markerText, markerText + fileListHeader + "../../etc/passwd\n"} {
		if err := os.WriteFile(filepath.Join(out, Marker), []byte(marker), filePerm); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "left-over.html"), []byte("old"), filePerm); err != nil {
			t.Fatal(err)
		}
		st := build(t, out, exampleSite())
		if st.Unchanged != 0 {
			t.Errorf("%d files taken as unchanged from a build without a list", st.Unchanged)
		}
		if _, err := os.Stat(filepath.Join(out, "left-over.html")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a file of the old build stays: %v", err)
		}
	}
}

// TestKeep: a file written with WriteKeyed is kept by the next build that
// asks with the same key, untouched, and only then: not with another key,
// nor when its size or modification time show that something else
// changed it.
func TestKeep(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	keyed := func(fn func(w *Writer)) Stats {
		t.Helper()
		w, err := NewWriter(out, Options{Minify: true})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Abort()
		fn(w)
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		return w.Stats()
	}
	write := func(w *Writer, rel, key, data string) {
		t.Helper()
		if err := w.WriteKeyed(rel, key, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	keyed(func(w *Writer) {
		if w.Keep("a/index.html", "k1") {
			t.Error("kept a file from an empty folder")
		}
		for _, f := range []string{"a", "b", "c", "d", "e"} {
			write(w, f+"/index.html", "k1", "<p>"+f+"</p>")
		}
		write(w, "data.json", "k1", `{ "a": 1 }`)
	})
	before := snapshot(t, out)
	// b was changed by hand to another size, e to the same size; d was
	// only touched: all three are made again, e and b written.
	if err := os.WriteFile(filepath.Join(out, "b", "index.html"), []byte("<p>bb</p>"), filePerm); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "e", "index.html"), []byte("<p>E</p>"), filePerm); err != nil {
		t.Fatal(err)
	}
	later := before["d/index.html"].mtime.Add(time.Hour)
	if err := os.Chtimes(filepath.Join(out, "d", "index.html"), later, later); err != nil {
		t.Fatal(err)
	}
	st := keyed(func(w *Writer) {
		if !w.Keep("a/index.html", "k1") {
			t.Error("a: not kept with its key")
		}
		if err := w.WriteFile("a/index.html", []byte("x")); err == nil {
			t.Error("a: written after it was kept")
		}
		for _, f := range []string{"b", "d", "e"} {
			if w.Keep(f+"/index.html", "k1") {
				t.Errorf("%s: kept although it was changed since the last build", f)
			}
			write(w, f+"/index.html", "k1", "<p>"+f+"</p>")
		}
		if w.Keep("c/index.html", "k2") {
			t.Error("c: kept with another key")
		}
		write(w, "c/index.html", "k2", "<p>C</p>")
		if !w.Keep("data.json", "k1") {
			t.Error("data.json: a minified file not kept with its key")
		}
		if w.Keep("../x", "k1") || w.Keep("f/index.html", "k1") {
			t.Error("kept a file the last build did not write")
		}
	})
	// a and data.json kept; d's bytes are the same, so it is not written.
	if st.Files != 6 || st.Unchanged != 3 {
		t.Errorf("Stats = %+v, want 6 files, 3 unchanged (a, d, data.json)", st)
	}
	after := snapshot(t, out)
	for rel, want := range map[string]string{"a/index.html": "<p>a</p>", "b/index.html": "<p>b</p>", "c/index.html": "<p>C</p>", "d/index.html": "<p>d</p>", "e/index.html": "<p>e</p>", "data.json": `{"a":1}`} {
		if got := after[rel].data; got != want {
			t.Errorf("%s = %q, want %q", rel, got, want)
		}
	}
	for _, rel := range []string{"a/index.html", "data.json"} {
		if !after[rel].mtime.Equal(before[rel].mtime) {
			t.Errorf("%s: kept, but its modification time changed", rel)
		}
	}
	// The marker carries the keys and the new times on: a third build
	// keeps every file.
	st = keyed(func(w *Writer) {
		for rel, key := range map[string]string{"a/index.html": "k1", "b/index.html": "k1", "c/index.html": "k2", "d/index.html": "k1", "e/index.html": "k1", "data.json": "k1"} {
			if !w.Keep(rel, key) {
				t.Errorf("third build: %s not kept", rel)
			}
		}
	})
	if st.Unchanged != 6 {
		t.Errorf("third build: Stats = %+v", st)
	}
}
