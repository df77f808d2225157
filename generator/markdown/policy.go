package markdown

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// newPolicy builds the sanitising policy every rendered body passes through.
//
// It starts from bluemonday's UGCPolicy, which already removes scripts,
// event handler attributes, style attributes and elements, frames, objects,
// forms, <base> and <meta>, and only lets mailto, http, https and relative
// URLs through (so javascript:, vbscript: and data: disappear, however they
// are spelt or encoded, because the attribute values are parsed first). On
// top of it we allow exactly what goldmark emits for our extensions and a
// few harmless formatting elements that editors use.
//
// A built policy is only read by Sanitize, so one is shared by all calls.
//
// The fast path (fast.go) skips the policy for bodies without raw HTML and
// accepts only elements and attributes this policy keeps as they are
// (allowedAttr). Taking something away here needs the same change there;
// TestFastPathVocabulary fails until it is made.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()

	// We publish our own content: no rel="nofollow" on our links, and no
	// target="_blank" (opening new windows is the reader's choice). External
	// Markdown links get rel="noopener" from the renderer instead.
	p.RequireNoFollowOnLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	p.AllowAttrs("rel").Matching(relTokens).OnElements("a")

	// Heading anchors (our slugs, or ids editors write by hand) and the
	// footnote ids goldmark generates ("fn:1", "fnref:1", "fnref2:1").
	// UGCPolicy already allows any id with a letter or digit in it, on every
	// element (bluemonday cannot take a rule back); these anchored rules
	// state what our output relies on and keep working should the base
	// policy change.
	p.AllowAttrs("id").Matching(headingID).OnElements("h1", "h2", "h3", "h4", "h5", "h6")
	p.AllowAttrs("id").Matching(footnoteID).OnElements("sup", "li")

	// Footnote markup: classes and ARIA roles, limited to the values goldmark
	// writes, so editors cannot borrow the site's own CSS classes.
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^footnote-(?:ref|backref)$`)).OnElements("a")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-(?:noteref|backlink)$`)).OnElements("a")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^footnotes$`)).OnElements("div")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-endnotes$`)).OnElements("div")

	// Fenced code blocks carry their language ("language-go") for a future
	// highlighter.
	p.AllowAttrs("class").Matching(codeLanguage).OnElements("code")

	// Table alignment as an attribute (extension.TableCellAlignAttribute),
	// so no style attribute is ever needed. UGCPolicy allows it already; kept
	// explicit for the same reason as the ids.
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(?:left|center|right)$`)).OnElements("th", "td")

	// Text in another language carries its own lang (accessibility).
	// UGCPolicy's own rule is looser (any value containing two letters);
	// this one documents the intended form, a BCP 47 tag.
	p.AllowAttrs("lang").Matching(languageTag).Globally()

	// UGCPolicy matches alt and title against a narrow character class that
	// rejects ordinary Czech punctuation („“–:?%), which silently removed the
	// whole attribute, and with it the image's text alternative. Attribute
	// values are re-escaped when the fragment is written out, so any text
	// without control characters is safe here.
	p.AllowAttrs("alt").Matching(attributeText).OnElements("img", "area")
	p.AllowAttrs("title").Matching(attributeText).Globally()

	// Harmless formatting editors use. UGCPolicy leaves out kbd; the others
	// it has, and are listed so that the whole set our tests promise is
	// visible here.
	p.AllowElements("kbd", "abbr", "mark", "figure", "figcaption", "del", "ins", "s", "sub", "sup", "br")

	return p
}

var (
	// relTokens are the link types an editor may set; none of them changes
	// what a link can do, unlike a target.
	relTokens = regexp.MustCompile(`^(?:noopener|noreferrer|nofollow|external|license|author|me)(?: (?:noopener|noreferrer|nofollow|external|license|author|me))*$`)
	// headingID is an anchor that needs no escaping in a URL fragment or a
	// CSS selector (apart from a leading digit).
	headingID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)
	// footnoteID are the ids of goldmark's footnote extension.
	footnoteID = regexp.MustCompile(`^fn(?:ref[0-9]*)?:[0-9]+$`)
	// codeLanguage is the class goldmark gives a fenced code block.
	codeLanguage = regexp.MustCompile(`^language-[A-Za-z0-9_+#.-]+$`)
	// languageTag is a BCP 47 tag such as "en", "de-AT" or "sr-Latn".
	languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$`)
	// attributeText is any text without control characters other than
	// tab, line feed and carriage return.
	attributeText = regexp.MustCompile(`^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]*$`)
)
