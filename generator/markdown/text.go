package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	nethtml "golang.org/x/net/html"
)

// typography applies a language's Typography function to prose. It is an
// AST transformer rather than a text renderer hook because goldmark splits
// prose into arbitrary ast.Text pieces (every space where the linkify
// parser looked for a URL ends one: "Projekt v" + " Praze"), so a per-node
// hook would never see "v Praze" together. The transformer joins each run
// of consecutive text siblings (including the typographer's quotes and
// dashes, and soft line breaks as "\n"), applies the function once to the
// run and replaces the run with one typoText node. A run the function
// leaves as it is stays as it was when goldmark would write it the same
// way (no escapes or character references in it): most runs of a language
// without Typography rules, such as English, cost no new nodes.
//
// Code never gets typography: code spans, code blocks, raw HTML, autolinks
// and link destinations are not text runs, and images are skipped so that
// alt text stays as written. One caveat: text between raw inline HTML tags
// (<code>v a</code> written as HTML) is ordinary text to goldmark and gets
// typography too; HTML blocks do not.
type typography struct {
	typo func(string) string
}

// Transform implements parser.ASTTransformer.
func (t typography) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	w := typoWalker{typo: t, src: reader.Source()}
	w.walk(doc)
}

// typoWalker carries the buffers of one Transform. A run is always flushed
// before the walk descends into a child, so one run and one buffer serve
// the whole document.
type typoWalker struct {
	typo typography
	src  []byte
	// run are the nodes of the current run, buf their text.
	run []ast.Node
	buf []byte
	// verbatim: goldmark writes every node of the run exactly as a typoText
	// holding buf would be written (no escapes or references to resolve, no
	// characters a code string writes unescaped), so if the Typography
	// function leaves the run as it is, the nodes can stay.
	verbatim bool
}

// flush replaces the run collected so far. followed tells whether inline
// content (emphasis, a link, code) comes right after it.
func (w *typoWalker) flush(parent ast.Node, hard, followed bool) {
	if len(w.run) == 0 {
		return
	}
	in, v := w.typo.apply(w.buf, followed && !hard)
	if w.verbatim && v == in && keepUnchangedRuns {
		w.reset()
		return
	}
	node := &typoText{Value: v, HardLineBreak: hard}
	node.SetPos(w.run[0].Pos())
	parent.InsertBefore(parent, w.run[0], node)
	for _, r := range w.run {
		parent.RemoveChild(parent, r)
	}
	w.reset()
}

func (w *typoWalker) reset() {
	clear(w.run)
	w.run = w.run[:0]
	w.buf = w.buf[:0]
	w.verbatim = true
}

func (w *typoWalker) walk(parent ast.Node) {
	w.reset()
	for c := parent.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch n := c.(type) {
		case *ast.Text:
			if n.IsRaw() {
				w.flush(parent, false, true)
				break
			}
			var resolved bool
			w.buf, resolved = appendResolved(w.buf, n.Segment.Value(w.src))
			w.verbatim = w.verbatim && !resolved
			w.run = append(w.run, n)
			if n.HardLineBreak() {
				w.flush(parent, true, false)
			} else if n.SoftLineBreak() {
				w.buf = append(w.buf, '\n')
			}
		case *ast.String:
			if v, ok := stringText(n); ok {
				w.buf = append(w.buf, v...)
				w.verbatim = w.verbatim && !bytes.ContainsAny(n.Value, "\"&<>\\\x00")
				w.run = append(w.run, n)
			} else {
				w.flush(parent, false, true)
			}
		default:
			w.flush(parent, false, c.Type() == ast.TypeInline)
			switch c.(type) {
			case *ast.CodeSpan, *ast.Image, *ast.AutoLink, *ast.RawHTML,
				*ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			default:
				w.walk(c)
			}
		}
		c = next
	}
	w.flush(parent, false, false)
}

// keepUnchangedRuns lets runs the Typography function leaves alone stay as
// they are (see typography). Only TestUnchangedRunsStay turns it off, to
// show that it makes no difference.
var keepUnchangedRuns = true

// nextWord stands in for the inline content that follows a run, see apply.
const nextWord = "x"

// apply runs the Typography function on one run, given as bytes, and
// returns the run as a string and the result. A run that ends in white
// space before inline content ("v " before *Praze* or [Praze](…)) is passed
// with a stand-in word appended, so that a function which, rightly, leaves
// white space at the end of a text alone still joins "v" to the word that
// follows. The stand-in is removed again; if the function changed it, the
// run is passed on its own instead.
func (t typography) apply(b []byte, followed bool) (in, out string) {
	if len(b) == 0 {
		return "", ""
	}
	if followed && isSpaceByte(b[len(b)-1]) {
		// One allocation for the run with and without the stand-in.
		withNext := string(append(b, nextWord...))
		in = withNext[:len(b)]
		if out := t.typo(withNext); strings.HasSuffix(out, nextWord) {
			return in, strings.TrimSuffix(out, nextWord)
		}
		return in, t.typo(in)
	}
	in = string(b)
	return in, t.typo(in)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// stringText is the text an ast.String shows, and whether it is plain text
// at all: goldmark writes "code" strings verbatim as HTML, so one holding
// markup or a character reference is left alone. In our configuration the
// only strings are the typographer's quotes and dashes, which we set as
// characters.
func stringText(n *ast.String) (string, bool) {
	switch {
	case n.IsCode():
		if bytes.ContainsAny(n.Value, "<&") {
			return "", false
		}
		return string(n.Value), true
	case n.IsRaw():
		return string(n.Value), true
	default:
		return resolveText(n.Value), true
	}
}

// kindTypoText is the node kind of typoText.
var kindTypoText = ast.NewNodeKind("TypographicText")

// typoText is a run of prose with Typography already applied. Value is
// plain text; the renderer escapes it, so a Typography function cannot
// produce markup.
type typoText struct {
	ast.BaseInline
	Value         string
	HardLineBreak bool
}

// Kind implements ast.Node.
func (n *typoText) Kind() ast.NodeKind { return kindTypoText }

// Dump implements ast.Node.
func (n *typoText) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Value": n.Value}, nil)
}

// typoTextRenderer writes typoText nodes.
type typoTextRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (typoTextRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTypoText, renderTypoText)
}

func renderTypoText(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*typoText)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Value)))
	if n.HardLineBreak {
		_, _ = w.WriteString("<br>\n")
	}
	return ast.WalkContinue, nil
}

// resolveText turns the source of a text node into the text it stands for:
// backslash escapes of ASCII punctuation and complete character references
// (&amp; &#268; &#x10C;) are resolved, NUL becomes U+FFFD, as CommonMark
// and goldmark's own writer do.
func resolveText(b []byte) string {
	if bytes.IndexAny(b, "\\&\x00") < 0 {
		return string(b)
	}
	out, _ := appendResolved(make([]byte, 0, len(b)), b)
	return string(out)
}

// appendResolved appends resolveText(b) to dst, and reports whether b had
// anything to resolve (if not, b was appended as it is).
func appendResolved(dst, b []byte) ([]byte, bool) {
	if bytes.IndexAny(b, "\\&\x00") < 0 {
		return append(dst, b...), false
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			dst = append(dst, b[i+1])
			i++
		case c == 0:
			dst = append(dst, "\uFFFD"...)
		case c == '&':
			if n := referenceLen(b[i:]); n > 0 {
				dst = append(dst, html.UnescapeString(string(b[i:i+n]))...)
				i += n - 1
			} else {
				dst = append(dst, '&')
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst, true
}

// referenceLen is the length of the character reference at the start of b
// ("&amp;", "&#268;", "&#x10C;"), or 0 when there is none. Unlike
// html.UnescapeString it requires the semicolon, as CommonMark does: "&copy"
// in Markdown is literal text.
func referenceLen(b []byte) int {
	if len(b) < 3 || b[0] != '&' {
		return 0
	}
	i := 1
	switch {
	case b[1] == '#' && len(b) > 2 && (b[2] == 'x' || b[2] == 'X'):
		i = 3
		for i < len(b) && i < 3+6 && util.IsHexDecimal(b[i]) {
			i++
		}
		if i == 3 {
			return 0
		}
	case b[1] == '#':
		i = 2
		for i < len(b) && i < 2+7 && util.IsNumeric(b[i]) {
			i++
		}
		if i == 2 {
			return 0
		}
	default:
		for i < len(b) && i < 1+32 && util.IsAlphaNumeric(b[i]) {
			i++
		}
		if i < 3 { // at least two characters in a name
			return 0
		}
	}
	if i >= len(b) || b[i] != ';' {
		return 0
	}
	ref := string(b[:i+1])
	if b[1] != '#' && html.UnescapeString(ref) == ref {
		return 0 // not a known entity name
	}
	return i + 1
}

// inlineText is the plain text of a node's inline children, the way the
// page shows it: prose with Typography (already applied in the AST), code as
// written, autolinks by their label, no raw HTML tags and no footnote
// markers.
func inlineText(n ast.Node, src []byte) string {
	var sb strings.Builder
	writeInlineText(&sb, n, src)
	return sb.String()
}

func writeInlineText(sb *strings.Builder, n ast.Node, src []byte) {
	_, inCode := n.(*ast.CodeSpan)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *typoText:
			sb.WriteString(c.Value)
			if c.HardLineBreak {
				sb.WriteByte('\n')
			}
		case *ast.Text:
			if inCode || c.IsRaw() {
				sb.Write(c.Segment.Value(src))
				continue
			}
			sb.WriteString(resolveText(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				sb.WriteByte('\n')
			}
		case *ast.String:
			if v, ok := stringText(c); ok {
				sb.WriteString(v)
			}
		case *ast.AutoLink:
			sb.Write(c.Label(src))
		case *ast.RawHTML:
			// A tag is not text.
		default:
			if c.Kind() == east.KindFootnoteLink {
				continue
			}
			writeInlineText(sb, c, src)
		}
	}
}

// plainText extracts the text of sanitised, parsed HTML. Working on the
// sanitised output (rather than on the AST) means the text is exactly what a
// reader can see, including raw HTML blocks, and never what the policy
// removed (script or style contents). Block elements separate words;
// footnote reference numbers and back-links are left out, they are noise in
// a snippet.
func plainText(nodes []*nethtml.Node) string {
	var buf []byte
	for _, n := range nodes {
		buf = appendPlainText(buf, n)
	}
	return collapseSpace(string(buf))
}

func appendPlainText(buf []byte, n *nethtml.Node) []byte {
	switch n.Type {
	case nethtml.TextNode:
		return append(buf, n.Data...)
	case nethtml.ElementNode:
	default:
		return buf
	}
	if n.Data == "a" {
		switch attr(n, "class") {
		case "footnote-ref":
			return buf
		case "footnote-backref":
			// goldmark joins the back-link to the note with a no-break
			// space; it goes with the link.
			return bytes.TrimRight(buf, "\u00a0")
		}
	}
	block := separatesWords(n.Data)
	if block {
		buf = append(buf, ' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		buf = appendPlainText(buf, c)
	}
	if block {
		buf = append(buf, ' ')
	}
	return buf
}

func attr(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// separatesWords reports whether an element boundary separates words
// ("<p>a</p><p>b</p>" is "a b"), unlike inline markup ("<em>a</em>b").
func separatesWords(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "br", "caption", "dd", "details",
		"div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
		"hgroup", "hr", "img", "li", "ol", "p", "pre", "section", "summary",
		"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul":
		return true
	}
	return false
}

// collapseSpace replaces every run of ASCII white space with one space and
// trims both ends. No-break spaces (U+00A0) are not white space here: the
// typography put them there on purpose.
func collapseSpace(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			pending = sb.Len() > 0
		default:
			if pending {
				sb.WriteByte(' ')
				pending = false
			}
			sb.WriteByte(c)
		}
	}
	return sb.String()
}
