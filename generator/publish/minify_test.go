package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// publishOne writes one file through a minifying (or not) Writer and
// returns what was published.
func publishOne(t *testing.T, minify bool, rel, data string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	w, err := NewWriter(out, Options{Minify: minify})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.WriteFile(rel, []byte(data)); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(got)
}

const page = `<!DOCTYPE html>
<html lang="cs">
<head>
  <meta charset="utf-8">
  <title>Rozpočet 2025 – přehled</title>
  <link rel="alternate" hreflang="en" href="/en/budget/">
  <style> body { color : #ff0000 ; margin: 0px } </style>
  <script type="application/ld+json">
  { "@context": "https://schema.org", "@type": "Dataset", "název": "Přehled  výdajů", "name" : "Výdaje – Ústí" }
  </script>
</head>
<body>
  <!-- navigation -->
  <nav aria-label="Hlavní"><a href="/cs/" class="active">Úvod</a>   <a href="/en/" lang="en" hreflang="en">English</a></nav>
  <p>Celkem 10&nbsp;% a 1` + "\u00a0" + `234 Kč, <q lang="en">quoted</q></p>
  <details open><summary>Více</summary> text </details>
  <input type="checkbox" id="c" checked disabled>
  <pre><code>  rok   částka
  2024  1 234
</code></pre>
  <svg viewBox="0 0 10 10" aria-hidden="true"><path d="M 0.000 0.000 L 10 10"/></svg>
  <script> var portal = { lang : "cs" } ; </script>
</body>
</html>
`

// TestHTMLAsWritten: pages are published as the templates wrote them,
// even with Minify on (see mediatype); CSS and JSON in the same build are
// minified.
func TestHTMLAsWritten(t *testing.T) {
	for _, rel := range []string{"cs/rozpocet/index.html", "404.html", "embed/x.HTM"} {
		if got := publishOne(t, true, rel, page); got != page {
			t.Errorf("%s changed:\n%s", rel, got)
		}
	}
	if got := publishOne(t, true, "css/site.css", "p {  margin: 0px }"); got != "p{margin:0}" {
		t.Errorf("CSS beside the pages not minified: %q", got)
	}
}

func TestMinifyByExtension(t *testing.T) {
	const (
		css  = "body {\n  color : #ff0000 ;\n  margin: 0px 0px;\n}\n"
		json = "{\n  \"název\": \"Přehled výdajů\",\n  \"částka\": 1234.50,\n  \"města\": [ \"Ústí nad Labem\", \"Plzeň\" ]\n}\n"
		csv  = "rok ; částka\n2024 ;  1 234,50\n\n"
		txt  = "  text  \n\n  with spaces\n"
		xml  = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset>\n  <url>\n    <loc>https://example.cz/cs/výdaje/</loc>\n  </url>\n</urlset>\n"
	)
	tests := []struct {
		rel, in, want string
	}{
		{"css/site.css", css, "body{color:red;margin:0}"},
		// Numbers stay as written: open data promises journalists plain
		// integers, never 54675e3.
		{"data.json", json, `{"název":"Přehled výdajů","částka":1234.50,"města":["Ústí nad Labem","Plzeň"]}`},
		{"cs/o-nas/meta.jsonld", json, `{"název":"Přehled výdajů","částka":1234.50,"města":["Ústí nad Labem","Plzeň"]}`},
		{"data/projects.json", `[{"budget_czk": 54675000, "eu": 1000000}]`, `[{"budget_czk":54675000,"eu":1000000}]`},
		{"site.webmanifest", "{ \"name\" : \"Transparentní portál\" ,\n \"lang\": \"cs\" }", `{"name":"Transparentní portál","lang":"cs"}`},
		{"sitemap.xml", xml, `<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>https://example.cz/cs/výdaje/</loc></url></urlset>`},
		{"js/app.js", "function greet ( name ) {\n  return 'Ahoj, ' + name ;\n}\nwindow.greet = greet ;\n", ""},
		{"img/icon.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">  <path d="M 0.000 0.000 L 10.000 10.000"/> </svg>`, ""},
		{"data/výdaje.csv", csv, csv},
		{"robots.txt", txt, txt},
		{"DATA.JSON", "{ \"a\" : 1 }", `{"a":1}`}, // extensions in any case
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			got := publishOne(t, true, tt.rel, tt.in)
			switch {
			case tt.want != "" && got != tt.want:
				t.Errorf("got %q, want %q", got, tt.want)
			case tt.want == "" && len(got) >= len(tt.in):
				t.Errorf("not smaller: %q", got)
			}
		})
	}
}

func TestMinifyOff(t *testing.T) {
	if got := publishOne(t, false, "index.html", page); got != page {
		t.Errorf("Minify off changed the page:\n%s", got)
	}
}

func TestMinifyError(t *testing.T) {
	w, err := NewWriter(filepath.Join(t.TempDir(), "public"), Options{Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	for _, rel := range []string{"data/bad.json", "js/bad.js"} {
		in := map[string]string{
			"data/bad.json": `{ bad }`,
			"js/bad.js":     "var = ;",
		}[rel]
		err := w.WriteFile(rel, []byte(in))
		if err == nil || !strings.Contains(err.Error(), rel) {
			t.Errorf("WriteFile(%s) = %v, want a minify error naming the file", rel, err)
		}
	}
}
