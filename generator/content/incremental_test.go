package content

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/transformace/portal/generator/markdown"
)

// TestLoadChanged: a Load told which files changed (Options.Changed)
// returns what a Load of the whole folder without a cache returns, after
// every kind of change, broken saves and their fixes included; and it
// keeps the entries that did not change as they were.
func TestLoadChanged(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	file := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	read := func(name string) string {
		data, err := os.ReadFile(file(name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(file(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file(name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replace := func(name, old, new string) {
		text := read(name)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		write(name, strings.Replace(text, old, new, 1))
	}
	remove := func(name string) {
		if err := os.Remove(file(name)); err != nil {
			t.Fatal(err)
		}
	}
	const card = "content/projects/animace-pro-spravedlivou-transformaci.cs.md"
	const cardEN = "content/projects/animace-pro-spravedlivou-transformaci.en.md"
	const ind = "content/indicators/animace-ustecky-kraj-akce"
	newCard := strings.Replace(read(card), `title = "Animace`, `title = "Nová animace`, 1)
	indTOML, indCSV := read(ind+".toml"), read(ind+".csv")

	steps := []struct {
		name    string
		change  func()
		changed []string
		broken  bool // the Load fails
		full    bool // the list cannot be used: the folder is read whole
	}{
		{name: "nothing", change: func() {}, changed: []string{}},
		{name: "body of a project", change: func() { replace(card, "## O projektu", "## O tomto projektu") }, changed: []string{card}},
		{name: "title of a translation", change: func() { replace(cardEN, `title = "`, `title = "New `) }, changed: []string{cardEN}},
		{name: "a project added", change: func() { write("content/projects/nova-animace.cs.md", newCard) }, changed: []string{"content/projects/nova-animace.cs.md"}},
		{name: "its translation added", change: func() {
			write("content/projects/nova-animace.en.md", "+++\ntitle = \"New animation\"\n+++\n\nText.\n")
		}, changed: []string{"content/projects/nova-animace.en.md"}},
		{name: "the translation removed", change: func() { remove("content/projects/nova-animace.en.md") }, changed: []string{"content/projects/nova-animace.en.md"}},
		{name: "a broken status", change: func() { replace(card, `status = "preparation"`, `status = "preparaton"`) }, changed: []string{card}, broken: true},
		{name: "fixed", change: func() { replace(card, `status = "preparaton"`, `status = "running"`) }, changed: []string{card}},
		{name: "a partner that does not exist", change: func() { replace(card, `partners = ["ustecky-kraj"]`, `partners = ["ustecky-kraj", "nikdo"]`) }, changed: []string{card}, broken: true},
		{name: "a partner removed whom projects name", change: func() {
			replace(card, `partners = ["ustecky-kraj", "nikdo"]`, `partners = ["ustecky-kraj"]`)
			remove("content/partners/ustecky-kraj.cs.md")
		}, changed: []string{card, "content/partners/ustecky-kraj.cs.md"}, broken: true},
		{name: "the partner back, with a new name", change: func() {
			write("content/partners/ustecky-kraj.cs.md", strings.Replace(read("content/partners/ustecky-kraj.en.md"), "+++\ntitle", "+++\nkind = \"region\"\ntitle", 1))
		}, changed: []string{"content/partners/ustecky-kraj.cs.md"}},
		{name: "a partner listed twice (a warning)", change: func() { replace(card, `partners = ["ustecky-kraj"]`, `partners = ["ustecky-kraj", "ustecky-kraj"]`) }, changed: []string{card}},
		{name: "a line above the warning", change: func() { replace(card, "region = ", "territory = \"kraj\"\nregion = ") }, changed: []string{card}},
		{name: "another card while it warns", change: func() { replace(cardEN, `title = "New `, `title = "Newer `) }, changed: []string{cardEN}},
		{name: "a free page", change: func() { replace("content/pages/about.cs.md", "+++\n\n", "+++\n\nNovinka. ") }, changed: []string{"content/pages/about.cs.md"}},
		{name: "an indicator's figures", change: func() { write(ind+".csv", strings.Replace(indCSV, "\n", "\n\n", 1)) }, changed: []string{ind + ".csv"}},
		{name: "an indicator removed that a project lists", change: func() { remove(ind + ".csv"); remove(ind + ".toml") }, changed: []string{ind + ".csv", ind + ".toml"}, broken: true},
		{name: "half of it back", change: func() { write(ind+".csv", indCSV) }, changed: []string{ind + ".csv"}, broken: true},
		{name: "all of it back", change: func() { write(ind+".toml", indTOML) }, changed: []string{ind + ".toml"}},
		{name: "a new indicator nobody lists (a warning)", change: func() {
			write("content/indicators/nove.toml", indTOML)
			write("content/indicators/nove.csv", indCSV)
		}, changed: []string{"content/indicators/nove.toml", "content/indicators/nove.csv"}},
		{name: "an editor's backup", change: func() { write(card+"~", "x") }, changed: []string{card + "~"}},
		{name: "sed's temporary file, come and gone", change: func() { replace(card, "## O tomto projektu", "## O projektu") }, changed: []string{"content/projects/sedX1b2c3", card}},
		{name: "a file that is not read", change: func() { write("content/projects/poznamky.txt", "x") }, changed: []string{"content/projects/poznamky.txt"}, full: true},
		{name: "and gone (its warning too)", change: func() { remove("content/projects/poznamky.txt") }, changed: []string{"content/projects/poznamky.txt"}, full: true},
		{name: "an indicator's temporary file", change: func() { write(ind+".csv", indCSV+"\n") }, changed: []string{"content/indicators/sedQ9", ind + ".csv"}},
		{name: "a story", change: func() {
			stories, _ := filepath.Glob(file("content/stories/*/index.cs.md"))
			rel, _ := filepath.Rel(dir, stories[0])
			replace(filepath.ToSlash(rel), "+++\n\n", "+++\n\nÚvodem. ")
		}, changed: []string{"content/stories/x/index.cs.md"}, full: true},
		{name: "site.toml", change: func() { replace("content/site.toml", "[title]\n", "[title]\n# komentář\n") }, changed: []string{"content/site.toml"}, full: true},
		{name: "a project removed", change: func() { remove("content/projects/nova-animace.cs.md") }, changed: []string{"content/projects/nova-animace.cs.md"}},
		{name: "the partners' folder", change: func() {}, changed: []string{"content/partners"}, full: true},
		{name: "the content folder", change: func() {}, changed: []string{"content"}, full: true},
		{name: "a layout", change: func() {}, changed: []string{"layouts/base.html", "static/css/portal.css"}},
	}
	c := NewCache()
	md := markdown.New(markdown.Options{})
	first, err := Load(os.DirFS(dir), Options{Markdown: md, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	prev := first
	pending := []string{} // changed since the last Load without errors
	for _, st := range steps {
		st.change()
		pending = append(pending, st.changed...)
		if st.changed == nil {
			pending = nil
		}
		partial := c.partial
		got, err := Load(os.DirFS(dir), Options{Markdown: md, Cache: c, Changed: slices.Clone(pending)})
		if read := c.partial > partial; read == st.full {
			t.Errorf("%s: read only the changed files: %v", st.name, read)
		}
		want, wantErr := Load(os.DirFS(dir), Options{Markdown: md})
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("%s: error\n%v\nwant\n%v", st.name, err, wantErr)
		}
		if (err != nil) != st.broken {
			t.Fatalf("%s: error %v", st.name, err)
		}
		if err != nil {
			continue
		}
		pending = []string{}
		if !sameSite(got, want) {
			t.Fatalf("%s: the Site differs from a Load of the whole folder:\n%s", st.name, siteDiff(got, want))
		}
		// Entries whose files did not change are the same pointers.
		for _, pa := range got.Partners {
			if old := prev.PartnerBySlug[pa.Slug]; old != nil && pa.Slug != "ustecky-kraj" && old != pa && !st.full {
				t.Errorf("%s: partner %s built again", st.name, pa.Slug)
			}
		}
		prev = got
	}
}

// siteDiff names the fields of two Sites that differ.
func siteDiff(a, b *Site) string {
	var out []string
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, va.Type().Field(i).Name)
		}
	}
	for _, pr := range a.Projects {
		if q := b.ProjectBySlug[pr.Slug]; !reflect.DeepEqual(pr, q) {
			out = append(out, "project "+pr.Slug)
		}
	}
	return strings.Join(out, ", ")
}

// sameSite is reflect.DeepEqual but for the indicators' figures, which
// are compared as text: a missing value is NaN, which DeepEqual finds
// unequal to itself.
func sameSite(a, b *Site) bool {
	ca, cb := *a, *b
	ca.Indicators, cb.Indicators, ca.IndicatorByID, cb.IndicatorByID = nil, nil, nil, nil
	if !reflect.DeepEqual(ca, cb) || len(a.Indicators) != len(b.Indicators) || len(a.IndicatorByID) != len(b.IndicatorByID) {
		return false
	}
	for i, ind := range a.Indicators {
		ia, ib := *ind, *b.Indicators[i]
		ia.Rows, ib.Rows = nil, nil
		if !reflect.DeepEqual(ia, ib) || fmt.Sprint(ind.Rows) != fmt.Sprint(b.Indicators[i].Rows) || a.IndicatorByID[ind.ID] != ind || b.IndicatorByID[ind.ID] != b.Indicators[i] {
			return false
		}
	}
	return true
}
