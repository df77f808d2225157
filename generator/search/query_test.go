package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

var rankDocs = []Doc{
	0: {URL: "/cs/projekty/animace/", Title: "Animace pro spravedlivou transformaci Ústeckého kraje", Type: "project", Region: "Ústecký kraj",
		Text: "Místní akční skupiny chtějí dostat informace o transformaci kraje do každého kouta.", Lang: "cs"},
	1: {URL: "/cs/projekty/prehled/", Title: "Přehled dotací", Type: "project", Region: "Karlovarský kraj",
		Text: "Přehled výzev pro obce. Transformace regionu.", Lang: "cs"},
	2: {URL: "/cs/partneri/usti/", Title: "Statutární město Ústí nad Labem", Type: "partner", Region: "Ústecký kraj",
		Text: "Krajské město.", Lang: "cs"},
	3: {URL: "/cs/o-portalu/", Title: "O portálu", Type: "page",
		Text: "Portál ukazuje přehled projektů transformace. V Ústí nad Labem sídlí krajský úřad.", Lang: "cs"},
	4: {URL: "/cs/projekty/skoly/", Title: "Digitální školy", Type: "project", Region: "Liberecký kraj",
		Text: "Školy v Liberci. Škola, školy, školám.", Lang: "cs"},
	5: {URL: "/cs/projekty/polsko/", Title: "Centrum wsparcia doradczego", Type: "project", Region: "Zahraničí",
		Text: "Projekt z Polska: Łódź a Wałbrzych.", Lang: "cs"},
	6: {URL: "/cs/projekty/transformace/", Title: "Transformace", Type: "project", Region: "Ústecký kraj", Text: "Krátce.", Lang: "cs"},
}

// ids returns the IDs of the results in order.
func ids(rs []Result) []int {
	var out []int
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestQuery(t *testing.T) {
	if MaxWords != 12 {
		t.Fatal("the MaxWords cases below are written for 12 words")
	}
	files := build(t, "cs", rankDocs)
	for _, c := range []struct {
		q    string
		want []int
	}{
		// Diacritics and case are ignored both ways.
		{"prehled", []int{1, 3}},
		{"PŘEHLED", []int{1, 3}},
		{"přehled", []int{1, 3}},
		{"usti", []int{2, 3}},
		{"Ústí", []int{2, 3}},
		{"lodz", []int{5}},
		{"walbrzych", []int{5}},
		// Prefixes find every form: transformace, transformaci (title
		// first: exact title, prefix title, exact text, prefix text).
		{"transform", []int{0, 6, 1, 3}},
		{"transformace", []int{6, 1, 3}},
		{"transformaci", []int{0}},
		{"tr", []int{0, 6, 1, 3}},
		// Region names are searched like text.
		{"ustecky", []int{0, 2, 6}},
		{"ústecký kraj", []int{0, 2, 6}},
		// Words are AND-ed, in any order.
		{"usti labem", []int{2, 3}},
		{"labem usti", []int{2, 3}},
		{"usti transformace", []int{3}},
		{"prehled dotaci", []int{1}},
		{"prehled xyz", nil},
		// A word in the title beats the same word in the text, and a word
		// often in the text beats one once in it.
		{"skol", []int{4}},
		{"krajske mesto", []int{2}},
		{"mesto", []int{2}},
		// Punctuation and one-letter words do not matter; nothing to
		// search finds nothing.
		{"  „usti“, (a) ", []int{2, 3}},
		{"a", nil},
		{"", nil},
		{"x y z", nil},
		// Repeated words count once; words after the first MaxWords are
		// ignored.
		{"usti usti USTI Ústí", []int{2, 3}},
		{"st sta stat statu statut statuta statutar statutarn statutarni me mes mest xyz", []int{2}},
		{"st sta stat statu statut statuta statutar statutarn statutarni me mes xyz", nil},
	} {
		if got := ids(Query(files, c.q)); !slices.Equal(got, c.want) {
			t.Errorf("Query(%q) = %v, want %v", c.q, got, c.want)
		}
	}

	// Results carry their metadata.
	r := Query(files, "ústí labem")[0]
	if r.URL != "/cs/partneri/usti/" || r.Title != "Statutární město Ústí nad Labem" || r.Type != "partner" || r.Region != "Ústecký kraj" || r.Snippet != "Krajské město." || r.Lang != "cs" {
		t.Errorf("result = %+v", r)
	}
}

func TestQueryScores(t *testing.T) {
	files := build(t, "cs", []Doc{
		0: {Title: "transformace"},                                          // title, exact
		1: {Title: "transformacemi"},                                        // title, prefix
		2: {Text: "transformace"},                                           // text, exact
		3: {Text: "transformacemi " + strings.Repeat("transformacemi ", 5)}, // text, prefix, often
		4: {Text: "transformacemi"},                                         // text, prefix, once
		5: {Text: "transformace transformace"},                              // text, exact, twice
	})
	got := Query(files, "transformace")
	if want := []int{0, 1, 5, 2, 3, 4}; !slices.Equal(ids(got), want) {
		t.Fatalf("order %v, want %v", ids(got), want)
	}
	var scores []int
	for _, r := range got {
		scores = append(scores, r.Score)
	}
	if want := []int{60, 20, 9, 6, 4, 2}; !slices.Equal(scores, want) {
		t.Errorf("scores %v, want %v", scores, want)
	}
	// Two words in the title beat one in the title and one in the text.
	files = build(t, "cs", []Doc{
		{Title: "Ústí", Text: "škola"},
		{Title: "Škola v Ústí"},
	})
	if got := ids(Query(files, "usti skola")); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("two title words: %v", got)
	}
}

// A word whose posting list is truncated is as good as a stop word: it
// ranks but does not filter, so that "projekt usti" still finds every
// document about Ústí on a site where every document says "projekt".
func TestQueryTruncated(t *testing.T) {
	var docs []Doc
	for i := range MaxPostings + 10 {
		d := Doc{URL: fmt.Sprint(i), Text: "projekt"}
		if i%1000 == 999 {
			d.Text = "Ústí"
		}
		if i == MaxPostings+5 {
			d.Title = "Projekt v Ústí"
		}
		docs = append(docs, d)
	}
	files := build(t, "cs", docs)
	got := Query(files, "projekt usti")
	want := []int{MaxPostings + 5, 999, 1999, 2999, 3999, 4999}
	if !slices.Equal(ids(got), want) {
		t.Errorf("projekt usti = %v, want %v", ids(got), want)
	}
	// Alone, a truncated word finds its kept postings, titles first.
	got = Query(files, "projekt")
	if len(got) != MaxPostings || got[0].ID != MaxPostings+5 {
		t.Errorf("projekt: %d results, first %d", len(got), got[0].ID)
	}
}

// The English index holds what the caller gives it: a translated page's
// English text, and an untranslated page's Czech text marked with its
// language.
func TestQueryLanguages(t *testing.T) {
	files := build(t, "en", []Doc{
		{URL: "/en/projects/a/", Title: "Animation for a just transition", Text: "Local action groups.", Lang: "en"},
		{URL: "/en/projects/b/", Title: "Chytřejší kraj", Text: "Nepřeložený projekt.", Lang: "cs"},
	})
	if got := Query(files, "transition"); len(got) != 1 || got[0].Lang != "en" {
		t.Errorf("transition: %+v", got)
	}
	if got := Query(files, "chytrejsi"); len(got) != 1 || got[0].Lang != "cs" || got[0].URL != "/en/projects/b/" {
		t.Errorf("chytrejsi: %+v", got)
	}
	if got := Query(files, "animace"); got != nil {
		t.Errorf("animace (Czech title of a translated page) found %+v", got)
	}
}

func TestQueryBrokenIndex(t *testing.T) {
	files := build(t, "cs", rankDocs)
	for name := range files {
		read := false
		_, err := query(func(n string) ([]byte, error) {
			if n == name {
				read = true
				return []byte("{"), nil
			}
			return files[n], nil
		}, "transform", -1)
		if read && err == nil {
			t.Errorf("a broken %s was not noticed", name)
		}
	}
	for _, bad := range []map[string][]byte{
		{},
		{"manifest.json": []byte("[]")},
		{"manifest.json": []byte(`{"terms":{"tr":"x"},"meta":[],"chunk":8}`), "t/x.json": []byte(`{"transform":"*"}`)},
		{"manifest.json": []byte(`{"terms":{"tr":"x"},"meta":[],"chunk":8}`), "t/x.json": []byte(`{"transform":"A"}`)},
	} {
		if got := Query(bad, "transform"); got != nil {
			t.Errorf("broken index %q gave %+v", bad, got)
		}
	}
}
