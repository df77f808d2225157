package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Sitemap returns /sitemap.xml: every indexable page with its language
// alternates (xhtml:link, reciprocal, absolute, plus x-default), the same
// ones the pages list in their heads. Untranslated pages, whose canonical
// is the original, are left out, as are 404 and embed pages.
func (r *Renderer) Sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range r.Pages() {
		if p.Kind == "notfound" || p.Kind == "embed" {
			continue
		}
		v := p.view(r)
		if v.Canonical != r.site.Config.AbsURL(p.Path) {
			continue
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(v.Canonical))
		b.WriteString("</loc>")
		if t := v.updated(); !t.IsZero() {
			b.WriteString("<lastmod>" + t.UTC().Format("2006-01-02") + "</lastmod>")
		}
		for _, a := range v.Alternates {
			fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, a.Lang, xmlAttr(a.URL))
		}
		if len(v.Alternates) > 0 {
			fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="x-default" href="%s"/>`, xmlAttr(v.Switch[0].URL))
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// updated is when the page's main content last changed, if it has one.
func (v *View) updated() time.Time {
	switch {
	case v.Project != nil:
		return v.Project.Updated
	case v.Partner != nil:
		return v.Partner.P.Updated
	case v.Indicator != nil:
		return v.Indicator.I.Updated
	case v.PageSlug != "":
		return v.Site.PageBySlug[v.PageSlug].Updated
	}
	return time.Time{}
}

// Robots returns /robots.txt, pointing crawlers at the sitemap.
func (r *Renderer) Robots() []byte {
	return []byte("User-agent: *\nAllow: /\nDisallow: /embed/\n\nSitemap: " + r.site.Config.AbsURL("/sitemap.xml") + "\n")
}

// FeedPath is the Atom feed of a language.
func FeedPath(lang string) string { return "/" + lang + "/feed.xml" }

// feedItem is a project or a story in a feed.
type feedItem struct {
	title, summary, path, lang, category, label string
	updated                                     time.Time
}

// Feed returns the Atom feed of new and changed projects and stories in
// lang, newest first, dated by their files' last change (git history or
// mtime).
func (r *Renderer) Feed(lang string) []byte {
	cfg := r.site.Config
	l := r.locales[lang]
	var items []feedItem
	for _, it := range r.model[lang].projects {
		fi := feedItem{title: it.T.Title, summary: it.T.Summary, path: it.Path, category: it.P.Status, label: l.T("status_" + it.P.Status), updated: it.Updated}
		if it.T.Fallback {
			fi.lang = it.T.Lang
		}
		items = append(items, fi)
	}
	for _, it := range r.model[lang].stories {
		fi := feedItem{title: it.T.Title, summary: it.T.Summary, path: it.Path, category: "story", label: l.T("stories_title"), updated: it.S.Updated}
		if it.T.Fallback {
			fi.lang = it.T.Lang
		}
		items = append(items, fi)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].updated.After(items[j].updated) })
	if len(items) > 50 {
		items = items[:50]
	}
	var updated time.Time
	if len(items) > 0 {
		updated = items[0].updated
	}
	self := cfg.AbsURL(FeedPath(lang))
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">`+"\n", lang)
	fmt.Fprintf(&b, "<title>%s</title>\n", xmlText(cfg.Title[lang]))
	if d := cfg.Description[lang]; d != "" {
		fmt.Fprintf(&b, "<subtitle>%s</subtitle>\n", xmlText(d))
	}
	fmt.Fprintf(&b, "<id>%s</id>\n<link rel=\"self\" href=\"%s\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", xmlText(self), xmlAttr(self), xmlAttr(cfg.AbsURL("/"+lang+"/")))
	fmt.Fprintf(&b, "<updated>%s</updated>\n", atomTime(updated))
	fmt.Fprintf(&b, "<author><name>%s</name></author>\n", xmlText(cfg.Publisher))
	for _, it := range items {
		u := cfg.AbsURL(it.path)
		lg := ""
		if it.lang != "" {
			lg = fmt.Sprintf(` xml:lang="%s"`, it.lang)
		}
		fmt.Fprintf(&b, "<entry%s>\n<title>%s</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n<id>%s</id>\n<updated>%s</updated>\n<summary>%s</summary>\n", lg, xmlText(it.title), xmlAttr(u), xmlText(u), atomTime(it.updated), xmlText(it.summary))
		fmt.Fprintf(&b, "<category term=\"%s\" label=\"%s\"/>\n</entry>\n", xmlAttr(it.category), xmlAttr(it.label))
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func xmlAttr(s string) string { return xmlText(s) }
