package render

import (
	"encoding/json"
	"fmt"
)

// listIndex is the data behind the project list's JavaScript filter: every
// project with its facet keys, so that filters combine without a server.
type listIndex struct {
	Lang    string            `json:"lang"`
	All     string            `json:"all"`
	None    string            `json:"none"`
	Plural  map[string]string `json:"plural"`
	Facets  []indexFacet      `json:"facets"`
	Entries []indexEntry      `json:"projects"`
}

type indexFacet struct {
	Name   string       `json:"name"`
	Label  string       `json:"label"`
	Values []indexValue `json:"values"`
}

type indexValue struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type indexEntry struct {
	Title       string              `json:"t"`
	URL         string              `json:"u"`
	Summary     string              `json:"d"`
	Lang        string              `json:"l,omitempty"` // set when the text is not translated
	Status      string              `json:"s"`
	StatusLabel string              `json:"sl"`
	Regions     []string            `json:"r"`
	Budget      string              `json:"b,omitempty"`
	Facets      map[string][]string `json:"f"`
}

// ListIndex returns the JSON index of the project list in lang, written
// next to the list as index.json.
func (r *Renderer) ListIndex(lang string) (path string, data []byte, err error) {
	m := r.model[lang]
	l := r.locales[lang]
	rt := Routes{Lang: lang, L: l}
	idx := listIndex{Lang: lang, All: l.T("filter_all"), None: l.T("filter_none")}
	// Counts are whole numbers, so the browser's Intl.PluralRules only ever
	// asks for one, few (Czech 2–4) or other.
	idx.Plural = map[string]string{"one": l.Plural(1, "project"), "few": l.Plural(2, "project"), "other": l.Plural(5, "project")}
	entries := map[*ProjectItem]*indexEntry{}
	for _, it := range m.projects {
		e := &indexEntry{Title: it.T.Title, URL: it.Path, Summary: it.T.Summary, Status: it.P.Status, StatusLabel: l.T("status_" + it.P.Status), Facets: map[string][]string{}}
		if it.T.Fallback {
			e.Lang = it.T.Lang
		}
		for _, k := range it.P.Regions {
			e.Regions = append(e.Regions, l.T("region_"+k))
		}
		if it.P.BudgetCZK > 0 {
			e.Budget = l.MoneyCompact(it.P.BudgetCZK)
		}
		entries[it] = e
	}
	for _, f := range m.facets {
		jf := indexFacet{Name: f.Name, Label: f.Label}
		for _, v := range f.Values {
			jf.Values = append(jf.Values, indexValue{Key: v.Key, Label: v.Label, Count: v.Count})
			for _, it := range v.projects {
				e := entries[it]
				e.Facets[f.Name] = append(e.Facets[f.Name], v.Key)
			}
		}
		idx.Facets = append(idx.Facets, jf)
	}
	for _, it := range m.projects {
		idx.Entries = append(idx.Entries, *entries[it])
	}
	data, err = json.Marshal(idx)
	if err != nil {
		return "", nil, fmt.Errorf("project index %s: %w", lang, err)
	}
	return rt.Projects(1)[1:] + "index.json", data, nil
}
