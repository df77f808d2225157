package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/locale"
	"github.com/transformace/portal/generator/markdown"
	"github.com/transformace/portal/generator/render"
	"github.com/transformace/portal/generator/search"
)

// memOut collects the files Build writes, keyed by their path below the
// index folder.
type memOut map[string][]byte

func (m memOut) WriteFile(rel string, data []byte) error {
	m[strings.TrimPrefix(rel, "x/index/")] = bytes.Clone(data)
	return nil
}

func index(t *testing.T, lang string, docs []search.Doc) memOut {
	t.Helper()
	out := memOut{}
	if _, err := search.Build(lang, docs, "x", out); err != nil {
		t.Fatal(err)
	}
	return out
}

// tokens reads every token of an index, as documented in doc.go.
func tokens(t *testing.T, files memOut) map[string]bool {
	t.Helper()
	var m struct{ Terms map[string]string }
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, name := range m.Terms {
		var sh map[string]string
		if err := json.Unmarshal(files["t/"+name+".json"], &sh); err != nil {
			t.Fatal(err)
		}
		for tok := range sh {
			out[tok] = true
		}
	}
	return out
}

// theme reads the default theme's UI strings.
func theme(t *testing.T, lang string) *locale.Locale {
	t.Helper()
	name := "../../layouts/i18n/" + lang + ".toml"
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	l, err := locale.Parse(lang, name, data)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func load(t *testing.T, fsys fstest.MapFS) *content.Site {
	t.Helper()
	s, err := content.Load(fsys, content.Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func docs(t *testing.T, s *content.Site, lang string) []search.Doc {
	l := theme(t, lang)
	return search.SiteDocs(s, lang, render.Routes{Lang: lang, L: l}, l)
}

// The English index holds English text only: a translated project is not
// found by the words of its Czech original, of a summary the translation
// inherited, of an untranslated topic or of an untranslated partner's name;
// an untranslated project is found by its Czech words and marked Czech.
func TestSiteDocsLanguages(t *testing.T) {
	fsys := fstest.MapFS{}
	add := func(name, text string) { fsys["content/"+name] = &fstest.MapFile{Data: []byte(text)} }
	add("site.toml", `base_url = "https://example.cz/"
languages = ["cs", "en"]
publisher = "Karlovarský kraj"
publisher_ico = "70891168"
[title]
cs = "Transformace"
en = "Transition"
[tags.en]
"energetika" = "energy"
`)
	add("partners/mesto-sokolov.cs.md", "+++\ntitle = \"Město Sokolov\"\nkind = \"municipality\"\nregion = \"karlovarsky\"\n+++\nSokolov je centrem území.\n")
	add("partners/mas.cs.md", "+++\ntitle = \"Místní akční skupina\"\nkind = \"mas\"\nregion = \"ustecky\"\n+++\nSpolek.\n")
	add("partners/mas.en.md", "+++\ntitle = \"Local action group\"\n+++\nAn association.\n")
	add("projects/animace.cs.md", `+++
title = "Animace pro spravedlivou transformaci"
summary = "Místní akční skupiny rozhýbou kraj."
region = "ustecky"
status = "running"
carrier = "mas"
partners = ["mesto-sokolov"]
tags = ["energetika", "venkov"]
+++
Přehled výzev pro obce v Ústí nad Labem.
`)
	add("projects/animace.en.md", "+++\ntitle = \"Animation for a just transition\"\n+++\nAn overview of calls for municipalities in Ústí nad Labem.\n")
	add("projects/chytrejsi.cs.md", "+++\ntitle = \"Chytřejší kraj\"\nsummary = \"Digitalizace.\"\nregion = \"karlovarsky\"\nstatus = \"idea\"\n+++\nNepřeložený text.\n")
	add("pages/about.cs.md", "+++\ntitle = \"O portálu\"\n+++\nPortál ukazuje přehled projektů.\n")
	add("pages/about.en.md", "+++\ntitle = \"About the portal\"\nslug = \"about\"\n+++\nThe portal shows projects.\n")
	s := load(t, fsys)

	en := docs(t, s, "en")
	var types []string
	for _, d := range en {
		types = append(types, d.Type+" "+d.URL+" "+d.Lang)
	}
	// Kinds in order, and in a kind shorter titles first.
	want := []string{
		"region /en/regions/karlovy-vary-region/ en", "region /en/regions/usti-nad-labem-region/ en",
		"partner /en/partners/mesto-sokolov/ cs", "partner /en/partners/mas/ en",
		"project /en/projects/chytrejsi/ cs", "project /en/projects/animace/ en",
		"page /en/about/ en",
	}
	if !slices.Equal(types, want) {
		t.Errorf("English docs:\n%s\nwant\n%s", strings.Join(types, "\n"), strings.Join(want, "\n"))
	}
	toks := tokens(t, index(t, "en", en))
	for _, w := range []string{"animation", "overview", "energy", "local", "usti", "labem", "chytrejsi", "neprelozeny", "sokolov"} {
		if !toks[w] {
			t.Errorf("English index lacks %q", w)
		}
	}
	// "mesto" and "sokolov" are there from the untranslated partner page
	// itself, but the translated project does not carry them.
	for _, w := range []string{"animace", "spravedlivou", "rozhybou", "prehled", "vyzev", "venkov", "energetika", "mistni", "portalu", "ukazuje"} {
		if toks[w] {
			t.Errorf("English index holds the Czech-only word %q", w)
		}
	}
	files := index(t, "en", en)
	if r := search.Query(files, "sokolov"); len(r) != 1 || r[0].Type != "partner" {
		t.Errorf("sokolov in English: %+v (the translated project must not carry its untranslated partner's name)", r)
	}
	if r := search.Query(files, "chytrejsi"); len(r) != 1 || r[0].Lang != "cs" {
		t.Errorf("chytrejsi in English: %+v", r)
	}

	cs := docs(t, s, "cs")
	files = index(t, "cs", cs)
	for q, wantTitle := range map[string]string{
		"rozhybou": "Animace pro spravedlivou transformaci", "venkov": "Animace pro spravedlivou transformaci",
		"prehled vyzev": "Animace pro spravedlivou transformaci", "mesto sokolov": "Město Sokolov",
	} {
		if r := search.Query(files, q); len(r) == 0 || r[0].Title != wantTitle {
			t.Errorf("cs %q: %+v", q, r)
		}
	}
	// The project names its carrier and region in Czech too.
	if r := search.Query(files, "mistni akcni skupina"); len(r) != 2 || r[0].Type != "partner" {
		t.Errorf("cs carrier name: %+v", r)
	}
	if r := search.Query(files, "ustecky"); len(r) == 0 || r[0].Type != "region" || r[0].Title != "Ústecký kraj" {
		t.Errorf("cs region: %+v", r)
	}
}

func gz(data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Len()
}

// The example site in content/: its index finds what citizens type, and a
// first query transfers less than 50 KB gzipped.
func TestExampleSite(t *testing.T) {
	s, err := content.Load(os.DirFS("../.."), content.Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range s.Config.Languages {
		files := index(t, lang, docs(t, s, lang))
		total, totalGz := 0, 0
		for _, data := range files {
			total += len(data)
			totalGz += gz(data)
		}
		t.Logf("%s: %d documents, %d files, %.1f KB, %.1f KB gzipped", lang, len(docs(t, s, lang)), len(files), float64(total)/1024, float64(totalGz)/1024)
		for _, q := range []string{"usti", "transform", "prehled", "ustecky kraj", "brownfield"} {
			res := search.Query(files, q)
			if lang == "cs" && len(res) == 0 {
				t.Errorf("cs %q found nothing", q)
			}
			// What the browser fetches: the manifest, the shards of the
			// words (all of them, at most) and the metadata of the top 10.
			var m struct {
				Terms map[string]string
				Meta  string
				Chunk int
			}
			json.Unmarshal(files["manifest.json"], &m)
			size := gz(files["manifest.json"])
			for key, name := range m.Terms {
				for _, w := range search.Tokens(q) {
					if strings.HasPrefix(key, w) || strings.HasPrefix(w, key) {
						size += gz(files["t/"+name+".json"])
					}
				}
			}
			chunks := map[int]bool{}
			for i, r := range res {
				if i < 10 && !chunks[r.ID/m.Chunk] {
					chunks[r.ID/m.Chunk] = true
					size += gz(files[fmt.Sprintf("d/%s/%d.json", m.Meta, r.ID/m.Chunk)])
				}
			}
			var titles []string
			for i, r := range res {
				if i < 3 {
					titles = append(titles, r.Title)
				}
			}
			t.Logf("  %-18q %3d results, first query ≤ %.1f KB gzipped; top: %s", q, len(res), float64(size)/1024, strings.Join(titles, " | "))
			if size > 50<<10 {
				t.Errorf("%s %q transfers %.1f KB gzipped, over 50 KB", lang, q, float64(size)/1024)
			}
		}
		if lang == "cs" {
			found := false
			for _, r := range search.Query(files, "usti") {
				found = found || strings.Contains(r.Title, "Ústí") || strings.Contains(r.Snippet, "Ústí")
			}
			if !found {
				t.Error(`cs "usti" found nothing that says "Ústí"`)
			}
		}
	}
}
