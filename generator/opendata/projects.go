package opendata

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/transformace/portal/generator/content"
)

// The projects data set has one row per project card. Its columns, in
// order, for a site with languages cs and en:
//
//	slug                      the card's slug
//	title_cs, title_en        name per language ("" when not translated)
//	summary_cs, summary_en    summary per language ("" when not translated)
//	region                    region keys, ";"-joined (content.Regions)
//	territory_cs, …           finer area per language ("" when not translated)
//	status                    idea, preparation, running, finished, cancelled
//	start, end                ISO period as written: 2024, 2024-03, 2024-03-05
//	budget_czk                whole CZK; "" when not given
//	eu_funding_czk            whole CZK; "" when not given
//	fund                      programme, e.g. OPST
//	plan, priority, goal      strategy links, in the default language
//	carrier                   partner slug
//	carrier_ico               its IČO
//	partners                  partner slugs, ";"-joined
//	partner_icos              their IČOs in the same order ("" for unknown)
//	indicators                indicator ids, ";"-joined
//	tags                      free topics, ";"-joined
//	url_cs, url_en            absolute URL of the project's page per language
//	updated                   date of the last change of its files
//
// In projects.json every row is an object with the same keys in the same
// order: amounts are numbers, lists are arrays, and anything absent is null.

// cellKind is how a cell is written in CSV and JSON.
type cellKind uint8

const (
	textCell cellKind = iota // a string; "" is absent
	intCell                  // an integer; 0 is absent
	listCell                 // a list; an empty item is unknown (null in JSON)
)

type cell struct {
	kind cellKind
	s    string
	n    int64
	list []string
}

func text(s string) cell       { return cell{kind: textCell, s: s} }
func integer(n int64) cell     { return cell{kind: intCell, n: n} }
func list(items []string) cell { return cell{kind: listCell, list: items} }
func (c cell) csv() string {
	switch c.kind {
	case intCell:
		if c.n == 0 {
			return ""
		}
		return strconv.FormatInt(c.n, 10)
	case listCell:
		return strings.Join(c.list, ";")
	}
	return c.s
}

// appendJSON appends the cell as a JSON value.
func (c cell) appendJSON(b []byte, indent string) []byte {
	switch c.kind {
	case intCell:
		if c.n == 0 {
			return append(b, "null"...)
		}
		return strconv.AppendInt(b, c.n, 10)
	case listCell:
		if len(c.list) == 0 {
			return append(b, "[]"...)
		}
		b = append(b, '[')
		for i, s := range c.list {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, indent...)
			b = append(b, "  "...)
			if s == "" {
				b = append(b, "null"...)
			} else {
				b = appendJSONString(b, s)
			}
		}
		b = append(b, '\n')
		b = append(b, indent...)
		return append(b, ']')
	}
	if c.s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, c.s)
}

type projectColumn struct {
	name string
	get  func(p *content.Project) cell
}

// projectColumns are the columns of the projects data set for the site's
// languages; see the table above.
func projectColumns(s *content.Site, opts Options) []projectColumn {
	langs := s.Config.Languages
	def := s.Config.DefaultLanguage()
	// perLang are the columns <field>_<lang> of a text field. A text
	// the project does not have in lang is empty: the loader fills it with
	// the default language's text, for a language without a file
	// (Fallback) and for a field a translation left out (Inherited).
	perLang := func(field string, f func(t *content.Text) string) []projectColumn {
		cols := make([]projectColumn, len(langs))
		for i, l := range langs {
			cols[i] = projectColumn{field + "_" + l, func(p *content.Project) cell {
				t := p.Texts[l]
				if t == nil || t.Fallback || t.Inherited[field] {
					return text("")
				}
				return text(f(t))
			}}
		}
		return cols
	}
	icoOf := func(slug string) string {
		if pa := s.PartnerBySlug[slug]; pa != nil {
			return pa.ICO
		}
		return ""
	}
	pageURL := func(lang, slug string) string {
		if opts.ProjectURL == nil {
			return s.Config.AbsURL("/" + lang + "/projects/" + slug + "/")
		}
		u := opts.ProjectURL(lang, slug)
		if strings.HasPrefix(u, "/") {
			u = s.Config.AbsURL(u)
		}
		return u
	}

	var cols []projectColumn
	add := func(name string, get func(p *content.Project) cell) {
		cols = append(cols, projectColumn{name, get})
	}
	add("slug", func(p *content.Project) cell { return text(p.Slug) })
	cols = append(cols, perLang("title", func(t *content.Text) string { return t.Title })...)
	cols = append(cols, perLang("summary", func(t *content.Text) string { return t.Summary })...)
	add("region", func(p *content.Project) cell { return list(p.Regions) })
	cols = append(cols, perLang("territory", func(t *content.Text) string { return t.Territory })...)
	add("status", func(p *content.Project) cell { return text(p.Status) })
	add("start", func(p *content.Project) cell { return text(p.Start.String()) })
	add("end", func(p *content.Project) cell { return text(p.End.String()) })
	add("budget_czk", func(p *content.Project) cell { return integer(p.BudgetCZK) })
	add("eu_funding_czk", func(p *content.Project) cell { return integer(p.EUFundingCZK) })
	add("fund", func(p *content.Project) cell { return text(p.Fund) })
	add("plan", func(p *content.Project) cell { return text(p.Texts[def].Plan) })
	add("priority", func(p *content.Project) cell { return text(p.Texts[def].Priority) })
	add("goal", func(p *content.Project) cell { return text(p.Texts[def].Goal) })
	add("carrier", func(p *content.Project) cell { return text(p.Carrier) })
	add("carrier_ico", func(p *content.Project) cell {
		if p.Carrier == "" {
			return text("")
		}
		return text(icoOf(p.Carrier))
	})
	add("partners", func(p *content.Project) cell { return list(p.Partners) })
	add("partner_icos", func(p *content.Project) cell {
		icos := make([]string, len(p.Partners))
		for i, ps := range p.Partners {
			icos[i] = icoOf(ps)
		}
		return list(icos)
	})
	add("indicators", func(p *content.Project) cell { return list(p.Indicators) })
	add("tags", func(p *content.Project) cell { return list(p.Tags) })
	for _, l := range langs {
		add("url_"+l, func(p *content.Project) cell { return text(pageURL(l, p.Slug)) })
	}
	add("updated", func(p *content.Project) cell { return text(isoDate(p.Updated)) })
	return cols
}

// projectsFiles writes data/projects.csv and data/projects.json in one
// pass, computing every cell once. The JSON is an array of objects,
// indented like encoding/json's MarshalIndent with two spaces; it is
// written by hand because its keys depend on the site's languages and a
// site may have ten thousand projects.
func projectsFiles(s *content.Site, opts Options) (csvData, jsonData []byte, err error) {
	cols := projectColumns(s, opts)
	var cb bytes.Buffer
	cb.Grow(512 * (len(s.Projects) + 1))
	cw := csv.NewWriter(&cb)
	rec := make([]string, len(cols))
	keys := make([][]byte, len(cols))
	for i, c := range cols {
		rec[i] = c.name
		keys[i] = appendJSONString(nil, c.name)
	}
	cw.Write(rec) // a bytes.Buffer does not fail; cw.Error reports any error
	jb := make([]byte, 0, 1024*(len(s.Projects)+1))
	jb = append(jb, '[')
	for i, p := range s.Projects {
		if i > 0 {
			jb = append(jb, ',')
		}
		jb = append(jb, "\n  {"...)
		for j, c := range cols {
			v := c.get(p)
			rec[j] = v.csv()
			if j > 0 {
				jb = append(jb, ',')
			}
			jb = append(jb, "\n    "...)
			jb = append(jb, keys[j]...)
			jb = append(jb, ": "...)
			jb = v.appendJSON(jb, "    ")
		}
		jb = append(jb, "\n  }"...)
		cw.Write(rec)
	}
	if len(s.Projects) == 0 {
		jb = append(jb, ']', '\n')
	} else {
		jb = append(jb, "\n]\n"...)
	}
	cw.Flush()
	return cb.Bytes(), jb, cw.Error()
}
