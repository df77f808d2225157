package markdown

import (
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// czechSingleQuotes handles ' in Czech text before goldmark's typographer
// sees it.
//
// The typographer's single-quote rules are English heuristics: a quote
// before t, e, n or l after a space is taken for an elision ('twas, 'em,
// 'net), and one before s, m, t or d for a contraction. In Czech that turns
// 'ne', 'tak', 'letos', 'energie' into ’ne‘: a closing mark where the
// opening one belongs. This parser decides by position only: between two
// letters or digits it is an apostrophe (O'Neill, rock'n'roll), at the start
// of a word it opens (‚), at the end of a word it closes (‘) when a quote is
// open, and anywhere else it is an apostrophe. Double quotes are left to the
// typographer, which gets them right.
type czechSingleQuotes struct{}

// czechQuoteDepth is the parser.Context key for the number of single quotes
// opened and not yet closed in the current block. Keys are allocated once,
// like those of goldmark's own extensions; the values live in each
// document's own Context.
var czechQuoteDepth = parser.NewContextKey()

const (
	czechSingleOpen  = "‚"
	czechSingleClose = "‘"
	apostrophe       = "’"
)

// Trigger implements parser.InlineParser.
func (czechSingleQuotes) Trigger() []byte { return []byte{'\''} }

// Parse implements parser.InlineParser.
func (czechSingleQuotes) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) == 0 || line[0] != '\'' {
		return nil
	}
	before := block.PrecendingCharacter()
	after := '\n' // the end of the line is white space
	if len(line) > 1 {
		after = util.ToRune(line, 1)
	}
	depth, _ := pc.Get(czechQuoteDepth).(int)

	var v string
	switch opens, closes := canOpen(before, after), canClose(before, after); {
	case isWordRune(before) && isWordRune(after):
		v = apostrophe
	case opens && !closes:
		v = czechSingleOpen
		pc.Set(czechQuoteDepth, depth+1)
	case closes && depth > 0:
		v = czechSingleClose
		pc.Set(czechQuoteDepth, depth-1)
	default:
		// An elision at the end of a word ("tak'"), or a quote with nothing
		// to open or close: an apostrophe, as the typographer would write in
		// English.
		v = apostrophe
	}
	block.Advance(1)
	s := ast.NewString([]byte(v))
	s.SetCode(true) // written verbatim, like the typographer's substitutions
	return s
}

// CloseBlock implements parser.CloseBlocker: a quote left open in one
// paragraph must not pair with a quote in the next.
func (czechSingleQuotes) CloseBlock(_ ast.Node, _ text.Reader, pc parser.Context) {
	pc.Set(czechQuoteDepth, nil)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// canOpen: the quote stands before a word (something that is not space)
// and after space, punctuation or the start of the line.
func canOpen(before, after rune) bool {
	return !unicode.IsSpace(after) && (unicode.IsSpace(before) || unicode.IsPunct(before) || unicode.IsSymbol(before))
}

// canClose: the quote stands after a word and before space, punctuation or
// the end of the line.
func canClose(before, after rune) bool {
	return !unicode.IsSpace(before) && (unicode.IsSpace(after) || unicode.IsPunct(after) || unicode.IsSymbol(after))
}
