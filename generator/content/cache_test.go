package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/transformace/portal/generator/markdown"
)

func TestCacheReusesUnchangedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		f := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.toml", "base_url = \"https://example.cz/\"\nlanguages = [\"cs\"]\n[title]\ncs = \"T\"\n")
	card := "+++\ntitle = \"A\"\nsummary = \"S\"\nregion = \"ustecky\"\nstatus = \"idea\"\n+++\n\nPrvní verze.\n"
	write("content/projects/a.cs.md", card)
	write("content/projects/b.cs.md", strings.Replace(card, "title = \"A\"", "title = \"B\"", 1))
	c := NewCache()
	opts := Options{Markdown: markdown.New(markdown.Options{}), Cache: c}
	load := func() *Site {
		t.Helper()
		s, err := Load(os.DirFS(dir), opts)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	load()

	// Same size and modification time: the file is not read again. We prove
	// it by swapping its bytes behind the cache's back.
	p := filepath.Join(dir, "content/projects/a.cs.md")
	fi, _ := os.Stat(p)
	write("content/projects/a.cs.md", strings.Replace(card, "První", "Druhá", 1)) // same length in bytes
	os.Chtimes(p, fi.ModTime(), fi.ModTime())
	if got := string(load().ProjectBySlug["a"].In("cs").Body); !strings.Contains(got, "První") {
		t.Errorf("unchanged file was read again: %s", got)
	}

	// A real save changes the modification time: the new text is used.
	later := fi.ModTime().Add(time.Second)
	os.Chtimes(p, later, later)
	if got := string(load().ProjectBySlug["a"].In("cs").Body); !strings.Contains(got, "Druhá") {
		t.Errorf("changed file not read: %s", got)
	}

	// A deleted file leaves the cache.
	os.Remove(filepath.Join(dir, "content/projects/b.cs.md"))
	load()
	if _, ok := c.files["content/projects/b.cs.md"]; ok {
		t.Error("deleted file still cached")
	}
}
