package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Renderer converts Markdown to sanitised HTML. Built once, safe for
// concurrent use: after New it holds only values that are read, never
// written (one goldmark.Markdown per language and one bluemonday policy).
type Renderer struct {
	langs map[string]goldmark.Markdown
	// fallback serves languages New was not told about: English quotes, no
	// Typography, so an unexpected language code still renders.
	fallback goldmark.Markdown
	policy   *bluemonday.Policy
}

// Options configure a Renderer.
type Options struct {
	// Typography, per language code, is applied to every text node (not to
	// code); the caller passes e.g. Czech no-break spaces after one-letter
	// words. May be nil.
	//
	// The function receives one run of prose at a time: the text between
	// two pieces of inline markup (emphasis, a link, code, raw HTML, a hard
	// line break), including the typographic quotes and dashes in it, with
	// soft line breaks as "\n" (so "v\nPraze" can be joined too). A word
	// at the edge of a run may continue in the next one ("v *Praze*" gives
	// "… v " and "Praze"; the rare "sl*ov*o" gives "sl", "ov", "o"). A run
	// that ends in white space before such markup is passed with a stand-in
	// word "x" appended (and removed from the result), so a rule that
	// leaves trailing white space alone still joins "v" to *Praze*. The
	// function gets and returns plain text; the result is HTML-escaped, so
	// it cannot produce markup. It must be safe for concurrent use.
	Typography map[string]func(string) string
}

// Result is what Render learns about one body.
type Result struct {
	// HTML is the sanitised body, ready for html/template.
	HTML template.HTML
	// Headings are all headings of the body, in document order, for tables
	// of contents and anchor checks.
	Headings []Heading
	// Images are every Markdown image in the body, with its line (1-based,
	// relative to src), so the caller can report "file:line" when a file or
	// its alt text is missing. Images written as raw <img> HTML are not
	// listed.
	Images []Image
	// Text is the plain text of the body (for search snippets and
	// descriptions), whitespace collapsed. No-break spaces are kept: they
	// are typography, not layout.
	Text string
}

// Heading is one heading of a body.
type Heading struct {
	// Level is 1 to 6.
	Level int
	// ID is the anchor of the heading, unique within the body: a Czech-aware
	// slug of its text ("Potřebnost a změna" → "potrebnost-a-zmena"),
	// "uvod-1" for a second "Úvod", "section" when the text has no letters.
	ID string
	// Text is the heading's plain text, with Typography applied.
	Text string
}

// Image is one Markdown image (![Alt](Dest "Title")) of a body.
type Image struct {
	// Dest is the destination as written, with Markdown escapes and
	// character references resolved but not URL-encoded, so it can be looked
	// up as a file name.
	Dest string
	// Alt is the image description (the text of its children); empty when
	// the editor wrote none.
	Alt string
	// Title is the optional title.
	Title string
	// Line is the 1-based line of src on which the image starts.
	Line int
}

// New builds a Renderer: one goldmark instance for Czech, one for English,
// one for every other language named in opts.Typography, and the
// sanitising policy. Building is the expensive part; Render only reads.
func New(opts Options) *Renderer {
	r := &Renderer{
		langs:  map[string]goldmark.Markdown{},
		policy: newPolicy(),
	}
	typos := map[string]func(string) string{}
	for code, f := range opts.Typography {
		typos[normaliseLang(code)] = f
	}
	codes := []string{"cs", "en"}
	for code := range typos {
		if code != "cs" && code != "en" {
			codes = append(codes, code)
		}
	}
	for _, code := range codes {
		r.langs[code] = newLanguage(code, typos[code])
	}
	r.fallback = newLanguage("", nil)
	return r
}

// newLanguage configures goldmark for one language.
func newLanguage(code string, typo func(string) string) goldmark.Markdown {
	// goldmark's defaults are HTML entities; we give characters so that
	// plain texts (headings, alt) read the same as the page.
	subs := map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  "“",
		extension.RightDoubleQuote: "”",
		extension.LeftSingleQuote:  "‘",
		extension.RightSingleQuote: "’",
		extension.EnDash:           "–",
		extension.EmDash:           "—",
		extension.Ellipsis:         "…",
		extension.LeftAngleQuote:   "«",
		extension.RightAngleQuote:  "»",
		extension.Apostrophe:       "’",
	}
	if primarySubtag(code) == "cs" {
		// Czech opens low and closes with the English opening mark.
		subs[extension.LeftDoubleQuote] = "„"
		subs[extension.RightDoubleQuote] = "“"
		subs[extension.LeftSingleQuote] = "‚"
		subs[extension.RightSingleQuote] = "‘"
	}

	parserOptions := []parser.Option{
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(externalLinks{}, 100)),
	}
	rendererOptions := []renderer.Option{
		// Raw HTML is let through here and cleaned by the policy after
		// rendering; see the package documentation.
		html.WithUnsafe(),
	}
	if primarySubtag(code) == "cs" {
		// Before the typographer (9999), which would apply English rules
		// to ' (see czechSingleQuotes).
		parserOptions = append(parserOptions,
			parser.WithInlineParsers(util.Prioritized(czechSingleQuotes{}, 9000)))
	}
	if typo != nil {
		// Priority 10000: after the table and footnote transformers (0 and
		// 999), so the final text runs are seen.
		parserOptions = append(parserOptions,
			parser.WithASTTransformers(util.Prioritized(typography{typo: typo}, 10000)))
		rendererOptions = append(rendererOptions,
			renderer.WithNodeRenderers(util.Prioritized(typoTextRenderer{}, 500)))
	}

	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"})),
			extension.NewFootnote(),
			extension.NewTypographer(extension.WithTypographicSubstitutions(subs)),
		),
		goldmark.WithParserOptions(parserOptions...),
		goldmark.WithRendererOptions(rendererOptions...),
	)
	return md
}

// Render converts src (the body of a file, without front matter) for
// language lang ("cs", "en", or any other code: unknown languages get
// English quotes and no Typography).
//
// A panic inside goldmark is turned into an error, so one malformed file
// fails with a message instead of taking the whole build down.
func (r *Renderer) Render(src []byte, lang string) (Result, error) {
	res, _, err := r.render(src, lang, false)
	return res, err
}

// render is Render; full forces the sanitiser and balance even for a body
// the fast path could take (see fast.go), and fast tells which path was
// taken. Tests compare the two.
func (r *Renderer) render(src []byte, lang string, full bool) (res Result, fast bool, err error) {
	md := r.language(lang)
	defer func() {
		if p := recover(); p != nil {
			res, fast, err = Result{}, false, fmt.Errorf("markdown: cannot render: %v", p)
		}
	}()

	// A fresh context per call: it carries the ids used so far and the
	// link reference definitions of this document only.
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	rawHTML := false
	var lines lineIndex
	err = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			res.Headings = append(res.Headings, Heading{
				Level: n.Level,
				ID:    string(idb),
				Text:  collapseSpace(inlineText(n, src)),
			})
		case *ast.Image:
			res.Images = append(res.Images, Image{
				Dest:  resolveText(n.Destination),
				Alt:   collapseSpace(inlineText(n, src)),
				Title: resolveText(n.Title),
				Line:  lines.line(src, imageOffset(n)),
			})
		case *ast.RawHTML, *ast.HTMLBlock:
			rawHTML = true
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return Result{}, false, fmt.Errorf("markdown: %w", err)
	}

	buf := getOutput()
	defer putOutput(buf)
	if err := md.Renderer().Render(buf, src, doc); err != nil {
		return Result{}, false, fmt.Errorf("markdown: %w", err)
	}
	if !rawHTML && !full {
		// No raw HTML: goldmark wrote all of it, and tidy checks the rest.
		if html, text, ok := tidy(buf.b); ok {
			res.HTML = template.HTML(html) // #nosec G203 -- only markup tidy proved the policy keeps as it is
			res.Text = text
			return res, true, nil
		}
	}
	safe, nodes, err := balance(r.policy.SanitizeBytes(buf.b))
	if err != nil {
		return Result{}, false, fmt.Errorf("markdown: %w", err)
	}
	res.HTML = template.HTML(safe) // #nosec G203 -- sanitised by the policy just above
	res.Text = plainText(nodes)
	return res, false, nil
}

// output is goldmark's output buffer. It implements util.BufWriter, so
// goldmark writes straight into it rather than through a bufio.Writer of
// its own, and buffers are reused: the result never refers to one.
type output struct{ b []byte }

var outputs = sync.Pool{New: func() any { return &output{b: make([]byte, 0, 8<<10)} }}

func getOutput() *output { return outputs.Get().(*output) }

func putOutput(w *output) {
	if cap(w.b) > 1<<20 {
		return // an outlier: let it go
	}
	w.b = w.b[:0]
	outputs.Put(w)
}

func (w *output) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

func (w *output) WriteString(s string) (int, error) {
	w.b = append(w.b, s...)
	return len(s), nil
}

func (w *output) WriteByte(c byte) error {
	w.b = append(w.b, c)
	return nil
}

func (w *output) WriteRune(r rune) (int, error) {
	n := len(w.b)
	w.b = utf8.AppendRune(w.b, r)
	return len(w.b) - n, nil
}

// Available, Buffered and Flush complete util.BufWriter; everything is
// written at once.
func (w *output) Available() int { return cap(w.b) - len(w.b) }
func (w *output) Buffered() int  { return 0 }
func (w *output) Flush() error   { return nil }

var _ util.BufWriter = (*output)(nil)

// language picks the goldmark instance for a language code: exact match
// first ("cs"), then the primary subtag ("cs-CZ" → "cs"), then English.
func (r *Renderer) language(code string) goldmark.Markdown {
	code = normaliseLang(code)
	if l, ok := r.langs[code]; ok {
		return l
	}
	if l, ok := r.langs[primarySubtag(code)]; ok {
		return l
	}
	return r.fallback
}

// normaliseLang makes "CS" and "cs_CZ" behave as "cs" and "cs-cz".
func normaliseLang(code string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(code)), "_", "-")
}

func primarySubtag(code string) string {
	if i := strings.IndexByte(code, '-'); i >= 0 {
		return code[:i]
	}
	return code
}

// imageOffset is the byte offset in src where an image starts: goldmark
// records the position of "![" for images; when it is missing we fall back
// to the first text of the image, then to the first line of the enclosing
// block.
func imageOffset(n *ast.Image) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
		if p.Pos() >= 0 {
			return p.Pos()
		}
	}
	return 0
}

// lineIndex turns byte offsets into 1-based line numbers. The newline
// offsets are computed once per document, and only if it has images.
type lineIndex struct {
	newlines []int
	built    bool
}

func (li *lineIndex) line(src []byte, offset int) int {
	if !li.built {
		li.newlines = make([]int, 0, bytes.Count(src, []byte("\n")))
		for i, c := range src {
			if c == '\n' {
				li.newlines = append(li.newlines, i)
			}
		}
		li.built = true
	}
	offset = min(max(offset, 0), len(src))
	// The number of newlines before offset, plus one.
	return sort.SearchInts(li.newlines, offset) + 1
}

// externalLinks marks Markdown links and autolinks to other sites with
// rel="noopener". bluemonday only adds it together with target="_blank",
// which we do not want, so the renderer writes it and the policy keeps it.
type externalLinks struct{}

// Transform implements parser.ASTTransformer.
func (externalLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if isExternal(n.Destination) {
				n.SetAttributeString("rel", []byte("noopener"))
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL && isExternal(n.URL(src)) {
				n.SetAttributeString("rel", []byte("noopener"))
			}
		}
		return ast.WalkContinue, nil
	})
}

// isExternal reports whether a destination points to another site.
func isExternal(dest []byte) bool {
	d := bytes.ToLower(bytes.TrimSpace(dest))
	return bytes.HasPrefix(d, []byte("http://")) ||
		bytes.HasPrefix(d, []byte("https://")) ||
		bytes.HasPrefix(d, []byte("//"))
}

// balance parses the sanitised fragment the way a browser would inside a
// <div> and writes it out again. bluemonday removes what is dangerous but
// does not pair tags, so an editor's stray "</div>" would close the page's
// own layout and an unclosed "<b>" would embolden the rest of the page.
// After this every element opened in the body is closed in the body. It is
// safe to do after sanitising: the policy has already removed the elements
// whose content browsers parse differently (script, style, noscript,
// textarea, svg, math), so the tree is serialised back to what it was
// parsed from, only balanced.
func balance(fragment []byte) ([]byte, []*nethtml.Node, error) {
	context := &nethtml.Node{Type: nethtml.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := nethtml.ParseFragment(bytes.NewReader(fragment), context)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	buf.Grow(len(fragment) + 64)
	for _, n := range nodes {
		if err := nethtml.Render(&buf, n); err != nil {
			return nil, nil, err
		}
	}
	return buf.Bytes(), nodes, nil
}
