package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// Sizes of what a query transfers, gzipped file by file as a web server
// sends them.

// corpusWords are frequent words of the portal's domain, most frequent
// first; the generated corpus draws them (and made-up words after them)
// with a Zipf distribution, so that every shard has the skew of Czech text.
var functionWords = strings.Fields(`a v na se o je z pro k s do že to by jako i od ve`)

// domainWords are spread over the ranks after the function words.
var domainWords = strings.Fields(`projekt projektu projekty projektů kraje kraj kraji transformace transformaci
	obce obcí města město rozvoj rozvoje podpora podpory energie energetiky
	spravedlivá spravedlivé fond fondu dotace dotací výzva výzvy Ústí Ústeckého
	Ústecký Karlovarský Karlovarského Liberecký Libereckého Most Sokolov Chomutov
	uhlí uhelného těžby těžba region regionu regionů škola školy škol vzdělávání
	brownfield brownfieldu brownfieldy revitalizace revitalizaci areálu areál
	vodík vodíku teplárna teplárny obnovitelné zdroje zdrojů fotovoltaika
	elektrárna elektrárny zaměstnanost zaměstnanců rekvalifikace podnikání firmy
	firem inovace inovací výzkum výzkumu univerzita univerzity centrum centra
	přehled přehledu plán plánu strategie strategický strategické cíl cíle
	priorita priority opatření aktivit aktivity partner partneři partnerů
	rozpočet rozpočtu financování investice investic infrastruktura doprava
	dopravy silnice železnice bydlení byty sociální služby zdravotnictví nemocnice
	digitální digitalizace úřad úřadu krajský krajského veřejné veřejných správy
	příprava přípravy realizace realizaci dokončení ukončení etapa etapy rok roku
	let milionů korun EUR CZK OPST MMR MŽP JTF tisíc lidí obyvatel místní akční
	skupiny skupina venkov komunitní energetika voda vody odpady odpadů krajina
	krajiny rekultivace jezero jezera les lesy zeleň klima klimatu emise emisí
	uhlíku neutrální ekonomika ekonomiky zelené zelená technologie technologií
	průmysl průmyslu průmyslové zóna zóny park parku muzeum kultura kultury
	turistika cestovní ruch sport hala bazén knihovna komunita spolupráce`)

// pseudoWord makes a word that looks Czech enough for its prefixes to
// crowd like Czech ones do (pr…, po…, na…, za…).
func pseudoWord(r *rand.Rand) string {
	prefixes := []string{"", "", "", "pro", "pře", "při", "po", "na", "za", "vy", "roz", "od", "do", "ne", "u", "s", "v", "ob", "pod", "nad"}
	onsets := []string{"b", "c", "č", "d", "f", "h", "ch", "j", "k", "l", "m", "n", "p", "r", "ř", "s", "š", "t", "v", "z", "ž", "st", "tr", "kr", "pr", "sl", "zn", "dv", "sp"}
	vowels := []string{"a", "e", "i", "o", "u", "á", "é", "í", "ý", "ů", "ě", "y"}
	suffixes := []string{"", "a", "y", "u", "ou", "ní", "ního", "ním", "ace", "aci", "ování", "ovat", "ský", "ského", "ém", "ých", "ů", "ami", "ích", "ost", "osti", "ka", "ky", "ek"}
	var b strings.Builder
	b.WriteString(prefixes[r.IntN(len(prefixes))])
	for range 1 + r.IntN(3) {
		b.WriteString(onsets[r.IntN(len(onsets))])
		b.WriteString(vowels[r.IntN(len(vowels))])
	}
	b.WriteString(onsets[r.IntN(len(onsets))])
	b.WriteString(suffixes[r.IntN(len(suffixes))])
	return b.String()
}

// corpus generates n project-like documents: titles of 4–10 words, texts
// of 80–1200 words (about 450 on average, like the example site's
// projects), a vocabulary of some 150 000 words.
func corpus(n int) []Doc {
	r := rand.New(rand.NewPCG(2026, 10000))
	vocab := append([]string(nil), functionWords...)
	seen := map[string]bool{}
	for _, w := range append(functionWords, domainWords...) {
		seen[w] = true
	}
	for len(vocab) < 150000 {
		if w := pseudoWord(r); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	// Domain words take ranks from about 20 to 4000, the most frequent
	// of them first.
	for i, w := range domainWords {
		at := len(functionWords) + i*i/10 + r.IntN(10*(i+1))
		vocab = slices.Insert(vocab, at, w)
	}
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	regions := []string{"Ústecký kraj", "Ústecký kraj", "Ústecký kraj", "Karlovarský kraj", "Karlovarský kraj", "Moravskoslezský kraj", "Moravskoslezský kraj", "Liberecký kraj", "Hlavní město Praha", "Zahraničí"}
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	docs := make([]Doc, n)
	for i := range docs {
		title := words(4 + r.IntN(7))
		docs[i] = Doc{
			URL:    fmt.Sprintf("/cs/projekty/%s-%d/", strings.Join(Tokens(title), "-"), i),
			Title:  title,
			Type:   "project",
			Region: regions[r.IntN(len(regions))],
			Text:   words(80 + int(r.ExpFloat64()*370)%1120),
			Lang:   "cs",
		}
	}
	return docs
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, 6)
	w.Write(data)
	w.Close()
	return b.Len()
}

// transfer is what the browser downloads for one query: the manifest, the
// token shards of its words and the metadata files of the top results.
type transfer struct {
	results                    int
	manifest, shards, meta     int // gzipped bytes
	shardFiles, metaFiles      int
	shardsRaw, metaRaw, manRaw int
}

func (t transfer) total() int { return t.manifest + t.shards + t.meta }

func (t transfer) String() string {
	return fmt.Sprintf("%6d results | manifest %5.1f KB | %2d shards %6.1f KB | %2d meta %5.1f KB | total %6.1f KB gz (raw %6.1f KB)",
		t.results, kb(t.manifest), t.shardFiles, kb(t.shards), t.metaFiles, kb(t.meta), kb(t.total()), kb(t.manRaw+t.shardsRaw+t.metaRaw))
}

func kb(n int) float64 { return float64(n) / 1024 }

func measure(t testing.TB, files map[string][]byte, q string, top int) transfer {
	t.Helper()
	var tr transfer
	res, err := query(func(name string) ([]byte, error) {
		data, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("%s: no such file", name)
		}
		switch {
		case name == "manifest.json":
			tr.manifest, tr.manRaw = gzipSize(data), len(data)
		case strings.HasPrefix(name, "t/"):
			tr.shards += gzipSize(data)
			tr.shardsRaw += len(data)
			tr.shardFiles++
		default:
			tr.meta += gzipSize(data)
			tr.metaRaw += len(data)
			tr.metaFiles++
		}
		return data, nil
	}, q, top)
	if err != nil {
		t.Fatal(err)
	}
	tr.results = len(res)
	return tr
}

// indexSize sums the files of an index.
func indexSize(files map[string][]byte) (n, raw, gz int) {
	for _, data := range files {
		n++
		raw += len(data)
		gz += gzipSize(data)
	}
	return
}

// sizeQueries are typical queries: one word, a prefix, two words, and a
// two-letter prefix (the worst case: every shard of the prefix).
var sizeQueries = []string{"transformace", "usti", "brownfield", "transform", "revitalizace areálu", "transformace Ústí", "škola energie", "pr", "pro"}

// TestSize10k is the size budget of a large portal: 10 000 projects, a
// first query under 300 KB gzipped. go test -v -run Size shows the table.
func TestSize10k(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds a 10 000-document index: not with -short or -race")
	}
	docs := corpus(10000)
	words := 0
	for _, d := range docs {
		words += len(Tokens(d.Text))
	}
	files := build(t, "cs", docs)
	n, raw, gz := indexSize(files)
	t.Logf("10 000 docs, %d words of text: %d files, %.1f MB raw, %.1f MB gzipped", words, n, float64(raw)/(1<<20), float64(gz)/(1<<20))
	for _, q := range sizeQueries {
		tr := measure(t, files, q, 10)
		t.Logf("%-22q %v", q, tr)
		if tr.results == 0 && q != "pr" {
			t.Errorf("%q found nothing", q)
		}
		if tr.total() > 300<<10 {
			t.Errorf("%q transfers %.1f KB gzipped, over the budget of 300 KB", q, kb(tr.total()))
		}
	}
}

// TestSizeSmall is the budget of a portal the size of the example site
// (about 60 documents per language): a first query under 50 KB.
func TestSizeSmall(t *testing.T) {
	docs := corpus(60)
	files := build(t, "cs", docs)
	n, raw, gz := indexSize(files)
	t.Logf("60 docs: %d files, %.1f KB raw, %.1f KB gzipped", n, kb(raw), kb(gz))
	for _, q := range sizeQueries {
		tr := measure(t, files, q, 10)
		t.Logf("%-22q %v", q, tr)
		if tr.total() > 50<<10 {
			t.Errorf("%q transfers %.1f KB gzipped, over the budget of 50 KB", q, kb(tr.total()))
		}
	}
}

func BenchmarkBuild10k(b *testing.B) {
	docs := corpus(10000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := buildFiles("cs", docs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuery10k(b *testing.B) {
	files := build(b, "cs", corpus(10000))
	b.ResetTimer()
	for b.Loop() {
		for _, q := range sizeQueries[:6] {
			if _, err := query(func(n string) ([]byte, error) { return files[n], nil }, q, 10); err != nil {
				b.Fatal(err)
			}
		}
	}
	// Report the transfer of the typical queries as metrics.
	var one, two transfer
	one = measure(b, files, "transformace", 10)
	two = measure(b, files, "transformace Ústí", 10)
	b.ReportMetric(float64(one.total()), "gzB/1word")
	b.ReportMetric(float64(two.total()), "gzB/2words")
}

// shardStats is a helper for tuning ShardBytes: the distribution of shard
// sizes.
func shardStats(files map[string][]byte) string {
	var sizes []int
	for name, data := range files {
		if strings.HasPrefix(name, "t/") {
			sizes = append(sizes, gzipSize(data))
		}
	}
	sort.Ints(sizes)
	if len(sizes) == 0 {
		return "no shards"
	}
	return fmt.Sprintf("%d shards, gz median %.1f KB, p90 %.1f KB, max %.1f KB", len(sizes), kb(sizes[len(sizes)/2]), kb(sizes[len(sizes)*9/10]), kb(sizes[len(sizes)-1]))
}
