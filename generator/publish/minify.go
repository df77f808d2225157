package publish

import (
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// newMinifier sets up the minifiers once per Writer; minify.M is safe for
// concurrent use once set up, and the HTML minifier calls back into it for
// inline <style>, <script> (JavaScript and JSON-LD) and <svg>, which is why
// those media types are registered even when no file has their extension.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		// The pages are checked by the Nu HTML validator and read by people
		// viewing source: keep <html lang>, <head> and <body>, every end tag
		// and every attribute quote, so the markup stays the markup the
		// templates say.
		KeepDocumentTags: true,
		KeepEndTags:      true,
		KeepQuotes:       true,
		// Conditional and server-side comments have no use on a static site.
		KeepSpecialComments: false,
	})
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
// extension, or "" for files written as they are (CSV, text, images):
// data files are published for people to download and must stay
// byte-for-byte what the editors wrote.
func mediatype(rel string) string {
	switch strings.ToLower(path.Ext(rel)) {
	case ".html", ".htm":
		return "text/html"
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
