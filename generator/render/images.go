package render

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ImageSet is a photo processed into responsive variants.
type ImageSet struct {
	Width, Height int    // of the largest variant
	Src           string // fallback JPEG (a middle width)
	Srcset        string // "…-480.jpg 480w, …-960.jpg 960w"
	WebPSrcset    string // the same in WebP, or ""
	Largest       string // the largest JPEG, for sharing
}

// The sizes attribute tells the browser how wide a photo is shown, so that
// it fetches the smallest variant that is sharp enough. They follow
// static/css/portal.css:
//
//   - a photo in a story: the full text column on a phone, at most the
//     story column (.prose, 46rem ≈ 736 px) on a desktop;
//   - a cover (class "cover-img": .story-cover, .region-cover): the whole
//     width of the window;
//   - a tile (class "tile-img": .region-grid, .story-grid in .wrap of
//     72rem): one column on a phone, two or three up to 60rem, and at most
//     a third of 72rem beyond.
const (
	photoSizes = "(max-width: 48rem) 100vw, 46rem"
	coverSizes = "100vw"
	tileSizes  = "(max-width: 36rem) 100vw, (max-width: 60rem) 50vw, 24rem"
)

func sizesFor(class string) string {
	switch class {
	case "cover-img":
		return coverSizes
	case "tile-img":
		return tileSizes
	}
	return photoSizes
}

// Picture is the markup of one responsive photo. eager is for the first
// photo of a page, which should not wait for lazy loading. class also
// chooses the sizes attribute (see sizesFor).
func Picture(im *ImageSet, alt string, eager bool, class string) template.HTML {
	sizes := sizesFor(class)
	var b strings.Builder
	b.WriteString("<picture>")
	if im.WebPSrcset != "" {
		b.WriteString(`<source type="image/webp" srcset="` + template.HTMLEscapeString(im.WebPSrcset) + `" sizes="` + sizes + `">`)
	}
	b.WriteString(`<img src="` + template.HTMLEscapeString(im.Src) + `" srcset="` + template.HTMLEscapeString(im.Srcset) + `" sizes="` + sizes + `"`)
	b.WriteString(` width="` + strconv.Itoa(im.Width) + `" height="` + strconv.Itoa(im.Height) + `" alt="` + template.HTMLEscapeString(alt) + `"`)
	if class != "" {
		b.WriteString(` class="` + class + `"`)
	}
	if !eager {
		b.WriteString(` loading="lazy"`)
	}
	b.WriteString(` decoding="async"></picture>`)
	return template.HTML(b.String())
}

// storyBody rewrites the images of a rendered (already sanitised) story
// body: a paragraph holding one photo becomes a figure with its caption
// (the Markdown title) and the story's credit; a paragraph holding two
// photos becomes a before/after pair that JavaScript may turn into a
// slider; every photo gets srcset, sizes, width and height. Images the
// lookup does not know are left as they are (content validation has
// already rejected any that are not photos of the bundle).
func storyBody(body template.HTML, lookup func(name string) *ImageSet, credit, creditLang, compareLabel string, eagerFirst bool) template.HTML {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(string(body)), ctx)
	if err != nil {
		return body
	}
	first := eagerFirst
	picture := func(img *html.Node) (*html.Node, string) {
		src, alt, title := attr(img, "src"), attr(img, "alt"), attr(img, "title")
		im := lookup(src)
		if im == nil {
			return nil, ""
		}
		frag, _ := html.ParseFragment(strings.NewReader(string(Picture(im, alt, first, ""))), ctx)
		first = false
		if len(frag) == 0 {
			return nil, ""
		}
		return frag[0], title
	}
	figure := func(img *html.Node) *html.Node {
		pic, caption := picture(img)
		if pic == nil {
			return nil
		}
		fig := &html.Node{Type: html.ElementNode, Data: "figure", DataAtom: atom.Figure, Attr: []html.Attribute{{Key: "class", Val: "photo"}}}
		fig.AppendChild(pic)
		if caption != "" || credit != "" {
			fc := &html.Node{Type: html.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption}
			if caption != "" {
				fc.AppendChild(&html.Node{Type: html.TextNode, Data: caption})
			}
			if credit != "" {
				cr := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span, Attr: []html.Attribute{{Key: "class", Val: "credit"}}}
				if creditLang != "" {
					// The credit is written once, in the default language.
					cr.Attr = append(cr.Attr, html.Attribute{Key: "lang", Val: creditLang})
				}
				cr.AppendChild(&html.Node{Type: html.TextNode, Data: credit})
				fc.AppendChild(cr)
			}
			fig.AppendChild(fc)
		}
		return fig
	}
	var out []*html.Node
	for _, n := range nodes {
		if imgs := onlyImages(n); len(imgs) == 1 || len(imgs) == 2 {
			var figs []*html.Node
			for _, img := range imgs {
				if f := figure(img); f != nil {
					figs = append(figs, f)
				}
			}
			if len(figs) == 1 {
				out = append(out, figs[0])
				continue
			}
			if len(figs) == 2 {
				pair := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: []html.Attribute{{Key: "class", Val: "compare"}, {Key: "data-label", Val: compareLabel}}}
				pair.AppendChild(figs[0])
				pair.AppendChild(figs[1])
				out = append(out, pair)
				continue
			}
		}
		// Photos inside running text keep their place, with srcset.
		replaceInline(n, picture)
		out = append(out, n)
	}
	var b bytes.Buffer
	for _, n := range out {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
		html.Render(&b, n)
	}
	return template.HTML(b.String())
}

// onlyImages returns the images of a paragraph that holds nothing else
// (white space aside), or nil.
func onlyImages(n *html.Node) []*html.Node {
	if n.Type != html.ElementNode || n.DataAtom != atom.P {
		return nil
	}
	var imgs []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Img:
			imgs = append(imgs, c)
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
		default:
			return nil
		}
	}
	return imgs
}

func replaceInline(n *html.Node, picture func(*html.Node) (*html.Node, string)) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom == atom.Img {
			if pic, _ := picture(c); pic != nil {
				n.InsertBefore(pic, c)
				n.RemoveChild(c)
			}
		} else {
			replaceInline(c, picture)
		}
		c = next
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
