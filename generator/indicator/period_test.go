package indicator

import (
	"strings"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		kind     PeriodKind
	}{
		{"2024", "2024", PeriodYear},
		{" 2024 ", "2024", PeriodYear},
		{"\u00a02024\u00a0", "2024", PeriodYear},
		{"1000", "1000", PeriodYear},
		{"9999", "9999", PeriodYear},

		{"2024-Q1", "2024-Q1", PeriodQuarter},
		{"2024-q1", "2024-Q1", PeriodQuarter},
		{"2024Q2", "2024-Q2", PeriodQuarter},
		{"2024 Q3", "2024-Q3", PeriodQuarter},
		{"2024/Q4", "2024-Q4", PeriodQuarter},
		{"2024 - Q4", "2024-Q4", PeriodQuarter},
		{"Q1 2024", "2024-Q1", PeriodQuarter},
		{"q1 2024", "2024-Q1", PeriodQuarter},
		{"Q1/2024", "2024-Q1", PeriodQuarter},
		{"Q1-2024", "2024-Q1", PeriodQuarter},
		{"Q1\u00a02024", "2024-Q1", PeriodQuarter},
		{"1Q2024", "2024-Q1", PeriodQuarter},
		{"1Q 2024", "2024-Q1", PeriodQuarter},
		{"1. Q 2024", "2024-Q1", PeriodQuarter},
		{"1.Q 2024", "2024-Q1", PeriodQuarter},
		{"1. čtvrtletí 2024", "2024-Q1", PeriodQuarter},
		{"4. Čtvrtletí 2024", "2024-Q4", PeriodQuarter},

		{"2024-03", "2024-03", PeriodMonth},
		{"2024-3", "2024-03", PeriodMonth},
		{"2024/03", "2024-03", PeriodMonth},
		{"2024M03", "2024-03", PeriodMonth},
		{"2024-M3", "2024-03", PeriodMonth},
		{"03/2024", "2024-03", PeriodMonth},
		{"3/2024", "2024-03", PeriodMonth},
		{"12-2024", "2024-12", PeriodMonth},
		{"3. 2024", "2024-03", PeriodMonth},
		{"03.2024", "2024-03", PeriodMonth},

		{"2024-03-05", "2024-03-05", PeriodDay},
		{"2024-3-5", "2024-03-05", PeriodDay},
		{"5. 3. 2024", "2024-03-05", PeriodDay},
		{"5.3.2024", "2024-03-05", PeriodDay},
		{"05.03.2024", "2024-03-05", PeriodDay},
		{"5.\u00a03.\u00a02024", "2024-03-05", PeriodDay},
		{"29. 2. 2024", "2024-02-29", PeriodDay},
		{"2024-03-05 00:00:00", "2024-03-05", PeriodDay},
		{"2024-03-05T00:00", "2024-03-05", PeriodDay},
		{"2024-03-05T00:00:00Z", "2024-03-05", PeriodDay},
		{"2024-03-05 00:00:00.000", "2024-03-05", PeriodDay},
		{"5.3.2024 0:00", "2024-03-05", PeriodDay},
		{"5. 3. 2024 0:00:00", "2024-03-05", PeriodDay},
	} {
		p, err := ParsePeriod(tc.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tc.in, err)
			continue
		}
		if p.String() != tc.want || p.Kind() != tc.kind {
			t.Errorf("ParsePeriod(%q) = %s (%s), want %s (%s)", tc.in, p, p.Kind(), tc.want, tc.kind)
		}
		// The normal form reads back as itself.
		if q, err := ParsePeriod(p.String()); err != nil || q != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.String(), q, err, p)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"", "'' is not a period: " + periodHelp},
		{"21", "'21' is not a period: write a year (2024), a quarter (2024-Q1), a month (2024-03) or a date (2024-03-05 or 5. 3. 2024)"},
		{"0999", "'0999' is not a period: the year must have four digits"},
		{"20245", "'20245' is not a period: " + periodHelp},
		{"45356", "'45356' is not a period: it looks like a spreadsheet date serial number"},
		{"2024.0", "'2024.0' is not a period"},
		{"2024.03", "'2024.03' is not a period"},
		{"2024-Q0", "quarter 0 does not exist, quarters are Q1 to Q4"},
		{"2024-Q5", "'2024-Q5' is not a period: quarter 5 does not exist"},
		{"Q5 2024", "quarter 5 does not exist"},
		{"2024-Q12", "'2024-Q12' is not a period"},
		{"Q12024", "'Q12024' is not a period"},
		{"1Q24", "'1Q24' is not a period"},
		{"2024 1", "'2024 1' is not a period"},
		{"2024-H1", "'2024-H1' is not a period"},
		{"2024-W05", "'2024-W05' is not a period"},
		{"2023/24", "'2023/24' is not a period"},
		{"2023/2024", "'2023/2024' is not a period"},
		{"2024-13", "'2024-13' is not a period: month 13 does not exist, months are 1 to 12"},
		{"2024-00", "month 0 does not exist"},
		{"13/2024", "month 13 does not exist"},
		{"2024-123", "'2024-123' is not a period"},
		{"2023-02-29", "'2023-02-29' is not a date: 2023-02 has 28 days"},
		{"31. 4. 2024", "2024-04 has 30 days"},
		{"0. 4. 2024", "2024-04 has 30 days"},
		{"5. 13. 2024", "month 13 does not exist"},
		{"5.3.24", "'5.3.24' is not a period"},
		{"5/3/2024", "'5/3/2024' is ambiguous (day/month or month/day?): write 2024-03-05 or 5. 3. 2024"},
		{"25/3/2024", "ambiguous (day/month or month/day?): write 2024-03-25"},
		{"3/25/2024", "ambiguous (day/month or month/day?): write 2024-03-25"},
		{"05-03-2024", "'05-03-2024' is not a period"},
		{"2024-03-05 10:00", "'2024-03-05 10:00' has a time of day: the portal keeps dates only, write 2024-03-05"},
		{"5.3.2024 0:01", "has a time of day"},
		{"2024-03-05 00:00:01", "has a time of day"},
		{"2024 00:00", "'2024 00:00' is not a period"},
		{"00:00", "'00:00' is not a period"},
		{"2024-03-05 0:0", "has a time of day"},
		{"březen 2024", "'březen 2024' is not a period"},
		{"March 2024", "'March 2024' is not a period"},
		{"Qx 2024", "'Qx 2024' is not a period"},
		{"rok 2024", "'rok 2024' is not a period"},
		{"2024-03-05-01-02-03-04-05-06", "is not a period"},
	} {
		p, err := ParsePeriod(tc.in)
		if err == nil {
			t.Errorf("ParsePeriod(%q) = %s, want an error", tc.in, p)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParsePeriod(%q): %v\nwant …%s…", tc.in, err, tc.msg)
		}
	}
}

func TestPeriodCompare(t *testing.T) {
	ordered := []string{"2023", "2023-12-31", "2024", "2024-Q1", "2024-01", "2024-01-01", "2024-01-02", "2024-02", "2024-Q2", "2024-04-30", "2025"}
	for i, a := range ordered {
		pa, err := ParsePeriod(a)
		if err != nil {
			t.Fatal(err)
		}
		for j, b := range ordered {
			pb, _ := ParsePeriod(b)
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := pa.Compare(pb); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestPeriodKindString(t *testing.T) {
	for k, want := range map[PeriodKind]string{PeriodYear: "year", PeriodQuarter: "quarter", PeriodMonth: "month", PeriodDay: "date", 0: "period"} {
		if k.String() != want {
			t.Errorf("%d: %q, want %q", k, k.String(), want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2024", "2024-Q1", "Q1 2024", "1Q2024", "1. čtvrtletí 2024", "2024-03", "03/2024", "3. 2024", "2024M03", "2024-03-05", "5. 3. 2024", "5.3.2024 0:00", "2024-03-05T00:00:00Z", "5/3/2024", "45356", "2023-02-29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "'") {
				t.Errorf("ParsePeriod(%q): error %q does not start with the quoted cell", s, err)
			}
			return
		}
		if p.Year < 1000 || p.Year > 9999 || p.Quarter < 0 || p.Quarter > 4 || p.Month < 0 || p.Month > 12 ||
			p.Day < 0 || p.Day > 0 && (p.Month == 0 || p.Day > daysIn(p.Year, p.Month)) || p.Quarter > 0 && p.Month > 0 {
			t.Fatalf("ParsePeriod(%q) = %+v", s, p)
		}
		q, err := ParsePeriod(p.String())
		if err != nil || q != p || q.Compare(p) != 0 {
			t.Errorf("ParsePeriod(%q) = %+v, but its normal form %q reads as %+v, %v", s, p, p.String(), q, err)
		}
	})
}
