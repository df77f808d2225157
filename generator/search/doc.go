// Package search builds the full-text search index of one language of the
// portal at build time, as static JSON files that static/js/search.js
// reads in the browser. There is no server and no build step outside Go.
//
// # Matching
//
// Text and queries are folded the same way (Normalize): compatibility
// decomposition, combining marks dropped, lower case, and a few letters
// without a decomposition folded (ł → l, ß → ss …), so "usti" finds "Ústí"
// and "Prehled" finds "přehled". Tokens are runs of letters and digits of
// at least MinToken runes (Tokens). Every query word is a prefix, so
// "transform" finds "transformace" and "transformaci" (Czech declension
// mostly changes the end of a word); words are AND-ed. A title match ranks
// above a text match, an exact token above a prefix, a word often in the
// text above one once in it; see Query, which is the reference for the
// JavaScript.
//
// # Why the index is split
//
// Citizens search on phones, often on slow mobile data. One index file for
// a portal of 10 000 projects would be megabytes; the browser should fetch
// only what one query needs. So the index is cut into many small files:
// a query downloads the manifest, one token shard per word and the
// metadata of the ten results it shows: for the example site about 5 KB
// gzipped, for a generated portal of 10 000 projects about 30 KB (see
// TestSize10k and TestExampleSite).
//
// # Files
//
// Build writes, under <dir>/index/:
//
//	manifest.json       what to fetch for a word
//	t/<name>.json       token shards: token → postings
//	d/<meta>/<i>.json   metadata of documents i·chunk … i·chunk+chunk−1
//
// manifest.json is one object:
//
//	{"v":1, "lang":"cs", "docs":46, "chunk":4, "min":2, "max":40, "shards":8,
//	 "terms":{"an":"1f2e3d4c", "pr":"…", "pra":"…", …}, "meta":"9a8b7c6d"}
//
// v is the format version; docs the number of documents; chunk the
// documents per metadata file (ChunkDocs); min and max the token length
// rules; shards is MaxShardsPerWord. terms maps shard keys to file names;
// meta names the folder of the metadata files.
//
// Shard keys are prefixes of normalised tokens. Tokens are grouped by
// their first two letters; a group bigger than ShardBytes is split by the
// next letter, recursively (on a large site "pr" becomes "pra", "pre",
// "pri", "pro", … and "pro" may split again). A token lives in the shard
// of the longest key that starts it; a token equal to a split key stays in
// that key's own shard. To find the tokens starting with a word w the
// browser fetches the shard of the longest key that w starts with and
// every shard whose key starts with w. If that is more than "shards"
// files (a two-letter word on a large site), it fetches only the shard of
// the longest key that w starts with and matches w as a whole word.
//
// A token shard is a JSON object from token to its postings, encoded as
// a string of base64url characters ("A"–"Z", "a"–"z", "0"–"9", "-", "_"
// for 0–63). Each posting is v = (id − previous id − 1)·4 + class, the
// previous id starting at −1, written five bits at a time, least
// significant first, with 32 added to every character but the last of a
// number. class is 3 for a token in the title, 2 for three or more times
// in the text, 1 for twice, 0 for once. A dense list costs one character
// per document. A list longer than MaxPostings keeps its best postings and
// starts with "!": such a word (a stop word, in effect) ranks results but
// does not filter them.
//
// A metadata file is a JSON array of documents, each an array: URL,
// title, type, region, snippet source (the start of the text, Snippet),
// and, when it differs from the index language, the language of the
// text.
//
// # Building again
//
// portal serve builds the index after every save. An Index remembers each
// document's tokens and the shards and metadata files of its last build,
// so that a build after one document changed tokenises that document
// only and encodes only the shards and metadata files it touches; a
// document added, removed or moved assembles the posting lists again from
// the remembered tokens. Either way the files are byte for byte those of
// Build (TestIndexIncremental compares them after a sequence of edits).
// Build itself keeps nothing: a full build makes each index once.
//
// Shard names are hashes of their content and the metadata folder a hash
// of all metadata, so every file but the manifest may be cached for ever
// ("Cache-Control: immutable"); the manifest must be revalidated. An
// unchanged shard keeps its name across builds.
package search
