package publish

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
)

// benchPage returns a page shaped like the portal's: head with JSON-LD,
// navigation, an article with Czech prose, a table of figures and a
// footer, indented the way html/template output is, about 20 KB.
func benchPage() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="cs">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Rozpočet 2025 – Transparentní portál</title>
    <meta name="description" content="Přehled příjmů a výdajů organizace za rok 2025.">
    <link rel="stylesheet" href="/css/site.css">
    <link rel="alternate" hreflang="en" href="https://example.cz/en/budget-2025/">
    <link rel="alternate" hreflang="cs" href="https://example.cz/cs/rozpocet-2025/">
    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "Dataset",
      "name": "Rozpočet 2025",
      "description": "Přehled příjmů a výdajů organizace za rok 2025.",
      "inLanguage": "cs",
      "license": "https://creativecommons.org/licenses/by/4.0/"
    }
    </script>
  </head>
  <body>
    <a class="skip" href="#obsah">Přeskočit na obsah</a>
    <header class="site-header">
      <nav aria-label="Hlavní navigace">
        <ul>
`)
	for i := range 12 {
		fmt.Fprintf(&b, "          <li><a href=\"/cs/sekce-%d/\">Sekce číslo %d</a></li>\n", i, i)
	}
	b.WriteString(`        </ul>
      </nav>
      <a href="/en/budget-2025/" lang="en" hreflang="en">English</a>
    </header>
    <main id="obsah">
      <article>
        <h1 id="rozpocet-2025">Rozpočet 2025</h1>
`)
	for i := 0; b.Len() < 14000; i++ {
		fmt.Fprintf(&b, `        <h2 id="kapitola-%d">Kapitola %d: Příjmy a výdaje</h2>
        <p>Organizace v roce 2025 hospodařila s rozpočtem, jehož příjmy tvořily
          především dotace a dary. Výdaje směřovaly do <a href="/cs/projekty/">projektů</a>,
          na mzdy a na provoz. Podrobný přehled najdete v <a href="/data/rozpocet-2025.csv">datech ve formátu CSV</a>.</p>
        <p>Meziroční změna činila 4,2&nbsp;%% a podíl režijních nákladů zůstal pod hranicí
          15&nbsp;%%, kterou si organizace stanovila ve <em>strategii na léta 2024–2027</em>.</p>
`, i, i+1)
	}
	b.WriteString(`        <table>
          <caption>Výdaje podle kategorií</caption>
          <thead>
            <tr><th scope="col">Kategorie</th><th scope="col">Částka (Kč)</th><th scope="col">Podíl</th></tr>
          </thead>
          <tbody>
`)
	for i := 0; b.Len() < 19000; i++ {
		fmt.Fprintf(&b, "            <tr><td>Položka %d</td><td class=\"num\">1 %03d 500</td><td class=\"num\">%d,5&nbsp;%%</td></tr>\n", i, i, i%40)
	}
	b.WriteString(`          </tbody>
        </table>
      </article>
    </main>
    <footer class="site-footer">
      <p>© 2025 Organizace, z. s. · <a href="/cs/kontakt/">Kontakt</a> · <a href="/cs/pristupnost/">Prohlášení o přístupnosti</a></p>
    </footer>
  </body>
</html>
`)
	return []byte(b.String())
}

// BenchmarkWriteHTML measures publishing one page: write a new file, and
// find the page unchanged, which is what a rebuild mostly does. Pages are
// not minified (see mediatype); minify-only is what the HTML minifier
// would cost per page, the reason why.
func BenchmarkWriteHTML(b *testing.B) {
	page := benchPage()
	b.Run("minify-only", func(b *testing.B) {
		m := htmlMinifier()
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := m.Bytes("text/html", page); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("new", func(b *testing.B) { benchWrite(b, page, true, false) })
	b.Run("unchanged", func(b *testing.B) { benchWrite(b, page, true, true) })
}

// htmlMinifier is the HTML minifier pages went through until they were
// published as written.
func htmlMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	return m
}

func benchWrite(b *testing.B, page []byte, minify, unchanged bool) {
	const batch = 2000 // pages per Writer: a large site
	out := filepath.Join(b.TempDir(), "public")
	if unchanged {
		w, err := NewWriter(out, Options{Minify: minify})
		if err != nil {
			b.Fatal(err)
		}
		for i := range batch {
			if err := w.WriteFile(fmt.Sprintf("cs/stranka-%d/index.html", i), page); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	var w *Writer
	next := func() {
		b.StopTimer()
		if w != nil {
			w.Abort()
		}
		var err error
		if w, err = NewWriter(out, Options{Minify: minify}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%batch == 0 {
			next()
		}
		if err := w.WriteFile(fmt.Sprintf("cs/stranka-%d/index.html", i%batch), page); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.StopTimer()
	if unchanged && w.Stats().Unchanged != w.Stats().Files {
		b.Fatalf("Stats = %+v: pages were rewritten", w.Stats())
	}
	w.Abort()
}

// TestBenchPage keeps the benchmark honest about its page.
func TestBenchPage(t *testing.T) {
	page := benchPage()
	if n := len(page); n < 19000 || n > 21000 {
		t.Errorf("bench page is %d bytes, want about 20 KB", n)
	}
	if _, err := htmlMinifier().Bytes("text/html", page); err != nil {
		t.Fatal(err)
	}
}
