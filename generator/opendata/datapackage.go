package opendata

import (
	"net/url"
	"strings"

	"github.com/transformace/portal/generator/content"
)

// dataPackage is data/datapackage.json, a Frictionless Data Package v2
// (https://datapackage.org/standard/data-package/) of every CSV file, so
// that tools such as frictionless or Open Refine read the files with their
// column types. Paths are relative to data/, where the descriptor lies.
type dataPackage struct {
	Schema      string       `json:"$schema"`
	Name        string       `json:"name"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	Homepage    string       `json:"homepage"`
	Licenses    []dpLicense  `json:"licenses"`
	Resources   []dpResource `json:"resources"`
}

type dpLicense struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type dpResource struct {
	Name        string     `json:"name"`
	Type        string     `json:"type"`
	Path        string     `json:"path"`
	Format      string     `json:"format"`
	Mediatype   string     `json:"mediatype"`
	Encoding    string     `json:"encoding"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Sources     []dpSource `json:"sources,omitempty"`
	Schema      dpSchema   `json:"schema"`
}

type dpSource struct {
	Title string `json:"title"`
}

type dpSchema struct {
	Fields []dpField `json:"fields"`
}

type dpField struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
}

// projectField is the Table Schema field of a projects column: its type
// when not "string", and a description, in lang, of the columns a reader
// could misread.
func projectField(name, lang string) dpField {
	f := dpField{Name: name, Type: "string"}
	list := func(cs, en string) string {
		return phrase(lang, cs+" oddělené středníkem", en+" separated by semicolons")
	}
	switch name {
	case "region":
		f.Description = list("klíče regionů", "region keys")
	case "start", "end":
		f.Description = phrase(lang, "rok, měsíc nebo datum podle ISO 8601", "ISO 8601 year, month or date")
	case "budget_czk":
		f.Type, f.Description = "integer", phrase(lang, "celkové náklady v celých Kč", "total cost in whole CZK")
	case "eu_funding_czk":
		f.Type, f.Description = "integer", phrase(lang, "podpora z fondů EU v celých Kč", "EU funding in whole CZK")
	case "partners":
		f.Description = list("identifikátory partnerů", "partner slugs")
	case "partner_icos":
		f.Description = list("IČO partnerů ve stejném pořadí jako partners (prázdné, není-li známo)", "IČO of each partner in the order of partners (empty when unknown)")
	case "indicators":
		f.Description = list("identifikátory ukazatelů", "indicator ids")
	case "tags":
		f.Description = list("štítky", "tags")
	case "updated":
		f.Type = "date"
	}
	return f
}

// dataPackageJSON writes data/datapackage.json.
func dataPackageJSON(s *content.Site, lic licence) ([]byte, error) {
	def := s.Config.DefaultLanguage()
	dp := dataPackage{
		Schema:      dataPackage2,
		Name:        packageName(s.Config.BaseURL),
		Title:       siteTitle(s, def),
		Description: s.Config.Description[def],
		Homepage:    s.Config.BaseURL,
		Licenses:    []dpLicense{{Name: lic.name, Path: lic.url, Title: lic.title}},
	}
	projects := dpResource{
		Name: ProjectsID, Type: "table", Path: strings.TrimPrefix(projectsCSVPath, "/data/"),
		Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
		Title: projectsDataset(s).Title[def],
	}
	for _, c := range projectColumns(s, Options{}) {
		projects.Schema.Fields = append(projects.Schema.Fields, projectField(c.name, def))
	}
	dp.Resources = append(dp.Resources, projects)
	for _, ind := range s.Indicators {
		r := dpResource{
			Name: ind.ID, Type: "table", Path: strings.TrimPrefix(indicatorCSVPath(ind.ID), "/data/"),
			Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
			Title:       ind.Meta.Title[def],
			Description: describeIndicator(ind, def),
		}
		if ind.Meta.Source != "" {
			r.Sources = []dpSource{{Title: ind.Meta.Source}}
		}
		r.Schema.Fields = append(r.Schema.Fields, dpField{Name: "period", Type: "string", Description: phrase(def, "období podle ISO 8601: RRRR, RRRR-Qn, RRRR-MM nebo RRRR-MM-DD", "ISO 8601 period: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD")})
		for _, name := range ind.Series {
			r.Schema.Fields = append(r.Schema.Fields, dpField{Name: name, Type: "number"})
		}
		dp.Resources = append(dp.Resources, r)
	}
	return encodeJSON(dp)
}

// packageName is the host of the base URL as a package name (lowercase
// letters, digits, ".", "-" and "_"): "transformace.example.cz".
func packageName(baseURL string) string {
	host := "portal"
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	b := []byte(strings.ToLower(host))
	for i, c := range b {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == '_') {
			b[i] = '-'
		}
	}
	return string(b)
}
