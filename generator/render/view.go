package render

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/transformace/portal/generator/config"
	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/locale"
)

// View is what a template sees: the page, its language and the site.
// Fields a page kind does not use stay empty.
type View struct {
	Lang string
	L    *locale.Locale
	R    Routes
	Cfg  *config.Site
	Site *content.Site

	Kind        string // home, projects, project, partners, partner, regions, region, indicators, indicator, page, notfound
	Path        string
	Title       string
	Description string
	Canonical   string
	// Alternates are the language versions for hreflang: those written in
	// their language. Switch is the language switcher: every language.
	Alternates []Alternate
	Switch     []Alternate
	Crumbs     []Crumb
	// ContentLang is the language of the main text: the default language
	// on a page that is not translated yet.
	ContentLang string
	Fallback    bool
	// Asset maps a static file to its published path.
	Asset func(string) string
	// shared holds the partials and fragments every page kind has
	// (View.Card, View.Fragment); frags caches rendered fragments.
	shared *template.Template
	frags  *sync.Map
	// frame is what this page's fragments depend on, made on first use.
	frame string

	Text      *content.Text
	PageSlug  string // the file slug of a free page
	Project   *ProjectItem
	Partner   *PartnerItem
	Region    *RegionItem
	Indicator *IndicatorItem
	Story     *StoryItem
	Stories   []*StoryItem
	// Image is the photo shared with the page (og:image), if any.
	Image *ImageSet

	Projects   []*ProjectItem
	Partners   []*PartnerItem
	Regions    []*RegionItem
	Indicators []*IndicatorItem
	Facets     []*Facet
	Filter     *FacetValue
	Pager      *Pager
	Totals     *Totals
}

// Alternate is one language version of a page.
type Alternate struct {
	Lang, Name, Path, URL string
	Current               bool
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct{ Name, Path string }

// ProjectItem is a project as shown in one language.
type ProjectItem struct {
	P    *content.Project
	T    *content.Text
	Path string
	// Carrier and Partners are resolved for linking; a slug that is not a
	// partner never reaches here (content rejects it).
	Carrier    *PartnerItem
	Partners   []*PartnerItem
	Indicators []*IndicatorItem
	Tags       []Tag
	Updated    time.Time
	// idx is its place in the model's projects (incremental.go).
	idx int
	// card is its rendered card (View.Card).
	card struct {
		once sync.Once
		html HTML
		err  error
	}
}

// Tag is a topic with its label in the page's language; Lang is set when
// the label is the default language's word because no translation exists.
type Tag struct{ Label, Path, Lang string }

// PartnerItem is a partner as shown in one language.
type PartnerItem struct {
	P    *content.Partner
	T    *content.Text
	Path string
	// Carries and Joins are the projects it carries and those it is a
	// partner in; Budget sums the budgets of both.
	Carries, Joins []*ProjectItem
	Budget         int64
	idx            int // its place in the model's partners
	// ld is its JSON-LD Organization (orgJSON).
	ld struct {
		once sync.Once
		json []byte
	}
}

// RegionItem is a region with what the site holds about it.
type RegionItem struct {
	Key, Name, Path string
	// Cover is the photo of the region: the cover of its newest story,
	// shown with that story's credit (CoverCreditLang is the credit's
	// language when it differs from the page's).
	Cover                        *ImageSet
	CoverAlt                     string
	CoverCredit, CoverCreditLang string
	Stories                      []*StoryItem
	Projects                     []*ProjectItem
	Partners                     []*PartnerItem
	Indicators                   []*IndicatorItem
	Budget, EU                   int64
	// Budgeted counts the projects that state a budget: with none, the
	// region's total is unknown, not zero.
	Budgeted int
}

// StoryItem is a photo story as shown in one language.
type StoryItem struct {
	S     *content.Story
	T     *content.Text
	Path  string
	Cover *ImageSet // nil without a cover
	// body renders the story's body with responsive photos, on demand.
	body func() template.HTML
}

// Body is the story text with its photos as figures.
func (s *StoryItem) Body() template.HTML { return s.body() }

// IndicatorItem is an indicator as shown in one language.
type IndicatorItem struct {
	I           *indicator.Indicator
	Title, Unit string
	// UnitForms are the unit's plural forms, or nil (indicator.Text).
	UnitForms   map[string]string
	Description string
	Path        string
	Projects    []*ProjectItem
	idx         int // its place in the model's indicators
	// drawn holds its charts, drawn on first use (View.Chart).
	drawn struct {
		chart, spark, desc sync.Once
		chartSVG, sparkSVG HTML
		descText           string
	}
}

// Facet is one dimension of the project list filter.
type Facet struct {
	Name, Label string
	Values      []*FacetValue
	// Top, when set, are the values a list page shows: a facet with
	// hundreds of partners is no use as a list of links on a phone (and
	// would make every list page heavy), so it shows the partners with
	// most projects and More links to the index of all of them.
	Top  map[*FacetValue]bool
	More string
	// list is the rendered list of values for pages not filtered by this
	// facet (View.FacetList).
	list fragment
}

// FacetList is the "facet-values" template for f on this page. Only the
// facet a page is filtered by marks a current value; every other facet
// lists the same links on every list page of the language. So each list
// is rendered once per build: once per facet, and once per value for the
// pages filtered by it.
func (v *View) FacetList(f *Facet) (HTML, error) {
	render := func() (HTML, error) {
		var b strings.Builder
		err := v.shared.ExecuteTemplate(&b, "facet-values", struct {
			View  *View
			Facet *Facet
		}{v, f})
		return HTML(b.String()), err
	}
	cache := &f.list
	if v.Filter != nil && v.Filter.Facet == f.Name {
		// The list marks this page's value: the same on every page of
		// this filter (page 2, 3 … of a long list).
		cache = &v.Filter.list
	}
	cache.once.Do(func() { cache.html, cache.err = render() })
	return cache.html, cache.err
}

// maxFacetValues is how many values of a long facet a list page shows.
const maxFacetValues = 12

// FacetValues are the values of f that this page lists: all of them, or
// for a long facet its Top and the value this page is filtered by.
func (v *View) FacetValues(f *Facet) []*FacetValue {
	if f.Top == nil {
		return f.Values
	}
	shown := make([]*FacetValue, 0, maxFacetValues+1)
	for _, fv := range f.Values {
		if f.Top[fv] || v.Filter == fv {
			shown = append(shown, fv)
		}
	}
	return shown
}

// FacetValue is one value of a facet, linking to its filtered list.
type FacetValue struct {
	Facet, Key, Label, Path string
	Count                   int
	projects                []*ProjectItem
	keyIn                   func(Routes) string
	// list is its facet's rendered list on the pages filtered by it.
	list fragment
}

// Pager links the pages of a long list.
type Pager struct {
	Page, Pages int
	Prev, Next  string
	Links       []PageLink
}

// PageLink is one numbered page of a list, or a gap of pages the pager
// does not link.
type PageLink struct {
	N       int
	Path    string
	Current bool
	Gap     bool
}

// Totals summarise all projects for the home page.
type Totals struct {
	Projects   int
	ByStatus   []StatusCount
	Budget, EU int64
	// EUShare is EU funding as a percentage of the budgets that name it.
	EUShare  float64
	Budgeted int
}

// StatusCount is how many projects have a status.
type StatusCount struct {
	Status, Label, Path string
	Count               int
}

// HTML marks trusted, already sanitised markup for templates.
type HTML = template.HTML

// Card pairs a project with the page's locale for the "project-item"
// template, which is used inside range loops where the view is out of reach.
type Card struct {
	*ProjectItem
	L *locale.Locale
}

// Card is the "project-item" template of a project in this page's
// language. A project's card is the same on every list, region, partner
// and home page that shows it, so it is rendered once per build and
// reused: on a large site each card appears on a dozen pages.
func (v *View) Card(it *ProjectItem) (HTML, error) {
	it.card.once.Do(func() {
		var b strings.Builder
		it.card.err = v.shared.ExecuteTemplate(&b, "project-item", Card{ProjectItem: it, L: v.L})
		it.card.html = HTML(b.String())
	})
	return it.card.html, it.card.err
}

// fragment is one rendered fragment of the page frame.
type fragment struct {
	once sync.Once
	html HTML
	err  error
}

// Fragment is the template name rendered for this page, reusing the
// result of any earlier page with the same language, kind and section
// index: the header and footer are the same on thousands of pages, and
// rendering them took half the template time of a project page. A
// fragment may therefore use only those and site-wide data (see
// layouts/base.html).
func (v *View) Fragment(name string) (HTML, error) {
	if v.frame == "" {
		v.frame = v.Lang + "\x00" + v.Kind + "\x00" + v.navPath()
	}
	return v.once(name+"\x00"+v.frame, name, v)
}

// once is the template name executed with data, rendered by the first
// page of the build that asks for key and reused by the others.
func (v *View) once(key any, name string, data any) (HTML, error) {
	f, ok := v.frags.Load(key)
	if !ok {
		f, _ = v.frags.LoadOrStore(key, &fragment{})
	}
	fr := f.(*fragment)
	fr.once.Do(func() {
		var b strings.Builder
		fr.err = v.shared.ExecuteTemplate(&b, name, data)
		fr.html = HTML(b.String())
	})
	return fr.html, fr.err
}

// Snippet is what a snippet template (View.Snip) sees: one item and the
// page's language, nothing of the page itself.
type Snippet struct {
	It   any
	Lang string
	L    *locale.Locale
	R    Routes
	// v is the page that first asked for the snippet, for the methods
	// below, which use its language only.
	v *View
}

// Sparkline is an indicator's small chart (View.Sparkline).
func (s Snippet) Sparkline(it *IndicatorItem) HTML { return s.v.Sparkline(it) }

// FundPath is the project list filtered by a fund (View.FundPath).
func (s Snippet) FundPath(fund string) string { return s.v.FundPath(fund) }

// RegionName is the name of a region in the snippet's language.
func (s Snippet) RegionName(key string) string { return s.L.T("region_" + key) }

// StatusLabel is the name of a project status in the snippet's language.
func (s Snippet) StatusLabel(status string) string { return s.L.T("status_" + status) }

// snipKey names one rendered snippet of a build.
type snipKey struct {
	name, lang string
	item       any
}

// Snip is the named template rendered for item (a pointer, string or
// other comparable value) in this page's language, reused by every page
// of the build that asks for the same: a partner's link, a region's link
// or a topic's is on hundreds of project pages, and html/template spends
// about a microsecond on each action. Like a fragment, a snippet may use
// only what Snippet holds.
func (v *View) Snip(name string, item any) (HTML, error) {
	if item == nil || !reflect.TypeOf(item).Comparable() {
		return "", fmt.Errorf("snippet %q: %T cannot name a snippet", name, item)
	}
	return v.once(snipKey{name, v.Lang, item}, name, Snippet{It: item, Lang: v.Lang, L: v.L, R: v.R, v: v})
}

// navPath is the page's path when it is a page the navigation links to
// (the navigation marks it as the current page), otherwise "".
func (v *View) navPath() string {
	switch v.Path {
	case v.R.Projects(1), v.R.Regions(), v.R.Partners(), v.R.Stories(), v.R.Indicators(), v.R.Home():
		return v.Path
	}
	if pg := v.Site.PageBySlug["open-data"]; pg != nil && v.Path == v.R.Page(pg) {
		return v.Path
	}
	return ""
}

// Cards are the cards of items, one after the other: a list page shows
// fifty, and one call costs the template less than fifty.
func (v *View) Cards(items []*ProjectItem) (HTML, error) {
	cards := make([]HTML, len(items))
	n := 0
	for i, it := range items {
		c, err := v.Card(it)
		if err != nil {
			return "", err
		}
		cards[i], n = c, n+len(c)
	}
	// Sized once: growing the builder card by card allocated twice the
	// list (460 MB over the list pages of N = 10 000).
	var b strings.Builder
	b.Grow(n)
	for _, c := range cards {
		b.WriteString(string(c))
	}
	return HTML(b.String()), nil
}

// FieldLang is the language of a project's text field when it differs
// from the page's (a field the translation inherits from the default
// language's card), for a lang attribute; otherwise "".
func (v *View) FieldLang(field string) string {
	if v.Project == nil {
		return ""
	}
	if l := v.Project.T.InheritedLang(field, v.Site.Config.DefaultLanguage()); l != v.Lang {
		return l
	}
	return ""
}

// Period formats a year, a month or a day in the page's language.
func (v *View) Period(p content.Period) string {
	switch {
	case p.IsZero():
		return ""
	case p.Day > 0:
		return v.L.Date(p.Time())
	case p.Month > 0:
		return v.L.Month(p.Year, time.Month(p.Month))
	}
	return fmt.Sprint(p.Year)
}

// PeriodRange formats a realisation period: "2024–2026", "od 2024",
// "do 2026"; "" when neither end is known.
func (v *View) PeriodRange(start, end content.Period) string {
	switch {
	case start.IsZero() && end.IsZero():
		return ""
	case end.IsZero():
		return v.L.T("period_from", v.Period(start))
	case start.IsZero():
		return v.L.T("period_until", v.Period(end))
	case start.Day == 0 && start.Month == 0 && end.Day == 0 && end.Month == 0:
		return fmt.Sprintf("%d–%d", start.Year, end.Year)
	}
	return v.Period(start) + "\u00a0– " + v.Period(end)
}

// StatusLabel is a status as citizens read it in the page's language.
func (v *View) StatusLabel(status string) string { return v.L.T("status_" + status) }

// RegionName is a region's name in the page's language.
func (v *View) RegionName(key string) string { return v.L.T("region_" + key) }

// FundPath is the project list filtered to a fund.
func (v *View) FundPath(fund string) string { return v.R.Filter("fund", locale.Slugify(fund), 1) }

// Host is the host name of a URL, the readable part of a partner's website.
func (v *View) Host(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return strings.TrimPrefix(p.Host, "www.")
	}
	return u
}

// IndicatorPeriod formats a data period: "2024", "2. čtvrtletí 2024",
// "březen 2024", "5. března 2024".
func (v *View) IndicatorPeriod(p indicator.Period) string {
	switch {
	case p.Quarter > 0:
		return v.L.T("quarter", p.Quarter, p.Year)
	case p.Day > 0:
		return v.L.Date(time.Date(p.Year, time.Month(p.Month), p.Day, 0, 0, 0, 0, time.UTC))
	case p.Month > 0:
		return v.L.Month(p.Year, time.Month(p.Month))
	}
	return fmt.Sprint(p.Year)
}

// Value formats a data value; a missing value is a dash that screen
// readers announce as "no data".
func (v *View) Value(f float64) template.HTML {
	if math.IsNaN(f) {
		// A dash for the eye, words for screen readers (aria-label is not
		// allowed on a plain span).
		return template.HTML(`<span aria-hidden="true">–</span><span class="visually-hidden">` + template.HTMLEscapeString(v.L.T("no_data")) + `</span>`)
	}
	return template.HTML(template.HTMLEscapeString(v.L.Decimal(f, -1)))
}

// DataRows are the body rows of an indicator's data table: the period as
// a row header and a cell per series. They are written here, not by a
// range in the layout, because a monthly indicator has hundreds of cells
// and html/template spends a microsecond or two on each action; the
// layout keeps the table, its caption and its header row.
func (v *View) DataRows(it *IndicatorItem) template.HTML {
	var b strings.Builder
	for _, r := range it.I.Rows {
		b.WriteString(`<tr><th scope="row">`)
		b.WriteString(template.HTMLEscapeString(v.IndicatorPeriod(r.Period)))
		b.WriteString(`</th>`)
		for _, x := range r.Values {
			b.WriteString(`<td class="num">`)
			b.WriteString(string(v.Value(x)))
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>`)
	}
	return template.HTML(b.String())
}

// ImageAlt describes the shared photo of the page.
func (v *View) ImageAlt() string {
	switch {
	case v.Story != nil:
		return v.Story.T.CoverAlt
	case v.Region != nil:
		return v.Region.CoverAlt
	}
	return ""
}
