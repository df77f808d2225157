package chart

import (
	"math"
	"unicode/utf8"
)

// Geometry of a sparkline: about 160×40 user units, wider when the latest
// value needs the room.
const (
	sparkW    = 160.0
	sparkH    = 40.0
	sparkFont = 12.0
	sparkNote = 10.0 // the sample-data note
)

// sparkline draws the small chart of a project card: the series without
// axes, the latest value of the first series that has one labelled at the
// right, and the sample-data note above when the data are invented.
func (c *chart) sparkline(w *writer) {
	kind := "sparkline"
	lo, hi, ok := c.extent()
	labelled, li := -1, -1
	for s := range c.s {
		if i := c.latest(s); i >= 0 {
			labelled, li = s, i
			break
		}
	}
	if ok {
		_, dec := niceTicks(lo, hi, c.bar)
		c.maxDec = dec + 2
	}
	label := ""
	if labelled >= 0 {
		// With its unit when the word written after this number is
		// short ("23,4 %", "120 MWh", "9 akcí").
		v := c.vals[labelled][li]
		if utf8.RuneCountInString(c.unitAfter(v, valueDecimals(v))) <= 4 {
			label = c.withUnit(v)
		} else {
			label = c.value(v)
		}
	}
	labelW := 1.1 * textWidth(label, sparkFont)
	width := max(sparkW, labelW+100)
	top, height := 4.0, sparkH
	if c.sample {
		top += sparkNote + 2
		height += sparkNote + 2
	}
	c.root(w, kind, width, height, sparkFont)
	if c.sample {
		w.raw(`<g class="chart-sample"`)
		w.attr("fill", colBadgeT)
		w.raw(` font-weight="bold"`)
		w.numAttr("font-size", sparkNote)
		w.raw(">")
		w.textEl(2, sparkNote, "", truncate(c.labels.Sample, int((width-4)/(0.6*sparkNote))), "")
		w.raw("</g>")
	}
	if !ok {
		w.raw(`<g class="chart-nodata"`)
		w.attr("fill", colMuted)
		w.raw(">")
		w.textEl(width/2, (top+height)/2+0.35*sparkFont, "middle", c.labels.NoData, "")
		w.raw("</g></svg>")
		return
	}
	if c.bar {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	if lo == hi {
		d := math.Abs(lo) * 0.1
		if d == 0 {
			d = 1
		}
		lo, hi = lo-d, hi+d
	}
	l := layout{left: 3, right: width - labelW - 8, top: top, bottom: height - 4, tmin: lo, tmax: hi}
	l.step = (l.right - l.left) / float64(c.n)
	w.raw("<defs>")
	fills := c.defs(w, 2.6)
	w.raw("</defs>")
	if c.bar {
		if lo < 0 {
			w.raw(`<path class="chart-axis" fill="none" stroke-width="1"`)
			w.attr("stroke", colAxis)
			w.raw(` d="M`)
			w.num(l.left)
			w.raw(" ")
			w.num(l.y(0))
			w.raw("H")
			w.num(l.right)
			w.raw(`"/>`)
		}
		c.bars(w, &l, fills, false)
	} else {
		c.lines(w, &l, 2.6, 1.75, true)
	}
	y := l.y(c.vals[labelled][li]) + 0.35*sparkFont
	y = max(y, top+0.7*sparkFont)
	y = min(y, height-2)
	w.raw(`<g class="chart-values"`)
	w.attr("fill", colText)
	w.raw(">")
	w.textEl(l.right+5, y, "", label, "")
	w.raw("</g></svg>")
}
