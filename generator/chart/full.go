package chart

import (
	"math"
	"slices"
)

// Geometry of the full chart, in user units. The viewBox is fullW wide, so
// on a 390 px phone (358 px of chart) a 14-unit label is about 12 px and
// at 640 px about 21 px; the page caps the chart's width with CSS.
const (
	fullW    = 420.0
	plotH    = 210.0
	fontSize = 14.0 // axis, legend and value labels
	fontBar  = 13.0 // labels on bars and the sample badge
	pad      = 6.0
	rowH     = 20.0 // a header or legend row
	fontList = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
)

// layout is the plot area and the scale of one chart.
type layout struct {
	left, right, top, bottom float64
	tmin, tmax               float64 // the value domain (first and last tick)
	step                     float64 // width of one period
}

func (l *layout) x(i int) float64 { return l.left + l.step*(float64(i)+0.5) }

func (l *layout) y(v float64) float64 {
	den := l.tmax/2 - l.tmin/2
	if !(den > 0) {
		return l.bottom
	}
	return l.top + (l.tmax/2-v/2)/den*(l.bottom-l.top)
}

// root writes the <svg> start tag, <title> and <desc>.
func (c *chart) root(w *writer, kind string, width, height, fs float64) {
	w.raw(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	w.num(width)
	w.raw(" ")
	w.num(height)
	w.raw(`" width="100%" preserveAspectRatio="xMidYMid meet" role="img"`)
	w.attr("aria-labelledby", c.prefix+"-title "+c.prefix+"-desc")
	w.attr("class", "chart chart-"+kind)
	w.attr("font-family", fontList)
	w.numAttr("font-size", fs)
	w.raw(`><title`)
	w.attr("id", c.prefix+"-title")
	w.raw(">")
	title := c.title
	if c.sample {
		title += " (" + c.labels.Sample + ")"
	}
	w.text(title)
	w.raw(`</title><desc`)
	w.attr("id", c.prefix+"-desc")
	w.raw(">")
	w.text(c.describe())
	w.raw("</desc>")
}

// halo is the attributes of text with a white outline, readable over lines.
const halo = ` stroke="` + colHalo + `" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`

// full draws the line or bar chart of an indicator page.
func (c *chart) full(w *writer) {
	kind := "line"
	if c.bar {
		kind = "bar"
	}
	lo, hi, ok := c.extent()
	if ok && finite(c.target) {
		lo, hi = min(lo, c.target), max(hi, c.target)
	}
	var ticks []float64
	var dec int
	if ok {
		ticks, dec = niceTicks(lo, hi, c.bar)
		ok = len(ticks) >= 2
		c.maxDec = dec + 2
	}

	// Header: the unit above the value axis, the sample badge at the right.
	y := pad
	unitW := textWidth(c.unit, fontSize)
	badgeW := 0.0
	if c.sample {
		badgeW = textWidth(c.labels.Sample, fontBar) + 14
	}
	unitY, badgeY := -1.0, -1.0
	hasUnit := c.unit != "" && ok // no unit above an empty chart
	switch {
	case hasUnit && c.sample && unitW+badgeW+12 > fullW-2*pad:
		badgeY, unitY = y, y+rowH
		y += 2 * rowH
	case hasUnit || c.sample:
		badgeY, unitY = y, y
		y += rowH
	}

	// Legend rows for more than one series.
	type item struct {
		s    int
		x, y float64
		name string
	}
	var legend []item
	if c.s > 1 && ok {
		x := pad
		if y == pad {
			y += 2
		}
		maxRunes := int(math.Floor((fullW - 2*pad - 40) / (0.6 * fontSize)))
		for s := range c.s {
			name := c.names[s]
			if c.latest(s) < 0 {
				name += " (" + c.labels.NoData + ")"
			}
			name = truncate(name, maxRunes)
			wd := textWidth(name, fontSize) + legendText(c.bar)
			if x > pad && x+wd > fullW-pad {
				x = pad
				y += rowH
			}
			legend = append(legend, item{s, x, y, name})
			x += wd + 14
		}
		y += rowH
	}

	l := layout{top: y + fontSize + 2}
	l.bottom = l.top + plotH
	height := l.bottom + fontSize + 10 + pad
	c.root(w, kind, fullW, height, fontSize)

	w.raw("<defs>")
	fills := c.defs(w, 4.2)
	w.raw("</defs>")

	if !ok {
		w.raw(`<g class="chart-nodata"`)
		w.attr("fill", colMuted)
		w.raw(">")
		w.textEl(fullW/2, (l.top+l.bottom)/2, "middle", c.labels.NoData, "")
		w.raw("</g>")
		c.badge(w, badgeY, badgeW)
		w.raw("</svg>")
		return
	}

	l.tmin, l.tmax = ticks[0], ticks[len(ticks)-1]
	tickLabels := make([]string, len(ticks))
	tickW := 0.0
	for i, t := range ticks {
		tickLabels[i] = c.decimal(t, dec)
		tickW = max(tickW, textWidth(tickLabels[i], fontSize))
	}
	// Margins get 10 % more than the estimate: digits are wider than
	// 0.6 em in some fonts (0.64 em in DejaVu Sans).
	l.left = pad + 1.1*tickW + 6

	// End labels of line series: the latest value to the right of its point.
	type endLabel struct {
		x, y float64
		text string
	}
	var ends []endLabel
	endW := 0.0
	if !c.bar {
		for s := range c.s {
			if i := c.latest(s); i >= 0 {
				t := c.value(c.vals[s][i])
				ends = append(ends, endLabel{x: float64(i), y: c.vals[s][i], text: t})
				endW = max(endW, 1.1*textWidth(t, fontSize))
			}
		}
	}
	l.right = fullW - pad - 4
	if len(ends) > 0 {
		l.right = fullW - pad - endW - 6
	}
	if c.n > 0 {
		l.step = (l.right - l.left) / float64(c.n)
	}
	if len(ends) > 0 && l.step/2 > 4 {
		// The last point sits half a step inside the plot: use that room.
		l.right = min(fullW-pad-4, l.right+min(l.step/2-4, endW))
		l.step = (l.right - l.left) / float64(c.n)
	}

	// Grid and value axis.
	w.raw(`<g class="chart-grid" fill="none"`)
	w.attr("stroke", colGrid)
	w.raw(` stroke-width="1"><path d="`)
	for _, t := range ticks {
		w.raw("M")
		w.num(l.left)
		w.raw(" ")
		w.num(l.y(t))
		w.raw("H")
		w.num(l.right)
	}
	w.raw(`"/></g><g class="chart-axis" fill="none"`)
	w.attr("stroke", colAxis)
	w.raw(` stroke-width="1"><path d="M`)
	base := l.bottom
	if l.tmin <= 0 && l.tmax >= 0 {
		base = l.y(0)
	}
	w.num(l.left)
	w.raw(" ")
	w.num(base)
	w.raw("H")
	w.num(l.right)
	w.raw(`"/></g>`)

	w.raw(`<g class="chart-ticks" text-anchor="end"`)
	w.attr("fill", colMuted)
	w.raw(">")
	for i, t := range ticks {
		w.textEl(l.left-6, l.y(t)+0.35*fontSize, "", tickLabels[i], "")
	}
	w.raw("</g>")

	c.periodLabels(w, &l)

	// Target line (label drawn after the series, on top of them).
	ty := 0.0
	if finite(c.target) {
		ty = l.y(c.target)
		w.raw(`<g class="chart-target" fill="none"`)
		w.attr("stroke", colTarget)
		w.raw(` stroke-width="1.5" stroke-dasharray="5 4"><path d="M`)
		w.num(l.left)
		w.raw(" ")
		w.num(ty)
		w.raw("H")
		w.num(l.right)
		w.raw(`"/></g>`)
	}

	if c.bar {
		c.bars(w, &l, fills, true)
	} else {
		c.lines(w, &l, 4.2, 2.5, false)
		// Latest values, pushed apart so that they never overlap.
		for i := range ends {
			ends[i].x = l.x(int(ends[i].x)) + 7
			ends[i].y = l.y(ends[i].y) + 0.35*fontSize
		}
		slices.SortStableFunc(ends, func(a, b endLabel) int {
			switch {
			case a.y < b.y:
				return -1
			case a.y > b.y:
				return 1
			}
			return 0
		})
		gap := fontSize + 1
		for i := 1; i < len(ends); i++ {
			ends[i].y = max(ends[i].y, ends[i-1].y+gap)
		}
		if n := len(ends); n > 0 && ends[n-1].y > height-2 {
			ends[n-1].y = height - 2
			for i := n - 2; i >= 0; i-- {
				ends[i].y = min(ends[i].y, ends[i+1].y-gap)
			}
		}
		w.raw(`<g class="chart-values"`)
		w.attr("fill", colText)
		w.raw(">")
		for _, e := range ends {
			w.textEl(e.x, e.y, "", e.text, halo)
		}
		w.raw("</g>")
	}

	if finite(c.target) {
		label := c.labels.Target + ": " + c.value(c.target)
		ly := ty - 5 // above the line; there is room above the plot
		if ly-0.75*fontSize < l.top-fontSize-2 {
			ly = ty + fontSize + 2
		}
		w.raw(`<g class="chart-target-label"`)
		w.attr("fill", colText)
		w.raw(">")
		w.textEl(l.left+4, ly, "", label, halo)
		w.raw("</g>")
	}

	if len(legend) > 0 {
		w.raw(`<g class="chart-legend"`)
		w.attr("fill", colText)
		w.raw(">")
		for _, it := range legend {
			colour, marker, dash := seriesStyle(it.s)
			cy := it.y + rowH/2
			if c.bar {
				w.raw("<rect")
				w.numAttr("x", it.x)
				w.numAttr("y", cy-7)
				w.raw(` width="14" height="14"`)
				w.attr("fill", fills[it.s])
				w.attr("stroke", colour)
				w.raw("/>")
			} else {
				w.raw(`<path fill="none" stroke-width="2.5"`)
				w.attr("stroke", colour)
				if dashes[dash] != "" {
					w.attr("stroke-dasharray", dashes[dash])
				}
				w.raw(` d="M`)
				w.num(it.x)
				w.raw(" ")
				w.num(cy)
				w.raw(`h28"/>`)
				c.use(w, marker, it.x+14, cy)
			}
			w.textEl(it.x+legendText(c.bar), cy+0.35*fontSize, "", it.name, "")
		}
		w.raw("</g>")
	}
	c.unitLabel(w, unitY)
	c.badge(w, badgeY, badgeW)
	w.raw("</svg>")
}

// legendText is the offset of a legend item's text from its start: after
// a 14-unit swatch of bars or a 28-unit piece of line.
func legendText(bar bool) float64 {
	if bar {
		return 20
	}
	return 34
}

// defs writes the marker shapes (lines) or fill patterns (bars) of every
// series and returns the fill of each bar series.
func (c *chart) defs(w *writer, r float64) []string {
	fills := make([]string, c.s)
	for s := range c.s {
		colour, marker, dash := seriesStyle(s)
		if c.bar {
			fills[s] = fillDef(w, c.prefix+"-f"+itoaSmall(s), dash, colour)
			continue
		}
		// Series s and s+6 share colour and marker, hence the definition.
		if s < len(palette) {
			markerDef(w, c.prefix+"-m"+itoaSmall(marker), marker, r, colour)
		}
	}
	return fills
}

// use writes a marker of series style marker at x, y.
func (c *chart) use(w *writer, marker int, x, y float64) {
	w.raw(`<use href="#`)
	w.raw(c.prefix)
	w.raw("-m")
	w.raw(itoaSmall(marker))
	w.raw(`"`)
	w.numAttr("x", x)
	w.numAttr("y", y)
	w.raw("/>")
}

// periodLabels writes the labels of the period axis, thinned so that they
// never overlap, always including the latest period.
func (c *chart) periodLabels(w *writer, l *layout) {
	if c.n == 0 {
		return
	}
	labels := make([]string, c.n)
	maxW := 0.0
	for i, p := range c.periods {
		labels[i] = c.period(p)
		maxW = max(maxW, textWidth(labels[i], fontSize))
	}
	k := 1
	if l.step > 0 {
		k = max(1, int(math.Ceil((maxW+10)/l.step)))
	}
	type lab struct {
		i            int
		x, lft, rgt  float64
		text         string
		wd           float64
		anchorMiddle bool
	}
	var shown []lab
	for i := c.n - 1; i >= 0; i -= k {
		wd := textWidth(labels[i], fontSize)
		x := l.x(i)
		x = max(x, pad/2+wd/2)
		x = min(x, fullW-pad/2-wd/2)
		shown = append(shown, lab{i: i, x: x, lft: x - wd/2, rgt: x + wd/2, text: labels[i], wd: wd})
	}
	// shown runs from the latest period back; drop any label that a
	// clamped neighbour would overlap.
	kept := shown[:0]
	for _, s := range shown {
		if len(kept) > 0 && s.rgt+8 > kept[len(kept)-1].lft {
			continue
		}
		kept = append(kept, s)
	}
	w.raw(`<g class="chart-periods" text-anchor="middle"`)
	w.attr("fill", colMuted)
	w.raw(">")
	for j := len(kept) - 1; j >= 0; j-- {
		w.textEl(kept[j].x, l.bottom+fontSize+6, "", kept[j].text, "")
	}
	w.raw(`</g><path class="chart-period-ticks" fill="none" stroke-width="1"`)
	w.attr("stroke", colAxis)
	w.raw(` d="`)
	for j := len(kept) - 1; j >= 0; j-- {
		w.raw("M")
		w.num(l.x(kept[j].i))
		w.raw(" ")
		w.num(l.bottom)
		w.raw("v4")
	}
	w.raw(`"/>`)
}

// lines draws the series of a line chart: paths broken at missing values,
// markers at isolated points, the latest point and as many others as fit.
// A sparse chart (sparkline) has markers only at isolated and latest points.
func (c *chart) lines(w *writer, l *layout, r, stroke float64, sparse bool) {
	width := l.right - l.left
	every := 1
	if maxMarkers := int(width / (3 * r)); c.n > maxMarkers && maxMarkers > 0 {
		every = (c.n + maxMarkers - 1) / maxMarkers
	}
	if sparse {
		every = 0
	}
	// Draw the first series last, on top.
	for s := c.s - 1; s >= 0; s-- {
		colour, marker, dash := seriesStyle(s)
		vs := c.vals[s]
		w.raw(`<g class="chart-series chart-series-`)
		w.raw(itoaSmall(s))
		w.raw(`">`)
		if c.latest(s) >= 0 {
			w.raw(`<path fill="none" stroke-linejoin="round"`)
			w.numAttr("stroke-width", stroke)
			w.attr("stroke", colour)
			if dashes[dash] != "" {
				w.attr("stroke-dasharray", dashes[dash])
			} else {
				w.raw(` stroke-linecap="round"`)
			}
			w.raw(` d="`)
			linePath(w, l, vs)
			w.raw(`"/>`)
			last := c.latest(s)
			for i, v := range vs {
				if math.IsNaN(v) {
					continue
				}
				isolated := (i == 0 || math.IsNaN(vs[i-1])) && (i == c.n-1 || math.IsNaN(vs[i+1]))
				if isolated || i == last || every > 0 && (c.n-1-i)%every == 0 {
					c.use(w, marker, l.x(i), l.y(v))
				}
			}
		}
		w.raw("</g>")
	}
}

// bars draws the series of a bar chart side by side in each period; a
// missing value has no bar, a zero a thin one on the baseline.
// Without labels, it draws no value labels (sparklines).
func (c *chart) bars(w *writer, l *layout, fills []string, labels bool) {
	// Only series with values get a slot in the group of bars.
	slot := make([]int, c.s)
	slots := 0
	for s := range c.s {
		slot[s] = slots
		if c.latest(s) >= 0 {
			slots++
		}
	}
	group := l.step * 0.8
	if slots <= 1 {
		group = l.step * 0.7
	}
	bw := group / float64(max(slots, 1))
	inner := bw - min(1.5, bw*0.15)
	if slots <= 1 {
		inner = bw
	}
	zero := l.y(0)
	// Value labels on the bars when every one fits, else only the latest
	// of a single series.
	room := inner + 2
	if slots <= 1 {
		room = l.step - 4
	}
	fit := labels
	for s := 0; s < c.s && fit; s++ {
		for _, v := range c.vals[s] {
			if !math.IsNaN(v) && textWidth(c.value(v), fontBar) > room {
				fit = false
				break
			}
		}
	}
	for s := range c.s {
		colour, _, _ := seriesStyle(s)
		w.raw(`<g class="chart-series chart-series-`)
		w.raw(itoaSmall(s))
		w.raw(`"`)
		w.attr("fill", fills[s])
		if fills[s] != colour {
			w.attr("stroke", colour)
			w.raw(` stroke-width="1"`)
		}
		w.raw(`><path d="`)
		// Bars narrower than one unit that fall into the same unit-wide
		// column are drawn as one rectangle covering them all, which looks
		// the same and keeps thousands of periods small.
		var run struct {
			x0, x1, top, bot, col float64
			on                    bool
		}
		flush := func() {
			if run.on {
				w.raw("M")
				w.num(run.x0)
				w.raw(" ")
				w.num(run.bot)
				w.raw("H")
				w.num(run.x1)
				w.raw("V")
				w.num(run.top)
				w.raw("H")
				w.num(run.x0)
				w.raw("Z")
			}
			run.on = false
		}
		for i, v := range c.vals[s] {
			if math.IsNaN(v) {
				flush()
				continue
			}
			x := l.x(i) - group/2 + float64(slot[s])*bw + (bw-inner)/2
			top, bot := min(zero, l.y(v)), max(zero, l.y(v))
			if bot-top < 1.5 {
				top, bot = zero-0.75, zero+0.75
			}
			if col := math.Floor(x); run.on && inner < 1 && col == run.col {
				run.x1, run.top, run.bot = x+inner, min(run.top, top), max(run.bot, bot)
				continue
			}
			flush()
			run.x0, run.x1, run.top, run.bot, run.col, run.on = x, x+inner, top, bot, math.Floor(x), true
		}
		flush()
		w.raw(`"/></g>`)
	}
	w.raw(`<g class="chart-values" text-anchor="middle"`)
	w.attr("fill", colText)
	w.numAttr("font-size", fontBar)
	w.raw(">")
	for s := range c.s {
		last := c.latest(s)
		for i, v := range c.vals[s] {
			// A zero is labelled whenever labels are on, to tell it from a
			// missing value.
			if math.IsNaN(v) || !(fit || labels && (slots == 1 && i == last || v == 0)) {
				continue
			}
			x := l.x(i) - group/2 + float64(slot[s])*bw + bw/2
			y := l.y(v) - 4
			if v < 0 {
				y = l.y(v) + fontBar
			}
			y = min(y, l.bottom-2)
			w.textEl(x, y, "", c.value(v), halo)
		}
	}
	w.raw("</g>")
}

// unitLabel writes the unit above the value axis.
func (c *chart) unitLabel(w *writer, y float64) {
	if c.unit == "" || y < 0 {
		return
	}
	w.raw(`<g class="chart-unit"`)
	w.attr("fill", colMuted)
	w.raw(">")
	w.textEl(pad, y+rowH/2+0.35*fontSize, "", truncate(c.unit, int(math.Floor((fullW-2*pad)/(0.6*fontSize)))), "")
	w.raw("</g>")
}

// badge writes the sample-data badge at the top right.
func (c *chart) badge(w *writer, y, width float64) {
	if !c.sample || y < 0 {
		return
	}
	width = min(width, fullW-2*pad)
	x := fullW - pad - width
	w.raw(`<g class="chart-sample"><rect rx="3" height="18" stroke-width="1"`)
	w.numAttr("x", x)
	w.numAttr("y", y+1)
	w.numAttr("width", width)
	w.attr("fill", colBadge)
	w.attr("stroke", colBadgeB)
	w.raw("/>")
	w.textEl(x+width/2, y+1+9+0.35*fontBar, "middle", c.labels.Sample, ` font-weight="bold"`+` fill="`+colBadgeT+`" font-size="12"`)
	w.raw("</g>")
}

// itoaSmall formats a small non-negative int.
func itoaSmall(n int) string {
	if n >= 0 && n < 10 {
		return string(rune('0' + n))
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// linePath writes the path data of one series, broken at missing values.
// When periods are narrower than one user unit, each unit-wide column of a
// stretch without gaps keeps only its first, lowest, highest and last
// point: the drawing looks the same and ten thousand periods stay small.
func linePath(w *writer, l *layout, vs []float64) {
	up := true
	point := func(i int) {
		if up {
			w.raw("M")
		} else {
			w.raw("L")
		}
		up = false
		w.num(l.x(i))
		w.raw(" ")
		w.num(l.y(vs[i]))
	}
	if l.step >= 1 {
		for i, v := range vs {
			if math.IsNaN(v) {
				up = true
				continue
			}
			point(i)
		}
		return
	}
	first, lo, hi, last := -1, -1, -1, -1
	col := math.Inf(-1)
	flush := func() {
		if first < 0 {
			return
		}
		keep := [4]int{first, lo, hi, last}
		slices.Sort(keep[:])
		for k, i := range keep {
			if k == 0 || i != keep[k-1] {
				point(i)
			}
		}
		first = -1
	}
	for i, v := range vs {
		if math.IsNaN(v) {
			flush()
			up = true
			continue
		}
		if c := math.Floor(l.x(i)); c != col {
			flush()
			col = c
		}
		if first < 0 {
			first, lo, hi = i, i, i
		}
		last = i
		if v < vs[lo] {
			lo = i
		}
		if v > vs[hi] {
			hi = i
		}
	}
	flush()
}
