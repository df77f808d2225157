package content

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/transformace/portal/generator/indicator"
)

// A Load with a Cache remembers the Site it returned (a memo), so that the
// next one can start from it.
//
// Every Load reuses the entries (projects, partners, free pages) whose
// files are the very files the memo's entries were built from, unchanged:
// an entry depends on nothing but its own files and site.toml, so it would
// be built the same. The entry is then the same pointer as before, which
// tells render which entries changed (render.Options.Prev).
//
// A Load told which files changed (Options.Changed) does not even list the
// folders: it reads the changed files, builds their entries and
// indicators again, and takes everything else from the memo. What depends
// on several entries (references, who carries what, duplicate addresses,
// indicators nobody lists) is checked again over the whole site, as a
// full Load does; it is a pass over pointers and maps, not files. On
// portal serve with 10 000 projects that makes a Load after one save a
// few milliseconds instead of a quarter of a second.

// memo is what the last Load with a Cache that returned no error made.
type memo struct {
	siteData []byte // content/site.toml as that Load read it
	site     *Site
	// entries are its projects, partners and free pages by "kind/slug".
	entries map[string]*memoEntry
	// warns are its warnings but those of link, which are found again.
	warns Errors
	// indicators are the names of the files in content/indicators.
	indicators map[string]bool
	// linkWarns are the warnings of link by what they are about.
	linkWarns map[string]Errors
}

// memoEntry is an entry with the files it was built from.
type memoEntry struct {
	files map[string]*cached // language → file
	entry any                // *Project, *Partner or *Page
}

// memoFor returns the memo when it was made with the same site.toml.
func (c *Cache) memoFor(siteData []byte) *memo {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.memo == nil || !bytes.Equal(c.memo.siteData, siteData) {
		return nil
	}
	return c.memo
}

// remember keeps s, which l made without errors, as the memo; own are
// its warnings but those of link.
func (c *Cache) remember(l *loader, s *Site, own Errors) {
	m := &memo{site: s, warns: own, entries: l.built, indicators: l.indicatorNames, siteData: l.siteData, linkWarns: l.linkWarns}
	if l.gone != nil { // loadChanged
		// The entries it took over without looking at them, with those it
		// read: the old memo's map, changed in place (a copy would be a
		// pass over every entry; nothing else reads it).
		m.entries = l.memo.entries
		maps.Copy(m.entries, l.built)
		for k := range l.gone {
			delete(m.entries, k)
		}
		if m.indicators == nil {
			m.indicators = l.memo.indicators
		}
	}
	c.mu.Lock()
	c.memo = m
	c.mu.Unlock()
}

// entryOf returns the entry of kind and slug made of files: the memo's,
// when it was made of the same files, or one built by build.
func entryOf[E any](l *loader, kind, slug string, files map[string]*rawFile, jobs *[]renderJob, build func(string, map[string]*rawFile, *[]renderJob) *E) *E {
	key := kind + "/" + slug
	if l.memo != nil {
		if me := l.memo.entries[key]; me != nil && sameFiles(me.files, files) {
			if e, ok := me.entry.(*E); ok {
				l.built[key] = me
				return e
			}
		}
	}
	e := build(slug, files, jobs)
	if e == nil {
		return nil
	}
	l.fresh = append(l.fresh, any(e).(interface{ entry() *Entry }).entry())
	me := &memoEntry{files: map[string]*cached{}, entry: e}
	for lang, rf := range files {
		if rf.cache == nil {
			return e // not cached: never reused
		}
		me.files[lang] = rf.cache
	}
	l.built[key] = me
	return e
}

func sameFiles(had map[string]*cached, files map[string]*rawFile) bool {
	if len(had) != len(files) {
		return false
	}
	for lang, rf := range files {
		if rf.cache == nil || had[lang] != rf.cache {
			return false
		}
	}
	return true
}

// loadChanged is Load from the memo and the files of changed (see
// Options.Changed). ok is false when changed holds a file it cannot
// handle that way; nothing was read then.
func (l *loader) loadChanged(changed []string) (s *Site, ok bool, err error) {
	m := l.memo
	kinds := map[string]map[string]bool{kindProjects: {}, kindPartners: {}, kindPages: {}}
	inds := map[string]bool{}
	for _, f := range changed {
		dir, name := path.Split(f)
		switch {
		case f == "content" || f == "content/":
			return nil, false, nil // the folder itself, moved or deleted
		case !strings.HasPrefix(f, "content/"):
			// Not content (layouts, static files): not Load's business.
			continue
		case f == "content/site.toml":
			// The memo is for the site.toml it read (memoFor): the same
			// bytes, saved again.
			continue
		case Ignored(name):
			continue // an editor's file; readKind skips it too
		case dir == "content/indicators/":
			ext := path.Ext(name)
			id := strings.TrimSuffix(name, ext)
			if (ext != ".toml" && ext != ".csv") || !ValidSlug(id) {
				if l.cameAndWent(f) {
					continue
				}
				return nil, false, nil
			}
			inds[id] = true
			continue
		}
		kind := strings.TrimSuffix(strings.TrimPrefix(dir, "content/"), "/")
		slugs := kinds[kind]
		stem, isMD := strings.CutSuffix(name, ".md")
		dot := strings.LastIndexByte(stem, '.')
		if slugs == nil || !isMD || dot < 0 || !l.cfg.HasLanguage(stem[dot+1:]) || !ValidSlug(stem[:dot]) {
			if slugs != nil && l.cameAndWent(f) {
				continue
			}
			// A story, a folder, site.toml, a file that is not read or
			// has a bad name (a full Load says what is wrong with it).
			return nil, false, nil
		}
		slugs[stem[:dot]] = true
	}

	// From here on everything is read as a full Load would, with the
	// memo's configuration (of the same site.toml).
	l.gone = map[string]bool{}
	s = &Site{Config: l.cfg}
	filesChanged := false
	var jobs []renderJob
	// entries is one kind of the new site: the memo's list (old, sorted
	// by slug) with the affected slugs built again, added or left out.
	entries := func(kind string, old []*Entry, oldEntry func(i int) any, build func(slug string, files map[string]*rawFile) any) []any {
		affected := kinds[kind]
		out := make([]any, 0, len(old)+len(affected))
		var added []string
		for slug := range affected {
			if m.entries[kind+"/"+slug] == nil {
				added = append(added, slug)
			}
		}
		sort.Strings(added)
		// one builds the entry of an affected slug, if it has files.
		one := func(slug string) {
			key := kind + "/" + slug
			files := map[string]*rawFile{}
			for _, lang := range l.cfg.Languages {
				file := "content/" + kind + "/" + slug + "." + lang + ".md"
				if _, err := fs.Stat(l.fsys, file); errors.Is(err, fs.ErrNotExist) {
					l.opts.Cache.forget(file)
					continue
				}
				rf := l.readFile(file)
				if rf == nil {
					if lang == l.cfg.DefaultLanguage() {
						l.broken[key] = true
					}
					continue
				}
				rf.slug, rf.lang = slug, lang
				files[lang] = rf
			}
			if me := m.entries[key]; me == nil || !sameLangs(me.files, files) {
				filesChanged = true
			}
			if len(files) == 0 {
				l.gone[key] = true
				return
			}
			if e := build(slug, files); e != nil {
				out = append(out, e)
			}
		}
		// The old entries in order, merged with the new slugs.
		for i, e := range old {
			for len(added) > 0 && added[0] < e.Slug {
				one(added[0])
				added = added[1:]
			}
			if affected[e.Slug] {
				one(e.Slug)
			} else {
				out = append(out, oldEntry(i))
			}
		}
		for _, slug := range added {
			one(slug)
		}
		return out
	}
	s.Projects = make([]*Project, 0, len(m.site.Projects)+len(kinds[kindProjects]))
	for _, e := range entries(kindProjects, entriesOf(m.site.Projects), func(i int) any { return m.site.Projects[i] }, func(slug string, files map[string]*rawFile) any {
		return nilIfNone(entryOf(l, kindProjects, slug, files, &jobs, l.project))
	}) {
		s.Projects = append(s.Projects, e.(*Project))
	}
	for _, e := range entries(kindPartners, entriesOf(m.site.Partners), func(i int) any { return m.site.Partners[i] }, func(slug string, files map[string]*rawFile) any {
		return nilIfNone(entryOf(l, kindPartners, slug, files, &jobs, l.partner))
	}) {
		s.Partners = append(s.Partners, e.(*Partner))
	}
	for _, e := range entries(kindPages, entriesOf(m.site.Pages), func(i int) any { return m.site.Pages[i] }, func(slug string, files map[string]*rawFile) any {
		return nilIfNone(entryOf(l, kindPages, slug, files, &jobs, l.page))
	}) {
		s.Pages = append(s.Pages, e.(*Page))
	}
	// Stories are never among changed: they are the memo's.
	s.Stories = m.site.Stories
	s.Indicators, filesChanged = l.changedIndicators(inds, filesChanged)
	s.IndicatorByID = make(map[string]*indicator.Indicator, len(s.Indicators))
	for _, ind := range s.Indicators {
		s.IndicatorByID[ind.ID] = ind
	}
	l.renderBodies(jobs)
	for _, e := range l.fresh {
		l.finish(e)
	}
	if filesChanged {
		s.Files = siteFiles(s)
	} else {
		s.Files = m.site.Files
	}
	l.opts.Cache.partial++
	s, err = l.done(s, m.warns)
	return s, true, err
}

// cameAndWent reports whether f, a file that is not content in a folder
// of entries or indicators, is a temporary file that came and went
// since the memo was made, as `sed -i` and some editors leave: it is not
// there, and the memo neither read it nor warned about it. Anything else
// such needs a full Load, which says what is wrong with it.
func (l *loader) cameAndWent(f string) bool {
	if _, err := fs.Stat(l.fsys, f); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	if _, found := slices.BinarySearch(l.memo.site.Files, f); found {
		return false
	}
	for _, w := range l.memo.warns {
		if w.File == f {
			return false
		}
	}
	return true
}

// nilIfNone turns a nil *E into a nil interface.
func nilIfNone[E any](e *E) any {
	if e == nil {
		return nil
	}
	return e
}

func entriesOf[E interface{ entry() *Entry }](list []E) []*Entry {
	out := make([]*Entry, len(list))
	for i, e := range list {
		out[i] = e.entry()
	}
	return out
}

func (p *Project) entry() *Entry { return &p.Entry }
func (p *Partner) entry() *Entry { return &p.Entry }
func (p *Page) entry() *Entry    { return &p.Entry }

// sameLangs reports whether an entry has files in the same languages.
func sameLangs(had map[string]*cached, files map[string]*rawFile) bool {
	if len(had) != len(files) {
		return false
	}
	for lang := range files {
		if had[lang] == nil {
			return false
		}
	}
	return true
}

// changedIndicators are the memo's indicators with those of ids read
// again; filesChanged becomes true when one appeared or went away.
func (l *loader) changedIndicators(ids map[string]bool, filesChanged bool) ([]*indicator.Indicator, bool) {
	m := l.memo
	if len(ids) == 0 {
		return m.site.Indicators, filesChanged
	}
	dir := "content/indicators"
	have := maps.Clone(m.indicators)
	if have == nil {
		have = map[string]bool{}
	}
	for id := range ids {
		for _, name := range []string{id + ".toml", id + ".csv"} {
			_, err := fs.Stat(l.fsys, dir+"/"+name)
			switch {
			case err == nil:
				have[name] = true
			case errors.Is(err, fs.ErrNotExist):
				delete(have, name)
			default:
				l.p.errorf(dir+"/"+name, 0, "cannot read: %v", err)
			}
		}
		if have[id+".csv"] && !have[id+".toml"] {
			l.p.errorf(dir+"/"+id+".csv", 0, "has no metadata: add %s/%s.toml with its title, unit and source", dir, id)
		}
	}
	l.indicatorNames = have
	var read []string
	for id := range ids {
		if have[id+".toml"] {
			read = append(read, id)
		}
	}
	sort.Strings(read)
	fresh := map[string]*indicator.Indicator{}
	for _, ind := range l.indicators(read, have) {
		fresh[ind.ID] = ind
	}
	byName := map[string]*indicator.Indicator{}
	for _, ind := range m.site.Indicators {
		if !ids[ind.ID] {
			byName[ind.ID+".toml"] = ind
		}
	}
	for id, ind := range fresh {
		byName[id+".toml"] = ind
	}
	// The order of a full Load: by file name.
	out := make([]*indicator.Indicator, 0, len(byName))
	for _, name := range sortedKeys(byName) {
		out = append(out, byName[name])
	}
	if len(out) != len(m.site.Indicators) {
		filesChanged = true
	}
	return out, filesChanged
}

// siteFiles lists the files of s as a full Load does (Site.Files).
func siteFiles(s *Site) []string {
	var files []string
	for _, e := range s.entries() {
		for _, t := range e.Texts {
			if !t.Fallback {
				files = append(files, t.File)
			}
		}
	}
	for _, ind := range s.Indicators {
		files = append(files, ind.MetaFile, ind.DataFile)
	}
	sort.Strings(files)
	return files
}

// forget drops a file that is gone.
func (c *Cache) forget(file string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.files, file)
}

// Forget empties the cache, as if it were new: Markdown is rendered
// differently now (the UI strings hold the typography rules).
func (c *Cache) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files, c.inds, c.memo = map[string]*cached{}, map[string]*cachedIndicator{}, nil
}
