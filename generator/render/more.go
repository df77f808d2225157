package render

// maxCards is how many project cards a region or partner page shows
// before it links the project list filtered by that region or partner.
// At 10 000 projects a coal region has 2 400 of them: 1.3 MB of cards on
// one page, more than a phone should load or a screen reader user can
// skim. The filtered list has them all, in pages, with the filters.
const maxCards = 12

// FirstCards are the first cards of a long list of projects (maxCards).
func (v *View) FirstCards(items []*ProjectItem) []*ProjectItem {
	return items[:min(len(items), maxCards)]
}

// MoreCards reports whether n projects are more than a page shows.
func (v *View) MoreCards(n int) bool { return n > maxCards }
