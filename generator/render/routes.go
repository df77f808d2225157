package render

import (
	"strconv"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/locale"
)

// Routes builds the addresses of every page in one language. Section names
// come from the UI strings (url_projects = "projekty"), so every language
// has readable addresses; values in addresses are slugs of their labels.
type Routes struct {
	Lang string
	L    *locale.Locale
}

func (r Routes) seg(key string) string { return r.L.T("url_" + key) }

// Home is /<lang>/.
func (r Routes) Home() string { return "/" + r.Lang + "/" }

// Projects is the list of all projects; page > 1 is a continuation.
func (r Routes) Projects(page int) string {
	return pageSuffix(r, r.Home()+r.seg("projects")+"/", page)
}

// Project is one project card.
func (r Routes) Project(slug string) string { return r.Home() + r.seg("projects") + "/" + slug + "/" }

// Filter is the project list narrowed to one value of one facet
// (region, status, fund, partner, tag).
func (r Routes) Filter(facet, value string, page int) string {
	return pageSuffix(r, r.Home()+r.seg("projects")+"/"+r.seg("facet_"+facet)+"/"+value+"/", page)
}

// Partners is the list of partners.
func (r Routes) Partners() string { return r.Home() + r.seg("partners") + "/" }

// Partner is one partner page.
func (r Routes) Partner(slug string) string { return r.Partners() + slug + "/" }

// Regions is the list of regions.
func (r Routes) Regions() string { return r.Home() + r.seg("regions") + "/" }

// Region is one region's page; its address is the slug of its name.
func (r Routes) Region(key string) string { return r.Regions() + r.RegionSlug(key) + "/" }

// RegionSlug is the address segment of a region in this language.
func (r Routes) RegionSlug(key string) string { return locale.Slugify(r.L.T("region_" + key)) }

// StatusSlug is the address segment of a status in this language.
func (r Routes) StatusSlug(status string) string { return locale.Slugify(r.L.T("status_" + status)) }

// Search is the search page; its index lies in index/ below it.
func (r Routes) Search() string { return r.Home() + r.seg("search") + "/" }

// Stories is the list of region stories.
func (r Routes) Stories() string { return r.Home() + r.seg("stories") + "/" }

// Story is one story's page.
func (r Routes) Story(slug string) string { return r.Stories() + slug + "/" }

// Indicators is the list of indicators.
func (r Routes) Indicators() string { return r.Home() + r.seg("indicators") + "/" }

// Indicator is one indicator's page.
func (r Routes) Indicator(id string) string { return r.Indicators() + id + "/" }

// Page is a free page at /<lang>/<its slug in lang>/.
func (r Routes) Page(pg *content.Page) string { return r.Home() + pg.URLSlug(r.Lang) + "/" }

// NotFound is the language's 404 page.
func (r Routes) NotFound() string { return r.Home() + "404.html" }

// FacetNames are the facets of the project list, in the order shown.
var FacetNames = []string{"region", "status", "fund", "partner", "tag"}

func pageSuffix(r Routes, base string, page int) string {
	if page <= 1 {
		return base
	}
	return base + r.seg("page") + "/" + strconv.Itoa(page) + "/"
}

// Sections are the top-level address segments of a language; a free page
// may not take one of them.
func (r Routes) Sections() []string {
	return []string{r.seg("projects"), r.seg("partners"), r.seg("regions"), r.seg("indicators"), r.seg("stories"), r.seg("search"), "404.html"}
}

// Reserved are the segments under the project list that filters and
// pagination use; a project may not take one as its slug.
func (r Routes) Reserved() []string {
	out := []string{r.seg("page")}
	for _, f := range FacetNames {
		out = append(out, r.seg("facet_"+f))
	}
	return out
}
