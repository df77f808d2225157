package locale

import "testing"

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Potřebnost a změna", "potrebnost-a-zmena"},
		{"Příjmy", "prijmy"},
		{"Ústí nad Labem", "usti-nad-labem"},
		{"  Žluťoučký kůň  ", "zlutoucky-kun"},
		{"Związek Miast Polskich", "zwiazek-miast-polskich"},
		{"A1.1.6 Provázanost", "a1-1-6-provazanost"},
		{"Green Deal – 2024/2026", "green-deal-2024-2026"},
		{"---", ""},
		{"", ""},
		{"日本", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
