package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// genIndicators writes n indicators: <id>.toml and <id>.csv. About a third
// of the CSV files look like a Czech Excel export: ';' between cells,
// decimal commas and CRLF line ends, some also with thousands grouped by
// spaces. With g.win1250 every other one of those (the 1st, 3rd, …) is
// Excel's "CSV (oddělený středníkem)" on Czech Windows: windows-1250
// without a byte order mark; the rest, and all of them without g.win1250,
// are "CSV UTF-8 (oddělený středníkem)": UTF-8 after a byte order mark.
// The choice draws no random number, so -win1250=false changes only the
// bytes of those files, not their text. Their header always has Czech
// letters (the first series name of every kind has one), so they are never
// valid UTF-8 and the reader must decode them as windows-1250.
func (g *gen) genIndicators(n int) {
	for k := range n {
		kind := pick(g.r, indicatorKinds)
		reg := g.region()
		t := pick(g.r, reg.towns)
		id := slugify(kind.cs) + "-" + strconv.Itoa(k+1)
		g.indicators = append(g.indicators, &indicatorSpec{id: id})

		periodicity := "annual"
		switch x := g.r.IntN(100); {
		case x < 30:
			periodicity = "quarterly"
		case x < 50:
			periodicity = "monthly"
		}
		nseries := min(len(kind.series), g.between(1, 3))
		series := kind.series[:nseries]

		// Periods, newest in 2025 or 2026.
		var periods []string
		header := "Rok"
		switch periodicity {
		case "annual":
			last := g.between(2024, 2025)
			for y := last - g.between(4, 11); y <= last; y++ {
				periods = append(periods, strconv.Itoa(y))
			}
		case "quarterly":
			header = "Čtvrtletí"
			cnt := g.between(8, 16)
			y, qq := 2026-cnt/4, 1
			for range cnt {
				periods = append(periods, fmt.Sprintf("%d-Q%d", y, qq))
				if qq++; qq > 4 {
					y, qq = y+1, 1
				}
			}
		case "monthly":
			header = pick(g.r, []string{"Měsíc", "Období"})
			cnt := g.between(12, 36)
			y, m := 2026-(cnt+11)/12, 1
			for range cnt {
				periods = append(periods, fmt.Sprintf("%d-%02d", y, m))
				if m++; m > 12 {
					y, m = y+1, 1
				}
			}
		}
		if g.chance(0.3) {
			header = strings.ToLower(header)
		}

		excel := g.r.IntN(3) == 0
		group := excel && g.chance(0.3)
		delim, nl := ",", "\n"
		cp1250 := false
		var b strings.Builder
		if excel {
			g.st.excel++
			delim, nl = ";", "\r\n"
			cp1250 = g.win1250 && g.st.excel%2 == 1
			if !cp1250 {
				b.WriteString("\ufeff")
			}
		}
		b.WriteString(header)
		for _, s := range series {
			b.WriteString(delim + s)
		}
		b.WriteString(nl)
		vals := make([]float64, nseries)
		for s := range vals {
			vals[s] = kind.base * (0.6 + 0.8*g.r.Float64())
		}
		var last float64
		for p, per := range periods {
			b.WriteString(per)
			for s := range vals {
				vals[s] *= 0.9 + 0.22*g.r.Float64()
				if kind.unitCS == "%" {
					vals[s] = math.Min(vals[s], 99)
				}
				last = vals[s]
				b.WriteString(delim)
				// Missing cells, never the first or last row.
				if p > 0 && p < len(periods)-1 && g.chance(0.06) {
					continue
				}
				b.WriteString(number(vals[s], kind.decimals, excel, group))
			}
			b.WriteString(nl)
		}
		if cp1250 {
			g.st.win1250++
			g.addBytes("content/indicators/"+id+".csv", encode1250(b.String()))
		} else {
			g.add("content/indicators/"+id+".csv", b.String())
		}

		b.Reset()
		fmt.Fprintf(&b, "periodicity = %q\n", periodicity)
		if kind.unitCS == kind.unitEN {
			fmt.Fprintf(&b, "unit = %q\n", kind.unitCS)
		}
		fmt.Fprintf(&b, "source = %s\n", q("Ilustrativní data vygenerovaná pro zátěžový test portálu (bench/gensite); nejde o skutečná data."))
		fmt.Fprintf(&b, "chart = %q\n", kind.chart)
		if g.chance(0.3) {
			fmt.Fprintf(&b, "target = %s\n", strconv.FormatFloat(math.Round(last*1.2), 'f', -1, 64))
		}
		b.WriteString("sample = true\n\n")
		if kind.unitCS != kind.unitEN {
			writeUnit(&b, kind.unitCS, kind.unitEN)
		}
		fmt.Fprintf(&b, "[title]\ncs = %s\nen = %s\n\n", q(kind.cs+" "+t.loc), q(kind.en+" in "+t.en))
		fmt.Fprintf(&b, "[description]\ncs = %s\nen = %s\n",
			q(fmt.Sprintf("%s %s, %s. POZOR: čísla jsou ilustrativní a slouží jen k zátěžovému testu portálu; prázdné buňky jsou chybějící hodnoty.", kind.cs, t.loc, strings.ToLower(map[string]string{"annual": "Za rok", "quarterly": "Za čtvrtletí", "monthly": "Za měsíc"}[periodicity]))),
			q(fmt.Sprintf("%s in %s, per %s. NOTE: the numbers are illustrative and only serve the portal's load test; empty cells are missing values.", kind.en, t.en, map[string]string{"annual": "year", "quarterly": "quarter", "monthly": "month"}[periodicity])))
		g.add("content/indicators/"+id+".toml", b.String())
	}
	g.st.indicators = n
}

// encode1250 encodes s in windows-1250. Every character of the generated
// CSV files exists there (Czech letters, ASCII); anything else is a bug in
// the word lists, so it panics rather than write a '?'.
func encode1250(s string) []byte {
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(fmt.Sprintf("gensite: %q cannot be written in windows-1250: %v", s, err))
	}
	return b
}

// number writes a value as the export would: "12488.3", or "12488,3" and
// "12 488,3" in a Czech spreadsheet.
func number(v float64, decimals int, excel, group bool) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if !excel {
		return s
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if group && len(intPart) > 3 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	if hasFrac {
		return intPart + "," + frac
	}
	return intPart
}

// writeUnit writes the [unit] of an indicator: its plural forms where
// unitForms has them (so that charts say "1 firma", "3 firmy", "5 firem"),
// else a word per language.
func writeUnit(b *strings.Builder, cs, en string) {
	fcs, fen := unitForms[cs], unitForms[en]
	if fcs == nil || fen == nil {
		fmt.Fprintf(b, "[unit]\ncs = %q\nen = %q\n\n", cs, en)
		return
	}
	fmt.Fprintf(b, "[unit.cs]\none = %q\nfew = %q\nmany = %q\nother = %q\n\n", fcs[0], fcs[1], fcs[2], fcs[3])
	fmt.Fprintf(b, "[unit.en]\none = %q\nother = %q\n\n", fen[0], fen[1])
}
