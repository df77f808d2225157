package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestRenderConcurrent renders many documents from many goroutines with one
// Renderer and compares every result with a sequential rendering. Run with
// -race: it also proves that heading ids do not leak between documents.
func TestRenderConcurrent(t *testing.T) {
	r := newTestRenderer()
	card := string(readTestdata(t, "karta-projektu.md"))
	var docs []string
	for i := range 24 {
		var b strings.Builder
		// Repeated headings: ids depend on what came before in the same
		// document only.
		for j := range i%4 + 1 {
			fmt.Fprintf(&b, "## Úvod\n\nDokument %d, odstavec %d v \"Praze\".\n\n", i, j)
		}
		fmt.Fprintf(&b, "![Obrázek %d](obr-%d.jpg)\n\n", i, i)
		if i%3 == 0 {
			b.WriteString(card)
		}
		if i%5 == 0 {
			b.WriteString("\n\n" + hostileInputs()[i%len(hostileInputs())].src)
		}
		docs = append(docs, b.String())
	}
	langs := []string{"cs", "en"}
	want := map[string]Result{}
	for i, d := range docs {
		for _, lang := range langs {
			want[fmt.Sprint(i, lang)] = render(t, r, d, lang)
		}
	}

	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for k := range 100 {
				i := (g*7 + k) % len(docs)
				lang := langs[(g+k)%2]
				got, err := r.Render([]byte(docs[i]), lang)
				if err != nil {
					t.Errorf("doc %d %s: %v", i, lang, err)
					return
				}
				if !reflect.DeepEqual(got, want[fmt.Sprint(i, lang)]) {
					t.Errorf("doc %d %s: concurrent result differs from sequential", i, lang)
					return
				}
			}
		})
	}
	wg.Wait()
}
