package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	portal "github.com/transformace/portal"
)

// partnerFacet cuts the partner facet out of a list page.
func partnerFacet(t *testing.T, page string) string {
	t.Helper()
	_, rest, ok := strings.Cut(page, "<summary>Nositel nebo partner</summary>")
	if !ok {
		t.Fatal("the page has no partner facet")
	}
	facet, _, _ := strings.Cut(rest, "</details>")
	return facet
}

// TestLongPartnerFacet: the example has more partners than a list page
// shows, so the sidebar lists the twelve with most projects and links to
// the index of all partners; a partner's own filter page still shows
// that partner as the current value, even one outside the twelve.
func TestLongPartnerFacet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Config{Src: "../..", Out: out, Theme: portal.Theme, NoMinify: true, Updated: fixed}); err != nil {
		t.Fatal(err)
	}
	facet := partnerFacet(t, read(t, out, "cs/projekty/index.html"))
	links := regexp.MustCompile(`<a href="/cs/projekty/partner/`).FindAllString(facet, -1)
	if len(links) != 12 {
		t.Errorf("the list page links %d partners, want 12:\n%s", len(links), facet)
	}
	partners, _ := filepath.Glob(filepath.Join(out, "cs/partneri/*/index.html"))
	more := regexp.MustCompile(`<li class="facet-more"><a href="/cs/partneri/">Všech (\d+) nositelů a partnerů</a></li>`).FindStringSubmatch(facet)
	if more == nil {
		t.Fatalf("no link to all partners:\n%s", facet)
	}
	filterPages, _ := filepath.Glob(filepath.Join(out, "cs/projekty/partner/*/index.html"))
	if more[1] != strconv.Itoa(len(filterPages)) {
		t.Errorf("the link counts %s partners; %d have filter pages (%d partner pages)", more[1], len(filterPages), len(partners))
	}
	outside := 0
	for _, p := range filterPages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := partnerFacet(t, string(data))
		if strings.Count(f, `class="facet-current"`) != 1 {
			t.Errorf("%s: the partner facet does not show its partner as current", p)
		}
		if strings.Count(f, "<li>") == 13 {
			outside++
		}
	}
	if outside == 0 {
		t.Error("no partner page outside the top twelve checked; the example changed?")
	}
}
