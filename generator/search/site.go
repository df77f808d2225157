package search

import (
	"slices"
	"strings"

	"github.com/transformace/portal/generator/content"
)

// Links builds the addresses of pages in one language; render.Routes
// satisfies it.
type Links interface {
	Project(slug string) string
	Partner(slug string) string
	Indicator(id string) string
	Page(pg *content.Page) string
	Region(key string) string
	Story(slug string) string
}

// Strings gives UI strings in one language; *locale.Locale satisfies it.
// SiteDocs asks for "region_<key>" and "region_description".
type Strings interface {
	T(key string, args ...any) string
}

// SiteDocs returns the documents of the search index of lang: regions
// with projects, partners, stories, projects, indicators and free pages,
// in that order, and within a kind shorter titles first. The order breaks
// ties of rank, so that for "usti" the partner "Statutární město Ústí nad
// Labem" comes before the many projects "… v Ústí nad Labem" that match as
// well as it does.
//
// Only text written in lang goes in, so a translated page is found by its
// own words and not by its original's. A page that is not translated yet
// is indexed with the default language's text and its Doc.Lang says so;
// names of other entries (partners of a project, untranslated topics) are
// added only when they are written in lang.
func SiteDocs(s *content.Site, lang string, links Links, ui Strings) []Doc {
	def := s.Config.DefaultLanguage()
	inLang := func(t *content.Text) bool { return t != nil && t.Lang == lang && !t.Fallback }
	regionNames := func(keys []string) string {
		var names []string
		for _, k := range keys {
			if k != "" {
				names = append(names, ui.T("region_"+k))
			}
		}
		return strings.Join(names, ", ")
	}
	// text joins the non-empty parts as paragraphs.
	text := func(parts ...string) string {
		var b strings.Builder
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				if b.Len() > 0 {
					b.WriteString("\n")
				}
				b.WriteString(p)
			}
		}
		return b.String()
	}
	// own drops a translation's field that holds the default language's
	// text, unless the whole text is the default language's.
	own := func(t *content.Text, field, value string) string {
		if t.Inherited[field] && !t.Fallback {
			return ""
		}
		return value
	}

	var docs []Doc
	regionsUsed := map[string]bool{}
	for _, p := range s.Projects {
		for _, k := range p.Regions {
			regionsUsed[k] = true
		}
	}
	// Within a kind, shorter titles come first: among equally good
	// matches the page most about the words wins ("Ústí Region" before
	// "Innovation Centre of the Ústí Region").
	from := 0
	kindDone := func() {
		type sized struct {
			doc Doc
			n   int
		}
		part := make([]sized, 0, len(docs)-from)
		for _, d := range docs[from:] {
			part = append(part, sized{d, len(Tokens(d.Title))})
		}
		slices.SortStableFunc(part, func(a, b sized) int { return a.n - b.n })
		for i, p := range part {
			docs[from+i] = p.doc
		}
		from = len(docs)
	}
	for _, k := range content.Regions {
		if regionsUsed[k] {
			name := ui.T("region_" + k)
			docs = append(docs, Doc{URL: links.Region(k), Title: name, Type: "region", Text: ui.T("region_description", name), Lang: lang})
		}
	}
	kindDone()
	for _, p := range s.Partners {
		t := p.In(lang)
		if t == nil {
			continue
		}
		docs = append(docs, Doc{
			URL: links.Partner(p.Slug), Title: t.Title, Type: "partner", Region: regionNames([]string{p.Region}),
			Text: text(own(t, "summary", t.Summary), t.BodyText, ui.T("kind_"+p.Kind), p.ICO),
			Lang: t.Lang,
		})
	}
	kindDone()
	for _, st := range s.Stories {
		t := st.In(lang)
		if t == nil {
			continue
		}
		docs = append(docs, Doc{
			URL: links.Story(st.Slug), Title: t.Title, Type: "story", Region: regionNames([]string{st.Region}),
			Text: text(own(t, "summary", t.Summary), t.BodyText, own(t, "cover_alt", t.CoverAlt)),
			Lang: t.Lang,
		})
	}
	kindDone()
	for _, p := range s.Projects {
		t := p.In(lang)
		if t == nil {
			continue
		}
		var extra []string
		for _, tag := range p.Tags {
			if label, ok := s.Config.TagLabel(lang, tag); ok || t.Fallback {
				if !ok {
					label = tag // the text is the default language's anyway
				}
				extra = append(extra, label)
			}
		}
		for _, slug := range append([]string{p.Carrier}, p.Partners...) {
			if pa := s.PartnerBySlug[slug]; pa != nil {
				if pt := pa.In(lang); inLang(pt) || (t.Fallback && pt != nil) {
					extra = append(extra, pt.Title)
				}
			}
		}
		docs = append(docs, Doc{
			URL: links.Project(p.Slug), Title: t.Title, Type: "project", Region: regionNames(p.Regions),
			Text: text(own(t, "summary", t.Summary), t.BodyText, own(t, "territory", t.Territory), own(t, "plan", t.Plan),
				own(t, "priority", t.Priority), own(t, "goal", t.Goal), p.Fund, strings.Join(extra, "\n")),
			Lang: t.Lang,
		})
	}
	kindDone()
	for _, ind := range s.Indicators {
		title := ind.Meta.Title[lang]
		if title == "" {
			continue
		}
		unit := ""
		if u := ind.Meta.Unit; u.All != "" || u.PerLang[lang] != "" {
			unit = u.In(lang, def)
		}
		docs = append(docs, Doc{
			URL: links.Indicator(ind.ID), Title: title, Type: "indicator",
			Text: text(ind.Meta.Description[lang], unit, ind.Meta.Source),
			Lang: lang,
		})
	}
	kindDone()
	for _, pg := range s.Pages {
		t := pg.In(lang)
		if t == nil {
			continue
		}
		docs = append(docs, Doc{
			URL: links.Page(pg), Title: t.Title, Type: "page",
			Text: text(own(t, "summary", t.Summary), t.BodyText),
			Lang: t.Lang,
		})
	}
	kindDone()
	return docs
}
