package markdown

import (
	"reflect"
	"strings"
	"testing"
)

const nbsp = "\u00a0"

// czechNBSP is a stand-in for the caller's Czech typography: a no-break
// space after a one-letter preposition or conjunction (k o s u v z a i),
// also across a soft line break ("v\nPraze"). Written as a scan rather
// than a regexp, as typography runs on every text of every page.
func czechNBSP(s string) string {
	if !strings.ContainsAny(s, " \n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	prev := ' ' // the start of the run counts as a word boundary
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		b.WriteRune(r)
		if isBoundary(prev) && strings.ContainsRune("kosuvzaiKOSUVZAI", r) &&
			i+1 < len(rs) && (rs[i+1] == ' ' || rs[i+1] == '\n') {
			b.WriteString(nbsp)
			i++
			r = '\u00a0'
		}
		prev = r
	}
	return b.String()
}

func isBoundary(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\u00a0' || r == '(' || r == '„' || r == '‚'
}

func newTestRenderer() *Renderer {
	return New(Options{Typography: map[string]func(string) string{"cs": czechNBSP}})
}

func render(t *testing.T, r *Renderer, src, lang string) Result {
	t.Helper()
	res, err := r.Render([]byte(src), lang)
	if err != nil {
		t.Fatalf("Render(%q, %s): %v", src, lang, err)
	}
	return res
}

func TestHeadingIDs(t *testing.T) {
	r := newTestRenderer()
	tests := []struct {
		name string
		src  string
		ids  []string
	}{
		{"czech diacritics", "# Potřebnost a změna", []string{"potrebnost-a-zmena"}},
		{"příjmy keeps its letters", "## Příjmy", []string{"prijmy"}},
		{"duplicates", "## Úvod\n\n## Úvod\n\n## Úvod", []string{"uvod", "uvod-1", "uvod-2"}},
		{"duplicate colliding with a numbered title", "## Úvod\n\n## Úvod 1\n\n## Úvod", []string{"uvod", "uvod-1", "uvod-2"}},
		{"empty slug", "## !!!\n\n## ???\n\n## 🚀", []string{"section", "section-1", "section-2"}},
		{"empty heading", "##\n\n## Text", []string{"section", "text"}},
		{"setext", "Financování\n===========\n\nRizika\n------", []string{"financovani", "rizika"}},
		{"link destination not in id", "## [Zdroj](https://example.cz/dlouha/cesta) a *něco*", []string{"zdroj-a-neco"}},
		{"entity and html", "## Ceny &amp; <em>náklady</em>", []string{"ceny-naklady"}},
		{"typographer quotes ignored", `## "Nová" hala -- 2024`, []string{"nova-hala-2024"}},
		{"nested in blockquote and list", "> ## Citát\n\n- ## Bod", []string{"citat", "bod"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, r, tt.src, "cs")
			var ids []string
			for _, h := range res.Headings {
				ids = append(ids, h.ID)
				if !strings.Contains(string(res.HTML), `id="`+h.ID+`"`) {
					t.Errorf("id %q not in HTML:\n%s", h.ID, res.HTML)
				}
			}
			if !reflect.DeepEqual(ids, tt.ids) {
				t.Errorf("ids = %q, want %q", ids, tt.ids)
			}
		})
	}
}

// TestHeadingIDsDoNotLeak renders the same document twice, and a second
// document after it: ids are per document, so "uvod" is free again.
func TestHeadingIDsDoNotLeak(t *testing.T) {
	r := newTestRenderer()
	for i := range 3 {
		res := render(t, r, "## Úvod\n\n## Úvod", "cs")
		if res.Headings[0].ID != "uvod" || res.Headings[1].ID != "uvod-1" {
			t.Fatalf("render %d: ids %q, %q", i, res.Headings[0].ID, res.Headings[1].ID)
		}
	}
}

func TestHeadings(t *testing.T) {
	r := newTestRenderer()
	res := render(t, r, "# Projekt v Praze\n\n## Kód `v a` a **tučné**[^1]\n\n### \"Citát\"\n\n[^1]: Pozn.", "cs")
	want := []Heading{
		{Level: 1, ID: "projekt-v-praze", Text: "Projekt v" + nbsp + "Praze"},
		{Level: 2, ID: "kod-v-a-a-tucne", Text: "Kód v a a" + nbsp + "tučné"},
		{Level: 3, ID: "citat", Text: "„Citát“"},
	}
	if !reflect.DeepEqual(res.Headings, want) {
		t.Errorf("Headings =\n%+v\nwant\n%+v", res.Headings, want)
	}
}

func TestQuotesAndTypographer(t *testing.T) {
	r := newTestRenderer()
	tests := []struct {
		name, lang, src, want string
	}{
		{"cs double", "cs", `"Ahoj"`, "<p>„Ahoj“</p>"},
		{"cs single", "cs", `'svět'`, "<p>‚svět‘</p>"},
		{"cs nested", "cs", `"Řekl 'ne' včera"`, "<p>„Řekl ‚ne‘ včera“</p>"},
		{"cs single before t e n l", "cs", `Řekl 'ne', 'tak' a 'letos' i 'energie'.`, "<p>Řekl ‚ne‘, ‚tak‘ a" + nbsp + "‚letos‘ i" + nbsp + "‚energie‘.</p>"},
		{"cs apostrophe in a word", "cs", `O'Neill a rock'n'roll`, "<p>O’Neill a" + nbsp + "rock’n’roll</p>"},
		{"cs elision", "cs", `tak' a dost`, "<p>tak’ a" + nbsp + "dost</p>"},
		{"cs unclosed single does not leak to next paragraph", "cs", "'a\n\nb' c", "<p>‚a</p>\n<p>b’ c</p>"},
		{"cs lone quote", "cs", `a ' b`, "<p>a" + nbsp + "’ b</p>"},
		{"cs region subtag", "cs-CZ", `"Ahoj"`, "<p>„Ahoj“</p>"},
		{"cs upper case code", "CS", `"Ahoj"`, "<p>„Ahoj“</p>"},
		{"en double", "en", `"Hello"`, "<p>“Hello”</p>"},
		{"en single", "en", `'world'`, "<p>‘world’</p>"},
		{"en apostrophe", "en", `don't`, "<p>don’t</p>"},
		{"other language is English style", "de", `"Hallo"`, "<p>“Hallo”</p>"},
		{"empty language is English style", "", `"Hi"`, "<p>“Hi”</p>"},
		{"en dash", "cs", "2021--2027", "<p>2021–2027</p>"},
		{"em dash", "en", "a---b", "<p>a—b</p>"},
		{"ellipsis", "cs", "a tak dál...", "<p>a" + nbsp + "tak dál…</p>"},
		{"not in code", "cs", "`\"x\" -- ...`", "<p><code>&#34;x&#34; -- ...</code></p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimSpace(string(render(t, r, tt.src, tt.lang).HTML))
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExtensions(t *testing.T) {
	r := newTestRenderer()
	tests := []struct {
		name     string
		src      string
		contains []string
		absent   []string
	}{
		{
			name: "table with alignment",
			src:  "| Zdroj | Částka | Podíl |\n|:--|--:|:-:|\n| FST | 54 675 000 | 85 % |",
			contains: []string{
				"<table>", `<th align="left">Zdroj</th>`, `<th align="right">Částka</th>`,
				`<th align="center">Podíl</th>`, `<td align="right">54 675 000</td>`,
			},
			absent: []string{"style="},
		},
		{
			name: "footnotes",
			src:  "Text[^1] a další[^n].\n\n[^1]: První poznámka.\n[^n]: Druhá.",
			contains: []string{
				`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
				`<div class="footnotes" role="doc-endnotes">`,
				`<li id="fn:1">`,
				`<a href="#fnref:1" class="footnote-backref" role="doc-backlink">`,
				`<li id="fn:2">`,
			},
		},
		{
			name:     "footnote referenced twice",
			src:      "A[^x] B[^x]\n\n[^x]: Poznámka.",
			contains: []string{`id="fnref:1"`, `id="fnref1:1"`, `href="#fnref1:1"`},
		},
		{
			name:     "strikethrough",
			src:      "~~zrušeno~~ platí",
			contains: []string{"<del>zrušeno</del> platí"},
		},
		{
			name:     "linkify",
			src:      "Viz https://example.cz a www.example.org.",
			contains: []string{`<a href="https://example.cz" rel="noopener">https://example.cz</a>`, `<a href="http://www.example.org" rel="noopener">www.example.org</a>.`},
		},
		{
			name:     "linkify e-mail",
			src:      "Pište na info@example.cz.",
			contains: []string{`<a href="mailto:info@example.cz">info@example.cz</a>.`},
		},
		{
			name:     "linkify ignores ftp",
			src:      "ftp://example.cz/soubor",
			contains: []string{"<p>ftp://example.cz/soubor</p>"},
		},
		{
			name:     "commonmark autolink",
			src:      "<https://example.cz/a>",
			contains: []string{`<a href="https://example.cz/a" rel="noopener">https://example.cz/a</a>`},
		},
		{
			name:     "relative and mailto links have no rel",
			src:      "[data](/data/projekty.csv) [pošta](mailto:a@example.cz) [kotva](#uvod)",
			contains: []string{`<a href="/data/projekty.csv">data</a>`, `<a href="mailto:a@example.cz">pošta</a>`, `<a href="#uvod">kotva</a>`},
			absent:   []string{"nofollow", "target="},
		},
		{
			name:     "external markdown link",
			src:      `[web](https://example.cz "Titulek: s dvojtečkou")`,
			contains: []string{`<a href="https://example.cz" title="Titulek: s dvojtečkou" rel="noopener">web</a>`},
			absent:   []string{"nofollow", "target="},
		},
		{
			name:     "fenced code keeps language class",
			src:      "```go\nfmt.Println(\"v a\")\n```",
			contains: []string{`<pre><code class="language-go">fmt.Println(&#34;v a&#34;)`},
		},
		{
			name:     "image with Czech alt",
			src:      `![Hala č. 2 – „před“: pohled?](hala.jpg "Titulek: 2023")`,
			contains: []string{`<img src="hala.jpg" alt="Hala č. 2 – „před“: pohled?" title="Titulek: 2023"/>`},
		},
		{
			name:     "lang on foreign text",
			src:      `Fond <span lang="en">Just Transition Fund</span>.`,
			contains: []string{`<span lang="en">Just Transition Fund</span>`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(render(t, r, tt.src, "cs").HTML)
			for _, c := range tt.contains {
				if !strings.Contains(got, c) {
					t.Errorf("missing %q in\n%s", c, got)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(got, a) {
					t.Errorf("unexpected %q in\n%s", a, got)
				}
			}
		})
	}
}

// TestTypography uses a function that makes its effect obvious (upper
// case) to show exactly where it is applied.
func TestTypography(t *testing.T) {
	r := New(Options{Typography: map[string]func(string) string{"cs": strings.ToUpper}})
	src := "text *kurzíva* [odkaz](https://example.cz/cesta) `kod` https://example.org/x\n\n" +
		"```\nblok kodu\n```\n\n    odsazeny kod\n\n![alt text](obr.jpg)\n\n| bunka |\n|---|\n| data |\n\n" +
		"<span>raw</span> &amp; a\\*b"
	got := string(render(t, r, src, "cs").HTML)
	for _, want := range []string{
		"<p>TEXT <em>KURZÍVA</em> ",
		`<a href="https://example.cz/cesta" rel="noopener">ODKAZ</a>`,
		"<code>kod</code>",
		`<a href="https://example.org/x" rel="noopener">https://example.org/x</a>`,
		"<pre><code>blok kodu\n</code></pre>",
		"<pre><code>odsazeny kod\n</code></pre>",
		`alt="alt text"`,
		"<th>BUNKA</th>",
		"<td>DATA</td>",
		"<span>RAW</span> &amp; A*B",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}

	// The English renderer has no typography configured.
	en := string(render(t, r, "text", "en").HTML)
	if en != "<p>text</p>\n" {
		t.Errorf("en: %q", en)
	}
}

// TestTypographyOtherLanguage: a language named only in Options gets its
// own instance, with English quotes; a language named nowhere gets none.
func TestTypographyOtherLanguage(t *testing.T) {
	r := New(Options{Typography: map[string]func(string) string{"DE": strings.ToUpper}})
	if got := string(render(t, r, `"hallo" welt`, "de-AT").HTML); got != "<p>“HALLO” WELT</p>\n" {
		t.Errorf("de-AT: %q", got)
	}
	if got := string(render(t, r, `"hola"`, "es").HTML); got != "<p>“hola”</p>\n" {
		t.Errorf("es: %q", got)
	}
}

// TestTypographyBeforeMarkup: a one-letter word before emphasis or a link
// is joined to it even by a function that leaves white space at the end of
// its input alone (as locale.Typo does).
func TestTypographyBeforeMarkup(t *testing.T) {
	trailingAlone := func(s string) string {
		trimmed := strings.TrimRight(s, " \n")
		return czechNBSP(trimmed) + s[len(trimmed):]
	}
	r := New(Options{Typography: map[string]func(string) string{"cs": trailingAlone}})
	tests := []struct{ src, want string }{
		{"Projekt v *Sokolově*", "<p>Projekt v" + nbsp + "<em>Sokolově</em></p>\n"},
		{"v [Ústeckém kraji](/kraje/ustecky/)", `<p>v` + nbsp + `<a href="/kraje/ustecky/">Ústeckém kraji</a></p>` + "\n"},
		{"k `kódu`", "<p>k" + nbsp + "<code>kódu</code></p>\n"},
		{"konec v ", "<p>konec v</p>\n"},
		{"text  \na dál", "<p>text<br/>\na" + nbsp + "dál</p>\n"},
	}
	for _, tt := range tests {
		if got := string(render(t, r, tt.src, "cs").HTML); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestTypographyCzechNBSP(t *testing.T) {
	r := newTestRenderer()
	got := string(render(t, r, "Projekt v Sokolově a v\nChomutově, `kód v kódu`.", "cs").HTML)
	want := "<p>Projekt v" + nbsp + "Sokolově a" + nbsp + "v" + nbsp + "Chomutově, <code>kód v kódu</code>.</p>\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// The result is escaped: a function cannot inject markup.
	evil := New(Options{Typography: map[string]func(string) string{"cs": func(s string) string { return s + "<b>&" }}})
	got = string(render(t, evil, "x", "cs").HTML)
	if got != "<p>x&lt;b&gt;&amp;</p>\n" {
		t.Errorf("typography output not escaped: %q", got)
	}
}

func TestImages(t *testing.T) {
	r := newTestRenderer()
	src := "# Nadpis\n" + // 1
		"\n" + // 2
		"Odstavec na více\n" + // 3
		"řádcích ![První](a.jpg \"Titulek\") a\n" + // 4
		"![Druhá *kurzíva*](b.png) ![](bez-alt.png)\n" + // 5
		"\n" + // 6
		"> citace\n" + // 7
		"> ![Citace](c.jpg)\n" + // 8
		"\n" + // 9
		"- bod\n" + // 10
		"- ![V seznamu](d.jpg)\n" + // 11
		"\n" + // 12
		"| a | b |\n" + // 13
		"|---|---|\n" + // 14
		"| x | ![V tabulce](e.jpg) |\n" + // 15
		"\n" + // 16
		"![Odkazem][ref] a [![V odkazu](f.jpg)](https://example.cz)\n" + // 17
		"\n" + // 18
		"Poznámka[^1]\n" + // 19
		"\n" + // 20
		"[ref]: g.jpg \"Ref\"\n" + // 21
		"[^1]: Text ![V poznámce](h.jpg)\n" + // 22
		"\n" + // 23
		"![Obrázky/škola](obr\\_a&amp;b%20c.jpg)\n" // 24
	want := []Image{
		{Dest: "a.jpg", Alt: "První", Title: "Titulek", Line: 4},
		{Dest: "b.png", Alt: "Druhá kurzíva", Line: 5},
		{Dest: "bez-alt.png", Alt: "", Line: 5},
		{Dest: "c.jpg", Alt: "Citace", Line: 8},
		{Dest: "d.jpg", Alt: "V seznamu", Line: 11},
		{Dest: "e.jpg", Alt: "V tabulce", Line: 15},
		{Dest: "g.jpg", Alt: "Odkazem", Title: "Ref", Line: 17},
		{Dest: "f.jpg", Alt: "V odkazu", Line: 17},
		{Dest: "obr_a&b%20c.jpg", Alt: "Obrázky/škola", Line: 24},
		{Dest: "h.jpg", Alt: "V poznámce", Line: 22},
	}
	got := render(t, r, src, "cs").Images
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Images:\n got %+v\nwant %+v", got, want)
	}

	// CRLF line endings count the same.
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	gotCRLF := render(t, r, crlf, "cs").Images
	if !reflect.DeepEqual(gotCRLF, want) {
		t.Errorf("Images (CRLF):\n got %+v\nwant %+v", gotCRLF, want)
	}
}

func TestText(t *testing.T) {
	r := newTestRenderer()
	tests := []struct {
		name, src, want string
	}{
		{"paragraphs separate words", "První.\n\nDruhý.", "První. Druhý."},
		{"inline markup does not", "**tuč**ně *slo*vo", "tučně slovo"},
		{"whitespace collapsed", "x\n   y\t\tz", "x y z"},
		{"no-break spaces kept", "Projekt v Sokolově", "Projekt v" + nbsp + "Sokolově"},
		{"entities decoded", "Ceny &amp; náklady &lt;3 \"uvozovky\"", "Ceny & náklady <3 „uvozovky“"},
		{"headings and lists", "## Nadpis\n\n- jedna\n- dvě", "Nadpis jedna dvě"},
		{"table cells", "| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2"},
		{"footnote markers left out", "Text[^1] dál.\n\n[^1]: Poznámka.", "Text dál. Poznámka."},
		{"script content never", "Před\n\n<script>alert(1)</script>\n\nPo", "Před Po"},
		{"raw html block text, no typography", "<div>V bloku</div>", "V bloku"},
		{"code as written", "`v a` kód", "v a kód"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, r, tt.src, "cs").Text; got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestProjectCard(t *testing.T) {
	r := newTestRenderer()
	src := readTestdata(t, "karta-projektu.md")
	res := render(t, r, string(src), "cs")
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	wantIDs := []string{"potrebnost-a-zmena", "co-se-zmeni", "financovani", "harmonogram", "rizika", "udrzitelnost", "kontakt"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("ids %q, want %q", ids, wantIDs)
	}
	wantImg := []Image{{Dest: "obrazky/hala-2.jpg", Alt: "Hala č. 2 před rekonstrukcí, pohled od severu", Title: "Hala č. 2 v roce 2023", Line: 37}}
	if !reflect.DeepEqual(res.Images, wantImg) {
		t.Errorf("images %+v", res.Images)
	}
	for _, want := range []string{"„Revitalizace areálu bývalého dolu Jan Šverma“", "(2021–2027)", "v" + nbsp + "Sokolově", `<td align="right">54 675 000</td>`} {
		if !strings.Contains(string(res.HTML), want) {
			t.Errorf("missing %q", want)
		}
	}
	if !strings.HasPrefix(res.Text, "Potřebnost a"+nbsp+"změna Projekt „Revitalizace") {
		t.Errorf("Text starts %q", res.Text[:80])
	}
}
