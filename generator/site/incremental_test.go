package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	portal "github.com/transformace/portal"
)

// TestSessionSameAsFresh: after every kind of save, told which files
// changed (BuildChanged, as portal serve's watcher does) or not (Build),
// a session serves exactly the files, byte for byte, that a new session
// of the same folder serves after its first build. The saves that change
// only a text take the short way (render.Options.Prev), and do not render
// every page.
func TestSessionSameAsFresh(t *testing.T) {
	src := storySite(t) // the fixture with a photo story
	// Dates from the files' modification times, as without git: a save
	// makes its project the newest on the home page.
	mtime := func(string) (time.Time, bool) { return time.Time{}, false }
	cfg := Config{Src: src, Theme: portal.Theme, NoMinify: true, Updated: mtime}
	s := NewSession(cfg)
	s.DataDelay = time.Hour
	if _, err := s.Build(); err != nil {
		t.Fatal(err)
	}
	file := func(name string) string { return filepath.Join(src, filepath.FromSlash(name)) }
	write := func(name, text string) { writeFile(t, src, name, text) }
	replace := func(name, old, new string) { edit(t, src, name, old, new) }
	remove := func(name string) {
		if err := os.RemoveAll(file(name)); err != nil {
			t.Fatal(err)
		}
	}
	theme := func(name, old, new string) { override(t, src, name, old, new) }
	const (
		animace  = "content/projects/animace.cs.md"
		jednotka = "content/projects/jednotka.cs.md"
		akce     = "content/indicators/akce"
		story    = "content/stories/jezero/index.cs.md"
	)
	steps := []struct {
		name    string
		change  func()
		changed []string // nil: Build, not BuildChanged
		broken  bool     // the build fails
		short   bool     // the renderer takes over the last build's pages
	}{
		{name: "nothing", change: func() {}, changed: []string{}, short: true},
		{name: "body of a project", change: func() { replace(animace, "Projekt vychází", "Projekt stojí") }, changed: []string{animace}, short: true},
		{name: "summary of a project", change: func() { replace(animace, "Místní akční skupiny", "Místní skupiny") }, changed: []string{animace}, short: true},
		{name: "body of a translation", change: func() { replace("content/projects/animace.en.md", "The project builds", "The project rests") }, changed: []string{"content/projects/animace.en.md"}, short: true},
		// Told nothing, the session reads the folder whole and its stories
		// anew: their pointers change, and every page is fingerprinted.
		{name: "the same, told nothing", change: func() { replace(animace, "Projekt stojí", "Projekt leží") }},
		{name: "a broken status", change: func() { replace(animace, `status = "running"`, `status = "runing"`) }, changed: []string{animace}, broken: true},
		{name: "a second file broken too", change: func() { replace(jednotka, `status = "preparation"`, `status = "x"`) }, changed: []string{jednotka}, broken: true},
		{name: "both fixed, one in a new status", change: func() {
			replace(animace, `status = "runing"`, `status = "finished"`)
			replace(jednotka, `status = "x"`, `status = "preparation"`)
		}, changed: []string{animace, jednotka}},
		{name: "title of a project", change: func() { replace(jednotka, `"Koordinační jednotka"`, `"Koordinační tým"`) }, changed: []string{jednotka}},
		{name: "a partner that does not exist", change: func() { replace(animace, `partners = ["zatec", "cheb"]`, `partners = ["zatec", "cheb", "nikdo"]`) }, changed: []string{animace}, broken: true},
		{name: "fixed", change: func() { replace(animace, `partners = ["zatec", "cheb", "nikdo"]`, `partners = ["zatec", "cheb"]`) }, changed: []string{animace}, short: true},
		{name: "partners of a project", change: func() { replace(animace, `partners = ["zatec", "cheb"]`, `partners = ["zatec"]`) }, changed: []string{animace}},
		{name: "topics of a project", change: func() { replace(animace, `tags = ["venkov", "energetika"]`, `tags = ["venkov"]`) }, changed: []string{animace}},
		{name: "budget of a project", change: func() { replace(animace, "budget_czk = 54_675_000", "budget_czk = 64_675_000") }, changed: []string{animace}},
		{name: "a new project", change: func() {
			write("content/projects/druha.cs.md", strings.Replace(read(t, src, jednotka), `"Koordinační tým"`, `"Druhá jednotka"`, 1))
		}, changed: []string{"content/projects/druha.cs.md"}},
		{name: "its translation", change: func() {
			write("content/projects/druha.en.md", "+++\ntitle = \"Second unit\"\nsummary = \"A second team.\"\n+++\n\nText.\n")
		}, changed: []string{"content/projects/druha.en.md"}},
		{name: "a project renamed", change: func() {
			for _, lang := range []string{"cs", "en"} {
				if err := os.Rename(file("content/projects/druha."+lang+".md"), file("content/projects/treti."+lang+".md")); err != nil {
					t.Fatal(err)
				}
			}
		}, changed: []string{"content/projects/druha.cs.md", "content/projects/druha.en.md", "content/projects/treti.cs.md", "content/projects/treti.en.md"}},
		{name: "a translation removed", change: func() { remove("content/projects/treti.en.md") }, changed: []string{"content/projects/treti.en.md"}},
		{name: "a project removed", change: func() { remove("content/projects/treti.cs.md") }, changed: []string{"content/projects/treti.cs.md"}},
		{name: "name of a partner", change: func() { replace("content/partners/zatec.en.md", `title = "Žatec"`, `title = "Zatec (Saaz)"`) }, changed: []string{"content/partners/zatec.en.md"}},
		{name: "text of a partner", change: func() { replace("content/partners/zatec.cs.md", "O organizaci", "Něco o organizaci") }, changed: []string{"content/partners/zatec.cs.md"}, short: true},
		{name: "kind of a partner", change: func() { replace("content/partners/zatec.cs.md", `kind = "municipality"`, `kind = "ngo"`) }, changed: []string{"content/partners/zatec.cs.md"}, short: true},
		// What the partners list and the JSON-LD of project pages show
		// (found by a review: pcard hashed only titles and kind).
		{name: "summary of a partner", change: func() {
			replace("content/partners/zatec.cs.md", `summary = "Partner Žatec."`, `summary = "Město Žatec."`)
		}, changed: []string{"content/partners/zatec.cs.md"}, short: true},
		{name: "IČO of a partner", change: func() { replace("content/partners/cheb.cs.md", `ico = "00253979"`, `ico = "00253987"`) }, changed: []string{"content/partners/cheb.cs.md"}, short: true},
		{name: "website of a partner", change: func() {
			replace("content/partners/zatec.cs.md", `kind = "ngo"`, "kind = \"ngo\"\nwebsite = \"https://www.zatec.cz/\"")
		}, changed: []string{"content/partners/zatec.cs.md"}, short: true},
		// Region pages sum the EU funding, which no card shows.
		{name: "EU funding of a project", change: func() { replace(animace, "eu_funding_czk = 46_473_750", "eu_funding_czk = 40_000_000") }, changed: []string{animace}},
		// A formatter that writes a file twice within one tick of the
		// file system's clock leaves its size and time as they were.
		{name: "a save that keeps size and time", change: func() {
			fi, err := os.Stat(file(animace))
			if err != nil {
				t.Fatal(err)
			}
			replace(animace, "obcí v kraji", "obcí v kraje") // the same size
			if err := os.Chtimes(file(animace), fi.ModTime(), fi.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, changed: []string{animace}, short: true},
		{name: "figures of an indicator", change: func() { replace(akce+".csv", "2024-Q3;5,5", "2024-Q3;7,25") }, changed: []string{akce + ".csv"}, short: true},
		{name: "target of an indicator", change: func() { replace(akce+".toml", "target = 12", "target = 10") }, changed: []string{akce + ".toml"}, short: true},
		{name: "description of an indicator", change: func() {
			replace(akce+".toml", `en = "How many events took place."`, `en = "How many events there were."`)
		}, changed: []string{akce + ".toml"}, short: true},
		{name: "title of an indicator", change: func() { replace(akce+".toml", `cs = "Počet akcí"`, `cs = "Počet akcí v kraji"`) }, changed: []string{akce + ".toml"}},
		{name: "a broken indicator", change: func() { replace(akce+".toml", `periodicity = "quarterly"`, `periodicity = "quartely"`) }, changed: []string{akce + ".toml"}, broken: true},
		{name: "fixed, with a new source", change: func() {
			replace(akce+".toml", `periodicity = "quartely"`, `periodicity = "quarterly"`)
			replace(akce+".toml", `source = "Zkušební data"`, `source = "Jiná data"`)
		}, changed: []string{akce + ".toml"}, short: true},
		{name: "a free page", change: func() {
			replace("content/pages/accessibility.cs.md", `"Prohlášení o přístupnosti"`, `"Přístupnost"`)
		}, changed: []string{"content/pages/accessibility.cs.md"}},
		{name: "a story's text", change: func() { replace(story, "Úvod.", "Úvodem.") }, changed: []string{story}},
		{name: "a story's photo", change: func() {
			if err := os.WriteFile(file("content/stories/jezero/pred.jpg"), storyJPEG(t, 900, 600, 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}, changed: []string{"content/stories/jezero/pred.jpg"}},
		{name: "a body after the photo", change: func() { replace(animace, "Projekt leží", "Projekt běží") }, changed: []string{animace}, short: true},
		{name: "a UI string", change: func() { theme("layouts/i18n/cs.toml", `"Přeskočit na obsah"`, `"Přeskočit na text"`) }, changed: []string{"layouts/i18n/cs.toml"}},
		{name: "a layout", change: func() { theme("layouts/project.html", "</dl>", "</dl>\n<hr>") }, changed: []string{"layouts/project.html"}},
		{name: "a body after the layout", change: func() { replace(animace, "Projekt běží", "Projekt stojí") }, changed: []string{animace}, short: true},
		{name: "a stylesheet", change: func() { theme("static/css/portal.css", "{", "{\n/* changed */") }, changed: []string{"static/css/portal.css"}, short: true},
		{name: "a static file added", change: func() { write("static/robots-extra.txt", "x") }, changed: []string{"static/robots-extra.txt"}, short: true},
		{name: "and removed", change: func() { remove("static/robots-extra.txt") }, changed: []string{"static/robots-extra.txt"}, short: true},
		{name: "site.toml", change: func() { replace("content/site.toml", `cs = "Zkušební portál"`, `cs = "Zkušební portál kraje"`) }, changed: []string{"content/site.toml"}},
		{name: "a broken site.toml", change: func() { replace("content/site.toml", `cs = "Zkušební portál kraje"`, `cs = `) }, changed: []string{"content/site.toml"}, broken: true},
		{name: "a body while site.toml is broken", change: func() { replace(animace, "Projekt stojí", "Projekt leží") }, changed: []string{animace}, broken: true},
		// site.toml as it was at the last good build: only the body changed
		// since.
		{name: "site.toml fixed", change: func() { replace("content/site.toml", `cs = `, `cs = "Zkušební portál kraje"`) }, changed: []string{"content/site.toml"}, short: true},
		{name: "the story removed", change: func() { remove("content/stories") }, changed: []string{"content/stories"}},
		{name: "a last body", change: func() { replace(animace, "Projekt leží", "Projekt stojí") }, changed: []string{animace}, short: true},
	}
	for _, st := range steps {
		st.change()
		var up Update
		var err error
		if st.changed == nil {
			up, err = s.Build()
		} else {
			up, err = s.BuildChanged(st.changed)
		}
		if (err != nil) != st.broken {
			t.Fatalf("%s: error %v", st.name, err)
		}
		if err != nil {
			continue
		}
		if short := s.lastR.Reused(); short != st.short {
			t.Errorf("%s: took over the last build's pages: %v", st.name, short)
		}
		if st.short && len(up.Rendered) >= up.Pages/2 {
			t.Errorf("%s: %d of %d pages rendered again", st.name, len(up.Rendered), up.Pages)
		}
		s.WaitData()
		fresh := NewSession(cfg)
		if _, err := fresh.Build(); err != nil {
			t.Fatalf("%s: a new session: %v", st.name, err)
		}
		fresh.WaitData()
		if diff := sessionDiff(s, fresh); diff != "" {
			t.Errorf("%s: the session serves other files than a new one:\n%s", st.name, diff)
		}
	}
}

// sessionDiff lists the files two sessions serve differently, or "".
func sessionDiff(a, b *Session) string {
	files := func(s *Session) map[string][]byte {
		out := map[string][]byte{}
		for f, data := range *s.pages.Load() {
			out[f] = data
		}
		for f, data := range *s.data.Load() {
			out[f] = data
		}
		return out
	}
	return diffFiles("the session", files(a), files(b))
}
