package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// maxMinifiable is the share of a page's bytes an HTML minifier may still
// remove, and maxMinifiableAll that of all pages together. Pages are
// published as the templates write them (see publish.mediatype): compact,
// one element per line and no indentation, at a small fraction of the cost
// of minifying 33 000 pages per build. Small pages (the 404 page, embeds)
// have the most newlines per byte.
const (
	maxMinifiable    = 0.05
	maxMinifiableAll = 0.02
)

// TestPagesCompact builds the example portal and checks that minifying
// any page would save less than maxMinifiable of it: a template indented
// for reading, or a chart written with loose numbers, fails here.
func TestPagesCompact(t *testing.T) {
	out := builtExample(t)
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/css", css.Minify)
	m.Add("application/ld+json", &json.Minifier{KeepNumbers: true})
	var pages, total, saved int
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		min, err := m.Bytes("text/html", data)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if share := 1 - float64(len(min))/float64(len(data)); share > maxMinifiable {
			t.Errorf("%s: a minifier would remove %.1f %% of its %d bytes (at most %.0f %% allowed)", rel, 100*share, len(data), 100*maxMinifiable)
		}
		pages++
		total += len(data)
		saved += len(data) - len(min)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 100 {
		t.Fatalf("only %d pages checked", pages)
	}
	if share := float64(saved) / float64(total); share > maxMinifiableAll {
		t.Errorf("a minifier would remove %.2f %% of all pages (at most %.0f %% allowed)", 100*share, 100*maxMinifiableAll)
	}
	t.Logf("%d pages, %d bytes; a minifier would remove %d (%.2f %%)", pages, total, saved, 100*float64(saved)/float64(total))
}
