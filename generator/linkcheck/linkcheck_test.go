package linkcheck

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The fixture folder testdata/site holds good references of every kind
// and one broken reference per rule; want lists exactly the broken ones.
func TestCheckFixture(t *testing.T) {
	got, err := Check("testdata/site")
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{
		{"404.html", "css/site.css", "link rel=stylesheet href: a relative reference on a not-found page"},
		{"cs/index.html", "../../mimo/", "a href: leads outside the site"},
		{"data/datapackage.json", "gone.csv", "datapackage resource path: no such file: /data/gone.csv"},
		{"data/projects.csv-metadata.json", "https://example.cz/data/projects.jsonld#csv", "no such file: /data/projects.jsonld"},
		{"index.html", "", "a href: empty"},
		{"index.html", "#chybi", `svg use: no element with id "chybi" on this page`},
		{"index.html", "#nikde", `a href: no element with id "nikde" on this page`},
		{"index.html", "/../etc/passwd", "a href: leads outside the site"},
		{"index.html", "/cs/#pryc", `a href: no element with id "pryc" in cs/index.html`},
		{"index.html", "/cs/chybi/", "a href: no such file: /cs/chybi"},
		{"index.html", "/img", "a href: the folder /img/ has no index.html"},
		{"index.html", "/img/a-800.jpg", "img srcset: no such file: /img/a-800.jpg"},
		{"index.html", "https://example.cz/data/chybi.csv", "a href: no such file: /data/chybi.csv"},
		{"index.html", "https://example.cz/de/", "link rel=alternate hreflang=de: no such file: /de"},
		{"index.html", "https://example.cz/img/og.jpg", "meta og:image: no such file: /img/og.jpg"},
		{"sitemap.xml", "https://example.cz/cs/smazano/", "xml url: no such file: /cs/smazano"},
	}
	sortProblems(got)
	if len(got) != len(want) {
		for _, p := range got {
			t.Logf("got %s", p)
		}
		t.Fatalf("got %d problems, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Page != want[i].Page || got[i].Ref != want[i].Ref || !strings.Contains(got[i].Why, want[i].Why) {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func sortProblems(ps []Problem) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Page != ps[j].Page {
			return ps[i].Page < ps[j].Page
		}
		return ps[i].Ref < ps[j].Ref
	})
}

// A site without robots.txt takes its base URL from the canonical link of
// the root page; a site with neither treats every absolute URL as external.
func TestBaseURL(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "index.html", `<!doctype html><title>x</title><link rel="canonical" href="https://portal.example/"><a href="https://portal.example/cs/">cs</a><a href="https://portal.example/nic/">nic</a>`)
	write(t, dir, "cs/index.html", `<!doctype html><title>cs</title>`)
	got, err := Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Ref != "https://portal.example/nic/" {
		t.Errorf("got %v, want one problem for /nic/", got)
	}

	os.Remove(filepath.Join(dir, "index.html"))
	write(t, dir, "index.html", `<!doctype html><title>x</title><a href="https://portal.example/nic/">nic</a>`)
	got, err = Check(dir)
	if err != nil || len(got) != 0 {
		t.Errorf("without a base URL: got %v, %v; want no problem", got, err)
	}
}

func TestCheckErrors(t *testing.T) {
	if _, err := Check("testdata/does-not-exist"); err == nil {
		t.Error("a missing folder is not an error")
	}
	if _, err := Check("testdata/site/index.html"); err == nil {
		t.Error("a file instead of a folder is not an error")
	}
}

func TestParseSrcset(t *testing.T) {
	tests := []struct {
		in   string
		urls []string
		bad  string
	}{
		{"/a.jpg", []string{"/a.jpg"}, ""},
		{"/a-400.jpg 400w, /a-800.jpg 800w", []string{"/a-400.jpg", "/a-800.jpg"}, ""},
		{"/a.jpg 1x,/b.jpg 2x", []string{"/a.jpg", "/b.jpg"}, ""},
		{" /a.jpg, /b.jpg 2x ", []string{"/a.jpg", "/b.jpg"}, ""},
		{"/a.jpg,/b.jpg 2x", []string{"/a.jpg,/b.jpg"}, ""}, // as browsers read it: one URL
		{"/a,b.jpg 1x", []string{"/a,b.jpg"}, ""},
		{"/a.jpg 1x, , /b.jpg 2x", []string{"/a.jpg", "/b.jpg"}, ""},
		{", /a.jpg", []string{"/a.jpg"}, "starts with a comma"},
		{"", nil, "no image in it"},
		{"  ", nil, "no image in it"},
	}
	for _, tt := range tests {
		urls, bad := parseSrcset(tt.in)
		if !reflect.DeepEqual(urls, tt.urls) || bad != tt.bad {
			t.Errorf("parseSrcset(%q) = %q, %q; want %q, %q", tt.in, urls, bad, tt.urls, tt.bad)
		}
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	f := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
