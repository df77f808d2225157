package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
)

// file is one generated file, its path relative to the output folder.
type file struct {
	path string
	data []byte
}

// stats is what the summary line reports.
type stats struct {
	projects, translated  int
	partners, indicators  int
	excel, pages, files   int
	win1250, stories      int
	bytes                 int64
	untranslatedPartners  int
	withBudget, withTable int
}

// gen holds the random source and everything generated so far. Only
// slices, never map iteration, decide the order of anything.
type gen struct {
	r       *rand.Rand
	win1250 bool // half of the Excel-style CSVs in windows-1250
	files   []file
	st      stats

	partners   []*partner
	byRegion   map[string][]int // region key → indices into partners; only looked up
	indicators []*indicatorSpec
	projects   []*project
}

type partner struct {
	slug, cs, en, kind, region string
	t                          town
}

type indicatorSpec struct{ id string }

type project struct {
	slug, titleCS, titleEN string
	reg                    []region
	t                      town
	indicators             []string
}

// options are the choices of the command line besides n and the seed.
type options struct {
	win1250 bool // -win1250: half of the Czech Excel CSVs in windows-1250
	stories int  // -stories: number of photo stories
}

// generate builds the whole site in memory. The stories come last and
// draw their random numbers after everything else, so the number of
// stories changes no other file.
func generate(n int, seed uint64, o options) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), win1250: o.win1250}
	g.genPartners(max(n/50, 8))
	g.genIndicators(max(n/5, 1))
	g.genProjectHeads(n)
	g.assignIndicators()
	for i := range g.projects {
		g.writeProject(i)
	}
	g.writePages()
	g.writeSiteTOML()
	if o.stories > 0 {
		g.genStories(o.stories)
	}
	return g
}

func (g *gen) add(path, data string) {
	g.files = append(g.files, file{path: path, data: []byte(data)})
	g.st.files++
	g.st.bytes += int64(len(data))
}

func (g *gen) addBytes(path string, data []byte) {
	g.files = append(g.files, file{path: path, data: data})
	g.st.files++
	g.st.bytes += int64(len(data))
}

// --- random helpers ---

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *gen) region() region {
	total := 0
	for _, r := range regions {
		total += r.weight
	}
	x := g.r.IntN(total)
	for _, r := range regions {
		if x < r.weight {
			return r
		}
		x -= r.weight
	}
	panic("unreachable")
}

func regionByKey(key string) region {
	for _, r := range regions {
		if r.key == key {
			return r
		}
	}
	panic("unknown region " + key)
}

// skewed picks an index in [0, n) with a long tail: a few partners carry
// many projects, most carry a handful, as in real programme data.
func (g *gen) skewed(n int) int {
	return min(n-1, int(float64(n)*math.Pow(g.r.Float64(), 1.8)))
}

// distinct picks k distinct indices of [0, n) in random order.
func (g *gen) distinct(n, k int) []int {
	p := g.r.Perm(n)
	return p[:min(k, n)]
}

// --- text helpers ---

var fold = strings.NewReplacer(
	"á", "a", "č", "c", "ď", "d", "é", "e", "ě", "e", "í", "i", "ň", "n", "ó", "o", "ř", "r",
	"š", "s", "ť", "t", "ú", "u", "ů", "u", "ý", "y", "ž", "z", "ł", "l", "ö", "o", "ü", "u",
	"ä", "a", "ß", "ss", "ś", "s", "ź", "z", "ż", "z", "ą", "a", "ę", "e", "ń", "n", "ć", "c",
)

// slugify turns a Czech name into lowercase ASCII with single hyphens.
func slugify(s string) string {
	s = fold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		if c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
			continue
		}
		dash = true
	}
	return b.String()
}

// shortSlug cuts a slug at a hyphen so that addresses stay readable.
func shortSlug(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	if i := strings.LastIndexByte(s[:limit], '-'); i > 0 {
		return s[:i]
	}
	return s[:limit]
}

// q writes a TOML basic string; the generated texts hold no control
// characters.
func q(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func qlist(list []string) string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = q(s)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// czk formats a whole number the Czech way: 1 250 000 (no-break spaces).
func czk(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	return b.String()
}

// tomlInt writes a number as editors do: 54_675_000 or 54675000.
func tomlInt(n int64, underscores bool) string {
	s := strconv.FormatInt(n, 10)
	if !underscores {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('_')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// fill replaces the placeholders of a sentence template.
func (g *gen) fill(tpl string, t town, reg region) string {
	regEN := reg.en
	if reg.key == "abroad" {
		regEN = "border region"
	}
	return strings.NewReplacer(
		"{T}", t.cs, "{TL}", t.loc, "{TE}", t.en, "{R}", regEN, "{RL}", reg.loc,
		"{Y}", strconv.Itoa(g.between(2016, 2025)),
		"{N}", strconv.Itoa(g.between(3, 60)*pick(g.r, []int{1, 10, 100})),
		"{P}", strconv.Itoa(g.between(5, 45)),
		"{K}", strconv.Itoa(10*g.between(3, 60)),
	).Replace(tpl)
}

func (g *gen) paragraph(pool []string, k int, t town, reg region) string {
	var parts []string
	for _, i := range g.distinct(len(pool), k) {
		parts = append(parts, g.fill(pool[i], t, reg))
	}
	return strings.Join(parts, " ")
}

func (g *gen) list(pool []string, k int, t town, reg region) string {
	var b strings.Builder
	for _, i := range g.distinct(len(pool), k) {
		fmt.Fprintf(&b, "- %s;\n", g.fill(pool[i], t, reg))
	}
	s := b.String()
	return s[:len(s)-2] + ".\n"
}

// --- partners ---

// ico returns a valid Czech company id: seven random digits and the mod-11
// check digit (weights 8…2; check = (11 − sum mod 11) mod 10).
func (g *gen) ico() string {
	d := make([]byte, 8)
	sum := 0
	for i := range 7 {
		x := g.r.IntN(10)
		d[i] = byte('0' + x)
		sum += x * (8 - i)
	}
	d[7] = byte('0' + (11-sum%11)%10)
	return string(d)
}

func (g *gen) genPartners(n int) {
	seen := map[string]int{} // only looked up, never iterated
	g.byRegion = map[string][]int{}
	mi, ui, mas, retries := 0, 0, 0, 0
	regionsLeft := g.r.Perm(len(regions) - 1) // every region except abroad, once
	for len(g.partners) < n {
		reg := g.region()
		t := pick(g.r, reg.towns)
		pa := &partner{region: reg.key, t: t}
		switch x := g.r.IntN(100); {
		case x < 4 && mi < len(ministries):
			m := ministries[mi]
			mi++
			pa.cs, pa.en, pa.kind, pa.region = m.cs, m.en, "ministry", "praha"
		case x < 12 && len(regionsLeft) > 0:
			rg := regions[regionsLeft[0]]
			regionsLeft = regionsLeft[1:]
			pa.cs, pa.en, pa.kind, pa.region = rg.cs, rg.en, "region", rg.key
			if rg.key == "praha" {
				pa.en = "City of Prague"
			}
		case x < 45 && reg.key != "abroad":
			if g.chance(0.25) {
				v := pick(g.r, villages)
				pa.cs, pa.en = "Obec "+v.cs, "Municipality of "+v.en
			} else if g.chance(0.3) {
				pa.cs, pa.en = "Statutární město "+t.cs, "Statutory City of "+t.en
			} else {
				pa.cs, pa.en = "Město "+t.cs, "Town of "+t.en
			}
			pa.kind = "municipality"
		case x < 60 && reg.key != "abroad":
			name := masNames[mas%len(masNames)]
			if mas >= len(masNames) {
				name += " " + strconv.Itoa(mas/len(masNames)+1)
			}
			mas++
			pa.cs, pa.en, pa.kind = "MAS "+name, "Local Action Group "+name, "mas"
		case x < 70:
			k := pick(g.r, ngoKinds)
			pa.cs, pa.en, pa.kind = k.cs+" "+t.cs, k.en+" "+t.en, "ngo"
		case x < 82:
			k := pick(g.r, companyKinds)
			pa.cs, pa.kind = k.cs+" "+t.cs+" "+k.form, "company"
			pa.en = pa.cs // a company's name is not translated
		case x < 86 && ui < len(universities):
			u := universities[ui]
			ui++
			pa.cs, pa.en, pa.kind, pa.region = u.cs, u.en, "university", u.region
		case x < 96:
			k := pick(g.r, agencyKinds)
			pa.cs, pa.en, pa.kind = k.cs+" "+t.cs, k.en+" "+t.en, "agency"
		default:
			if reg.key == "abroad" {
				pa.cs, pa.en = "Euroregion "+t.cs, "Euroregion "+t.en
			} else {
				pa.cs, pa.en = "Regionální stálá konference "+reg.gen, "Regional Standing Conference of the "+reg.en
			}
			pa.kind = "other"
		}
		if pa.region != reg.key {
			pa.t = regionByKey(pa.region).towns[0] // the seat of a ministry, region or university
		}
		pa.slug = shortSlug(slugify(pa.cs), 50)
		if k := seen[pa.slug]; k > 0 {
			if retries++; retries < 20 {
				continue // another town: the same name twice is not realistic
			}
			seen[pa.slug] = k + 1
			pa.slug += "-" + strconv.Itoa(k+1)
			pa.cs += " (" + strconv.Itoa(k+1) + ")"
			pa.en += " (" + strconv.Itoa(k+1) + ")"
		} else {
			seen[pa.slug] = 1
		}
		retries = 0
		g.byRegion[pa.region] = append(g.byRegion[pa.region], len(g.partners))
		g.partners = append(g.partners, pa)
		g.writePartner(pa)
	}
	g.st.partners = len(g.partners)
}

var partnerSummaries = []struct{ kind, cs, en string }{
	{"ministry", "Ústřední orgán státní správy, který koordinuje podporu regionů v transformaci z národní úrovně.", "A central government body that coordinates support for regions in transition at national level."},
	{"region", "Samosprávný kraj, který nese strategické projekty a rozděluje krajské dotace.", "A self-governing region that leads strategic projects and awards regional grants."},
	{"municipality", "Obec, která připravuje a financuje projekty obnovy veřejných budov, prostranství a služeb.", "A municipality that prepares and funds projects renewing public buildings, spaces and services."},
	{"mas", "Místní akční skupina, která rozděluje evropské peníze metodou komunitně vedeného místního rozvoje.", "A local action group that allocates EU money through community-led local development."},
	{"ngo", "Nezisková organizace, která zapojuje obyvatele do péče o místo, kde žijí.", "A non-profit organisation that involves residents in caring for the place where they live."},
	{"company", "Obchodní společnost vlastněná obcí nebo krajem, která provozuje veřejnou infrastrukturu.", "A company owned by a municipality or region that runs public infrastructure."},
	{"university", "Veřejná vysoká škola, která do projektů přináší výzkum, odborný dohled a studenty.", "A public university that brings research, expert oversight and students to projects."},
	{"agency", "Agentura, která radí obcím a firmám s přípravou projektů a hledáním financování.", "An agency that advises municipalities and businesses on preparing projects and finding funding."},
	{"other", "Platforma pro koordinaci a sdílení informací mezi aktéry v území.", "A platform for coordination and information sharing among local actors."},
}

func (g *gen) writePartner(pa *partner) {
	var sumCS, sumEN string
	for _, s := range partnerSummaries {
		if s.kind == pa.kind {
			sumCS, sumEN = s.cs, s.en
		}
	}
	reg := regionByKey(pa.region)
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\nsummary = %s\nkind = %q\n", q(pa.cs), q(sumCS), pa.kind)
	if g.chance(0.8) {
		fmt.Fprintf(&b, "ico = %q\n", g.ico())
	}
	if g.chance(0.6) {
		fmt.Fprintf(&b, "website = %q\n", "https://"+pa.slug+".example.cz/")
	}
	fmt.Fprintf(&b, "region = %q\n", pa.region)
	b.WriteString("+++\n\n")
	fmt.Fprintf(&b, "%s sídlí %s a působí především %s. %s\n\n", pa.cs, pa.t.loc, reg.loc, g.paragraph(partnerSentencesCS, 2, pa.t, reg))
	fmt.Fprintf(&b, "Organizace je v portálu uvedena jako **nositel nebo partner** projektů, jejichž přehled najdete níže.\n")
	g.add("content/partners/"+pa.slug+".cs.md", b.String())
	if !g.chance(0.85) {
		g.st.untranslatedPartners++
		return
	}
	b.Reset()
	fmt.Fprintf(&b, "+++\ntitle = %s\nsummary = %s\n+++\n\n", q(pa.en), q(sumEN))
	fmt.Fprintf(&b, "%s is based in %s. %s\n\nThe portal lists it as the **lead or partner** of the projects below.\n", pa.en, pa.t.en, g.paragraph(partnerSentencesEN, 2, pa.t, reg))
	g.add("content/partners/"+pa.slug+".en.md", b.String())
}
