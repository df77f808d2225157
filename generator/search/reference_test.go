package search

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
)

// referenceFiles is buildFiles as it was before Index: every document
// tokenised, every shard encoded. Index must give the same bytes.
func referenceFiles(lang string, docs []Doc) ([]file, error) {
	postings := map[string][]posting{}
	for id, d := range docs {
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
		for t, c := range classes {
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
	// Term shards are named by a hash of their content, so that a browser
	// may keep them as long as they do not change; a hash collision only
	// costs a suffix.
	names := map[string]bool{}
	name := func(data []byte) string {
		sum := sha256.Sum256(data)
		n := hex.EncodeToString(sum[:4])
		for i := 2; names[n]; i++ {
			n = fmt.Sprintf("%s-%d", hex.EncodeToString(sum[:4]), i)
		}
		names[n] = true
		return n
	}

	m := manifest{Version: formatVersion, Lang: lang, Docs: len(docs), Chunk: ChunkDocs, Min: MinToken, Max: MaxToken, Shards: MaxShardsPerWord, Terms: map[string]string{}}
	for _, sh := range shards(tokens, encoded) {
		obj := make(map[string]string, len(sh.tokens))
		for _, t := range sh.tokens {
			obj[t] = encoded[t]
		}
		data, err := marshal(obj)
		if err != nil {
			return nil, err
		}
		n := name(data)
		m.Terms[sh.key] = n
		files = append(files, file{"t/" + n + ".json", data})
	}

	// Metadata files are named by their number in a folder named by a hash
	// of them all: the manifest stays short, and a changed document
	// changes the folder.
	var chunks [][]byte
	all := sha256.New()
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
