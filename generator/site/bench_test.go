package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/render"
)

// BenchmarkRenderPage measures template execution of one page of each
// kind of the example site, or of the site folder in PORTAL_BENCH_SITE
// (no minify, no writing): the part of a build that grows with the number
// of pages. A kind's pages are taken in turn.
func BenchmarkRenderPage(b *testing.B) {
	src := os.Getenv("PORTAL_BENCH_SITE")
	if src == "" {
		src = "../.."
	}
	ld, err := Load(Config{Src: src, Theme: portal.Theme, Updated: fixed})
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

// BenchmarkSessionEdit measures what portal serve does after an editor
// saves one project card: a rebuild of the in-memory site told which file
// changed (Session.BuildChanged, as the watcher does). It runs on the
// example site, or on the site folder in PORTAL_BENCH_SITE (e.g. one from
// bench/gensite -n 10000), and adds a sentence to a card's body.
func BenchmarkSessionEdit(b *testing.B) {
	src := os.Getenv("PORTAL_BENCH_SITE")
	if src == "" {
		src = b.TempDir()
		if err := os.CopyFS(src, os.DirFS("../..")); err != nil {
			b.Fatal(err)
		}
	}
	cards, _ := filepath.Glob(filepath.Join(src, "content/projects/*.cs.md"))
	if len(cards) == 0 {
		b.Fatal("no project cards in", src)
	}
	card := cards[len(cards)/2]
	// As portal serve's watcher, the save says which file it wrote.
	rel, err := filepath.Rel(src, card)
	if err != nil {
		b.Fatal(err)
	}
	rel = filepath.ToSlash(rel)
	orig, err := os.ReadFile(card)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(card, orig, 0o644) })
	s := NewSession(Config{Src: src, Theme: portal.Theme, NoMinify: true, Updated: fixed})
	if _, err := s.Build(); err != nil {
		b.Fatal(err)
	}
	// A save's data files follow its pages in the background: the time
	// per op is a save until the changed pages are served (what an editor
	// waits for), and data-ms/op the data files after them, measured
	// apart, without the timer, as editors pause between saves. cpu-ms/op
	// is the CPU time of a save's first step, which other work on the
	// machine changes less than its wall time.
	var data, cpu time.Duration
	s.OnData(func(up Update) { data += up.Duration })
	s.WaitData()
	data = 0
	// PORTAL_BENCH_PROFILE=file writes a CPU profile of the saves alone,
	// without the first build, which -cpuprofile would be mostly.
	if f := os.Getenv("PORTAL_BENCH_PROFILE"); f != "" {
		pf, err := os.Create(f)
		if err != nil {
			b.Fatal(err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			b.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	i := 0
	for b.Loop() {
		i++
		body := fmt.Appendf(bytes.Clone(orig), "\nÚprava %d.\n", i)
		if err := os.WriteFile(card, body, 0o644); err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		var up Update
		// Labelled, with the goroutines it starts, so that a profile
		// tells the save from the data step (go tool pprof -tagfocus
		// step=save).
		pprof.Do(context.Background(), pprof.Labels("step", "save"), func(context.Context) { up, err = s.BuildChanged([]string{rel}) })
		cpu += cpuTime() - c0
		if err != nil {
			b.Fatal(err)
		}
		if len(up.Rendered) == 0 {
			b.Fatal("the edit rendered no page")
		}
		b.StopTimer()
		s.WaitData()
		b.StartTimer()
	}
	b.ReportMetric(float64(data.Milliseconds())/float64(i), "data-ms/op")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(i), "cpu-ms/op")
}
