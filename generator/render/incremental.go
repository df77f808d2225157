package render

import (
	"maps"
	"reflect"
	"runtime"
	"slices"
	"sync"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
)

// A save in portal serve changes one entry of a site of thousands. Making
// the model, the list of pages and the version of every input again costs
// a pass over all of them (a second of CPU at 10 000 projects), while the
// save changed a card's text. So a Renderer made with Options.Prev takes
// over the previous one's work when the site kept its shape: the same
// configuration, layouts, UI strings, stories, photos and free pages (the
// same pointers: content.Load reuses the entries it did not read again),
// and the same projects, partners and indicators, of which those that
// changed kept everything that places them in the model: a project its
// titles, regions, status, money, fund, carrier, partners, indicators and
// topics; a partner its titles and region; an indicator its titles.
//
// Then the list of pages is Prev's (a page finds what it shows in the
// model of the Renderer that renders it, pages.go), the model is Prev's
// copied with the changed entries' items in it (copied, not modified:
// the data files of Prev may still be made from its model), and only the
// versions of the changed entries and the sums of each language are
// computed again. Stale then names the pages that show a changed input;
// every other page's Fingerprint is what it was. Anything else makes New
// build everything, as without Prev.

// changes are the entries of a site of the same shape that changed, by
// slug or id.
type changes struct {
	projects   map[string]*content.Project
	partners   map[string]*content.Partner
	indicators map[string]*indicator.Indicator
}

// reuse takes over what prev made, when the site kept its shape (see
// above), and reports whether it did.
func (r *Renderer) reuse(prev *Renderer) bool {
	ch, ok := r.sameShape(prev)
	if !ok {
		return false
	}
	models := make([]*langModel, len(r.langs))
	var wg sync.WaitGroup
	for i, lang := range r.langs {
		wg.Go(func() { models[i] = r.copyModel(lang, prev.model[lang], ch) })
	}
	old := prev.Versions()
	v := maps.Clone(old)
	keys := []string{}
	for slug, pr := range ch.projects {
		v["project:"+slug], v["card:"+slug] = r.projectVersions(pr)
		keys = append(keys, "project:"+slug, "card:"+slug)
	}
	for slug, pa := range ch.partners {
		v["partner:"+slug], v["pcard:"+slug] = r.partnerVersions(pa)
		keys = append(keys, "partner:"+slug, "pcard:"+slug)
	}
	for id, ind := range ch.indicators {
		v["indicator:"+id], v["icard:"+id] = indicatorVersions(ind)
		keys = append(keys, "indicator:"+id, "icard:"+id)
	}
	wg.Wait()
	r.model = map[string]*langModel{}
	for i, lang := range r.langs {
		r.model[lang] = models[i]
		r.langVersions(lang, v)
		keys = append(keys, "facets:"+lang, "totals:"+lang, "regions:"+lang, "partners:"+lang)
	}
	for _, k := range keys {
		if v[k] != old[k] {
			r.changed = append(r.changed, k)
		}
	}
	r.versionsOnce.Do(func() { r.versions = v })
	r.pagesOnce.Do(func() { r.pages = prev.Pages() })
	// The frame's fragments and the slugs depend on nothing that differs.
	// Snippets (View.Snip) are not taken over: they are keyed by the
	// items of prev's model, which this one copies, and keeping them
	// would keep every earlier model alive in a long serve session.
	r.slugs = prev.slugs
	r.frags = &sync.Map{}
	prev.frags.Range(func(k, v any) bool {
		if _, ok := k.(string); ok {
			r.frags.Store(k, v)
		}
		return true
	})
	r.reused = true
	return true
}

// Stale returns the pages whose Fingerprint may differ from what it was
// in Options.Prev, and true, when New took over Prev's pages: those that
// name an input whose version changed. Without Prev, or when the site
// changed its shape, it returns nil and false: any page may differ.
func (r *Renderer) Stale() ([]*Page, bool) {
	if !r.reused {
		return nil, false
	}
	if len(r.changed) == 0 {
		return nil, true
	}
	changed := map[string]bool{}
	// Most inputs differ in length from every changed key: looking at
	// the length first spares comparing them. The few that are left are
	// compared with each key, or looked up when there are many keys.
	var lengths [256]bool
	for _, k := range r.changed {
		changed[k] = true
		lengths[min(len(k), 255)] = true
	}
	isChanged := func(in string) bool { return changed[in] }
	if len(r.changed) <= 8 {
		isChanged = func(in string) bool { return slices.Contains(r.changed, in) }
	}
	pages := r.Pages()
	// A scan of some 400 000 inputs at 10 000 projects: on all cores.
	n := runtime.GOMAXPROCS(0)
	per := (len(pages) + n - 1) / n
	found := make([][]*Page, n)
	var wg sync.WaitGroup
	for w := range n {
		part := pages[min(w*per, len(pages)):min((w+1)*per, len(pages))]
		wg.Go(func() {
			for _, p := range part {
				for _, in := range p.Inputs {
					if lengths[min(len(in), 255)] && isChanged(in) {
						found[w] = append(found[w], p)
						break
					}
				}
			}
		})
	}
	wg.Wait()
	return slices.Concat(found...), true
}

// sameShape reports whether the site of r kept the shape of prev's (see
// above), and which entries changed.
func (r *Renderer) sameShape(prev *Renderer) (ch changes, ok bool) {
	if prev == nil || prev.lay != r.lay || prev.build != r.build || !slices.Equal(prev.langs, r.langs) {
		return ch, false
	}
	for _, lang := range r.langs {
		if prev.locales[lang] != r.locales[lang] {
			return ch, false
		}
	}
	ps, s := prev.site, r.site
	if !reflect.DeepEqual(*ps.Config, *s.Config) || !slices.Equal(ps.Stories, s.Stories) || !slices.Equal(ps.Pages, s.Pages) ||
		len(ps.Projects) != len(s.Projects) || len(ps.Partners) != len(s.Partners) || len(ps.Indicators) != len(s.Indicators) {
		return ch, false
	}
	// The photos: their variants are found anew for every build.
	for _, st := range s.Stories {
		for _, name := range append([]string{st.Cover}, st.Images...) {
			if name != "" && imageKey(prev.images(st.Dir, name)) != imageKey(r.images(st.Dir, name)) {
				return ch, false
			}
		}
	}
	ch = changes{projects: map[string]*content.Project{}, partners: map[string]*content.Partner{}, indicators: map[string]*indicator.Indicator{}}
	for i, b := range s.Projects {
		a := ps.Projects[i]
		if a == b {
			continue
		}
		if a.Slug != b.Slug || !r.samePlace(a, b) {
			return ch, false
		}
		ch.projects[b.Slug] = b
	}
	for i, b := range s.Partners {
		a := ps.Partners[i]
		if a == b {
			continue
		}
		if a.Slug != b.Slug || a.Region != b.Region || !r.sameTitles(&a.Entry, &b.Entry) {
			return ch, false
		}
		ch.partners[b.Slug] = b
	}
	for i, b := range s.Indicators {
		a := ps.Indicators[i]
		if a == b {
			continue
		}
		// The title sorts the lists; the rest of an item is made anew.
		if a.ID != b.ID || !maps.Equal(a.Meta.Title, b.Meta.Title) {
			return ch, false
		}
		ch.indicators[b.ID] = b
	}
	return ch, true
}

// sameTitles reports whether two versions of an entry have the same
// title in every language.
func (r *Renderer) sameTitles(a, b *content.Entry) bool {
	for _, lang := range r.langs {
		if a.In(lang).Title != b.In(lang).Title {
			return false
		}
	}
	return true
}

// samePlace reports whether two versions of a project have the same
// place in the model: every field buildModel reads but the text and the
// date.
func (r *Renderer) samePlace(a, b *content.Project) bool {
	if !slices.Equal(a.Regions, b.Regions) || a.Status != b.Status || a.BudgetCZK != b.BudgetCZK ||
		a.EUFundingCZK != b.EUFundingCZK || a.Fund != b.Fund || a.Carrier != b.Carrier ||
		!slices.Equal(a.Partners, b.Partners) || !slices.Equal(a.Indicators, b.Indicators) || !slices.Equal(a.Tags, b.Tags) {
		return false
	}
	return r.sameTitles(&a.Entry, &b.Entry)
}

// copyModel is old, the model of lang of a site of the same shape, with
// every item copied and the items of the changed entries made from
// them: what buildModel would make, without sorting or slugging
// anything again.
func (r *Renderer) copyModel(lang string, old *langModel, ch changes) *langModel {
	def := r.site.Config.DefaultLanguage()
	m := &langModel{
		projectAt: old.projectAt, partnerAt: old.partnerAt, indAt: old.indAt, // the same places
		totals: old.totals, // money and statuses are the same
	}
	// Items are found by their place in the old model's lists (idx):
	// 170 000 links at 10 000 projects, too many to look up in a map. The
	// items and the lists of links are allocated in blocks: one by one,
	// they were half of the time.
	var (
		projectLinks   slab[ProjectItem]
		partnerLinks   slab[PartnerItem]
		indicatorLinks slab[IndicatorItem]
	)
	partnerItems := make([]PartnerItem, len(old.partners))
	m.partners = make([]*PartnerItem, len(old.partners))
	for i, o := range old.partners {
		it := &partnerItems[i]
		it.P, it.T, it.Path, it.Budget, it.idx = o.P, o.T, o.Path, o.Budget, i
		if pa := ch.partners[o.P.Slug]; pa != nil {
			it.P, it.T = pa, pa.In(lang)
		}
		m.partners[i] = it
	}
	indicatorItems := make([]IndicatorItem, len(old.indicators))
	m.indicators = make([]*IndicatorItem, len(old.indicators))
	for i, o := range old.indicators {
		it := &indicatorItems[i]
		it.I, it.Title, it.Unit, it.UnitForms, it.Description, it.Path, it.idx = o.I, o.Title, o.Unit, o.UnitForms, o.Description, o.Path, i
		if ind := ch.indicators[o.I.ID]; ind != nil {
			it.describe(ind, lang, def)
		}
		m.indicators[i] = it
	}
	projectItems := make([]ProjectItem, len(old.projects))
	m.projects = make([]*ProjectItem, len(old.projects))
	for i, o := range old.projects {
		it := &projectItems[i]
		it.P, it.T, it.Path, it.Updated, it.Tags, it.idx = o.P, o.T, o.Path, o.Updated, o.Tags, i
		if pr := ch.projects[o.P.Slug]; pr != nil {
			it.P, it.T, it.Updated = pr, pr.In(lang), pr.Updated
		}
		it.Partners = partnerLinks.remap(o.Partners, m.partners, partnerIdx)
		it.Indicators = indicatorLinks.remap(o.Indicators, m.indicators, indicatorIdx)
		if o.Carrier != nil {
			it.Carrier = m.partners[o.Carrier.idx]
		}
		m.projects[i] = it
	}
	for i, o := range old.partners {
		it := m.partners[i]
		it.Carries, it.Joins = projectLinks.remap(o.Carries, m.projects, projectIdx), projectLinks.remap(o.Joins, m.projects, projectIdx)
	}
	for i, o := range old.indicators {
		m.indicators[i].Projects = projectLinks.remap(o.Projects, m.projects, projectIdx)
	}
	m.newest = newest(m.projects)
	stories := make(map[*StoryItem]*StoryItem, len(old.stories))
	for _, o := range old.stories {
		it := r.storyItem(lang, o.S)
		stories[o] = it
		m.stories = append(m.stories, it)
	}
	mapped := func(m map[*StoryItem]*StoryItem) func(*StoryItem) *StoryItem {
		return func(it *StoryItem) *StoryItem { return m[it] }
	}
	for _, o := range old.regions {
		ri := &RegionItem{Key: o.Key, Name: o.Name, Path: o.Path, CoverAlt: o.CoverAlt, CoverCredit: o.CoverCredit, CoverCreditLang: o.CoverCreditLang,
			Stories: remapBy(o.Stories, mapped(stories)), Projects: projectLinks.remap(o.Projects, m.projects, projectIdx),
			Partners: partnerLinks.remap(o.Partners, m.partners, partnerIdx), Indicators: indicatorLinks.remap(o.Indicators, m.indicators, indicatorIdx),
			Budget: o.Budget, EU: o.EU, Budgeted: o.Budgeted}
		// As buildModel: the cover of its newest story that has one.
		for _, si := range ri.Stories {
			if si.Cover != nil {
				ri.Cover = si.Cover
				break
			}
		}
		m.regions = append(m.regions, ri)
	}
	for _, of := range old.facets {
		f := &Facet{Name: of.Name, Label: of.Label, More: of.More}
		values := make(map[*FacetValue]*FacetValue, len(of.Values))
		for _, ov := range of.Values {
			fv := &FacetValue{Facet: ov.Facet, Key: ov.Key, Label: ov.Label, Path: ov.Path, Count: ov.Count, keyIn: ov.keyIn, projects: projectLinks.remap(ov.projects, m.projects, projectIdx)}
			values[ov] = fv
			f.Values = append(f.Values, fv)
		}
		if of.Top != nil {
			f.Top = map[*FacetValue]bool{}
			for ov := range of.Top {
				f.Top[values[ov]] = true
			}
		}
		m.facets = append(m.facets, f)
	}
	return m
}

// slab hands out lists of links from large blocks.
type slab[T any] struct{ free []*T }

// remap is list with every item replaced by its copy, found in copies at
// the item's place (idx). The list is full (its capacity its length), so
// that appending to it never writes into the next one.
func (s *slab[T]) remap(list []*T, copies []*T, idx func(*T) int) []*T {
	if list == nil {
		return nil
	}
	if len(s.free) < len(list) {
		s.free = make([]*T, max(len(list), 4096))
	}
	out := s.free[:len(list):len(list)]
	s.free = s.free[len(list):]
	for i, it := range list {
		out[i] = copies[idx(it)]
	}
	return out
}

// remapBy is list with every item replaced by copyOf(item).
func remapBy[T any](list []*T, copyOf func(*T) *T) []*T {
	if list == nil {
		return nil
	}
	out := make([]*T, len(list))
	for i, it := range list {
		out[i] = copyOf(it)
	}
	return out
}

func projectIdx(it *ProjectItem) int     { return it.idx }
func partnerIdx(it *PartnerItem) int     { return it.idx }
func indicatorIdx(it *IndicatorItem) int { return it.idx }

// Reused reports whether New took over the pages of Options.Prev.
func (r *Renderer) Reused() bool { return r.reused }
