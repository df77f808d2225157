package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/imaging"
	"github.com/transformace/portal/generator/opendata"
	"github.com/transformace/portal/generator/render"
)

// Session builds a site again and again in memory, as `portal serve` does:
// each Build re-renders only the pages whose inputs changed (see
// render.Fingerprint) and swaps the new files in only when the build
// succeeded, so the last good site is always what is served.
//
// A Build works in two steps. The first, which Build waits for, loads and
// checks the content, renders the changed pages and publishes them with
// the static files and photos: the page an editor looks at is new when
// Build returns. The second makes the data files that pages fetch or link
// (the project lists' index, feeds, sitemap, search index and open data)
// and publishes them as a whole when they are all made; OnData then says
// what changed. It runs in the background once no Build came for
// DataDelay, so that saves in quick succession do not share the cores
// with it, or at once when File is asked for a data file: until then the
// previous data files are never served. Everything the second step could
// refuse is checked by the first, so a broken save publishes nothing.
type Session struct {
	cfg Config

	mu     sync.Mutex     // one build at a time
	cache  *content.Cache // parses and bodies of unchanged files
	proc   *imaging.Processor
	prints map[string]uint64 // output file → fingerprint of its last render
	// layouts are the parsed templates, kept until a layout file changes.
	layouts *render.Layouts
	// pages are the pages, static files and photos of the last good build,
	// data its data files: output path → bytes. Each is replaced as a
	// whole, never modified, so readers need no lock.
	pages, data atomic.Pointer[map[string][]byte]

	// DataDelay is how long after a Build its data step waits for the
	// next Build before it starts by itself (see Session); a second by
	// default. Change it only while no Build runs.
	DataDelay time.Duration

	gen uint64 // successful builds so far (mu)
	// What the last good build left for the next one (mu): its load and
	// renderer, which the next starts from (loadState, render.Options.Prev),
	// its photos, the static files and photos it published, and the files
	// changed since it.
	last    *Loaded
	lastR   *render.Renderer
	pics    map[string]*photo
	extra   map[string]bool
	changed map[string]bool
	known   bool       // changed holds every file changed since the last good build
	dataMu  sync.Mutex // one data step at a time
	pmu     sync.Mutex // guards pending and timer
	// pending is the data step of the last good build, until it starts.
	pending *dataJob
	timer   *time.Timer
	extras  *dataMaker // what the data steps keep between builds
	onData  atomic.Pointer[func(Update)]
}

// dataJob is the data step of a build.
type dataJob struct {
	build uint64 // Update.Build
	ld    *Loaded
	r     *render.Renderer
}

// Update says what one Build changed.
type Update struct {
	// Rendered are the pages rendered again, Removed the files that are
	// gone, Static the static files and photos (of Build) or the data
	// files (of OnData) whose bytes changed.
	Rendered, Removed, Static []string
	Pages                     int // pages in the site
	// Build numbers the successful builds of the session from 1; the
	// Update of a data step has the number of the build it belongs to.
	Build    uint64
	Warnings content.Errors
	Duration time.Duration
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
	s := &Session{cfg: cfg, prints: map[string]uint64{}, cache: content.NewCache(), extras: newDataMaker(), DataDelay: time.Second}
	empty, none := map[string][]byte{}, map[string][]byte{}
	s.pages.Store(&empty)
	s.data.Store(&none)
	return s
}

// File returns a file of the last good build. Asked for a data file
// while the data step of the last build has not finished, it waits for
// it, running it at once if it had not started.
func (s *Session) File(path string) ([]byte, bool) {
	if b, ok := (*s.pages.Load())[path]; ok {
		return b, true
	}
	if isData(path) {
		s.ensureData()
	}
	b, ok := (*s.data.Load())[path]
	return b, ok
}

// isData reports whether path may be a data file, by the extensions of
// the files the data step makes; pages and folders are not.
func isData(name string) bool {
	switch path.Ext(name) {
	case ".json", ".jsonld", ".csv", ".xml", ".txt":
		return true
	}
	return false
}

// OnData sets a function called, from another goroutine, after the data
// files of a build were published: Update.Static lists the changed ones,
// Update.Removed the gone ones. A build whose data files a later build
// overtook reports nothing.
func (s *Session) OnData(fn func(Update)) { s.onData.Store(&fn) }

// WaitData makes the data files of the last good Build, if they are not
// made yet, and returns when they are published.
func (s *Session) WaitData() { s.ensureData() }

// ensureData runs the pending data step, or waits for the one running.
func (s *Session) ensureData() {
	s.pmu.Lock()
	busy := s.pending != nil
	s.pmu.Unlock()
	if !busy && s.dataMu.TryLock() {
		s.dataMu.Unlock() // nothing pending, nothing running
		return
	}
	s.dataMu.Lock()
	defer s.dataMu.Unlock()
	s.pmu.Lock()
	job := s.pending
	s.pending = nil
	s.pmu.Unlock()
	if job != nil {
		s.makeData(job)
	}
}

// Build reads the site folder again, renders what changed and publishes
// it; the data files follow in the background (see Session). On error the
// served site stays as it was.
func (s *Session) Build() (Update, error) { return s.build(nil) }

// BuildChanged is Build when the caller knows which files changed since
// the last Build (the paths of a watcher's events, relative to the site
// folder, with slashes): only those files are read again, and on a large
// site a save is rendered in a fraction of the time. Files that are gone
// or were moved away count as changed; a folder created, moved or deleted
// does not fit in such a list: call Build.
func (s *Session) BuildChanged(files []string) (Update, error) {
	if files == nil {
		files = []string{}
	}
	return s.build(files)
}

// build is Build, or BuildChanged when changed is not nil.
func (s *Session) build(changed []string) (Update, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	// What changed since the last good build: a failed one has read the
	// files already, but the next one starts from the last good one.
	st := loadState{cache: s.cache, prev: s.last}
	if changed == nil {
		s.known = false
	}
	if s.known {
		for _, f := range changed {
			s.changed[f] = true
		}
		st.changed = append([]string{}, slices.Sorted(maps.Keys(s.changed))...)
	}
	ld, err := load(s.cfg, st)
	if err != nil {
		return Update{}, err
	}
	// What the data step would refuse is refused now, before anything is
	// published.
	if err := opendata.Check(ld.Site); err != nil {
		return Update{}, err
	}
	if s.proc == nil {
		if s.proc, err = newProcessor(s.cfg.Src); err != nil {
			return Update{}, err
		}
	}
	// The stories are the last good build's (the same pointers) only
	// when no file of theirs changed (content.Options.Changed): so are
	// their photos.
	pics := s.pics
	if s.last == nil || !slices.Equal(ld.Site.Stories, s.last.Site.Stories) {
		if pics, err = photos(os.DirFS(s.cfg.Src), ld.Site, s.proc); err != nil {
			return Update{}, err
		}
	}
	if s.layouts == nil || !s.layouts.Same(ld.Theme) {
		if s.layouts, err = render.ParseLayouts(ld.Theme); err != nil {
			return Update{}, err
		}
	}
	r, err := render.New(ld.Theme, ld.Site, ld.Locales, render.Options{Images: imageLookup(pics), Layouts: s.layouts, SearchIndexes: s.extras.searchIndexes(ld.Site.Config.Languages), Prev: s.lastR})
	if err != nil {
		return Update{}, err
	}
	old := *s.pages.Load()
	var up Update
	// todo are the pages to render, prints their new fingerprints.
	var (
		todo   []*render.Page
		prints map[string]uint64
		next   map[string][]byte
	)
	if stale, ok := r.Stale(); ok {
		// The renderer took over the last build's pages: only those that
		// show something that changed may differ from what is served.
		prints = map[string]uint64{}
		for _, p := range stale {
			if fp, f := r.Fingerprint(p), p.File(); fp != s.prints[f] {
				prints[f] = fp
				todo = append(todo, p)
			}
		}
		next = maps.Clone(old)
		for f := range s.extra {
			delete(next, f) // published again below, unless gone
		}
		up.Pages = len(r.Pages())
	} else {
		next = make(map[string][]byte, len(old))
		// The list of pages and the versions of the inputs they name are
		// independent and each takes a single core for a while on a large
		// site: made side by side.
		var pages []*render.Page
		parallel(
			func() error { pages = r.Pages(); return nil },
			func() error { r.Versions(); return nil },
		)
		fps := r.Fingerprints(pages)
		prints = make(map[string]uint64, len(pages))
		for i, p := range pages {
			f := p.File()
			prints[f] = fps[i]
			if prev, ok := s.prints[f]; ok && prev == fps[i] {
				next[f] = old[f]
				continue
			}
			todo = append(todo, p)
		}
		up.Pages = len(prints)
	}
	out := &memOutput{files: next}
	// Static files and photos are few and cheap: they are published with
	// the pages, so that a stylesheet swaps at once and a new photo is
	// there when the page that shows it reloads.
	extra := &memOutput{files: map[string][]byte{}}
	err = parallel(
		func() error { return r.RenderPages(todo, out) },
		func() error { return staticFiles(ld.Theme, extra, nil) },
		func() error { return writePhotosAgain(pics, old, extra) },
	)
	if err != nil {
		return Update{}, err
	}
	for _, p := range todo {
		up.Rendered = append(up.Rendered, p.File())
	}
	extras := make(map[string]bool, len(extra.files))
	for f, b := range extra.files {
		if !bytes.Equal(old[f], b) {
			up.Static = append(up.Static, f)
		}
		next[f] = b
		extras[f] = true
	}
	if r.Reused() {
		// The same pages as before: what is gone is a static file or a
		// photo.
		for f := range s.extra {
			if !extras[f] {
				up.Removed = append(up.Removed, f)
			}
		}
	} else {
		for f := range old {
			if _, ok := next[f]; !ok {
				up.Removed = append(up.Removed, f)
			}
		}
	}
	sort.Strings(up.Rendered)
	sort.Strings(up.Static)
	sort.Strings(up.Removed)
	if r.Reused() {
		maps.Copy(s.prints, prints)
	} else {
		s.prints = prints
	}
	s.pages.Store(&next)
	s.last, s.lastR, s.extra, s.pics = ld, r, extras, pics
	s.changed, s.known = map[string]bool{}, true
	// The data step of an earlier build that has not started is dropped:
	// this one's replaces it.
	s.gen++
	up.Build = s.gen
	s.pmu.Lock()
	s.pending = &dataJob{build: s.gen, ld: ld, r: r}
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(s.DataDelay, s.ensureData)
	s.pmu.Unlock()
	up.Warnings = ld.Site.Warnings
	up.Duration = time.Since(start)
	return up, nil
}

// makeData is the second step of a build (the caller holds dataMu): it
// makes the data files and publishes them.
func (s *Session) makeData(job *dataJob) {
	start := time.Now()
	files, err := s.extras.make(job.ld, job.r)
	if err != nil {
		// The first step checked what the content could get wrong; what is
		// left is a bug. The previous data files stay.
		fmt.Fprintf(os.Stderr, "portal: data files: %v\n", err)
		return
	}
	old := *s.data.Load()
	up := Update{Build: job.build}
	for f, b := range files {
		if !bytes.Equal(old[f], b) {
			up.Static = append(up.Static, f)
		}
	}
	for f := range old {
		if _, ok := files[f]; !ok {
			up.Removed = append(up.Removed, f)
		}
	}
	sort.Strings(up.Static)
	sort.Strings(up.Removed)
	s.data.Store(&files)
	up.Duration = time.Since(start)
	if fn := s.onData.Load(); fn != nil && *fn != nil {
		(*fn)(up)
	}
}

// writePhotosAgain publishes every variant like writePhotos, but takes
// the bytes of a variant old has from old: variants are named by their
// content, so they need not be read from the image cache again.
func writePhotosAgain(m map[string]*photo, old map[string][]byte, out *memOutput) error {
	for _, p := range m {
		for rel, data := range p.files {
			if b, ok := old[rel]; ok {
				out.keep(rel, b)
				continue
			}
			b, err := data()
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			if err := out.WriteFile(rel, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// memOutput collects rendered files in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

// keep adds a file whose bytes nothing modifies, without copying them.
func (m *memOutput) keep(rel string, data []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = data
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
