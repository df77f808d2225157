package render

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"unsafe"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
)

// What depends on what.
//
// Every page names the inputs it shows as keys:
//
//	project:<slug>    everything about a project (its own page)
//	card:<slug>       what a list entry of a project shows (titles, summaries, status, regions, budget)
//	partner:<slug>    everything about a partner
//	pcard:<slug>      a partner's name and kind, as linked from other pages
//	indicator:<id>    an indicator's metadata and data
//	icard:<id>        an indicator's title, unit and description, as listed elsewhere
//	page:<slug>       a free page
//	story:<slug>      everything about a photo story, its photos' variants included
//	scard:<slug>      a story's title, summary and cover, as listed elsewhere
//	facets:<lang>     the filter sidebar of the project lists
//	totals:<lang>     the home page's figures, newest cards and region tiles
//	regions:<lang>    the region tiles with their counts and budgets
//	partners:<lang>   the partner list with its counts
//	self:<hash>       facts local to one page (which projects are on it, in what order)
//
// and every page also depends on site.toml, the navigation, its layouts
// and its language's UI strings. Versions gives each key a hash of what it
// stands for; a page's Fingerprint combines its keys' versions. A page
// whose fingerprint did not change since the last render shows exactly the
// same data and need not be rendered again: that is how `portal serve`
// re-renders one card and the lists that show it, not the whole site.

// Versions returns the version of every input key of the site. It must
// not be modified.
func (r *Renderer) Versions() map[string]uint64 {
	// Only portal serve, and a build into a previous build's folder, ask.
	r.versionsOnce.Do(func() { r.versions = r.computeVersions() })
	return r.versions
}

// computeVersions hashes every input once, on first use.
func (r *Renderer) computeVersions() map[string]uint64 {
	v := map[string]uint64{}
	s := r.site
	v["site"] = hashOf(fmt.Sprint(*s.Config))
	nav := newHasher()
	for _, pg := range s.Pages {
		h := newHasher()
		for _, lang := range r.langs {
			t := pg.In(lang)
			nav.str(pg.Slug, t.Title, pg.URLSlug(lang))
			h.text(t)
		}
		v["page:"+pg.Slug] = h.sum()
	}
	// The menu links the stories and the indicators only when there are
	// some (layouts/base.html, "header-nav").
	nav.str(strconv.Itoa(len(s.Indicators)), strconv.Itoa(len(s.Stories)))
	v["nav"] = nav.sum()
	for _, pr := range s.Projects {
		v["project:"+pr.Slug], v["card:"+pr.Slug] = r.projectVersions(pr)
	}
	for _, pa := range s.Partners {
		v["partner:"+pa.Slug], v["pcard:"+pa.Slug] = r.partnerVersions(pa)
	}
	for _, ind := range s.Indicators {
		v["indicator:"+ind.ID], v["icard:"+ind.ID] = indicatorVersions(ind)
	}
	for _, st := range s.Stories {
		full, card := newHasher(), newHasher()
		for _, lang := range r.langs {
			t := st.In(lang)
			full.text(t)
			// A region page shows its newest story's cover with the
			// photo's credit, in the language it is written in.
			card.str(t.Title, t.Summary, t.CoverAlt, t.Credit, t.InheritedLang("credit", s.Config.DefaultLanguage()))
		}
		card.str(st.Region, st.Date.String(), imageKey(r.images(st.Dir, st.Cover)))
		full.str(st.Region, st.Date.String(), st.Cover, st.Updated.String())
		for _, name := range st.Images {
			full.str(name, imageKey(r.images(st.Dir, name)))
		}
		full.u64(card.sum())
		v["story:"+st.Slug], v["scard:"+st.Slug] = full.sum(), card.sum()
	}
	for _, lang := range r.langs {
		r.langVersions(lang, v)
	}
	for name, h := range r.layoutHashes {
		v[name] = h
	}
	return v
}

// projectVersions are the versions of "project:<slug>" and "card:<slug>".
func (r *Renderer) projectVersions(pr *content.Project) (project, card uint64) {
	full, c := newHasher(), newHasher()
	for _, lang := range r.langs {
		t := pr.In(lang)
		full.text(t)
		c.str(t.Title, t.Summary, strconv.FormatBool(t.Fallback))
	}
	c.str(pr.Status, fmt.Sprint(pr.Regions), strconv.FormatInt(pr.BudgetCZK, 10))
	// Fields one by one: %v of the struct would print pointers.
	full.str(pr.Status, fmt.Sprint(pr.Regions), pr.Start.String(), pr.End.String(),
		strconv.FormatInt(pr.BudgetCZK, 10), strconv.FormatInt(pr.EUFundingCZK, 10), pr.Fund, pr.Carrier,
		fmt.Sprint(pr.Partners), fmt.Sprint(pr.Indicators), fmt.Sprint(pr.Tags), pr.Updated.String())
	return full.sum(), c.sum()
}

// partnerVersions are the versions of "partner:<slug>" and "pcard:<slug>".
func (r *Renderer) partnerVersions(pa *content.Partner) (partner, card uint64) {
	full, c := newHasher(), newHasher()
	for _, lang := range r.langs {
		t := pa.In(lang)
		full.text(t)
		// The partners list shows the summary; project pages name the
		// IČO and website in their JSON-LD.
		c.str(t.Title, t.Summary, strconv.FormatBool(t.Fallback))
	}
	c.str(pa.Kind, pa.ICO, pa.Website)
	full.str(pa.Kind, pa.ICO, pa.Website, pa.Region)
	return full.sum(), c.sum()
}

// indicatorVersions are the versions of "indicator:<id>" and "icard:<id>".
func indicatorVersions(ind *indicator.Indicator) (full, card uint64) {
	f, c := newHasher(), newHasher()
	meta := metaString(ind.Meta)
	c.str(meta)
	f.str(meta, fmt.Sprint(ind.Series), ind.Updated.String())
	for _, row := range ind.Rows {
		f.str(row.Period.String())
		for _, x := range row.Values {
			f.f64(x)
		}
	}
	return f.sum(), c.sum()
}

// langVersions sets the versions of what the model of lang sums up
// (facets:, totals:, regions:, partners:) in v, which holds those of
// the cards already.
func (r *Renderer) langVersions(lang string, v map[string]uint64) {
	m := r.model[lang]
	f := newHasher()
	for _, fc := range m.facets {
		f.str(fc.Name)
		for _, fv := range fc.Values {
			f.str(fv.Key, fv.Label, fv.Path, strconv.Itoa(fv.Count))
		}
	}
	v["facets:"+lang] = f.sum()
	t := newHasher()
	t.str(fmt.Sprintf("%+v", *m.totals))
	for _, it := range m.newest {
		t.str(it.P.Slug)
		t.u64(v["card:"+it.P.Slug])
	}
	rg := newHasher()
	for _, ri := range m.regions {
		rg.str(ri.Key, strconv.Itoa(len(ri.Projects)), strconv.FormatInt(ri.Budget, 10), strconv.FormatInt(ri.EU, 10), strconv.Itoa(ri.Budgeted), imageKey(ri.Cover), ri.CoverAlt, ri.CoverCredit, ri.CoverCreditLang)
	}
	for _, si := range m.stories {
		t.str(si.S.Slug)
		t.u64(v["scard:"+si.S.Slug])
	}
	t.u64(rg.sum())
	v["totals:"+lang], v["regions:"+lang] = t.sum(), rg.sum()
	p := newHasher()
	for _, pi := range m.partners {
		p.str(pi.P.Slug, strconv.Itoa(len(pi.Carries)), strconv.Itoa(len(pi.Joins)))
		p.u64(v["pcard:"+pi.P.Slug])
	}
	v["partners:"+lang] = p.sum()
}

// Fingerprint is a hash of everything page p shows. Two renders with equal
// fingerprints produce the same bytes.
func (r *Renderer) Fingerprint(p *Page) uint64 {
	v := r.Versions()
	h := newHasher()
	h.str(p.Kind, p.Path, p.Lang)
	shared := []string{"site", "nav", "layout:base.html", "layout:partials.html", "layout:" + p.Kind + ".html"}
	if p.Kind == "chooser" || p.Path == "/404.html" {
		for _, lang := range r.langs {
			shared = append(shared, "i18n:"+lang)
		}
	} else {
		shared = append(shared, "i18n:"+p.Lang)
	}
	for _, k := range append(shared, p.Inputs...) {
		h.str(k)
		h.u64(v[k])
	}
	return h.sum()
}

// hashLayouts records a version for every layout and UI string file.
func hashLayouts(theme fs.FS) (map[string]uint64, error) {
	out := map[string]uint64{}
	for _, pattern := range []string{"layouts/*.html", "layouts/i18n/*.toml"} {
		names, err := fs.Glob(theme, pattern)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(theme, name)
			if err != nil {
				return nil, err
			}
			key := "layout:" + name[len("layouts/"):]
			if len(name) > len("layouts/i18n/") && name[:len("layouts/i18n/")] == "layouts/i18n/" {
				key = "i18n:" + name[len("layouts/i18n/"):len(name)-len(".toml")]
			}
			out[key] = hashOf(string(data))
		}
	}
	return out, nil
}

// metaString spells out indicator metadata without pointers.
func metaString(m indicator.Meta) string {
	target := "none"
	if m.Target != nil {
		target = strconv.FormatFloat(*m.Target, 'g', -1, 64)
	}
	return fmt.Sprint(m.Unit.All, m.Unit.PerLang, m.Unit.Forms, m.Periodicity, m.Source, m.Chart, target, m.Sample, m.Title, m.Description)
}

func cardKeys(items []*ProjectItem) []string {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = "card:" + it.P.Slug
	}
	return keys
}

// listKey stands for which projects a list page shows, in which order, and
// how many pages the list has: it changes when a project joins, leaves or
// moves, even if no card changed.
func listKey(path string, items []*ProjectItem, pages int) string {
	h := newHasher()
	h.str(path, strconv.Itoa(pages))
	for _, it := range items {
		h.str(it.P.Slug)
	}
	return "self:" + strconv.FormatUint(h.sum(), 16)
}

func projectInputs(it *ProjectItem) []string {
	in := []string{"project:" + it.P.Slug}
	if it.Carrier != nil {
		in = append(in, "pcard:"+it.Carrier.P.Slug)
	}
	for _, pi := range it.Partners {
		in = append(in, "pcard:"+pi.P.Slug)
	}
	// A project page draws each indicator's sparkline: its data, not
	// only its card.
	for _, ii := range it.Indicators {
		in = append(in, "indicator:"+ii.I.ID)
	}
	return in
}

func partnerInputs(it *PartnerItem) []string {
	in := []string{"partner:" + it.P.Slug, listKey(it.Path, append(append([]*ProjectItem(nil), it.Carries...), it.Joins...), len(it.Carries))}
	in = append(in, cardKeys(it.Carries)...)
	return append(in, cardKeys(it.Joins)...)
}

// imageKey stands for a photo's published variants.
func imageKey(im *ImageSet) string {
	if im == nil {
		return ""
	}
	return im.Srcset + im.WebPSrcset
}

func storyListInputs(items []*StoryItem) []string {
	in := make([]string, 0, len(items)+1)
	h := newHasher()
	for _, it := range items {
		h.str(it.S.Slug)
		in = append(in, "scard:"+it.S.Slug)
	}
	return append(in, "self:"+strconv.FormatUint(h.sum(), 16))
}

func regionInputs(ri *RegionItem) []string {
	// The page sums the budgets and EU funding of its projects, which
	// their cards do not all show.
	sums := fmt.Sprintf("sums:%d/%d/%d", ri.Budget, ri.EU, ri.Budgeted)
	in := []string{listKey(ri.Path, ri.Projects, len(ri.Partners)*1000+len(ri.Indicators)), sums}
	for _, si := range ri.Stories {
		in = append(in, "scard:"+si.S.Slug)
	}
	in = append(in, cardKeys(ri.Projects)...)
	for _, pi := range ri.Partners {
		in = append(in, "pcard:"+pi.P.Slug)
	}
	for _, ii := range ri.Indicators {
		in = append(in, "icard:"+ii.I.ID)
	}
	return in
}

// pageInputs: the open data page also lists every data set.
func pageInputs(pg *content.Page, inds []*IndicatorItem) []string {
	in := []string{"page:" + pg.Slug}
	if pg.Slug == "open-data" {
		in = append(in, indicatorListInputs(inds)...)
	}
	return in
}

func indicatorListInputs(items []*IndicatorItem) []string {
	in := make([]string, len(items))
	for i, it := range items {
		in[i] = "icard:" + it.I.ID
	}
	return in
}

// hasher is a 64-bit hash of length-prefixed strings, so that ("ab","c")
// and ("a","bc") differ. It takes eight bytes at a time: every page of a
// 10 000-project site is fingerprinted after each save in portal serve,
// and FNV, a byte at a time, was a sixth of that. Each step
// (x ^ word) · odd constant, then x ^ x>>29, is a bijection of x, so two
// inputs that differ in one word never hash alike.
type hasher struct{ x uint64 }

func newHasher() *hasher { return &hasher{x: 0xcbf29ce484222325} }

func (h *hasher) word(w uint64) {
	h.x = (h.x ^ w) * 0x9e3779b97f4a7c15
	h.x ^= h.x >> 29
}

func (h *hasher) str(ss ...string) {
	for _, s := range ss {
		h.word(uint64(len(s)))
		for len(s) >= 8 {
			h.word(binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s), 8)))
			s = s[8:]
		}
		var tail uint64
		for i := 0; i < len(s); i++ {
			tail |= uint64(s[i]) << (8 * i)
		}
		h.word(tail)
	}
}

func (h *hasher) u64(x uint64) { h.word(x) }

func (h *hasher) f64(x float64) { h.u64(math.Float64bits(x)) }

func (h *hasher) text(t *content.Text) {
	h.str(t.Lang, t.File, strconv.FormatBool(t.Fallback), t.Title, t.Summary, t.URLSlug, t.Territory, t.Plan, t.Priority, t.Goal, t.CoverAlt, t.Credit, string(t.Body))
	keys := make([]string, 0, len(t.Inherited))
	for k := range t.Inherited {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h.str(keys...)
}

// sum does not change h: a last mix of a copy, so that the final words
// reach every bit.
func (h *hasher) sum() uint64 {
	c := *h
	c.word(0x94d049bb133111eb)
	return c.x
}

func hashOf(s string) uint64 {
	h := newHasher()
	h.str(s)
	return h.sum()
}
