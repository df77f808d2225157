package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"strings"
)

// genStories writes k photo stories (-stories k; by default max(n/200, 1)),
// so that a generated site has every page type: story bundles with a
// cover, a single photo and a before/after pair, each a drawn 960 × 640
// JPEG. The last story of two or more is Czech only (the fallback page).
// It runs after everything else and draws random numbers only when k > 0,
// so every file outside content/stories/ is the same for any k.
func (g *gen) genStories(k int) {
	coal := []string{"ustecky", "karlovarsky", "moravskoslezsky"}
	for i := range k {
		reg := regionByKey(coal[i%len(coal)])
		t := pick(g.r, reg.towns)
		slug := fmt.Sprintf("pribeh-%s-%d", slugify(t.cs), i+1)
		dir := "content/stories/" + slug + "/"
		photos := []string{"krajina.jpg", "pred.jpg", "po.jpg", "mesto.jpg"}
		for j, name := range photos {
			g.addBytes(dir+name, g.photo(j == 2))
		}
		var pr *project
		for _, p := range g.projects {
			if p.reg[0].key == reg.key {
				pr = p
				break
			}
		}
		link := func(lang string) string {
			if pr == nil {
				return ""
			}
			if lang == "cs" {
				return fmt.Sprintf("Jedním z projektů, které tu běží, je [%s](/cs/projekty/%s/).", pr.titleCS, pr.slug)
			}
			return fmt.Sprintf("One of the projects here is [%s](/en/projects/%s/).", pr.titleEN, pr.slug)
		}
		date := fmt.Sprintf("%d-%02d-%02d", g.between(2022, 2025), g.between(1, 12), g.between(1, 28))
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = %s\nsummary = %s\nregion = %q\ncover = \"krajina.jpg\"\ncover_alt = %s\ncredit = \"Kresba: bench/gensite\"\ndate = %s\n+++\n\n",
			q("Krajina "+reg.gen+": "+t.cs+" po uhlí"),
			q("Jak se mění krajina "+t.loc+" a co na to říkají lidé, kteří tu žijí."),
			reg.key, q("Kresba: krajina "+t.loc+", kopce pod večerní oblohou."), date)
		fmt.Fprintf(&b, "%s\n\n## Krajina\n\n%s\n\n", g.paragraph(partnerSentencesCS, 2, t, reg), link("cs"))
		fmt.Fprintf(&b, "![Kresba: kopce a pole %s](mesto.jpg \"Kresba: krajina %s\")\n\n", t.loc, t.loc)
		b.WriteString("## Před a po\n\n")
		b.WriteString("![Kresba: holá výsypka bez stromů](pred.jpg \"Kresba: výsypka po skončení těžby\") ![Kresba: totéž místo zarostlé lesem](po.jpg \"Kresba: totéž místo po rekultivaci\")\n\n")
		fmt.Fprintf(&b, "%s\n", g.paragraph(partnerSentencesCS, 1, t, reg))
		g.add(dir+"index.cs.md", b.String())
		if k > 1 && i == k-1 {
			continue
		}
		b.Reset()
		fmt.Fprintf(&b, "+++\ntitle = %s\nsummary = %s\ncover_alt = %s\n+++\n\n",
			q("The landscape of "+t.en+" after coal"),
			q("How the landscape around "+t.en+" changes, and what the people who live there say."),
			q("Drawing: the landscape around "+t.en+", hills under an evening sky."))
		fmt.Fprintf(&b, "%s\n\n## Landscape\n\n%s\n\n", g.paragraph(partnerSentencesEN, 2, t, reg), link("en"))
		fmt.Fprintf(&b, "![Drawing: hills and fields around %s](mesto.jpg \"Drawing: around %s\")\n\n", t.en, t.en)
		b.WriteString("## Before and after\n\n")
		b.WriteString("![Drawing: a bare spoil heap without trees](pred.jpg \"Drawing: a spoil heap when mining ended\") ![Drawing: the same place covered by forest](po.jpg \"Drawing: the same place after reclamation\")\n\n")
		fmt.Fprintf(&b, "%s\n", g.paragraph(partnerSentencesEN, 1, t, reg))
		g.add(dir+"index.en.md", b.String())
	}
	g.st.stories = k
}

// photo draws a 960 × 640 landscape: a sky, three rows of hills and a
// field, green when forested, grey-brown when not.
func (g *gen) photo(forest bool) []byte {
	const w, h = 960, 640
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sky := [2]color.RGBA{{uint8(g.between(120, 200)), uint8(g.between(150, 200)), 230, 255}, {250, uint8(g.between(200, 235)), uint8(g.between(180, 220)), 255}}
	type hill struct{ base, amp, freq, phase float64 }
	var hills [3]hill
	for i := range hills {
		hills[i] = hill{float64(h) * (0.45 + 0.1*float64(i)), 30 + 40*g.r.Float64(), 2 + 4*g.r.Float64(), 6 * g.r.Float64()}
	}
	ground := [3]color.RGBA{{110, 120, 130, 255}, {90, 100, 95, 255}, {120, 105, 85, 255}}
	if forest {
		ground = [3]color.RGBA{{100, 130, 120, 255}, {60, 110, 70, 255}, {40, 90, 50, 255}}
	}
	// The outline of each hill, once per column (the same numbers as per
	// pixel, in a fraction of the time).
	var tops [3][w]float64
	for i, hl := range hills {
		for x := range w {
			tops[i][x] = hl.base - hl.amp*math.Sin(hl.freq*float64(x)/w*math.Pi+hl.phase)
		}
	}
	for y := range h {
		skyc := mix(sky[0], sky[1], float64(y)/float64(h))
		for x := range w {
			c := skyc
			for i := range hills {
				if float64(y) > tops[i][x] {
					c = ground[i]
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err) // encoding into memory does not fail
	}
	return buf.Bytes()
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}
