package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/locale"
	"github.com/transformace/portal/generator/search"
)

// Output receives rendered files; publish.Writer is one.
type Output interface {
	WriteFile(rel string, data []byte) error
}

// Keeper is an Output that may still hold the pages of a previous build
// (publish.Writer), so that a page whose inputs did not change is kept
// instead of rendered again.
type Keeper interface {
	Output
	// Keep reports whether rel is in place as a previous build wrote it
	// from key; it then counts as written.
	Keep(rel, key string) bool
	// WriteKeyed writes rel and records key, for Keep in the next build.
	WriteKeyed(rel, key string, data []byte) error
}

// Renderer turns a validated site into pages in every language.
type Renderer struct {
	site    *content.Site
	langs   []string
	locales map[string]*locale.Locale
	tmpl    map[string]*template.Template
	asset   func(string) string
	images  func(dir, name string) *ImageSet
	build   string // Options.Build
	kept    atomic.Int64
	// model holds the items of each language, built once and shared by
	// every page of that language.
	model map[string]*langModel
	// layoutHashes and versions feed Fingerprint (deps.go).
	layoutHashes map[string]uint64
	versions     map[string]uint64
	versionsOnce sync.Once
	// frags caches fragments of the page frame (View.Fragment).
	frags *sync.Map
	// pages is the list of Pages, made once.
	pagesOnce sync.Once
	pages     []*Page
	// indexes are Options.SearchIndexes.
	indexes map[string]*search.Index
	// slugs remembers slugs (slugs.go).
	slugs *sync.Map
	// lay are the parsed layouts; reused and changed say what New took
	// over from Options.Prev (incremental.go).
	lay     *Layouts
	reused  bool
	changed []string
}

// Page is one output file, rendered on demand so that pages can be
// rendered in parallel and, in serve mode, one at a time.
type Page struct {
	Path string // URL path; files end in index.html unless it ends in .html
	Lang string
	Kind string
	// Inputs are the keys of the content this page shows (see deps.go).
	Inputs []string
	// view makes what the page's template sees, from the model of the
	// Renderer given (pages.go).
	view func(r *Renderer) *View
}

// File is the output file of a page.
func (p *Page) File() string {
	f := strings.TrimPrefix(p.Path, "/")
	if f == "" || strings.HasSuffix(f, "/") {
		f += "index.html"
	}
	return f
}

// Options configure a Renderer.
type Options struct {
	// Asset returns the published path of a static file ("css/portal.css"
	// → "/css/portal.css"); nil publishes files under their own name.
	Asset func(string) string
	// Images returns the responsive variants of a photo of a story bundle
	// (its folder and file name), or nil when it has none.
	Images func(dir, name string) *ImageSet
	// Layouts, when set, are the theme's templates parsed already.
	Layouts *Layouts
	// Build names what a page's bytes depend on besides what Fingerprint
	// covers: the program that renders them (a new version may render
	// differently) and whatever Asset and Images return. When it is set and
	// the Output is a Keeper, a page whose Fingerprint and Build are those
	// of the file a previous build left is kept, not rendered again.
	Build string
	// SearchIndexes, when set, build the search index of each language
	// they have an entry for, remembering what they made for the next
	// build (portal serve); the files are the same.
	SearchIndexes map[string]*search.Index
	// Prev, when set, is the Renderer of the previous build of the same
	// site folder, made with the same Options but Images and Prev
	// (portal serve). When the site changed only in ways that leave the
	// model the same shape, New takes over its pages and what else did
	// not change (see Stale and incremental.go); the pages render the
	// same bytes as without Prev.
	Prev *Renderer
}

// kinds are the page templates; each is parsed with base.html and partials.html.
var kinds = []string{"home", "projects", "project", "partners", "partner", "regions", "region", "indicators", "indicator", "embed", "stories", "story", "search", "page", "notfound", "chooser"}

// New parses the layouts in theme (layouts/*.html) and prepares the model.
func New(theme fs.FS, site *content.Site, locales map[string]*locale.Locale, opts Options) (*Renderer, error) {
	r := &Renderer{site: site, langs: site.Config.Languages, locales: locales, asset: opts.Asset, images: opts.Images, build: opts.Build, indexes: opts.SearchIndexes}
	if r.images == nil {
		r.images = func(string, string) *ImageSet { return nil }
	}
	if r.asset == nil {
		r.asset = func(s string) string { return "/" + s }
	}
	for _, lang := range r.langs {
		if locales[lang] == nil {
			return nil, fmt.Errorf("layouts/i18n/%s.toml: missing: every site language needs its UI strings", lang)
		}
	}
	lay := opts.Layouts
	if lay == nil {
		var err error
		if lay, err = ParseLayouts(theme); err != nil {
			return nil, err
		}
	}
	r.tmpl, r.layoutHashes, r.lay = lay.tmpl, lay.hashes, lay
	r.frags, r.slugs = &sync.Map{}, &sync.Map{}
	if r.reuse(opts.Prev) {
		return r, nil
	}
	// The languages' models are independent: built side by side.
	models := make([]*langModel, len(r.langs))
	var wg sync.WaitGroup
	for i, lang := range r.langs {
		wg.Go(func() { models[i] = r.buildModel(lang) })
	}
	wg.Wait()
	r.model = map[string]*langModel{}
	for i, lang := range r.langs {
		r.model[lang] = models[i]
	}
	return r, nil
}

// Layouts are the parsed templates of a theme. Parsing them is a fifth
// of a serve rebuild of a small site, so a session keeps them while the
// layout files stay the same (Layouts.Same).
type Layouts struct {
	tmpl   map[string]*template.Template
	hashes map[string]uint64
}

// ParseLayouts parses layouts/*.html of theme.
func ParseLayouts(theme fs.FS) (*Layouts, error) {
	funcs := template.FuncMap{
		"safeHTML": func(s string) template.HTML { return template.HTML(s) },
		"add":      func(a, b int) int { return a + b },
		"iso":      func(t time.Time) string { return t.Format("2006-01-02") },
		"year":     func(t time.Time) int { return t.Year() },
		"ogLocale": OGLocale,
		"picture":  Picture,
	}
	base, err := template.New("").Funcs(funcs).ParseFS(theme, "layouts/base.html", "layouts/partials.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	lay := &Layouts{tmpl: map[string]*template.Template{}}
	for _, k := range kinds {
		t, err := template.Must(base.Clone()).ParseFS(theme, "layouts/"+k+".html")
		if err != nil {
			return nil, fmt.Errorf("layouts/%s.html: %w", k, err)
		}
		lay.tmpl[k] = t
	}
	if lay.hashes, err = hashLayouts(theme); err != nil {
		return nil, err
	}
	return lay, nil
}

// Same reports whether theme's layout files and UI strings are still the
// ones lay was parsed from.
func (lay *Layouts) Same(theme fs.FS) bool {
	h, err := hashLayouts(theme)
	return err == nil && maps.Equal(h, lay.hashes)
}

// Pages lists every page of the site, in every language. The list is made
// once (a build asks for it to render, for the sitemap and to count) and
// must not be modified.
func (r *Renderer) Pages() []*Page {
	r.pagesOnce.Do(func() { r.pages = r.listPages() })
	return r.pages
}

func (r *Renderer) listPages() []*Page {
	// The languages' lists are independent: made side by side.
	per := make([][]*Page, len(r.langs))
	var wg sync.WaitGroup
	for i, lang := range r.langs {
		wg.Go(func() { per[i] = r.langPages(lang) })
	}
	wg.Wait()
	var pages []*Page
	for _, p := range per {
		pages = append(pages, p...)
	}
	pages = append(pages,
		&Page{Path: "/", Kind: "chooser", Lang: r.langs[0], view: (*Renderer).chooserView},
		&Page{Path: "/404.html", Kind: "notfound", Lang: r.langs[0], view: func(r *Renderer) *View {
			v := r.baseView(r.langs[0], "notfound", "/404.html", r.locales[r.langs[0]].T("notfound_title"))
			v.Switch, v.Alternates = nil, nil
			return v
		}},
	)
	return pages
}

// Render renders every page on all cores and writes it, and the files
// that go with the pages (WriteExtras), to out.
func (r *Renderer) Render(out Output) (int, error) {
	pages := r.Pages()
	// The feeds, sitemap and search index take seconds on a large site
	// and need no page: they are written while the pages render.
	extras := make(chan error, 1)
	go func() { extras <- r.WriteExtras(out) }()
	err := r.RenderPages(pages, out)
	if xerr := <-extras; err == nil {
		err = xerr
	}
	if err != nil {
		return 0, err
	}
	return len(pages), nil
}

// RenderPages renders the given pages on all cores; see Options.Build
// for the pages it keeps instead.
func (r *Renderer) RenderPages(pages []*Page, out Output) error {
	if err := checkUnique(pages); err != nil {
		return err
	}
	keeper, _ := out.(Keeper)
	if r.build == "" {
		keeper = nil
	}
	work := make(chan *Page)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range work {
				var key string
				if keeper != nil {
					key = strconv.FormatUint(r.Fingerprint(p), 16) + " " + r.build
					if keeper.Keep(p.File(), key) {
						r.kept.Add(1)
						continue
					}
				}
				buf.Reset()
				var err error
				// The label splits a CPU profile (portal build --cpuprofile)
				// by page kind: go tool pprof -tags.
				pprof.Do(context.Background(), pprof.Labels("kind", p.Kind), func(context.Context) { err = r.RenderPage(&buf, p) })
				switch {
				case err != nil:
				case keeper != nil:
					err = keeper.WriteKeyed(p.File(), key, buf.Bytes())
				default:
					err = out.WriteFile(p.File(), buf.Bytes())
				}
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
	return firstErr
}

// Kept is how many pages were kept from a previous build instead of
// rendered (see Options.Build).
func (r *Renderer) Kept() int { return int(r.kept.Load()) }

// WriteExtras writes the files that accompany the pages: the project
// lists' JSON index for the JavaScript filter, the Atom feeds, the sitemap
// and robots.txt.
func (r *Renderer) WriteExtras(out Output) error {
	// Each language's files, and the sitemap, are made side by side: the
	// search index alone is most of a serve rebuild.
	errs := make([]error, len(r.langs)+1)
	var wg sync.WaitGroup
	for i, lang := range r.langs {
		wg.Go(func() { errs[i] = r.writeLangExtras(lang, out) })
	}
	wg.Go(func() {
		errs[len(r.langs)] = out.WriteFile("sitemap.xml", r.Sitemap())
		if errs[len(r.langs)] == nil {
			errs[len(r.langs)] = out.WriteFile("robots.txt", r.Robots())
		}
	})
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeLangExtras writes the list index, the feed and the search index of
// one language.
func (r *Renderer) writeLangExtras(lang string, out Output) error {
	p, data, err := r.ListIndex(lang)
	if err == nil {
		err = out.WriteFile(p, data)
	}
	if err == nil {
		err = out.WriteFile(FeedPath(lang)[1:], r.Feed(lang))
	}
	if err == nil {
		rt := Routes{Lang: lang, L: r.locales[lang]}
		build := search.Build
		if ix := r.indexes[lang]; ix != nil {
			build = ix.Build
		}
		_, err = build(lang, search.SiteDocs(r.site, lang, rt, r.locales[lang]), rt.Search()[1:], out)
	}
	return err
}

// RenderPage executes the template of one page.
func (r *Renderer) RenderPage(w *bytes.Buffer, p *Page) error {
	if err := r.tmpl[p.Kind].ExecuteTemplate(w, "base", p.view(r)); err != nil {
		return fmt.Errorf("layouts/%s.html: rendering %s: %w", p.Kind, p.Path, err)
	}
	return nil
}

// checkUnique catches two pages at one address, which would silently
// overwrite each other (a free page named like a section, a project slug
// equal to a filter word).
func checkUnique(pages []*Page) error {
	seen := map[string]*Page{}
	var errs []string
	for _, p := range pages {
		if q := seen[p.File()]; q != nil {
			errs = append(errs, fmt.Sprintf("duplicate address %s: used by a %s page and a %s page; rename one of them", p.Path, q.Kind, p.Kind))
			continue
		}
		seen[p.File()] = p
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// baseView fills what every page in lang has.
func (r *Renderer) baseView(lang, kind, p, title string) *View {
	l := r.locales[lang]
	v := &View{
		Lang: lang, L: l, R: Routes{Lang: lang, L: l}, Cfg: r.site.Config, Site: r.site,
		Kind: kind, Path: p, Title: title, ContentLang: lang, Asset: r.asset,
		Description: r.site.Config.Description[lang],
		shared:      r.tmpl["projects"],
		frags:       r.frags,
	}
	v.Canonical = r.site.Config.AbsURL(p)
	return v
}

// withAlternates sets hreflang alternates and the switcher from a function
// giving the page's path in each language and whether it is translated.
func (r *Renderer) withAlternates(v *View, pathIn func(lang string) (string, bool)) {
	for _, lang := range r.langs {
		p, translated := pathIn(lang)
		a := Alternate{Lang: lang, Name: r.locales[lang].T("language_name"), Path: p, URL: r.site.Config.AbsURL(p), Current: lang == v.Lang}
		v.Switch = append(v.Switch, a)
		if translated {
			v.Alternates = append(v.Alternates, a)
		}
	}
}

func (r *Renderer) chooserView() *View {
	v := r.baseView(r.langs[0], "chooser", "/", r.site.Config.Title[r.langs[0]])
	r.withAlternates(v, func(lang string) (string, bool) { return "/" + lang + "/", true })
	// The chooser is not a translation of the home pages; they name it
	// neither, and it names no alternates. It is in no language of its
	// own, so the switcher marks none as current: both are links.
	v.Alternates = nil
	for i := range v.Switch {
		v.Switch[i].Current = false
	}
	return v
}
