package content

import (
	"os"
	"testing"

	"github.com/transformace/portal/generator/markdown"
)

// BenchmarkCard measures what reading one project card costs: splitting
// and decoding its front matter, then rendering its Markdown body, for a
// real card of the example site (Czech, with the site's typography
// rules left out: they are the locale package's).
func BenchmarkCard(b *testing.B) {
	data, err := os.ReadFile("../../content/projects/animace-pro-spravedlivou-transformaci.cs.md")
	if err != nil {
		b.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		fm, body, _, err := splitFrontMatter(data)
		if err != nil {
			b.Fatal(err)
		}
		m := map[string]any{}
		if _, e := decodeFrontMatter("card.cs.md", fm, &m); e != nil {
			b.Fatal(e)
		}
		if _, err := md.Render(body, "cs"); err != nil {
			b.Fatal(err)
		}
	}
}
