package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Ústí nad Labem", "usti nad labem"},
		{"přehled", "prehled"},
		{"ě š č ř ž ý á í é ů ú ň ť ď ó", "e s c r z y a i e u u n t d o"},
		{"Ě Š Č Ř Ž Ý Á Í É Ů Ú Ň Ť Ď Ó", "e s c r z y a i e u u n t d o"},
		{"Příliš žluťoučký kůň úpěl ďábelské ódy", "prilis zlutoucky kun upel dabelske ody"},
		{"Łódź", "lodz"},
		{"ŁUKASZ", "lukasz"},
		{"Straße", "strasse"},
		{"STRAẞE", "strasse"},
		{"Ministerstwo Funduszy i Polityki Regionalnej", "ministerstwo funduszy i polityki regionalnej"},
		{"Ærø Øresund", "aero oresund"},
		{"Đakovo", "dakovo"},
		{"ﬁnance", "finance"},          // ligature: NFKD
		{"m²", "m2"},                   // superscript: NFKD
		{"ＣＯ２", "co2"},                 // full width: NFKD
		{"e\u0301", "e"},               // already decomposed
		{"İstanbul", "istanbul"},       // dotted capital I
		{"ΣΟΦΟΣ σοφος", "σοφοσ σοφοσ"}, // final sigma folded
		{"Müller-Lüdenscheidt", "muller-ludenscheidt"},
		{"5\u00a0projektů", "5 projektu"}, // NFKD: no-break space → space
		{"„uvozovky“ – pomlčka", "„uvozovky“ – pomlcka"},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	long := "a"
	for len(long) < 50 {
		long += "b"
	}
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Ústí nad Labem – 2. etapa", []string{"usti", "nad", "labem", "etapa"}},
		{"Plán transformace Ústeckého kraje", []string{"plan", "transformace", "usteckeho", "kraje"}},
		{"Ústecko-karlovarský", []string{"ustecko", "karlovarsky"}},
		{"a v s k u o i", nil}, // one-letter words are not indexed
		{"CZ.10.03.01/00/22_003/0000048", []string{"cz", "10", "03", "01", "00", "22", "003", "0000048"}},
		{"2021–2027", []string{"2021", "2027"}},
		{"D8 a R7", []string{"d8", "r7"}},
		{"„rozhýbou“", []string{"rozhybou"}},
		{"opakování opakování", []string{"opakovani", "opakovani"}},
		{"OPST (Operační program Spravedlivá transformace)", []string{"opst", "operacni", "program", "spravedliva", "transformace"}},
		{"co2 CO₂", []string{"co2", "co2"}},
		{"it's", []string{"it"}},
		{long, []string{long[:MaxToken]}},
		{"Πράγα Прага", []string{"πραγα", "прага"}},
	} {
		if got := Tokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	short := "Krátký\n\ntext  s\u00a0mezerami."
	if got := Snippet(short); got != "Krátký text s\u00a0mezerami." {
		t.Errorf("Snippet(%q) = %q", short, got)
	}
	long := ""
	for len([]rune(long)) < 2*SnippetRunes {
		long += "Slovo, další slovo. "
	}
	got := []rune(Snippet(long))
	if len(got) > SnippetRunes+1 || got[len(got)-1] != '…' || got[len(got)-2] == ',' || got[len(got)-2] == ' ' {
		t.Errorf("Snippet of a long text = %q (%d runes)", string(got), len(got))
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Ústí", "Łódź", "ﬁ", "e\u0301", "ΣΟΦΟΣ", "\xff", "e\u0301\u0323", "Straße"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if want := normalizeWhole(s); n != want {
			t.Errorf("Normalize(%q) = %q; the whole-text normaliser gives %q", s, n, want)
		}
		if Normalize(n) != n {
			t.Errorf("Normalize is not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
		for _, tok := range Tokens(s) {
			if len([]rune(tok)) < MinToken || len([]rune(tok)) > MaxToken {
				t.Errorf("token %q of %q breaks the length rules", tok, s)
			}
		}
	})
}

// normalizeWhole is Normalize as it was first written: the whole text
// through the NFKD normaliser. Normalize must give the same.
func normalizeWhole(s string) string {
	var b strings.Builder
	var it norm.Iter
	it.InitString(norm.NFKD, s)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.Is(unicode.M, r) {
				continue
			}
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				b.WriteString(f)
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestNormalizeRunewise checks every code point against the whole-text
// normaliser, and those that decompose or combine also between a letter
// and combining marks.
func TestNormalizeRunewise(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		cases := []string{string(r)}
		if p := norm.NFKD.PropertiesString(string(r)); p.Decomposition() != nil || p.CCC() != 0 || unicode.Is(unicode.M, r) {
			cases = append(cases, "e"+string(r)+"\u0301", "\u0323"+string(r)+"\u0308a")
		}
		for _, s := range cases {
			if got, want := Normalize(s), normalizeWhole(s); got != want {
				t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := strings.Repeat("Cílem projektu v Ústí nad Labem je snížit energetickou náročnost veřejných budov. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Normalize(text)
	}
}
