package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/markdown"
	"github.com/transformace/portal/generator/publish"
)

// The build hands Write its publish.Writer.
var _ Output = (*publish.Writer)(nil)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const testSiteTOML = `base_url = "https://example.cz/"
languages = ["cs", "en"]
publisher = "Karlovarský kraj"
publisher_ico = "70891168"
contact_email = "data@example.cz"
data_license = "CC-BY-4.0"

[title]
cs = "Transformace regionů"
en = "Regions in Transition"

[description]
cs = "Otevřený portál o projektech regionů v transformaci."
en = "An open portal on the projects of regions in transition."
`

// testFiles is a small bilingual site: a project translated into English
// and one only in Czech, three partners (two with an IČO), an annual
// sample indicator with a missing value and a quarterly one, and the open
// data page.
var testFiles = map[string]string{
	"content/site.toml": testSiteTOML,
	"content/partners/mesto-sokolov.cs.md": `+++
title = "Město Sokolov"
kind = "municipality"
ico = "00259586"
region = "karlovarsky"
+++
`,
	"content/partners/ustecky-kraj.cs.md": `+++
title = "Ústecký kraj"
kind = "region"
ico = "70892156"
region = "ustecky"
+++
`,
	"content/partners/mas-sever.cs.md": `+++
title = "MAS Sever"
kind = "mas"
+++
`,
	"content/projects/animace.cs.md": `+++
title = "Animace pro „spravedlivou“ transformaci, 2. etapa"
summary = "Místní akční skupiny rozhýbou kraj."
region = ["ustecky", "abroad"]
territory = "ORP Most"
status = "running"
start = "2024-03"
end = 2026
budget_czk = 54_675_000
eu_funding_czk = 46_473_750
fund = "OPST"
plan = "Plán spravedlivé územní transformace"
priority = "3 Sociální soudržnost"
goal = "3.1 Animace území"
carrier = "ustecky-kraj"
partners = ["mesto-sokolov", "mas-sever"]
indicators = ["spotreba-energie", "akce"]
tags = ["animace", "spravedlivá transformace"]
+++
Text projektu.
`,
	"content/projects/animace.en.md": `+++
title = "Animation for a \"just\" transition, phase 2"
summary = "Local action groups get the region moving."
territory = "Most district"
+++
Project text.
`,
	"content/projects/jednotka.cs.md": `+++
title = "Koordinační jednotka Sokolovsko"
summary = "Společné pracoviště pro strategické projekty."
region = "karlovarsky"
status = "preparation"
start = 2024
carrier = "mesto-sokolov"
indicators = ["akce"]
+++
Jen česky.
`,
	"content/indicators/spotreba-energie.toml": `unit = "MWh"
periodicity = "annual"
source = "Ilustrativní data pro ukázku."
sample = true

[title]
cs = "Spotřeba energie v budovách"
en = "Energy consumption in buildings"

[description]
cs = "Roční spotřeba elektřiny a tepla."
en = "Annual electricity and heat consumption."
`,
	"content/indicators/spotreba-energie.csv": "\ufeffRok;Elektřina;Teplo\n2019;14820,4;\n2020;13975,1;38210,7\n2021;0,1;1 234 567,25\n",
	"content/indicators/akce.toml": `periodicity = "quarterly"
source = "Výroční zpráva"
chart = "bar"
target = 12

[unit]
cs = "akce"
en = "events"

[title]
cs = "Animační akce"
en = "Animation events"

[description]
cs = "Počet akcí za čtvrtletí."
`,
	"content/indicators/akce.csv": "čtvrtletí,Animační akce\n2024-Q1,4\n2024-Q2,9\n2024-Q3,\n2024-Q4,11\n",
	"content/pages/open-data.cs.md": `+++
title = "Otevřená data"
slug = "otevrena-data"
+++
Data.
`,
	"content/pages/open-data.en.md": `+++
title = "Open data"
+++
Data.
`,
}

// loadSite loads files (testFiles with edits; "" removes a file) with
// fixed change dates.
func loadSite(t testing.TB, edits map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range testFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	for name, data := range edits {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	updated := func(file string) (time.Time, bool) {
		if file == "content/projects/animace.en.md" {
			return time.Date(2025, 2, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600)), true
		}
		return time.Date(2025, 1, 15, 10, 0, 0, 0, time.FixedZone("CET", 3600)), true
	}
	s, err := content.Load(fsys, content.Options{Markdown: markdown.New(markdown.Options{}), Updated: updated})
	if err != nil {
		t.Fatalf("loading the test site: %v", err)
	}
	return s
}

// memOut collects written files and, like publish.Writer, refuses to
// write one path twice.
type memOut map[string][]byte

func (m memOut) WriteFile(rel string, data []byte) error {
	if strings.HasPrefix(rel, "/") {
		return fmt.Errorf("%s: output paths are relative", rel)
	}
	if _, dup := m[rel]; dup {
		return fmt.Errorf("%s: written twice", rel)
	}
	m[rel] = bytes.Clone(data)
	return nil
}

func write(t *testing.T, s *content.Site, opts Options) (memOut, []Dataset) {
	t.Helper()
	out := memOut{}
	sets, err := WriteWith(s, out, opts)
	if err != nil {
		t.Fatalf("WriteWith: %v", err)
	}
	return out, sets
}

// TestGolden compares every written file with testdata/golden/<path>; run
// with -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	out, _ := write(t, loadSite(t, nil), Options{})
	root := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(root); err != nil {
			t.Fatal(err)
		}
		for rel, data := range out {
			p := filepath.Join(root, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := []string{
		"data/catalog.jsonld",
		"data/datapackage.json",
		"data/datasets/akce.jsonld",
		"data/datasets/projects.jsonld",
		"data/datasets/spotreba-energie.jsonld",
		"data/indicators/akce.csv",
		"data/indicators/akce.csv-metadata.json",
		"data/indicators/akce.json",
		"data/indicators/spotreba-energie.csv",
		"data/indicators/spotreba-energie.csv-metadata.json",
		"data/indicators/spotreba-energie.json",
		"data/projects.csv",
		"data/projects.json",
	}
	if got := sortedKeys(out); !slices.Equal(got, want) {
		t.Errorf("written files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var golden []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			r, _ := filepath.Rel(root, p)
			golden = append(golden, filepath.ToSlash(r))
		}
		return err
	})
	if err != nil {
		t.Fatalf("reading golden files (run go test -update to create them): %v", err)
	}
	for _, rel := range golden {
		if _, ok := out[rel]; !ok {
			t.Errorf("%s: golden file of a file no longer written (run go test -update)", rel)
		}
	}
	for _, rel := range sortedKeys(out) {
		wantData, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", rel, err)
			continue
		}
		if !bytes.Equal(out[rel], wantData) {
			t.Errorf("%s differs from its golden file (run go test -update after a deliberate change):\n--- got\n%s\n--- want\n%s", rel, out[rel], wantData)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestDeterministic(t *testing.T) {
	s := loadSite(t, nil)
	a, _ := write(t, s, Options{})
	b, _ := write(t, s, Options{})
	if !reflect.DeepEqual(a, b) {
		t.Error("two writes of the same site differ")
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Error("CSV starts with a byte order mark")
	}
	if bytes.Contains(data, []byte("\r")) {
		t.Error("CSV lines end in CRLF; want \\n")
	}
	r := csv.NewReader(bytes.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return recs
}

// row returns the record of the project with slug as a column → value map.
func row(t *testing.T, recs [][]string, slug string) map[string]string {
	t.Helper()
	for _, rec := range recs[1:] {
		if rec[0] == slug {
			m := map[string]string{}
			for i, h := range recs[0] {
				m[h] = rec[i]
			}
			return m
		}
	}
	t.Fatalf("no row for %s", slug)
	return nil
}

func TestProjectsCSV(t *testing.T) {
	out, _ := write(t, loadSite(t, nil), Options{})
	recs := readCSV(t, out["data/projects.csv"])
	header := []string{"slug", "title_cs", "title_en", "summary_cs", "summary_en", "region", "territory_cs", "territory_en",
		"status", "start", "end", "budget_czk", "eu_funding_czk", "fund", "plan", "priority", "goal",
		"carrier", "carrier_ico", "partners", "partner_icos", "indicators", "tags", "url_cs", "url_en", "updated"}
	if !slices.Equal(recs[0], header) {
		t.Fatalf("header:\n%q\nwant\n%q", recs[0], header)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want a header and 2 projects", len(recs))
	}
	if recs[1][0] != "animace" || recs[2][0] != "jednotka" {
		t.Errorf("rows are not in slug order: %s, %s", recs[1][0], recs[2][0])
	}
	a := row(t, recs, "animace")
	for col, want := range map[string]string{
		"title_cs":       "Animace pro „spravedlivou“ transformaci, 2. etapa",
		"title_en":       `Animation for a "just" transition, phase 2`,
		"region":         "ustecky;abroad",
		"territory_en":   "Most district",
		"start":          "2024-03",
		"end":            "2026",
		"budget_czk":     "54675000",
		"eu_funding_czk": "46473750",
		"carrier_ico":    "70892156",
		"partners":       "mesto-sokolov;mas-sever",
		"partner_icos":   "00259586;",
		"indicators":     "spotreba-energie;akce",
		"goal":           "3.1 Animace území",
		"url_cs":         "https://example.cz/cs/projects/animace/",
		"url_en":         "https://example.cz/en/projects/animace/",
		"updated":        "2025-02-01",
	} {
		if a[col] != want {
			t.Errorf("animace %s = %q, want %q", col, a[col], want)
		}
	}
	j := row(t, recs, "jednotka")
	// Not translated: empty, never the Czech text.
	for _, col := range []string{"title_en", "summary_en", "territory_en"} {
		if j[col] != "" {
			t.Errorf("untranslated jednotka %s = %q, want empty", col, j[col])
		}
	}
	for col, want := range map[string]string{
		"title_cs": "Koordinační jednotka Sokolovsko", "territory_cs": "", "budget_czk": "", "eu_funding_czk": "",
		"end": "", "start": "2024", "partners": "", "partner_icos": "", "carrier_ico": "00259586",
	} {
		if j[col] != want {
			t.Errorf("jednotka %s = %q, want %q", col, j[col], want)
		}
	}
}

// A translation that leaves out a text field shows the default language's
// text on its page; the data say it is not translated.
func TestInheritedTextIsEmpty(t *testing.T) {
	en := strings.Replace(testFiles["content/projects/animace.en.md"], "territory = \"Most district\"\n", "", 1)
	out, _ := write(t, loadSite(t, map[string]string{"content/projects/animace.en.md": en}), Options{})
	a := row(t, readCSV(t, out["data/projects.csv"]), "animace")
	if a["territory_cs"] != "ORP Most" || a["territory_en"] != "" || a["title_en"] == "" {
		t.Errorf("territory_cs %q, territory_en %q (want empty), title_en %q", a["territory_cs"], a["territory_en"], a["title_en"])
	}
}

func TestProjectURLOption(t *testing.T) {
	opts := Options{ProjectURL: func(lang, slug string) string {
		if lang == "cs" {
			return "/cs/projekty/" + slug + "/"
		}
		return "https://example.cz/en/projects/" + slug + "/"
	}}
	out, _ := write(t, loadSite(t, nil), opts)
	a := row(t, readCSV(t, out["data/projects.csv"]), "animace")
	if a["url_cs"] != "https://example.cz/cs/projekty/animace/" || a["url_en"] != "https://example.cz/en/projects/animace/" {
		t.Errorf("urls = %q, %q", a["url_cs"], a["url_en"])
	}
}

func TestProjectsJSON(t *testing.T) {
	out, _ := write(t, loadSite(t, nil), Options{})
	data := out["data/projects.json"]
	// Written by hand: it must be what encoding/json would indent.
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		t.Fatalf("projects.json is not JSON: %v", err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), data) {
		t.Errorf("projects.json is not indented like json.Indent:\n%s", data)
	}
	// Keys in the order of the CSV columns.
	recs := readCSV(t, out["data/projects.csv"])
	var keys []orderedKeys
	decode(t, data, &keys)
	for i, k := range keys {
		if !slices.Equal(k, recs[0]) {
			t.Errorf("object %d has keys %q, want the CSV header %q", i, k, recs[0])
		}
	}

	var rows []map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	a, j := rows[0], rows[1]
	if a["budget_czk"] != json.Number("54675000") || a["eu_funding_czk"] != json.Number("46473750") {
		t.Errorf("amounts %v, %v: want JSON integers", a["budget_czk"], a["eu_funding_czk"])
	}
	if !reflect.DeepEqual(a["region"], []any{"ustecky", "abroad"}) {
		t.Errorf("region = %#v", a["region"])
	}
	if !reflect.DeepEqual(a["partner_icos"], []any{"00259586", nil}) {
		t.Errorf("partner_icos = %#v, want the IČOs in the order of partners, null for unknown", a["partner_icos"])
	}
	if a["title_cs"] != "Animace pro „spravedlivou“ transformaci, 2. etapa" {
		t.Errorf("title_cs = %q", a["title_cs"])
	}
	for _, k := range []string{"title_en", "summary_en", "budget_czk", "end", "fund"} {
		if v, ok := j[k]; !ok || v != nil {
			t.Errorf("jednotka %s = %#v, want null", k, v)
		}
	}
	if !reflect.DeepEqual(j["partners"], []any{}) {
		t.Errorf("jednotka partners = %#v, want []", j["partners"])
	}
	if !bytes.Contains(data, []byte("„spravedlivou“")) {
		t.Error("non-ASCII text is escaped")
	}
}

// orderedKeys are the keys of a JSON object in the order written.
type orderedKeys []string

func (k *orderedKeys) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		*k = append(*k, tok.(string))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
	}
	return nil
}

func TestIndicatorFiles(t *testing.T) {
	out, _ := write(t, loadSite(t, nil), Options{})
	recs := readCSV(t, out["data/indicators/spotreba-energie.csv"])
	want := [][]string{
		{"period", "Elektřina", "Teplo"},
		{"2019", "14820.4", ""},
		{"2020", "13975.1", "38210.7"},
		{"2021", "0.1", "1234567.25"},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("spotreba-energie.csv = %q, want %q", recs, want)
	}
	recs = readCSV(t, out["data/indicators/akce.csv"])
	if !slices.Equal(recs[0], []string{"period", "Animační akce"}) || !slices.Equal(recs[3], []string{"2024-Q3", ""}) {
		t.Errorf("akce.csv = %q", recs)
	}

	var doc struct {
		ID     string
		Title  map[string]*string
		Desc   map[string]*string `json:"description"`
		Unit   map[string]*string
		Sample bool
		Target *float64
		Series []struct {
			Name   string
			Values []struct {
				Period string
				Value  *float64
			}
		}
		Updated string
	}
	decode(t, out["data/indicators/spotreba-energie.json"], &doc)
	if !doc.Sample || doc.Target != nil || *doc.Unit["en"] != "MWh" || doc.Updated != "2025-01-15" {
		t.Errorf("spotreba-energie.json: sample %v, target %v, unit %v, updated %q", doc.Sample, doc.Target, doc.Unit, doc.Updated)
	}
	if len(doc.Series) != 2 || doc.Series[1].Name != "Teplo" || doc.Series[1].Values[0].Value != nil || *doc.Series[1].Values[2].Value != 1234567.25 {
		t.Errorf("spotreba-energie.json series = %+v", doc.Series)
	}
	decode(t, out["data/indicators/akce.json"], &doc)
	if doc.Sample || doc.Target == nil || *doc.Target != 12 || *doc.Unit["cs"] != "akce" || doc.Desc["en"] != nil {
		t.Errorf("akce.json: sample %v, target %v, unit %v, description %v", doc.Sample, doc.Target, doc.Unit, doc.Desc)
	}

	var meta struct {
		Context     []any `json:"@context"`
		URL         string
		Description []map[string]string `json:"dc:description"`
		TableSchema struct {
			Columns []map[string]string
		}
	}
	decode(t, out["data/indicators/spotreba-energie.csv-metadata.json"], &meta)
	if !reflect.DeepEqual(meta.Context, []any{"http://www.w3.org/ns/csvw", map[string]any{"@language": "cs"}}) {
		t.Errorf("CSVW @context = %#v", meta.Context)
	}
	if meta.URL != "spotreba-energie.csv" {
		t.Errorf("CSVW url = %q", meta.URL)
	}
	wantCols := []map[string]string{
		{"name": "period", "titles": "period", "datatype": "string"},
		{"name": "Elekt%C5%99ina", "titles": "Elektřina", "datatype": "decimal"},
		{"name": "Teplo", "titles": "Teplo", "datatype": "decimal"},
	}
	if !reflect.DeepEqual(meta.TableSchema.Columns, wantCols) {
		t.Errorf("CSVW columns = %v", meta.TableSchema.Columns)
	}
	if len(meta.Description) != 2 || !strings.HasPrefix(meta.Description[0]["@value"], "Ilustrativní data") || !strings.HasPrefix(meta.Description[1]["@value"], "Illustrative data") {
		t.Errorf("CSVW dc:description of a sample = %v", meta.Description)
	}
}

func decode(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%v in\n%s", err, data)
	}
}

// jsonld is a decoded JSON-LD document.
type jsonld = map[string]any

func TestCatalog(t *testing.T) {
	out, sets := write(t, loadSite(t, nil), Options{})
	var cat jsonld
	decode(t, out["data/catalog.jsonld"], &cat)
	for k, want := range map[string]any{
		"@context":         "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/rozhraní-katalogů-otevřených-dat.jsonld",
		"typ":              "Katalog",
		"iri":              "https://example.cz/data/catalog.jsonld",
		"poskytovatel":     "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/70891168",
		"domovská_stránka": "https://example.cz/",
		"název":            map[string]any{"cs": "Transformace regionů", "en": "Regions in Transition"},
		"popis":            map[string]any{"cs": "Otevřený portál o projektech regionů v transformaci.", "en": "An open portal on the projects of regions in transition."},
		"kontaktní_bod": map[string]any{"typ": "Organizace", "e-mail": "mailto:data@example.cz",
			"jméno": map[string]any{"cs": "Karlovarský kraj", "en": "Karlovarský kraj"}},
	} {
		if !reflect.DeepEqual(cat[k], want) {
			t.Errorf("catalogue %s = %#v, want %#v", k, cat[k], want)
		}
	}
	iris, _ := cat["datová_sada"].([]any)
	if len(iris) != 3 {
		t.Fatalf("datová_sada = %v, want 3 records", cat["datová_sada"])
	}
	for i, x := range iris {
		iri := x.(string)
		if iri != sets[i].IRI {
			t.Errorf("datová_sada[%d] = %s, want %s", i, iri, sets[i].IRI)
		}
		if _, ok := out[written(t, iri)]; !ok {
			t.Errorf("datová_sada %s: no record file is written there", iri)
		}
	}
}

// written turns a URL of the site into the Output path it is served from.
func written(t *testing.T, u string) string {
	t.Helper()
	rel, ok := strings.CutPrefix(u, "https://example.cz/")
	if !ok {
		t.Errorf("%s is not a URL of the site", u)
	}
	return rel
}

func TestDatasetRecords(t *testing.T) {
	out, sets := write(t, loadSite(t, nil), Options{})
	const (
		theme = "http://publications.europa.eu/resource/authority/data-theme/"
		freq  = "http://publications.europa.eu/resource/authority/frequency/"
		vusc  = "https://linked.cuzk.cz/resource/ruian/vusc/"
	)
	want := map[string]struct {
		freq    string
		themes  []any
		spatial []any
	}{
		"projects":         {freq + "IRREG", []any{theme + "REGI", theme + "ECON", theme + "GOVE"}, []any{"https://linked.cuzk.cz/resource/ruian/stat/1"}},
		"spotreba-energie": {freq + "ANNUAL", []any{theme + "REGI", theme + "ENER"}, []any{vusc + "60"}},
		"akce":             {freq + "QUARTERLY", []any{theme + "REGI", theme + "ECON"}, []any{vusc + "51", vusc + "60"}},
	}
	seenDist := map[string]bool{}
	for _, d := range sets {
		var r jsonld
		decode(t, out[written(t, d.IRI)], &r)
		w := want[d.ID]
		if r["@context"] != dcatContext || r["typ"] != "Datová sada" || r["iri"] != d.IRI {
			t.Errorf("%s: @context %v, typ %v, iri %v", d.ID, r["@context"], r["typ"], r["iri"])
		}
		if r["periodicita_aktualizace"] != w.freq {
			t.Errorf("%s: periodicita_aktualizace = %v, want %s", d.ID, r["periodicita_aktualizace"], w.freq)
		}
		if !reflect.DeepEqual(r["téma"], w.themes) {
			t.Errorf("%s: téma = %v, want %v", d.ID, r["téma"], w.themes)
		}
		if !reflect.DeepEqual(r["prvek_rúian"], w.spatial) {
			t.Errorf("%s: prvek_rúian = %v, want %v", d.ID, r["prvek_rúian"], w.spatial)
		}
		if r["poskytovatel"] != "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/70891168" {
			t.Errorf("%s: poskytovatel = %v", d.ID, r["poskytovatel"])
		}
		if r["dokumentace"] != "https://example.cz/cs/otevrena-data/" {
			t.Errorf("%s: dokumentace = %v", d.ID, r["dokumentace"])
		}
		kw, _ := r["klíčové_slovo"].(map[string]any)
		if len(kw["cs"].([]any)) == 0 || len(kw["en"].([]any)) == 0 {
			t.Errorf("%s: klíčové_slovo = %v, want Czech and English keywords", d.ID, r["klíčové_slovo"])
		}
		popis := r["popis"].(map[string]any)
		if got := strings.HasPrefix(popis["cs"].(string), "Ilustrativní data") && strings.HasPrefix(popis["en"].(string), "Illustrative data"); got != d.Sample {
			t.Errorf("%s: sample %v, popis %v", d.ID, d.Sample, popis)
		}
		dists, _ := r["distribuce"].([]any)
		if len(dists) != 2 {
			t.Fatalf("%s: %d distributions, want CSV and JSON", d.ID, len(dists))
		}
		for i, x := range dists {
			dist := x.(map[string]any)
			iri, _ := dist["iri"].(string)
			if !strings.HasPrefix(iri, d.IRI+"#") || seenDist[iri] {
				t.Errorf("%s: distribution iri %q is not a unique fragment of the record", d.ID, iri)
			}
			seenDist[iri] = true
			if dist["typ"] != "Distribuce" {
				t.Errorf("%s: distribution typ = %v", d.ID, dist["typ"])
			}
			file := d.Files[i]
			for _, k := range []string{"soubor_ke_stažení", "přístupové_url"} {
				u, _ := dist[k].(string)
				if u != "https://example.cz"+file.Path {
					t.Errorf("%s: %s = %q, want the URL of %s", d.ID, k, u, file.Path)
				}
				if _, ok := out[written(t, u)]; !ok {
					t.Errorf("%s: %s %s: no such file is written", d.ID, k, u)
				}
			}
			wantFormat := map[string]string{"CSV": "http://publications.europa.eu/resource/authority/file-type/CSV", "JSON": "http://publications.europa.eu/resource/authority/file-type/JSON"}[file.Format]
			wantMedia := map[string]string{"CSV": "http://www.iana.org/assignments/media-types/text/csv", "JSON": "http://www.iana.org/assignments/media-types/application/json"}[file.Format]
			if dist["formát"] != wantFormat || dist["typ_média"] != wantMedia {
				t.Errorf("%s: formát %v, typ_média %v", d.ID, dist["formát"], dist["typ_média"])
			}
			if schema, ok := dist["schéma"].(string); ok {
				if _, ok := out[written(t, schema)]; !ok || !strings.HasSuffix(schema, ".csv-metadata.json") {
					t.Errorf("%s: schéma %s is not a written CSVW file", d.ID, schema)
				}
			} else if file.Format == "CSV" && d.ID != ProjectsID {
				t.Errorf("%s: the CSV distribution has no schéma", d.ID)
			}
			terms, _ := dist["podmínky_užití"].(map[string]any)
			wantTerms := map[string]any{
				"typ":                         "Specifikace podmínek užití",
				"autorské_dílo":               "https://creativecommons.org/licenses/by/4.0/",
				"autor":                       map[string]any{"cs": "Karlovarský kraj"},
				"databáze_jako_autorské_dílo": "https://creativecommons.org/licenses/by/4.0/",
				"autor_databáze":              map[string]any{"cs": "Karlovarský kraj"},
				"databáze_chráněná_zvláštními_právy": "https://data.gov.cz/podmínky-užití/není-chráněna-zvláštním-právem-pořizovatele-databáze/",
				"osobní_údaje": "https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/",
			}
			if !reflect.DeepEqual(terms, wantTerms) {
				t.Errorf("%s: podmínky_užití = %v", d.ID, terms)
			}
		}
	}
	var r jsonld
	decode(t, out["data/datasets/akce.jsonld"], &r)
	if want := map[string]any{"typ": "Časový interval", "začátek": "2024-01-01", "konec": "2024-12-31"}; !reflect.DeepEqual(r["časové_pokrytí"], want) {
		t.Errorf("akce časové_pokrytí = %v, want %v", r["časové_pokrytí"], want)
	}
	if r["popis"].(map[string]any)["en"] != "Time series of the indicator “Animation events”." {
		t.Errorf("akce popis without an English description = %v", r["popis"])
	}
}

func TestDataPackage(t *testing.T) {
	out, _ := write(t, loadSite(t, nil), Options{})
	var dp struct {
		Schema    string `json:"$schema"`
		Name      string
		Licenses  []map[string]string
		Resources []struct {
			Name, Type, Path, Format, Mediatype, Encoding, Description string
			Schema                                                     struct {
				Fields []struct{ Name, Type string }
			}
		}
	}
	decode(t, out["data/datapackage.json"], &dp)
	if dp.Schema != "https://datapackage.org/profiles/2.0/datapackage.json" || dp.Name != "example.cz" {
		t.Errorf("$schema %q, name %q", dp.Schema, dp.Name)
	}
	if len(dp.Licenses) != 1 || dp.Licenses[0]["name"] != "CC-BY-4.0" || dp.Licenses[0]["path"] != "https://creativecommons.org/licenses/by/4.0/" {
		t.Errorf("licenses = %v", dp.Licenses)
	}
	if len(dp.Resources) != 3 {
		t.Fatalf("%d resources, want 3", len(dp.Resources))
	}
	for _, r := range dp.Resources {
		data, ok := out["data/"+r.Path]
		if !ok {
			t.Errorf("resource %s: path %s is not written", r.Name, r.Path)
			continue
		}
		if r.Type != "table" || r.Format != "csv" || r.Mediatype != "text/csv" || r.Encoding != "utf-8" {
			t.Errorf("resource %s: type %q format %q mediatype %q encoding %q", r.Name, r.Type, r.Format, r.Mediatype, r.Encoding)
		}
		header := readCSV(t, data)[0]
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
		}
		if !slices.Equal(names, header) {
			t.Errorf("resource %s: fields %q, want the CSV header %q", r.Name, names, header)
		}
	}
	types := map[string]string{}
	for _, f := range dp.Resources[0].Schema.Fields {
		types[f.Name] = f.Type
	}
	if types["budget_czk"] != "integer" || types["updated"] != "date" || types["title_en"] != "string" {
		t.Errorf("projects field types = %v", types)
	}
	if dp.Resources[2].Schema.Fields[1].Type != "number" || !strings.HasPrefix(dp.Resources[2].Description, "Ilustrativní data") {
		t.Errorf("sample indicator resource = %+v", dp.Resources[2])
	}
}

func TestDatasets(t *testing.T) {
	s := loadSite(t, nil)
	_, sets := write(t, s, Options{})
	if !reflect.DeepEqual(Datasets(s), sets) {
		t.Error("Datasets differs from what Write returns")
	}
	want := Dataset{
		ID:    "spotreba-energie",
		Title: map[string]string{"cs": "Spotřeba energie v budovách", "en": "Energy consumption in buildings"},
		Files: []File{
			{"/data/indicators/spotreba-energie.csv", "CSV", "text/csv"},
			{"/data/indicators/spotreba-energie.json", "JSON", "application/json"},
		},
		IRI:    "https://example.cz/data/datasets/spotreba-energie.jsonld",
		Sample: true,
	}
	if !reflect.DeepEqual(sets[2], want) {
		t.Errorf("Datasets()[2] = %+v\nwant %+v", sets[2], want)
	}
	if sets[0].ID != ProjectsID || sets[0].Title["cs"] != "Projekty" || sets[0].Sample {
		t.Errorf("Datasets()[0] = %+v", sets[0])
	}
}

func TestEmptySite(t *testing.T) {
	edits := map[string]string{}
	for name := range testFiles {
		if name != "content/site.toml" {
			edits[name] = ""
		}
	}
	out, sets := write(t, loadSite(t, edits), Options{})
	if got := string(out["data/projects.json"]); got != "[]\n" {
		t.Errorf("projects.json of a site without projects = %q", got)
	}
	if recs := readCSV(t, out["data/projects.csv"]); len(recs) != 1 {
		t.Errorf("projects.csv of a site without projects has %d records, want the header", len(recs))
	}
	if len(sets) != 1 || len(out) != 5 {
		t.Errorf("%d data sets and %d files (%v), want projects: CSV, JSON, data package, record, catalogue", len(sets), len(out), sortedKeys(out))
	}
	var r jsonld
	decode(t, out["data/datasets/projects.jsonld"], &r)
	if _, ok := r["dokumentace"]; ok {
		t.Error("dokumentace without an open data page")
	}
}

func TestWithoutPublisherICO(t *testing.T) {
	s := loadSite(t, map[string]string{"content/site.toml": strings.Replace(testSiteTOML, `publisher_ico = "70891168"`, "", 1)})
	out, sets := write(t, s, Options{})
	for rel := range out {
		if strings.HasSuffix(rel, ".jsonld") {
			t.Errorf("%s is written without publisher_ico", rel)
		}
	}
	if _, ok := out["data/projects.csv"]; !ok {
		t.Error("data files are not written without publisher_ico")
	}
	for _, d := range sets {
		if d.IRI != "" {
			t.Errorf("%s: IRI %q without a catalogue", d.ID, d.IRI)
		}
	}
}

func TestSiteErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits map[string]string
		want  string
	}{
		{"licence", map[string]string{"content/site.toml": strings.Replace(testSiteTOML, "CC-BY-4.0", "ODbL-1.0", 1)},
			`content/site.toml: data_license "ODbL-1.0" is not one`},
		{"author", map[string]string{"content/site.toml": strings.Replace(testSiteTOML, `publisher = "Karlovarský kraj"`, "", 1)},
			"content/site.toml: publisher is missing"},
		{"reserved id", map[string]string{
			"content/indicators/projects.toml": testFiles["content/indicators/akce.toml"],
			"content/indicators/projects.csv":  testFiles["content/indicators/akce.csv"],
		}, `content/indicators/projects.toml: the indicator id "projects" is reserved`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := memOut{}
			_, err := Write(loadSite(t, tc.edits), out)
			var ce *content.Error
			if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error = %v, want a *content.Error starting %q", err, tc.want)
			}
			if len(out) > 0 {
				t.Errorf("%d files written before the error", len(out))
			}
		})
	}
}

// content.Load rejects an invalid publisher_ico; a Site built otherwise
// must not reach the national catalogue with one either.
func TestInvalidPublisherICO(t *testing.T) {
	s := loadSite(t, nil)
	s.Config.PublisherICO = "70891167"
	out := memOut{}
	_, err := Write(s, out)
	if err == nil || !strings.HasPrefix(err.Error(), "content/site.toml: publisher_ico: IČO 70891167 is not valid") || len(out) > 0 {
		t.Errorf("error = %v, %d files written", err, len(out))
	}
}

func TestCC0(t *testing.T) {
	s := loadSite(t, map[string]string{"content/site.toml": strings.Replace(testSiteTOML, "CC-BY-4.0", "CC0-1.0", 1)})
	out, _ := write(t, s, Options{})
	var r struct {
		Distribuce []struct {
			Terms map[string]any `json:"podmínky_užití"`
		}
	}
	decode(t, out["data/datasets/projects.jsonld"], &r)
	want := map[string]any{
		"typ":                         "Specifikace podmínek užití",
		"autorské_dílo":               "https://data.gov.cz/podmínky-užití/neobsahuje-autorská-díla/",
		"databáze_jako_autorské_dílo": "https://data.gov.cz/podmínky-užití/není-autorskoprávně-chráněnou-databází/",
		"databáze_chráněná_zvláštními_právy": "https://creativecommons.org/publicdomain/zero/1.0/",
		"osobní_údaje": "https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/",
	}
	if !reflect.DeepEqual(r.Distribuce[0].Terms, want) {
		t.Errorf("CC0 podmínky_užití = %v", r.Distribuce[0].Terms)
	}
}

func TestSpatialWithoutProjects(t *testing.T) {
	s := loadSite(t, nil)
	delete(s.ProjectsWithInd, "akce")
	if got := indicatorSpatial(s, s.IndicatorByID["akce"]); !slices.Equal(got, []string{"https://linked.cuzk.cz/resource/ruian/stat/1"}) {
		t.Errorf("an indicator no project reports covers %v, want the whole country", got)
	}
}

type failingOut struct{ after int }

func (f *failingOut) WriteFile(rel string, _ []byte) error {
	if f.after == 0 {
		return errors.New("disk full")
	}
	f.after--
	return nil
}

func TestOutputError(t *testing.T) {
	_, err := Write(loadSite(t, nil), &failingOut{after: 2})
	if err == nil || !strings.Contains(err.Error(), "data/indicators/") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("error = %v, want the failing path and cause", err)
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quo"te \ back`, "tab\tnl\ncr\r\b\f\x00\x1f", "<a&b>", "Příliš žluťoučký kůň",
		"line\u2028sep\u2029", "bad\xffutf8", "emoji 🚀", "„uvozovky“",
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	}
}

func TestPeriodBounds(t *testing.T) {
	s := loadSite(t, nil)
	first, last, ok := coverage(s.IndicatorByID["spotreba-energie"])
	if !ok || isoDate(first) != "2019-01-01" || isoDate(last) != "2021-12-31" {
		t.Errorf("coverage = %s – %s", isoDate(first), isoDate(last))
	}
	for _, tc := range []struct {
		in          string
		first, last string
	}{
		{"2024-Q4", "2024-10-01", "2024-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2023-02-28", "2023-02-28", "2023-02-28"},
	} {
		p, err := indicator.ParsePeriod(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		a, b := periodBounds(p)
		if isoDate(a) != tc.first || isoDate(b) != tc.last {
			t.Errorf("%s: %s – %s, want %s – %s", tc.in, isoDate(a), isoDate(b), tc.first, tc.last)
		}
	}
}
