package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
)

// Output receives the files Write produces; *publish.Writer satisfies it.
// rel is a slash-separated path relative to the output folder, without a
// leading slash ("data/projects.csv").
type Output interface {
	WriteFile(rel string, data []byte) error
}

// Dataset describes one published data set, for the open data page and
// the build summary.
type Dataset struct {
	// ID is "projects" or the indicator's id.
	ID string
	// Title is the data set's name per site language.
	Title map[string]string
	// Files are its distributions (CSV, JSON), in that order.
	Files []File
	// IRI is the absolute URL of its DCAT-AP-CZ record,
	// base_url + "data/datasets/<id>.jsonld"; empty when the site has no
	// publisher_ico and the catalogue is therefore not written.
	IRI string
	// Sample reports illustrative numbers (indicator metadata sample = true).
	Sample bool
}

// File is one distribution of a data set.
type File struct {
	// Path is the file's site path, "/data/projects.csv".
	Path string
	// Format is the short name of its format: "CSV" or "JSON".
	Format string
	// MediaType is its IANA media type: "text/csv" or "application/json".
	MediaType string
}

// Options adjust WriteWith.
type Options struct {
	// ProjectURL returns the URL of a project's page in lang, for the
	// url_<lang> columns of the projects data set. It may return an
	// absolute URL or a site path starting with "/", which is joined to
	// base_url. When nil, base_url + "<lang>/projects/<slug>/" is used,
	// which is right only for sites whose project section is named
	// "projects" in every language: the build passes its own routes.
	ProjectURL func(lang, slug string) string
	// Cache, when set, keeps each indicator's files for the next
	// WriteWith with the same Cache, which makes again only those whose
	// inputs changed (portal serve). The files are the same.
	Cache *Cache
}

// ProjectsID is the id of the data set of project cards. An indicator may
// not use it as its id, because both would have the same DCAT record.
const ProjectsID = "projects"

// Vocabularies and addresses the DCAT-AP-CZ documents use. The context and
// the shapes of the documents follow the 2024-05-28 specification and its
// examples and JSON schemas
// (github.com/datagov-cz/otevrene-formalni-normy,
// dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/příklady/ and
// schémata/); the schemas require https IRIs for data sets, catalogues and
// file URLs, and http IRIs for file types and IANA media types.
const (
	dcatContext = "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/rozhraní-katalogů-otevřených-dat.jsonld"
	// publisherPrefix + IČO is a public authority in the register of
	// rights and duties (RPP), the form the specification's examples use.
	publisherPrefix = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/"
	themePrefix     = "http://publications.europa.eu/resource/authority/data-theme/"
	frequencyPrefix = "http://publications.europa.eu/resource/authority/frequency/"
	fileTypePrefix  = "http://publications.europa.eu/resource/authority/file-type/"
	mediaTypePrefix = "http://www.iana.org/assignments/media-types/"
	ruianRegion     = "https://linked.cuzk.cz/resource/ruian/vusc/"
	ruianCountry    = "https://linked.cuzk.cz/resource/ruian/stat/1"

	csvwContext  = "http://www.w3.org/ns/csvw"
	dataPackage2 = "https://datapackage.org/profiles/2.0/datapackage.json"
)

// ruianCodes are the RÚIAN codes of the regions (vyšší územně samosprávné
// celky, VÚSC) by region key; "abroad" has none.
var ruianCodes = map[string]int{
	"praha":           19,
	"stredocesky":     27,
	"jihocesky":       35,
	"plzensky":        43,
	"karlovarsky":     51,
	"ustecky":         60,
	"liberecky":       78,
	"kralovehradecky": 86,
	"pardubicky":      94,
	"vysocina":        108,
	"jihomoravsky":    116,
	"olomoucky":       124,
	"moravskoslezsky": 132,
	"zlinsky":         141,
}

// frequencies map indicator periodicities to the EU frequency authority.
var frequencies = map[string]string{
	"annual":    "ANNUAL",
	"quarterly": "QUARTERLY",
	"monthly":   "MONTHLY",
	"irregular": "IRREG",
}

// Site paths of the files (CONTENT-MODEL.md, section 6); Output paths are
// the same without the leading slash.
const (
	projectsCSVPath  = "/data/projects.csv"
	projectsJSONPath = "/data/projects.json"
	catalogPath      = "/data/catalog.jsonld"
	datapackagePath  = "/data/datapackage.json"
)

func indicatorCSVPath(id string) string  { return "/data/indicators/" + id + ".csv" }
func indicatorJSONPath(id string) string { return "/data/indicators/" + id + ".json" }
func indicatorCSVWPath(id string) string { return "/data/indicators/" + id + ".csv-metadata.json" }
func recordPath(id string) string        { return "/data/datasets/" + id + ".jsonld" }

// rel turns a site path into an Output path.
func rel(sitePath string) string { return strings.TrimPrefix(sitePath, "/") }

// Datasets lists the data sets Write publishes, in the order it writes
// them: the projects first, then the indicators in the site's order. It
// writes nothing, so pages can link to the files before they exist.
func Datasets(s *content.Site) []Dataset {
	out := make([]Dataset, 0, 1+len(s.Indicators))
	out = append(out, projectsDataset(s))
	for _, ind := range s.Indicators {
		out = append(out, indicatorDataset(s, ind))
	}
	return out
}

// DatasetOf is the one data set with the given ID (ProjectsID or an
// indicator's ID), without building the others: an indicator page needs
// only its own.
func DatasetOf(s *content.Site, id string) (Dataset, bool) {
	if id == ProjectsID {
		return projectsDataset(s), true
	}
	if ind := s.IndicatorByID[id]; ind != nil {
		return indicatorDataset(s, ind), true
	}
	return Dataset{}, false
}

func projectsDataset(s *content.Site) Dataset {
	title := map[string]string{}
	for _, l := range s.Config.Languages {
		title[l] = phrase(l, "Projekty", "Projects")
	}
	return Dataset{
		ID:    ProjectsID,
		Title: title,
		Files: []File{
			{Path: projectsCSVPath, Format: "CSV", MediaType: "text/csv"},
			{Path: projectsJSONPath, Format: "JSON", MediaType: "application/json"},
		},
		IRI: recordIRI(s, ProjectsID),
	}
}

func indicatorDataset(s *content.Site, ind *indicator.Indicator) Dataset {
	title := map[string]string{}
	for _, l := range s.Config.Languages {
		if t := ind.Meta.Title[l]; t != "" {
			title[l] = t
		}
	}
	return Dataset{
		ID:    ind.ID,
		Title: title,
		Files: []File{
			{Path: indicatorCSVPath(ind.ID), Format: "CSV", MediaType: "text/csv"},
			{Path: indicatorJSONPath(ind.ID), Format: "JSON", MediaType: "application/json"},
		},
		IRI:    recordIRI(s, ind.ID),
		Sample: ind.Meta.Sample,
	}
}

// recordIRI is the IRI of a data set's DCAT record, or "" when the
// catalogue is not written.
func recordIRI(s *content.Site, id string) string {
	if !hasCatalog(s) {
		return ""
	}
	return s.Config.AbsURL(recordPath(id))
}

// hasCatalog reports whether the DCAT documents are written: they need the
// publisher's IČO.
func hasCatalog(s *content.Site) bool { return s.Config.PublisherICO != "" }

// Write writes every open data file of the site to out, with the default
// Options, and returns what it published. See WriteWith.
func Write(s *content.Site, out Output) ([]Dataset, error) {
	return WriteWith(s, out, Options{})
}

// WriteWith writes every open data file of the site to out: the projects
// and indicator files, the CSVW schemas, the data package and, when
// site.toml has a publisher_ico, the DCAT-AP-CZ catalogue and records. It
// returns the data sets as Datasets lists them.
//
// Content that would publish a wrong catalogue is reported as a
// *content.Error before anything is written: in content/site.toml an
// invalid publisher_ico, a data_license the catalogue cannot state, or no
// publisher to name as the author CC BY requires; an indicator whose id is
// "projects" (ProjectsID). Errors of out are returned wrapped with the
// file's path; the files written before it are left to the caller, who
// discards the whole build (publish.Writer.Abort).
func WriteWith(s *content.Site, out Output, opts Options) ([]Dataset, error) {
	if err := Check(s); err != nil {
		return nil, err
	}
	lic, _ := licenceOf(s)
	sets := Datasets(s)
	w := &writer{out: out, cache: opts.Cache}
	if w.cache != nil {
		w.cache.begin()
		defer w.cache.end()
	}
	projCSV, projJSON, err := projectsFiles(s, opts)
	if err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", rel(projectsCSVPath), err)
	}
	w.file(rel(projectsCSVPath), func() ([]byte, error) { return projCSV, nil })
	w.file(rel(projectsJSONPath), func() ([]byte, error) { return projJSON, nil })
	// The keys of the Cache stand for everything each indicator file's
	// function reads: the site's settings, the indicator, for a record its
	// data set and regions.
	var site uint64
	inds := map[string]uint64{}
	if c := w.cache; c != nil {
		site = c.sum(s.Config, documentation(s), lic)
		for _, ind := range s.Indicators {
			inds[ind.ID] = c.sum(ind)
		}
	}
	for _, ind := range s.Indicators {
		key := inds[ind.ID]
		w.cached(rel(indicatorCSVPath(ind.ID)), func() ([]byte, error) { return indicatorCSV(ind) }, key)
		w.cached(rel(indicatorJSONPath(ind.ID)), func() ([]byte, error) { return indicatorJSON(s, ind) }, key, site)
		w.cached(rel(indicatorCSVWPath(ind.ID)), func() ([]byte, error) { return indicatorCSVW(s, ind, lic) }, key, site)
	}
	w.file(rel(datapackagePath), func() ([]byte, error) { return dataPackageJSON(s, lic) })
	if hasCatalog(s) {
		for _, d := range sets {
			build := func() ([]byte, error) { return recordJSON(s, d, lic) }
			if ind := s.IndicatorByID[d.ID]; ind != nil && w.cache != nil {
				w.cached(rel(recordPath(d.ID)), build, inds[ind.ID], site, w.cache.sum(d, indicatorSpatial(s, ind)))
			} else {
				w.file(rel(recordPath(d.ID)), build)
			}
		}
		w.file(rel(catalogPath), func() ([]byte, error) { return catalogJSON(s, sets) })
	}
	if w.err != nil {
		return nil, w.err
	}
	return sets, nil
}

// Check reports the content errors WriteWith would report, without
// making any file: portal serve publishes the pages of a save before its
// data files are made, and must refuse a broken save before either.
func Check(s *content.Site) error {
	lic, err := licenceOf(s)
	if err != nil {
		return err
	}
	if hasCatalog(s) {
		if err := content.CheckICO(s.Config.PublisherICO); err != nil {
			return siteError("publisher_ico: %v; the open data catalogue names the publisher by it", err)
		}
		if lic.needsAuthor && s.Config.Publisher == "" {
			return siteError("publisher is missing: the %s licence of the data names the publisher as their author", lic.name)
		}
	}
	if ind := s.IndicatorByID[ProjectsID]; ind != nil {
		return content.Errorf(ind.MetaFile, 0, "the indicator id %q is reserved for the data set of all projects: rename the indicator's files", ProjectsID)
	}
	return nil
}

// writer writes files until the first error.
type writer struct {
	out   Output
	cache *Cache // nil: every file is made
	err   error
}

// cached is file with the file kept in the cache, if any, while the
// sums of its inputs (Cache.sum) stay the same.
func (w *writer) cached(path string, build func() ([]byte, error), sums ...uint64) {
	if w.cache == nil {
		w.file(path, build)
		return
	}
	key := w.cache.sum(sums)
	w.file(path, func() ([]byte, error) { return w.cache.get(path, key, build) })
}

func (w *writer) file(path string, build func() ([]byte, error)) {
	if w.err != nil {
		return
	}
	data, err := build()
	if err != nil {
		w.err = fmt.Errorf("opendata: %s: %w", path, err)
		return
	}
	if err := w.out.WriteFile(path, data); err != nil {
		w.err = fmt.Errorf("opendata: %s: %w", path, err)
	}
}

func siteError(format string, args ...any) error {
	return content.Errorf("content/site.toml", 0, format, args...)
}

// licence is how a data_license value is stated in each kind of metadata.
type licence struct {
	name, url, title string
	// needsAuthor: the licence names an author (attribution).
	needsAuthor bool
}

// Licences the catalogue can express in its terms of use. NKOD's guide
// (data.gov.cz, "Stanovení podmínek užití") recommends CC BY 4.0 for data
// that are a work or an original database and CC0 to waive the database
// maker's special rights.
var licences = map[string]licence{
	"CC-BY-4.0": {name: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International", needsAuthor: true},
	"CC0-1.0":   {name: "CC0-1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/", title: "CC0 1.0 Universal"},
}

func licenceOf(s *content.Site) (licence, error) {
	name := s.Config.DataLicense
	if name == "" {
		name = "CC-BY-4.0"
	}
	lic, ok := licences[name]
	if !ok {
		return licence{}, siteError("data_license %q is not one the open data catalogue can state: use \"CC-BY-4.0\" or \"CC0-1.0\"", name)
	}
	return lic, nil
}

// phrase picks the Czech or the English wording of a text this package
// writes itself; languages other than Czech get the English one.
func phrase(lang, cs, en string) string {
	if lang == "cs" {
		return cs
	}
	return en
}

// siteTitle is the site's title in lang, or in the default language.
func siteTitle(s *content.Site, lang string) string {
	if t := s.Config.Title[lang]; t != "" {
		return t
	}
	return s.Config.Title[s.Config.DefaultLanguage()]
}

// encodeJSON encodes v indented by two spaces, with non-ASCII text and
// <>& left as they are, ending in a newline.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// isoDate formats a date as YYYY-MM-DD in its own time zone, "" for the
// zero time.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
