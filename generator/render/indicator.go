package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/transformace/portal/generator/chart"
	"github.com/transformace/portal/generator/opendata"
)

// chartOptions are the options of a chart of it on this page.
func (v *View) chartOptions(it *IndicatorItem, sparkline bool, prefix string) chart.Options {
	return chart.Options{
		Locale: v.L,
		Labels: chart.Labels{
			Sample: v.L.T("sample_badge"),
			Target: v.L.T("field_target"),
			NoData: v.L.T("no_data"),
		},
		Title:     it.Title,
		Unit:      it.Unit,
		UnitForms: it.UnitForms,
		IDPrefix:  prefix + it.I.ID,
		Sparkline: sparkline,
		Period:    v.IndicatorPeriod,
	}
}

// Chart is the full chart of an indicator, drawn at build time as SVG.
// An indicator's charts and their description are the same on every page
// of a language that shows them (its page, its embed page, the project
// pages that list it): each is drawn once per build.
func (v *View) Chart(it *IndicatorItem) template.HTML {
	it.drawn.chart.Do(func() {
		if svg, err := chart.SVG(it.I, v.chartOptions(it, false, "chart-")); err == nil {
			it.drawn.chartSVG = svg
		}
	})
	return it.drawn.chartSVG
}

// Sparkline is the small chart of an indicator on a project card; prefix
// keeps ids unique when several are on one page.
func (v *View) Sparkline(it *IndicatorItem) template.HTML {
	it.drawn.spark.Do(func() {
		if svg, err := chart.SVG(it.I, v.chartOptions(it, true, "spark-")); err == nil {
			it.drawn.sparkSVG = svg
		}
	})
	return it.drawn.sparkSVG
}

// ChartDescription is the chart's text alternative, also shown as text.
func (v *View) ChartDescription(it *IndicatorItem) string {
	it.drawn.desc.Do(func() { it.drawn.descText = chart.Describe(it.I, v.chartOptions(it, false, "chart-")) })
	return it.drawn.descText
}

// Dataset is the open data set of an indicator ("" for the projects).
func (v *View) Dataset(id string) *opendata.Dataset {
	if d, ok := opendata.DatasetOf(v.Site, id); ok {
		return &d
	}
	return nil
}

// Datasets are all open data sets of the site.
func (v *View) Datasets() []opendata.Dataset { return opendata.Datasets(v.Site) }

// SchemaPath is the CSVW schema of an indicator's CSV file.
func (v *View) SchemaPath(id string) string { return "/data/indicators/" + id + ".csv-metadata.json" }

// RecordPath is the site path of a data set's DCAT-AP-CZ record.
func (v *View) RecordPath(id string) string { return "/data/datasets/" + id + ".jsonld" }

// EmbedPath is the address of an indicator's embeddable chart.
func (v *View) EmbedPath(id string) string { return "/embed/" + v.Lang + "/" + id + "/" }

// Citation is how to cite an indicator, short or in full, in the page's
// language, as journalists expect next to every chart.
func (v *View) Citation(it *IndicatorItem, full bool) string {
	cfg := v.Site.Config
	year := strconv.Itoa(it.I.Updated.Year())
	title := it.Title
	if it.I.Meta.Sample {
		title += " (" + strings.ToLower(v.L.T("sample_badge")) + ")"
	}
	if !full {
		return v.L.T("cite_short", cfg.Publisher, title, cfg.Title[v.Lang], year)
	}
	return v.L.T("cite_full", cfg.Publisher, title, cfg.Title[v.Lang], v.L.Date(it.I.Updated), cfg.DataLicense, cfg.AbsURL(it.Path))
}

// EmbedCode is the HTML snippet that embeds the chart on another site.
func (v *View) EmbedCode(it *IndicatorItem) string {
	return `<iframe src="` + v.Site.Config.AbsURL(v.EmbedPath(it.I.ID)) + `" title="` + template.HTMLEscapeString(it.Title) + `" width="100%" height="460" loading="lazy"></iframe>`
}
