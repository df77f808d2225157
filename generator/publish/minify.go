package publish

import (
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// newMinifier sets up the minifiers once per Writer; minify.M is safe for
// concurrent use once set up.
func newMinifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	// Open data promises journalists plain integers: the JSON minifier would
	// otherwise shorten 54675000 to 54675e3.
	m.AddRegexp(regexp.MustCompile(`[/+]json$`), &json.Minifier{KeepNumbers: true})
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	m.Add("importmap", &json.Minifier{KeepNumbers: true})
	return m
}

// mediatype returns the media type a file is minified as, judged by its
// extension, or "" for files written as they are:
//   - CSV, text and images: data files are published for people to
//     download and must stay byte-for-byte what the editors wrote;
//   - HTML: the templates write it compact already (one element per line,
//     no indentation; TestPagesCompact in generator/site keeps every page
//     within 5 %, and all pages within 2 %, of what the HTML minifier
//     makes of them). On a 10 000-project site the
//     minifier took 9 of 41 CPU seconds to remove 1.7 % of the bytes, less
//     than the gzip a host serves them with hides.
func mediatype(rel string) string {
	switch strings.ToLower(path.Ext(rel)) {
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".jsonld":
		return "application/ld+json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "text/xml"
	}
	return ""
}
