package imaging

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/transformace/portal/generator/l10n"
)

// version changes whenever the bytes produced for the same source and
// options change (a new scaler, encoder or encoder setting). It is part of
// every cache key, so a new version never reuses old files, and Clean
// removes them.
const version = 1

// Defaults of Options.
const (
	DefaultQuality   = 82
	DefaultMaxPixels = 100_000_000
)

// DefaultWidths are the variant widths used when Options.Widths is empty.
func DefaultWidths() []int { return []int{480, 960, 1600} }

// maxFileSize bounds how much of a source is read into memory.
const maxFileSize = 1 << 30

// DefaultOptions are the options the portal builds with: the default
// widths and quality, and WebP next to JPEG (see the package documentation
// for the measurements behind that choice). The zero Options differ only
// in WebP, which a bool cannot default to true.
func DefaultOptions(cacheDir string) Options {
	return Options{CacheDir: cacheDir, Widths: DefaultWidths(), Quality: DefaultQuality, WebP: true}
}

// Options configure a Processor.
type Options struct {
	CacheDir  string // e.g. "<site>/.portal-cache/images"; survives between builds
	Widths    []int  // default {480, 960, 1600}; never upscale
	Quality   int    // JPEG quality 1–100, default 82; WebP uses Quality−7
	WebP      bool   // also produce WebP (DefaultOptions turns it on)
	Workers   int    // images processed at once, default runtime.GOMAXPROCS(0)
	MaxPixels int    // refuse images above this, default 100 megapixels
	// MemoryLimit bounds the estimated memory of the images decoded at
	// once, whatever the number of cores (default DefaultMemoryLimit).
	MemoryLimit int64
}

// Source is one image file to process.
type Source struct {
	Name string // for messages and published names, e.g. "content/stories/lom/lom-medard.jpg"
	Open func() (io.ReadCloser, error)
	// Stamp, when set, changes whenever the file may have changed (its
	// size and modification time, say). A Processor that already hashed
	// Name with the same Stamp trusts that hash and reads nothing: a
	// long-lived Processor (portal serve) does not read every photo again
	// on every rebuild. A new Processor always reads and hashes.
	Stamp string
}

// Image describes the variants of one source, for <img srcset>.
type Image struct {
	Width, Height int       // of the largest variant, after EXIF orientation
	Variants      []Variant // ascending width; at each width JPEG before WebP
	Hash          string    // sha256 of the source bytes, hex
}

// Variant is one published file of an Image.
type Variant struct {
	Width, Height int
	Format        string                 // "jpeg" or "webp"
	Data          func() ([]byte, error) // reads the cached file
	Name          string                 // e.g. "lom-medard-960.3f2a1b9c.jpg"
}

// Stats counts what a Processor did since New.
type Stats struct {
	Processed    int // sources decoded, scaled and encoded
	Cached       int // sources whose variants were already in the cache: no image work
	Failed       int // sources that gave an error
	WebPRejected int // sources whose WebP output failed verification; they got JPEG only
}

// Error is the error about one source; Name is Source.Name.
type Error struct {
	Name string
	Err  error
}

func (e *Error) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// ErrFormat means the source is neither a JPEG nor a PNG image.
var ErrFormat = l10n.Errorf("not a JPEG or PNG image")

// TooLargeError refuses an image with more pixels than Options.MaxPixels,
// found from its header before anything is decoded.
type TooLargeError struct {
	Width, Height, Max int
}

func (e *TooLargeError) Error() string { return e.Localize("en") }

// Localize says the error in lang (see package l10n).
func (e *TooLargeError) Localize(lang string) string {
	return l10n.New("image is %d×%d (%s megapixels), more than the %s allowed",
		e.Width, e.Height, megapixels(int64(e.Width)*int64(e.Height)), megapixels(int64(e.Max))).Localize(lang)
}

func megapixels(px int64) string {
	mp := float64(px) / 1e6
	if mp >= 100 {
		return strconv.FormatFloat(mp, 'f', 0, 64)
	}
	return strconv.FormatFloat(mp, 'g', 3, 64)
}

// Processor makes responsive variants of images and keeps them in a cache
// folder. It is safe for concurrent use; at most Options.Workers images
// are decoded at once across all calls.
type Processor struct {
	opts     Options
	optsKey  string    // the options part of every cache key
	cutoff   time.Time // entries last used before this are stale for Clean
	sem      chan struct{}
	mem      *memGate
	decodes  atomic.Int64 // decoder runs, for tests
	mu       sync.Mutex
	used     map[string]bool    // cache keys used by this Processor
	stamps   map[string]stamped // by Source.Name: the key its Stamp gave
	inflight map[string]*flight
	stats    Stats
}

type stamped struct{ stamp, key string }

type flight struct {
	done chan struct{}
	m    *manifest
	err  error
}

// New checks the options and fills in defaults. The cache folder is
// created when the first entry is written, so a site without photos gets
// none.
func New(opts Options) (*Processor, error) {
	if opts.CacheDir == "" {
		return nil, errors.New("imaging: Options.CacheDir is empty")
	}
	if len(opts.Widths) == 0 {
		opts.Widths = DefaultWidths()
	}
	ws := slices.Clone(opts.Widths)
	for _, w := range ws {
		if w <= 0 || w > 1<<15 {
			return nil, fmt.Errorf("imaging: width %d out of range 1–32768", w)
		}
	}
	slices.Sort(ws)
	opts.Widths = slices.Compact(ws)
	if opts.Quality == 0 {
		opts.Quality = DefaultQuality
	}
	if opts.Quality < 1 || opts.Quality > 100 {
		return nil, fmt.Errorf("imaging: quality %d out of range 1–100", opts.Quality)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MaxPixels <= 0 {
		opts.MaxPixels = DefaultMaxPixels
	}
	if opts.MemoryLimit <= 0 {
		opts.MemoryLimit = DefaultMemoryLimit
	}
	start := time.Now()
	p := &Processor{
		opts: opts,
		// File systems with coarse timestamps may store a touch made just
		// after New as up to a second or two earlier: keep those too.
		cutoff:   start.Truncate(time.Second).Add(-2 * time.Second),
		sem:      make(chan struct{}, opts.Workers),
		mem:      newMemGate(opts.MemoryLimit),
		used:     map[string]bool{},
		stamps:   map[string]stamped{},
		inflight: map[string]*flight{},
	}
	p.optsKey = fmt.Sprintf("portal/imaging v%d\nwidths %v\njpeg q%d\n", version, opts.Widths, opts.Quality)
	if opts.WebP {
		p.optsKey += fmt.Sprintf("webp q%d m%d\n", webpQuality(opts.Quality), webpMethod)
	}
	return p, nil
}

// Process produces (or finds in the cache) every variant of each source,
// with at most Options.Workers images in memory at once. The result has
// one Image per source, in order. On error it is still returned, with a
// zero Image for each source that failed, and the error joins one *Error
// per failed source (errors.Join), in source order.
func (p *Processor) Process(srcs []Source) ([]Image, error) {
	out := make([]Image, len(srcs))
	errs := make([]error, len(srcs))
	p.each(len(srcs), func(i int) { out[i], errs[i] = p.one(srcs[i]) })
	return out, errors.Join(errs...)
}

// each calls fn(0) … fn(n-1) on at most Options.Workers goroutines: the
// limit on decoded images in memory is per worker.
func (p *Processor) each(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(p.opts.Workers, n) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Stats tells how many sources were processed and how many found in the
// cache since New.
func (p *Processor) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

func (p *Processor) one(src Source) (Image, error) {
	if src.Stamp != "" {
		p.mu.Lock()
		st, ok := p.stamps[src.Name]
		if ok && st.stamp == src.Stamp {
			p.used[st.key] = true
		}
		p.mu.Unlock()
		if ok && st.stamp == src.Stamp {
			if m := p.lookup(st.key); m != nil {
				p.count(func(s *Stats) { s.Cached++ })
				return p.image(src.Name, st.key, m), nil
			}
		}
	}
	data, err := readSource(src)
	if err != nil {
		p.count(func(s *Stats) { s.Failed++ })
		return Image{}, &Error{src.Name, err}
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	key := p.entryKey(hash)
	m, err := p.entry(key, hash, data)
	if err != nil {
		return Image{}, &Error{src.Name, err}
	}
	if src.Stamp != "" {
		p.mu.Lock()
		p.stamps[src.Name] = stamped{src.Stamp, key}
		p.mu.Unlock()
	}
	return p.image(src.Name, key, m), nil
}

func readSource(src Source) ([]byte, error) {
	if src.Open == nil {
		return nil, errors.New("cannot read: no Open function")
	}
	rc, err := src.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, l10n.Errorf("file is larger than %d MiB", maxFileSize>>20)
	}
	if len(data) == 0 {
		return nil, l10n.Errorf("empty file, not a JPEG or PNG image")
	}
	return data, nil
}

// entryKey is the cache key of a source: its content hash and everything
// in the options that changes the output.
func (p *Processor) entryKey(sourceHash string) string {
	sum := sha256.Sum256([]byte(p.optsKey + "source " + sourceHash + "\n"))
	return hex.EncodeToString(sum[:])
}

func (p *Processor) count(f func(*Stats)) {
	p.mu.Lock()
	f(&p.stats)
	p.mu.Unlock()
}

// entry returns the cache entry of key, from the cache or by processing
// data. Sources with the same content that arrive at once are processed
// once.
func (p *Processor) entry(key, hash string, data []byte) (*manifest, error) {
	p.mu.Lock()
	p.used[key] = true
	if f, ok := p.inflight[key]; ok {
		p.mu.Unlock()
		<-f.done
		p.count(func(s *Stats) {
			if f.err != nil {
				s.Failed++
			} else {
				s.Cached++
			}
		})
		return f.m, f.err
	}
	f := &flight{done: make(chan struct{})}
	p.inflight[key] = f
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.inflight, key)
		p.mu.Unlock()
		close(f.done)
	}()

	if m := p.lookup(key); m != nil {
		f.m = m
		p.count(func(s *Stats) { s.Cached++ })
		return m, nil
	}
	p.sem <- struct{}{}
	m, rejected, err := p.produce(key, hash, data)
	<-p.sem
	f.m, f.err = m, err
	p.count(func(s *Stats) {
		if err != nil {
			s.Failed++
			return
		}
		s.Processed++
		if rejected {
			s.WebPRejected++
		}
	})
	return m, err
}

// image turns a cache entry into the Image of one source.
func (p *Processor) image(name, key string, m *manifest) Image {
	im := Image{Width: m.Width, Height: m.Height, Hash: m.Source}
	stem := baseName(name)
	dir := p.entryDir(key)
	for _, v := range m.Variants {
		file := dir + string(os.PathSeparator) + v.File
		im.Variants = append(im.Variants, Variant{
			Width:  v.Width,
			Height: v.Height,
			Format: v.Format,
			Data:   func() ([]byte, error) { return os.ReadFile(file) },
			Name:   fmt.Sprintf("%s-%d.%s.%s", stem, v.Width, key[:8], extension(v.Format)),
		})
	}
	return im
}

func extension(format string) string {
	if format == "jpeg" {
		return "jpg"
	}
	return format
}

// targets returns the variant widths for an image w pixels wide (upright):
// the configured widths up to w, or w alone when it is below all of them.
func (p *Processor) targets(w int) []int {
	ws := p.opts.Widths
	if w < ws[0] {
		return []int{w}
	}
	var out []int
	dropped := false
	for _, x := range ws {
		if x <= w {
			out = append(out, x)
		} else {
			dropped = true
		}
	}
	// A 1200 px photo is published at 1200 px too, not capped at 960:
	// never upscaled, never needlessly downscaled; a width barely above
	// the largest kept one adds nothing worth a file.
	if dropped && w*5 >= out[len(out)-1]*6 {
		out = append(out, w)
	}
	return out
}

// heightFor keeps the aspect ratio of a w×h image at width tw.
func heightFor(tw, w, h int) int {
	return max(1, int((2*int64(h)*int64(tw)+int64(w))/(2*int64(w))))
}

// checkConfig refuses what should not be decoded.
func (p *Processor) checkConfig(cfg image.Config, format string) error {
	if format != "jpeg" && format != "png" {
		return ErrFormat
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return l10n.Errorf("%s image is %d×%d: no pixels", formatName(format), cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(p.opts.MaxPixels) {
		return &TooLargeError{cfg.Width, cfg.Height, p.opts.MaxPixels}
	}
	return nil
}

func formatName(format string) string {
	switch format {
	case "jpeg":
		return "JPEG"
	case "png":
		return "PNG"
	}
	return format
}

// Check reports the errors Process would give for srcs, one *Error per
// failed source joined in source order, and writes nothing: not into the
// cache, not even a timestamp. A source with a complete cache entry was
// processed before and is good; any other is read and decoded, but not
// scaled or encoded. At most Options.Workers images are decoded at once,
// as in Process.
func (p *Processor) Check(srcs []Source) error {
	errs := make([]error, len(srcs))
	p.each(len(srcs), func(i int) {
		if err := p.check(srcs[i]); err != nil {
			errs[i] = &Error{srcs[i].Name, err}
		}
	})
	return errors.Join(errs...)
}

func (p *Processor) check(src Source) error {
	data, err := readSource(src)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	if p.cached(p.entryKey(hex.EncodeToString(sum[:]))) {
		return nil
	}
	cfg, format, err := decodeConfig(data)
	if err != nil {
		return err
	}
	if err := p.checkConfig(cfg, format); err != nil {
		return err
	}
	p.sem <- struct{}{}
	defer func() { <-p.sem }()
	defer p.mem.release(p.mem.acquire(memoryNeed(cfg, format, data)))
	p.decodes.Add(1)
	_, err = decode(format, data)
	return err
}
