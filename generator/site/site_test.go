package site

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var fingerprintRe = regexp.MustCompile(`\.[0-9a-f]{10}\.(css|js)\b`)

// fixed gives every file the same "last changed" date so output is stable.
func fixed(string) (time.Time, bool) { return time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC), true }

func buildFixture(t *testing.T, minify bool) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(Config{Src: "testdata/basic", Out: out, Theme: portal.Theme, NoMinify: !minify, Updated: fixed})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

// TestGolden compares pages of the fixture site, one of every kind in both
// languages, with the files in testdata/golden (go test -update rewrites them).
func TestGolden(t *testing.T) {
	out := buildFixture(t, false)
	pages := []string{
		"index.html",
		"404.html",
		"cs/index.html",
		"en/index.html",
		"cs/projekty/index.html",
		"en/projects/region/usti-nad-labem-region/index.html",
		"cs/projekty/animace/index.html",
		"en/projects/animace/index.html",
		"en/projects/jednotka/index.html",
		"cs/partneri/index.html",
		"cs/partneri/zatec/index.html",
		"en/regions/index.html",
		"cs/kraje/ustecky-kraj/index.html",
		"cs/ukazatele/akce/index.html",
		"embed/en/akce/index.html",
		"en/accessibility/index.html",
		"cs/404.html",
		"cs/projekty/index.json",
	}
	for _, p := range pages {
		got, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		// The fingerprint changes with every stylesheet edit; it is tested
		// by TestFingerprint, not by the golden pages.
		got = fingerprintRe.ReplaceAll(got, []byte(".FINGERPRINT.$1"))
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "__"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", p, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; inspect with: go test ./generator/site -run TestGolden -update && git diff", p, golden)
		}
	}
}

func read(t *testing.T, out, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, p))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPageFacts checks what citizens and search engines rely on, byte by
// byte, independent of the layout's details.
func TestPageFacts(t *testing.T) {
	out := buildFixture(t, true)
	nb := "\u00a0"
	cases := []struct {
		page string
		want []string
		not  []string
	}{
		{"cs/projekty/animace/index.html", []string{
			`<html lang="cs">`,
			"54" + nb + "675" + nb + "000" + nb + "Kč",
			"46" + nb + "473" + nb + "750" + nb + "Kč",
			"85" + nb + "%",
			"2024" + nb + "– červen" + nb + "2027", // period
			`id="potrebnost-a-zmena"`,
			"„Plánu transformace“",
			"<del>nejasných</del>",
			`href="https://www.example.cz/"`,
			`<b>tučně</b>`,
			`hreflang="en" href="https://portal.example.cz/en/projects/animace/"`,
			`hreflang="x-default" href="https://portal.example.cz/cs/projekty/animace/"`,
			`<link rel="canonical" href="https://portal.example.cz/cs/projekty/animace/">`,
			`href="/en/projects/animace/" lang="en" hreflang="en"`,
			`href="/cs/partneri/mas-ustecko/"`,
			`href="/cs/ukazatele/akce/"`,
			`<time datetime="2026-03-05">5.` + nb + `března` + nb + `2026</time>`,
			"v" + nb + "kraji",
		}, []string{"<script>alert", "onclick", "alert(1)"}},
		{"en/projects/animace/index.html", []string{
			`<html lang="en">`, "CZK" + nb + "54,675,000", "“Transition Plan”", `id="need-and-change"`, "5" + nb + "March" + nb + "2026",
		}, nil},
		// Not translated: English page, Czech text marked as such, canonical to the original.
		{"en/projects/jednotka/index.html", []string{
			`<html lang="en">`, `<h1 lang="cs">Koordinační jednotka</h1>`, `class="notice"`, `<div class="prose" lang="cs">`,
			`<link rel="canonical" href="https://portal.example.cz/cs/projekty/jednotka/">`,
			`hreflang="cs" href="https://portal.example.cz/cs/projekty/jednotka/"`,
		}, []string{`hreflang="en" href="https://portal.example.cz/en/projects/jednotka/"`}},
		{"cs/index.html", []string{"2" + nb + "projekty", "1" + nb + "projekt<", "54,7" + nb + "mil." + nb + "Kč"}, nil},
		{"en/index.html", []string{"2" + nb + "projects", "CZK" + nb + "54.7" + nb + "million"}, nil},
		{"cs/partneri/zatec/index.html", []string{"spolupracuje na 1" + nb + "projektu"}, nil},
		{"cs/partneri/cheb/index.html", []string{"00253979"}, nil},
		{"cs/ukazatele/akce/index.html", []string{"5,5", "3." + nb + "čtvrtletí" + nb + "2024", "Ilustrativní data", "bez údaje",
			`role="img"`, `href="/data/indicators/akce.csv"`, `href="/data/indicators/akce.csv-metadata.json"`,
			"Karlovarský kraj: Počet akcí (ilustrativní data). Zkušební portál, 2026.",
			"https://portal.example.cz/embed/cs/akce/"}, []string{"style="}},
		{"embed/en/akce/index.html", []string{`role="img"`, `<meta name="robots" content="noindex">`, `href="https://portal.example.cz/en/indicators/akce/"`}, []string{"site-header"}},
		{"cs/projekty/animace/index.html", []string{`class="spark"`}, nil},
		{"index.html", []string{`href="/cs/"`, `href="/en/"`, `lang="en"`}, nil},
	}
	for _, c := range cases {
		html := read(t, out, c.page)
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s: missing %q", c.page, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(html, w) {
				t.Errorf("%s: must not contain %q", c.page, w)
			}
		}
	}
}

// TestPartnerCollation checks the Czech order of the partner list: ch
// after h, š after s, ž last.
func TestPartnerCollation(t *testing.T) {
	out := buildFixture(t, true)
	html := read(t, out, "cs/partneri/index.html")
	order := []string{">Hazmburk<", ">Horní Jiřetín<", ">Cheb<", ">Chomutov<", ">MAS Ústecko<", ">Sokolov<", ">Šumperk<", ">Žatec<"}
	last := -1
	for _, name := range order {
		i := strings.Index(html, name)
		if i < 0 {
			t.Fatalf("partner list lacks %s", name)
		}
		if i < last {
			t.Errorf("%s is out of Czech order", name)
		}
		last = i
	}
}

// TestFailedBuildKeepsSite breaks the content after a good build: the
// build fails with file:line and the published site stays byte for byte.
func TestFailedBuildKeepsSite(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/basic")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	cfg := Config{Src: src, Out: out, Theme: portal.Theme, Updated: fixed}
	if _, err := Build(cfg); err != nil {
		t.Fatal(err)
	}
	before := read(t, out, "cs/projekty/animace/index.html")
	card := filepath.Join(src, "content/projects/animace.cs.md")
	data, _ := os.ReadFile(card)
	broken := strings.Replace(string(data), `carrier = "mas-ustecko"`, `carrier = "mas-ustecka"`, 1)
	if err := os.WriteFile(card, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(cfg)
	var es content.Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("want one content error, got %v", err)
	}
	if got := es[0].Error(); !strings.HasPrefix(got, "content/projects/animace.cs.md:15: carrier \"mas-ustecka\" is not a partner (did you mean \"mas-ustecko\"?)") {
		t.Errorf("error = %q", got)
	}
	if after := read(t, out, "cs/projekty/animace/index.html"); after != before {
		t.Error("a failed build changed the published site")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary folders left beside the output: %v", entries)
	}
}

// TestAddressClash: a free page may not take a section's address.
func TestAddressClash(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/basic")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(src, "content/pages/accessibility.cs.md")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(data, []byte(`slug = "prohlaseni-o-pristupnosti"`), []byte(`slug = "projekty"`), 1), 0o644)
	_, err := Check(Config{Src: src, Theme: portal.Theme, Updated: fixed})
	if err == nil || !strings.Contains(err.Error(), "content/pages/accessibility.cs.md:1: duplicate slug: the address /cs/projekty/") {
		t.Errorf("err = %v", err)
	}
}

// TestOutRefused: the output folder is never the source or its content.
func TestOutRefused(t *testing.T) {
	for _, out := range []string{".", "/", "testdata/basic", "testdata/basic/content"} {
		src := "testdata/basic"
		if out == "." {
			src = "."
		}
		if _, err := Build(Config{Src: src, Out: out, Theme: portal.Theme}); err == nil {
			t.Errorf("--out %s was accepted", out)
		}
	}
}

// TestFingerprint: stylesheets and scripts are published under a name that
// changes with their bytes, and pages link that name.
func TestFingerprint(t *testing.T) {
	out := buildFixture(t, true)
	css, _ := filepath.Glob(filepath.Join(out, "css", "portal.*.css"))
	js, _ := filepath.Glob(filepath.Join(out, "js", "portal.*.js"))
	if len(css) != 1 || len(js) != 1 {
		t.Fatalf("fingerprinted files: %v %v", css, js)
	}
	if _, err := os.Stat(filepath.Join(out, "css", "portal.css")); err == nil {
		t.Error("the unfingerprinted stylesheet is published too")
	}
	home := read(t, out, "cs/index.html")
	for _, f := range append(css, js...) {
		rel, _ := filepath.Rel(out, f)
		if !strings.Contains(home, `"/`+filepath.ToSlash(rel)+`"`) {
			t.Errorf("the home page does not link %s", rel)
		}
	}
}
