package search

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// sameFiles fails unless got and want are the same files in the same
// order with the same bytes.
func sameFiles(t *testing.T, step string, got, want []file) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d files, want %d", step, len(got), len(want))
	}
	for i := range got {
		if got[i].name != want[i].name || !bytes.Equal(got[i].data, want[i].data) {
			t.Fatalf("%s: file %d is %s (%d bytes), want %s (%d bytes)", step, i, got[i].name, len(got[i].data), want[i].name, len(want[i].data))
		}
	}
}

// TestIndexIncremental: an Index built again after each of a sequence of
// edits gives the bytes of a build from scratch every time, whether it
// updated its posting lists in place or assembled them again.
func TestIndexIncremental(t *testing.T) {
	docs := corpus(400)
	ix := NewIndex()
	steps := []struct {
		name string
		edit func(d []Doc) []Doc
	}{
		{"first build", func(d []Doc) []Doc { return d }},
		{"nothing changed", func(d []Doc) []Doc { return d }},
		{"a word of one text", func(d []Doc) []Doc { d[17].Text = "Zkouška " + d[17].Text; return d }},
		{"a text ends otherwise", func(d []Doc) []Doc { d[18].Text += " brownfield brownfield brownfield"; return d }},
		{"a title", func(d []Doc) []Doc { d[3].Title = "Revitalizace areálu " + d[3].Title; return d }},
		{"a region", func(d []Doc) []Doc { d[200].Region = "Liberecký kraj"; return d }},
		{"a language", func(d []Doc) []Doc { d[201].Lang = "en"; return d }},
		{"a text emptied", func(d []Doc) []Doc { d[5].Text = ""; d[5].Title = "x"; return d }},
		{"two documents swap", func(d []Doc) []Doc { d[40], d[41] = d[41], d[40]; return d }},
		{"a document added", func(d []Doc) []Doc {
			return slices.Insert(d, 100, Doc{URL: "/cs/projekty/novy/", Title: "Nový projekt", Type: "project", Text: "Úplně nová slova: kvazikrystal transformace.", Lang: "cs"})
		}},
		{"a document removed", func(d []Doc) []Doc { return slices.Delete(d, 7, 8) }},
		{"the same document twice", func(d []Doc) []Doc { d[9] = d[10]; return d }},
		{"many texts", func(d []Doc) []Doc {
			for i := 0; i < len(d); i += 3 {
				d[i].Text += " konec"
			}
			return d
		}},
		{"a word only one document had", func(d []Doc) []Doc { d[100].Text = "Už bez toho slova."; return d }},
		{"no documents", func(d []Doc) []Doc { return nil }},
		{"documents again", func(d []Doc) []Doc { return corpus(50) }},
	}
	for _, st := range steps {
		docs = st.edit(slices.Clone(docs))
		want, err := buildFiles("cs", docs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.files("cs", docs)
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, st.name, got, want)
	}
	// Another language starts over.
	want, _ := buildFiles("en", docs)
	got, _ := ix.files("en", docs)
	sameFiles(t, "another language", got, want)
}

// TestIndexSameAsBuild: a new Index gives the bytes of Build on corpora
// of several sizes (shards split on the large).
func TestIndexSameAsBuild(t *testing.T) {
	for _, n := range []int{0, 1, 5, 60, 3000} {
		docs := corpus(n)
		want, err := buildFiles("cs", docs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := NewIndex().files("cs", docs)
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, fmt.Sprint(n, " documents"), got, want)
	}
}

// BenchmarkIndexEdit10k: one document of 10 000 changed since the last
// build, as in portal serve after a save.
func BenchmarkIndexEdit10k(b *testing.B) {
	docs := corpus(10000)
	ix := NewIndex()
	if _, err := ix.files("cs", docs); err != nil {
		b.Fatal(err)
	}
	orig := docs[5000].Text
	i := 0
	for b.Loop() {
		i++
		docs[5000].Text = fmt.Sprintf("Úprava%d %s", i, orig)
		if _, err := ix.files("cs", docs); err != nil {
			b.Fatal(err)
		}
	}
}
