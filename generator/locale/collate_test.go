package locale

import (
	"slices"
	"testing"
)

func TestSortByCzech(t *testing.T) {
	in := []string{"Žatec", "Chomutov", "Sokolov", "Cheb", "Hazmburk", "Šumperk", "Horní Jiřetín", "Cvikov", "Čáslav"}
	want := []string{"Cvikov", "Čáslav", "Hazmburk", "Horní Jiřetín", "Cheb", "Chomutov", "Sokolov", "Šumperk", "Žatec"}
	got := slices.Clone(in)
	SortBy("cs", got, func(s string) string { return s })
	if !slices.Equal(got, want) {
		t.Errorf("SortBy(cs) =\n%q\nwant\n%q", got, want)
	}

	more := []string{"řeka", "Rakovník", "ryba", "Ústí nad Labem", "Uherské Hradiště", "Zlín", "Žďár", "Ivančice", "Chrudim", "Hodonín"}
	wantMore := []string{"Hodonín", "Chrudim", "Ivančice", "Rakovník", "ryba", "řeka", "Uherské Hradiště", "Ústí nad Labem", "Zlín", "Žďár"}
	SortBy("cs", more, func(s string) string { return s })
	if !slices.Equal(more, wantMore) {
		t.Errorf("SortBy(cs) =\n%q\nwant\n%q", more, wantMore)
	}
}

func TestSortByStableStructs(t *testing.T) {
	type region struct {
		name string
		id   int
	}
	items := []region{{"Šumava", 1}, {"Cheb", 2}, {"Sokolov", 3}, {"Cheb", 4}, {"Hazmburk", 5}, {"Cheb", 6}}
	SortBy("cs", items, func(r region) string { return r.name })
	var ids []int
	for _, r := range items {
		ids = append(ids, r.id)
	}
	if want := []int{5, 2, 4, 6, 3, 1}; !slices.Equal(ids, want) {
		t.Errorf("ids after SortBy = %v, want %v", ids, want)
	}
	SortBy("cs", []region{}, func(r region) string { return r.name }) // empty: no panic
}

func TestSortByEnglish(t *testing.T) {
	got := []string{"Žatec", "Cheb", "Chomutov", "Čáslav", "Zlin", "apple", "Banana"}
	SortBy("en", got, func(s string) string { return s })
	want := []string{"apple", "Banana", "Čáslav", "Cheb", "Chomutov", "Žatec", "Zlin"}
	if !slices.Equal(got, want) {
		t.Errorf("SortBy(en) = %q, want %q", got, want)
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		lang, a, b string
		want       int
	}{
		{"cs", "Cheb", "Hazmburk", 1},
		{"cs", "Hazmburk", "Cheb", -1},
		{"cs", "Čáslav", "Cvikov", 1},
		{"cs", "Šumperk", "Sokolov", 1},
		{"cs", "Žatec", "Zlín", 1},
		{"cs", "Cheb", "Cheb", 0},
		{"en", "Cheb", "Hazmburk", -1},
		{"en", "Žatec", "Zlín", -1},
	}
	for _, tt := range tests {
		if got := Compare(tt.lang, tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q, %q) = %d, want %d", tt.lang, tt.a, tt.b, got, tt.want)
		}
	}
}
