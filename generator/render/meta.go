package render

import (
	"encoding/json"
	"html/template"
	"strings"

	"github.com/transformace/portal/generator/opendata"
)

// OGLocale is the OpenGraph locale of a language ("cs" → "cs_CZ").
func OGLocale(lang string) string {
	switch lang {
	case "cs":
		return "cs_CZ"
	case "en":
		return "en_GB"
	case "pl":
		return "pl_PL"
	case "de":
		return "de_DE"
	case "sk":
		return "sk_SK"
	}
	return lang
}

// OGType is "article" for a page about one thing, "website" for lists.
func (v *View) OGType() string {
	switch v.Kind {
	case "project", "partner", "indicator", "page":
		return "article"
	}
	return "website"
}

// FeedURL is the page language's Atom feed.
func (v *View) FeedURL() string { return FeedPath(v.Lang) }

// JSONLD is the structured data of the page for search engines:
// the publisher on the home page, a Project for a project card, an
// Organization for a partner, a Dataset for an indicator (Google Dataset
// Search). It is JSON encoded with <, > and & escaped, safe in a script
// element of type application/ld+json.
func (v *View) JSONLD() template.JS {
	cfg := v.Site.Config
	var doc map[string]any
	switch {
	case v.Kind == "home":
		doc = map[string]any{
			"@context": "https://schema.org", "@type": "WebSite",
			"name": cfg.Title[v.Lang], "url": cfg.AbsURL(v.Path), "inLanguage": v.Lang,
			"publisher": publisher(v),
		}
	case v.Project != nil:
		it := v.Project
		d := map[string]any{
			"@context": "https://schema.org", "@type": "Project",
			"name": it.T.Title, "description": it.T.Summary, "url": v.Canonical,
		}
		var areas []any
		for _, k := range it.P.Regions {
			areas = append(areas, map[string]any{"@type": "AdministrativeArea", "name": v.RegionName(k)})
		}
		if areas != nil {
			d["areaServed"] = areas
		}
		if it.Carrier != nil {
			d["parentOrganization"] = org(v, it.Carrier)
		}
		var members []any
		for _, p := range it.Partners {
			members = append(members, org(v, p))
		}
		if members != nil {
			d["member"] = members
		}
		if it.P.Fund != "" {
			d["funder"] = map[string]any{"@type": "Organization", "name": it.P.Fund}
		}
		doc = d
	case v.Partner != nil:
		doc = org(v, v.Partner)
		doc["@context"] = "https://schema.org"
		doc["description"] = v.Partner.T.Summary
	case v.Indicator != nil && v.Kind == "indicator":
		doc = datasetLD(v)
	default:
		return ""
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return ""
	}
	return template.JS(data)
}

func publisher(v *View) map[string]any {
	p := map[string]any{"@type": "GovernmentOrganization", "name": v.Site.Config.Publisher}
	if ico := v.Site.Config.PublisherICO; ico != "" {
		p["identifier"] = map[string]any{"@type": "PropertyValue", "propertyID": "IČO", "value": ico}
	}
	if e := v.Site.Config.ContactEmail; e != "" {
		p["email"] = e
	}
	return p
}

// org describes a partner; public bodies are GovernmentOrganization.
func org(v *View, p *PartnerItem) map[string]any {
	t := "Organization"
	switch p.P.Kind {
	case "ministry", "region", "municipality", "agency":
		t = "GovernmentOrganization"
	case "ngo", "mas":
		t = "NGO"
	case "university":
		t = "CollegeOrUniversity"
	}
	d := map[string]any{"@type": t, "name": p.T.Title, "url": v.Site.Config.AbsURL(p.Path)}
	if p.P.ICO != "" {
		d["identifier"] = map[string]any{"@type": "PropertyValue", "propertyID": "IČO", "value": p.P.ICO}
	}
	if p.P.Website != "" {
		d["sameAs"] = p.P.Website
	}
	return d
}

// datasetLD is schema.org Dataset for Google Dataset Search; the
// description must be 50–5000 characters, so it is padded with the chart's
// own description when short.
func datasetLD(v *View) map[string]any {
	it := v.Indicator
	cfg := v.Site.Config
	desc := it.Description
	if len([]rune(desc)) < 50 {
		desc = strings.TrimSpace(desc + " " + v.ChartDescription(it))
	}
	if r := []rune(desc); len(r) > 5000 {
		desc = string(r[:5000])
	}
	d := map[string]any{
		"@context": "https://schema.org", "@type": "Dataset",
		"name": it.Title, "description": desc, "url": v.Canonical,
		"inLanguage": v.Lang, "isAccessibleForFree": true,
		"creator":  publisher(v),
		"license":  licenseURL(cfg.DataLicense),
		"keywords": []string{v.L.T("indicators_title"), cfg.Title[v.Lang]},
	}
	if !it.I.Updated.IsZero() {
		d["dateModified"] = it.I.Updated.UTC().Format("2006-01-02")
	}
	if n := len(it.I.Rows); n > 0 {
		d["temporalCoverage"] = it.I.Rows[0].Period.String() + "/" + it.I.Rows[n-1].Period.String()
	}
	var places []any
	seen := map[string]bool{}
	for _, p := range it.Projects {
		for _, k := range p.P.Regions {
			if !seen[k] && k != "abroad" {
				seen[k] = true
				places = append(places, map[string]any{"@type": "Place", "name": v.RegionName(k)})
			}
		}
	}
	if places != nil {
		d["spatialCoverage"] = places
	}
	var dist []any
	if ds, ok := opendata.DatasetOf(v.Site, it.I.ID); ok {
		for _, f := range ds.Files {
			dist = append(dist, map[string]any{"@type": "DataDownload", "encodingFormat": f.MediaType, "contentUrl": cfg.AbsURL(f.Path)})
		}
	}
	if dist != nil {
		d["distribution"] = dist
	}
	return d
}

func licenseURL(id string) string {
	switch id {
	case "CC-BY-4.0":
		return "https://creativecommons.org/licenses/by/4.0/"
	case "CC0-1.0":
		return "https://creativecommons.org/publicdomain/zero/1.0/"
	}
	return id
}
