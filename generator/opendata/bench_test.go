package opendata

import (
	"fmt"
	"testing"
	"time"

	"github.com/transformace/portal/generator/config"
	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/indicator"
)

// discard counts what it is given.
type discard struct{ files, bytes int }

func (d *discard) WriteFile(_ string, data []byte) error {
	d.files++
	d.bytes += len(data)
	return nil
}

// bigSite is a site of n projects, every other one translated, with 40
// partners and 20 indicators of 20 years each, built directly rather than
// loaded so that the benchmark measures writing only.
func bigSite(b *testing.B, n int) *content.Site {
	b.Helper()
	cfg, err := config.Parse("site.toml", []byte(testSiteTOML))
	if err != nil {
		b.Fatal(err)
	}
	s := &content.Site{
		Config:          cfg,
		ProjectBySlug:   map[string]*content.Project{},
		PartnerBySlug:   map[string]*content.Partner{},
		IndicatorByID:   map[string]*indicator.Indicator{},
		PageBySlug:      map[string]*content.Page{},
		ProjectsOf:      map[string][]*content.Project{},
		ProjectsWithInd: map[string][]*content.Project{},
	}
	updated := time.Date(2025, 1, 15, 10, 0, 0, 0, time.UTC)
	for i := range 40 {
		pa := &content.Partner{Entry: content.Entry{Slug: fmt.Sprintf("partner-%02d", i)}, ICO: "00259586"}
		s.Partners = append(s.Partners, pa)
		s.PartnerBySlug[pa.Slug] = pa
	}
	for i := range 20 {
		ind := &indicator.Indicator{
			ID:      fmt.Sprintf("ukazatel-%02d", i),
			Series:  []string{"Hodnota", "Cíl"},
			Updated: updated,
			Meta: indicator.Meta{
				Unit: indicator.Text{All: "MWh"}, Periodicity: "annual", Source: "Zdroj",
				Title:       map[string]string{"cs": fmt.Sprintf("Ukazatel %d", i), "en": fmt.Sprintf("Indicator %d", i)},
				Description: map[string]string{"cs": "Popis.", "en": "Description."},
			},
		}
		for y := range 20 {
			ind.Rows = append(ind.Rows, indicator.Row{Period: indicator.Period{Year: 2005 + y}, Values: []float64{float64(y) * 1.5, 100}})
		}
		s.Indicators = append(s.Indicators, ind)
		s.IndicatorByID[ind.ID] = ind
	}
	regions := content.Regions
	for i := range n {
		slug := fmt.Sprintf("projekt-%05d", i)
		cs := &content.Text{Lang: "cs", Title: fmt.Sprintf("Projekt číslo %d, „rozvoj“ území", i),
			Summary: "Krátké shrnutí projektu pro seznamy a náhledy, jedna až dvě věty.", Territory: "ORP Sokolov",
			Plan: "Transformační plán", Priority: "5 Sokolovsko", Goal: "5.2 Partnerství"}
		en := &content.Text{Lang: "en", Title: fmt.Sprintf("Project number %d", i),
			Summary: "A short summary of the project for lists and previews.", Territory: "Sokolov district"}
		if i%2 == 1 {
			fb := *cs
			fb.Fallback = true
			en = &fb
		}
		p := &content.Project{
			Entry:   content.Entry{Slug: slug, Texts: map[string]*content.Text{"cs": cs, "en": en}, Updated: updated},
			Regions: []string{regions[i%len(regions)]}, Status: content.Statuses[i%len(content.Statuses)],
			Start: content.Period{Year: 2021, Month: 1 + i%12}, End: content.Period{Year: 2027},
			BudgetCZK: int64(1_000_000 + i*1000), EUFundingCZK: int64(850_000 + i*850), Fund: "OPST",
			Carrier:    fmt.Sprintf("partner-%02d", i%40),
			Partners:   []string{fmt.Sprintf("partner-%02d", (i+1)%40), fmt.Sprintf("partner-%02d", (i+2)%40)},
			Indicators: []string{fmt.Sprintf("ukazatel-%02d", i%20)},
			Tags:       []string{"energetika", "spravedlivá transformace"},
		}
		s.Projects = append(s.Projects, p)
		s.ProjectBySlug[slug] = p
		s.ProjectsWithInd[p.Indicators[0]] = append(s.ProjectsWithInd[p.Indicators[0]], p)
	}
	return s
}

// BenchmarkWriteProjects writes every open data file of a site of 10 000
// projects (projects.csv and projects.json are most of the work).
func BenchmarkWriteProjects(b *testing.B) {
	s := bigSite(b, 10_000)
	b.ReportAllocs()
	var out discard
	for b.Loop() {
		out = discard{}
		if _, err := Write(s, &out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.bytes)/1e6, "MB/write")
}
