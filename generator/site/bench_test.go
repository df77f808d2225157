package site

import (
	"bytes"
	"testing"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/render"
)

// BenchmarkRenderPage measures template execution of one page of each
// kind of the example site (no minify, no writing): the part of a build
// that grows with the number of pages.
func BenchmarkRenderPage(b *testing.B) {
	ld, err := Load(Config{Src: "../..", Theme: portal.Theme, Updated: fixed})
	if err != nil {
		b.Fatal(err)
	}
	r, err := render.New(ld.Theme, ld.Site, ld.Locales, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	byKind := map[string][]*render.Page{}
	for _, p := range r.Pages() {
		byKind[p.Kind] = append(byKind[p.Kind], p)
	}
	for _, kind := range []string{"project", "projects", "indicator", "partner", "region", "home", "story", "embed", "notfound"} {
		pages := byKind[kind]
		if len(pages) == 0 {
			b.Fatalf("the example has no %s page", kind)
		}
		b.Run(kind, func(b *testing.B) {
			var buf bytes.Buffer
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.RenderPage(&buf, pages[i%len(pages)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(buf.Len()), "bytes/page")
		})
	}
}
