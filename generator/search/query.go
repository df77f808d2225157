package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Result is one document found by Query.
type Result struct {
	// ID is the document's number: its position in the docs given to Build.
	ID int
	// Score is the sum of its word scores; see Query.
	Score                                   int
	URL, Title, Type, Region, Snippet, Lang string
}

// weights are the word scores of the posting classes; an exact match of
// the token scores three times as much as a prefix match. So a word in a
// title (20, 60) always beats a word in the text (2…12), and an exact
// word in the text (6…12) beats a prefix in the text (2…4).
var weights = [4]int{classOnce: 2, classTwice: 3, classOften: 4, classTitle: 20}

const exactFactor = 3

// MaxWords is the most words of a query that are searched for.
const MaxWords = 12

// Query searches the index files of one language that Build wrote,
// keyed by their path below the index folder ("manifest.json",
// "t/….json", "d/….json"), the way static/js/search.js does in the
// browser:
//
//   - The query is cut into words like the text (Tokens); words shorter
//     than MinToken are ignored, and so are repeated words and words after
//     the first MaxWords.
//   - Every word is a prefix: it matches each token that starts with it,
//     unless that needs more than MaxShardsPerWord shards; then it
//     matches only the token equal to it. A document's score for a word
//     is the best over its matching tokens of weights[class], times 3
//     when the token equals the word.
//   - Words are AND-ed: a document must match every word, except words
//     that only match truncated posting lists (see MaxPostings), which
//     add to the score but filter nothing (unless every word is such).
//   - Results are ordered by the sum of the word scores, then by ID.
//
// It returns every result with its metadata, or nil when the query has no
// word or the files are not a valid index.
func Query(files map[string][]byte, q string) []Result {
	res, err := query(func(name string) ([]byte, error) {
		data, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("%s: no such file", name)
		}
		return data, nil
	}, q, -1)
	if err != nil {
		return nil
	}
	return res
}

// query runs q against the index that fetch reads, fetching what the
// browser fetches, and returns the results with the metadata of the first
// top (all when top < 0; the others have only ID and Score).
func query(fetch func(name string) ([]byte, error), q string, top int) ([]Result, error) {
	var words []string
	for _, w := range Tokens(q) {
		if !slices.Contains(words, w) && len(words) < MaxWords {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	data, err := fetch("manifest.json")
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifest.json: %w", err)
	}
	shardCache := map[string]map[string]string{}
	type wordHits struct {
		scores  map[int]int
		partial bool
	}
	hits := make([]wordHits, len(words))
	for i, w := range words {
		hits[i].scores = map[int]int{}
		keys, narrow := shardKeys(m.Terms, w, m.Shards)
		for _, key := range keys {
			sh, ok := shardCache[key]
			if !ok {
				data, err := fetch("t/" + m.Terms[key] + ".json")
				if err != nil {
					return nil, err
				}
				if err := json.Unmarshal(data, &sh); err != nil {
					return nil, fmt.Errorf("shard %q: %w", key, err)
				}
				shardCache[key] = sh
			}
			for tok, enc := range sh {
				if !strings.HasPrefix(tok, w) || (narrow && tok != w) {
					continue
				}
				ps, truncated, err := decodePostings(enc)
				if err != nil {
					return nil, fmt.Errorf("token %q: %w", tok, err)
				}
				hits[i].partial = hits[i].partial || truncated
				for _, p := range ps {
					s := weights[p.class]
					if tok == w {
						s *= exactFactor
					}
					hits[i].scores[p.id] = max(hits[i].scores[p.id], s)
				}
			}
		}
	}

	required := func(h wordHits) bool { return !h.partial }
	if !slices.ContainsFunc(hits, required) {
		required = func(wordHits) bool { return true }
	}
	var results []Result
	var first *wordHits
	for i := range hits {
		if required(hits[i]) {
			first = &hits[i]
			break
		}
	}
next:
	for id := range first.scores {
		score := 0
		for _, h := range hits {
			s, ok := h.scores[id]
			if !ok && required(h) {
				continue next
			}
			score += s
		}
		results = append(results, Result{ID: id, Score: score})
	}
	slices.SortFunc(results, func(a, b Result) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return a.ID - b.ID
	})

	chunks := map[int][][]string{}
	for i := range results {
		if top >= 0 && i >= top {
			break
		}
		r := &results[i]
		if m.Chunk <= 0 || r.ID >= m.Docs {
			return nil, fmt.Errorf("document %d has no metadata", r.ID)
		}
		c := r.ID / m.Chunk
		rows, ok := chunks[c]
		if !ok {
			data, err := fetch(fmt.Sprintf("d/%s/%d.json", m.Meta, c))
			if err != nil {
				return nil, err
			}
			if err := json.Unmarshal(data, &rows); err != nil {
				return nil, fmt.Errorf("metadata %d: %w", c, err)
			}
			chunks[c] = rows
		}
		if r.ID%m.Chunk >= len(rows) || len(rows[r.ID%m.Chunk]) < 5 {
			return nil, fmt.Errorf("document %d: short metadata", r.ID)
		}
		row := rows[r.ID%m.Chunk]
		r.URL, r.Title, r.Type, r.Region, r.Snippet = row[0], row[1], row[2], row[3], row[4]
		r.Lang = m.Lang
		if len(row) > 5 {
			r.Lang = row[5]
		}
	}
	return results, nil
}

// shardKeys returns the keys of the shards that can hold tokens starting
// with w, sorted: the longest key that w starts with, and every key that
// starts with w. When those are more than limit, it returns only the
// shard that can hold w itself, the longest key that w starts with, and
// narrow is true: w then matches only itself.
func shardKeys(terms map[string]string, w string, limit int) (keys []string, narrow bool) {
	longest := ""
	for k := range terms {
		switch {
		case strings.HasPrefix(k, w):
			keys = append(keys, k)
		case strings.HasPrefix(w, k) && len(k) > len(longest):
			longest = k
		}
	}
	if longest != "" {
		keys = append(keys, longest)
	}
	if limit > 0 && len(keys) > limit {
		keys, narrow = nil, true
		longest = ""
		for k := range terms {
			if strings.HasPrefix(w, k) && len(k) > len(longest) {
				longest = k
			}
		}
		if longest != "" {
			keys = append(keys, longest)
		}
	}
	slices.Sort(keys)
	return keys, narrow
}
