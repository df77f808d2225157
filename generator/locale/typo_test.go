package locale

import "testing"

func TestTypo(t *testing.T) {
	cs, en := load(t, "cs"), load(t, "en")
	const nb = "\u00a0"
	tests := []struct{ in, want string }{
		{"v Sokolově", "v" + nb + "Sokolově"},
		{"V Praze a v Brně", "V" + nb + "Praze a" + nb + "v" + nb + "Brně"},
		{"Projekty v kraji", "Projekty v" + nb + "kraji"},
		{"k Ostravě, s Plzní, z Liberce, o Brnu, u Mostu, i Kladno",
			"k" + nb + "Ostravě, s" + nb + "Plzní, z" + nb + "Liberce, o" + nb + "Brnu, u" + nb + "Mostu, i" + nb + "Kladno"},
		{"A to je vše", "A" + nb + "to je vše"},  // at the start, capital
		{"K Sokolovu", "K" + nb + "Sokolovu"},    // any case
		{"v" + nb + "Praze", "v" + nb + "Praze"}, // already a no-break space
		{"v  Praze", "v" + nb + "Praze"},         // a run of spaces becomes one
		{"v\nPraze", "v" + nb + "Praze"},         // a line break in the source
		{"(v Praze)", "(v" + nb + "Praze)"},      // after punctuation
		{"„a tak“", "„a" + nb + "tak“"},          // after a quotation mark
		{"jdu v", "jdu v"},                       // at the end: nothing follows
		{"jdu v ", "jdu v "},                     // trailing space: left alone
		{"x v. y", "x v. y"},                     // "v." is an abbreviation, not the word
		{"5a b", "5a b"},                         // "5a" is not the word "a"
		{"a5 b", "a5 b"},                         // nor is "a5"
		{"Eva a Petr", "Eva a" + nb + "Petr"},    // inside longer words nothing changes
		{"cesta se změní", "cesta se změní"},     // "se" is not in the list
		{"ó ňa", "ó ňa"},                         // one-letter words not in the list
		{"", ""},
	}
	for _, tt := range tests {
		if got := cs.Typo(tt.in); got != tt.want {
			t.Errorf("cs Typo(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{"V Praze a v Brně", "a b c", "I am a man"} {
		if got := en.Typo(in); got != in {
			t.Errorf("en Typo(%q) = %q, want it unchanged", in, got)
		}
	}
}

func TestTypoLongerWords(t *testing.T) {
	l, err := Parse("cs", "t.toml", []byte(fixtureFormatWith("cs", `no_break_after = ["v", "ve", "Př"]`)))
	if err != nil {
		t.Fatal(err)
	}
	got := l.Typo("ve Zlíně, př. n. l., V Praze, vez Brno")
	want := "ve\u00a0Zlíně, př. n. l., V\u00a0Praze, vez Brno"
	if got != want {
		t.Errorf("Typo = %q, want %q", got, want)
	}
}
