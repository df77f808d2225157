package serve

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/site"
)

var locRe = regexp.MustCompile(`<loc>https?://[^/]+/([^<]*)</loc>`)

// TestLiveSameAsFresh: the watcher tells the session which files changed
// (site.Session.BuildChanged), or that it cannot say (a folder came or
// went). After saves of every kind, the site served is the one a new
// session of the folder builds: every page the sitemap lists, the
// sitemap itself and the project lists' indexes.
func TestLiveSameAsFresh(t *testing.T) {
	ls := startLive(t)
	jednotka := "content/projects/jednotka.cs.md"
	steps := []struct {
		name string
		do   func()
	}{
		{"a card's body", func() { ls.write(card, strings.Replace(ls.read(card), "Projekt vychází", "Projekt stojí", 1)) }},
		{"a card's title", func() {
			ls.write(jednotka, strings.Replace(ls.read(jednotka), `"Koordinační jednotka"`, `"Koordinační tým"`, 1))
		}},
		{"a new card", func() {
			ls.write("content/projects/druha.cs.md", strings.Replace(ls.read(jednotka), `"Koordinační tým"`, `"Druhá jednotka"`, 1))
		}},
		{"the card renamed", func() { ls.rename("content/projects/druha.cs.md", "content/projects/treti.cs.md") }},
		{"a partner's name", func() {
			p := "content/partners/zatec.en.md"
			ls.write(p, strings.Replace(ls.read(p), `title = "Žatec"`, `title = "Zatec (Saaz)"`, 1))
		}},
		{"an indicator's figures", func() {
			p := "content/indicators/akce.csv"
			ls.write(p, strings.Replace(ls.read(p), "2024-Q3;5,5", "2024-Q3;7,25", 1))
		}},
		{"the pages' folder moved away", func() { ls.rename("content/pages", "content/_pages") }},
		{"and back", func() { ls.rename("content/_pages", "content/pages") }},
		{"a body after it", func() { ls.write(card, strings.Replace(ls.read(card), "Projekt stojí", "Projekt leží", 1)) }},
		{"the card deleted", func() { ls.remove("content/projects/treti.cs.md") }},
	}
	for _, st := range steps {
		st.do()
		// A save may take more than one build to settle: look again after
		// each event, for a while.
		deadline := time.Now().Add(10 * time.Second)
		for {
			diff := ls.freshDiff()
			if diff == "" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the served site differs from a new session's:\n%s", st.name, diff)
			}
			select {
			case <-ls.events:
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
	ls.noWarnings()
}

// freshDiff compares what the live server serves with what a new session
// of its folder serves, and says what differs, or "".
func (ls *liveServer) freshDiff() string {
	ls.t.Helper()
	fresh := site.NewSession(site.Config{Src: ls.src, Theme: portal.Theme, NoMinify: true})
	if _, err := fresh.Build(); err != nil {
		ls.t.Fatalf("a new session: %v", err)
	}
	sitemap, _ := fresh.File("sitemap.xml")
	files := []string{"sitemap.xml", "cs/projekty/index.json", "en/projects/index.json", "404.html", "index.html"}
	for _, m := range locRe.FindAllSubmatch(sitemap, -1) {
		f := string(m[1])
		if f == "" || strings.HasSuffix(f, "/") {
			f += "index.html"
		}
		files = append(files, f)
	}
	var diffs []string
	for _, f := range files {
		want, _ := fresh.File(f)
		got, _ := ls.lv.sess.File(f)
		if !bytes.Equal(got, want) {
			diffs = append(diffs, f)
		}
	}
	return strings.Join(diffs, "\n")
}
