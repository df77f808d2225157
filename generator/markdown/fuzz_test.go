package markdown

import (
	"bytes"
	"testing"
)

// fuzzSeeds are the inputs FuzzRender starts from.
func fuzzSeeds(tb testing.TB) []string {
	seeds := []string{
		string(readTestdata(tb, "karta-projektu.md")),
		"# Úvod\n\n## Úvod\n\n\"Ahoj\" v Praze -- 2021...\n\n| a |\n|:-:|\n| ![x](y.png) |\n\nText[^1]\n\n[^1]: ~~p~~ https://example.cz",
		"<a href=\"java\nscript:alert(1)\">x</a> <img src=`javascript:alert(1)`>",
	}
	for _, a := range hostileInputs() {
		seeds = append(seeds, a.src)
	}
	return append(seeds, fastPathSeeds...)
}

// FuzzRender feeds any input to both languages. Whatever the input, Render
// must not panic or fail, the sanitised output must contain no executable
// markup (see unsafeMarkup), heading ids must be unique and non-empty, and
// image lines must lie within the input. The fast path (fast.go) must give
// exactly what the full path gives, for the input and for the input
// without '<'.
func FuzzRender(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}

	r := newTestRenderer()
	f.Fuzz(func(t *testing.T, src string) {
		in := []byte(src)
		lines := bytes.Count(in, []byte("\n")) + 1
		for _, lang := range []string{"cs", "en"} {
			res, err := r.Render(in, lang)
			if err != nil {
				t.Fatalf("%s: %v", lang, err)
			}
			if p := unsafeMarkup(string(res.HTML)); len(p) > 0 {
				t.Fatalf("%s: unsafe output %v\n%s", lang, p, res.HTML)
			}
			seen := map[string]bool{}
			for _, h := range res.Headings {
				if h.ID == "" || seen[h.ID] {
					t.Fatalf("%s: bad or repeated heading id %q", lang, h.ID)
				}
				seen[h.ID] = true
			}
			for _, img := range res.Images {
				if img.Line < 1 || img.Line > lines {
					t.Fatalf("%s: image %q on line %d of %d", lang, img.Dest, img.Line, lines)
				}
			}
			compareFastFull(t, r, in, lang, "fuzz")
			// Most mutations of the hostile seeds have raw HTML, which
			// takes the full path: without '<' they have none.
			if bytes.IndexByte(in, '<') >= 0 {
				compareFastFull(t, r, bytes.ReplaceAll(in, []byte("<"), nil), lang, "fuzz without <")
			}
		}
	})
}
