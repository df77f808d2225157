package content

import (
	"strings"
	"testing"
)

const (
	projCS = "content/projects/animace.cs.md"
	projEN = "content/projects/animace.en.md"
)

// indicatorFiles is a valid indicator "akce" (metadata and data).
func indicatorFiles(files map[string]string) map[string]string {
	files["content/indicators/akce.toml"] = `unit = "events"
periodicity = "annual"
source = "Výroční zpráva"
[title]
cs = "Akce"
en = "Events"
`
	files["content/indicators/akce.csv"] = "rok,akce\n2024,3\n2025,5\n"
	return files
}

func TestTranslations(t *testing.T) {
	// csFM: title 2, summary 3, region 4, status 5, budget_czk 6,
	// start 7, tags 8, plan 9, territory 10.
	const csFM = projFM + `budget_czk = 54_675_000
start = 2024-03-05
tags = ["animace", "venkov"]
plan = "Plán transformace Ústeckého kraje"
territory = "ORP Most"
`
	cs := md(csFM, "## Úvod\n\nČeský text.\n")
	// en builds the translation: title 2, summary 3, then lines from 4.
	en := func(lines string) string {
		return md("title = \"Animation for transition\"\nsummary = \"Local action groups get the region moving.\"\n"+lines, "## Intro\n\nEnglish text.\n")
	}
	cases := []loadCase{
		{
			name:  "translation overrides the text fields",
			files: map[string]string{projCS: cs, projEN: en("plan = \"Transition plan of the Ústí Region\"\nterritory = \"Most district\"\n")},
			check: func(t *testing.T, s *Site) {
				p := s.ProjectBySlug["animace"]
				c, e := p.Texts["cs"], p.Texts["en"]
				if e.Fallback || e.Lang != "en" || e.File != projEN || !p.Translated("en") {
					t.Errorf("en text = %+v", e)
				}
				if e.Title != "Animation for transition" || e.Summary != "Local action groups get the region moving." ||
					e.Plan != "Transition plan of the Ústí Region" || e.Territory != "Most district" {
					t.Errorf("en text fields = %q %q %q %q", e.Title, e.Summary, e.Plan, e.Territory)
				}
				if c.Title != "Animace pro transformaci" || c.Plan != "Plán transformace Ústeckého kraje" || c.Territory != "ORP Most" {
					t.Errorf("cs text fields = %q %q %q", c.Title, c.Plan, c.Territory)
				}
				if !strings.Contains(string(e.Body), "English text.") || !strings.Contains(string(c.Body), "Český text.") {
					t.Errorf("bodies: cs %q, en %q", c.Body, e.Body)
				}
				if len(e.Headings) != 1 || e.Headings[0].Text != "Intro" {
					t.Errorf("en headings = %+v", e.Headings)
				}
				// Neutral fields come from the cs file only.
				if p.BudgetCZK != 54675000 || p.Start != (Period{2024, 3, 5}) || len(p.Tags) != 2 {
					t.Errorf("neutral fields = %+v", p)
				}
				if p.In("en") != e {
					t.Error("In(en) is not Texts[en]")
				}
			},
		},
		{
			name: "neutral fields repeated with the same value",
			files: map[string]string{projCS: cs, projEN: en(`budget_czk = 54675000
start = 2024-03-05
tags = ["animace", "venkov"]
region = ["ustecky"]
status = "running"
`)},
			check: func(t *testing.T, s *Site) {
				if p := s.ProjectBySlug["animace"]; p.BudgetCZK != 54675000 || !p.Translated("en") {
					t.Errorf("project = %+v", p)
				}
			},
		},
		{
			name:  "neutral field with a different value",
			files: map[string]string{projCS: cs, projEN: en("budget_czk = 60_000_000\n")},
			errs:  []want{{projEN, 4, "budget_czk = 60000000 contradicts " + projCS + ":6 (54675000); language-neutral fields are written once, in the cs file"}},
		},
		{
			name:  "neutral list with a different value",
			files: map[string]string{projCS: cs, projEN: en("tags = [\"animation\"]\n")},
			errs:  []want{{projEN, 4, `tags = ["animation"] contradicts ` + projCS + `:8 (["animace", "venkov"])`}},
		},
		{
			name:  "neutral date with a different value",
			files: map[string]string{projCS: cs, projEN: en("\nstart = 2024-03-06\n")},
			errs:  []want{{projEN, 5, "start = 2024-03-06 contradicts " + projCS + ":7 (2024-03-05)"}},
		},
		{
			name:  "neutral field only in the translation",
			files: map[string]string{projCS: cs, projEN: en("fund = \"OPST\"\n")},
			errs:  []want{{projEN, 4, "fund is a language-neutral field: write it once in " + projCS + ", not in the translation"}},
		},
		{
			name:  "typo in the translation is an unknown field",
			files: map[string]string{projCS: cs, projEN: en("bugdet_czk = 5\n")},
			errs:  []want{{projEN, 4, `unknown field "bugdet_czk"; did you mean "budget_czk"?`}},
		},
		{
			name:  "translation without the default-language file",
			files: map[string]string{"content/projects/jen-anglicky.en.md": en("")},
			errs:  []want{{"content/projects/jen-anglicky.en.md", 1, "there is no cs file content/projects/jen-anglicky.cs.md"}},
		},
		{
			name:  "translation without a title",
			files: map[string]string{projCS: cs, projEN: md("summary = \"Only a summary.\"\n", "")},
			errs:  []want{{projEN, 2, "title is missing"}},
		},
		{
			name:  "translation inherits the text fields it leaves out",
			files: map[string]string{projCS: cs, projEN: md("title = \"Animation for transition\"\n", "English text.\n")},
			check: func(t *testing.T, s *Site) {
				p := s.ProjectBySlug["animace"]
				c, e := p.Texts["cs"], p.Texts["en"]
				if e.Fallback || e.Title != "Animation for transition" {
					t.Errorf("en text = %+v", e)
				}
				if e.Summary != c.Summary || e.Plan != c.Plan || e.Territory != c.Territory {
					t.Errorf("en did not inherit: %q %q %q", e.Summary, e.Plan, e.Territory)
				}
				if !e.Inherited["summary"] || !e.Inherited["plan"] || e.Inherited["title"] || e.Inherited["goal"] {
					t.Errorf("Inherited = %v", e.Inherited)
				}
				if e.InheritedLang("plan", "cs") != "cs" || e.InheritedLang("title", "cs") != "en" {
					t.Error("InheritedLang is wrong")
				}
				if len(c.Inherited) != 0 {
					t.Errorf("cs Inherited = %v", c.Inherited)
				}
			},
		},
		{
			name:  "project missing in en falls back to cs",
			files: map[string]string{projCS: cs},
			check: func(t *testing.T, s *Site) {
				p := s.ProjectBySlug["animace"]
				c, e := p.Texts["cs"], p.Texts["en"]
				if e == nil {
					t.Fatal("no en text")
				}
				if !e.Fallback || e.Lang != "cs" || e.File != projCS || p.Translated("en") {
					t.Errorf("en text: Fallback %v, Lang %q, File %q", e.Fallback, e.Lang, e.File)
				}
				if c.Fallback || !p.Translated("cs") {
					t.Error("cs text marked as fallback")
				}
				if e.Title != c.Title || e.Plan != c.Plan || e.Body == "" || e.Body != c.Body || !strings.Contains(string(e.Body), "Český text.") {
					t.Errorf("en fallback text = %+v", e)
				}
				if len(e.Headings) != 1 || e.Headings[0].Text != "Úvod" {
					t.Errorf("fallback headings = %+v", e.Headings)
				}
				if e == c {
					t.Error("fallback shares the cs Text; changing one would change the other")
				}
			},
		},
		{
			name:  "partner missing in en falls back",
			files: map[string]string{},
			check: func(t *testing.T, s *Site) {
				pa := s.PartnerBySlug["mesto-sokolov"]
				if pa == nil || !pa.Texts["en"].Fallback || pa.Texts["en"].Lang != "cs" || pa.Texts["en"].Title != "Město Sokolov" {
					t.Errorf("partner = %+v", pa)
				}
				if !strings.Contains(string(pa.Texts["en"].Body), "Sokolov je centrem území.") {
					t.Errorf("fallback body = %q", pa.Texts["en"].Body)
				}
				if pa.ICO != "00259586" || pa.Kind != "municipality" || pa.Region != "karlovarsky" || pa.Website != "https://www.sokolov.cz/" {
					t.Errorf("partner fields = %+v", pa)
				}
			},
		},
		{
			name: "partner translation",
			files: map[string]string{"content/partners/mesto-sokolov.en.md": md(`title = "Town of Sokolov"
kind = "municipality"
`, "The centre.\n")},
			check: func(t *testing.T, s *Site) {
				e := s.PartnerBySlug["mesto-sokolov"].Texts["en"]
				if e.Fallback || e.Title != "Town of Sokolov" || e.Lang != "en" {
					t.Errorf("en text = %+v", e)
				}
			},
		},
		{
			name:  "project text field in a partner translation",
			files: map[string]string{"content/partners/mesto-sokolov.en.md": md("title = \"Town of Sokolov\"\nplan = \"x\"\n", "")},
			errs:  []want{{"content/partners/mesto-sokolov.en.md", 3, `unknown field "plan"`}},
		},
		{
			name: "pages with per-language addresses",
			files: map[string]string{
				"content/pages/about.cs.md":   md("title = \"O portálu\"\nslug = \"o-portalu\"\n", "Text.\n"),
				"content/pages/about.en.md":   md("title = \"About\"\nslug = \"about\"\n", "Text.\n"),
				"content/pages/kontakt.cs.md": md("title = \"Kontakt\"\n", "Text.\n"),
			},
			check: func(t *testing.T, s *Site) {
				about := s.PageBySlug["about"]
				if about.URLSlug("cs") != "o-portalu" || about.URLSlug("en") != "about" {
					t.Errorf("about URL slugs = %q, %q", about.URLSlug("cs"), about.URLSlug("en"))
				}
				k := s.PageBySlug["kontakt"]
				if k.URLSlug("cs") != "kontakt" || k.URLSlug("en") != "kontakt" || !k.Texts["en"].Fallback {
					t.Errorf("kontakt = %+v", k.Texts["en"])
				}
			},
		},
		{
			name:  "page slug is checked",
			files: map[string]string{"content/pages/about.cs.md": md("title = \"O portálu\"\nslug = \"O portálu\"\n", "")},
			errs:  []want{{"content/pages/about.cs.md", 3, `slug: "O portálu" is not a valid URL segment: use lowercase letters without diacritics, digits and hyphens, e.g. "o-portalu"`}},
		},
	}
	runLoadCases(t, cases)
}

func TestReferences(t *testing.T) {
	const partnerCS = "content/partners/mesto-sokolov.cs.md"
	// with adds lines after projFM: the first added line is line 6.
	with := func(lines string) map[string]string {
		return indicatorFiles(map[string]string{projCS: md(projFM+lines+"indicators = [\"akce\"]\n", "")})
	}
	replace := func(old, new string) map[string]string {
		if !strings.Contains(projFM, old) {
			panic(old)
		}
		return indicatorFiles(map[string]string{projCS: md(strings.Replace(projFM, old, new, 1)+"indicators = [\"akce\"]\n", "")})
	}
	partner := func(old, new string) map[string]string {
		if !strings.Contains(partnerFile, old) {
			panic(old)
		}
		return map[string]string{partnerCS: strings.Replace(partnerFile, old, new, 1)}
	}
	cases := []loadCase{
		{
			name:  "valid references",
			files: with("carrier = \"mesto-sokolov\"\n"),
			check: func(t *testing.T, s *Site) {
				p := s.ProjectBySlug["animace"]
				if got := s.ProjectsOf["mesto-sokolov"]; len(got) != 1 || got[0] != p {
					t.Errorf("ProjectsOf = %v", got)
				}
				if got := s.ProjectsWithInd["akce"]; len(got) != 1 || got[0] != p {
					t.Errorf("ProjectsWithInd = %v", got)
				}
				if !p.Involves("mesto-sokolov") || p.Involves("jiny") {
					t.Error("Involves is wrong")
				}
				ind := s.IndicatorByID["akce"]
				if ind == nil || len(ind.Rows) != 2 || ind.Meta.Title["en"] != "Events" {
					t.Errorf("indicator = %+v", ind)
				}
				want := []string{
					"content/indicators/akce.csv", "content/indicators/akce.toml",
					"content/partners/mesto-sokolov.cs.md", projCS,
				}
				if strings.Join(s.Files, " ") != strings.Join(want, " ") {
					t.Errorf("Files = %q", s.Files)
				}
			},
		},
		{
			name:  "unknown carrier",
			files: with("carrier = \"mesto-sokolv\"\n"),
			errs:  []want{{projCS, 6, `carrier "mesto-sokolv" is not a partner (did you mean "mesto-sokolov"?): add content/partners/mesto-sokolv.cs.md or correct the slug`}},
		},
		{
			name:  "unknown partner",
			files: with("partners = [\"mesto-sokolov\", \"mesto-sokolow\"]\n"),
			errs:  []want{{projCS, 6, `partner "mesto-sokolow" does not exist (did you mean "mesto-sokolov"?)`}},
		},
		{
			name:  "unknown partner without a suggestion",
			files: with("\n\npartners = \"cez\"\n"),
			errs:  []want{{projCS, 8, `partner "cez" does not exist: add content/partners/cez.cs.md`}},
		},
		{
			name:  "partner listed twice is a warning",
			files: with("carrier = \"mesto-sokolov\"\npartners = [\"mesto-sokolov\"]\n"),
			warns: []want{{projCS, 7, `partner "mesto-sokolov" is listed twice`}},
		},
		{
			name:  "unknown indicator",
			files: indicatorFiles(map[string]string{projCS: md(projFM+"indicators = [\"akce\", \"akcee\"]\n", "")}),
			errs:  []want{{projCS, 6, `indicator "akcee" does not exist (did you mean "akce"?): add content/indicators/akcee.toml and .csv`}},
		},
		{
			name:  "unknown region",
			files: replace(`region = "ustecky"`, `region = "ústecký"`),
			errs:  []want{{projCS, 4, `region: unknown region "ústecký" (did you mean "ustecky"?); regions are praha,`}},
		},
		{
			name:  "one unknown region in a list",
			files: replace(`region = "ustecky"`, `region = ["ustecky", "sokolovsko"]`),
			errs:  []want{{projCS, 4, `region: unknown region "sokolovsko"`}},
		},
		{
			name:  "unknown status",
			files: replace(`status = "running"`, `status = "runing"`),
			errs:  []want{{projCS, 5, `status: unknown status "runing" (did you mean "running"?); statuses are idea, preparation, running, finished, cancelled`}},
		},
		{
			name:  "unknown status without a suggestion",
			files: replace(`status = "running"`, `status = "probíhá"`),
			errs:  []want{{projCS, 5, `status: unknown status "probíhá"; statuses are`}},
		},
		{
			name:  "unknown partner kind",
			files: partner(`kind = "municipality"`, `kind = "municipalty"`),
			errs:  []want{{partnerCS, 4, `kind: unknown kind "municipalty" (did you mean "municipality"?); kinds are ministry,`}},
		},
		{
			name:  "unknown partner region",
			files: partner(`region = "karlovarsky"`, `region = "karlovy-vary"`),
			errs:  []want{{partnerCS, 7, `region: unknown region "karlovy-vary"`}},
		},
		{
			name:  "partner website without a scheme",
			files: partner(`"https://www.sokolov.cz/"`, `"www.sokolov.cz"`),
			errs:  []want{{partnerCS, 6, `website: "www.sokolov.cz" must be a full address starting with https://`}},
		},
		{
			name:  "partner without a title",
			files: partner("title = \"Město Sokolov\"\n", ""),
			errs:  []want{{partnerCS, 2, "title is missing"}},
		},
		{
			name:  "missing title",
			files: replace("title = \"Animace pro transformaci\"\n", ""),
			errs:  []want{{projCS, 2, `title is missing: add title = "…"`}},
		},
		{
			name:  "empty title",
			files: replace(`title = "Animace pro transformaci"`, `title = "  "`),
			errs:  []want{{projCS, 2, "title is missing"}},
		},
		{
			name:  "missing summary",
			files: replace("summary = \"Místní akční skupiny rozhýbou kraj.\"\n", ""),
			errs:  []want{{projCS, 2, "summary is missing: add one or two sentences"}},
		},
		{
			name:  "missing region",
			files: replace("region = \"ustecky\"\n", ""),
			errs:  []want{{projCS, 2, `region is missing: add region = "…" with one of praha,`}},
		},
		{
			name:  "empty region list",
			files: replace(`region = "ustecky"`, `region = []`),
			errs:  []want{{projCS, 4, "region is missing"}},
		},
		{
			name:  "missing status",
			files: replace("status = \"running\"\n", ""),
			errs:  []want{{projCS, 2, `status is missing: add status = "…" with one of idea, preparation, running, finished, cancelled`}},
		},
		{
			name:  "end before start",
			files: with("start = 2025\nend = \"2024-06\"\n"),
			errs:  []want{{projCS, 7, "end: the project ends (2024-06) before it starts (2025)"}},
		},
		{
			name:  "end before start, both dates",
			files: with("end = 2024-03-04\nstart = 2024-03-05\n"),
			errs:  []want{{projCS, 6, "end: the project ends (2024-03-04) before it starts (2024-03-05)"}},
		},
		{
			name:  "start and end in the same year at different precision",
			files: with("start = \"2024-05\"\nend = 2024\n"),
		},
		{
			name:  "open end",
			files: with("start = 2024\n"),
		},
		{
			name:  "EU funding larger than the budget",
			files: with("budget_czk = 1_000_000\neu_funding_czk = 2_000_000\n"),
			errs:  []want{{projCS, 7, "eu_funding_czk: the EU part (2000000) is larger than the whole budget_czk (1000000)"}},
		},
		{
			name:  "EU funding without a budget",
			files: with("eu_funding_czk = 2_000_000\n"),
			check: func(t *testing.T, s *Site) {
				if p := s.ProjectBySlug["animace"]; p.EUShare() != -1 {
					t.Errorf("EUShare = %v", p.EUShare())
				}
			},
		},
		{
			name:  "EU share",
			files: with("budget_czk = 1_000_000\neu_funding_czk = 850_000\n"),
			check: func(t *testing.T, s *Site) {
				if p := s.ProjectBySlug["animace"]; p.EUShare() != 85 {
					t.Errorf("EUShare = %v", p.EUShare())
				}
			},
		},
		{
			name: "duplicate page address in one language",
			files: map[string]string{
				"content/pages/about.cs.md":   md("title = \"O portálu\"\nslug = \"o-portalu\"\n", ""),
				"content/pages/about.en.md":   md("title = \"About\"\nslug = \"about\"\n", ""),
				"content/pages/contact.cs.md": md("title = \"Kontakt\"\nslug = \"kontakt\"\n", ""),
				"content/pages/contact.en.md": md("title = \"Contact\"\nslug = \"about\"\n", ""),
			},
			errs: []want{{"content/pages/contact.en.md", 3, "duplicate slug: the page address /en/about/ is already used by content/pages/about.en.md"}},
		},
		{
			name:  "invalid slug in a file name: uppercase",
			files: map[string]string{"content/projects/Animace.cs.md": md(projFM, "")},
			errs:  []want{{"content/projects/Animace.cs.md", 0, `"Animace" is not a valid slug: use lowercase letters without diacritics, digits and hyphens, e.g. "animace"`}},
		},
		{
			name:  "invalid slug in a file name: diacritics",
			files: map[string]string{"content/projects/příklad.cs.md": md(projFM, "")},
			errs:  []want{{"content/projects/příklad.cs.md", 0, `"příklad" is not a valid slug: use lowercase letters without diacritics, digits and hyphens, e.g. "priklad"`}},
		},
		{
			name:  "invalid slug in a file name: underscore",
			files: map[string]string{"content/partners/mesto_sokolov.cs.md": partnerFile},
			errs:  []want{{"content/partners/mesto_sokolov.cs.md", 0, `"mesto_sokolov" is not a valid slug`}},
		},
		{
			name:  "invalid slug in a file name: double hyphen",
			files: map[string]string{"content/pages/o--nas.cs.md": md("title = \"O nás\"\n", "")},
			errs:  []want{{"content/pages/o--nas.cs.md", 0, `"o--nas" is not a valid slug`}},
		},
		{
			name:  "unknown language in a file name",
			files: map[string]string{projCS: md(projFM, ""), "content/projects/animace.de.md": md("title = \"Animation\"\n", "")},
			errs:  []want{{"content/projects/animace.de.md", 0, `language "de" is not one of the site's languages (cs, en in content/site.toml)`}},
		},
		{
			name:  "no language in a file name",
			files: map[string]string{"content/projects/animace.md": md(projFM, "")},
			errs:  []want{{"content/projects/animace.md", 0, "the file name must say its language: animace.cs.md"}},
		},
		{
			name:  "invalid partner IČO",
			files: partner(`ico = "00259586"`, `ico = "00259587"`),
			errs:  []want{{partnerCS, 5, "IČO 00259587 is not valid: its check digit should be 6, not 7"}},
		},
		{
			name:  "IČO without quotes keeps its leading zeros",
			files: partner(`ico = "00259586"`, `ico = 259586`),
			check: func(t *testing.T, s *Site) {
				if got := s.PartnerBySlug["mesto-sokolov"].ICO; got != "00259586" {
					t.Errorf("ICO = %q", got)
				}
			},
		},
		{
			name:  "IČO with spaces",
			files: partner(`ico = "00259586"`, `ico = "002 59 586"`),
			check: func(t *testing.T, s *Site) {
				if got := s.PartnerBySlug["mesto-sokolov"].ICO; got != "00259586" {
					t.Errorf("ICO = %q", got)
				}
			},
		},
		{
			name:  "IČO too short",
			files: partner(`ico = "00259586"`, `ico = "259586"`),
			errs:  []want{{partnerCS, 5, `IČO "259586" must be exactly 8 digits (add leading zeros: "00259586")`}},
		},
		{
			name:  "IČO as a list",
			files: partner(`ico = "00259586"`, `ico = ["00259586"]`),
			errs:  []want{{partnerCS, 5, `ico: expected the IČO in quotes, e.g. ico = "70891168", found a list`}},
		},
	}
	runLoadCases(t, cases)
}

func TestSiteTOML(t *testing.T) {
	runLoadCases(t, []loadCase{
		{
			name:  "no site.toml",
			files: map[string]string{"content/site.toml": absent},
			errs:  []want{{"content/site.toml", 0, "not found: is this a portal folder?"}},
		},
		{
			name:  "error in site.toml keeps its line",
			files: map[string]string{"content/site.toml": strings.Replace(siteTOML, `languages = ["cs", "en"]`, `languages = ["cs", "EN"]`, 1)},
			errs:  []want{{"content/site.toml", 2, `language "EN" is not a lowercase ISO 639 code`}},
		},
		{
			name:  "unknown setting in site.toml",
			files: map[string]string{"content/site.toml": siteTOML + "[menu]\n"},
			errs:  []want{{"content/site.toml", 8, `unknown setting "menu"`}},
		},
		{
			name:  "invalid publisher IČO",
			files: map[string]string{"content/site.toml": strings.Replace(siteTOML, "70891168", "70891169", 1)},
			errs:  []want{{"content/site.toml", 4, "publisher_ico: IČO 70891169 is not valid: its check digit should be 8, not 9"}},
		},
		{
			name:  "one language: nothing falls back",
			files: map[string]string{"content/site.toml": strings.Replace(strings.Replace(siteTOML, `["cs", "en"]`, `["cs"]`, 1), "en = \"Transition\"\n", "", 1)},
			check: func(t *testing.T, s *Site) {
				if texts := s.PartnerBySlug["mesto-sokolov"].Texts; len(texts) != 1 {
					t.Errorf("Texts = %v", texts)
				}
			},
		},
		{
			name: "English as the default language",
			files: map[string]string{
				"content/site.toml": strings.Replace(siteTOML, `["cs", "en"]`, `["en", "cs"]`, 1),
				partnerPath:         absent,
				projCS:              md("title = \"Animace\"\nbudget_czk = 5\n", ""),
				projEN:              md(projFM, ""),
			},
			errs: []want{{projCS, 3, "budget_czk is a language-neutral field: write it once in " + projEN}},
		},
	})
}

func TestIgnoredFiles(t *testing.T) {
	garbage := "not front matter at all\x00\xff"
	files := map[string]string{projCS: md(projFM, "")}
	for _, name := range []string{
		".x.md", "_draft.cs.md", "x.cs.md~", ".x.cs.md.swp", ".x.cs.md.swx", "4913",
		".#x.cs.md", "#x.cs.md#", "x.cs.md.tmp", "x.cs.md.bak", "x.cs.md.orig", ".DS_Store",
	} {
		files["content/projects/"+name] = garbage
		files["content/partners/"+name] = garbage
		files["content/pages/"+name] = garbage
		files["content/indicators/"+name] = garbage
	}
	files["content/_drafts/x.cs.md"] = garbage
	files["content/.git/config"] = garbage
	files["content/4913"] = garbage
	files["content/.site.toml.swp"] = garbage
	files = indicatorFiles(files)
	files[projCS] = md(projFM+"indicators = [\"akce\"]\n", "")
	s := mustLoad(t, files)
	checkProblems(t, "warnings", s.Warnings, nil)
	for _, f := range s.Files {
		if strings.ContainsAny(f, "#~_") || strings.Contains(f, "/.") || strings.HasSuffix(f, "4913") {
			t.Errorf("ignored file %s was read", f)
		}
	}
	if len(s.Projects) != 1 {
		t.Errorf("Projects = %d, want 1", len(s.Projects))
	}
}

func TestWarnings(t *testing.T) {
	runLoadCases(t, []loadCase{
		{
			name:  "indicator nobody uses",
			files: indicatorFiles(map[string]string{projCS: md(projFM, "")}),
			warns: []want{{"content/indicators/akce.toml", 0, `no project lists indicator "akce" in its indicators`}},
			check: func(t *testing.T, s *Site) {
				if s.IndicatorByID["akce"] == nil {
					t.Error("unused indicator not loaded")
				}
			},
		},
		{
			// An error: a misspelt folder would publish a portal without projects.
			name:  "unknown folder similar to a known one",
			files: map[string]string{"content/projekty/animace.cs.md": md(projFM, "")},
			errs:  []want{{"content/projekty", 0, `is not read by the portal; did you mean "projects"?`}},
		},
		{
			name:  "unknown folder",
			files: map[string]string{"content/obrazky/lom.jpg": "JPEG"},
			errs:  []want{{"content/obrazky", 0, "is not read by the portal; content lives in projects/, partners/, pages/, indicators/, stories/"}},
		},
		{
			name:  "file that is not Markdown",
			files: map[string]string{"content/projects/animace.cs.txt": "text"},
			warns: []want{{"content/projects/animace.cs.txt", 0, "is not read: content files end in .<language>.md, e.g. content/projects/animace.cs.md"}},
		},
		{
			name:  "file that is not Markdown, without a language",
			files: map[string]string{"content/projects/animace.docx": "PK"},
			warns: []want{{"content/projects/animace.docx", 0, "e.g. content/projects/animace.cs.md"}},
		},
		{
			name:  "folder inside projects",
			files: map[string]string{"content/projects/stare/animace.cs.md": md(projFM, "")},
			warns: []want{{"content/projects/stare", 0, "folders inside content/projects/ are not read"}},
		},
		{
			name:  "stray file among indicators",
			files: map[string]string{"content/indicators/poznamky.txt": "x"},
			warns: []want{{"content/indicators/poznamky.txt", 0, "is not read: indicators are pairs of <id>.toml and <id>.csv"}},
		},
		{
			name: "warnings are sorted",
			files: indicatorFiles(map[string]string{
				projCS:                               md(projFM, ""),
				"content/projects/animace.cs.md.txt": "text",
			}),
			warns: []want{
				{"content/indicators/akce.toml", 0, "no project lists"},
				{"content/projects/animace.cs.md.txt", 0, "is not read"},
			},
		},
	})
}

func TestIndicatorErrors(t *testing.T) {
	runLoadCases(t, []loadCase{
		{
			name:  "data without metadata",
			files: map[string]string{"content/indicators/akce.csv": "rok,akce\n2024,1\n"},
			errs:  []want{{"content/indicators/akce.csv", 0, "has no metadata: add content/indicators/akce.toml"}},
		},
		{
			name: "metadata without data",
			files: func() map[string]string {
				f := indicatorFiles(map[string]string{})
				f["content/indicators/akce.csv"] = absent
				return f
			}(),
			errs: []want{{"content/indicators/akce.toml", 0, "has no data"}},
		},
		{
			name: "bad cell in the data keeps line and column",
			files: func() map[string]string {
				f := indicatorFiles(map[string]string{})
				f["content/indicators/akce.csv"] = "rok,akce\n2024,1\n2025,x\n"
				return f
			}(),
			errs: []want{{"content/indicators/akce.csv", 3, "column 6: "}},
		},
		{
			name: "invalid indicator id",
			files: map[string]string{
				"content/indicators/Akce.toml": "periodicity = \"annual\"\n",
				"content/indicators/Akce.csv":  "rok,akce\n2024,1\n",
			},
			errs: []want{{"content/indicators/Akce.toml", 0, `"Akce" is not a valid indicator id`}},
		},
	})
}

// TestNoFollowUpErrors: a file that cannot be read is reported once; what
// depends on it is not reported again as missing.
func TestNoFollowUpErrors(t *testing.T) {
	broken := md("title = \"A\n", "")
	runLoadCases(t, []loadCase{
		{
			name:  "broken default file with a translation",
			files: map[string]string{projCS: broken, projEN: md("title = \"Animation\"\n", "")},
			errs:  []want{{projCS, 2, "title: strings cannot contain newlines"}},
		},
		{
			name:  "broken translation",
			files: map[string]string{projCS: md(projFM, ""), projEN: broken},
			errs:  []want{{projEN, 2, "title: strings cannot contain newlines"}},
		},
		{
			name: "carrier and partner whose file is broken",
			files: map[string]string{
				partnerPath: "title = \"Město Sokolov\"\n",
				projCS:      md(projFM+"carrier = \"mesto-sokolov\"\npartners = [\"mesto-sokolov\"]\n", ""),
			},
			errs: []want{{partnerPath, 1, `must start with a line "+++"`}},
		},
		{
			name: "indicator whose data is broken",
			files: func() map[string]string {
				f := indicatorFiles(map[string]string{projCS: md(projFM+"indicators = [\"akce\"]\n", "")})
				f["content/indicators/akce.csv"] = "rok,akce\n2024,x\n"
				return f
			}(),
			errs: []want{{"content/indicators/akce.csv", 2, "column 6: "}},
		},
		{
			name: "indicator whose metadata is broken",
			files: func() map[string]string {
				f := indicatorFiles(map[string]string{projCS: md(projFM+"indicators = [\"akce\"]\n", "")})
				f["content/indicators/akce.toml"] = "periodicity = \"yearly\"\n"
				return f
			}(),
			errs: []want{{"content/indicators/akce.toml", 1, `periodicity "yearly" is not one of annual`}},
		},
		{
			name: "partner that exists only in a translation is still missing",
			files: map[string]string{
				partnerPath:                            absent,
				"content/partners/mesto-sokolov.en.md": md("title = \"Town of Sokolov\"\n", ""),
				projCS:                                 md(projFM+"carrier = \"mesto-sokolov\"\n", ""),
			},
			errs: []want{
				{"content/partners/mesto-sokolov.en.md", 1, "there is no cs file content/partners/mesto-sokolov.cs.md"},
				{projCS, 6, `carrier "mesto-sokolov" is not a partner`},
			},
		},
	})
}

// TestAllErrorsAtOnce: a site with three broken files reports every
// problem, sorted by file and then by line, not only the first one.
func TestAllErrorsAtOnce(t *testing.T) {
	files := map[string]string{
		// No front matter at all.
		"content/projects/a.cs.md": "title = \"A\"\n",
		// Unknown carrier on line 6 (found last, when references are
		// linked) and an unknown field on line 7 (found first).
		"content/projects/b.cs.md": md(projFM+"carrier = \"nikdo\"\nbugdet_czk = 5\n", ""),
		// A bad IČO on line 5.
		partnerPath: strings.Replace(partnerFile, "00259586", "00259585", 1),
	}
	_, errs := load(t, files)
	checkProblems(t, "errors", errs, []want{
		{partnerPath, 5, "IČO 00259585 is not valid"},
		{"content/projects/a.cs.md", 1, `must start with a line "+++"`},
		{"content/projects/b.cs.md", 6, `carrier "nikdo" is not a partner`},
		{"content/projects/b.cs.md", 7, `unknown field "bugdet_czk"`},
	})
	// The text of Errors is one "file:line: message" per line.
	lines := strings.Split(errs.Error(), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], partnerPath+":5: ") || !strings.HasPrefix(lines[3], "content/projects/b.cs.md:7: ") {
		t.Errorf("Errors.Error() =\n%s", errs.Error())
	}
}

func TestErrorText(t *testing.T) {
	if got := (&Error{File: "a.md", Line: 3, Msg: "m"}).Error(); got != "a.md:3: m" {
		t.Errorf("got %q", got)
	}
	if got := (&Error{File: "content/x", Msg: "m"}).Error(); got != "content/x: m" {
		t.Errorf("got %q", got)
	}
}

// TestExampleContent loads the example site of the repository, which must
// stay free of errors.
func TestExampleContent(t *testing.T) {
	s, err := Load(osDirFS(t, "../.."), Options{Markdown: renderer()})
	if err != nil {
		t.Fatalf("example content:\n%v", err)
	}
	if len(s.Projects) == 0 || len(s.Partners) == 0 || len(s.Pages) == 0 || len(s.Indicators) == 0 {
		t.Errorf("example content is incomplete: %d projects, %d partners, %d pages, %d indicators", len(s.Projects), len(s.Partners), len(s.Pages), len(s.Indicators))
	}
	for _, w := range s.Warnings {
		t.Logf("warning: %v", w)
	}
}
