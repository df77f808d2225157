package markdown

import (
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/transformace/portal/generator/locale"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// emptySlugID is the id base for a heading whose text has no letters or
// digits (only punctuation or emoji): an id must not be empty.
const emptySlugID = "section"

// headingIDs implements parser.IDs with Czech-aware slugs.
//
// goldmark's default generator drops every non-ASCII byte ("Příjmy" becomes
// "pjmy"), so anchors in Czech documents would be unreadable. A value is
// created for every Render call (through parser.WithIDs on a fresh
// parser.Context) because it remembers the ids already used in one document.
type headingIDs struct {
	used map[string]bool
	// next is the next suffix to try for a base id, so that a document with
	// many equal headings does not probe "x-1", "x-2", … from the start each
	// time.
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate returns a unique id for a heading whose last source line is
// value: "Potřebnost a změna" → "potrebnost-a-zmena", the second "Úvod" in a
// document → "uvod-1".
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := locale.Slugify(headingSource(value))
	if base == "" {
		base = emptySlugID
	}
	id := base
	if s.used[id] {
		n := s.next[base]
		for {
			n++
			id = base + "-" + strconv.Itoa(n)
			if !s.used[id] {
				break
			}
		}
		s.next[base] = n
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an id chosen elsewhere, so that a generated id never repeats
// it.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

var (
	// linkDestination matches the "(url "title")" part of an inline link:
	// the heading id is made from what the reader sees, not from the URL.
	linkDestination = regexp.MustCompile(`\]\([^)]*\)`)
	// htmlTag matches a raw HTML tag or an <autolink> in a heading line.
	htmlTag = regexp.MustCompile(`<[^>]*>`)
	// footnoteRef matches a footnote reference ("[^1]"), which is not text.
	footnoteRef = regexp.MustCompile(`\[\^[^\]]*\]`)
)

// headingSource reduces the Markdown source of a heading line to roughly
// its visible text. goldmark hands parser.IDs the raw line, before inline
// parsing, so "[Zdroj](https://example.cz)" would otherwise put the URL into
// the id. Emphasis markers and other punctuation need no care: Slugify turns
// them into separators.
func headingSource(value []byte) string {
	s := string(value)
	// Most headings are plain words: each regexp runs only if the text
	// has what it needs to match.
	if strings.Contains(s, "[^") {
		s = footnoteRef.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "](") {
		s = linkDestination.ReplaceAllString(s, "]")
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	return html.UnescapeString(s)
}

// interface check: the parser calls these through parser.IDs.
var _ parser.IDs = (*headingIDs)(nil)
