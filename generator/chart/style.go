package chart

import (
	"math"
	"slices"
	"strconv"
)

// palette holds the series colours, in order: Okabe and Ito's
// colour-blind-safe set (blue, vermillion, bluish green, reddish purple,
// black), with their orange darkened to ochre, so that every colour has at
// least 3:1 contrast against white (WCAG 1.4.11) — tested. Series beyond
// the sixth reuse the colours with other markers and dashes.
var palette = [...]string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#8F6B00"}

// Palette returns the series colours in order ("#0072B2" for the first
// series), e.g. to colour a legend or table outside the chart the same way.
// Each has at least 3:1 contrast against white.
func Palette() []string { return slices.Clone(palette[:]) }

// Colours of the chart's furniture: text at least 4.5:1 against white.
const (
	colText   = "#222222"
	colMuted  = "#4D4D4D" // tick and period labels, 8.4:1
	colGrid   = "#D9D9D9" // grid lines: decoration only
	colAxis   = "#767676" // zero line and baseline, 4.5:1
	colTarget = "#333333"
	colHalo   = "#FFFFFF"
	colBadge  = "#FFF4CE" // sample badge background
	colBadgeB = "#8F6B00" // its border
	colBadgeT = "#3D2E00" // its text, 12:1 on the background
)

// markerNames are the marker shapes of line series, in order; see markerDef.
var markerNames = [...]string{"circle", "square", "triangle", "diamond", "triangle-down", "plus"}

// dashes are the stroke-dasharray values of line series, in order ("" is solid).
var dashes = [...]string{"", "8 4", "2 3", "10 3 2 3", "14 3 2 3 2 3", "4 2"}

// fillNames name the fill patterns of bar series, in order; see fillDef.
var fillNames = [...]string{"solid", "hatch", "dots", "crosshatch", "hatch-back", "stripes"}

// seriesStyle returns the colour, marker and dash (or fill) index of series
// s. The first six series have six different ones of each; later series
// combine them differently, so that no two of the first 36 look the same.
func seriesStyle(s int) (colour string, marker, dash int) {
	k := len(palette)
	return palette[s%k], s % k, (s + s/k) % k
}

// markerDef writes the definition of marker shape m centred on 0,0 with
// radius r, id P-mS, filled with colour.
func markerDef(w *writer, id string, m int, r float64, colour string) {
	rs := func(v float64) string { return strconv.FormatFloat(roundTo(v, 2), 'f', -1, 64) }
	switch markerNames[m] {
	case "circle":
		w.raw(`<circle id="` + id + `" r="` + rs(r) + `"`)
	case "square":
		a := r * 0.88
		w.raw(`<rect id="` + id + `" x="` + rs(-a) + `" y="` + rs(-a) + `" width="` + rs(2*a) + `" height="` + rs(2*a) + `"`)
	case "triangle":
		a := r * 1.25
		w.raw(`<path id="` + id + `" d="M0 ` + rs(-a) + `L` + rs(a*0.95) + ` ` + rs(a*0.6) + `H` + rs(-a*0.95) + `Z"`)
	case "diamond":
		a := r * 1.3
		w.raw(`<path id="` + id + `" d="M0 ` + rs(-a) + `L` + rs(a) + ` 0 0 ` + rs(a) + ` ` + rs(-a) + ` 0Z"`)
	case "triangle-down":
		a := r * 1.25
		w.raw(`<path id="` + id + `" d="M0 ` + rs(a) + `L` + rs(a*0.95) + ` ` + rs(-a*0.6) + `H` + rs(-a*0.95) + `Z"`)
	default: // plus
		a, t := r*1.2, r*0.42
		w.raw(`<path id="` + id + `" d="M` + rs(-t) + ` ` + rs(-a) + `H` + rs(t) + `V` + rs(-t) + `H` + rs(a) + `V` + rs(t) + `H` + rs(t) + `V` + rs(a) + `H` + rs(-t) + `V` + rs(t) + `H` + rs(-a) + `V` + rs(-t) + `H` + rs(-t) + `Z"`)
	}
	w.raw(` fill="` + colour + `" stroke="` + colHalo + `" stroke-width="1"/>`)
}

// fillDef writes the pattern of bar fill f in colour with id, or nothing for
// the solid fill; it returns the value of the fill attribute.
func fillDef(w *writer, id string, f int, colour string) string {
	open := func(size, rotate string) {
		w.raw(`<pattern id="` + id + `" width="` + size + `" height="` + size + `" patternUnits="userSpaceOnUse"`)
		if rotate != "" {
			w.raw(` patternTransform="rotate(` + rotate + `)"`)
		}
		w.raw(`><rect width="` + size + `" height="` + size + `" fill="` + colHalo + `"/>`)
	}
	switch fillNames[f] {
	case "solid":
		return colour
	case "hatch":
		open("6", "45")
		w.raw(`<rect width="3" height="6" fill="` + colour + `"/>`)
	case "dots":
		open("5", "")
		w.raw(`<circle cx="2.5" cy="2.5" r="1.6" fill="` + colour + `"/>`)
	case "crosshatch":
		open("6", "45")
		w.raw(`<path d="M0 0H6V2H0ZM0 0H2V6H0Z" fill="` + colour + `"/>`)
	case "hatch-back":
		open("6", "-45")
		w.raw(`<rect width="3" height="6" fill="` + colour + `"/>`)
	default: // stripes
		open("5", "")
		w.raw(`<rect width="5" height="2.5" fill="` + colour + `"/>`)
	}
	w.raw(`</pattern>`)
	return "url(#" + id + ")"
}

func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p) / p
	if r == 0 {
		return 0
	}
	return r
}
