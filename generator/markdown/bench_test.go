package markdown

import (
	"os"
	"path/filepath"
	"testing"
)

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// BenchmarkRender renders a realistic Czech project card body (~3 KB):
// headings, a table, a footnote, an image, links and quotes; with and
// without a Typography function.
func BenchmarkRender(b *testing.B) {
	src := readTestdata(b, "karta-projektu.md")
	for _, bm := range []struct {
		name string
		r    *Renderer
	}{
		{"typography", newTestRenderer()},
		{"plain", New(Options{})},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bm.r.Render(src, "cs"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
