package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	portal "github.com/transformace/portal"
)

// TestLongRegionAndPartnerPages: a region or partner with more projects
// than a page shows lists the first twelve cards and links the project
// list filtered by it, which has them all; one with twelve or fewer lists
// them all and has no such link.
func TestLongRegionAndPartnerPages(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/basic")); err != nil {
		t.Fatal(err)
	}
	// 15 more projects in the Karlovy Vary region, carried by Cheb and
	// joined by Žatec: 16 in the region with jednotka; Cheb carries 15
	// and joins animace; Žatec joins those 16 and carries none.
	card := func(i int) string {
		return filepath.Join(src, "content/projects", fmt.Sprintf("projekt-%02d.cs.md", i))
	}
	for i := range 15 {
		text := fmt.Sprintf("+++\ntitle = \"Projekt %02d\"\nsummary = \"Shrnutí.\"\nregion = \"karlovarsky\"\nstatus = \"idea\"\ncarrier = \"cheb\"\npartners = [\"zatec\"]\n+++\n\nText.\n", i)
		if err := os.WriteFile(card(i), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	build := func(out string) {
		t.Helper()
		if _, err := Build(Config{Src: src, Out: out, Theme: portal.Theme, NoMinify: true, Updated: fixed}); err != nil {
			t.Fatal(err)
		}
	}
	build(out)
	for _, tt := range []struct {
		page, link string
		cards      int
	}{
		{"cs/kraje/karlovarsky-kraj/index.html", `<p class="more-link"><a href="/cs/projekty/kraj/karlovarsky-kraj/">Zobrazit všech 16 projektů</a></p>`, 12},
		{"en/regions/karlovy-vary-region/index.html", `<p class="more-link"><a href="/en/projects/region/karlovy-vary-region/">Show all 16 projects</a></p>`, 12},
		{"cs/partneri/cheb/index.html", `<p class="more-link"><a href="/cs/projekty/partner/cheb/">Zobrazit všech 16 projektů</a></p>`, 13},   // 12 carried, 1 joined
		{"cs/partneri/zatec/index.html", `<p class="more-link"><a href="/cs/projekty/partner/zatec/">Zobrazit všech 16 projektů</a></p>`, 12}, // 0 carried, 12 of 16 joined
		{"cs/kraje/ustecky-kraj/index.html", "", 1},
	} {
		// Counts are written with a no-break space.
		page := strings.ReplaceAll(read(t, out, tt.page), "\u00a0", " ")
		if n := strings.Count(page, `class="card project-card"`); n != tt.cards {
			t.Errorf("%s shows %d cards, want %d", tt.page, n, tt.cards)
		}
		if tt.link == "" {
			if strings.Contains(page, "more-link") {
				t.Errorf("%s links all projects, but shows them all", tt.page)
			}
			continue
		}
		if n := strings.Count(page, tt.link); n != 1 {
			t.Errorf("%s has %d times %s, want once", tt.page, n, tt.link)
		}
		// The list it links has every project of the region or partner.
		_, rest, _ := strings.Cut(tt.link, `href="`)
		target, _, _ := strings.Cut(rest, `"`)
		list := read(t, out, strings.TrimPrefix(target, "/")+"index.html")
		want := `id="result-count" aria-live="polite">16` + "\u00a0" + map[string]string{"cs": "projektů", "en": "projects"}[tt.page[:2]]
		if !strings.Contains(list, want) {
			t.Errorf("%s does not say %q", target, want)
		}
	}

	// Four projects fewer: twelve in the region, which shows them all and
	// no link, in a rebuild into the same folder as in a fresh build.
	for i := range 4 {
		if err := os.Remove(card(i)); err != nil {
			t.Fatal(err)
		}
	}
	build(out)
	fresh := filepath.Join(t.TempDir(), "public")
	build(fresh)
	if d := diffTrees(t, out, fresh); d != "" {
		t.Errorf("the rebuild differs from a fresh build:\n%s", d)
	}
	region := read(t, out, "cs/kraje/karlovarsky-kraj/index.html")
	if n := strings.Count(region, `class="card project-card"`); n != 12 || strings.Contains(region, "more-link") {
		t.Errorf("with 12 projects the region page shows %d cards and a link: %v", n, strings.Contains(region, "more-link"))
	}
}
