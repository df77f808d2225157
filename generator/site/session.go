package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/imaging"
	"github.com/transformace/portal/generator/render"
)

// Session builds a site again and again in memory, as `portal serve` does:
// each Build re-renders only the pages whose inputs changed (see
// render.Fingerprint) and swaps the new files in only when the build
// succeeded, so the last good site is always what is served.
type Session struct {
	cfg Config

	mu     sync.Mutex     // one build at a time
	cache  *content.Cache // parses and bodies of unchanged files
	proc   *imaging.Processor
	prints map[string]uint64 // output file → fingerprint of its last render
	// layouts are the parsed templates, kept until a layout file changes.
	layouts *render.Layouts
	// files is the published site: output path → bytes. It is replaced as
	// a whole, never modified, so readers need no lock.
	files atomic.Pointer[map[string][]byte]
}

// Update says what one Build changed.
type Update struct {
	// Rendered are the pages rendered again, Removed the files that are
	// gone, Static the static and data files whose bytes changed.
	Rendered, Removed, Static []string
	Pages                     int // pages in the site
	Warnings                  content.Errors
	Duration                  time.Duration
}

// CSSOnly reports whether nothing but stylesheets changed, so a browser
// can swap styles without reloading the page.
func (u Update) CSSOnly() bool {
	if len(u.Rendered) > 0 || len(u.Removed) > 0 || len(u.Static) == 0 {
		return false
	}
	for _, f := range u.Static {
		if !strings.HasSuffix(f, ".css") {
			return false
		}
	}
	return true
}

// Changed reports whether the build changed anything a browser shows.
func (u Update) Changed() bool {
	return len(u.Rendered)+len(u.Removed)+len(u.Static) > 0
}

// NewSession prepares a session; nothing is built until Build.
func NewSession(cfg Config) *Session {
	if cfg.Updated == nil {
		// git history is read once; a file saved after the session started
		// is newer than any commit, so its modification time is its date.
		git, start := gitTimes(cfg.Src), time.Now()
		cfg.Updated = func(file string) (time.Time, bool) {
			if fi, err := os.Stat(filepath.Join(cfg.Src, filepath.FromSlash(file))); err == nil && fi.ModTime().After(start) {
				return time.Time{}, false
			}
			if git == nil {
				return time.Time{}, false
			}
			return git(file)
		}
	}
	s := &Session{cfg: cfg, prints: map[string]uint64{}, cache: content.NewCache()}
	empty := map[string][]byte{}
	s.files.Store(&empty)
	return s
}

// File returns a file of the last good build.
func (s *Session) File(path string) ([]byte, bool) {
	b, ok := (*s.files.Load())[path]
	return b, ok
}

// Build reads the site folder again and renders what changed. On error the
// served site stays as it was.
func (s *Session) Build() (Update, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	ld, err := load(s.cfg, s.cache)
	if err != nil {
		return Update{}, err
	}
	if s.proc == nil {
		if s.proc, err = newProcessor(s.cfg.Src); err != nil {
			return Update{}, err
		}
	}
	pics, err := photos(os.DirFS(s.cfg.Src), ld.Site, s.proc)
	if err != nil {
		return Update{}, err
	}
	if s.layouts == nil || !s.layouts.Same(ld.Theme) {
		if s.layouts, err = render.ParseLayouts(ld.Theme); err != nil {
			return Update{}, err
		}
	}
	r, err := render.New(ld.Theme, ld.Site, ld.Locales, render.Options{Images: imageLookup(pics), Layouts: s.layouts})
	if err != nil {
		return Update{}, err
	}
	old := *s.files.Load()
	next := make(map[string][]byte, len(old))
	prints := make(map[string]uint64, len(s.prints))
	var up Update
	var todo []*render.Page
	for _, p := range r.Pages() {
		f := p.File()
		fp := r.Fingerprint(p)
		prints[f] = fp
		if prev, ok := s.prints[f]; ok && prev == fp {
			next[f] = old[f]
			continue
		}
		todo = append(todo, p)
	}
	up.Pages = len(prints)
	out := &memOutput{files: next}
	// Static files, the list index, search index and open data are
	// produced whole and compared by bytes; they take seconds on a large
	// site, so they are made while the changed pages render.
	extra := &memOutput{files: map[string][]byte{}}
	err = parallel(
		func() error { return r.RenderPages(todo, out) },
		func() error { return r.WriteExtras(extra) },
		func() error { return staticFiles(ld.Theme, extra, nil) },
		func() error { _, err := writeOpenData(ld, extra); return err },
		func() error { return writePhotos(pics, extra) },
	)
	if err != nil {
		return Update{}, err
	}
	for _, p := range todo {
		up.Rendered = append(up.Rendered, p.File())
	}
	for f, b := range extra.files {
		if !bytes.Equal(old[f], b) {
			up.Static = append(up.Static, f)
		}
		next[f] = b
	}
	for f := range old {
		if _, ok := next[f]; !ok {
			up.Removed = append(up.Removed, f)
		}
	}
	sort.Strings(up.Rendered)
	sort.Strings(up.Static)
	sort.Strings(up.Removed)
	s.prints = prints
	s.files.Store(&next)
	up.Warnings = ld.Site.Warnings
	up.Duration = time.Since(start)
	return up, nil
}

// memOutput collects rendered files in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memOutput) WriteFile(rel string, data []byte) error {
	b := append([]byte(nil), data...)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = b
	return nil
}

// staticFiles reads static/ into out under the paths a build publishes:
// its path without "static/", or the fingerprinted name in names.
func staticFiles(theme fs.FS, out render.Output, names map[string]string) error {
	return fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || content.Ignored(d.Name()) || strings.HasSuffix(p, ".go") {
			return nil
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rel := strings.TrimPrefix(p, "static/")
		if n, ok := names[rel]; ok {
			rel = n
		}
		return out.WriteFile(rel, data)
	})
}

// fingerprint names every stylesheet and script by a hash of its bytes
// ("css/portal.css" → "css/portal.3f2a1b9c0d.css"), so that hosts can
// cache them for a year: a changed file gets a new name.
func fingerprint(theme fs.FS) (map[string]string, error) {
	names := map[string]string{}
	err := fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := path.Ext(p)
		if d.IsDir() || content.Ignored(d.Name()) || (ext != ".css" && ext != ".js") {
			return nil
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel := strings.TrimPrefix(p, "static/")
		names[rel] = strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		return nil
	})
	return names, err
}

// assetFunc maps a static file to its published path.
func assetFunc(names map[string]string) func(string) string {
	return func(name string) string {
		if n, ok := names[name]; ok {
			return "/" + n
		}
		return "/" + name
	}
}
