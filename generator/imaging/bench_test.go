package imaging

import (
	"bufio"
	"bytes"
	"fmt"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// BenchmarkProcess40 processes 40 synthetic 6000×4000 (24-megapixel)
// JPEGs, as a photo story set straight from a camera, first into an empty
// cache and then again (the warm rebuild), with and without WebP, and with
// eight workers as on an eight-core machine (whose memory the memory limit,
// not the number of workers, bounds). It reports
//
//	photos/s/core   cold-cache photos per second of wall time per core
//	photos/cpu-s    the same per second of CPU time (fair on a busy machine)
//	peak-RSS-MB     the process's peak resident memory during the cold run
//	warm-s          seconds for the warm rebuild (hashing only)
//
// The photos are generated once into $TMPDIR/portal-imaging-bench40 (about
// 400 MB) and reused. Run it alone, one iteration:
//
//	go test -run='^$' -bench=BenchmarkProcess40 -benchtime=1x ./generator/imaging/
func BenchmarkProcess40(b *testing.B) {
	if testing.Short() {
		b.Skip("generates 400 MB of photos")
	}
	files := benchPhotos(b, 40, 6000, 4000)
	var srcs []Source
	for _, f := range files {
		srcs = append(srcs, Source{Name: f, Open: func() (io.ReadCloser, error) { return os.Open(f) }})
	}
	for _, c := range []struct {
		webp    bool
		workers int
	}{{false, 0}, {true, 0}, {false, 8}} {
		webp := c.webp
		name := fmt.Sprintf("webp=%v", webp)
		if c.workers > 0 {
			name += fmt.Sprintf(",workers=%d", c.workers)
		}
		b.Run(name, func(b *testing.B) {
			var cold, warm, cpu time.Duration
			var peak int64
			for range b.N {
				dir := b.TempDir()
				runtime.GC()
				debug.FreeOSMemory()
				resetPeakRSS()
				cpu0, t0 := cpuTime(), time.Now()
				p, err := New(Options{CacheDir: dir, WebP: webp, Workers: c.workers})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := p.Process(srcs); err != nil {
					b.Fatal(err)
				}
				cold, cpu = time.Since(t0), cpuTime()-cpu0
				peak = peakRSS()
				if s := p.Stats(); s.Processed != len(srcs) {
					b.Fatalf("cold: %+v", s)
				}

				t1 := time.Now()
				p2, _ := New(Options{CacheDir: dir, WebP: webp, Workers: c.workers})
				if _, err := p2.Process(srcs); err != nil {
					b.Fatal(err)
				}
				warm = time.Since(t1)
				if s := p2.Stats(); s.Cached != len(srcs) || p2.decodes.Load() != 0 {
					b.Fatalf("warm: %+v", s)
				}
				var out int64
				filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
					if i, err := d.Info(); err == nil && !d.IsDir() {
						out += i.Size()
					}
					return nil
				})
				b.Logf("cold %v (CPU %v), warm %v, peak RSS %d MB, cache %.1f MB", cold.Round(time.Millisecond), cpu.Round(time.Millisecond), warm.Round(time.Millisecond), peak>>20, float64(out)/1e6)
			}
			n := float64(len(srcs))
			b.ReportMetric(n/cold.Seconds()/float64(runtime.GOMAXPROCS(0)), "photos/s/core")
			b.ReportMetric(n/cpu.Seconds(), "photos/cpu-s")
			b.ReportMetric(float64(peak>>20), "peak-RSS-MB")
			b.ReportMetric(warm.Seconds(), "warm-s")
		})
	}
}

// benchPhotos returns n photo-like JPEGs of w×h in a folder under the
// system's temporary folder, making those that are missing.
func benchPhotos(b *testing.B, n, w, h int) []string {
	dir := filepath.Join(os.TempDir(), "portal-imaging-bench40")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	files := make([]string, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("photo-%02d-%dx%d.jpg", i, w, h))
		if _, err := os.Stat(files[i]); err == nil {
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, photoLike(w, h, uint64(100+i)), &jpeg.Options{Quality: 92}); err != nil {
				b.Error(err)
				return
			}
			tmp := files[i] + ".tmp"
			if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
				b.Error(err)
				return
			}
			os.Rename(tmp, files[i])
		})
	}
	wg.Wait()
	if b.Failed() {
		b.FailNow()
	}
	return files
}

// resetPeakRSS resets the kernel's record of the process's peak resident
// memory (Linux ≥ 4.0); peakRSS reads it.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkProcessOne processes one 24-megapixel photo into an empty
// cache per iteration, JPEG only: for profiling.
func BenchmarkProcessOne(b *testing.B) {
	f := benchPhotos(b, 1, 6000, 4000)[0]
	src := Source{Name: f, Open: func() (io.ReadCloser, error) { return os.Open(f) }}
	for b.Loop() {
		p, err := New(Options{CacheDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Process([]Source{src}); err != nil {
			b.Fatal(err)
		}
	}
}
