package search

import (
	"crypto/sha256"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Index builds the index of one language again and again, as `portal
// serve` does after every save: it keeps each document's tokens and the
// posting lists, shards and metadata files of its last build, so that a
// build after a few documents changed tokenises only those documents and
// encodes only the shards and metadata files they touch. Its files are
// byte for byte those of Build, a build from scratch. An Index is safe
// for concurrent use; builds take turns.
type Index struct {
	mu   sync.Mutex
	lang string
	// known is what each document of the last build holds, by its
	// content: a Doc is comparable, so an unchanged document is found
	// whatever its place.
	known map[Doc]*docInfo
	gen   int // builds so far; docInfo.gen is the last that had it
	// The last build, in document order; order is nil before the first.
	order    []*docInfo
	postings map[string][]posting // ascending ids
	encoded  map[string]string    // encodePostings of postings
	tokens   []string             // the keys of encoded, sorted
	sizes    []int                // shardSize of each of tokens
	shards   map[string]*shardFile
	groups   map[string][]shard // the shards of each group of tokens (see shards)
	chunks   map[chunkID][]byte // metadata files by their documents
}

// docInfo is what one document puts in the index.
type docInfo struct {
	gen     int
	classes []tokenClass // each token once
	row     []string     // its entry in a metadata file
}

type tokenClass struct {
	token string
	class int
}

// shardFile is an encoded token shard.
type shardFile struct {
	tokens []string
	data   []byte
	sum    [sha256.Size]byte
}

// NewIndex returns an Index that has built nothing yet.
func NewIndex() *Index { return &Index{} }

// incrementalShare is the largest share of documents (changed ÷ all)
// that are updated in place in the posting lists; a larger change, or a
// document added, removed or moved, assembles them again from every
// document's tokens (which are still not made again).
const incrementalShare = 8

// files makes every file of the index in memory, the manifest last.
func (ix *Index) files(lang string, docs []Doc) ([]file, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if lang != ix.lang {
		// Rows say when a document is not in the index's language.
		ix.lang, ix.known, ix.order, ix.chunks = lang, nil, nil, nil
	}
	infos := ix.infos(lang, docs)

	// touched are the tokens whose postings changed; nil means all.
	var touched map[string]bool
	if ix.order != nil && len(ix.order) == len(infos) {
		var changed []int
		for i := range infos {
			if infos[i] != ix.order[i] {
				changed = append(changed, i)
			}
		}
		if len(changed)*incrementalShare <= len(infos) {
			touched = ix.update(changed, infos)
		}
	}
	if touched == nil {
		ix.assemble(infos)
	}
	ix.order = infos

	var files []file
	names := shardNames{}
	m := newManifest(lang, len(docs))
	kept := make(map[string]*shardFile, len(ix.shards))
	for _, sh := range ix.shardList(touched) {
		sf := ix.shards[sh.key]
		if sf == nil || touched == nil || (sh.dirty && (!slices.Equal(sf.tokens, sh.tokens) || anyTouched(sh.tokens, touched))) {
			obj := make(map[string]string, len(sh.tokens))
			for _, t := range sh.tokens {
				obj[t] = ix.encoded[t]
			}
			data, err := marshal(obj)
			if err != nil {
				return nil, err
			}
			sf = &shardFile{tokens: sh.tokens, data: data, sum: sha256.Sum256(data)}
		}
		kept[sh.key] = sf
		n := names.name(sf.sum)
		m.Terms[sh.key] = n
		files = append(files, file{"t/" + n + ".json", sf.data})
	}
	ix.shards = kept

	// Metadata files are named by their number in a folder named by a hash
	// of them all: the manifest stays short, and a changed document
	// changes the folder.
	var chunks [][]byte
	chunkCache := make(map[chunkID][]byte, len(ix.chunks))
	for start := 0; start < len(infos); start += ChunkDocs {
		part := infos[start:min(start+ChunkDocs, len(infos))]
		var key chunkID
		copy(key[:], part)
		data, ok := ix.chunks[key]
		if !ok {
			rows := make([][]string, len(part))
			for i, in := range part {
				rows[i] = in.row
			}
			var err error
			if data, err = marshal(rows); err != nil {
				return nil, err
			}
		}
		chunkCache[key] = data
		chunks = append(chunks, data)
	}
	ix.chunks = chunkCache
	return withMeta(files, &m, chunks)
}

// infos finds or makes what each document holds; documents not seen in
// the last build are tokenised on all cores.
func (ix *Index) infos(lang string, docs []Doc) []*docInfo {
	ix.gen++
	if ix.known == nil {
		ix.known = map[Doc]*docInfo{}
	}
	infos := make([]*docInfo, len(docs))
	var missing []int
	for i, d := range docs {
		if in := ix.known[d]; in != nil {
			in.gen = ix.gen
			infos[i] = in
		} else {
			missing = append(missing, i)
		}
	}
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(missing)) {
		wg.Go(func() {
			for j := int(next.Add(1) - 1); j < len(missing); j = int(next.Add(1) - 1) {
				i := missing[j]
				infos[i] = newDocInfo(lang, docs[i])
			}
		})
	}
	wg.Wait()
	for _, i := range missing {
		if in := ix.known[docs[i]]; in != nil && in.gen == ix.gen {
			infos[i] = in // the same new document twice: one entry
			continue
		}
		infos[i].gen = ix.gen
		ix.known[docs[i]] = infos[i]
	}
	// Documents gone since the last build are forgotten.
	for d, in := range ix.known {
		if in.gen != ix.gen {
			delete(ix.known, d)
		}
	}
	return infos
}

// newDocInfo tokenises one document: each token once, with its class.
func newDocInfo(lang string, d Doc) *docInfo {
	classes := tokenClasses(d)
	in := &docInfo{classes: make([]tokenClass, 0, len(classes))}
	for t, c := range classes {
		in.classes = append(in.classes, tokenClass{t, c})
	}
	in.row = []string{d.URL, d.Title, d.Type, d.Region, Snippet(d.Text)}
	if d.Lang != "" && d.Lang != lang {
		in.row = append(in.row, d.Lang)
	}
	return in
}

// assemble makes every posting list from the documents' tokens.
func (ix *Index) assemble(infos []*docInfo) {
	ix.postings = map[string][]posting{}
	for id, in := range infos {
		for _, tc := range in.classes {
			ix.postings[tc.token] = append(ix.postings[tc.token], posting{id, tc.class})
		}
	}
	// Every token's postings, encoded; ids ascend because documents were
	// walked in order.
	ix.encoded = make(map[string]string, len(ix.postings))
	for t, ps := range ix.postings {
		ix.encoded[t] = encodePostings(ps)
	}
	ix.tokens = make([]string, 0, len(ix.encoded))
	for t := range ix.encoded {
		ix.tokens = append(ix.tokens, t)
	}
	slices.Sort(ix.tokens)
	ix.sizes = make([]int, len(ix.tokens))
	for i, t := range ix.tokens {
		ix.sizes[i] = shardSize(t, ix.encoded[t])
	}
}

// update replaces the postings of the documents at the changed places
// (the documents around them are the same) and returns the tokens whose
// postings changed.
func (ix *Index) update(changed []int, infos []*docInfo) map[string]bool {
	touched := map[string]bool{}
	cmp := func(p posting, id int) int { return p.id - id }
	for _, id := range changed {
		for _, tc := range ix.order[id].classes {
			ps := ix.postings[tc.token]
			if j, found := slices.BinarySearchFunc(ps, id, cmp); found {
				ps = slices.Delete(ps, j, j+1)
			}
			if len(ps) == 0 {
				delete(ix.postings, tc.token)
			} else {
				ix.postings[tc.token] = ps
			}
			touched[tc.token] = true
		}
		for _, tc := range infos[id].classes {
			ps := ix.postings[tc.token]
			j, _ := slices.BinarySearchFunc(ps, id, cmp)
			ix.postings[tc.token] = slices.Insert(ps, j, posting{id, tc.class})
			touched[tc.token] = true
		}
	}
	// The token list is a new slice when tokens come or go: the shards of
	// the last build still refer to the old one.
	var added []string
	gone := map[string]bool{}
	for t := range touched {
		if ps, ok := ix.postings[t]; ok {
			if _, had := ix.encoded[t]; !had {
				added = append(added, t)
			}
			ix.encoded[t] = encodePostings(ps)
		} else if _, had := ix.encoded[t]; had {
			delete(ix.encoded, t)
			gone[t] = true
		}
	}
	if len(added)+len(gone) == 0 {
		for t := range touched {
			if i, ok := slices.BinarySearch(ix.tokens, t); ok {
				ix.sizes[i] = shardSize(t, ix.encoded[t])
			}
		}
		return touched
	}
	slices.Sort(added)
	tokens := make([]string, 0, len(ix.encoded))
	sizes := make([]int, 0, len(ix.encoded))
	add := func(t string, size int) {
		if touched[t] {
			size = shardSize(t, ix.encoded[t])
		}
		tokens = append(tokens, t)
		sizes = append(sizes, size)
	}
	for i, t := range ix.tokens {
		for len(added) > 0 && added[0] < t {
			add(added[0], 0)
			added = added[1:]
		}
		if !gone[t] {
			add(t, ix.sizes[i])
		}
	}
	for _, t := range added {
		add(t, 0)
	}
	ix.tokens, ix.sizes = tokens, sizes
	return touched
}

// indexShard is a shard of this build; dirty when its group of tokens
// changed since the last.
type indexShard struct {
	shard
	dirty bool
}

// shardList is shards(ix.tokens, ix.encoded), with the groups of tokens
// that have no touched token taken from the last build.
func (ix *Index) shardList(touched map[string]bool) []indexShard {
	dirty := map[string]bool{}
	for t := range touched {
		dirty[prefixRunes(t, MinToken)] = true
	}
	groups := make(map[string][]shard, len(ix.groups))
	var out []indexShard
	for i := 0; i < len(ix.tokens); {
		k, j := group(ix.tokens, i)
		g, ok := ix.groups[k]
		clean := ok && touched != nil && !dirty[k]
		if !clean {
			g = splitGroup(nil, k, ix.tokens[i:j], ix.sizes[i:j])
		}
		groups[k] = g
		for _, sh := range g {
			out = append(out, indexShard{sh, !clean})
		}
		i = j
	}
	ix.groups = groups
	return out
}

// anyTouched reports whether one of tokens is in touched.
func anyTouched(tokens []string, touched map[string]bool) bool {
	if len(touched) == 0 {
		return false
	}
	for _, t := range tokens {
		if touched[t] {
			return true
		}
	}
	return false
}

// chunkID names the documents of a metadata file: the same documents,
// the same rows, the same file.
type chunkID [ChunkDocs]*docInfo
