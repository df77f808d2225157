package render

import (
	"html/template"
	"slices"
	"sort"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/locale"
)

// langModel is the site as seen in one language: every item with its
// links resolved and lists sorted by that language's collation.
type langModel struct {
	projects   []*ProjectItem // by title (collation)
	newest     []*ProjectItem
	partners   []*PartnerItem // by title (collation)
	regions    []*RegionItem  // regions that have content, by name
	indicators []*IndicatorItem
	stories    []*StoryItem // newest first
	facets     []*Facet
	// projectAt, partnerAt and indAt find an item by slug or id: its
	// place in projects, partners and indicators. A copy of the model
	// (incremental.go) shares them.
	projectAt map[string]int
	partnerAt map[string]int
	indAt     map[string]int
	totals    *Totals
}

func (m *langModel) project(slug string) *ProjectItem { return m.projects[m.projectAt[slug]] }
func (m *langModel) partner(slug string) *PartnerItem { return m.partners[m.partnerAt[slug]] }
func (m *langModel) indicator(id string) *IndicatorItem {
	return m.indicators[m.indAt[id]]
}

func (r *Renderer) buildModel(lang string) *langModel {
	l := r.locales[lang]
	rt := Routes{Lang: lang, L: l}
	s := r.site
	def := s.Config.DefaultLanguage()
	m := &langModel{projectAt: map[string]int{}, partnerAt: map[string]int{}, indAt: map[string]int{}}
	partnerBy, indBy := map[string]*PartnerItem{}, map[string]*IndicatorItem{}

	for _, pa := range s.Partners {
		it := &PartnerItem{P: pa, T: pa.In(lang), Path: rt.Partner(pa.Slug)}
		m.partners = append(m.partners, it)
		partnerBy[pa.Slug] = it
	}
	locale.SortBy(lang, m.partners, func(p *PartnerItem) string { return p.T.Title })
	for i, it := range m.partners {
		it.idx = i
		m.partnerAt[it.P.Slug] = i
	}

	for _, ind := range s.Indicators {
		it := &IndicatorItem{Path: rt.Indicator(ind.ID)}
		it.describe(ind, lang, def)
		m.indicators = append(m.indicators, it)
		indBy[ind.ID] = it
	}
	locale.SortBy(lang, m.indicators, func(i *IndicatorItem) string { return i.Title })
	for i, it := range m.indicators {
		it.idx = i
		m.indAt[it.I.ID] = i
	}

	for _, pr := range s.Projects {
		it := &ProjectItem{P: pr, T: pr.In(lang), Path: rt.Project(pr.Slug), Updated: pr.Updated}
		if pr.Carrier != "" {
			it.Carrier = partnerBy[pr.Carrier]
		}
		for _, ps := range pr.Partners {
			if pi := partnerBy[ps]; pi != nil && ps != pr.Carrier {
				it.Partners = append(it.Partners, pi)
			}
		}
		for _, id := range pr.Indicators {
			if ii := indBy[id]; ii != nil {
				it.Indicators = append(it.Indicators, ii)
				ii.Projects = append(ii.Projects, it)
			}
		}
		for _, tag := range pr.Tags {
			t := Tag{Path: rt.Filter("tag", r.slug(tag), 1)}
			var translated bool
			if t.Label, translated = s.Config.TagLabel(lang, tag); !translated {
				t.Lang = def
			}
			it.Tags = append(it.Tags, t)
		}
		m.projects = append(m.projects, it)
	}
	locale.SortBy(lang, m.projects, func(p *ProjectItem) string { return p.T.Title })
	for i, it := range m.projects {
		it.idx = i
		m.projectAt[it.P.Slug] = i
	}

	for _, it := range m.projects {
		if it.Carrier != nil {
			it.Carrier.Carries = append(it.Carrier.Carries, it)
			it.Carrier.Budget += it.P.BudgetCZK
		}
		for _, pi := range it.Partners {
			pi.Joins = append(pi.Joins, it)
			pi.Budget += it.P.BudgetCZK
		}
	}

	m.newest = newest(m.projects)

	for _, st := range s.Stories {
		m.stories = append(m.stories, r.storyItem(lang, st))
	}
	sort.SliceStable(m.stories, func(i, j int) bool {
		a, b := m.stories[i].S.Date.Time(), m.stories[j].S.Date.Time()
		if !a.Equal(b) {
			return a.After(b)
		}
		return m.stories[i].S.Slug < m.stories[j].S.Slug
	})

	regions := map[string]*RegionItem{}
	region := func(key string) *RegionItem {
		if regions[key] == nil {
			regions[key] = &RegionItem{Key: key, Name: l.T("region_" + key), Path: rt.Region(key)}
		}
		return regions[key]
	}
	for _, it := range m.projects {
		for _, key := range it.P.Regions {
			ri := region(key)
			ri.Projects = append(ri.Projects, it)
			ri.Budget += it.P.BudgetCZK
			ri.EU += it.P.EUFundingCZK
			if it.P.BudgetCZK > 0 {
				ri.Budgeted++
			}
			for _, ii := range it.Indicators {
				if !containsInd(ri.Indicators, ii) {
					ri.Indicators = append(ri.Indicators, ii)
				}
			}
		}
	}
	for _, pi := range m.partners {
		if pi.P.Region != "" {
			ri := region(pi.P.Region)
			ri.Partners = append(ri.Partners, pi)
		}
	}
	for _, si := range m.stories {
		if si.S.Region == "" {
			continue
		}
		ri := region(si.S.Region)
		ri.Stories = append(ri.Stories, si)
		if ri.Cover == nil && si.Cover != nil {
			ri.Cover, ri.CoverAlt, ri.CoverCredit = si.Cover, si.T.CoverAlt, si.T.Credit
			if cl := si.T.InheritedLang("credit", def); cl != lang {
				ri.CoverCreditLang = cl
			}
		}
	}
	for _, ri := range regions {
		m.regions = append(m.regions, ri)
	}
	// Czech regions by name; "abroad" last, it is not a place on the map.
	locale.SortBy(lang, m.regions, func(r *RegionItem) string { return r.Name })
	sort.SliceStable(m.regions, func(i, j int) bool { return m.regions[j].Key == "abroad" && m.regions[i].Key != "abroad" })

	m.facets = r.buildFacets(lang, m)
	m.totals = buildTotals(l, rt, m.projects)
	return m
}

// describe sets what an indicator's item says of ind in lang.
func (it *IndicatorItem) describe(ind *indicator.Indicator, lang, def string) {
	it.I, it.Title, it.Unit, it.UnitForms = ind, ind.Meta.Title[lang], ind.Meta.Unit.In(lang, def), ind.Meta.Unit.FormsIn(lang, def)
	it.Description = ind.Meta.Description[lang]
	if it.Description == "" {
		it.Description = ind.Meta.Description[def]
	}
}

// newest are the six projects changed last; of those changed at the
// same time, the first in projects.
func newest(projects []*ProjectItem) []*ProjectItem {
	out := append([]*ProjectItem(nil), projects...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	if len(out) > 6 {
		out = out[:6]
	}
	return out
}

// storyItem is st as shown in lang.
func (r *Renderer) storyItem(lang string, st *content.Story) *StoryItem {
	l := r.locales[lang]
	def := r.site.Config.DefaultLanguage()
	it := &StoryItem{S: st, T: st.In(lang), Path: Routes{Lang: lang, L: l}.Story(st.Slug)}
	if st.Cover != "" {
		it.Cover = r.images(st.Dir, st.Cover)
	}
	t := it.T
	it.body = func() template.HTML {
		lookup := func(name string) *ImageSet { return r.images(st.Dir, name) }
		// A credit the translation left out is the default language's.
		creditLang := t.InheritedLang("credit", def)
		if creditLang == lang {
			creditLang = ""
		}
		return storyBody(t.Body, lookup, t.Credit, creditLang, l.T("compare_label"), it.Cover == nil)
	}
	return it
}

func containsInd(list []*IndicatorItem, it *IndicatorItem) bool {
	for _, x := range list {
		if x == it {
			return true
		}
	}
	return false
}

func buildTotals(l *locale.Locale, rt Routes, projects []*ProjectItem) *Totals {
	t := &Totals{Projects: len(projects)}
	count := map[string]int{}
	var budgetWithEU int64
	for _, it := range projects {
		count[it.P.Status]++
		t.Budget += it.P.BudgetCZK
		if it.P.BudgetCZK > 0 {
			t.Budgeted++
		}
		if it.P.EUFundingCZK > 0 && it.P.BudgetCZK > 0 {
			t.EU += it.P.EUFundingCZK
			budgetWithEU += it.P.BudgetCZK
		}
	}
	if t.Budget > 0 {
		t.EUShare = float64(t.EU) * 100 / float64(t.Budget)
	}
	for _, st := range content.Statuses {
		if count[st] > 0 {
			t.ByStatus = append(t.ByStatus, StatusCount{Status: st, Label: l.T("status_" + st), Count: count[st], Path: rt.Filter("status", rt.StatusSlug(st), 1)})
		}
	}
	return t
}

// buildFacets counts the projects for every value of every facet.
func (r *Renderer) buildFacets(lang string, m *langModel) []*Facet {
	l := r.locales[lang]
	rt := Routes{Lang: lang, L: l}
	var facets []*Facet
	for _, name := range FacetNames {
		f := &Facet{Name: name, Label: l.T("facet_" + name)}
		byKey := map[string]*FacetValue{}
		// keyIn gives the value's address segment in any language: region
		// and status segments are slugs of their translated names.
		add := func(keyIn func(Routes) string, label string, it *ProjectItem) {
			key := keyIn(rt)
			v := byKey[key]
			if v == nil {
				v = &FacetValue{Facet: name, Key: key, Label: label, Path: rt.Filter(name, key, 1), keyIn: keyIn}
				byKey[key] = v
				f.Values = append(f.Values, v)
			}
			v.Count++
			v.projects = append(v.projects, it)
		}
		for _, it := range m.projects {
			switch name {
			case "region":
				for _, k := range it.P.Regions {
					add(func(rt Routes) string { return rt.RegionSlug(k) }, l.T("region_"+k), it)
				}
			case "status":
				st := it.P.Status
				add(func(rt Routes) string { return rt.StatusSlug(st) }, l.T("status_"+st), it)
			case "fund":
				if it.P.Fund != "" {
					add(constKey(r.slug(it.P.Fund)), it.P.Fund, it)
				}
			case "partner":
				if it.Carrier != nil {
					add(constKey(it.Carrier.P.Slug), it.Carrier.T.Title, it)
				}
				for _, pi := range it.Partners {
					add(constKey(pi.P.Slug), pi.T.Title, it)
				}
			case "tag":
				for _, tg := range it.P.Tags {
					label, _ := r.site.Config.TagLabel(lang, tg)
					add(constKey(r.slug(tg)), label, it)
				}
			}
		}
		if name == "status" {
			order := map[string]int{}
			for i, st := range content.Statuses {
				order[rt.StatusSlug(st)] = i
			}
			sort.SliceStable(f.Values, func(i, j int) bool { return order[f.Values[i].Key] < order[f.Values[j].Key] })
		} else {
			locale.SortBy(lang, f.Values, func(v *FacetValue) string { return v.Label })
		}
		if name == "partner" && len(f.Values) > maxFacetValues {
			f.Top, f.More = topValues(f.Values), rt.Partners()
		}
		if len(f.Values) > 0 {
			facets = append(facets, f)
		}
	}
	return facets
}

// topValues are the maxFacetValues values with most projects; ties go to
// the value listed first, so the choice is stable from build to build.
func topValues(values []*FacetValue) map[*FacetValue]bool {
	byCount := slices.Clone(values)
	sort.SliceStable(byCount, func(i, j int) bool { return byCount[i].Count > byCount[j].Count })
	top := map[*FacetValue]bool{}
	for _, fv := range byCount[:maxFacetValues] {
		top[fv] = true
	}
	return top
}

// constKey is the segment of a value that is the same in every language.
func constKey(k string) func(Routes) string { return func(Routes) string { return k } }

// langPages lists the pages of one language. A page finds what it shows
// in the model of the Renderer that renders it, by slug or position, not
// in the model it was listed from: a Renderer made with Options.Prev
// reuses the pages of the previous one with a model of its own
// (incremental.go).
func (r *Renderer) langPages(lang string) []*Page {
	m := r.model[lang]
	l := r.locales[lang]
	rt := Routes{Lang: lang, L: l}
	var pages []*Page
	// Every page names its inputs (see deps.go); the shared ones (site.toml,
	// layouts, UI strings, navigation) are added by Fingerprint.
	add := func(p, kind string, view func(r *Renderer) *View, inputs ...string) {
		pages = append(pages, &Page{Path: p, Lang: lang, Kind: kind, view: view, Inputs: inputs})
	}
	same := func(r *Renderer, f func(rt Routes) string) func(string) (string, bool) {
		return func(lg string) (string, bool) { return f(Routes{Lang: lg, L: r.locales[lg]}), true }
	}

	add(rt.Home(), "home", func(r *Renderer) *View {
		m := r.model[lang]
		v := r.baseView(lang, "home", rt.Home(), r.site.Config.Title[lang])
		r.withAlternates(v, same(r, Routes.Home))
		v.Totals, v.Projects, v.Regions, v.Stories = m.totals, m.newest, m.regions, m.stories
		return v
	}, "totals:"+lang, "page:about") // the home page quotes the about page

	// The project list, split into pages, and one list per facet value.
	pageSize := r.site.Config.PageSize
	listPages := func(itemsOf func(*langModel) []*ProjectItem, pathOf func(rt Routes, page int) string, title string, filterOf func(*langModel) *FacetValue, crumbs []Crumb) {
		items := itemsOf(m)
		n := max(1, (len(items)+pageSize-1)/pageSize)
		for page := 1; page <= n; page++ {
			lo, hi := (page-1)*pageSize, min(page*pageSize, len(items))
			p := pathOf(rt, page)
			add(p, "projects", func(r *Renderer) *View {
				m := r.model[lang]
				items := itemsOf(m)
				v := r.baseView(lang, "projects", p, title)
				r.withAlternates(v, func(lg string) (string, bool) {
					return pathOf(Routes{Lang: lg, L: r.locales[lg]}, page), true
				})
				v.Projects, v.Facets, v.Filter, v.Crumbs = items[lo:hi], m.facets, filterOf(m), crumbs
				v.Totals = &Totals{Projects: len(items)}
				if n > 1 {
					v.Pager = pager(page, n, func(i int) string { return pathOf(rt, i) })
				}
				return v
			}, append([]string{"facets:" + lang, listKey(p, items[lo:hi], n)}, cardKeys(items[lo:hi])...)...)
		}
	}
	home := Crumb{Name: l.T("nav_home"), Path: rt.Home()}
	listPages(func(m *langModel) []*ProjectItem { return m.projects }, Routes.Projects, l.T("projects_title"), func(*langModel) *FacetValue { return nil }, []Crumb{home})
	for fi, f := range m.facets {
		for vi, fv := range f.Values {
			title := l.T("projects_filtered", f.Label, fv.Label)
			// The value's key differs per language for regions and statuses,
			// so the alternate of a filtered list is found by the same item.
			facet, keyIn := fv.Facet, fv.keyIn
			pathOf := func(rt Routes, page int) string {
				return rt.Filter(facet, keyIn(rt), page)
			}
			valueOf := func(m *langModel) *FacetValue { return m.facets[fi].Values[vi] }
			listPages(func(m *langModel) []*ProjectItem { return valueOf(m).projects }, pathOf, title, valueOf, []Crumb{home, {Name: l.T("projects_title"), Path: rt.Projects(1)}})
		}
	}

	for _, it := range m.projects {
		slug := it.P.Slug
		add(it.Path, "project", func(r *Renderer) *View {
			it := r.model[lang].project(slug)
			v := r.baseView(lang, "project", it.Path, it.T.Title)
			r.entryView(v, &it.P.Entry, func(rt Routes) string { return rt.Project(slug) })
			v.Project = it
			v.Crumbs = []Crumb{home, {Name: l.T("projects_title"), Path: rt.Projects(1)}}
			return v
		}, projectInputs(it)...)
	}

	add(rt.Partners(), "partners", func(r *Renderer) *View {
		v := r.baseView(lang, "partners", rt.Partners(), l.T("partners_title"))
		r.withAlternates(v, same(r, Routes.Partners))
		v.Partners, v.Crumbs = r.model[lang].partners, []Crumb{home}
		return v
	}, "partners:"+lang)
	for _, it := range m.partners {
		slug := it.P.Slug
		add(it.Path, "partner", func(r *Renderer) *View {
			it := r.model[lang].partner(slug)
			v := r.baseView(lang, "partner", it.Path, it.T.Title)
			r.entryView(v, &it.P.Entry, func(rt Routes) string { return rt.Partner(slug) })
			v.Partner = it
			v.Crumbs = []Crumb{home, {Name: l.T("partners_title"), Path: rt.Partners()}}
			return v
		}, partnerInputs(it)...)
	}

	add(rt.Regions(), "regions", func(r *Renderer) *View {
		v := r.baseView(lang, "regions", rt.Regions(), l.T("regions_title"))
		r.withAlternates(v, same(r, Routes.Regions))
		v.Regions, v.Crumbs = r.model[lang].regions, []Crumb{home}
		return v
	}, "regions:"+lang)
	for i, ri := range m.regions {
		add(ri.Path, "region", func(r *Renderer) *View {
			ri := r.model[lang].regions[i]
			v := r.baseView(lang, "region", ri.Path, ri.Name)
			r.withAlternates(v, func(lg string) (string, bool) {
				return Routes{Lang: lg, L: r.locales[lg]}.Region(ri.Key), true
			})
			v.Region, v.Image = ri, ri.Cover
			v.Description = l.T("region_description", ri.Name)
			v.Crumbs = []Crumb{home, {Name: l.T("regions_title"), Path: rt.Regions()}}
			return v
		}, regionInputs(ri)...)
	}

	if len(m.stories) > 0 {
		add(rt.Stories(), "stories", func(r *Renderer) *View {
			v := r.baseView(lang, "stories", rt.Stories(), l.T("stories_title"))
			r.withAlternates(v, same(r, Routes.Stories))
			v.Stories, v.Crumbs = r.model[lang].stories, []Crumb{home}
			return v
		}, storyListInputs(m.stories)...)
	}
	for i, it := range m.stories {
		add(it.Path, "story", func(r *Renderer) *View {
			it := r.model[lang].stories[i]
			v := r.baseView(lang, "story", it.Path, it.T.Title)
			r.entryView(v, &it.S.Entry, func(rt Routes) string { return rt.Story(it.S.Slug) })
			v.Story, v.Image = it, it.Cover
			v.Crumbs = []Crumb{home, {Name: l.T("stories_title"), Path: rt.Stories()}}
			return v
		}, "story:"+it.S.Slug)
	}

	if len(m.indicators) > 0 {
		add(rt.Indicators(), "indicators", func(r *Renderer) *View {
			v := r.baseView(lang, "indicators", rt.Indicators(), l.T("indicators_title"))
			r.withAlternates(v, same(r, Routes.Indicators))
			v.Indicators, v.Crumbs = r.model[lang].indicators, []Crumb{home}
			return v
		}, indicatorListInputs(m.indicators)...)
	}
	for _, it := range m.indicators {
		id := it.I.ID
		add(it.Path, "indicator", func(r *Renderer) *View {
			it := r.model[lang].indicator(id)
			v := r.baseView(lang, "indicator", it.Path, it.Title)
			r.withAlternates(v, func(lg string) (string, bool) {
				return Routes{Lang: lg, L: r.locales[lg]}.Indicator(id), true
			})
			v.Indicator = it
			v.Description = it.Description
			v.Crumbs = []Crumb{home, {Name: l.T("indicators_title"), Path: rt.Indicators()}}
			return v
		}, append([]string{"indicator:" + it.I.ID}, cardKeys(it.Projects)...)...)
	}

	for _, it := range m.indicators {
		id := it.I.ID
		p := "/embed/" + lang + "/" + id + "/"
		add(p, "embed", func(r *Renderer) *View {
			it := r.model[lang].indicator(id)
			v := r.baseView(lang, "embed", p, it.Title)
			v.Indicator = it
			v.Canonical = r.site.Config.AbsURL(it.Path)
			return v
		}, "indicator:"+id)
	}

	for _, pg := range r.site.Pages {
		slug := pg.Slug
		p := rt.Page(pg)
		add(p, "page", func(r *Renderer) *View {
			pg := r.site.PageBySlug[slug]
			v := r.baseView(lang, "page", p, pg.In(lang).Title)
			r.entryView(v, &pg.Entry, func(rt Routes) string { return rt.Page(pg) })
			v.PageSlug = pg.Slug
			v.Crumbs = []Crumb{home}
			return v
		}, pageInputs(pg, m.indicators)...)
	}

	add(rt.Search(), "search", func(r *Renderer) *View {
		v := r.baseView(lang, "search", rt.Search(), l.T("search_title"))
		r.withAlternates(v, same(r, Routes.Search))
		v.Crumbs = []Crumb{home}
		return v
	})

	add(rt.NotFound(), "notfound", func(r *Renderer) *View {
		v := r.baseView(lang, "notfound", rt.NotFound(), l.T("notfound_title"))
		r.withAlternates(v, same(r, Routes.NotFound))
		v.Alternates = nil // a 404 page is not indexed
		return v
	})
	return pages
}

// entryView sets what a page showing one content entry needs: its text,
// the "not translated yet" state and the alternates of its translations.
func (r *Renderer) entryView(v *View, e *content.Entry, pathOf func(Routes) string) {
	t := e.In(v.Lang)
	v.Text = t
	v.Description = t.Summary
	v.Fallback = t.Fallback
	v.ContentLang = t.Lang
	r.withAlternates(v, func(lg string) (string, bool) {
		return pathOf(Routes{Lang: lg, L: r.locales[lg]}), e.Translated(lg)
	})
	if t.Fallback {
		// The text is the original's: point search engines at it.
		orig := Routes{Lang: t.Lang, L: r.locales[t.Lang]}
		v.Canonical = r.site.Config.AbsURL(pathOf(orig))
	}
}

func pager(page, n int, pathOf func(int) string) *Pager {
	p := &Pager{Page: page, Pages: n}
	if page > 1 {
		p.Prev = pathOf(page - 1)
	}
	if page < n {
		p.Next = pathOf(page + 1)
	}
	for _, i := range pagerWindow(page, n) {
		if i == 0 {
			p.Links = append(p.Links, PageLink{Gap: true})
			continue
		}
		p.Links = append(p.Links, PageLink{N: i, Path: pathOf(i), Current: i == page})
	}
	return p
}

// pagerWindow are the page numbers a pager links, 0 for a gap: all of
// them up to 9 pages, else the first and last, the current page and two
// on each side. A list of 10 000 projects has 500 pages; linking each
// from each made the pager the largest part of a list page, and 500 tab
// stops for a keyboard. A gap of one page shows that page instead.
func pagerWindow(page, n int) []int {
	if n <= 9 {
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
	}
	lo, hi := max(page-2, 1), min(page+2, n)
	// Keep five numbers around the current page near either end.
	if page <= 3 {
		hi = 5
	}
	if page >= n-2 {
		lo = n - 4
	}
	var out []int
	if lo > 1 {
		out = append(out, 1)
		if lo == 3 {
			out = append(out, 2)
		} else if lo > 3 {
			out = append(out, 0)
		}
	}
	for i := lo; i <= hi; i++ {
		out = append(out, i)
	}
	if hi < n {
		if hi == n-2 {
			out = append(out, n-1)
		} else if hi < n-2 {
			out = append(out, 0)
		}
		out = append(out, n)
	}
	return out
}
