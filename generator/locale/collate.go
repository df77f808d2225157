package locale

import (
	"bytes"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// SortBy sorts items in place by key(item), in the alphabetical order of
// language lang (CLDR collation from golang.org/x/text/collate): in cs
// "Cvikov, Čáslav, Hazmburk, Horní Jiřetín, Cheb, Chomutov, Sokolov,
// Šumperk, Žatec" — č after c, ch after h, š after s, ž last. Byte order
// (sort.Strings) is wrong for every language but English. The sort is
// stable: items with equal keys keep their order. An unknown lang sorts by
// the root collation. key is called once per item.
//
// A collator is not safe for concurrent use, so SortBy makes its own; it
// may be called from many goroutines at once.
func SortBy[T any](lang string, items []T, key func(T) string) {
	if len(items) < 2 {
		return
	}
	c := collate.New(language.Make(lang))
	var buf collate.Buffer
	type keyed struct {
		key  []byte
		item T
	}
	ks := make([]keyed, len(items))
	for i, it := range items {
		// The key points into buf and stays valid until buf.Reset.
		ks[i] = keyed{c.KeyFromString(&buf, key(it)), it}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i := range ks {
		items[i] = ks[i].item
	}
}

// Compare compares a and b in the alphabetical order of language lang and
// returns -1, 0 or +1: Compare("cs", "Cheb", "Hazmburk") = 1. It builds a
// collator on every call, so use SortBy to sort.
func Compare(lang, a, b string) int {
	return collate.New(language.Make(lang)).CompareString(a, b)
}
