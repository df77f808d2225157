package markdown

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// fastPathSeeds are bodies aimed at the edges of the fast path (fast.go):
// what it must accept, and what it must leave to the full path.
var fastPathSeeds = []string{
	"",
	"Text",
	"***tučně a kurzíva*** ****x**** *****y***** ~~*a*~~ `*b*`",
	"*a **b *c **d** c* b** a*",
	"[odkaz](/a) [prázdný]() [kotva](#) [kotva](#uvod) [dotaz](?a=1&b=2) [mezera](<a b>)",
	"[velká](HTTP://example.cz/A) [ftp](ftp://example.cz) [mail](mailto:a@b.cz) [tel](tel:123)",
	"[host](http://[::1]:80/) [špatný](http://[::1) [port](http://a:b/) [procenta](/a%2Fb%zz)",
	"[unicode](/ščř/ž?q=é#ř) [uvozovky](/a\"b'c) [závorky](/a(b)c) [entity](/a&amp;b&#39;c)",
	"[titulek](/a \"Titul &amp; 'x' \\\"y\\\"\") [řídicí](/a \"x\x01y\")",
	"[a [b](/c)](/d) [![obr](o.jpg)](/e) [https://example.cz](/f) <https://example.cz> www.example.cz",
	"![alt  \nna dva řádky](a.png) ![*em* `code` [link](/x)](b.png \"t\") ![](<c d.png>) ![x](data:image/png;base64,AA==)",
	"Text[^1] a[^x] a[^1]\n\n[^1]: Poznámka *a* ![o](p.png)\n[^x]: Druhá\n\n    s kódem",
	"1. a\n2. b\n\n3) c\n\n7. d\n\n- e\n\n  f\n- g\n  1. h",
	"> # Citát\n> - a\n>   > b\n>\n> ```go\n> kód\n> ```",
	"```go{1,2}\nx\n```\n\n```c++ foo\ny\n```\n\n```\n\nz\n```\n\n    odsazený\n\n~~~\n\n~~~",
	"| a | b |\n|:-|-:|\n| `x|y` | **z** |\n| ![i](i.png) | [l](/l) |\n\n| jen hlavička |\n|---|",
	"A &amp; B &lt; C &gt; D &quot; E &#39; F &copy; G &#128; H &#0; I &#x1F600; J &#xD800; K &#12; L &nbsp; M &#13;",
	"NUL \x00 znak, CR \r uprostřed, \r\nCRLF\r\n\r\nodstavec\f\v",
	"# Nadpis #\n\nNadpis\n===\n\n## `kód` a [odkaz](/x) a ![obr](y.png)\n\n###### šestý\n\n####### sedmý",
	"Tvrdý  \nzlom\\\na měkký\nzlom",
	"---\n\n***\n\n- - -",
	"\"Uvozovky\" a 'jednoduché' -- pomlčka --- dlouhá ... výpustka <<a>> tak'",
	"Neplatné UTF-8: \xff\xfe \xc3 konec",
	"<b>raw</b> a <!-- komentář --> a <br>",
	"\\<b>escaped\\</b> &lt;b&gt;",
	"[ref]\n\n[ref]: /cil \"Titul\"\n\n[REF]: /jiny",
	"Linkify https://example.cz/a_(b)?c=d&e=f#g. a www.example.org/x, a info@example.cz a http://",
}

// corpus is every body TestFastPathMatchesFullPath compares: the test
// files of this package, the bodies of the example site and of the site
// fixture, the inputs of FuzzRender and the fuzzer's saved inputs.
func corpus(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{}
	for _, root := range []string{"testdata", "../../content", "../site/testdata/basic/content"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".md") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			docs[path] = string(body(b))
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", root, err)
		}
	}
	for i, s := range fuzzSeeds(t) {
		docs["seed "+string(rune('A'+i%26))+strings.Repeat("'", i/26)] = s
	}
	saved, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzRender", "*"))
	for _, path := range saved {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := fuzzFileString(b); ok {
			docs[path] = s
		}
	}
	return docs
}

// body strips the TOML front matter of a content file.
func body(b []byte) []byte {
	if !bytes.HasPrefix(b, []byte("+++\n")) {
		return b
	}
	if _, after, ok := bytes.Cut(b[4:], []byte("\n+++\n")); ok {
		return after
	}
	return b
}

// fuzzFileString reads a corpus file of a fuzz target with one string
// argument ("go test fuzz v1" and a line string("…")).
func fuzzFileString(b []byte) (string, bool) {
	_, arg, ok := strings.Cut(string(b), "\nstring(")
	if !ok {
		return "", false
	}
	arg = strings.TrimSuffix(strings.TrimSpace(arg), ")")
	s, err := strconv.Unquote(arg)
	return s, err == nil
}

// TestFastPathMatchesFullPath renders every body of the corpus both ways:
// the fast path (fast.go) must give exactly what sanitising and balance
// give. The project card, like most real bodies, must take the fast path.
func TestFastPathMatchesFullPath(t *testing.T) {
	renderers := map[string]*Renderer{"typography": newTestRenderer(), "plain": New(Options{})}
	docs := corpus(t)
	if len(docs) < 100 {
		t.Fatalf("only %d bodies", len(docs))
	}
	took, total := 0, 0
	for name, src := range docs {
		for rname, r := range renderers {
			for _, lang := range []string{"cs", "en"} {
				fast := compareFastFull(t, r, []byte(src), lang, name+" "+rname)
				total++
				if fast {
					took++
				}
				if name == filepath.Join("testdata", "karta-projektu.md") && !fast {
					t.Errorf("%s %s %s: full path taken", name, rname, lang)
				}
			}
		}
	}
	t.Logf("%d of %d renderings took the fast path", took, total)
}

// compareFastFull renders src with and without the fast path and fails t
// if the results differ. It reports whether the fast path was taken.
func compareFastFull(t *testing.T, r *Renderer, src []byte, lang, name string) bool {
	t.Helper()
	got, fast, err := r.render(src, lang, false)
	if err != nil {
		t.Fatalf("%s %s: %v", name, lang, err)
	}
	want, _, err := r.render(src, lang, true)
	if err != nil {
		t.Fatalf("%s %s (full path): %v", name, lang, err)
	}
	if !reflect.DeepEqual(got, want) {
		if got.HTML != want.HTML {
			t.Errorf("%s %s: HTML differs (fast path %v)\nsrc  %q\nfast %q\nfull %q", name, lang, fast, src, got.HTML, want.HTML)
		}
		if got.Text != want.Text {
			t.Errorf("%s %s: Text differs (fast path %v)\nsrc  %q\nfast %q\nfull %q", name, lang, fast, src, got.Text, want.Text)
		}
		if !reflect.DeepEqual(got.Headings, want.Headings) || !reflect.DeepEqual(got.Images, want.Images) {
			t.Errorf("%s %s: headings or images differ", name, lang)
		}
	}
	return fast
}

// TestFastPathTaken: plain Markdown takes the fast path, raw HTML and
// doubtful URLs do not.
func TestFastPathTaken(t *testing.T) {
	r := newTestRenderer()
	tests := []struct {
		src  string
		fast bool
	}{
		{"# Nadpis\n\nText *v* [odkazu](https://example.cz) a ![obr](a.jpg)[^1]\n\n[^1]: Pozn.", true},
		{"| a |\n|:-:|\n| b |\n\n```go\nx\n```", true},
		{"Text <b>tučně</b>", false},
		{"<div>blok</div>", false},
		{"[x](javascript:alert(1))", false},
		{"[x](data:text/html,x)", false},
		{"![x](vbscript:x)", false},
		{"[x](ftp://example.cz)", false},
		{"3. seznam od tří", false}, // the policy drops start="3"
	}
	for _, tt := range tests {
		if _, fast, err := r.render([]byte(tt.src), "cs", false); err != nil || fast != tt.fast {
			t.Errorf("%q: fast path %v, want %v (err %v)", tt.src, fast, tt.fast, err)
		}
	}
}

// TestFastPathVocabulary passes every element and attribute the fast path
// accepts through the policy and balance: they must come out as tidy
// writes them. It fails when the policy stops allowing something tidy
// still accepts.
func TestFastPathVocabulary(t *testing.T) {
	probe := `<h1 id="a">1</h1>
<h2 id="b-1">2</h2>
<h3 id="c_2">3</h3>
<h4 id="section">4</h4>
<h5 id="e">5</h5>
<h6 id="F9">6</h6>
<p><em>a</em> <strong>b</strong> <del>c</del> <code>d &lt;&gt; &amp; &quot;</code> it's
<a href="https://example.cz/a?b=1&amp;c=2#d" title="T &quot;x&quot; &amp; 'y' – „z“: ?" rel="noopener">f</a>
<a href="/rel/cesta%20s%C3%AD">g</a> <a href="mailto:a@example.cz">h</a> <a href="http://example.cz">i</a>
<a href="#x">j</a> <a href="x" rel="noopener noreferrer">k</a> <a href="../y/">l</a>
<img src="a.jpg" alt="Alt – „x“: ? &amp; &lt;br&gt;
dál" title="T"><br>
<a href="/z"><img src="/b.png" alt=""></a>text<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup><sup id="fnref1:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
<blockquote>
<p>q</p>
</blockquote>
<ul>
<li>a</li>
<li>
<p>b</p>
<ol>
<li>c</li>
</ol>
</li>
</ul>
<pre><code class="language-go">x &lt; y
</code></pre>
<pre><code class="language-c++">z
</code></pre>
<hr>
<table>
<thead>
<tr>
<th align="left">a</th>
<th align="center">b</th>
<th align="right">c</th>
<th>d</th>
</tr>
</thead>
<tbody>
<tr>
<td align="left">1</td>
<td align="center"><em>2</em></td>
<td align="right">3</td>
<td>4</td>
</tr>
</tbody>
</table>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>n&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>&#160;<a href="#fnref1:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>
`
	got, text, ok := tidy([]byte(probe))
	if !ok {
		t.Fatal("tidy does not accept the probe")
	}
	want, nodes, err := balance(newPolicy().SanitizeBytes([]byte(probe)))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("tidy\n%s\nfull path\n%s", got, want)
	}
	if wantText := plainText(nodes); text != wantText {
		t.Errorf("text\n%q\nfull path\n%q", text, wantText)
	}
}

// TestAttributeChecks: the hand-written checks of fast.go agree with the
// policy's regexps.
func TestAttributeChecks(t *testing.T) {
	for _, v := range []string{"", "a", "a-b_c", "-a", "_a", "9", "a b", "á", "a\x00", "a\tb\nc\rd", "x\x7f", "x\x1f", "\xff", "„“–"} {
		if got, want := isAttributeText(v), attributeText.MatchString(v); got != want {
			t.Errorf("isAttributeText(%q) = %v, regexp %v", v, got, want)
		}
		if got, want := isHeadingID(v), headingID.MatchString(v); got != want {
			t.Errorf("isHeadingID(%q) = %v, regexp %v", v, got, want)
		}
	}
}

// TestHeadingSource: the shortcuts of headingSource give what the three
// regexps give.
func TestHeadingSource(t *testing.T) {
	for _, v := range []string{"Úvod", "A](x)B", "[Zdroj](https://example.cz) a *něco*", "Text[^1]", "a [^x] b", "<em>x</em> &amp; y", "a]( b", "[^1](x)"} {
		s := footnoteRef.ReplaceAllString(v, " ")
		s = linkDestination.ReplaceAllString(s, "]")
		s = htmlTag.ReplaceAllString(s, " ")
		if got, want := headingSource([]byte(v)), html.UnescapeString(s); got != want {
			t.Errorf("headingSource(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestUnchangedRunsStay: leaving the runs that Typography does not change
// as goldmark parsed them gives the same result as replacing every run.
func TestUnchangedRunsStay(t *testing.T) {
	renderers := map[string]*Renderer{
		"identity": New(Options{Typography: map[string]func(string) string{
			"cs": func(s string) string { return s }, "en": strings.Clone,
		}}),
		"czech": newTestRenderer(),
	}
	docs := corpus(t)
	defer func() { keepUnchangedRuns = true }()
	for name, src := range docs {
		for rname, r := range renderers {
			for _, lang := range []string{"cs", "en"} {
				keepUnchangedRuns = true
				kept, _, err1 := r.render([]byte(src), lang, false)
				keepUnchangedRuns = false
				replaced, _, err2 := r.render([]byte(src), lang, false)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s %s %s: %v, %v", name, rname, lang, err1, err2)
				}
				if !reflect.DeepEqual(kept, replaced) {
					t.Errorf("%s %s %s: results differ\nsrc      %q\nkept     %q\nreplaced %q", name, rname, lang, src, kept.HTML, replaced.HTML)
				}
			}
		}
	}
}
