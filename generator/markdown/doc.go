// Package markdown turns the Markdown that editors write into HTML that is
// safe to put on a public page.
//
// # Why the output is sanitised, not the input
//
// Editors paste text from Word, from other web sites and from e-mails, so
// raw HTML inside Markdown is allowed (goldmark's html.WithUnsafe). Cleaning
// the Markdown source before parsing cannot work: what is dangerous depends on
// how the parser reassembles the pieces (a link destination, an autolink, an
// HTML block that starts in one line and ends in another, entity-encoded
// schemes). So every body is first rendered by goldmark and then the finished
// HTML fragment goes through one bluemonday policy. Whatever the parser did,
// the browser only ever sees what the policy lets through: no script, no
// event handler attributes, no javascript:/vbscript:/data: URLs, no frames,
// forms, styles or <base>/<meta>. The sanitised fragment is then parsed as
// a browser would and written out again, so that an unclosed or stray tag
// in one body cannot change the layout of the page around it.
//
// # The fast path
//
// Most bodies have no raw HTML at all. Their HTML is written by goldmark
// alone, from a small vocabulary, and is already well-formed; the only
// thing goldmark lets through unchecked is a URL. For such a body Render
// skips the policy and the re-parse: a strict one-pass reader (tidy, in
// fast.go) checks every tag and attribute against what the policy keeps
// unchanged (URLs by bluemonday's own rules), checks that the nesting is
// one a browser keeps, and writes the bytes the full path would write,
// entity spelling and "<br/>" included, collecting the plain text on the
// way. If anything is outside what it knows, the body takes the full path.
// The result is the same either way; tests and the fuzzer compare the two.
//
// # Why one goldmark instance per language
//
// Typographic quotes differ between languages („…“ in Czech, “…” in
// English), and goldmark fixes its typographer substitutions when the
// instance is built. Building one goldmark.Markdown per language at New
// keeps Render free of configuration work and free of shared mutable state:
// each call gets its own parser.Context (so heading ids never leak between
// documents or goroutines), and the instances and the sanitising policy are
// only read after construction, which makes a Renderer safe for concurrent
// use by the build workers.
//
// # What Render reports besides HTML
//
// The caller validates content and builds tables of contents and search
// snippets, so Render also returns the headings (with their ids), every
// Markdown image with the line it is on (for "file:line" errors about missing
// files or alt text), and the plain text of the sanitised body.
package markdown
