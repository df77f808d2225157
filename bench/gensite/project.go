package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// genProjectHeads decides every project's name and address first, so that
// bodies can link to other projects.
func (g *gen) genProjectHeads(n int) {
	for i := range n {
		pr := &project{}
		reg := g.region()
		pr.reg = []region{reg}
		if reg.key != "abroad" && g.chance(0.04) {
			if other := g.region(); other.key != reg.key && other.key != "abroad" {
				pr.reg = append(pr.reg, other)
			}
		}
		pr.t = pick(g.r, reg.towns)
		if g.chance(0.7) {
			a, o := pick(g.r, actions), pick(g.r, objects)
			pr.titleCS = a.cs + " " + o.cs + " " + pr.t.loc
			pr.titleEN = a.en + " " + o.en + " in " + pr.t.en
		} else {
			p := pick(g.r, programmes)
			if reg.key != "abroad" && g.chance(0.4) {
				pr.titleCS = fmt.Sprintf(p.cs, reg.loc)
				pr.titleEN = fmt.Sprintf(p.en, "the "+reg.en)
			} else {
				pr.titleCS = fmt.Sprintf(p.cs, pr.t.loc)
				pr.titleEN = fmt.Sprintf(p.en, pr.t.en)
			}
		}
		// The number keeps slugs unique and never equal to a filter segment.
		pr.slug = shortSlug(slugify(pr.titleCS), 60) + "-" + strconv.Itoa(i+1)
		g.projects = append(g.projects, pr)
	}
	g.st.projects = n
}

// assignIndicators gives each project 0–2 indicators and makes sure every
// indicator is listed by some project (otherwise check warns).
func (g *gen) assignIndicators() {
	k := len(g.indicators)
	used := make([]bool, k)
	for _, pr := range g.projects {
		cnt := 0
		switch x := g.r.IntN(100); {
		case x < 40:
		case x < 85:
			cnt = 1
		default:
			cnt = 2
		}
		for _, j := range g.distinct(k, cnt) {
			pr.indicators = append(pr.indicators, g.indicators[j].id)
			used[j] = true
		}
	}
	n := len(g.projects)
	for j := range k {
		if used[j] {
			continue
		}
		for p := j * n / k; ; p = (p + 1) % n {
			pr := g.projects[p]
			if len(pr.indicators) < 2 {
				pr.indicators = append(pr.indicators, g.indicators[j].id)
				break
			}
		}
	}
}

var statusWeights = []struct {
	status string
	weight int
}{{"idea", 10}, {"preparation", 25}, {"running", 40}, {"finished", 20}, {"cancelled", 5}}

// period writes a start or end as editors do: a year, "YYYY-MM" or a date.
func (g *gen) period(year int) string {
	switch x := g.r.IntN(100); {
	case x < 55:
		return strconv.Itoa(year)
	case x < 85:
		return fmt.Sprintf("\"%d-%02d\"", year, g.between(1, 12))
	default:
		return fmt.Sprintf("%d-%02d-%02d", year, g.between(1, 12), g.between(1, 28))
	}
}

var summaryTails = []phrase{
	{"Navazuje na transformační plán regionu.", "It builds on the region's transition plan."},
	{"Zapojuje školy, firmy i obce v okolí.", "It involves schools, businesses and nearby municipalities."},
	{"Počítá s podporou z evropských fondů.", "It expects support from EU funds."},
	{"Výsledky budou zveřejněny jako otevřená data.", "Its results will be published as open data."},
	{"Provoz zajistí obec i po skončení financování.", "The municipality will keep it running after the funding ends."},
}

var priorities = []string{"1 Podnikání a inovace", "2 Lidé a dovednosti", "3 Energetika a klima", "4 Krajina a životní prostředí", "5 Spolupráce v území", "6 Veřejné služby"}

func (g *gen) writeProject(i int) {
	pr := g.projects[i]
	reg := pr.reg[0]
	goal := pick(g.r, goals)
	tail := pick(g.r, summaryTails)
	hasTail := g.chance(0.5)
	sumCS := "Cílem projektu " + pr.t.loc + " je " + goal.cs + "."
	sumEN := "The project in " + pr.t.en + " aims to " + goal.en + "."
	if hasTail {
		sumCS += " " + tail.cs
		sumEN += " " + tail.en
	}

	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\nsummary = %s\n", q(pr.titleCS), q(sumCS))
	if len(pr.reg) == 1 {
		fmt.Fprintf(&b, "region = %q\n", reg.key)
	} else {
		fmt.Fprintf(&b, "region = %s\n", qlist([]string{pr.reg[0].key, pr.reg[1].key}))
	}
	if g.chance(0.5) {
		fmt.Fprintf(&b, "territory = %s\n", q(pick(g.r, []string{"ORP ", "okres ", "mikroregion "})+pr.t.cs))
	}
	status := ""
	x := g.r.IntN(100)
	for _, s := range statusWeights {
		if x < s.weight {
			status = s.status
			break
		}
		x -= s.weight
	}
	fmt.Fprintf(&b, "status = %q\n", status)
	start, end := 0, 0
	switch status {
	case "idea":
		if g.chance(0.5) {
			start = g.between(2027, 2029)
		}
	case "preparation":
		start = g.between(2025, 2027)
		if g.chance(0.7) {
			end = start + g.between(1, 4)
		}
	case "running":
		start = g.between(2020, 2025)
		if g.chance(0.8) {
			end = g.between(max(2026, start+1), 2029)
		}
	case "finished":
		start = g.between(2015, 2022)
		end = min(start+g.between(1, 3), 2025)
	case "cancelled":
		start = g.between(2019, 2024)
		if g.chance(0.5) {
			end = start + g.between(1, 3)
		}
	}
	if start > 0 {
		fmt.Fprintf(&b, "start = %s\n", g.period(start))
	}
	if end > 0 {
		fmt.Fprintf(&b, "end = %s\n", g.period(end))
	}
	var fd *fund
	if g.chance(0.8) {
		w := g.r.IntN(100)
		switch {
		case w < 40:
			fd = &funds[0]
		case w < 70:
			fd = &funds[1]
		case w < 85:
			fd = &funds[2]
		default:
			fd = &funds[3]
		}
	}
	var budget, eu int64
	if g.chance(0.7) {
		budget = int64(math.Exp(math.Log(3e5)+g.r.Float64()*(math.Log(1.2e9)-math.Log(3e5)))) / 1000 * 1000
		underscores := g.chance(0.6)
		fmt.Fprintf(&b, "budget_czk = %s\n", tomlInt(budget, underscores))
		if fd != nil || g.chance(0.3) {
			eu = int64(float64(budget)*(0.45+0.4*g.r.Float64())) / 1000 * 1000
			fmt.Fprintf(&b, "eu_funding_czk = %s\n", tomlInt(eu, underscores))
		}
		g.st.withBudget++
	}
	if fd != nil {
		fmt.Fprintf(&b, "fund = %q\n", fd.code)
	}
	if g.chance(0.45) {
		prio := g.between(0, len(priorities)-1)
		fmt.Fprintf(&b, "plan = %s\n", q("Plán transformace "+reg.gen))
		fmt.Fprintf(&b, "priority = %s\n", q(priorities[prio]))
		fmt.Fprintf(&b, "goal = %s\n", q(fmt.Sprintf("%d.%d %s", prio+1, g.between(1, 4), capitalize(goal.cs))))
	}
	var carrier *partner
	if g.chance(0.9) {
		carrier = g.partnerFor(reg.key, 0.75)
		fmt.Fprintf(&b, "carrier = %q\n", carrier.slug)
	}
	var partners []*partner
	want := g.between(1, 4)
	for tries := 0; len(partners) < want && tries < 50; tries++ {
		pa := g.partnerFor(reg.key, 0.5)
		dup := pa == carrier
		for _, o := range partners {
			dup = dup || o == pa
		}
		if !dup {
			partners = append(partners, pa)
		}
	}
	slugs := make([]string, len(partners))
	for k, pa := range partners {
		slugs[k] = pa.slug
	}
	fmt.Fprintf(&b, "partners = %s\n", qlist(slugs))
	if len(pr.indicators) > 0 {
		fmt.Fprintf(&b, "indicators = %s\n", qlist(pr.indicators))
	}
	var tags []string
	for _, k := range g.distinct(len(topics), g.between(2, 5)) {
		tags = append(tags, topics[k].cs)
	}
	fmt.Fprintf(&b, "tags = %s\n", qlist(tags))
	b.WriteString("+++\n\n")

	n := len(g.projects)
	other := g.projects[(i+1+g.r.IntN(max(n-1, 1)))%n] // another project, when there is one
	b.WriteString(g.bodyCS(pr, reg, goal, fd, budget, eu, start, end, carrier, partners, other))
	g.add("content/projects/"+pr.slug+".cs.md", b.String())

	if !g.chance(0.9) {
		return // left untranslated: published in English with the Czech text
	}
	g.st.translated++
	b.Reset()
	fmt.Fprintf(&b, "+++\ntitle = %s\nsummary = %s\n+++\n\n", q(pr.titleEN), q(sumEN))
	b.WriteString(g.bodyEN(pr, reg, goal, fd, budget, carrier, other))
	g.add("content/projects/"+pr.slug+".en.md", b.String())
}

// partnerFor picks a partner, with probability local one from the
// project's region; a few partners take part in many projects.
func (g *gen) partnerFor(region string, local float64) *partner {
	if ids := g.byRegion[region]; len(ids) > 0 && g.chance(local) {
		return g.partners[ids[g.skewed(len(ids))]]
	}
	return g.partners[g.skewed(len(g.partners))]
}

func capitalize(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

func (g *gen) bodyCS(pr *project, reg region, goal phrase, fd *fund, budget, eu int64, start, end int, carrier *partner, partners []*partner, other *project) string {
	t := pr.t
	target := g.between(1600, 3300)
	var b strings.Builder
	fmt.Fprintf(&b, "Cílem projektu je **%s**. %s\n\n", goal.cs, g.paragraph(sentencesCS, g.between(2, 3), t, reg))

	fmt.Fprintf(&b, "## %s\n\n%s\n\n", headingsCS.need, g.paragraph(sentencesCS, 3, t, reg))
	if g.chance(0.5) {
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", headingsCS.state, g.paragraph(sentencesCS, g.between(2, 4), t, reg))
	}
	if g.chance(0.5) {
		fmt.Fprintf(&b, "## %s\n\n", headingsCS.goals)
		for k, j := range g.distinct(len(goals), g.between(2, 4)) {
			fmt.Fprintf(&b, "%d. %s;\n", k+1, capitalize(goals[j].cs))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## %s\n\n%s\n", headingsCS.outputs, g.list(outputsCS, g.between(3, 6), t, reg))

	fmt.Fprintf(&b, "## %s\n\n", headingsCS.schedule)
	y0 := start
	if y0 == 0 {
		y0 = 2027
	}
	if g.chance(0.35) {
		g.st.withTable++
		b.WriteString("| Etapa | Termín | Odhad nákladů |\n|---|---|--:|\n")
		y := y0
		stages := g.distinct(len(stagesCS), g.between(3, 5))
		slices.Sort(stages) // in the order a project passes them
		for _, k := range stages {
			fmt.Fprintf(&b, "| %s | %s %d | %s Kč |\n", stagesCS[k].cs, pick(g.r, []string{"1. čtvrtletí", "jaro", "léto", "podzim", "konec roku"}), y, czk(int64(g.between(2, 900))*10000))
			y += g.r.IntN(2)
		}
		b.WriteString("\n")
	} else if end > 0 {
		fmt.Fprintf(&b, "Realizace je naplánována na roky **%d–%d**. %s\n\n", y0, end, g.paragraph(sentencesCS, 1, t, reg))
	} else {
		fmt.Fprintf(&b, "Projekt začíná v roce %d, konec zatím není stanoven. %s\n\n", y0, g.paragraph(sentencesCS, 1, t, reg))
	}

	footnote := false
	fmt.Fprintf(&b, "## %s\n\n", headingsCS.money)
	switch {
	case budget > 0 && eu > 0 && fd != nil:
		fmt.Fprintf(&b, "Celkové náklady činí **%s Kč**, z toho **%s Kč** hradí %s.", czk(budget), czk(eu), fd.cs)
	case budget > 0:
		fmt.Fprintf(&b, "Celkové náklady činí **%s Kč**.", czk(budget))
	default:
		b.WriteString("Rozpočet zatím není stanoven.")
	}
	if g.chance(0.25) {
		footnote = true
		b.WriteString("[^1]")
	}
	fmt.Fprintf(&b, " %s\n\n", g.paragraph(sentencesCS[12:16], 1, t, reg))

	fmt.Fprintf(&b, "## %s\n\n%s\n", headingsCS.risks, g.list(risksCS, g.between(2, 4), t, reg))

	fmt.Fprintf(&b, "## %s\n\n", headingsCS.people)
	if carrier != nil {
		fmt.Fprintf(&b, "Nositelem je [%s](/cs/partneri/%s/). ", carrier.cs, carrier.slug)
	}
	var names []string
	for _, pa := range partners {
		names = append(names, pa.cs)
	}
	fmt.Fprintf(&b, "Na projektu spolupracují: %s. %s\n\n", strings.Join(names, ", "), g.paragraph(sentencesCS, 2, t, reg))

	// More detail until the body reaches its size, as long fiches do.
	for n := 1; b.Len() < target; n++ {
		if n == 1 {
			fmt.Fprintf(&b, "## %s\n\n", headingsCS.sustain)
		}
		fmt.Fprintf(&b, "%s\n\n", g.paragraph(sentencesCS, g.between(2, 4), t, reg))
	}

	fmt.Fprintf(&b, "## %s\n\n", headingsCS.links)
	if fd != nil {
		fmt.Fprintf(&b, "- [%s](%s)\n", fd.cs, fd.url)
	}
	fmt.Fprintf(&b, "- související projekt: [%s](/cs/projekty/%s/)\n", other.titleCS, other.slug)
	fmt.Fprintf(&b, "- [mapa území na Mapy.cz](https://mapy.cz/?q=%s)\n", slugify(t.cs))
	if footnote {
		fmt.Fprintf(&b, "\n[^1]: Podle žádosti o podporu z roku %d; částky jsou uvedeny včetně DPH.\n", g.between(2019, 2025))
	}
	return b.String()
}

func (g *gen) bodyEN(pr *project, reg region, goal phrase, fd *fund, budget int64, carrier *partner, other *project) string {
	t := pr.t
	target := g.between(1200, 2600)
	var b strings.Builder
	fmt.Fprintf(&b, "The project aims to **%s**. %s\n\n", goal.en, g.paragraph(sentencesEN, 2, t, reg))
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", headingsEN.need, g.paragraph(sentencesEN, 3, t, reg))
	fmt.Fprintf(&b, "## %s\n\n%s\n", headingsEN.outputs, g.list(outputsEN, g.between(3, 5), t, reg))
	fmt.Fprintf(&b, "## %s\n\n", headingsEN.money)
	if budget > 0 {
		fmt.Fprintf(&b, "The total cost is **CZK %s**.", strconv.FormatFloat(float64(budget)/1e6, 'f', 1, 64)+" million")
	} else {
		b.WriteString("No budget has been set yet.")
	}
	if carrier != nil {
		fmt.Fprintf(&b, " The lead organisation is [%s](/en/partners/%s/).", carrier.en, carrier.slug)
	}
	b.WriteString("\n\n")
	if b.Len() < target {
		b.WriteString("## Background\n\n")
	}
	for b.Len() < target {
		fmt.Fprintf(&b, "%s\n\n", g.paragraph(sentencesEN, g.between(2, 4), t, reg))
	}
	fmt.Fprintf(&b, "## %s\n\n", headingsEN.links)
	if fd != nil {
		fmt.Fprintf(&b, "- [%s](%s)\n", fd.en, fd.url)
	}
	fmt.Fprintf(&b, "- related project: [%s](/en/projects/%s/)\n", other.titleEN, other.slug)
	return b.String()
}
