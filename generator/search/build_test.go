package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// memOut collects the files Build writes.
type memOut map[string][]byte

func (m memOut) WriteFile(rel string, data []byte) error {
	if _, ok := m[rel]; ok {
		return fmt.Errorf("%s written twice", rel)
	}
	m[rel] = bytes.Clone(data)
	return nil
}

// build runs Build and returns the files keyed by their path below the
// index folder, as Query wants them.
func build(t testing.TB, lang string, docs []Doc) map[string][]byte {
	t.Helper()
	out := memOut{}
	written, err := Build(lang, docs, "x/", out)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != len(out) {
		t.Fatalf("Build returned %d paths for %d files", len(written), len(out))
	}
	files := map[string][]byte{}
	for _, p := range written {
		rel, ok := strings.CutPrefix(p, "x/index/")
		if !ok {
			t.Fatalf("file %q is not under x/index/", p)
		}
		files[rel] = out[p]
	}
	return files
}

func TestPostingsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 31, 1000, MaxPostings, MaxPostings + 1, 3 * MaxPostings} {
		var ps []posting
		id := -1
		for range n {
			id += 1 + r.IntN(1+r.IntN(3000))
			ps = append(ps, posting{id, r.IntN(4)})
		}
		enc := encodePostings(ps)
		got, truncated, err := decodePostings(enc)
		if err != nil {
			t.Fatalf("%d postings: %v", n, err)
		}
		if truncated != (n > MaxPostings) {
			t.Errorf("%d postings: truncated = %v", n, truncated)
		}
		if n <= MaxPostings {
			if !slices.Equal(got, ps) {
				t.Errorf("%d postings do not survive encoding", n)
			}
			continue
		}
		if len(got) != MaxPostings || !slices.IsSortedFunc(got, func(a, b posting) int { return a.id - b.id }) {
			t.Fatalf("truncated list has %d postings, sorted %v", len(got), slices.IsSortedFunc(got, func(a, b posting) int { return a.id - b.id }))
		}
		// The kept postings are the best classes.
		worstKept, bestDropped := 3, -1
		kept := map[int]bool{}
		for _, p := range got {
			kept[p.id] = true
			worstKept = min(worstKept, p.class)
		}
		for _, p := range ps {
			if !kept[p.id] {
				bestDropped = max(bestDropped, p.class)
			}
		}
		if bestDropped > worstKept {
			t.Errorf("dropped a posting of class %d but kept one of class %d", bestDropped, worstKept)
		}
	}
	// Dense lists cost one character per posting.
	ps := make([]posting, 100)
	for i := range ps {
		ps[i] = posting{i, i % 4}
	}
	if enc := encodePostings(ps); len(enc) != 100 {
		t.Errorf("100 consecutive postings take %d characters", len(enc))
	}
	for _, bad := range []string{"*", "g", "!g"} { // g = 32: a continuation that never ends
		if _, _, err := decodePostings(bad); err == nil {
			t.Errorf("decodePostings(%q) accepted", bad)
		}
	}
}

func TestBuildFiles(t *testing.T) {
	docs := []Doc{
		{URL: "/cs/a/", Title: "Přehled <projektů> & „věcí“", Type: "page", Text: "Úvodní text.", Lang: "cs"},
		{URL: "/cs/b/", Title: "Jiný", Type: "project", Region: "Ústecký kraj", Text: "Text o Ústí.", Lang: "cs"},
	}
	out := memOut{}
	written, err := Build("cs", docs, "cs/hledat", out)
	if err != nil {
		t.Fatal(err)
	}
	if written[len(written)-1] != "cs/hledat/index/manifest.json" {
		t.Errorf("the manifest is not written last: %q", written)
	}
	for _, p := range written {
		if !strings.HasPrefix(p, "cs/hledat/index/t/") && !strings.HasPrefix(p, "cs/hledat/index/d/") && p != "cs/hledat/index/manifest.json" {
			t.Errorf("unexpected file %q", p)
		}
		if !json.Valid(out[p]) {
			t.Errorf("%s is not JSON: %s", p, out[p])
		}
	}
	var m manifest
	if err := json.Unmarshal(out["cs/hledat/index/manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != 1 || m.Lang != "cs" || m.Docs != 2 || m.Chunk != ChunkDocs || len(m.Meta) != 8 || m.Min != MinToken || m.Max != MaxToken || m.Shards != MaxShardsPerWord {
		t.Errorf("manifest = %+v", m)
	}
	meta := string(out["cs/hledat/index/d/"+m.Meta+"/0.json"])
	if want := `[["/cs/a/","Přehled <projektů> & „věcí“","page","","Úvodní text."],["/cs/b/","Jiný","project","Ústecký kraj","Text o Ústí."]]`; meta != want {
		t.Errorf("metadata = %s\nwant       %s", meta, want)
	}
	// The output is the same every time.
	again := memOut{}
	written2, _ := Build("cs", docs, "cs/hledat/", again)
	if !slices.Equal(written, written2) {
		t.Errorf("second build wrote %q, first %q", written2, written)
	}
	for p, data := range out {
		if !bytes.Equal(again[p], data) {
			t.Errorf("%s differs between builds", p)
		}
	}
	// An empty index is valid and finds nothing.
	files := build(t, "en", nil)
	if len(files) != 1 || Query(files, "anything") != nil {
		t.Errorf("empty index: %d files", len(files))
	}
}

func TestBuildWriteError(t *testing.T) {
	_, err := Build("cs", []Doc{{Title: "x y"}}, "", failOut{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("error = %v", err)
	}
}

type failOut struct{}

func (failOut) WriteFile(string, []byte) error { return fmt.Errorf("disk full") }

// TestShardSplit checks, on an index large enough for shards to split,
// that every prefix query finds exactly the documents that hold a token
// starting with it.
func TestShardSplit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	letters := []rune("abcdeěfghiíjklmnopqrřsštuvwxyzž0123")
	word := func() string {
		n := 2 + r.IntN(8)
		w := make([]rune, n)
		for i := range w {
			w[i] = letters[r.IntN(len(letters))]
		}
		if r.IntN(3) == 0 {
			w[0], w[1] = 'p', 'r' // a crowded prefix, as in Czech
		}
		return string(w)
	}
	var docs []Doc
	holders := map[string]map[int]bool{} // normalised token → docs
	for id := range 3000 {
		var words []string
		for range 5 + r.IntN(30) {
			words = append(words, word())
		}
		text := strings.Join(words, " ")
		docs = append(docs, Doc{URL: fmt.Sprint(id), Title: "d", Text: text})
		for _, tok := range Tokens(text) {
			if holders[tok] == nil {
				holders[tok] = map[int]bool{}
			}
			holders[tok][id] = true
		}
	}
	files := build(t, "cs", docs)
	var m manifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	deep := 0
	for k, name := range m.Terms {
		if len([]rune(k)) > MinToken {
			deep++
		}
		if len(files["t/"+name+".json"]) > ShardBytes+MaxToken+1000 && len([]rune(k)) < MaxToken {
			// a shard may exceed the limit only by one token, or when it
			// cannot be split because all its tokens equal its key
			var sh map[string]string
			_ = json.Unmarshal(files["t/"+name+".json"], &sh)
			if len(sh) > 1 {
				t.Errorf("shard %q is %d bytes with %d tokens", k, len(files["t/"+name+".json"]), len(sh))
			}
		}
	}
	if deep == 0 {
		t.Fatal("no shard was split: the test does not test splitting")
	}
	narrowed := 0
	for _, q := range []string{"pr", "pra", "prř", "prab", "ab", "ř0", "00", "zz", "prrr", "p1"} {
		want := map[int]bool{}
		_, narrow := shardKeys(m.Terms, Normalize(q), m.Shards)
		if narrow {
			narrowed++
		}
		for tok, ids := range holders {
			if strings.HasPrefix(tok, Normalize(q)) && (!narrow || tok == Normalize(q)) {
				for id := range ids {
					want[id] = true
				}
			}
		}
		got := Query(files, q)
		if len(got) != len(want) {
			t.Errorf("%q: %d results, want %d", q, len(got), len(want))
			continue
		}
		for _, res := range got {
			if !want[res.ID] || res.URL != fmt.Sprint(res.ID) {
				t.Errorf("%q: unexpected result %+v", q, res)
			}
		}
	}
	if narrowed == 0 || narrowed == 10 {
		t.Errorf("%d of 10 queries were narrowed to whole words: the test does not test both", narrowed)
	}
}
