package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is one searchable thing in one language.
type Doc struct {
	// URL is the address of the page, as links on the site write it.
	URL string
	// Title is matched with a higher rank than Text and shown as the link.
	Title string
	// Type is "project", "partner", "story", "indicator", "page" or
	// "region"; the search page shows it as a label.
	Type string
	// Region is the display name of the region(s), or "". It is shown and
	// searched like Text.
	Region string
	// Text is the plain text searched: summary and body. Its beginning is
	// kept as the snippet shown under a result.
	Text string
	// Lang is the language of Title and Text. It differs from the index
	// language for a page that is not translated yet; the search page then
	// marks the result with this language.
	Lang string
}

// Output receives files (publish.Writer satisfies it).
type Output interface {
	WriteFile(rel string, data []byte) error
}

// Limits of the index. They are not options: the browser reads what it
// needs of them from the manifest.
const (
	// MaxPostings is the longest posting list kept for one token. A longer
	// list keeps its best MaxPostings documents (title matches first, then
	// by how often the token occurs, then earlier documents) and is marked
	// truncated; a query does not require a truncated word, it only ranks
	// with it (the word is as good as a stop word on such a site).
	MaxPostings = 5000
	// ShardBytes is the size above which the token shard of a prefix is
	// split by the next letter.
	ShardBytes = 16 << 10
	// ChunkDocs is the number of documents per metadata file.
	ChunkDocs = 4
	// MaxShardsPerWord is the most token shards one query word may need.
	// A word whose prefix family is split into more (a two- or
	// three-letter prefix on a large site, such as "pr" or "pro") is
	// searched as a whole word: only tokens equal to it match, which costs
	// one shard. Query and static/js/search.js apply it alike.
	MaxShardsPerWord = 8
	// SnippetRunes is the longest snippet source kept per document.
	SnippetRunes = 280
	// formatVersion is the "v" of the manifest.
	formatVersion = 1
)

// Posting classes: how strongly a document holds a token.
const (
	classOnce  = 0 // once in the text
	classTwice = 1 // twice in the text
	classOften = 2 // three or more times in the text
	classTitle = 3 // in the title
)

// manifest is index/manifest.json.
type manifest struct {
	Version int    `json:"v"`
	Lang    string `json:"lang"`
	Docs    int    `json:"docs"`
	Chunk   int    `json:"chunk"`
	Min     int    `json:"min"`
	Max     int    `json:"max"`
	Shards  int    `json:"shards"` // MaxShardsPerWord
	// Terms maps a shard key (a prefix of normalised tokens) to the name
	// of its file under t/, without ".json".
	Terms map[string]string `json:"terms"`
	// Meta names the folder of the metadata files under d/: file
	// d/<Meta>/<i>.json holds documents i*Chunk … i*Chunk+Chunk-1.
	Meta string `json:"meta"`
}

type posting struct {
	id    int
	class int
}

// Build writes the index of one language under dir (e.g. "cs/hledat/" →
// files cs/hledat/index/…) and returns the files written, in the order
// written: token shards, metadata, and last the manifest. Documents are
// numbered in the order given, which breaks ties of rank. lang is the
// language of the index (the page showing results).
func Build(lang string, docs []Doc, dir string, out Output) ([]string, error) {
	files, err := buildFiles(lang, docs)
	if err != nil {
		return nil, err
	}
	return write(files, lang, dir, out)
}

// Build is the package's Build, remembering what it made for the next
// call: only documents that changed since are tokenised again, and only
// the shards they touch are encoded again. The files are the same bytes
// the package's Build writes for docs.
func (ix *Index) Build(lang string, docs []Doc, dir string, out Output) ([]string, error) {
	files, err := ix.files(lang, docs)
	if err != nil {
		return nil, err
	}
	return write(files, lang, dir, out)
}

// write writes the files of an index under dir.
func write(files []file, lang, dir string, out Output) ([]string, error) {
	if dir != "" && !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	base := dir + "index/"
	written := make([]string, 0, len(files))
	for _, f := range files {
		if err := out.WriteFile(base+f.name, f.data); err != nil {
			return written, fmt.Errorf("search index %s: %w", lang, err)
		}
		written = append(written, base+f.name)
	}
	return written, nil
}

type file struct {
	name string // relative to the index folder
	data []byte
}

// tokenClasses are the tokens of a document, each once, with its class:
// in the title, or found once, twice or often in the text and region.
func tokenClasses(d Doc) map[string]int {
	classes := map[string]int{} // once, twice, often: the count − 1, at most classOften
	for _, t := range Tokens(d.Text + "\n" + d.Region) {
		if c, seen := classes[t]; !seen {
			classes[t] = classOnce
		} else {
			classes[t] = min(c+1, classOften)
		}
	}
	for _, t := range Tokens(d.Title) {
		classes[t] = classTitle
	}
	return classes
}

// buildFiles makes every file of the index in memory, the manifest last.
// It is what Index does on its first build, without keeping anything for
// the next: a build makes the index once, and the lists and maps an Index
// keeps would only cost it time (TestIndexIncremental checks that both
// give the same bytes).
func buildFiles(lang string, docs []Doc) ([]file, error) {
	postings := map[string][]posting{}
	for id, d := range docs {
		for t, c := range tokenClasses(d) {
			postings[t] = append(postings[t], posting{id, c})
		}
	}

	// Every token's postings, encoded; ids ascend because docs were
	// walked in order.
	encoded := make(map[string]string, len(postings))
	for t, ps := range postings {
		encoded[t] = encodePostings(ps)
	}
	tokens := make([]string, 0, len(encoded))
	for t := range encoded {
		tokens = append(tokens, t)
	}
	slices.Sort(tokens)

	var files []file
	names := shardNames{}
	m := newManifest(lang, len(docs))
	for _, sh := range shards(tokens, encoded) {
		obj := make(map[string]string, len(sh.tokens))
		for _, t := range sh.tokens {
			obj[t] = encoded[t]
		}
		data, err := marshal(obj)
		if err != nil {
			return nil, err
		}
		n := names.name(sha256.Sum256(data))
		m.Terms[sh.key] = n
		files = append(files, file{"t/" + n + ".json", data})
	}

	// Metadata files are named by their number in a folder named by a hash
	// of them all: the manifest stays short, and a changed document
	// changes the folder.
	var chunks [][]byte
	for start := 0; start < len(docs); start += ChunkDocs {
		var chunk [][]string
		for _, d := range docs[start:min(start+ChunkDocs, len(docs))] {
			row := []string{d.URL, d.Title, d.Type, d.Region, Snippet(d.Text)}
			if d.Lang != "" && d.Lang != lang {
				row = append(row, d.Lang)
			}
			chunk = append(chunk, row)
		}
		data, err := marshal(chunk)
		if err != nil {
			return nil, err
		}
		chunks = append(chunks, data)
	}
	return withMeta(files, &m, chunks)
}

// newManifest is the manifest of an index of n documents in lang, its
// shards and metadata folder still to fill in.
func newManifest(lang string, n int) manifest {
	return manifest{Version: formatVersion, Lang: lang, Docs: n, Chunk: ChunkDocs, Min: MinToken, Max: MaxToken, Shards: MaxShardsPerWord, Terms: map[string]string{}}
}

// shardNames names term shards by a hash of their content, so that a
// browser may keep them as long as they do not change; a hash collision
// only costs a suffix.
type shardNames map[string]bool

func (names shardNames) name(sum [sha256.Size]byte) string {
	n := hex.EncodeToString(sum[:4])
	for i := 2; names[n]; i++ {
		n = fmt.Sprintf("%s-%d", hex.EncodeToString(sum[:4]), i)
	}
	names[n] = true
	return n
}

// withMeta adds the metadata chunks, in a folder named by a hash of them
// all, and the manifest (which names that folder) to files.
func withMeta(files []file, m *manifest, chunks [][]byte) ([]file, error) {
	all := sha256.New()
	for _, data := range chunks {
		all.Write(data)
		all.Write([]byte{0})
	}
	m.Meta = hex.EncodeToString(all.Sum(nil)[:4])
	for i, data := range chunks {
		files = append(files, file{fmt.Sprintf("d/%s/%d.json", m.Meta, i), data})
	}
	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	return append(files, file{"manifest.json", data}), nil
}

// marshal is compact JSON without HTML escaping (the files are data, not
// markup, and "<" costs six bytes escaped).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// The alphabet of the posting encoding: base64url, so that the strings
// need no escaping in JSON or in file names.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// truncatedMark starts the encoded postings of a truncated list.
const truncatedMark = '!'

// encodePostings writes postings (ascending ids) as variable-length
// numbers: for each, v = (id − previous id − 1)·4 + class, previous id
// starting at −1, written five bits at a time, least significant first, as
// base64url characters whose value has bit 32 set when more follow. A list
// of more than MaxPostings keeps the best and starts with "!".
func encodePostings(ps []posting) string {
	truncated := false
	if len(ps) > MaxPostings {
		best := slices.Clone(ps)
		slices.SortStableFunc(best, func(a, b posting) int { return b.class - a.class })
		best = best[:MaxPostings]
		slices.SortFunc(best, func(a, b posting) int { return a.id - b.id })
		ps, truncated = best, true
	}
	var b strings.Builder
	b.Grow(len(ps) + 1)
	if truncated {
		b.WriteByte(truncatedMark)
	}
	prev := -1
	for _, p := range ps {
		v := (p.id-prev-1)<<2 | p.class
		prev = p.id
		for v >= 32 {
			b.WriteByte(alphabet[32|v&31])
			v >>= 5
		}
		b.WriteByte(alphabet[v])
	}
	return b.String()
}

// decodePostings reverses encodePostings.
func decodePostings(s string) (ps []posting, truncated bool, err error) {
	if strings.HasPrefix(s, string(truncatedMark)) {
		s, truncated = s[1:], true
	}
	prev, v, shift := -1, 0, 0
	for i := 0; i < len(s); i++ {
		c := strings.IndexByte(alphabet, s[i])
		if c < 0 {
			return nil, false, fmt.Errorf("bad posting character %q", s[i])
		}
		v |= (c & 31) << shift
		if c&32 != 0 {
			shift += 5
			continue
		}
		id := prev + 1 + v>>2
		ps = append(ps, posting{id, v & 3})
		prev, v, shift = id, 0, 0
	}
	if shift != 0 {
		return nil, false, fmt.Errorf("posting list ends inside a number")
	}
	return ps, truncated, nil
}

type shard struct {
	key    string
	tokens []string
}

// shards groups sorted tokens by their first MinToken letters and splits
// a group larger than ShardBytes by the next letter, again and again. A
// token belongs to the shard of the longest key that starts it; tokens
// equal to a split key stay in that key's shard.
func shards(tokens []string, encoded map[string]string) []shard {
	sizes := make([]int, len(tokens))
	for i, t := range tokens {
		sizes[i] = shardSize(t, encoded[t])
	}
	var out []shard
	for i := 0; i < len(tokens); {
		k, j := group(tokens, i)
		out = splitGroup(out, k, tokens[i:j], sizes[i:j])
		i = j
	}
	return out
}

// shardSize is about what a token and its postings add to a shard file.
func shardSize(token, encoded string) int { return len(token) + len(encoded) + 6 }

// group returns the first MinToken letters of tokens[i] and the end of
// the run of tokens that start with them.
func group(tokens []string, i int) (key string, end int) {
	key = prefixRunes(tokens[i], MinToken)
	end = i + 1
	for end < len(tokens) && strings.HasPrefix(tokens[end], key) {
		end++
	}
	return key, end
}

// splitGroup appends to out the shards of the sorted tokens that start
// with key, whose sizes (shardSize) are sizes. Tokens that start with the
// same longer key are next to each other, so every shard is a part of
// tokens.
func splitGroup(out []shard, key string, tokens []string, sizes []int) []shard {
	size := 0
	longer := false
	for i, t := range tokens {
		size += sizes[i]
		longer = longer || len(t) > len(key)
	}
	if size <= ShardBytes || !longer {
		return append(out, shard{key, tokens})
	}
	i := 0
	if tokens[0] == key { // it sorts first
		out = append(out, shard{key, tokens[:1]})
		i = 1
	}
	for i < len(tokens) {
		_, n := utf8.DecodeRuneInString(tokens[i][len(key):])
		k := tokens[i][:len(key)+n]
		j := i + 1
		for j < len(tokens) && strings.HasPrefix(tokens[j], k) {
			j++
		}
		out = splitGroup(out, k, tokens[i:j], sizes[i:j])
		i = j
	}
	return out
}

// prefixRunes returns the first n runes of s.
func prefixRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// isBreakingSpace reports white space other than the no-break spaces
// that Czech typography puts after one-letter prepositions.
func isBreakingSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// Snippet is the snippet source kept for a document: its text with runs
// of breaking white space made single spaces, cut at a word boundary to at
// most SnippetRunes runes and then ended with "…".
func Snippet(text string) string {
	var b strings.Builder
	n, space, cut := 0, false, false
	for _, r := range strings.TrimLeftFunc(text, isBreakingSpace) {
		if isBreakingSpace(r) {
			space = true
			continue
		}
		if space {
			if n == SnippetRunes {
				cut = true
				break
			}
			b.WriteByte(' ')
			n, space = n+1, false
		}
		if n == SnippetRunes {
			cut = true
			break
		}
		b.WriteRune(r)
		n++
	}
	s := b.String()
	if !cut {
		return s
	}
	if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
		s = s[:i]
	}
	return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) + "…"
}
