package content

import (
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		fm, body string
		bodyLine int
		errMsg   string // a part of the error; the error is always on line 1
	}{
		{name: "plain", in: "+++\ntitle = \"A\"\n+++\nBody\n", fm: "title = \"A\"\n", body: "Body\n", bodyLine: 3 + 1},
		{name: "two keys", in: "+++\na = 1\nb = 2\n+++\n\nText", fm: "a = 1\nb = 2\n", body: "\nText", bodyLine: 5},
		{name: "CRLF", in: "+++\r\na = 1\r\n+++\r\nBody\r\n", fm: "a = 1\n", body: "Body\n", bodyLine: 4},
		{name: "BOM", in: "\ufeff+++\na = 1\n+++\nBody", fm: "a = 1\n", body: "Body", bodyLine: 4},
		{name: "CR CR LF", in: "+++\r\r\na = 1\r\r\n+++\r\r\nBody\rx\r\n", fm: "a = 1\n", body: "Body\rx\n", bodyLine: 4},
		{name: "CR at the end of the closing line", in: "+++\na = 1\n+++\r", fm: "a = 1\n", body: "", bodyLine: 4},
		{name: "BOM and CRLF", in: "\ufeff+++\r\na = 1\r\n+++\r\n", fm: "a = 1\n", body: "", bodyLine: 4},
		{name: "empty body, no final newline", in: "+++\na = 1\n+++", fm: "a = 1\n", body: "", bodyLine: 4},
		{name: "empty front matter", in: "+++\n+++\nBody", fm: "", body: "Body", bodyLine: 3},
		{name: "trailing spaces on the closing line", in: "+++\na = 1\n+++  \t\nBody", fm: "a = 1\n", body: "Body", bodyLine: 4},
		{name: "trailing spaces on the opening line", in: "+++ \na = 1\n+++\nBody", fm: "a = 1\n", body: "Body", bodyLine: 4},
		{name: "+++ inside the body stays", in: "+++\na = 1\n+++\nx\n+++\ny", fm: "a = 1\n", body: "x\n+++\ny", bodyLine: 4},
		{name: "missing opening", in: "title = \"A\"\n+++\nBody", errMsg: "must start with a line \"+++\""},
		{name: "YAML front matter", in: "---\ntitle: A\n---\nBody", errMsg: "must start with a line \"+++\""},
		{name: "empty file", in: "", errMsg: "must start with a line \"+++\""},
		{name: "four pluses", in: "++++\na = 1\n+++\n", errMsg: "must start with a line \"+++\""},
		{name: "unclosed", in: "+++\ntitle = \"A\"\nBody", errMsg: "never closed"},
		{name: "only the opening line", in: "+++\n", errMsg: "never closed"},
		{name: "only +++ without newline", in: "+++", errMsg: "never closed"},
		{name: "only +++ and spaces", in: "+++  ", errMsg: "never closed"},
		{name: "closing with text after it", in: "+++\na = 1\n+++ x\n", errMsg: "never closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, bodyLine, err := splitFrontMatter([]byte(tt.in))
			if tt.errMsg != "" {
				e, ok := err.(*Error)
				if !ok {
					t.Fatalf("err = %#v, want *Error containing %q", err, tt.errMsg)
				}
				if e.Line != 1 || !strings.Contains(e.Msg, tt.errMsg) {
					t.Errorf("err = line %d %q, want line 1 …%q…", e.Line, e.Msg, tt.errMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if fm != tt.fm || string(body) != tt.body || bodyLine != tt.bodyLine {
				t.Errorf("got fm %q body %q bodyLine %d\nwant fm %q body %q bodyLine %d", fm, body, bodyLine, tt.fm, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want Period
		ok   bool
	}{
		{"2024", Period{Year: 2024}, true},
		{"2024-03", Period{Year: 2024, Month: 3}, true},
		{"2024-3", Period{Year: 2024, Month: 3}, true},
		{"2024-03-05", Period{2024, 3, 5}, true},
		{"5. 3. 2024", Period{2024, 3, 5}, true},
		{"5.3.2024", Period{2024, 3, 5}, true},
		{"05.03.2024", Period{2024, 3, 5}, true},
		{"31. 12. 2030", Period{2030, 12, 31}, true},
		{"březen", Period{}, false},
		{"březen 2024", Period{}, false},
		{"2024-13", Period{}, false},
		{"2024-00", Period{}, false},
		{"2024-02-30", Period{}, false},
		{"30. 2. 2024", Period{}, false},
		{"24", Period{}, false},
		{"", Period{}, false},
		{"2024-Q1", Period{}, false},
		{"0000", Period{}, false},       // not a year anyone means; was "not given"
		{"0000-01-01", Period{}, false}, // likewise
		{"1024", Period{}, false},       // outside 1900–2200, like start = 1024
		{"9999-12", Period{}, false},
		{"٢٠٢٤", Period{}, false}, // Arabic-Indic digits are not \d in RE2, and not a year here
	}
	for _, tt := range tests {
		got, ok := parsePeriod(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parsePeriod(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPeriod(t *testing.T) {
	tests := []struct {
		p      Period
		s      string
		before Period // p.Before(before) must be true
		after  Period // p.Before(after) must be false (zero: skip)
	}{
		{Period{Year: 2024}, "2024", Period{Year: 2024, Month: 1}, Period{Year: 2023}},
		{Period{Year: 2024, Month: 3}, "2024-03", Period{2024, 3, 1}, Period{Year: 2024, Month: 2}},
		{Period{2024, 3, 5}, "2024-03-05", Period{2024, 3, 5}, Period{2024, 3, 4}},
		{Period{}, "", Period{Year: 2000}, Period{}},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.s {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.s)
		}
		if !tt.p.Before(tt.before) {
			t.Errorf("%v.Before(%v) = false", tt.p, tt.before)
		}
		if !tt.after.IsZero() && tt.p.Before(tt.after) {
			t.Errorf("%v.Before(%v) = true", tt.p, tt.after)
		}
	}
	if got := (Period{Year: 2024, Month: 3}).Time().Format("2006-01-02"); got != "2024-03-01" {
		t.Errorf("Time() = %s", got)
	}
}

// TestFrontMatter reads projects through Load, so that every error is
// checked with its file and line as an editor sees them.
func TestFrontMatter(t *testing.T) {
	const file = "content/projects/animace.cs.md"
	one := func(text string) map[string]string { return map[string]string{file: text} }
	// with adds lines after projFM: the first added line is file line 6.
	with := func(lines string) map[string]string { return one(md(projFM+lines, "Text.\n")) }
	period := func(field string, want Period) func(t *testing.T, s *Site) {
		return func(t *testing.T, s *Site) {
			p := s.ProjectBySlug["animace"]
			got := p.Start
			if field == "end" {
				got = p.End
			}
			if got != want {
				t.Errorf("%s = %+v, want %+v", field, got, want)
			}
		}
	}
	cases := []loadCase{
		{
			name:  "valid",
			files: with(""),
			check: func(t *testing.T, s *Site) {
				p := s.ProjectBySlug["animace"]
				if p == nil || len(s.Projects) != 1 {
					t.Fatalf("Projects = %v", s.Projects)
				}
				cs := p.Texts["cs"]
				if cs.Title != "Animace pro transformaci" || cs.Lang != "cs" || cs.File != file || cs.Fallback {
					t.Errorf("cs text = %+v", cs)
				}
				if p.Status != "running" || len(p.Regions) != 1 || p.Regions[0] != "ustecky" {
					t.Errorf("project = %+v", p)
				}
				if !strings.Contains(string(cs.Body), "<p>Text.</p>") {
					t.Errorf("Body = %q", cs.Body)
				}
			},
		},
		{
			name:  "missing opening +++",
			files: one(projFM + "+++\nText.\n"),
			errs:  []want{{file, 1, `must start with a line "+++"`}},
		},
		{
			name:  "unclosed +++",
			files: one("+++\n" + projFM + "Text.\n"),
			errs:  []want{{file, 1, "never closed"}},
		},
		{
			name:  "empty file",
			files: one(""),
			errs:  []want{{file, 1, `must start with a line "+++"`}},
		},
		{
			name:  "CRLF line endings",
			files: one(strings.ReplaceAll(md(projFM+"budget_czk = 1_000\n", "Text.\n"), "\n", "\r\n")),
			check: func(t *testing.T, s *Site) {
				p := s.ProjectBySlug["animace"]
				if p.Texts["cs"].Title != "Animace pro transformaci" || p.BudgetCZK != 1000 {
					t.Errorf("project = %+v", p)
				}
			},
		},
		{
			name:  "CRLF with an error keeps line numbers",
			files: one(strings.ReplaceAll(md(projFM+"budget_czk = \"1 000\"\n", "Text.\n"), "\n", "\r\n")),
			errs:  []want{{file, 6, "budget_czk: expected a whole number"}},
		},
		{
			name:  "BOM",
			files: one("\ufeff" + md(projFM, "Text.\n")),
			check: func(t *testing.T, s *Site) {
				if got := s.ProjectBySlug["animace"].Texts["cs"].Title; got != "Animace pro transformaci" {
					t.Errorf("Title = %q", got)
				}
			},
		},
		{
			name:  "CRLF converted twice (CR CR LF)",
			files: one(strings.ReplaceAll(md(projFM+"budget_czk = \"1 000\"\n", "Text.\n"), "\n", "\r\r\n")),
			errs:  []want{{file, 6, "budget_czk: expected a whole number"}},
		},
		{
			name:  "BOM with an error keeps line numbers",
			files: one("\ufeff" + md(projFM+"bugdet_czk = 5\n", "")),
			errs:  []want{{file, 6, `unknown field "bugdet_czk"`}},
		},
		{
			name:  "TOML syntax error on the first line",
			files: one(md("title = \"Animace\n"+projFM[strings.Index(projFM, "\n")+1:], "")),
			errs:  []want{{file, 2, "title: strings cannot contain newlines"}},
		},
		{
			name:  "TOML syntax error further down",
			files: with("budget_czk = 54 675 000\n"),
			errs:  []want{{file, 6, "budget_czk: expected a top-level item to end with a newline, comment, or EOF, but got '6' instead; write a number without spaces, e.g. 54675000"}},
		},
		{
			name:  "TOML duplicate key",
			files: with("status = \"idea\"\n"),
			errs:  []want{{file, 6, "Key 'status' has already been defined"}},
		},
		{
			name:  "money in quotes with Kč",
			files: with("budget_czk = \"54 675 000 Kč\"\n"),
			errs:  []want{{file, 6, `budget_czk: expected a whole number of CZK without quotes or spaces, such as 54675000 (or 54_675_000), found text "54 675 000 Kč"`}},
		},
		{
			name:  "money with decimals",
			files: with("budget_czk = 1000.5\n"),
			errs:  []want{{file, 6, "budget_czk: expected a whole number of CZK"}},
		},
		{
			name:  "negative money",
			files: with("eu_funding_czk = -5\n"),
			errs:  []want{{file, 6, "eu_funding_czk: an amount cannot be negative"}},
		},
		{
			name:  "money with underscores and as a whole float",
			files: with("budget_czk = 54_675_000\neu_funding_czk = 4.6e7\n"),
			check: func(t *testing.T, s *Site) {
				p := s.ProjectBySlug["animace"]
				if p.BudgetCZK != 54675000 || p.EUFundingCZK != 46000000 {
					t.Errorf("budget %d, EU %d", p.BudgetCZK, p.EUFundingCZK)
				}
			},
		},
		{
			name:  "region is a number",
			files: one(md(strings.Replace(projFM, `region = "ustecky"`, "region = 5", 1), "")),
			errs:  []want{{file, 4, `region: expected a list such as ["a", "b"], found the number 5`}},
		},
		{
			name:  "region list with a number",
			files: one(md(strings.Replace(projFM, `region = "ustecky"`, `region = ["ustecky", 5]`, 1), "")),
			errs:  []want{{file, 4, "region: expected a list of texts in quotes, found the number 5 in it"}},
		},
		{
			name:  "title is a number",
			files: one(md(strings.Replace(projFM, `title = "Animace pro transformaci"`, "title = 5", 1), "")),
			errs:  []want{{file, 2, "title: expected text in quotes, found the number 5"}},
		},
		{
			name:  "status is a number",
			files: one(md(strings.Replace(projFM, `status = "running"`, "status = 1", 1), "")),
			errs:  []want{{file, 5, "status: expected text in quotes, found the number 1"}},
		},
		{
			name:  "status is empty",
			files: one(md(strings.Replace(projFM, `status = "running"`, `status = ""`, 1), "")),
			errs:  []want{{file, 5, "status is missing"}},
		},
		{
			name:  "tags as an array of tables",
			files: with("[[tags]]\nname = \"a\"\n"),
			errs:  []want{{file, 6, `tags: expected a list such as ["a", "b"], found a list of tables ([[…]])`}},
		},
		{
			name:  "tags as one text is a list of one",
			files: with("tags = \"a\"\n"),
			check: func(t *testing.T, s *Site) {
				if got := s.ProjectBySlug["animace"].Tags; len(got) != 1 || got[0] != "a" {
					t.Errorf("Tags = %q", got)
				}
			},
		},
		{
			name:  "region as a list of two",
			files: one(md(strings.Replace(projFM, `region = "ustecky"`, `region = ["ustecky", "karlovarsky"]`, 1), "")),
			check: func(t *testing.T, s *Site) {
				if got := s.ProjectBySlug["animace"].Regions; strings.Join(got, ",") != "ustecky,karlovarsky" {
					t.Errorf("Regions = %q", got)
				}
			},
		},
		{name: "start as a year", files: with("start = 2024\n"), check: period("start", Period{Year: 2024})},
		{name: "start as a year in quotes", files: with("start = \"2024\"\n"), check: period("start", Period{Year: 2024})},
		{name: "start as a month", files: with("start = \"2024-03\"\n"), check: period("start", Period{Year: 2024, Month: 3})},
		{name: "start as a TOML date", files: with("start = 2024-03-05\n"), check: period("start", Period{2024, 3, 5})},
		{name: "start as a TOML date-time", files: with("start = 2024-03-05T10:00:00\n"), check: period("start", Period{2024, 3, 5})},
		{name: "start as a Czech date", files: with("start = \"5. 3. 2024\"\n"), check: period("start", Period{2024, 3, 5})},
		{name: "end as an ISO date in quotes", files: with("end = \"2026-12-31\"\n"), check: period("end", Period{2026, 12, 31})},
		{
			name:  "start as a month name",
			files: with("start = \"březen\"\n"),
			errs:  []want{{file, 6, `start: expected a year (2024), a month ("2024-03") or a date (2024-03-05), found text "březen"`}},
		},
		{
			name:  "start as a two-digit year",
			files: with("start = 24\n"),
			errs:  []want{{file, 6, "start: expected a year (2024)"}},
		},
		{
			name:  "start as a TOML time of day",
			files: with("start = 10:00:00\n"),
			errs:  []want{{file, 6, "start: expected a year (2024)"}},
		},
		{
			name:  "start in year 0",
			files: with("start = \"0000-01-01\"\n"),
			errs:  []want{{file, 6, "start: expected a year (2024)"}},
		},
		{
			name:  "start as a bool",
			files: with("start = true\n"),
			errs:  []want{{file, 6, "start: expected a year (2024), a month (\"2024-03\") or a date (2024-03-05), found true"}},
		},
		{
			name:  "unknown field with a suggestion",
			files: with("bugdet_czk = 54675000\n"),
			errs:  []want{{file, 6, `unknown field "bugdet_czk"; did you mean "budget_czk"?`}},
		},
		{
			name:  "unknown field without a suggestion lists the known ones",
			files: with("colour = \"red\"\n"),
			errs:  []want{{file, 6, `unknown field "colour"; known fields: title, summary, region`}},
		},
		{
			name:  "unknown table",
			files: with("[extra]\na = 1\n"),
			errs:  []want{{file, 6, `unknown field "extra"`}},
		},
		{
			name:  "slug is not a project field",
			files: with("slug = \"animace\"\n"),
			errs:  []want{{file, 6, `unknown field "slug"`}},
		},
		{
			name:  "empty body",
			files: one(md(projFM, "")),
			check: func(t *testing.T, s *Site) {
				cs := s.ProjectBySlug["animace"].Texts["cs"]
				if cs.Body != "" || cs.BodyText != "" {
					t.Errorf("Body = %q, BodyText = %q", cs.Body, cs.BodyText)
				}
			},
		},
		{
			name:  "empty body without a final newline",
			files: one("+++\n" + projFM + "+++"),
			check: func(t *testing.T, s *Site) {
				if b := s.ProjectBySlug["animace"].Texts["cs"].Body; b != "" {
					t.Errorf("Body = %q", b)
				}
			},
		},
		{
			// +++ on 1, front matter 2–5, +++ on 6, body from 7: the image is on 9.
			name:  "body line numbers",
			files: one(md(projFM, "Úvod.\n\n![Lom Medard](lom.jpg \"Lom\")\n")),
			check: func(t *testing.T, s *Site) {
				imgs := s.ProjectBySlug["animace"].Texts["cs"].Images
				if len(imgs) != 1 || imgs[0].Line != 9 || imgs[0].Dest != "lom.jpg" || imgs[0].Alt != "Lom Medard" {
					t.Errorf("Images = %+v, want lom.jpg on line 9", imgs)
				}
			},
		},
		{
			name:  "body line numbers with CRLF and BOM",
			files: one(strings.ReplaceAll("\ufeff"+md(projFM+"tags = [\"a\"]\n", "Úvod.\n\n\n![Lom](lom.jpg)\n"), "\n", "\r\n")),
			check: func(t *testing.T, s *Site) {
				imgs := s.ProjectBySlug["animace"].Texts["cs"].Images
				if len(imgs) != 1 || imgs[0].Line != 11 {
					t.Errorf("Images = %+v, want one on line 11", imgs)
				}
			},
		},
	}
	runLoadCases(t, cases)
}
