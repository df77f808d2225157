// Package site runs a build: it reads a site folder, validates it into a
// content model, renders every page in every language and publishes the
// result atomically. It is the only package that knows all the others.
//
// A site folder holds content/ and may hold its own layouts/ and static/;
// any file it lacks comes from the theme embedded in the binary.
package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/locale"
	"github.com/transformace/portal/generator/markdown"
	"github.com/transformace/portal/generator/opendata"
	"github.com/transformace/portal/generator/publish"
	"github.com/transformace/portal/generator/render"
)

// Config says what to build and where.
type Config struct {
	// Src is the site folder (holding content/); Out the output folder.
	Src, Out string
	// BaseURL, when set, replaces base_url of site.toml (preview deploys).
	BaseURL string
	// Theme is the embedded default theme (layouts/, static/).
	Theme fs.FS
	// NoMinify writes CSS, JS, JSON and XML unminified, for reading them;
	// pages are never minified (publish.mediatype).
	NoMinify bool
	// Updated, when set, replaces git history as the source of "last
	// changed" dates (tests use fixed dates).
	Updated func(file string) (time.Time, bool)
}

// Result is what a build or a check did.
type Result struct {
	Pages map[string]int // per language; "" counts language-neutral files (chooser, 404)
	// Kept of the pages were left as a previous build wrote them, because
	// nothing they show changed (render.Options.Build), not rendered.
	Kept      int
	DataSets  int
	Warnings  content.Errors
	Files     int
	Unchanged int
	Bytes     int64
	// Photos were processed, PhotosCached found in the image cache.
	Photos, PhotosCached int
	Duration             time.Duration
}

// Summary is the one line a build prints.
func (r Result) Summary(out string) string {
	langs := make([]string, 0, len(r.Pages))
	total := 0
	for l, n := range r.Pages {
		total += n
		if l != "" {
			langs = append(langs, fmt.Sprintf("%s %d", l, n))
		}
	}
	sort.Strings(langs)
	kept := ""
	if r.Kept > 0 {
		kept = fmt.Sprintf("; %d rendered, %d kept from the last build", total-r.Kept, r.Kept)
	}
	s := fmt.Sprintf("%d pages (%s%s), %d data sets, %d warnings", total, strings.Join(langs, ", "), kept, r.DataSets, len(r.Warnings))
	if out != "" {
		s += fmt.Sprintf(", %d photos (%d from cache), %d files (%d unchanged, %.1f MB) → %s", r.Photos+r.PhotosCached, r.PhotosCached, r.Files, r.Unchanged, float64(r.Bytes)/1e6, out)
	}
	return s + fmt.Sprintf(" in %d ms", r.Duration.Milliseconds())
}

// Loaded is a validated site with everything needed to render it.
type Loaded struct {
	Site    *content.Site
	Theme   fs.FS // the site folder's layouts/ and static/ over the embedded theme
	Locales map[string]*locale.Locale
	// strings are the UI string files the locales were parsed from.
	strings map[string][]byte
}

// Load reads and validates the site folder. Content problems come back as
// content.Errors, each "file:line: message".
func Load(cfg Config) (*Loaded, error) { return load(cfg, loadState{}) }

// loadState is what portal serve keeps from one load for the next.
type loadState struct {
	// cache keeps parses between loads; changed is content.Options.Changed.
	cache   *content.Cache
	changed []string
	// prev is the last load: its locales are reused while their files
	// are the same, so that render sees the same ones (Options.Prev).
	prev *Loaded
}

func load(cfg Config, st loadState) (*Loaded, error) {
	src := os.DirFS(cfg.Src)
	theme := overlay{top: src, base: cfg.Theme}
	locales := map[string]*locale.Locale{}
	texts := map[string][]byte{}
	// UI strings are read first: they hold the Czech typography rules that
	// Markdown rendering applies.
	siteData, err := fs.ReadFile(src, "content/site.toml")
	langs := []string{"cs", "en"}
	if err == nil {
		langs = quickLanguages(siteData, langs)
	}
	var errs content.Errors
	typo := map[string]func(string) string{}
	retypeset := false
	for _, lang := range langs {
		name := "layouts/i18n/" + lang + ".toml"
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			errs = append(errs, content.Errorf(name, 0, "missing: every language of the site needs its UI strings (copy en.toml and translate it)"))
			continue
		}
		texts[lang] = data
		if p := st.prev; p != nil && p.Locales[lang] != nil && bytes.Equal(p.strings[lang], data) {
			locales[lang], typo[lang] = p.Locales[lang], p.Locales[lang].Typo
			continue
		}
		retypeset = true
		l, err := locale.Parse(lang, name, data)
		if err != nil {
			errs = append(errs, content.LocaleErrors(err)...)
			continue
		}
		locales[lang] = l
		typo[lang] = l.Typo
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if retypeset && st.prev != nil && st.cache != nil {
		// The bodies the cache holds were typeset by the old rules.
		st.cache.Forget()
	}
	updated := cfg.Updated
	if updated == nil {
		updated = gitTimes(cfg.Src)
	}
	s, err := content.Load(src, content.Options{
		Markdown: markdown.New(markdown.Options{Typography: typo}),
		Updated:  updated,
		Cache:    st.cache,
		Changed:  st.changed,
	})
	if err != nil {
		return nil, err
	}
	if cfg.BaseURL != "" {
		if !strings.HasSuffix(cfg.BaseURL, "/") {
			cfg.BaseURL += "/"
		}
		// A copy: the Config may be the one of the last load (a Cache
		// reuses it), still read by that build's data files.
		c := *s.Config
		c.BaseURL = cfg.BaseURL
		site := *s
		site.Config = &c
		s = &site
	}
	if err := checkAddresses(s, locales); err != nil {
		return nil, err
	}
	return &Loaded{Site: s, Theme: theme, Locales: locales, strings: texts}, nil
}

// quickLanguages reads just the languages line of site.toml so that UI
// strings can be loaded before the full validation; errors surface later.
func quickLanguages(data []byte, def []string) []string {
	var v struct {
		Languages []string `toml:"languages"`
	}
	if err := decodeTOML(data, &v); err != nil || len(v.Languages) == 0 {
		return def
	}
	for _, l := range v.Languages {
		if !content.ValidSlug(l) {
			return def
		}
	}
	return v.Languages
}

// checkAddresses rejects content whose address another page already has:
// a free page named like a section, a project named like a filter.
func checkAddresses(s *content.Site, locales map[string]*locale.Locale) error {
	var errs content.Errors
	for _, lang := range s.Config.Languages {
		rt := render.Routes{Lang: lang, L: locales[lang]}
		for _, pg := range s.Pages {
			t := pg.In(lang)
			for _, sec := range rt.Sections() {
				if pg.URLSlug(lang) == sec {
					errs = append(errs, content.Errorf(t.File, 1, "duplicate slug: the address /%s/%s/ belongs to a section of the portal; give the page another slug", lang, sec))
				}
			}
		}
		reserved := rt.Reserved()
		for _, pr := range s.Projects {
			for _, res := range reserved {
				if pr.Slug == res {
					errs = append(errs, content.Errorf(pr.In(s.Config.DefaultLanguage()).File, 0, "the slug %q is used by the project list's filters in %s; rename the file", res, lang))
				}
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Check validates the site and renders every page without writing any, so
// that template errors are found too. Photos that are not in the image
// cache yet are decoded, so that a broken one is found before a build.
func Check(cfg Config) (Result, error) {
	start := time.Now()
	ld, err := Load(cfg)
	if err != nil {
		return Result{}, err
	}
	if err := checkPhotos(cfg.Src, ld.Site); err != nil {
		return Result{}, err
	}
	r, err := render.New(ld.Theme, ld.Site, ld.Locales, render.Options{})
	if err != nil {
		return Result{}, err
	}
	if _, err := r.Render(discard{}); err != nil {
		return Result{}, err
	}
	// The same checks as a build: open data refuses what the national
	// catalogue would reject (an unknown licence, say).
	if _, err := writeOpenData(ld, discard{}); err != nil {
		return Result{}, err
	}
	res := result(ld, r)
	res.Duration = time.Since(start)
	return res, nil
}

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

func result(ld *Loaded, r *render.Renderer) Result {
	res := Result{Pages: map[string]int{}, DataSets: len(opendata.Datasets(ld.Site)), Warnings: ld.Site.Warnings}
	for _, p := range r.Pages() {
		if p.Kind == "chooser" || p.Path == "/404.html" {
			res.Pages[""]++
			continue
		}
		res.Pages[p.Lang]++
	}
	return res
}

// Build validates, renders and publishes the site. On any error nothing is
// published and the previous site stays as it was.
func Build(cfg Config) (Result, error) {
	start := time.Now()
	if err := publish.CheckOut(cfg.Out, cfg.Src); err != nil {
		return Result{}, err
	}
	prog := make(chan string, 1)
	go func() { prog <- programSum() }()
	ld, err := Load(cfg)
	if err != nil {
		return Result{}, err
	}
	names, err := fingerprint(ld.Theme)
	if err != nil {
		return Result{}, err
	}
	proc, err := newProcessor(cfg.Src)
	if err != nil {
		return Result{}, err
	}
	pics, err := photos(os.DirFS(cfg.Src), ld.Site, proc)
	if err != nil {
		return Result{}, err
	}
	r, err := render.New(ld.Theme, ld.Site, ld.Locales, render.Options{Asset: assetFunc(names), Images: imageLookup(pics), Build: buildKey(<-prog, names)})
	if err != nil {
		return Result{}, err
	}
	w, err := publish.NewWriter(cfg.Out, publish.Options{Minify: !cfg.NoMinify})
	if err != nil {
		return Result{}, err
	}
	defer w.Abort()
	// The pages, the open data and the files beside them are independent
	// and the writer is safe for concurrent use: the data sets and photos
	// are written while pages render, so that no core waits.
	err = parallel(
		func() error { _, err := r.Render(w); return err },
		func() error { return staticFiles(ld.Theme, w, names) },
		func() error { _, err := writeOpenData(ld, w); return err },
		func() error { return writePhotos(pics, w) },
	)
	if err != nil {
		return Result{}, err
	}
	if err := w.Commit(); err != nil {
		return Result{}, err
	}
	// Variants of photos no longer used leave the cache; a failure here
	// costs only disk space.
	proc.Clean()
	st := proc.Stats()
	res0 := st
	res := result(ld, r)
	ws := w.Stats()
	res.Files, res.Unchanged, res.Bytes = ws.Files, ws.Unchanged, ws.Bytes
	res.Kept = r.Kept()
	res.Photos, res.PhotosCached = res0.Processed, res0.Cached
	res.Duration = time.Since(start)
	return res, nil
}

// programSum is a sum of the running program's executable, or "" when it
// cannot be read: a page is kept from a previous build only if the same
// program rendered it, since another version may render it differently.
func programSum() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// buildKey is render.Options.Build: the program and the published names
// of the stylesheets and scripts that every page links to. It is "" (every
// page is rendered) when the program is unknown.
func buildKey(program string, names map[string]string) string {
	if program == "" {
		return ""
	}
	keys := slices.Sorted(maps.Keys(names))
	h := sha256.New()
	h.Write([]byte(program))
	for _, k := range keys {
		fmt.Fprintf(h, "\x00%s\x00%s", k, names[k])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// parallel runs fns at once and returns the error of the first in the
// list that failed, so the message does not depend on timing.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeOpenData publishes the data sets with links to the project pages
// as render addresses them.
func writeOpenData(ld *Loaded, out opendata.Output) ([]opendata.Dataset, error) {
	return opendata.WriteWith(ld.Site, out, opendata.Options{
		ProjectURL: func(lang, slug string) string {
			return render.Routes{Lang: lang, L: ld.Locales[lang]}.Project(slug)
		},
	})
}

// gitTimes returns when each file last changed according to git, for files
// that have no uncommitted changes; a fresh clone gives every file the same
// modification time, so git history is the only true "last changed".
func gitTimes(src string) func(string) (time.Time, bool) {
	out, err := exec.Command("git", "-C", src, "log", "--relative", "--format=%x00%ct", "--name-only", "--", "content").Output()
	if err != nil || len(out) == 0 {
		return nil
	}
	times := map[string]time.Time{}
	var cur time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "\x00") {
			sec, _ := strconv.ParseInt(strings.TrimPrefix(line, "\x00"), 10, 64)
			cur = time.Unix(sec, 0).UTC()
			continue
		}
		if line == "" {
			continue
		}
		if _, seen := times[line]; !seen { // log is newest first
			times[line] = cur
		}
	}
	dirty := map[string]bool{}
	if st, err := exec.Command("git", "-C", src, "status", "--porcelain", "--no-renames", "--untracked-files=all", "--", "content").Output(); err == nil {
		prefix, _ := exec.Command("git", "-C", src, "rev-parse", "--show-prefix").Output()
		pre := strings.TrimSpace(string(prefix))
		for _, l := range strings.Split(string(st), "\n") {
			if len(l) > 3 {
				dirty[strings.TrimPrefix(strings.Trim(l[3:], `"`), pre)] = true
			}
		}
	}
	return func(file string) (time.Time, bool) {
		if dirty[file] {
			return time.Time{}, false
		}
		t, ok := times[file]
		return t, ok
	}
}
