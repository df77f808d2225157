package markdown

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The fast path.
//
// A body without raw HTML is rendered by goldmark from the AST alone, so
// its output uses a small, fixed vocabulary of elements and attributes and
// is well-formed: every element is closed where it was opened. For such
// output the sanitiser and balance would only re-spell it (entities as
// nethtml writes them, "<br/>" for "<br>"), provided that the policy keeps
// every attribute as it is. The one thing goldmark does not check in unsafe
// mode is a URL: [x](javascript:…) comes out as written.
//
// tidy is a strict, single-pass reader of such output that writes the bytes
// balance would write and collects the text plainText would collect. It
// accepts only what it can prove the policy keeps unchanged and the HTML
// parser reads into the same tree: the elements and attributes listed in
// allowedAttr, attribute values matching the policy's own rules (URLs
// exactly as bluemonday's URL check would rewrite them), every element
// closed by its own end tag, and the nesting goldmark produces (no block
// inside a paragraph, no link inside a link, table parts in their places).
// Anything else, however harmless, makes it report false, and Render falls
// back to the full path. TestFastPathMatchesFullPath and FuzzRender compare
// the two paths.

// element is one element tidy accepts.
type element uint8

const (
	elNone element = iota // the top level of the body
	elP
	elH1
	elH2
	elH3
	elH4
	elH5
	elH6
	elBlockquote
	elUL
	elOL
	elLI
	elPre
	elHR
	elDiv
	elTable
	elThead
	elTbody
	elTr
	elTh
	elTd
	elCode
	elEm
	elStrong
	elDel
	elSup
	elA
	elImg
	elBr
)

var elementNames = [...]string{
	elNone: "", elP: "p", elH1: "h1", elH2: "h2", elH3: "h3", elH4: "h4", elH5: "h5", elH6: "h6",
	elBlockquote: "blockquote", elUL: "ul", elOL: "ol", elLI: "li", elPre: "pre", elHR: "hr",
	elDiv: "div", elTable: "table", elThead: "thead", elTbody: "tbody", elTr: "tr", elTh: "th",
	elTd: "td", elCode: "code", elEm: "em", elStrong: "strong", elDel: "del", elSup: "sup",
	elA: "a", elImg: "img", elBr: "br",
}

func lookupElement(name []byte) element {
	switch string(name) {
	case "p":
		return elP
	case "h1":
		return elH1
	case "h2":
		return elH2
	case "h3":
		return elH3
	case "h4":
		return elH4
	case "h5":
		return elH5
	case "h6":
		return elH6
	case "blockquote":
		return elBlockquote
	case "ul":
		return elUL
	case "ol":
		return elOL
	case "li":
		return elLI
	case "pre":
		return elPre
	case "hr":
		return elHR
	case "div":
		return elDiv
	case "table":
		return elTable
	case "thead":
		return elThead
	case "tbody":
		return elTbody
	case "tr":
		return elTr
	case "th":
		return elTh
	case "td":
		return elTd
	case "code":
		return elCode
	case "em":
		return elEm
	case "strong":
		return elStrong
	case "del":
		return elDel
	case "sup":
		return elSup
	case "a":
		return elA
	case "img":
		return elImg
	case "br":
		return elBr
	}
	return elNone
}

func (e element) void() bool { return e == elHR || e == elImg || e == elBr }

// block: elements that close an open <p> in the HTML parser.
func (e element) block() bool {
	switch e {
	case elP, elH1, elH2, elH3, elH4, elH5, elH6, elBlockquote, elUL, elOL, elPre, elHR, elDiv, elTable:
		return true
	}
	return false
}

// tableBox: elements in which the HTML parser moves text and inline
// elements elsewhere ("foster parenting").
func (e element) tableBox() bool {
	return e == elTable || e == elThead || e == elTbody || e == elTr
}

// fitsIn reports whether child, opened inside parent, stays there when a
// browser parses the fragment, in the way goldmark nests elements.
func (e element) fitsIn(parent element) bool {
	switch e {
	case elLI:
		return parent == elUL || parent == elOL
	case elThead, elTbody:
		return parent == elTable
	case elTr:
		return parent == elThead || parent == elTbody
	case elTh, elTd:
		return parent == elTr
	}
	if e.block() {
		switch parent {
		case elNone, elBlockquote, elLI, elDiv, elTh, elTd:
			return true
		}
		return false
	}
	// Inline elements.
	return !parent.tableBox() && parent != elUL && parent != elOL
}

// separatesWords is the element-level version of the function of the same
// name in text.go.
func (e element) separatesWords() bool {
	switch e {
	case elP, elH1, elH2, elH3, elH4, elH5, elH6, elBlockquote, elUL, elOL, elLI, elPre, elHR,
		elDiv, elTable, elThead, elTbody, elTr, elTh, elTd, elImg, elBr:
		return true
	}
	return false
}

// allowedAttr reports whether the policy keeps attribute key with value v on
// element e unchanged. It is deliberately narrower than the policy: only
// what goldmark writes for our extensions.
func allowedAttr(e element, key, v string) bool {
	switch e {
	case elA:
		switch key {
		case "href":
			return keepsURL(v)
		case "title":
			return isAttributeText(v)
		case "rel":
			return v == "noopener" || relTokens.MatchString(v)
		case "class":
			return v == "footnote-ref" || v == "footnote-backref"
		case "role":
			return v == "doc-noteref" || v == "doc-backlink"
		}
	case elImg:
		switch key {
		case "src":
			return keepsURL(v)
		case "alt", "title":
			return isAttributeText(v)
		}
	case elH1, elH2, elH3, elH4, elH5, elH6:
		return key == "id" && isHeadingID(v)
	case elLI, elSup:
		return key == "id" && footnoteID.MatchString(v)
	case elCode:
		return key == "class" && codeLanguage.MatchString(v)
	case elDiv:
		return key == "class" && v == "footnotes" || key == "role" && v == "doc-endnotes"
	case elTh, elTd:
		return key == "align" && (v == "left" || v == "center" || v == "right")
	}
	return false
}

// isAttributeText is attributeText.MatchString(v) without the regexp: the
// characters it excludes are ASCII, so a byte loop finds them.
func isAttributeText(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false
		}
	}
	return true
}

// isHeadingID is headingID.MatchString(v) without the regexp.
func isHeadingID(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case (c == '-' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return true
}

// keepsURL reports whether the policy keeps a link or image URL exactly as
// it is: bluemonday's check for RequireParseableURLs with the schemes of
// AllowStandardURLs and relative URLs allowed, which replaces the URL by its
// url.URL.String().
func keepsURL(v string) bool {
	if v == "" || strings.ContainsAny(v, " \t\n\r\v\f") || strings.TrimSpace(v) != v {
		return false
	}
	u, err := url.Parse(v)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "", "http", "https", "mailto":
	default:
		return false
	}
	return u.String() == v
}

// tidy reads goldmark's output html (see the comment at the top of this
// file) and returns what balance(sanitise(html)) would write, the plain
// text plainText would extract, and true; or false if it cannot be sure.
func tidy(html []byte) (out []byte, text string, ok bool) {
	t := tidier{
		out: make([]byte, 0, len(html)+len(html)/8),
		// The text is never longer than the markup it comes from.
		text:  make([]byte, 0, len(html)),
		stack: make([]open, 0, 16),
	}
	if !t.run(html) {
		return nil, "", false
	}
	return t.out, string(t.text), true
}

type open struct {
	el element
	// skip: the plain text of this element is left out (footnote links).
	skip bool
}

type tidier struct {
	out   []byte
	text  []byte
	stack []open
	// links is the number of open <a> elements.
	links int
	// skipping is the number of open elements whose text is left out.
	skipping int
	// space: white space is pending in text (collapseSpace on the fly).
	space bool
}

func (t *tidier) parent() element {
	if len(t.stack) == 0 {
		return elNone
	}
	return t.stack[len(t.stack)-1].el
}

func (t *tidier) run(in []byte) bool {
	for i := 0; i < len(in); {
		if in[i] != '<' {
			j := i + 1
			for j < len(in) && in[j] != '<' {
				j++
			}
			if !t.chars(in[i:j]) {
				return false
			}
			i = j
			continue
		}
		n := t.tag(in[i:])
		if n == 0 {
			return false
		}
		i += n
	}
	return len(t.stack) == 0
}

// chars handles the text between two tags.
func (t *tidier) chars(s []byte) bool {
	if t.parent().tableBox() {
		// Only the line breaks goldmark writes between table rows.
		for _, c := range s {
			if c != '\n' {
				return false
			}
		}
	}
	out := t.out // a local: no write barrier for every append
	defer func() { t.out = out }()
	for len(s) > 0 {
		i := 0
		for i < len(s) && !textSpecial[s[i]] {
			i++
		}
		out = append(out, s[:i]...)
		t.appendText(s[:i])
		if i == len(s) {
			break
		}
		switch s[i] {
		case '&':
			r, n := reference(s[i:])
			if n == 0 {
				return false
			}
			var b [utf8.UTFMax]byte
			c := b[:utf8.EncodeRune(b[:], r)]
			out = appendEscaped(out, c)
			t.appendText(c)
			s = s[i+n:]
		case '\'':
			out = append(out, "&#39;"...)
			t.appendText(s[i : i+1])
			s = s[i+1:]
		default:
			// The parser drops NUL and turns CR into LF; goldmark escapes
			// '>' and '"'. Leave all of these to the full path.
			return false
		}
	}
	return true
}

// textSpecial are the bytes chars cannot copy as they are.
var textSpecial = [256]bool{'&': true, '\'': true, '"': true, '<': true, '>': true, '\r': true, 0: true}

// asciiSpace are the bytes collapseSpace takes for white space.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}

// appendText adds text to the plain text, collapsing white space as
// collapseSpace does.
func (t *tidier) appendText(s []byte) {
	if t.skipping > 0 || len(s) == 0 {
		return
	}
	text, space := t.text, t.space
	for len(s) > 0 {
		i := 0
		for i < len(s) && !asciiSpace[s[i]] {
			i++
		}
		if i > 0 {
			if space {
				text = append(text, ' ')
				space = false
			}
			text = append(text, s[:i]...)
		}
		if i == len(s) {
			break
		}
		for i < len(s) && asciiSpace[s[i]] {
			i++
		}
		space = len(text) > 0
		s = s[i:]
	}
	t.text, t.space = text, space
}

// separate adds a word boundary to the text.
func (t *tidier) separate() {
	if t.skipping == 0 {
		t.space = len(t.text) > 0
	}
}

// tag handles the tag at the start of s and returns its length, or 0 if it
// is not one tidy accepts.
func (t *tidier) tag(s []byte) int {
	if len(s) > 1 && s[1] == '/' {
		return t.endTag(s)
	}
	i := 1
	for i < len(s) && isTagNameByte(s[i]) {
		i++
	}
	el := lookupElement(s[1:i])
	if el == elNone || !el.fitsIn(t.parent()) || (el == elA && t.links > 0) {
		return 0
	}
	t.out = append(t.out, '<')
	t.out = append(t.out, elementNames[el]...)
	skip := false
	var seen [6]string
	nseen := 0
	for {
		if i >= len(s) {
			return 0
		}
		if s[i] == '>' {
			i++
			break
		}
		// ` key="value"`, as goldmark writes every attribute.
		if s[i] != ' ' {
			return 0
		}
		i++
		k := i
		for i < len(s) && isAttrNameByte(s[i]) {
			i++
		}
		key := s[k:i]
		if len(key) == 0 || i+1 >= len(s) || s[i] != '=' || s[i+1] != '"' {
			return 0
		}
		i += 2
		v := i
		for i < len(s) && s[i] != '"' {
			i++
		}
		if i >= len(s) {
			return 0
		}
		val, ok := attrValue(s[v:i])
		i++
		if !ok {
			return 0
		}
		k2 := attrName(key)
		if k2 == "" || nseen == len(seen) || !allowedAttr(el, k2, val) {
			return 0
		}
		for _, prev := range seen[:nseen] {
			if prev == k2 {
				return 0
			}
		}
		seen[nseen] = k2
		nseen++
		if el == elA && k2 == "class" {
			skip = true
			if val == "footnote-backref" && t.skipping == 0 && !t.space {
				// As plainText: the no-break space before the back-link
				// goes with it.
				for bytes.HasSuffix(t.text, nbspBytes) {
					t.text = t.text[:len(t.text)-len(nbspBytes)]
				}
				// A space in text always stands for white space collapsed
				// before the next word: it is pending again.
				if n := len(t.text); n > 0 && t.text[n-1] == ' ' {
					t.text = t.text[:n-1]
					t.space = true
				}
			}
		}
		t.out = append(t.out, ' ')
		t.out = append(t.out, k2...)
		t.out = append(t.out, '=', '"')
		t.out = appendEscaped(t.out, val)
		t.out = append(t.out, '"')
	}
	if el.separatesWords() {
		t.separate()
	}
	if el.void() {
		t.out = append(t.out, '/', '>')
		if el.separatesWords() {
			t.separate()
		}
		return i
	}
	t.out = append(t.out, '>')
	if el == elPre && i < len(s) && s[i] == '\n' {
		// The parser drops a line feed right after <pre>.
		return 0
	}
	if el == elA {
		t.links++
	}
	if skip {
		t.skipping++
	}
	t.stack = append(t.stack, open{el: el, skip: skip})
	return i
}

func (t *tidier) endTag(s []byte) int {
	i := 2
	for i < len(s) && isTagNameByte(s[i]) {
		i++
	}
	if i >= len(s) || s[i] != '>' || len(t.stack) == 0 {
		return 0
	}
	top := t.stack[len(t.stack)-1]
	if lookupElement(s[2:i]) != top.el || top.el == elNone {
		return 0
	}
	t.stack = t.stack[:len(t.stack)-1]
	if top.el == elA {
		t.links--
	}
	if top.skip {
		t.skipping--
	}
	t.out = append(t.out, '<', '/')
	t.out = append(t.out, elementNames[top.el]...)
	t.out = append(t.out, '>')
	if top.el.separatesWords() {
		t.separate()
	}
	return i + 1
}

func isTagNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

func isAttrNameByte(c byte) bool {
	return 'a' <= c && c <= 'z'
}

// attrName returns the attribute names goldmark writes as constant
// strings, so that comparing and writing them does not allocate.
func attrName(b []byte) string {
	switch string(b) {
	case "href":
		return "href"
	case "src":
		return "src"
	case "alt":
		return "alt"
	case "title":
		return "title"
	case "rel":
		return "rel"
	case "id":
		return "id"
	case "class":
		return "class"
	case "role":
		return "role"
	case "align":
		return "align"
	}
	return ""
}

// attrValue decodes an attribute value as the tokenizer would, accepting
// only the character references reference knows.
func attrValue(b []byte) (string, bool) {
	i := 0
	for i < len(b) && b[i] != '&' && b[i] != '\r' && b[i] != 0 && b[i] != '<' && b[i] != '>' {
		i++
	}
	if i == len(b) {
		return string(b), true
	}
	var sb strings.Builder
	sb.Grow(len(b))
	sb.Write(b[:i])
	for ; i < len(b); i++ {
		switch c := b[i]; c {
		case '&':
			r, n := reference(b[i:])
			if n == 0 {
				return "", false
			}
			sb.WriteRune(r)
			i += n - 1
		case 0, '\r':
			return "", false
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String(), true
}

// appendEscaped escapes an attribute value as nethtml's Render does.
func appendEscaped[S string | []byte](out []byte, s S) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			out = append(out, "&amp;"...)
		case '\'':
			out = append(out, "&#39;"...)
		case '<':
			out = append(out, "&lt;"...)
		case '>':
			out = append(out, "&gt;"...)
		case '"':
			out = append(out, "&#34;"...)
		case '\r':
			out = append(out, "&#13;"...)
		default:
			out = append(out, c)
		}
	}
	return out
}

// reference decodes the character reference at the start of b and returns
// the character and the reference's length, or 0 for a reference it does
// not know. It knows the named references goldmark writes (&amp; &lt; &gt;
// &quot;) and numeric ones for characters the HTML parser leaves as they are
// (not NUL, C0 or C1 controls other than white space, surrogates).
func reference(b []byte) (rune, int) {
	switch {
	case hasPrefix(b, "&amp;"):
		return '&', 5
	case hasPrefix(b, "&lt;"):
		return '<', 4
	case hasPrefix(b, "&gt;"):
		return '>', 4
	case hasPrefix(b, "&quot;"):
		return '"', 6
	case len(b) < 4 || b[1] != '#':
		return 0, 0
	}
	i, base := 2, 10
	if b[2] == 'x' || b[2] == 'X' {
		i, base = 3, 16
	}
	j := i
	for j < len(b) && j < i+6 && (base == 10 && '0' <= b[j] && b[j] <= '9' || base == 16 && isHex(b[j])) {
		j++
	}
	if j == i || j >= len(b) || b[j] != ';' {
		return 0, 0
	}
	v, err := strconv.ParseUint(string(b[i:j]), base, 32)
	if err != nil {
		return 0, 0
	}
	r := rune(v)
	switch {
	case r == '\t' || r == '\n' || r == '\f':
	case r < 0x20, 0x7f <= r && r <= 0x9f, 0xd800 <= r && r <= 0xdfff, r > utf8.MaxRune:
		return 0, 0
	}
	return r, j + 1
}

var nbspBytes = []byte("\u00a0")

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
