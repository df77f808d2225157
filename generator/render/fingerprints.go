package render

import (
	"runtime"
	"sync"
)

// Fingerprints returns the Fingerprint of each of pages, computed on all
// cores: portal serve fingerprints every page of the site after each save.
func (r *Renderer) Fingerprints(pages []*Page) []uint64 {
	r.Versions() // once, before the workers share it
	out := make([]uint64, len(pages))
	n := runtime.GOMAXPROCS(0)
	per := (len(pages) + n - 1) / n
	var wg sync.WaitGroup
	for start := 0; start < len(pages); start += per {
		part := pages[start:min(start+per, len(pages))]
		fps := out[start:]
		wg.Go(func() {
			for i, p := range part {
				fps[i] = r.Fingerprint(p)
			}
		})
	}
	wg.Wait()
	return out
}
