package opendata

import (
	"sort"
	"strconv"
	"strings"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
)

// The DCAT-AP-CZ documents. Keys and their order follow the examples of
// the 2024-05-28 specification (příklady/katalog.jsonld and
// příklady/datová-sada.jsonld); which keys are required follows its JSON
// schemas (schémata/katalog.json, schémata/datová-sada.json). Language
// maps are JSON objects keyed by language, encoded with sorted keys.

// dcatCatalog is data/catalog.jsonld.
type dcatCatalog struct {
	Context     string            `json:"@context"`
	IRI         string            `json:"iri"`
	Type        string            `json:"typ"`
	Title       map[string]string `json:"název"`
	Description map[string]string `json:"popis"`
	Contact     *contactPoint     `json:"kontaktní_bod,omitempty"`
	Homepage    string            `json:"domovská_stránka"`
	Publisher   string            `json:"poskytovatel"`
	Datasets    []string          `json:"datová_sada"`
}

// contactPoint is a vCard organisation with an e-mail address.
type contactPoint struct {
	Type  string            `json:"typ"`
	Name  map[string]string `json:"jméno"`
	Email string            `json:"e-mail"`
}

// dcatDataset is data/datasets/<id>.jsonld, a complete record of one data
// set with its distributions.
type dcatDataset struct {
	Context       string              `json:"@context"`
	IRI           string              `json:"iri"`
	Type          string              `json:"typ"`
	Title         map[string]string   `json:"název"`
	Description   map[string]string   `json:"popis"`
	Publisher     string              `json:"poskytovatel"`
	Themes        []string            `json:"téma"`
	Frequency     string              `json:"periodicita_aktualizace"`
	Keywords      map[string][]string `json:"klíčové_slovo"`
	Spatial       []string            `json:"prvek_rúian"`
	Temporal      *timeInterval       `json:"časové_pokrytí,omitempty"`
	Contact       *contactPoint       `json:"kontaktní_bod,omitempty"`
	Documentation string              `json:"dokumentace,omitempty"`
	Distributions []distribution      `json:"distribuce"`
}

type timeInterval struct {
	Type  string `json:"typ"`
	Start string `json:"začátek"`
	End   string `json:"konec"`
}

// distribution is a downloadable file of a data set.
type distribution struct {
	IRI         string            `json:"iri"`
	Type        string            `json:"typ"`
	Title       map[string]string `json:"název,omitempty"`
	Terms       termsOfUse        `json:"podmínky_užití"`
	DownloadURL string            `json:"soubor_ke_stažení"`
	AccessURL   string            `json:"přístupové_url"`
	Format      string            `json:"formát"`
	MediaType   string            `json:"typ_média"`
	Schema      string            `json:"schéma,omitempty"`
}

// termsOfUse states the four rights NKOD asks about for every
// distribution ("Specifikace podmínek užití"). The values are the pages
// of data.gov.cz/podmínky-užití/ or a Creative Commons licence: the
// 2024-05-28 schema (schémata/datová-sada.json) requires all four keys and
// allows exactly neobsahuje-osobní-údaje and obsahuje-osobní-údaje for
// osobní_údaje; its example uses CC BY 4.0 with autor and autor_databáze
// as below.
type termsOfUse struct {
	Type           string            `json:"typ"`
	Work           string            `json:"autorské_dílo"`
	Author         map[string]string `json:"autor,omitempty"`
	DatabaseWork   string            `json:"databáze_jako_autorské_dílo"`
	DatabaseAuthor map[string]string `json:"autor_databáze,omitempty"`
	SpecialRights  string            `json:"databáze_chráněná_zvláštními_právy"`
	PersonalData   string            `json:"osobní_údaje"`
}

// Values of the terms of use, pages of data.gov.cz/podmínky-užití/ (their
// sources are in github.com/datagov-cz/data.gov.cz, podmínky-užití/).
const (
	termsNoWorks         = "https://data.gov.cz/podmínky-užití/neobsahuje-autorská-díla/"
	termsNoOriginalDB    = "https://data.gov.cz/podmínky-užití/není-autorskoprávně-chráněnou-databází/"
	termsNoSpecialRights = "https://data.gov.cz/podmínky-užití/není-chráněna-zvláštním-právem-pořizovatele-databáze/"
	termsNoPersonalData  = "https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/"
)

// terms are the terms of use under the site's licence. CC BY 4.0 licenses
// the data both as a work and as an original database, naming the
// publisher as the author (the specification's example); CC0 waives the
// database maker's special rights, the data being neither a work nor an
// original database (NKOD's guide "Stanovení podmínek užití"). The portal
// publishes no personal data.
func terms(s *content.Site, lic licence) termsOfUse {
	t := termsOfUse{
		Type:          "Specifikace podmínek užití",
		PersonalData:  termsNoPersonalData,
		SpecialRights: termsNoSpecialRights,
	}
	switch lic.name {
	case "CC0-1.0":
		t.Work, t.DatabaseWork, t.SpecialRights = termsNoWorks, termsNoOriginalDB, lic.url
	default: // CC-BY-4.0
		author := map[string]string{"cs": s.Config.Publisher}
		t.Work, t.Author = lic.url, author
		t.DatabaseWork, t.DatabaseAuthor = lic.url, author
	}
	return t
}

func publisherIRI(s *content.Site) string { return publisherPrefix + s.Config.PublisherICO }

// contact is the contact point for data questions, nil without
// contact_email.
func contact(s *content.Site) *contactPoint {
	if s.Config.ContactEmail == "" {
		return nil
	}
	name := s.Config.Publisher
	names := map[string]string{}
	for _, l := range []string{"cs", "en"} {
		if name != "" {
			names[l] = name
		} else {
			names[l] = siteTitle(s, l)
		}
	}
	return &contactPoint{Type: "Organizace", Name: names, Email: "mailto:" + s.Config.ContactEmail}
}

// catalogJSON writes data/catalog.jsonld.
func catalogJSON(s *content.Site, sets []Dataset) ([]byte, error) {
	c := dcatCatalog{
		Context:     dcatContext,
		IRI:         s.Config.AbsURL(catalogPath),
		Type:        "Katalog",
		Title:       map[string]string{},
		Description: map[string]string{},
		Contact:     contact(s),
		Homepage:    s.Config.BaseURL,
		Publisher:   publisherIRI(s),
	}
	for _, l := range s.Config.Languages {
		c.Title[l] = siteTitle(s, l)
		if d := s.Config.Description[l]; d != "" {
			c.Description[l] = d
		}
	}
	if len(c.Description) == 0 { // popis is required
		for _, l := range s.Config.Languages {
			c.Description[l] = phrase(l, "Otevřená data portálu ", "Open data of the portal ") + siteTitle(s, l) + "."
		}
	}
	for _, d := range sets {
		c.Datasets = append(c.Datasets, d.IRI)
	}
	return encodeJSON(c)
}

// recordJSON writes data/datasets/<id>.jsonld.
func recordJSON(s *content.Site, d Dataset, lic licence) ([]byte, error) {
	r := dcatDataset{
		Context:       dcatContext,
		IRI:           d.IRI,
		Type:          "Datová sada",
		Publisher:     publisherIRI(s),
		Contact:       contact(s),
		Documentation: documentation(s),
	}
	var energy bool
	if d.ID == ProjectsID {
		r.Title, r.Description = projectsTexts(s)
		r.Themes = []string{themePrefix + "REGI", themePrefix + "ECON", themePrefix + "GOVE"}
		r.Frequency = frequencyPrefix + "IRREG"
		r.Spatial = []string{ruianCountry}
	} else {
		ind := s.IndicatorByID[d.ID]
		energy = isEnergy(ind)
		r.Title, r.Description = indicatorTexts(s, ind)
		r.Themes = []string{themePrefix + "REGI", themePrefix + "ECON"}
		if energy {
			r.Themes[1] = themePrefix + "ENER"
		}
		r.Frequency = frequencyPrefix + "UNKNOWN"
		if f, ok := frequencies[ind.Meta.Periodicity]; ok {
			r.Frequency = frequencyPrefix + f
		}
		r.Spatial = indicatorSpatial(s, ind)
		if first, last, ok := coverage(ind); ok {
			r.Temporal = &timeInterval{Type: "Časový interval", Start: isoDate(first), End: isoDate(last)}
		}
	}
	r.Keywords = keywords(s, d, energy)
	t := terms(s, lic)
	for _, f := range d.Files {
		kind := strings.ToLower(f.Format)
		dist := distribution{
			IRI:         d.IRI + "#distribuce-" + kind,
			Type:        "Distribuce",
			Title:       map[string]string{"cs": "Soubor " + f.Format, "en": f.Format + " file"},
			Terms:       t,
			DownloadURL: s.Config.AbsURL(f.Path),
			AccessURL:   s.Config.AbsURL(f.Path),
			Format:      fileTypePrefix + f.Format,
			MediaType:   mediaTypePrefix + f.MediaType,
		}
		if f.Format == "CSV" && d.ID != ProjectsID {
			dist.Schema = s.Config.AbsURL(indicatorCSVWPath(d.ID))
		}
		r.Distributions = append(r.Distributions, dist)
	}
	return encodeJSON(r)
}

// projectsTexts are the name and description of the projects data set.
func projectsTexts(s *content.Site) (title, desc map[string]string) {
	title, desc = map[string]string{}, map[string]string{}
	for _, l := range []string{"cs", "en"} {
		site := siteTitle(s, l)
		title[l] = phrase(l, "Projekty", "Projects") + " – " + site
		desc[l] = phrase(l,
			"Karty všech projektů portálu "+site+": název, shrnutí, region, stav, období realizace, rozpočet a podíl EU, fond, vazba na strategii, nositel, partneři, ukazatele a štítky.",
			"The cards of all projects of the portal "+site+": name, summary, region, status, period, budget and EU share, fund, strategy, lead partner, partners, indicators and tags.")
	}
	return title, desc
}

// indicatorTexts are an indicator's name and description per language; a
// sample's description starts with the warning that it is illustrative.
func indicatorTexts(s *content.Site, ind *indicator.Indicator) (title, desc map[string]string) {
	title, desc = map[string]string{}, map[string]string{}
	for _, l := range s.Config.Languages {
		if t := ind.Meta.Title[l]; t != "" {
			title[l] = t
		}
		d := describeIndicator(ind, l)
		if d == "" && title[l] != "" { // popis is required
			d = phrase(l, "Časová řada ukazatele „", "Time series of the indicator “") + title[l] + phrase(l, "“.", "”.")
		}
		if d != "" {
			desc[l] = d
		}
	}
	return title, desc
}

// isEnergy reports whether an indicator is about energy: its id or a
// title mentions "energ…" (energie, energetický, energy). Such data sets
// get the EU theme ENER; other indicators get ECON, as the portal is about
// economic transition; every data set also gets REGI.
func isEnergy(ind *indicator.Indicator) bool {
	if strings.Contains(strings.ToLower(ind.ID), "energ") {
		return true
	}
	for _, t := range ind.Meta.Title {
		if strings.Contains(strings.ToLower(t), "energ") {
			return true
		}
	}
	return false
}

// indicatorSpatial is the RÚIAN regions of the projects that report the
// indicator, by code; the whole country when there are none ("abroad" has
// no RÚIAN element).
func indicatorSpatial(s *content.Site, ind *indicator.Indicator) []string {
	seen := map[int]bool{}
	var codes []int
	for _, p := range s.ProjectsWithInd[ind.ID] {
		for _, r := range p.Regions {
			if c, ok := ruianCodes[r]; ok && !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
	}
	if len(codes) == 0 {
		return []string{ruianCountry}
	}
	sort.Ints(codes)
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = ruianRegion + strconv.Itoa(c)
	}
	return out
}

// keywords are fixed Czech and English words for the kind of data set,
// plus the site's title in every language (unless it repeats a word).
func keywords(s *content.Site, d Dataset, energy bool) map[string][]string {
	out := map[string][]string{}
	add := func(lang string, words ...string) {
		for _, w := range words {
			if w == "" {
				continue
			}
			dup := false // "Transformace regionů" repeats "transformace regionů"
			for _, x := range out[lang] {
				dup = dup || strings.EqualFold(x, w)
			}
			if !dup {
				out[lang] = append(out[lang], w)
			}
		}
	}
	if d.ID == ProjectsID {
		add("cs", "projekty", "regionální rozvoj", "transformace regionů")
		add("en", "projects", "regional development", "regions in transition")
	} else {
		add("cs", "ukazatel", "časová řada", "transformace regionů")
		add("en", "indicator", "time series", "regions in transition")
		if energy {
			add("cs", "energie")
			add("en", "energy")
		}
	}
	if d.Sample {
		add("cs", "ilustrativní data")
		add("en", "illustrative data")
	}
	for _, l := range s.Config.Languages {
		add(l, s.Config.Title[l])
	}
	return out
}

// documentation is the open data page (content/pages/open-data.*.md) in
// the default language, the same address render gives it; "" without one.
func documentation(s *content.Site) string {
	pg := s.PageBySlug["open-data"]
	if pg == nil {
		return ""
	}
	def := s.Config.DefaultLanguage()
	return s.Config.AbsURL("/" + def + "/" + pg.URLSlug(def) + "/")
}
