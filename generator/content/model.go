package content

import (
	"fmt"
	"html/template"
	"time"

	"github.com/transformace/portal/generator/config"
	"github.com/transformace/portal/generator/indicator"
	"github.com/transformace/portal/generator/markdown"
)

// Regions are the keys a project or partner may name: the fourteen Czech
// regions (kraje) and "abroad" for inspiration from other countries.
var Regions = []string{
	"praha", "stredocesky", "jihocesky", "plzensky", "karlovarsky", "ustecky",
	"liberecky", "kralovehradecky", "pardubicky", "vysocina", "jihomoravsky",
	"olomoucky", "zlinsky", "moravskoslezsky", "abroad",
}

// Statuses are a project's stages, in the order a project passes them.
var Statuses = []string{"idea", "preparation", "running", "finished", "cancelled"}

// PartnerKinds are the kinds of organisation a partner may be.
var PartnerKinds = []string{"ministry", "region", "municipality", "mas", "ngo", "company", "university", "agency", "other"}

// Site is the whole validated content of a portal.
type Site struct {
	Config     *config.Site
	Projects   []*Project // by slug
	Partners   []*Partner // by slug; render sorts by collation per language
	Pages      []*Page
	Stories    []*Story // by slug
	Indicators []*indicator.Indicator

	ProjectBySlug   map[string]*Project
	PartnerBySlug   map[string]*Partner
	IndicatorByID   map[string]*indicator.Indicator
	PageBySlug      map[string]*Page
	ProjectsOf      map[string][]*Project // partner slug → projects it carries or joins
	ProjectsWithInd map[string][]*Project // indicator id → projects that report it

	// Warnings are problems that do not stop a build.
	Warnings Errors
	// Files is every content file read, for the dependency model and "last changed".
	Files []string
}

// Entry is what every kind of content shares: a slug, its files and its
// text in every language of the site.
type Entry struct {
	Slug string
	// Texts has an entry for every site language; a language without its own
	// file holds the default language's text with Fallback set.
	Texts map[string]*Text
	// Updated is the newest change of any of its files (git or mtime).
	Updated time.Time
}

// Text is the part of an entry written per language.
type Text struct {
	// Lang is the language the text is written in; it differs from the
	// language of the page showing it when Fallback is set.
	Lang     string
	File     string
	Fallback bool
	Title    string
	Summary  string
	// URLSlug is the readable URL segment of a free page in this language.
	URLSlug string
	// Territory, Plan, Priority and Goal are a project's strategy links.
	Territory, Plan, Priority, Goal string
	// CoverAlt describes a story's cover photo; Credit names the author
	// and licence of its photos (or says they are illustrations).
	CoverAlt, Credit string
	// Inherited names the text fields ("summary", "plan" …) that a
	// translation left out and that hold the default language's text, so
	// pages can mark them with that language.
	Inherited map[string]bool
	Body      template.HTML
	BodyText  string
	Headings  []markdown.Heading
	Images    []markdown.Image
}

// InheritedLang is the language of a text field: the default language's
// when the translation left it out, else the text's own. Templates use it
// for lang attributes.
func (t *Text) InheritedLang(field, def string) string {
	if t.Inherited[field] {
		return def
	}
	return t.Lang
}

// In returns the text shown on pages in lang.
func (e *Entry) In(lang string) *Text { return e.Texts[lang] }

// Translated reports whether the entry has its own file in lang.
func (e *Entry) Translated(lang string) bool {
	t := e.Texts[lang]
	return t != nil && !t.Fallback
}

// Project is a project card.
type Project struct {
	Entry
	Regions      []string
	Status       string
	Start, End   Period
	BudgetCZK    int64 // 0: not given
	EUFundingCZK int64 // 0: not given
	Fund         string
	Carrier      string
	Partners     []string
	Indicators   []string
	Tags         []string
}

// EUShare is the EU part of the budget in percent, or -1 when unknown.
func (p *Project) EUShare() float64 {
	if p.BudgetCZK <= 0 || p.EUFundingCZK <= 0 {
		return -1
	}
	return float64(p.EUFundingCZK) * 100 / float64(p.BudgetCZK)
}

// Involves reports whether partner carries or joins the project.
func (p *Project) Involves(partner string) bool {
	if p.Carrier == partner {
		return true
	}
	for _, s := range p.Partners {
		if s == partner {
			return true
		}
	}
	return false
}

// Partner is an organisation that carries or joins projects.
type Partner struct {
	Entry
	Kind    string
	ICO     string
	Website string
	Region  string
}

// Page is a free page such as "about" or the accessibility statement.
type Page struct {
	Entry
}

// Period is a year, a month or a day; the zero value means "not given".
type Period struct {
	Year, Month, Day int
}

// IsZero reports whether no period was given.
func (p Period) IsZero() bool { return p.Year == 0 }

// String is the ISO form: 2024, 2024-03, 2024-03-05.
func (p Period) String() string {
	switch {
	case p.Year == 0:
		return ""
	case p.Day > 0:
		return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
	case p.Month > 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d", p.Year)
}

// Before reports whether p starts before q ends, comparing at the coarser
// precision so that "2024" and "2024-03" are not reported as out of order.
func (p Period) Before(q Period) bool {
	a := [3]int{p.Year, p.Month, p.Day}
	b := [3]int{q.Year, q.Month, q.Day}
	for i := range 3 {
		if a[i] == 0 || b[i] == 0 {
			return true
		}
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return true
}

// Time is the first day of the period.
func (p Period) Time() time.Time {
	m, d := max(p.Month, 1), max(p.Day, 1)
	return time.Date(p.Year, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// entries lists every entry of every kind.
func (s *Site) entries() []*Entry {
	var out []*Entry
	for _, p := range s.Projects {
		out = append(out, &p.Entry)
	}
	for _, p := range s.Partners {
		out = append(out, &p.Entry)
	}
	for _, p := range s.Pages {
		out = append(out, &p.Entry)
	}
	for _, st := range s.Stories {
		out = append(out, &st.Entry)
	}
	return out
}
