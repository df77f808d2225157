package content

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/transformace/portal/generator/config"
	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/l10n"
	"github.com/transformace/portal/generator/locale"
	"github.com/transformace/portal/generator/markdown"
)

// Options configure Load.
type Options struct {
	// Markdown renders bodies; required.
	Markdown *markdown.Renderer
	// Updated returns when a file (a path relative to the site folder) last
	// changed, typically from git history. When it is nil or reports false,
	// the file's modification time is used.
	Updated func(file string) (time.Time, bool)
	// Cache, when set, reuses the parse and rendered body of files that did
	// not change since the previous Load with the same Cache.
	Cache *Cache
	// Changed, when not nil and Cache is set, lists the files (slash
	// paths in the site folder, "content/projects/x.cs.md") that changed,
	// appeared or went away since the last Load with Cache that returned
	// no error; Load then reads only those and takes everything else from
	// that Load, without looking at the folder. A list it cannot use
	// that way (site.toml, a folder, a story, a file that is not content)
	// makes it read the whole folder, as without Changed.
	Changed []string
}

// Kinds of content that live in content/<kind>/<slug>.<lang>.md.
const (
	kindProjects = "projects"
	kindPartners = "partners"
	kindPages    = "pages"
)

var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a slug: lowercase ASCII letters, digits and
// single hyphens.
func ValidSlug(s string) bool { return slugRe.MatchString(s) }

// Ignored reports whether a file name is not content but an editor's
// backup, swap or temporary file ("._x", "_draft.md", "x.md~", ".x.swp",
// vim's "4913" probe, Emacs's ".#x.md" lock, JetBrains' "x.md___jb_tmp___"
// and "x.md___jb_old___" of its safe write).
func Ignored(name string) bool {
	if name == "" || name[0] == '.' || name[0] == '_' || name[0] == '#' {
		return true
	}
	for _, suf := range []string{"~", ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", ".crdownload", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	if strings.Trim(name, "0123456789") == "" {
		return true // vim writes and deletes a file named "4913" to probe a folder
	}
	return false
}

// rawFile is one Markdown file after its front matter was decoded.
type rawFile struct {
	file, slug, lang string
	fm               string
	m                map[string]any
	body             []byte
	bodyLine         int
	updated          time.Time
	cache            *cached // nil without Options.Cache
}

// Load reads and validates the site in fsys (a folder holding
// content/site.toml). It returns every problem at once as Errors; the Site
// is nil when there is any error.
func Load(fsys fs.FS, opts Options) (*Site, error) {
	p := &problems{}
	const siteFile = "content/site.toml"
	data, err := fs.ReadFile(fsys, siteFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Errors{Errorf(siteFile, 0, "not found: is this a portal folder? It must hold content/site.toml (see docs/editors.md)")}
		}
		return nil, Errors{Errorf(siteFile, 0, "cannot read: %v", err)}
	}
	saved := make(map[string]bool, len(opts.Changed))
	for _, f := range opts.Changed {
		saved[f] = true
	}
	newLoader := func(cfg *config.Site) *loader {
		return &loader{fsys: fsys, opts: opts, cfg: cfg, p: p, broken: map[string]bool{}, built: map[string]*memoEntry{}, siteData: data, saved: saved}
	}
	var m *memo
	if c := opts.Cache; c != nil {
		// The memo was made with the same site.toml (memoFor), which
		// needs no second look.
		if m = c.memoFor(data); m != nil && opts.Changed != nil {
			l := newLoader(m.site.Config)
			l.memo = m
			if s, ok, err := l.loadChanged(opts.Changed); ok {
				return s, err
			}
		}
	}
	cfg, err := config.Parse(siteFile, data)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			return nil, Errors{ErrorText(siteFile, ce.Line, ce.Text)}
		}
		return nil, Errors{ErrorText(siteFile, 0, l10n.Plain(err.Error()))}
	}
	if cfg.PublisherICO != "" {
		// The catalogue's publisher IRI is built from it.
		if err := CheckICO(cfg.PublisherICO); err != nil {
			return nil, Errors{Errorf(siteFile, config.KeyLine(string(data), "publisher_ico", 1), "%s: %s", "publisher_ico", l10n.Of(err))}
		}
	}
	if c := opts.Cache; c != nil {
		c.begin()
		defer c.end()
	}
	l := newLoader(cfg)
	l.memo = m
	if cfg.PublisherICO == "" {
		p.warnf(siteFile, 1, "publisher_ico is missing: without the publisher's IČO the open data catalogue for data.gov.cz (data/catalog.jsonld) is not written")
	}
	s := &Site{Config: cfg}
	l.checkTopLevel()
	raw := map[string]map[string]map[string]*rawFile{} // kind → slug → lang → file
	for _, kind := range []string{kindProjects, kindPartners, kindPages} {
		raw[kind] = l.readKind(kind, s)
	}
	rawStories, storyImages := l.readStories(s)
	s.Indicators = l.readIndicators(s)
	s.IndicatorByID = map[string]*indicator.Indicator{}
	for _, ind := range s.Indicators {
		s.IndicatorByID[ind.ID] = ind
	}

	var jobs []renderJob
	for _, slug := range sortedKeys(raw[kindProjects]) {
		if pr := entryOf(l, kindProjects, slug, raw[kindProjects][slug], &jobs, l.project); pr != nil {
			s.Projects = append(s.Projects, pr)
		}
	}
	for _, slug := range sortedKeys(raw[kindPartners]) {
		if pa := entryOf(l, kindPartners, slug, raw[kindPartners][slug], &jobs, l.partner); pa != nil {
			s.Partners = append(s.Partners, pa)
		}
	}
	for _, slug := range sortedKeys(raw[kindPages]) {
		if pg := entryOf(l, kindPages, slug, raw[kindPages][slug], &jobs, l.page); pg != nil {
			s.Pages = append(s.Pages, pg)
		}
	}
	for _, slug := range sortedKeys(rawStories) {
		if st := l.story(slug, rawStories[slug], storyImages[slug], &jobs); st != nil {
			s.Stories = append(s.Stories, st)
			l.fresh = append(l.fresh, &st.Entry)
		}
	}
	l.renderBodies(jobs)
	for _, st := range s.Stories {
		l.checkStoryImages(st, storyImages[st.Slug])
	}
	for _, e := range l.fresh {
		l.finish(e)
	}
	return l.done(s, nil)
}

// done links the entries of s, checks what depends on more than one of
// them, and returns s, or every error found. A Cache remembers a Site
// that has none for the next Load (incremental.go); warns are the
// warnings of the files that this Load did not read (Options.Changed).
func (l *loader) done(s *Site, warns Errors) (*Site, error) {
	p := l.p
	own := slices.Concat(warns, p.warns)
	l.link(s)
	p.warns = slices.Concat(warns, p.warns)
	p.errs.sort()
	p.warns.sort()
	s.Warnings = p.warns
	if !sort.StringsAreSorted(s.Files) {
		sort.Strings(s.Files)
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	if c := l.opts.Cache; c != nil {
		c.remember(l, s, own)
	}
	return s, nil
}

// finish gives an entry built by this Load a text in every language:
// languages without a file show the default text, marked so that pages
// can say "not translated yet" and set lang on it. Copied after
// rendering so the copy has the body.
func (l *loader) finish(e *Entry) {
	def := l.cfg.DefaultLanguage()
	base := e.Texts[def]
	for _, lang := range l.cfg.Languages {
		t := e.Texts[lang]
		if t == nil {
			fb := *base
			fb.Fallback = true
			e.Texts[lang] = &fb
			continue
		}
		if lang != def {
			inheritText(t, base)
		}
	}
}

type loader struct {
	fsys fs.FS
	opts Options
	cfg  *config.Site
	p    *problems
	mu   sync.Mutex
	// broken holds "kind/slug" of entries and "indicators/id" of indicators
	// that exist but could not be read; their error is already reported,
	// so a missing default file or a reference to them is not reported again.
	broken map[string]bool
	// memo is what the last Load with the Cache made, when it can be
	// reused (incremental.go); built are the entries this Load built by
	// "kind/slug", with their files, for the next; fresh are those
	// entries, to be finished after their bodies are rendered.
	memo  *memo
	built map[string]*memoEntry
	fresh []*Entry
	// siteData is content/site.toml; indicatorNames the file names in
	// content/indicators; gone, set by loadChanged, the entries it found
	// deleted: all for the memo.
	siteData       []byte
	indicatorNames map[string]bool
	gone           map[string]bool
	// saved are the files of Options.Changed: they are read again
	// whatever their size and time say, since a save within one tick of
	// the file system's clock (a formatter writing a file twice) keeps
	// both.
	saved map[string]bool
	// linkWarns are the warnings of link by "kind/slug" of the project
	// or indicator they are about (relink).
	linkWarns map[string]Errors
}

// checkTopLevel warns about folders in content/ that nothing reads, which
// are usually a misspelt "projects".
func (l *loader) checkTopLevel() {
	entries, err := fs.ReadDir(l.fsys, "content")
	if err != nil {
		l.p.errorf("content", 0, "cannot read: %v", err)
		return
	}
	known := []string{kindProjects, kindPartners, kindPages, "indicators", "stories", "site.toml"}
	for _, e := range entries {
		if Ignored(e.Name()) {
			continue
		}
		if !contains(known, e.Name()) {
			// An error, not a warning: a misspelt "projekty/" would otherwise
			// publish a portal without projects. Drafts go in "_name/".
			if c := closest(e.Name(), known); c != "" {
				l.p.errorf("content/"+e.Name(), 0, "is not read by the portal; did you mean %q? (a folder whose name starts with _ is ignored)", c)
			} else {
				l.p.errorf("content/"+e.Name(), 0, "is not read by the portal; content lives in %s/ (a folder whose name starts with _ is ignored)", strings.Join(known[:5], "/, "))
			}
		}
	}
}

func (l *loader) updated(file string) time.Time {
	if l.opts.Updated != nil {
		if t, ok := l.opts.Updated(file); ok {
			return t
		}
	}
	if fi, err := fs.Stat(l.fsys, file); err == nil {
		return fi.ModTime()
	}
	return time.Time{}
}

// readKind reads content/<kind>/*.md, grouped by slug and language.
func (l *loader) readKind(kind string, s *Site) map[string]map[string]*rawFile {
	out := map[string]map[string]*rawFile{}
	var found []foundFile
	dir := "content/" + kind
	entries, err := fs.ReadDir(l.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out
	}
	if err != nil {
		l.p.errorf(dir, 0, "cannot read: %v", err)
		return out
	}
	for _, e := range entries {
		name := e.Name()
		file := dir + "/" + name
		if Ignored(name) {
			continue
		}
		if e.IsDir() {
			l.p.warnf(file, 0, "folders inside %s/ are not read", dir)
			continue
		}
		if !strings.HasSuffix(name, ".md") {
			// "x.cs.txt" → "x.cs.md", "x.txt" → "x.cs.md"
			stem := strings.TrimSuffix(name, path.Ext(name))
			if !l.cfg.HasLanguage(strings.TrimPrefix(path.Ext(stem), ".")) {
				stem += "." + l.cfg.DefaultLanguage()
			}
			l.p.warnf(file, 0, "is not read: content files end in .<language>.md, e.g. %s/%s.md", dir, stem)
			continue
		}
		stem := strings.TrimSuffix(name, ".md")
		dot := strings.LastIndexByte(stem, '.')
		if dot < 0 {
			l.p.errorf(file, 0, "the file name must say its language: %s.%s.md", stem, l.cfg.DefaultLanguage())
			continue
		}
		slug, lang := stem[:dot], stem[dot+1:]
		if !l.cfg.HasLanguage(lang) {
			l.p.errorf(file, 0, "language %q is not one of the site's languages (%s in content/site.toml)", lang, strings.Join(l.cfg.Languages, ", "))
			continue
		}
		if !ValidSlug(slug) {
			l.p.errorf(file, 0, "%q is not a valid slug: use lowercase letters without diacritics, digits and hyphens, e.g. %q", slug, locale.Slugify(slug))
			continue
		}
		found = append(found, foundFile{file, slug, lang})
	}
	files := make([]string, len(found))
	for i, f := range found {
		files[i] = f.file
	}
	for i, rf := range l.readFiles(files) {
		f := found[i]
		if rf == nil {
			if f.lang == l.cfg.DefaultLanguage() {
				l.broken[kind+"/"+f.slug] = true
			}
			continue
		}
		rf.slug, rf.lang = f.slug, f.lang
		if out[f.slug] == nil {
			out[f.slug] = map[string]*rawFile{}
		}
		out[f.slug][f.lang] = rf
		s.Files = append(s.Files, f.file)
	}
	return out
}

// foundFile is a content file whose name is valid, before it is read.
type foundFile struct{ file, slug, lang string }

// readFiles reads and parses files on all cores (reading and decoding
// front matter of 20 000 cards is seconds of work); the result is in the
// order of files, nil for a file that could not be read.
func (l *loader) readFiles(files []string) []*rawFile {
	out := make([]*rawFile, len(files))
	parallelFor(len(files), func(i int) { out[i] = l.readFile(files[i]) })
	return out
}

// parallelFor calls fn(0) … fn(n-1) on all cores and returns when all
// have returned.
func parallelFor(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

func (l *loader) readFile(file string) *rawFile {
	var fi fs.FileInfo
	if c := l.opts.Cache; c != nil {
		var hit *cached
		if hit, fi = c.lookup(l.fsys, file); hit != nil && !l.saved[file] {
			// Its date too: an unchanged file's date does not change
			// (git history is read once), and asking costs a stat.
			rf := hit.raw
			rf.cache = hit
			return &rf
		}
	}
	rf := l.parseFile(file)
	if rf != nil && fi != nil {
		rf.cache = l.opts.Cache.store(file, fi, rf)
	}
	return rf
}

func (l *loader) parseFile(file string) *rawFile {
	// Files are parsed in parallel (readFiles): problems are added under l.mu.
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.mu.Lock()
		l.p.errorf(file, 0, "cannot read: %v", err)
		l.mu.Unlock()
		return nil
	}
	fm, body, bodyLine, err := splitFrontMatter(data)
	if err != nil {
		e := err.(*Error)
		e.File = file
		l.mu.Lock()
		l.p.errs = append(l.p.errs, e)
		l.mu.Unlock()
		return nil
	}
	m := map[string]any{}
	if _, e := decodeFrontMatter(file, fm, &m); e != nil {
		l.mu.Lock()
		l.p.errs = append(l.p.errs, e)
		l.mu.Unlock()
		return nil
	}
	return &rawFile{file: file, fm: fm, m: m, body: body, bodyLine: bodyLine, updated: l.updated(file)}
}

// textKeys are written per language; every other key is language-neutral
// and belongs in the default language's file only.
var textKeys = map[string]bool{
	"title": true, "summary": true, "slug": true,
	"territory": true, "plan": true, "priority": true, "goal": true, "cover_alt": true, "credit": true,
}

// entry builds the per-language texts of one slug and checks that
// translations do not contradict the default language's neutral fields.
// It returns the default-language fields reader, or nil when the default
// file is missing.
func (l *loader) entry(kind, slug string, files map[string]*rawFile, e *Entry, known []string, jobs *[]renderJob) *fields {
	def := l.cfg.DefaultLanguage()
	base := files[def]
	if base == nil {
		if l.broken[kind+"/"+slug] {
			return nil // the default file exists; its error is reported
		}
		for _, lang := range l.cfg.Languages {
			if f := files[lang]; f != nil {
				l.p.errorf(f.file, 1, "there is no %s file content/%s/%s.%s.md: every page is written in the default language first, and its translations only add title, summary and text", def, kind, slug, def)
				break
			}
		}
		return nil
	}
	e.Slug = slug
	e.Texts = map[string]*Text{}
	var baseFields *fields
	for _, lang := range l.cfg.Languages {
		rf := files[lang]
		if rf == nil {
			continue
		}
		if rf.updated.After(e.Updated) {
			e.Updated = rf.updated
		}
		f := &fields{file: rf.file, fm: rf.fm, m: rf.m, used: map[string]bool{}, p: l.p}
		t := &Text{Lang: lang, File: rf.file}
		nerrs := len(l.p.errs)
		t.Title = f.str("title")
		if t.Title == "" && len(l.p.errs) == nerrs {
			l.p.errorf(rf.file, keyLine(rf.fm, "title"), "title is missing: add title = \"…\" to the front matter")
		}
		t.Summary = f.str("summary")
		if kind == kindPages {
			// Only free pages have a per-language address; elsewhere slug is
			// an unknown field.
			t.URLSlug = f.str("slug")
			if t.URLSlug != "" && !ValidSlug(t.URLSlug) {
				f.bad("slug", "%q is not a valid URL segment: use lowercase letters without diacritics, digits and hyphens, e.g. %q", t.URLSlug, locale.Slugify(t.URLSlug))
				t.URLSlug = ""
			}
		}
		if kind == kindProjects {
			t.Territory, t.Plan, t.Priority, t.Goal = f.str("territory"), f.str("plan"), f.str("priority"), f.str("goal")
		}
		if kind == kindStories {
			t.CoverAlt = f.str("cover_alt")
			t.Credit = f.str("credit")
		}
		e.Texts[lang] = t
		*jobs = append(*jobs, renderJob{text: t, body: rf.body, bodyLine: rf.bodyLine, lang: lang, cache: rf.cache})
		if lang == def {
			baseFields = f
			continue
		}
		// A translation inherits neutral fields; stating one differently is
		// a contradiction that only a person can resolve.
		for _, k := range sortedKeys(rf.m) {
			if textKeys[k] || !contains(known, k) {
				continue // text, or a typo that unknown reports
			}
			f.used[k] = true
			bv, ok := base.m[k]
			if !ok {
				l.p.errorf(rf.file, keyLine(rf.fm, k), "%s is a language-neutral field: write it once in %s, not in the translation", k, base.file)
				continue
			}
			if !sameValue(bv, rf.m[k]) {
				l.p.errorf(rf.file, keyLine(rf.fm, k), "%s = %s contradicts %s:%d (%s); language-neutral fields are written once, in the %s file: delete it here", k, tomlValue(rf.m[k]), base.file, keyLine(base.fm, k), tomlValue(bv), def)
			}
		}
		f.unknown(known)
	}
	return baseFields
}

func (l *loader) project(slug string, files map[string]*rawFile, jobs *[]renderJob) *Project {
	known := []string{"title", "summary", "region", "territory", "status", "start", "end", "budget_czk", "eu_funding_czk", "fund", "plan", "priority", "goal", "carrier", "partners", "indicators", "tags"}
	pr := &Project{}
	f := l.entry(kindProjects, slug, files, &pr.Entry, known, jobs)
	if f == nil {
		return nil
	}
	if pr.Texts[l.cfg.DefaultLanguage()].Summary == "" {
		l.p.errorf(f.file, keyLine(f.fm, "title"), "summary is missing: add one or two sentences as summary = \"…\"")
	}
	nerrs := len(l.p.errs)
	pr.Regions = f.list("region")
	if len(pr.Regions) == 0 && len(l.p.errs) == nerrs { // not when list already said what is wrong
		l.p.errorf(f.file, keyLine(f.fm, "region"), "region is missing: add region = \"…\" with one of %s", strings.Join(Regions, ", "))
	}
	for _, r := range pr.Regions {
		if !contains(Regions, r) {
			f.bad("region", "unknown region %q%s; regions are %s", r, didYouMean(r, Regions), strings.Join(Regions, ", "))
		}
	}
	nerrs = len(l.p.errs)
	pr.Status = f.str("status")
	switch {
	case len(l.p.errs) > nerrs: // str said what is wrong
	case pr.Status == "":
		l.p.errorf(f.file, keyLine(f.fm, "status"), "status is missing: add status = \"…\" with one of %s", strings.Join(Statuses, ", "))
	case !contains(Statuses, pr.Status):
		f.bad("status", "unknown status %q%s; statuses are %s", pr.Status, didYouMean(pr.Status, Statuses), strings.Join(Statuses, ", "))
	}
	pr.Start, pr.End = f.period("start"), f.period("end")
	if !pr.Start.IsZero() && !pr.End.IsZero() && !pr.Start.Before(pr.End) {
		f.bad("end", "the project ends (%s) before it starts (%s)", pr.End, pr.Start)
	}
	pr.BudgetCZK = f.money("budget_czk")
	pr.EUFundingCZK = f.money("eu_funding_czk")
	if pr.BudgetCZK > 0 && pr.EUFundingCZK > pr.BudgetCZK {
		f.bad("eu_funding_czk", "the EU part (%d) is larger than the whole budget_czk (%d)", pr.EUFundingCZK, pr.BudgetCZK)
	}
	pr.Fund = f.str("fund")
	pr.Carrier = f.str("carrier")
	pr.Partners = f.list("partners")
	pr.Indicators = f.list("indicators")
	pr.Tags = f.list("tags")
	f.unknown(known)
	return pr
}

func (l *loader) partner(slug string, files map[string]*rawFile, jobs *[]renderJob) *Partner {
	known := []string{"title", "summary", "kind", "ico", "website", "region"}
	pa := &Partner{}
	f := l.entry(kindPartners, slug, files, &pa.Entry, known, jobs)
	if f == nil {
		return nil
	}
	pa.Kind = f.str("kind")
	if pa.Kind != "" && !contains(PartnerKinds, pa.Kind) {
		f.bad("kind", "unknown kind %q%s; kinds are %s", pa.Kind, didYouMean(pa.Kind, PartnerKinds), strings.Join(PartnerKinds, ", "))
	}
	f.used["ico"] = true
	switch v := f.m["ico"].(type) {
	case nil:
	case int64:
		// Written without quotes, an IČO loses its leading zeros.
		pa.ICO = fmt.Sprintf("%08d", v)
	case string:
		pa.ICO = strings.ReplaceAll(strings.TrimSpace(v), " ", "")
	default:
		f.bad("ico", "expected the IČO in quotes, e.g. ico = \"70891168\", found %s", describe(v))
	}
	if pa.ICO != "" {
		if err := CheckICO(pa.ICO); err != nil {
			f.bad("ico", "%v", err)
		}
	}
	pa.Website = f.str("website")
	if pa.Website != "" && !strings.HasPrefix(pa.Website, "https://") && !strings.HasPrefix(pa.Website, "http://") {
		f.bad("website", "%q must be a full address starting with https://", pa.Website)
	}
	pa.Region = f.str("region")
	if pa.Region != "" && !contains(Regions, pa.Region) {
		f.bad("region", "unknown region %q%s; regions are %s", pa.Region, didYouMean(pa.Region, Regions), strings.Join(Regions, ", "))
	}
	f.unknown(known)
	return pa
}

func (l *loader) page(slug string, files map[string]*rawFile, jobs *[]renderJob) *Page {
	known := []string{"title", "summary", "slug"}
	pg := &Page{}
	f := l.entry(kindPages, slug, files, &pg.Entry, known, jobs)
	if f == nil {
		return nil
	}
	f.unknown(known)
	return pg
}

// inheritText fills the text fields a translation left out with the
// default language's, so an English card still names its strategy.
func inheritText(t, base *Text) {
	for _, f := range []struct {
		name string
		dst  *string
		src  string
	}{
		{"summary", &t.Summary, base.Summary},
		{"territory", &t.Territory, base.Territory},
		{"plan", &t.Plan, base.Plan},
		{"priority", &t.Priority, base.Priority},
		{"goal", &t.Goal, base.Goal},
		{"cover_alt", &t.CoverAlt, base.CoverAlt},
		{"credit", &t.Credit, base.Credit},
	} {
		if *f.dst == "" && f.src != "" {
			*f.dst = f.src
			if t.Inherited == nil {
				t.Inherited = map[string]bool{}
			}
			t.Inherited[f.name] = true
		}
	}
}

// CheckICO checks a Czech company identification number: eight digits, the
// last a mod-11 check digit over the first seven with weights 8…2.
func CheckICO(ico string) error {
	switch {
	case strings.Trim(ico, "0123456789") != "" || ico == "":
		return l10n.Errorf("IČO %q must be exactly 8 digits, nothing else", ico)
	case len(ico) < 8:
		return l10n.Errorf("IČO %q must be exactly 8 digits (add leading zeros: %q)", ico, strings.Repeat("0", 8-len(ico))+ico)
	case len(ico) > 8:
		return l10n.Errorf("IČO %q must be exactly 8 digits, not %d", ico, len(ico))
	}
	sum := 0
	for i := range 7 {
		sum += int(ico[i]-'0') * (8 - i)
	}
	want := (11 - sum%11) % 10
	if got := int(ico[7] - '0'); got != want {
		return l10n.Errorf("IČO %s is not valid: its check digit should be %d, not %d (a typo?)", ico, want, got)
	}
	return nil
}

// link checks references between entries and indexes who refers to whom.
func (l *loader) link(s *Site) {
	s.PartnerBySlug = make(map[string]*Partner, len(s.Partners))
	s.PageBySlug = make(map[string]*Page, len(s.Pages))
	for _, pa := range s.Partners {
		s.PartnerBySlug[pa.Slug] = pa
	}
	for _, pg := range s.Pages {
		s.PageBySlug[pg.Slug] = pg
	}
	l.linkWarns = map[string]Errors{}
	if !l.relink(s) {
		s.ProjectBySlug = make(map[string]*Project, len(s.Projects))
		s.ProjectsOf = make(map[string][]*Project, len(s.Partners))
		s.ProjectsWithInd = make(map[string][]*Project, len(s.Indicators))
		for _, pr := range s.Projects {
			s.ProjectBySlug[pr.Slug] = pr
		}
		for _, pr := range s.Projects {
			l.linkProject(s, pr, true)
		}
		for _, ind := range s.Indicators {
			if len(s.ProjectsWithInd[ind.ID]) == 0 {
				l.p.warnf(ind.MetaFile, 0, "no project lists indicator %q in its indicators", ind.ID)
				l.linkWarns["indicators/"+ind.ID] = Errors{l.p.warns[len(l.p.warns)-1]}
			}
		}
	}
	// Free pages are addressed by their per-language URL slug: two pages
	// with the same address in one language would overwrite each other.
	for _, lang := range l.cfg.Languages {
		seen := map[string]*Text{}
		for _, pg := range s.Pages {
			t := pg.Texts[lang]
			u := pg.URLSlug(lang)
			if prev := seen[u]; prev != nil {
				l.p.errorf(t.File, keyLine(l.fmOf(t.File), "slug"), "duplicate slug: the page address /%s/%s/ is already used by %s", lang, u, prev.File)
				continue
			}
			seen[u] = t
		}
	}
}

// linkProject checks the references of one project and, with index,
// adds it to the lists of who refers to whom. Its warnings are kept by
// its slug in linkWarns, for a Load that does not check it again.
func (l *loader) linkProject(s *Site, pr *Project, index bool) {
	nwarns := len(l.p.warns)
	defer func() {
		if len(l.p.warns) > nwarns {
			l.linkWarns[kindProjects+"/"+pr.Slug] = slices.Clone(l.p.warns[nwarns:])
		}
	}()
	def := l.cfg.DefaultLanguage()
	// The known slugs and ids are sorted only for the message of an
	// error: a Load of 10 000 projects has no time for it otherwise.
	partnerSlugs := func() []string { return sortedKeys(s.PartnerBySlug) }
	indIDs := func() []string { return sortedKeys(s.IndicatorByID) }
	file := pr.Texts[def].File
	// Read again only for the line of an error or warning: a Load of
	// 10 000 projects would otherwise read every card twice.
	fm := func() string { return l.fmOf(file) }
	if pr.Carrier != "" && !l.isBroken(kindPartners, pr.Carrier) {
		if s.PartnerBySlug[pr.Carrier] == nil {
			l.p.errorf(file, keyLine(fm(), "carrier"), "carrier %q is not a partner%s: add content/partners/%s.%s.md or correct the slug", pr.Carrier, didYouMean(pr.Carrier, partnerSlugs()), pr.Carrier, def)
		} else if index {
			s.ProjectsOf[pr.Carrier] = append(s.ProjectsOf[pr.Carrier], pr)
		}
	}
	for i, ps := range pr.Partners {
		if l.isBroken(kindPartners, ps) {
			continue
		}
		if s.PartnerBySlug[ps] == nil {
			l.p.errorf(file, keyLine(fm(), "partners"), "partner %q does not exist%s: add content/partners/%s.%s.md or correct the slug", ps, didYouMean(ps, partnerSlugs()), ps, def)
			continue
		}
		// A project has a few partners: a map per project would cost
		// more than looking back.
		if ps == pr.Carrier || slices.Contains(pr.Partners[:i], ps) {
			l.p.warnf(file, keyLine(fm(), "partners"), "partner %q is listed twice (or is also the carrier)", ps)
			continue
		}
		if index {
			s.ProjectsOf[ps] = append(s.ProjectsOf[ps], pr)
		}
	}
	for _, id := range pr.Indicators {
		if l.isBroken("indicators", id) {
			continue
		}
		if s.IndicatorByID[id] == nil {
			l.p.errorf(file, keyLine(fm(), "indicators"), "indicator %q does not exist%s: add content/indicators/%s.toml and .csv or correct the id", id, didYouMean(id, indIDs()), id)
			continue
		}
		if index {
			s.ProjectsWithInd[id] = append(s.ProjectsWithInd[id], pr)
		}
	}
}

// relink is link after a Load that took the memo's site over but for a
// few projects, none of which changed what it refers to, and with the
// same partners, indicators and projects by slug: the memo's lists of
// who refers to whom with the changed projects in them, its warnings but
// the changed projects', which are checked again. It reports false, having
// done nothing, when the site is not such.
func (l *loader) relink(s *Site) bool {
	if l.gone == nil || len(l.broken) > 0 {
		return false // a full Load, or a reference may be to a broken file
	}
	old := l.memo.site
	if len(old.Projects) != len(s.Projects) || len(old.IndicatorByID) != len(s.IndicatorByID) || len(old.PartnerBySlug) != len(s.PartnerBySlug) {
		return false
	}
	for id := range s.IndicatorByID {
		if old.IndicatorByID[id] == nil {
			return false
		}
	}
	for slug := range s.PartnerBySlug {
		if old.PartnerBySlug[slug] == nil {
			return false
		}
	}
	var changed []int
	for i, pr := range s.Projects {
		o := old.Projects[i]
		if o == pr {
			continue
		}
		if o.Slug != pr.Slug || o.Carrier != pr.Carrier || !slices.Equal(o.Partners, pr.Partners) || !slices.Equal(o.Indicators, pr.Indicators) {
			return false
		}
		changed = append(changed, i)
	}
	s.ProjectBySlug = maps.Clone(old.ProjectBySlug)
	s.ProjectsOf = maps.Clone(old.ProjectsOf)
	s.ProjectsWithInd = maps.Clone(old.ProjectsWithInd)
	// The lists that hold a changed project get it in the old one's place.
	replace := func(lists map[string][]*Project, key string, o, pr *Project) {
		list := slices.Clone(lists[key])
		if i := slices.Index(list, o); i >= 0 {
			list[i] = pr
			lists[key] = list
		}
	}
	checked := map[string]bool{}
	for _, i := range changed {
		o, pr := old.Projects[i], s.Projects[i]
		s.ProjectBySlug[pr.Slug] = pr
		for _, ps := range append([]string{pr.Carrier}, pr.Partners...) {
			replace(s.ProjectsOf, ps, o, pr)
		}
		for _, id := range pr.Indicators {
			replace(s.ProjectsWithInd, id, o, pr)
		}
		l.linkProject(s, pr, false)
		checked[kindProjects+"/"+pr.Slug] = true
	}
	for k, ws := range l.memo.linkWarns {
		if !checked[k] {
			l.p.warns = append(l.p.warns, ws...)
			l.linkWarns[k] = ws
		}
	}
	return true
}

// isBroken reports whether the entry or indicator exists but could not
// be read (loader.broken); without a key built when none is.
func (l *loader) isBroken(kind, slug string) bool {
	return len(l.broken) > 0 && l.broken[kind+"/"+slug]
}

// URLSlug is the page's address segment in lang: its slug field, or the
// file's slug.
func (pg *Page) URLSlug(lang string) string {
	if t := pg.Texts[lang]; t != nil && t.URLSlug != "" {
		return t.URLSlug
	}
	return pg.Slug
}

// fmOf re-reads the front matter of a file for error line numbers; only
// called on the error path and for references, so it is cheap enough.
func (l *loader) fmOf(file string) string {
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		return ""
	}
	fm, _, _, _ := splitFrontMatter(data)
	return fm
}

func (l *loader) readIndicators(s *Site) []*indicator.Indicator {
	dir := "content/indicators"
	entries, err := fs.ReadDir(l.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.p.errorf(dir, 0, "cannot read: %v", err)
		return nil
	}
	have := map[string]bool{}
	for _, e := range entries {
		if !Ignored(e.Name()) {
			have[e.Name()] = true
		}
	}
	l.indicatorNames = have
	var ids []string
	for _, name := range sortedKeys(have) {
		ext := path.Ext(name)
		id := strings.TrimSuffix(name, ext)
		switch ext {
		case ".toml":
		case ".csv":
			if !have[id+".toml"] {
				l.p.errorf(dir+"/"+name, 0, "has no metadata: add %s/%s.toml with its title, unit and source", dir, id)
			}
			continue
		default:
			l.p.warnf(dir+"/"+name, 0, "is not read: indicators are pairs of <id>.toml and <id>.csv")
			continue
		}
		if !ValidSlug(id) {
			l.p.errorf(dir+"/"+name, 0, "%q is not a valid indicator id: use lowercase letters without diacritics, digits and hyphens", id)
			continue
		}
		ids = append(ids, id)
	}
	out := l.indicators(ids, have)
	for _, ind := range out {
		s.Files = append(s.Files, ind.MetaFile, ind.DataFile)
	}
	return out
}

// indicators reads and parses the indicators ids, in that order, whose
// files are those in have (names in content/indicators); those with a
// problem are reported and left out.
func (l *loader) indicators(ids []string, have map[string]bool) []*indicator.Indicator {
	dir := "content/indicators"
	// Reading and parsing thousands of CSV files is parallel; what it
	// found is reported in file order below.
	type parsed struct {
		ind      *indicator.Indicator
		readFile string // the file that could not be read, with readErr
		readErr  error
		parseErr error // of the metadata or the CSV
	}
	results := make([]parsed, len(ids))
	parallelFor(len(ids), func(i int) {
		id, r := ids[i], &results[i]
		ind := &indicator.Indicator{ID: id, MetaFile: dir + "/" + id + ".toml", DataFile: dir + "/" + id + ".csv"}
		r.ind = ind
		var stamp string
		if c := l.opts.Cache; c != nil && have[id+".csv"] {
			// Parsing is most of a serve Load of a site with thousands
			// of indicators; unchanged files need none.
			stamp = indicatorStamp(l.fsys, ind, l.cfg.Languages)
			if !l.saved[ind.MetaFile] && !l.saved[ind.DataFile] && c.indicator(stamp, ind) {
				return
			}
			defer func() {
				if r.readErr == nil && r.parseErr == nil {
					c.storeIndicator(stamp, ind)
				}
			}()
		}
		meta, err := fs.ReadFile(l.fsys, ind.MetaFile)
		if err != nil {
			r.readFile, r.readErr = ind.MetaFile, err
			return
		}
		if ind.Meta, r.parseErr = indicator.ParseMeta(ind.MetaFile, meta, l.cfg.Languages); r.parseErr != nil {
			return
		}
		if !have[id+".csv"] {
			return
		}
		data, err := fs.ReadFile(l.fsys, ind.DataFile)
		if err != nil {
			r.readFile, r.readErr = ind.DataFile, err
			return
		}
		ind.Series, ind.Rows, r.parseErr = indicator.ParseCSV(ind.DataFile, data)
	})
	var out []*indicator.Indicator
	for i, r := range results {
		ind, id := r.ind, ids[i]
		switch {
		case r.readErr != nil:
			l.p.errorf(r.readFile, 0, "cannot read: %v", r.readErr)
			continue
		case r.parseErr != nil:
			l.addIndicatorError(r.parseErr)
			l.broken["indicators/"+id] = true
			continue
		case !have[id+".csv"]:
			l.p.errorf(ind.MetaFile, 0, "has no data: add %s the CSV file with its time series", ind.DataFile)
			continue
		}
		ind.Updated = l.updated(ind.MetaFile)
		if t := l.updated(ind.DataFile); t.After(ind.Updated) {
			ind.Updated = t
		}
		out = append(out, ind)
	}
	return out
}

func (l *loader) addIndicatorError(err error) {
	var ie *indicator.Error
	if errors.As(err, &ie) {
		if ie.Column > 0 {
			l.p.errorf(ie.File, ie.Line, "column %d: %s", ie.Column, ie.Text)
		} else {
			l.p.errorf(ie.File, ie.Line, "%s", ie.Text)
		}
		return
	}
	l.p.errorf("content/indicators", 0, "%v", err)
}

type renderJob struct {
	text     *Text
	body     []byte
	bodyLine int
	lang     string
	cache    *cached
}

// renderBodies renders every Markdown body on all cores. Fallback texts are
// copies made before rendering, so they are fixed up afterwards.
func (l *loader) renderBodies(jobs []renderJob) {
	if l.opts.Markdown == nil {
		return
	}
	work := make(chan renderJob)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				var res markdown.Result
				if j.cache != nil && j.cache.res != nil {
					res = *j.cache.res
				} else {
					var err error
					if res, err = l.opts.Markdown.Render(j.body, j.lang); err != nil {
						l.mu.Lock()
						l.p.errorf(j.text.File, j.bodyLine, "cannot render Markdown: %v", err)
						l.mu.Unlock()
						continue
					}
					if j.cache != nil {
						// One job per file: no other goroutine touches this entry.
						j.cache.res = &res
					}
				}
				j.text.Body, j.text.BodyText, j.text.Headings = res.HTML, res.Text, res.Headings
				// A copy: the cached result must keep body-relative lines.
				j.text.Images = append([]markdown.Image(nil), res.Images...)
				for i := range j.text.Images {
					j.text.Images[i].Line += j.bodyLine - 1
				}
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
}

func sameValue(a, b any) bool {
	// region = "x" and region = ["x"] say the same.
	if as, ok := a.(string); ok {
		if bl, ok := b.([]any); ok && len(bl) == 1 {
			return bl[0] == as
		}
	}
	if bs, ok := b.(string); ok {
		if al, ok := a.([]any); ok && len(al) == 1 {
			return al[0] == bs
		}
	}
	return reflect.DeepEqual(a, b)
}

func tomlValue(v any) string {
	var b strings.Builder
	if err := toml.NewEncoder(&b).Encode(map[string]any{"v": v}); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(strings.TrimPrefix(b.String(), "v = "))
}

func didYouMean(s string, known []string) l10n.Text {
	if c := closest(s, known); c != "" {
		return l10n.New(" (did you mean %q?)", c)
	}
	return l10n.Text{}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
