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
//
// The documents are structs whose fields are in the order of their JSON
// keys, so the output is what encoding a map would give (sorted keys) at
// a fraction of the cost: a project page's JSON-LD took a tenth of its
// rendering as maps.
func (v *View) JSONLD() template.JS {
	cfg := v.Site.Config
	var doc any
	switch {
	case v.Kind == "home":
		doc = struct {
			Context    string      `json:"@context"`
			Type       string      `json:"@type"`
			InLanguage string      `json:"inLanguage"`
			Name       string      `json:"name"`
			Publisher  publisherLD `json:"publisher"`
			URL        string      `json:"url"`
		}{"https://schema.org", "WebSite", v.Lang, cfg.Title[v.Lang], publisher(v), cfg.AbsURL(v.Path)}
	case v.Project != nil:
		it := v.Project
		d := projectLD{Context: "https://schema.org", Type: "Project", Description: it.T.Summary, Name: it.T.Title, URL: v.Canonical}
		for _, k := range it.P.Regions {
			d.AreaServed = append(d.AreaServed, typedName{"AdministrativeArea", v.RegionName(k)})
		}
		if it.P.Fund != "" {
			d.Funder = &typedName{"Organization", it.P.Fund}
		}
		for _, p := range it.Partners {
			d.Member = append(d.Member, orgJSON(v, p))
		}
		if it.Carrier != nil {
			d.ParentOrganization = orgJSON(v, it.Carrier)
		}
		doc = d
	case v.Partner != nil:
		o := org(v, v.Partner)
		o.Context, o.Description = "https://schema.org", &v.Partner.T.Summary
		doc = o
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

// projectLD is a schema.org Project; its fields are in key order.
type projectLD struct {
	Context            string            `json:"@context"`
	Type               string            `json:"@type"`
	AreaServed         []typedName       `json:"areaServed,omitempty"`
	Description        string            `json:"description"`
	Funder             *typedName        `json:"funder,omitempty"`
	Member             []json.RawMessage `json:"member,omitempty"`
	Name               string            `json:"name"`
	ParentOrganization json.RawMessage   `json:"parentOrganization,omitempty"`
	URL                string            `json:"url"`
}

// typedName is a schema.org thing known by its name.
type typedName struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// propertyValue is a schema.org identifier such as an IČO.
type propertyValue struct {
	Type       string `json:"@type"`
	PropertyID string `json:"propertyID"`
	Value      string `json:"value"`
}

// orgLD is a schema.org Organization; its fields are in key order.
type orgLD struct {
	Context     string         `json:"@context,omitempty"`
	Type        string         `json:"@type"`
	Description *string        `json:"description,omitempty"`
	Email       string         `json:"email,omitempty"`
	Identifier  *propertyValue `json:"identifier,omitempty"`
	Name        string         `json:"name"`
	SameAs      string         `json:"sameAs,omitempty"`
	URL         string         `json:"url,omitempty"`
}

// publisherLD is the site's publisher, an orgLD without a URL.
type publisherLD = orgLD

func publisher(v *View) publisherLD {
	p := publisherLD{Type: "GovernmentOrganization", Name: v.Site.Config.Publisher, Email: v.Site.Config.ContactEmail}
	if ico := v.Site.Config.PublisherICO; ico != "" {
		p.Identifier = &propertyValue{"PropertyValue", "IČO", ico}
	}
	return p
}

// org describes a partner; public bodies are GovernmentOrganization.
func org(v *View, p *PartnerItem) orgLD {
	t := "Organization"
	switch p.P.Kind {
	case "ministry", "region", "municipality", "agency":
		t = "GovernmentOrganization"
	case "ngo", "mas":
		t = "NGO"
	case "university":
		t = "CollegeOrUniversity"
	}
	d := orgLD{Type: t, Name: p.T.Title, URL: v.Site.Config.AbsURL(p.Path), SameAs: p.P.Website}
	if p.P.ICO != "" {
		d.Identifier = &propertyValue{"PropertyValue", "IČO", p.P.ICO}
	}
	return d
}

// orgJSON is org encoded, once per partner and language: a partner is
// named on the pages of all its projects.
func orgJSON(v *View, p *PartnerItem) json.RawMessage {
	p.ld.once.Do(func() { p.ld.json, _ = json.Marshal(org(v, p)) })
	return p.ld.json
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
