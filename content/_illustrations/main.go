// Command _illustrations draws the illustrations of the example stories in
// content/stories/. They are honest drawings, not photographs: every one is
// computed here from shapes and seeded noise, so running the program again
// gives byte-identical files.
//
// Run from the repository root:
//
//	go run ./content/_illustrations            every illustration
//	go run ./content/_illustrations vysypka    only files whose path contains "vysypka"
//
// The folder starts with "_", so neither the go tool's ./... patterns nor the
// portal's content loader read it.
package main

import (
	"bufio"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// W and H are the size of every illustration: large enough for the
// portal's 480, 960 and 1600 px variants.
const (
	W       = 2400
	H       = 1600
	quality = 85
)

func main() {
	out := filepath.Join("content", "stories")
	if _, err := os.Stat(filepath.Join("content", "site.toml")); err != nil {
		fmt.Fprintln(os.Stderr, "run this from the repository root: go run ./content/_illustrations")
		os.Exit(2)
	}
	jobs := []struct {
		file string
		draw func() *canvas
	}{
		{"sokolovsko-jezero-medard/jezero-vecer.jpg", eveningLake},
		{"sokolovsko-jezero-medard/lom-pred.jpg", func() *canvas { return quarry(false) }},
		{"sokolovsko-jezero-medard/jezero-po.jpg", func() *canvas { return quarry(true) }},
		{"sokolovsko-jezero-medard/mesto-nad-ohri.jpg", riverTown},
		{"krajina-usteckeho-kraje/skalni-brana.jpg", sandstoneArch},
		{"krajina-usteckeho-kraje/osamely-vrch.jpg", loneHill},
		{"krajina-usteckeho-kraje/vysypka-pred.jpg", func() *canvas { return spoilHeap(false) }},
		{"krajina-usteckeho-kraje/vysypka-po.jpg", func() *canvas { return spoilHeap(true) }},
		{"krajina-usteckeho-kraje/mesto-pod-stredohorim.jpg", conicalHillsTown},
		{"chytrejsi-kraj-mereni-budov/budova-schema.jpg", buildingSchematic},
		{"chytrejsi-kraj-mereni-budov/merice.jpg", metersSchematic},
		{"chytrejsi-kraj-mereni-budov/graf-spotreby.jpg", monitorSchematic},
		{"chytrejsi-kraj-mereni-budov/mesto-pod-jestedem.jpg", towerRidge},
	}
	for _, j := range jobs {
		if !wanted(j.file) {
			continue
		}
		path := filepath.Join(out, filepath.FromSlash(j.file))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail(err)
		}
		c := j.draw()
		if err := c.save(path); err != nil {
			fail(err)
		}
		st, _ := os.Stat(path)
		fmt.Printf("%-55s %4d KB\n", path, st.Size()/1024)
	}
}

// wanted reports whether a file was asked for: with no arguments every
// file is drawn, otherwise those whose path contains one of them.
func wanted(file string) bool {
	if len(os.Args) < 2 {
		return true
	}
	for _, a := range os.Args[1:] {
		if strings.Contains(file, a) {
			return true
		}
	}
	return false
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// ---------------------------------------------------------------------------
// Colours and the canvas

type col struct{ r, g, b float64 }

func hex(s string) col {
	var v uint32
	fmt.Sscanf(s, "%06x", &v)
	return col{float64(v>>16&255) / 255, float64(v>>8&255) / 255, float64(v&255) / 255}
}

func mix(a, b col, t float64) col {
	return col{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t}
}

func (c col) mul(f float64) col { return col{c.r * f, c.g * f, c.b * f} }
func (c col) add(d float64) col { return col{c.r + d, c.g + d, c.b + d} }

type canvas struct {
	w, h int
	p    []float32
}

func newCanvas() *canvas { return &canvas{W, H, make([]float32, W*H*3)} }

func (c *canvas) at(x, y int) col {
	x = clampi(x, 0, c.w-1)
	y = clampi(y, 0, c.h-1)
	i := (y*c.w + x) * 3
	return col{float64(c.p[i]), float64(c.p[i+1]), float64(c.p[i+2])}
}

func (c *canvas) blend(x, y int, k col, a float64) {
	if x < 0 || y < 0 || x >= c.w || y >= c.h || a <= 0 {
		return
	}
	if a > 1 {
		a = 1
	}
	i := (y*c.w + x) * 3
	c.p[i] += float32((k.r - float64(c.p[i])) * a)
	c.p[i+1] += float32((k.g - float64(c.p[i+1])) * a)
	c.p[i+2] += float32((k.b - float64(c.p[i+2])) * a)
}

func (c *canvas) clone() *canvas {
	d := &canvas{c.w, c.h, make([]float32, len(c.p))}
	copy(d.p, c.p)
	return d
}

// save adds a fine, gentle grain (so the flat areas look like a print, not
// like banding) and writes a baseline JPEG.
func (c *canvas) save(path string) error {
	grain := newNoise(991)
	img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	for y := 0; y < c.h; y++ {
		for x := 0; x < c.w; x++ {
			i := (y*c.w + x) * 3
			g := 0.010 * grain.fbm(float64(x)/2.2, float64(y)/2.2, 2)
			img.Pix[(y*c.w+x)*4+0] = to8(float64(c.p[i]) + g)
			img.Pix[(y*c.w+x)*4+1] = to8(float64(c.p[i+1]) + g)
			img.Pix[(y*c.w+x)*4+2] = to8(float64(c.p[i+2]) + g)
			img.Pix[(y*c.w+x)*4+3] = 255
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := jpeg.Encode(bw, img, &jpeg.Options{Quality: quality}); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func to8(v float64) uint8 {
	v = v*255 + 0.5
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}

// ---------------------------------------------------------------------------
// Noise

// noise is seeded value noise: a lattice of random values, smoothly
// interpolated, summed over octaves by fbm.
type noise struct {
	perm [512]int
	val  [256]float64
}

func newNoise(seed uint64) *noise {
	r := rand.New(rand.NewPCG(seed, 0x7261_6e73_666f_726d))
	n := &noise{}
	p := r.Perm(256)
	for i := range 512 {
		n.perm[i] = p[i&255]
	}
	for i := range n.val {
		n.val[i] = r.Float64()*2 - 1
	}
	return n
}

func (n *noise) lat(ix, iy int) float64 { return n.val[n.perm[n.perm[ix&255]+(iy&255)]] }

func (n *noise) at(x, y float64) float64 {
	fx, fy := math.Floor(x), math.Floor(y)
	ix, iy := int(fx), int(fy)
	tx, ty := fade(x-fx), fade(y-fy)
	a := n.lat(ix, iy) + (n.lat(ix+1, iy)-n.lat(ix, iy))*tx
	b := n.lat(ix, iy+1) + (n.lat(ix+1, iy+1)-n.lat(ix, iy+1))*tx
	return a + (b-a)*ty
}

// fbm sums oct octaves; the result lies roughly in [-1, 1].
func (n *noise) fbm(x, y float64, oct int) float64 {
	sum, amp, norm := 0.0, 1.0, 0.0
	for o := range oct {
		sum += amp * n.at(x, y+float64(o)*17.3)
		norm += amp
		amp *= 0.5
		x, y = x*2.03, y*2.03
	}
	return sum / norm
}

func fade(t float64) float64 { return t * t * t * (t*(t*6-15) + 10) }

func clamp(v, lo, hi float64) float64    { return math.Max(lo, math.Min(hi, v)) }
func clampi(v, lo, hi int) int           { return max(lo, min(hi, v)) }
func smooth(a, b, v float64) float64     { t := clamp((v-a)/(b-a), 0, 1); return t * t * (3 - 2*t) }
func gauss(x, mu, sigma float64) float64 { d := (x - mu) / sigma; return math.Exp(-d * d / 2) }

// ---------------------------------------------------------------------------
// Drawing primitives

// shader colours a point of a shape.
type shader func(x, y float64) col

func flat(c col) shader { return func(float64, float64) col { return c } }

// vertical fills the whole canvas with a gradient through the given stops
// (position 0 = top, 1 = bottom).
func (c *canvas) vertical(stops ...stop) {
	for y := 0; y < c.h; y++ {
		k := gradient(float64(y)/float64(c.h-1), stops)
		for x := 0; x < c.w; x++ {
			c.blend(x, y, k, 1)
		}
	}
}

type stop struct {
	at float64
	c  col
}

func gradient(t float64, stops []stop) col {
	if t <= stops[0].at {
		return stops[0].c
	}
	for i := 1; i < len(stops); i++ {
		if t <= stops[i].at {
			a, b := stops[i-1], stops[i]
			return mix(a.c, b.c, smooth(0, 1, (t-a.at)/(b.at-a.at)))
		}
	}
	return stops[len(stops)-1].c
}

// glow brightens the canvas around (cx, cy), a soft sun or light source.
func (c *canvas) glow(cx, cy, r float64, k col, strength float64) {
	for y := 0; y < c.h; y++ {
		for x := 0; x < c.w; x++ {
			d := math.Hypot(float64(x)-cx, float64(y)-cy)
			a := strength * math.Exp(-d/r)
			if a > 0.002 {
				c.blend(x, y, k, a)
			}
		}
	}
}

// clouds paints soft, flat-bottomed clouds between y0 and y1.
func (c *canvas) clouds(n *noise, y0, y1, cover float64, k col, sx, sy float64) {
	for y := int(y0); y < int(y1); y++ {
		fy := float64(y)
		band := smooth(y0, y0+(y1-y0)*0.3, fy) * (1 - smooth(y0+(y1-y0)*0.6, y1, fy))
		for x := 0; x < c.w; x++ {
			d := n.fbm(float64(x)/sx, fy/sy, 5)
			a := smooth(cover, cover+0.25, d) * band
			if a > 0 {
				c.blend(x, y, mix(k, k.mul(0.9), smooth(0, 1, (fy-y0)/(y1-y0))), a*0.85)
			}
		}
	}
}

// below fills every column from the curve top(x) down to bottom(x) (or to
// the canvas edge when bottom is nil), antialiasing the upper edge.
func (c *canvas) below(top func(x float64) float64, bottom func(x float64) float64, sh shader) {
	for x := 0; x < c.w; x++ {
		fx := float64(x) + 0.5
		t := top(fx)
		end := float64(c.h)
		if bottom != nil {
			end = math.Min(end, bottom(fx))
		}
		for y := max(0, int(math.Floor(t))); y < int(math.Ceil(end)) && y < c.h; y++ {
			a := clamp(float64(y)+1-t, 0, 1) * clamp(end-float64(y), 0, 1)
			if a > 0 {
				c.blend(x, y, sh(fx, float64(y)+0.5), a)
			}
		}
	}
}

// sdf is a signed distance in pixels: negative inside a shape.
type sdf func(x, y float64) float64

// fill draws a shape given by its signed distance, within a bounding box.
func (c *canvas) fill(x0, y0, x1, y1 float64, d sdf, sh shader) {
	for y := max(0, int(y0)-1); y <= min(c.h-1, int(y1)+1); y++ {
		for x := max(0, int(x0)-1); x <= min(c.w-1, int(x1)+1); x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			v := d(fx, fy)
			if v < 0.5 {
				c.blend(x, y, sh(fx, fy), clamp(0.5-v, 0, 1))
			}
		}
	}
}

func circle(cx, cy, r float64) sdf {
	return func(x, y float64) float64 { return math.Hypot(x-cx, y-cy) - r }
}

func ring(cx, cy, r, width float64) sdf {
	return func(x, y float64) float64 { return math.Abs(math.Hypot(x-cx, y-cy)-r) - width/2 }
}

// box is a rectangle with rounded corners of radius rad.
func box(x0, y0, x1, y1, rad float64) sdf {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-rad, (y1-y0)/2-rad
	return func(x, y float64) float64 {
		qx, qy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
		return math.Hypot(math.Max(qx, 0), math.Max(qy, 0)) + math.Min(math.Max(qx, qy), 0) - rad
	}
}

// capsule is a thick line from (ax, ay) to (bx, by).
func capsule(ax, ay, bx, by, r float64) sdf {
	return func(x, y float64) float64 {
		px, py := x-ax, y-ay
		dx, dy := bx-ax, by-ay
		h := clamp((px*dx+py*dy)/(dx*dx+dy*dy), 0, 1)
		return math.Hypot(px-dx*h, py-dy*h) - r
	}
}

// ellipse is an approximate distance to an ellipse (first-order, exact
// enough for an antialiased edge).
func ellipse(cx, cy, rx, ry float64) sdf {
	return func(x, y float64) float64 {
		u, v := (x-cx)/rx, (y-cy)/ry
		k := math.Hypot(u, v)
		g := math.Hypot(u/rx, v/ry)
		if k == 0 || g == 0 {
			return -math.Min(rx, ry)
		}
		return (k - 1) * k / g
	}
}

// polygon is the signed distance to a closed polygon.
func polygon(pts ...[2]float64) sdf {
	return func(x, y float64) float64 {
		d := math.Inf(1)
		inside := false
		for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
			ax, ay := pts[j][0], pts[j][1]
			bx, by := pts[i][0], pts[i][1]
			ex, ey := bx-ax, by-ay
			wx, wy := x-ax, y-ay
			h := clamp((wx*ex+wy*ey)/(ex*ex+ey*ey), 0, 1)
			d = math.Min(d, math.Hypot(wx-ex*h, wy-ey*h))
			if (ay > y) != (by > y) && x < ax+(y-ay)*ex/ey {
				inside = !inside
			}
		}
		if inside {
			return -d
		}
		return d
	}
}

func union(a, b sdf) sdf    { return func(x, y float64) float64 { return math.Min(a(x, y), b(x, y)) } }
func subtract(a, b sdf) sdf { return func(x, y float64) float64 { return math.Max(a(x, y), -b(x, y)) } }
func intersect(a, b sdf) sdf {
	return func(x, y float64) float64 { return math.Max(a(x, y), b(x, y)) }
}

func bounds(pts ...[2]float64) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		x0, y0 = math.Min(x0, p[0]), math.Min(y0, p[1])
		x1, y1 = math.Max(x1, p[0]), math.Max(y1, p[1])
	}
	return
}

func (c *canvas) poly(sh shader, pts ...[2]float64) {
	x0, y0, x1, y1 := bounds(pts...)
	c.fill(x0, y0, x1, y1, polygon(pts...), sh)
}

func (c *canvas) disc(cx, cy, r float64, sh shader) {
	c.fill(cx-r, cy-r, cx+r, cy+r, circle(cx, cy, r), sh)
}

func (c *canvas) rect(x0, y0, x1, y1, rad float64, sh shader) {
	c.fill(x0, y0, x1, y1, box(x0, y0, x1, y1, rad), sh)
}

func (c *canvas) line(ax, ay, bx, by, width float64, sh shader) {
	r := width / 2
	c.fill(math.Min(ax, bx)-r, math.Min(ay, by)-r, math.Max(ax, bx)+r, math.Max(ay, by)+r, capsule(ax, ay, bx, by, r), sh)
}

// dashed draws a dashed line of round dots and dashes.
func (c *canvas) dashed(pts [][2]float64, width, dash, gap float64, sh shader) {
	for i := 1; i < len(pts); i++ {
		ax, ay, bx, by := pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1]
		l := math.Hypot(bx-ax, by-ay)
		for s := 0.0; s < l; s += dash + gap {
			e := math.Min(s+dash, l)
			c.line(ax+(bx-ax)*s/l, ay+(by-ay)*s/l, ax+(bx-ax)*e/l, ay+(by-ay)*e/l, width, sh)
		}
	}
}

// ---------------------------------------------------------------------------
// Landscape elements

// ridgeLine is a skyline: base minus fractal noise.
func ridgeLine(n *noise, base, amp, scale, row float64, oct int) func(x float64) float64 {
	return func(x float64) float64 { return base - amp*n.fbm(x/scale, row, oct) }
}

// hazy shades a far layer: its own colour fading into the haze colour
// towards its foot, with a faint mottled texture.
func hazy(n *noise, k, haze col, top, foot, tex float64) shader {
	return func(x, y float64) col {
		t := smooth(top, foot, y)
		v := 1 + tex*n.fbm(x/40, y/25, 3)
		return mix(k, haze, 0.45*t).mul(v)
	}
}

// canopy shades woodland: blotches of lighter and darker crowns.
func canopy(n *noise, dark, light col, size float64) shader {
	return func(x, y float64) col {
		a := n.fbm(x/size, y/(size*0.8), 3)
		b := n.at(x/(size*0.35), y/(size*0.3))
		return mix(dark, light, clamp(0.5+0.9*a+0.25*b, 0, 1))
	}
}

// conifer draws a spruce-like tree standing at (x, base).
func (c *canvas) conifer(x, base, h, w float64, k col, n *noise) {
	top := base - h
	d := func(px, py float64) float64 {
		v := (base - py) / h // 0 at the foot, 1 at the top
		dv := math.Max(-v, v-1) * h
		v = clamp(v, 0, 1)
		tier := 0.5 + 0.5*math.Sin(v*h/9)
		half := (w / 2) * (1 - v) * (0.8 + 0.2*tier) * (1 + 0.12*n.at(px/4, py/4))
		return math.Max(math.Abs(px-x)-half, dv)
	}
	c.fill(x-w/2-2, top-2, x+w/2+2, base+2, d, func(px, py float64) col {
		side := clamp((px-x)/(w/2), -1, 1)
		return k.mul(1 - 0.12*side)
	})
}

// broadleaf draws a round deciduous tree standing at (x, base), h tall.
func (c *canvas) broadleaf(x, base, h float64, k col, n *noise, rng *rand.Rand) {
	r := h * 0.36
	cy := base - h + r
	c.fill(x-r, base-r*0.12, x+r, base+r*0.12, ellipse(x+r*0.15, base, r*0.8, r*0.09), flat(k.mul(0.6)))
	c.poly(flat(hex("5a5148")), [2]float64{x - r*0.08, base}, [2]float64{x - r*0.045, cy}, [2]float64{x + r*0.045, cy}, [2]float64{x + r*0.08, base})
	for i := range 11 {
		a := float64(i)/11*2*math.Pi + rng.Float64()*0.4
		d := 0.15 + 0.5*rng.Float64()
		ox, oy := math.Cos(a)*r*0.62*d, math.Sin(a)*r*0.55*d-r*0.05
		rr := r * (0.42 + 0.16*rng.Float64())
		c.disc(x+ox, cy+oy, rr, func(px, py float64) col {
			lit := clamp(0.55-((px-x)*0.6+(py-cy))/(2.2*r), 0, 1)
			return mix(k.mul(0.78), k.mul(1.2), lit).mul(1 + 0.1*n.fbm(px/7, py/7, 2))
		})
	}
}

// townStyle says what a row of buildings is made of and how far away it is.
type townStyle struct {
	blocks, houses, towers, chimneys float64 // relative frequencies
	haze                             col     // colour of the air in front
	hazeAmt                          float64 // 0 near, 1 lost in haze
	lit                              bool    // evening: some windows glow
}

var (
	facades = []col{hex("efe6d3"), hex("e4d2ae"), hex("dcd8cf"), hex("e9d3c6"), hex("d8cdb8"), hex("f3efe6")}
	roofs   = []col{hex("b2674b"), hex("a45d45"), hex("8f6a5a"), hex("6f6963")}
)

// town draws a row of buildings standing on baseY between x0 and x1:
// blocks of flats, houses with tiled gable roofs, church towers and
// chimneys, seen through haze.
func (c *canvas) town(x0, x1, baseY, s float64, st townStyle, rng *rand.Rand) {
	hz := func(k col) shader { return flat(mix(k, st.haze, st.hazeAmt)) }
	winDark, winLit := hex("7b8794"), hex("f4d59a")
	win := func() col {
		if st.lit && rng.Float64() < 0.3 {
			return winLit
		}
		return winDark
	}
	total := st.blocks + st.houses + st.towers + st.chimneys
	x := x0
	for x < x1 {
		r := rng.Float64() * total
		fac := facades[rng.IntN(len(facades))]
		roof := roofs[rng.IntN(len(roofs))]
		switch {
		case r < st.blocks:
			w := (150 + rng.Float64()*170) * s
			h := (70 + rng.Float64()*100) * s
			c.rect(x, baseY-h, x+w, baseY+2, 0, hz(fac))
			c.rect(x+w-7*s, baseY-h, x+w, baseY+2, 0, hz(fac.mul(0.86)))
			c.rect(x-2*s, baseY-h-5*s, x+w+2*s, baseY-h+1, 0, hz(hex("8d8a86")))
			for wy := baseY - h + 9*s; wy < baseY-10*s; wy += 15 * s {
				for wx := x + 7*s; wx < x+w-14*s; wx += 13 * s {
					c.rect(wx, wy, wx+7*s, wy+7*s, 0, hz(mix(fac, win(), 0.7)))
				}
			}
			x += w + (6+rng.Float64()*26)*s
		case r < st.blocks+st.houses:
			w := (46 + rng.Float64()*50) * s
			h := (30 + rng.Float64()*26) * s
			c.rect(x, baseY-h, x+w, baseY+2, 0, hz(fac))
			c.poly(hz(roof), [2]float64{x - 5*s, baseY - h + 2}, [2]float64{x + w*0.5, baseY - h - w*0.55}, [2]float64{x + w + 5*s, baseY - h + 2})
			for i := 0; i < int(w/(22*s)); i++ {
				wx := x + 8*s + float64(i)*22*s
				c.rect(wx, baseY-h*0.7, wx+8*s, baseY-h*0.7+10*s, 0, hz(mix(fac, win(), 0.75)))
			}
			x += w + (2+rng.Float64()*10)*s
		case r < st.blocks+st.houses+st.towers:
			w := (24 + rng.Float64()*8) * s
			h := (170 + rng.Float64()*60) * s
			spire := hex("6f7d78")
			c.rect(x, baseY-h, x+w, baseY+2, 0, hz(fac))
			c.rect(x+w-5*s, baseY-h, x+w, baseY+2, 0, hz(fac.mul(0.86)))
			c.poly(hz(spire), [2]float64{x - 3*s, baseY - h + 1}, [2]float64{x + w/2, baseY - h - 80*s}, [2]float64{x + w + 3*s, baseY - h + 1})
			c.disc(x+w/2, baseY-h+18*s, 6*s, hz(hex("4e5a5c")))
			c.rect(x+w/2-3*s, baseY-h+40*s, x+w/2+3*s, baseY-h+58*s, 0, hz(winDark))
			x += w + (4+rng.Float64()*10)*s
		default:
			w := (14 + rng.Float64()*6) * s
			h := (260 + rng.Float64()*80) * s
			k := hex("c9c5bd")
			c.poly(hz(k), [2]float64{x, baseY + 2}, [2]float64{x + w*0.22, baseY - h}, [2]float64{x + w*0.78, baseY - h}, [2]float64{x + w, baseY + 2})
			c.rect(x+w*0.2, baseY-h, x+w*0.8, baseY-h+10*s, 0, hz(k.mul(0.8)))
			x += w + (30+rng.Float64()*40)*s
		}
	}
}

// reflect paints water inside shape d: the scene mirrored about the far
// shore line shore(x), broken by gentle ripples and mixed with the water's
// own colour; mirror (0–1) says how clear the reflection is near the shore.
func (c *canvas) reflect(x0, y0, x1, y1 float64, d sdf, shore func(x float64) float64, water col, n *noise, mirror float64) {
	src := c.clone()
	cache := make([]float64, c.w)
	for x := range cache {
		cache[x] = shore(float64(x) + 0.5)
	}
	c.fill(x0, y0, x1, y1, d, func(x, y float64) col {
		s := cache[clampi(int(x), 0, c.w-1)]
		depth := clamp((y-s)/450, 0, 1)
		rip := n.fbm(x/90, y/3.5, 3)
		my := 2*s - y + rip*4*(0.4+depth*3)
		mx := x + rip*10*depth
		m := src.at(int(mx), int(my))
		k := mix(m, water, 1-mirror*(1-0.6*depth))
		return k.mul(0.94 + 0.08*rip)
	})
}

// ---------------------------------------------------------------------------
// Story 1: Sokolovsko, a quarry becoming a lake

// pitGeom is an open-cast mine seen from its rim: nested, irregular
// ellipses, each lower, smaller and shifted, clipped to the outer rim.
// Level k is the top edge of the k-th terrace face.
type pitGeom struct {
	cx, cy, rx, ry     float64
	dcx, dcy, drx, dry float64
	levels             int
	n                  *noise
}

func (p pitGeom) centre(k float64) (cx, cy, rx, ry float64) {
	return p.cx + k*p.dcx, p.cy + k*p.dcy, p.rx - k*p.drx, p.ry - k*p.dry
}

func (p pitGeom) level(k float64) sdf {
	cx, cy, rx, ry := p.centre(k)
	base := ellipse(cx, cy, rx, ry)
	return func(x, y float64) float64 {
		a := math.Atan2((y-cy)/ry, (x-cx)/rx)
		wob := 0.05*p.n.fbm(math.Cos(a)*2.2+k*0.35, math.Sin(a)*2.2+k*0.2, 3) + 0.008*p.n.at(math.Cos(a)*16, math.Sin(a)*16+k)
		return base(x, y) - wob*ry*1.8
	}
}

func (p pitGeom) clipped(k float64) sdf { return intersect(p.level(k), p.level(0)) }

func (p pitGeom) box() (float64, float64, float64, float64) {
	return p.cx - p.rx*1.12, p.cy - p.ry*1.12, p.cx + p.rx*1.12, p.cy + p.ry*1.12
}

// firstInside is, for column x, the highest row inside shape d between
// y0 and y1 (the far shore of a lake).
func firstInside(d sdf, y0, y1 float64) func(x float64) float64 {
	return func(x float64) float64 {
		for y := y0; y < y1; y++ {
			if d(x, y) < 0 {
				return y
			}
		}
		return y1
	}
}

// quarry draws the same place twice: an open-cast lignite mine with its
// terraces, conveyor and spoil heaps, or, years later, a lake in the pit
// with wooded heaps and green banks.
func quarry(lake bool) *canvas {
	n := newNoise(11)
	tex := newNoise(12)
	c := newCanvas()
	c.vertical(stop{0, hex("8fb0c8")}, stop{0.28, hex("bcd0dc")}, stop{0.40, hex("e4e4da")})
	c.glow(620, 260, 420, hex("fff6e0"), 0.35)
	c.clouds(newNoise(13), 90, 420, 0.18, hex("f4f2ec"), 520, 120)

	// far mountains and a nearer wooded ridge
	far := ridgeLine(n, 470, 70, 700, 1.5, 4)
	c.below(far, nil, hazy(tex, hex("8e9fb0"), hex("c9d3da"), 380, 600, 0.03))
	mid := ridgeLine(n, 560, 45, 380, 4.5, 5)
	c.below(func(x float64) float64 { return mid(x) - 6*math.Abs(n.at(x/14, 3)) }, nil, hazy(tex, hex("6f8463"), hex("b5c0b4"), 480, 640, 0.05))

	// fields on the plain
	c.below(func(x float64) float64 { return 612 + 10*n.fbm(x/500, 8, 3) }, nil, func(x, y float64) col {
		band := n.at(x/260+y/60, y/30)
		k := mix(hex("9aa874"), hex("c2b889"), smooth(-0.2, 0.3, band))
		return mix(k, hex("c3cbc0"), 0.35*(1-smooth(610, 760, y))).mul(1 + 0.03*tex.fbm(x/12, y/8, 2))
	})

	// spoil heaps behind the far rim, bare before and wooded after
	heap := func(x float64) float64 {
		h := 170*gauss(x, 1850, 260) + 120*gauss(x, 2180, 200) + 110*gauss(x, 430, 230) + 50*gauss(x, 1530, 140)
		return 690 - h*(1+0.05*n.fbm(x/60, 22, 3)) - 3*math.Abs(n.at(x/9, 23))*smooth(20, 60, h)
	}
	if lake {
		c.below(func(x float64) float64 { return heap(x) - 8*math.Abs(n.at(x/11, 24)) }, func(float64) float64 { return 720 }, canopy(tex, hex("43603d"), hex("86a06d"), 14))
	} else {
		c.below(heap, func(float64) float64 { return 720 }, func(x, y float64) col {
			gully := tex.fbm(x/7, y/70, 3)
			k := mix(hex("8e8474"), hex("b4a690"), clamp(0.5+gully, 0, 1))
			return k.mul(1 - 0.12*smooth(0, 1, (x-1850)/300))
		})
	}

	// the land around the pit and a strip of woodland along the rim
	c.below(func(x float64) float64 { return 680 + 8*n.fbm(x/300, 30, 3) }, nil, func(x, y float64) col {
		k := mix(hex("8d9a66"), hex("6f8052"), smooth(680, 1300, y))
		return k.mul(1 + 0.06*tex.fbm(x/25, y/18, 3))
	})
	c.below(func(x float64) float64 { return 668 + 6*n.fbm(x/200, 40, 2) - 10*math.Abs(n.at(x/12, 41)) }, func(float64) float64 { return 700 }, canopy(tex, hex("4d6543"), hex("869a6c"), 10))

	p := pitGeom{cx: 1180, cy: 980, rx: 1120, ry: 300, dcx: 38, dcy: 30, drx: 112, dry: 30, levels: 7, n: n}
	x0, y0, x1, y1 := p.box()
	const water = 2.45
	veg := canopy(tex, hex("58734b"), hex("9db07a"), 9)
	for k := 0; k < p.levels; k++ {
		kf := float64(k)
		deep := kf / float64(p.levels)
		green := lake && kf < water
		c.fill(x0, y0, x1, y1, p.clipped(kf), func(x, y float64) col {
			lit := 0.92 + 0.16*clamp(-(x-p.cx)/p.rx, -1, 1)
			streak := tex.fbm(x/6, y/90, 3)
			strata := 0.03 * math.Sin(y/5+tex.at(x/80, y/40)*3)
			if green {
				return mix(veg(x, y), hex("9c917c"), 0.2*clamp(0.5+streak, 0, 1)).mul(lit)
			}
			k := mix(hex("ab9d85"), hex("54483c"), smooth(0.25, 0.95, deep))
			return k.mul(lit * (1 + 0.14*streak + strata))
		})
		c.fill(x0, y0, x1, y1, p.clipped(kf+0.7), func(x, y float64) col {
			grain := tex.fbm(x/18, y/5, 2)
			if green {
				return mix(hex("a6b684"), hex("c9c79a"), clamp(0.5+grain, 0, 1))
			}
			k := mix(hex("c2b59d"), hex("857665"), smooth(0.3, 1, deep))
			return k.mul(1 + 0.06*grain)
		})
	}
	c.fill(x0, y0, x1, y1, p.clipped(float64(p.levels)), func(x, y float64) col {
		return hex("675b4f").mul(1 + 0.06*tex.fbm(x/10, y/6, 2))
	})

	if !lake {
		// ground water gathering on the floor of the pit
		cx, cy, _, _ := p.centre(float64(p.levels))
		c.fill(x0, y0, x1, y1, intersect(p.clipped(float64(p.levels)+0.8), ellipse(cx+40, cy+10, 190, 22)), flat(hex("7f8d88")))
		// a conveyor along one bench and a bucket-wheel excavator on another
		var pts [][2]float64
		kk := 3.75
		ccx, ccy, rx, ry := p.centre(kk)
		for a := 195.0; a <= 345; a += 3 {
			r := a * math.Pi / 180
			pts = append(pts, [2]float64{ccx + math.Cos(r)*rx, ccy + math.Sin(r)*ry})
		}
		for i := 1; i < len(pts); i++ {
			c.line(pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1], 4, flat(hex("3d3a38")))
		}
		ecx, ecy, erx, ery := p.centre(2.7)
		a := 250 * math.Pi / 180
		excavator(c, ecx+math.Cos(a)*erx, ecy+math.Sin(a)*ery+3, 0.95)
	} else {
		// a sandy beach ring, then the water itself
		c.fill(x0, y0, x1, y1, p.clipped(water-0.12), func(x, y float64) col {
			return mix(hex("d8cdaa"), hex("c0b591"), clamp(0.5+tex.fbm(x/20, y/6, 2), 0, 1))
		})
		wl := p.clipped(water)
		_, wcy, _, wry := p.centre(water)
		c.reflect(x0, y0, x1, y1, wl, firstInside(wl, wcy-wry-60, wcy+wry), hex("5f8a98"), tex, 0.4)
	}

	// the viewer's bank in the foreground
	fg := func(x float64) float64 {
		return 1300 - 170*smooth(0, 1, math.Pow(math.Abs(x-1200)/1200, 2)) + 14*n.fbm(x/160, 50, 3)
	}
	c.below(fg, nil, func(x, y float64) col {
		k := mix(hex("7d8f58"), hex("56683d"), smooth(1150, 1600, y))
		return k.mul(1 + 0.08*tex.fbm(x/9, y/5, 3))
	})
	rng := rand.New(rand.NewPCG(14, 1))
	for _, t := range [][3]float64{{120, 1230, 360}, {300, 1262, 250}, {2160, 1240, 300}, {2330, 1215, 380}} {
		c.broadleaf(t[0], t[1], t[2], hex("5d7542"), tex, rng)
	}
	if lake {
		for _, t := range [][3]float64{{470, 1285, 170}, {1960, 1282, 190}} {
			c.broadleaf(t[0], t[1], t[2], hex("6b8448"), tex, rng)
		}
	}
	return c
}

// excavator draws a bucket-wheel excavator in silhouette.
func excavator(c *canvas, x, base, s float64) {
	k := flat(hex("4a443f"))
	c.rect(x-70*s, base-22*s, x+70*s, base, 10*s, k)        // tracks
	c.rect(x-50*s, base-70*s, x+45*s, base-20*s, 3*s, k)    // body
	c.rect(x-20*s, base-110*s, x+15*s, base-68*s, 2*s, k)   // cabin and mast
	c.line(x+10*s, base-60*s, x+230*s, base-150*s, 12*s, k) // boom
	c.line(x-5*s, base-105*s, x+230*s, base-155*s, 3*s, k)  // stay
	c.line(x-40*s, base-60*s, x-170*s, base-95*s, 9*s, k)   // counter-boom
	c.rect(x-195*s, base-112*s, x-150*s, base-78*s, 3*s, k) // counterweight
	c.fill(x+180*s, base-200*s, x+280*s, base-100*s, ring(x+230*s, base-150*s, 42*s, 9*s), k)
	for a := 0.0; a < math.Pi; a += math.Pi / 4 {
		dx, dy := math.Cos(a)*42*s, math.Sin(a)*42*s
		c.line(x+230*s-dx, base-150*s-dy, x+230*s+dx, base-150*s+dy, 3*s, k)
	}
}

// eveningLake is the cover: a calm lake at dusk with a town on the far
// shore.
func eveningLake() *canvas {
	n := newNoise(21)
	tex := newNoise(22)
	c := newCanvas()
	c.vertical(stop{0, hex("6f86a6")}, stop{0.25, hex("b3a9b8")}, stop{0.46, hex("efc9a0")}, stop{0.56, hex("f6dcb4")})
	c.glow(1620, 700, 300, hex("fff0cf"), 0.55)
	c.clouds(newNoise(23), 120, 520, 0.25, hex("e9c3b4"), 700, 70)

	far := ridgeLine(n, 700, 80, 800, 2.5, 4)
	c.below(far, nil, hazy(tex, hex("8a8aa4"), hex("d9bfae"), 600, 860, 0.02))
	mid := ridgeLine(n, 800, 40, 420, 6.5, 4)
	c.below(func(x float64) float64 { return mid(x) - 6*math.Abs(n.at(x/13, 7)) }, nil, hazy(tex, hex("6c6f7f"), hex("b8a6a0"), 740, 860, 0.03))
	rng := rand.New(rand.NewPCG(24, 2))
	dusk := hex("6a6878")
	c.town(700, 1500, 872, 0.85, townStyle{blocks: 5, houses: 2, towers: 0.5, chimneys: 0.6, haze: dusk, hazeAmt: 0.72, lit: true}, rng)
	c.town(1700, 2200, 874, 0.8, townStyle{houses: 8, towers: 0.8, haze: dusk, hazeAmt: 0.7, lit: true}, rng)
	c.below(func(x float64) float64 { return 866 + 4*n.fbm(x/200, 9, 2) - 6*math.Abs(n.at(x/10, 10)) }, func(float64) float64 { return 884 }, flat(hex("4b5250")))

	c.reflect(0, 880, W, H, func(x, y float64) float64 { return 882 - y }, func(float64) float64 { return 882 }, hex("6c7b8d"), tex, 0.7)
	// the sun's path on the water: broken, horizontal glints below the sun
	for y := 884; y < H; y++ {
		fy := float64(y)
		spread := 60 + (fy-884)*0.9
		for x := 1000; x < 2250; x++ {
			fx := float64(x)
			a := gauss(fx, 1620, spread) * smooth(0.1, 0.6, tex.fbm(fx/45, fy/2.6, 3)) * (1 - smooth(884, 1500, fy)*0.6)
			c.blend(x, y, hex("ffe9c4"), 0.75*a)
		}
	}

	// reeds and the shore in front
	c.below(func(x float64) float64 {
		return 1420 + 90*smooth(0, 1, (700-x)/700) + 60*smooth(0, 1, (x-1700)/700) + 10*n.fbm(x/90, 12, 3)
	}, nil, func(x, y float64) col {
		return mix(hex("4d5640"), hex("343a2e"), smooth(1380, 1600, y)).mul(1 + 0.08*tex.fbm(x/8, y/6, 2))
	})
	reedRng := rand.New(rand.NewPCG(25, 3))
	for range 420 {
		x := reedRng.Float64() * W
		if x > 800 && x < 1600 && reedRng.Float64() < 0.8 {
			continue
		}
		base := 1470 + reedRng.Float64()*120
		h := 120 + reedRng.Float64()*200
		lean := (reedRng.Float64() - 0.5) * 50
		c.line(x, base, x+lean, base-h, 3+reedRng.Float64()*2, flat(hex("4a5038").mul(0.8+reedRng.Float64()*0.4)))
		if reedRng.Float64() < 0.25 {
			c.fill(x+lean-8, base-h-30, x+lean+8, base-h+40, ellipse(x+lean*0.97, base-h+6, 6, 26), flat(hex("5b4636")))
		}
	}
	return c
}

// riverTown is a town on a river: blocks of flats, roofs, church towers
// and a power-station chimney, under a wooded ridge.
func riverTown() *canvas {
	n := newNoise(31)
	tex := newNoise(32)
	c := newCanvas()
	c.vertical(stop{0, hex("9db6c9")}, stop{0.4, hex("dfe4e0")}, stop{0.5, hex("ece7da")})
	c.clouds(newNoise(33), 120, 520, 0.15, hex("fbfaf6"), 600, 130)
	far := ridgeLine(n, 640, 90, 700, 1.2, 4)
	c.below(far, nil, hazy(tex, hex("93a3b2"), hex("d3d9dc"), 520, 760, 0.02))
	mid := ridgeLine(n, 780, 50, 400, 3.4, 4)
	c.below(func(x float64) float64 { return mid(x) - 8*math.Abs(n.at(x/12, 5)) }, nil, hazy(tex, hex("728467"), hex("c0c8bd"), 680, 840, 0.05))

	rng := rand.New(rand.NewPCG(34, 4))
	haze := hex("d6dad6")
	c.town(60, 2350, 900, 0.9, townStyle{blocks: 6, houses: 1, chimneys: 0.4, haze: haze, hazeAmt: 0.45}, rng)
	c.town(120, 2300, 945, 1.2, townStyle{blocks: 2, houses: 6, towers: 0.6, haze: haze, hazeAmt: 0.25}, rng)
	// the riverside greenery and the river
	c.below(func(x float64) float64 { return 945 + 8*n.fbm(x/150, 8, 2) - 30*math.Abs(n.at(x/40, 9)) }, func(float64) float64 { return 1040 }, canopy(tex, hex("53703f"), hex("98ad72"), 12))
	c.below(func(x float64) float64 { return 1030 + 6*n.fbm(x/300, 10, 2) }, nil, flat(hex("6d8a56")))
	shore := func(x float64) float64 { return 1070 + 10*n.fbm(x/400, 11, 2) }
	bank := func(x float64) float64 { return 1250 + 20*n.fbm(x/300, 12, 2) }
	c.reflect(0, 1050, W, 1300, func(x, y float64) float64 { return math.Max(shore(x)-y, y-bank(x)) }, shore, hex("6b8793"), tex, 0.6)
	c.below(bank, nil, func(x, y float64) col {
		return mix(hex("889a5e"), hex("5d7042"), smooth(1250, 1600, y)).mul(1 + 0.07*tex.fbm(x/9, y/6, 3))
	})
	for _, t := range [][3]float64{{160, 1420, 460}, {2220, 1400, 400}, {1900, 1310, 200}} {
		c.broadleaf(t[0], t[1], t[2], hex("5e7843"), tex, rng)
	}
	return c
}

// ---------------------------------------------------------------------------
// Story 2: the Ústí Region

// sandstoneArch is a sandstone rock arch above misty forest and rock
// towers.
func sandstoneArch() *canvas {
	n := newNoise(41)
	tex := newNoise(42)
	c := newCanvas()
	c.vertical(stop{0, hex("a9bfcf")}, stop{0.45, hex("e3e6e0")}, stop{0.7, hex("eee9dd")})
	c.glow(500, 300, 500, hex("fff8e6"), 0.3)
	c.clouds(newNoise(43), 60, 380, 0.2, hex("f8f6f0"), 600, 110)

	// misty ridges with clusters of rock towers, trees on their tops
	for i, l := range []struct {
		base, amp float64
		k, haze   col
	}{
		{760, 60, hex("a9b6b9"), hex("e6e8e2")},
		{900, 70, hex("8c9f98"), hex("dde2da")},
		{1030, 60, hex("6f8677"), hex("d2d9cf")},
	} {
		row := float64(i)*5 + 1
		line := ridgeLine(n, l.base, l.amp, 500, row, 4)
		scale := 1 - 0.2*float64(i)
		towers := func(x float64) float64 {
			t := 0.0
			for j := range 5 {
				cx := 260 + float64(j)*480 + 160*n.at(float64(j)+0.1, row)
				for sub := range 3 {
					sx := cx + float64(sub-1)*70 + 25*n.at(float64(j*3+sub), row+4)
					w := (40 + 30*math.Abs(n.at(float64(j*3+sub)+0.5, row))) * scale
					h := (45 + 90*math.Abs(n.at(float64(j*3+sub)+0.3, row+2))) * scale
					d := math.Abs(x-sx) / w
					if d < 1 {
						t = math.Max(t, h*(1-math.Pow(d, 3.5)))
					}
				}
			}
			return t
		}
		top := func(x float64) float64 {
			tw := towers(x)
			return line(x) - tw - (7+6*smooth(10, 40, tw))*math.Abs(n.at(x/(7+3*smooth(10, 40, tw)), row+9))
		}
		c.below(top, nil, hazy(tex, l.k, l.haze, l.base-200, l.base+120, 0.03))
		// mist in front of each layer, fading out below
		for y := int(l.base - 40); y < int(l.base+200) && y < H; y++ {
			fy := float64(y)
			for x := range W {
				a := 0.55 * smooth(l.base-40, l.base+90, fy) * (1 - smooth(l.base+90, l.base+200, fy)) * (0.7 + 0.3*n.fbm(float64(x)/300, fy/60+row, 3))
				c.blend(x, y, hex("eef0ea"), a)
			}
		}
	}

	// the arch: a massif, a bridge of rock and a pillar, on a forested foot
	massif := polygon(
		[2]float64{680, 1400}, [2]float64{700, 900}, [2]float64{740, 700}, [2]float64{790, 590},
		[2]float64{870, 520}, [2]float64{990, 478}, [2]float64{1110, 468}, [2]float64{1190, 492},
		[2]float64{1260, 512}, [2]float64{1420, 506}, [2]float64{1570, 516}, [2]float64{1650, 540},
		[2]float64{1720, 568}, [2]float64{1775, 620}, [2]float64{1800, 720}, [2]float64{1830, 900},
		[2]float64{1860, 1400},
	)
	rough := func(x, y float64) float64 {
		return massif(x, y) + 9*n.fbm(x/60, y/60, 3) + 3*n.at(x/8, y/8)
	}
	hole := func(x, y float64) float64 {
		return ellipse(1440, 1010, 275, 385)(x, y) + 10*n.fbm(x/50, y/50+9, 3)
	}
	arch := subtract(rough, hole)
	stone := func(x, y float64) col {
		bed := 0.025*math.Sin(y/9+2.5*n.fbm(x/200, y/100, 2)) + 0.02*math.Sin(y/3.3+x/400)
		pits := 0.07 * smooth(0.2, 0.6, tex.fbm(x/11, y/9, 3))
		lit := 1.06 - 0.2*smooth(1300, 1850, x) + 0.04*smooth(900, 700, x)
		under := 1 - 0.3*smooth(70, 0, hole(x, y))*smooth(720, 600, y)
		k := mix(hex("c9a67c"), hex("e0c8a2"), clamp(0.5+tex.fbm(x/120, y/40, 3), 0, 1))
		// the dark crust that weathered sandstone wears, in streaks running down
		crust := smooth(0.05, 0.45, n.fbm(x/55, y/260, 4))
		k = mix(k, hex("7f786c"), 0.45*crust)
		return k.mul((1 + bed - pits) * lit * under)
	}
	c.fill(660, 440, 1880, 1400, arch, stone)
	rng := rand.New(rand.NewPCG(44, 5))
	for _, p := range [][3]float64{{930, 500, 90}, {975, 486, 120}, {1040, 478, 70}, {1690, 562, 80}, {1740, 600, 110}} {
		c.conifer(p[0], p[1]+8, p[2], p[2]*0.55, hex("3e5139"), tex)
	}
	// forest in front, a few tall pines framing the view
	c.below(func(x float64) float64 {
		return 1170 + 40*n.fbm(x/300, 30, 3) - 40*math.Pow(math.Abs(n.at(x/22, 31)), 0.7)
	}, nil, canopy(tex, hex("34493a"), hex("718d60"), 16))
	for range 22 {
		x := rng.Float64() * W
		h := 140 + rng.Float64()*160
		c.conifer(x, 1230+rng.Float64()*120, h, h*0.45, hex("34473a").mul(0.9+rng.Float64()*0.2), tex)
	}
	for _, t := range [][2]float64{{60, 820}, {190, 640}, {2260, 700}, {2380, 900}} {
		c.conifer(t[0], 1650, t[1], t[1]*0.36, hex("2d3c2f"), tex)
	}
	return c
}

// loneHill is a solitary wooded dome rising from a flat patchwork of fields.
func loneHill() *canvas {
	n := newNoise(51)
	tex := newNoise(52)
	c := newCanvas()
	c.vertical(stop{0, hex("86a9c6")}, stop{0.42, hex("d3dfe2")}, stop{0.56, hex("e8e6dc")})
	c.clouds(newNoise(53), 150, 620, 0.12, hex("fbfaf5"), 480, 130)
	horizon := 900.0
	c.below(ridgeLine(n, horizon-10, 25, 600, 2, 3), nil, hazy(tex, hex("9aa7b5"), hex("d5d9d6"), horizon-60, horizon+20, 0.02))

	// the hill: a dome, slightly steeper on one side, with wooded slopes
	hill := func(x float64) float64 {
		d := (x - 1250) / 520
		if d > 0 {
			d *= 0.88
		}
		h := 0.0
		if math.Abs(d) < 1 {
			h = 330 * math.Pow(1-d*d, 1.25)
		}
		h += 45 * gauss(x, 1250, 650)
		return horizon + 10 - h - 5*math.Abs(n.at(x/11, 3))*smooth(5, 40, h)
	}
	c.below(hill, func(float64) float64 { return horizon + 40 }, func(x, y float64) col {
		side := clamp((x-1250)/560, -1, 1)
		k := canopy(tex, hex("4a6142"), hex("7d9568"), 11)(x, y)
		return mix(k, hex("aeb9ae"), 0.3).mul(1.04 - 0.1*side)
	})

	// fields in perspective, divided along lines from a vanishing point
	vx := 1250.0
	c.below(func(float64) float64 { return horizon + 12 }, nil, func(x, y float64) col {
		depth := (y - horizon) / (H - horizon) // 0 far, 1 near
		row := math.Floor(math.Log(1+depth*30) * 3.1)
		u := (x - vx) / (0.02 + depth) / 260
		seg := math.Floor(u + 0.6*n.at(row, 4))
		pick := n.at(seg*1.37+0.5, row*2.11+0.5)
		var k col
		switch {
		case pick < -0.3:
			k = hex("b9b37c") // ripening grain
		case pick < 0:
			k = hex("8fa464") // green crop
		case pick < 0.25:
			k = hex("a88c6a") // ploughed
		case pick < 0.4:
			k = hex("cfc47e") // stubble
		default:
			k = hex("7f9a5c") // meadow
		}
		stripes := 0.035 * math.Sin(u*260*0.35)
		k = k.mul(1 + stripes*depth + 0.05*tex.fbm(x/14, y/7, 2))
		return mix(k, hex("ccd3cf"), 0.45*(1-smooth(0, 0.35, depth)))
	})
	// hedgerows between some rows
	for _, yy := range []float64{935, 975, 1040, 1150, 1320} {
		c.below(func(x float64) float64 {
			return yy - (3+(yy-horizon)*0.04)*(1+math.Abs(n.at(x/(8+(yy-horizon)*0.06), yy)))
		}, func(float64) float64 { return yy + 2 + (yy-horizon)*0.015 }, func(x, y float64) col {
			return mix(canopy(tex, hex("4f6a40"), hex("7f9564"), 8)(x, y), hex("c7cec8"), 0.5*(1-smooth(900, 1200, yy)))
		})
	}
	// villages at the foot of the hill
	rng := rand.New(rand.NewPCG(54, 6))
	haze := hex("cfd5d1")
	c.town(620, 900, horizon+40, 0.5, townStyle{houses: 8, towers: 1, haze: haze, hazeAmt: 0.35}, rng)
	c.town(1650, 1850, horizon+44, 0.5, townStyle{houses: 10, towers: 0.5, haze: haze, hazeAmt: 0.35}, rng)
	return c
}

// spoilHeap is an area of dumped spoil in front of the long ridge of a
// mountain range: bare ribbed ground before, meadow, groves and a pond
// after, seen from the same spot.
func spoilHeap(restored bool) *canvas {
	n := newNoise(61)
	tex := newNoise(62)
	c := newCanvas()
	c.vertical(stop{0, hex("95b0c4")}, stop{0.35, hex("d5dcdc")}, stop{0.48, hex("e7e4d9")})
	c.clouds(newNoise(63), 100, 450, 0.16, hex("f7f5ef"), 560, 120)
	// the long, steep-fronted mountain ridge and its wooded foot
	c.below(func(x float64) float64 {
		return 470 + 25*n.fbm(x/600, 1, 4) + 60*smooth(0, 1, (x-1900)/500)
	}, nil, hazy(tex, hex("7d8fa0"), hex("c8d1d6"), 420, 700, 0.03))
	c.below(ridgeLine(n, 680, 18, 300, 3, 4), nil, hazy(tex, hex("6f8269"), hex("bdc6bb"), 640, 740, 0.05))
	horizon := 720.0
	c.below(func(float64) float64 { return horizon }, nil, func(x, y float64) col {
		return mix(hex("aab08a"), hex("a3ab7c"), smooth(720, 780, y))
	})

	// a broad heap in the middle distance
	heapTop := func(x float64) float64 {
		e := smooth(150, 700, x) * (1 - smooth(1700, 2300, x))
		return horizon + 10 - 150*e - 10*n.fbm(x/160, 5, 3)*e
	}
	foot := func(float64) float64 { return horizon + 40 }
	if restored {
		c.below(func(x float64) float64 { return heapTop(x) - 9*math.Abs(n.at(x/12, 6)) }, foot, func(x, y float64) col {
			woods := smooth(-0.05, 0.2, n.fbm(x/260, y/45+3, 3))
			meadow := mix(hex("a9b779"), hex("c4c48d"), clamp(0.5+tex.fbm(x/50, y/15, 3), 0, 1))
			return mix(meadow, canopy(tex, hex("47633f"), hex("83996a"), 11)(x, y), woods).mul(0.95)
		})
	} else {
		c.below(heapTop, foot, func(x, y float64) col {
			t := heapTop(x)
			rib := 0.5 + 0.5*math.Sin((y-t)/7+2*n.fbm(x/300, y/60, 2))
			gully := tex.fbm(x/7, y/60, 3)
			k := mix(hex("a9988a"), hex("867a6e"), 0.4*rib+0.3*clamp(0.5+gully, 0, 1))
			return k.mul(1 - 0.08*smooth(0, 1, (x-1500)/500))
		})
		// a spreader on the heap
		k := flat(hex("4e4742"))
		c.rect(1480, 640, 1560, 668, 6, k)
		c.rect(1500, 612, 1532, 642, 3, k)
		c.line(1550, 630, 1700, 600, 8, k)
	}

	// the ground in front: ribs of dumped soil at equal steps in depth
	ground := func(x, y float64) col {
		z := 1 / (y - horizon + 30) // perspective depth
		depth := smooth(horizon+40, H, y)
		if restored {
			k := mix(hex("a6b373"), hex("7e934f"), depth)
			mow := 0.03 * math.Sin(1700*z+0.8*n.fbm(x/400, 2, 2))
			return k.mul(1 + mow + 0.07*tex.fbm(x/(6+30*depth), y/(3+14*depth), 3))
		}
		phase := 2600*z + 1.6*n.fbm(x/500, y/200, 3)
		rib := math.Sin(phase)
		k := mix(hex("b09f8a"), hex("8d7d6c"), 0.5+0.5*rib)
		k = mix(k, hex("c6cbc6"), 0.35*(1-smooth(horizon, horizon+200, y)))
		return k.mul(1 + 0.06*tex.fbm(x/(5+25*depth), y/(3+12*depth), 3))
	}
	c.below(func(float64) float64 { return horizon + 38 }, nil, ground)

	// water: puddles in the furrows before, a pond after
	pond := ellipse(1420, 1160, 420, 70)
	if restored {
		c.fill(980, 1070, 1860, 1250, func(x, y float64) float64 { return pond(x, y) - 10 }, flat(hex("8e9c62")))
		c.reflect(980, 1070, 1860, 1250, pond, firstInside(pond, 1080, 1240), hex("6f8f98"), tex, 0.55)
	} else {
		for _, p := range [][4]float64{{1300, 1150, 160, 14}, {1560, 1180, 120, 11}, {1420, 1125, 90, 8}, {700, 960, 80, 6}} {
			e := ellipse(p[0], p[1], p[2], p[3])
			c.fill(p[0]-p[2], p[1]-p[3], p[0]+p[2], p[1]+p[3], e, func(x, y float64) col {
				return mix(hex("b9c8cf"), hex("8f9a98"), 0.4+0.2*tex.at(x/20, y/3))
			})
		}
	}
	// the same path in both, groves only after
	c.fill(900, 1200, 1500, H, func(x, y float64) float64 {
		cx := 1180 + (y-1200)*0.55 + 30*math.Sin((y-1200)/120)
		return math.Abs(x-cx) - (14 + (y-1200)*0.12)
	}, func(x, y float64) col {
		return hex("c8b99a").mul(1 + 0.05*tex.fbm(x/6, y/4, 2))
	})
	rng := rand.New(rand.NewPCG(64, 7))
	if restored {
		for _, t := range [][3]float64{{260, 900, 150}, {330, 910, 120}, {420, 905, 140}, {1980, 930, 170}, {2070, 925, 140}, {700, 1010, 200}, {2200, 1120, 300}, {110, 1330, 420}, {2330, 1380, 380}} {
			c.broadleaf(t[0], t[1], t[2], hex("5f7846"), tex, rng)
		}
	} else {
		for _, t := range [][3]float64{{2330, 1380, 160}} {
			c.broadleaf(t[0], t[1], t[2], hex("7f8d5a"), tex, rng)
		}
	}
	return c
}

// conicalHillsTown is an old town on a river below rounded, cone-shaped
// volcanic hills.
func conicalHillsTown() *canvas {
	n := newNoise(71)
	tex := newNoise(72)
	c := newCanvas()
	c.vertical(stop{0, hex("a0b5c8")}, stop{0.38, hex("e6e2d6")}, stop{0.5, hex("f1e6d0")})
	c.glow(1900, 420, 420, hex("fff3dc"), 0.35)
	c.clouds(newNoise(73), 110, 470, 0.2, hex("fbf8f0"), 640, 110)
	cones := func(x float64, scale float64) float64 {
		h := 0.0
		for _, p := range [][3]float64{{330, 230, 360}, {820, 320, 420}, {1350, 190, 330}, {1780, 280, 400}, {2250, 210, 330}} {
			d := math.Abs(x-p[0]) / (p[2] * scale)
			if d < 1 {
				h = math.Max(h, p[1]*scale*math.Pow(1-math.Pow(d, 1.5), 1.7))
			}
		}
		return h
	}
	c.below(func(x float64) float64 { return 780 - cones(x, 1) - 6*math.Abs(n.at(x/12, 1)) }, nil, hazy(tex, hex("8b9a97"), hex("d8dcd4"), 460, 820, 0.03))
	c.below(func(x float64) float64 { return 870 - cones(x+640, 0.6) - 8*math.Abs(n.at(x/12, 2)) }, nil, hazy(tex, hex("6e8163"), hex("c6cbbb"), 720, 900, 0.05))
	rng := rand.New(rand.NewPCG(74, 8))
	haze := hex("e2ddd0")
	c.town(260, 2150, 935, 1.0, townStyle{blocks: 1, houses: 8, towers: 0.6, haze: haze, hazeAmt: 0.3}, rng)
	c.town(380, 2050, 975, 1.3, townStyle{houses: 10, towers: 0.4, haze: haze, hazeAmt: 0.12}, rng)
	c.below(func(x float64) float64 { return 968 - 18*math.Abs(n.at(x/40, 3)) }, func(float64) float64 { return 1025 }, canopy(tex, hex("587444"), hex("9bb078"), 12))
	bank := func(x float64) float64 { return 1220 + 15*n.fbm(x/300, 4, 2) }
	c.reflect(0, 1000, W, 1240, func(x, y float64) float64 { return math.Max(1020-y, y-bank(x)) }, func(float64) float64 { return 1020 }, hex("6d8a92"), tex, 0.6)
	c.below(bank, nil, func(x, y float64) col {
		return mix(hex("93a265"), hex("667a47"), smooth(1220, 1600, y)).mul(1 + 0.07*tex.fbm(x/9, y/6, 3))
	})
	for _, t := range [][3]float64{{2200, 1440, 460}, {140, 1400, 340}} {
		c.broadleaf(t[0], t[1], t[2], hex("5e7843"), tex, rng)
	}
	return c
}

// ---------------------------------------------------------------------------
// Story 3: the Liberec Region, metering a regional building (flat schematics)

var (
	inkDark  = hex("36475a")
	paper    = hex("f3f0e8")
	elecCol  = hex("e0b44c")
	waterCol = hex("5b9bc4")
	heatCol  = hex("d9795a")
	leafCol  = hex("88a874")
)

// bolt, drop and radiator are the three meter icons, centred on (x, y)
// and about 2s wide.
func bolt(c *canvas, x, y, s float64, k col) {
	c.poly(flat(k),
		[2]float64{x + 0.15*s, y - 1.0*s}, [2]float64{x - 0.55*s, y + 0.12*s}, [2]float64{x - 0.05*s, y + 0.12*s},
		[2]float64{x - 0.2*s, y + 1.0*s}, [2]float64{x + 0.55*s, y - 0.18*s}, [2]float64{x + 0.05*s, y - 0.18*s})
}

func drop(c *canvas, x, y, s float64, k col) {
	d := union(circle(x, y+0.3*s, 0.6*s), polygon([2]float64{x, y - 1.0*s}, [2]float64{x - 0.52*s, y + 0.0*s}, [2]float64{x + 0.52*s, y + 0.0*s}))
	c.fill(x-s, y-1.1*s, x+s, y+s, d, flat(k))
}

func radiator(c *canvas, x, y, s float64, k col) {
	for i := range 4 {
		fx := x - 0.66*s + float64(i)*0.44*s
		c.rect(fx-0.16*s, y-0.8*s, fx+0.16*s, y+0.7*s, 0.16*s, flat(k))
	}
	c.rect(x-0.85*s, y+0.2*s, x+0.85*s, y+0.38*s, 0.08*s, flat(k))
	c.rect(x-0.85*s, y-0.45*s, x+0.85*s, y-0.27*s, 0.08*s, flat(k))
}

// waves draws the three arcs of a wireless signal above (x, y).
func waves(c *canvas, x, y, s float64, k col) {
	c.disc(x, y, 0.12*s, flat(k))
	for i := 1; i <= 3; i++ {
		r := float64(i) * 0.32 * s
		c.fill(x-r-4, y-r-4, x+r+4, y, func(px, py float64) float64 {
			a := math.Atan2(-(py - y), px-x)
			ang := math.Max(math.Abs(a-math.Pi/2)-math.Pi/4, 0) * r
			return math.Max(math.Abs(math.Hypot(px-x, py-y)-r)-0.05*s, ang)
		}, flat(k))
	}
}

// schematicBase is a soft flat background: pale sky, a hill line and lawn.
func schematicBase(n *noise) *canvas {
	c := newCanvas()
	c.vertical(stop{0, hex("cfdde4")}, stop{0.7, hex("eef0ea")})
	c.below(func(x float64) float64 {
		return 1060 - 120*gauss(x, 500, 500) - 80*gauss(x, 2000, 420) + 8*n.fbm(x/400, 1, 2)
	}, nil, flat(hex("c7d5c4")))
	c.below(func(x float64) float64 { return 1250 }, nil, flat(hex("b5c9a6")))
	return c
}

func flatTree(c *canvas, x, base, h float64) {
	c.rect(x-9, base-h*0.45, x+9, base, 4, flat(hex("8a7360")))
	c.disc(x, base-h*0.62, h*0.3, flat(leafCol))
	c.disc(x-h*0.13, base-h*0.72, h*0.2, flat(leafCol.mul(1.08)))
}

// buildingSchematic: a school-like regional building with solar panels,
// three meters and dashed data lines leading to an energy manager's screen.
func buildingSchematic() *canvas {
	n := newNoise(81)
	c := schematicBase(n)
	// building
	bx0, by0, bx1, by1 := 300.0, 620.0, 1300.0, 1250.0
	c.rect(bx0+18, by0+18, bx1+18, by1, 8, flat(hex("aeb8b0"))) // shadow
	c.rect(bx0, by0, bx1, by1, 8, flat(hex("e9ddc8")))
	c.rect(bx0-20, by0-40, bx1+20, by0+8, 6, flat(hex("9a8f82")))
	for r := range 3 {
		for col := range 6 {
			x := bx0 + 70 + float64(col)*150
			y := by0 + 70 + float64(r)*165
			if r == 2 && (col == 2 || col == 3) {
				continue
			}
			c.rect(x, y, x+95, y+105, 6, flat(hex("a9c4d3")))
			c.rect(x+44, y, x+51, y+105, 0, flat(hex("e9ddc8")))
		}
	}
	c.rect(700, 1030, 900, 1250, 8, flat(hex("8c7a68")))
	c.rect(660, 985, 940, 1012, 4, flat(hex("9a8f82")))
	// solar panels on the roof
	for i := range 6 {
		x := bx0 + 40 + float64(i)*160
		c.poly(flat(hex("4f6781")), [2]float64{x, by0 - 40}, [2]float64{x + 28, by0 - 130}, [2]float64{x + 158, by0 - 130}, [2]float64{x + 130, by0 - 40})
		for j := 1; j < 3; j++ {
			t := float64(j) / 3
			c.line(x+28*t, by0-40-90*t, x+130+28*t, by0-40-90*t, 3, flat(hex("7d93a8")))
		}
		c.line(x+65, by0-40, x+93, by0-130, 3, flat(hex("7d93a8")))
	}
	// utility box on the wall
	c.rect(1180, 880, 1270, 1010, 8, flat(inkDark))
	// meters
	type meter struct {
		y    float64
		k    col
		icon func(*canvas, float64, float64, float64, col)
	}
	ms := []meter{{470, elecCol, bolt}, {800, heatCol, radiator}, {1130, waterCol, drop}}
	for _, m := range ms {
		c.dashed([][2]float64{{1270, 945}, {1420, 945}, {1420, m.y}, {1545, m.y}}, 8, 22, 16, flat(inkDark.mul(1.3)))
		c.disc(1640, m.y+10, 112, flat(hex("c2c9c4")))
		c.disc(1640, m.y, 112, flat(hex("ffffff").mul(0.98)))
		c.fill(1510, m.y-130, 1770, m.y+130, ring(1640, m.y, 112, 14), flat(m.k))
		m.icon(c, 1640, m.y, 58, m.k)
		c.dashed([][2]float64{{1752, m.y}, {1880, m.y}, {1880, 800}, {1960, 800}}, 8, 22, 16, flat(inkDark.mul(1.3)))
	}
	// the energy manager's screen with a daily curve
	c.rect(1960, 600, 2320, 960, 18, flat(inkDark))
	c.rect(1985, 625, 2295, 900, 8, flat(hex("eaf1f2")))
	c.rect(2110, 960, 2170, 1060, 0, flat(inkDark))
	c.rect(2040, 1050, 2240, 1075, 10, flat(inkDark))
	prev := [2]float64{}
	for i := 0; i <= 60; i++ {
		t := float64(i) / 60
		v := 0.2 + 0.55*gauss(t, 0.45, 0.16) + 0.03*math.Sin(t*40)
		p := [2]float64{2005 + t*270, 880 - v*220}
		if i > 0 {
			c.line(prev[0], prev[1], p[0], p[1], 7, flat(hex("4f8a6e")))
		}
		prev = p
	}
	waves(c, 1225, 850, 70, inkDark)
	for _, t := range [][2]float64{{150, 330}, {1380, 260}, {2260, 300}} {
		flatTree(c, t[0], 1270, t[1])
	}
	return c
}

// metersSchematic: three meters on a wall, each sending its readings.
func metersSchematic() *canvas {
	n := newNoise(91)
	c := newCanvas()
	c.vertical(stop{0, hex("e9e5dc")}, stop{1, hex("dcd6ca")})
	for y := 0; y < H; y += 4 {
		for x := 0; x < W; x++ {
			c.blend(x, y, hex("d8d2c6"), 0.05*(1+n.at(float64(x)/300, float64(y)/300)))
		}
	}
	c.rect(0, 1380, W, H, 0, flat(hex("c9c2b4")))
	type meter struct {
		x    float64
		k    col
		icon func(*canvas, float64, float64, float64, col)
		pipe func(x float64)
	}
	pipes := map[string]func(x float64){
		"cable": func(x float64) { c.line(x, 1150, x, 1600, 26, flat(hex("5c5a58"))) },
		"water": func(x float64) {
			c.rect(x-260, 1200, x+260, 1260, 12, flat(waterCol.mul(0.85)))
			c.line(x, 1150, x, 1200, 40, flat(waterCol.mul(0.85)))
		},
		"heat": func(x float64) {
			c.line(x-60, 1150, x-60, 1600, 46, flat(heatCol))
			c.line(x+60, 1150, x+60, 1600, 46, flat(hex("6d9ab8")))
		},
	}
	ms := []meter{
		{500, elecCol, bolt, pipes["cable"]},
		{1200, heatCol, radiator, pipes["heat"]},
		{1900, waterCol, drop, pipes["water"]},
	}
	for _, m := range ms {
		m.pipe(m.x)
		c.rect(m.x-260+14, 420+18, m.x+260+14, 1160+18, 36, flat(hex("bdb5a7")))
		c.rect(m.x-260, 420, m.x+260, 1160, 36, flat(hex("f7f5f0")))
		c.rect(m.x-260, 420, m.x+260, 470, 0, flat(m.k))
		c.rect(m.x-260, 420, m.x+260, 480, 36, flat(m.k))
		// dial
		cx, cy := m.x, 720.0
		c.disc(cx, cy, 190, flat(hex("ffffff")))
		c.fill(cx-200, cy-200, cx+200, cy+200, ring(cx, cy, 190, 12), flat(inkDark))
		for i := 0; i <= 10; i++ {
			a := math.Pi*0.75 + float64(i)/10*math.Pi*1.5
			r0, r1 := 150.0, 172.0
			if i%5 == 0 {
				r0 = 135
			}
			c.line(cx+math.Cos(a)*r0, cy+math.Sin(a)*r0, cx+math.Cos(a)*r1, cy+math.Sin(a)*r1, 7, flat(inkDark))
		}
		a := math.Pi*0.75 + (0.35+0.2*n.at(m.x/300, 1))*math.Pi*1.5
		c.line(cx, cy, cx+math.Cos(a)*130, cy+math.Sin(a)*130, 12, flat(heatCol.mul(0.8)))
		c.disc(cx, cy, 20, flat(inkDark))
		m.icon(c, cx, 1010, 62, m.k)
		waves(c, m.x, 360, 130, inkDark)
	}
	return c
}

// monitorSchematic: a screen with a week of consumption, drawn without any
// numbers, where a night-time rise (for example a leaking pipe) is ringed.
func monitorSchematic() *canvas {
	n := newNoise(101)
	c := newCanvas()
	c.vertical(stop{0, hex("e4e8e4")}, stop{1, hex("d5dbd6")})
	c.rect(0, 1330, W, H, 0, flat(hex("b49c80")))
	c.rect(0, 1330, W, 1350, 0, flat(hex("9c846a")))
	// monitor
	c.rect(340, 230, 2060, 1160, 30, flat(inkDark))
	c.rect(380, 270, 2020, 1110, 12, flat(hex("f6f7f3")))
	c.poly(flat(inkDark), [2]float64{1100, 1160}, [2]float64{1300, 1160}, [2]float64{1340, 1300}, [2]float64{1060, 1300})
	c.rect(900, 1290, 1500, 1335, 16, flat(inkDark))
	// three tiles
	for i, t := range []struct {
		k    col
		icon func(*canvas, float64, float64, float64, col)
		lvl  float64
	}{{elecCol, bolt, 0.7}, {heatCol, radiator, 0.45}, {waterCol, drop, 0.85}} {
		y := 330 + float64(i)*255
		c.rect(430, y, 820, y+215, 16, flat(hex("ebeee9")))
		t.icon(c, 520, y+107, 48, t.k)
		c.rect(600, y+90, 780, y+125, 17, flat(hex("d6dbd6")))
		c.rect(600, y+90, 600+180*t.lvl, y+125, 17, flat(t.k))
	}
	// the week: five working days and a weekend, one night with a leak
	x0, x1, yb, yt := 900.0, 1950.0, 1040.0, 360.0
	c.line(x0, yb, x1, yb, 5, flat(hex("b9c2bd")))
	for d := 1; d < 7; d++ {
		x := x0 + float64(d)/7*(x1-x0)
		c.line(x, yt, x, yb, 3, flat(hex("dde2de")))
	}
	val := func(t float64) float64 {
		day := math.Floor(t * 7)
		f := t*7 - day
		base := 0.12
		if day == 2 && (f < 0.25 || f > 0.85) {
			base = 0.3 // the leak: water runs at night
		}
		if day == 3 && f < 0.25 {
			base = 0.3
		}
		work := 0.0
		if day < 5 { // working days: lights, ventilation and heating from morning to afternoon
			work = 0.55 * smooth(0.27, 0.34, f) * (1 - smooth(0.64, 0.74, f)) * (1 + 0.08*math.Sin(f*30))
		}
		return base + work + 0.02*n.at(t*200, 1)
	}
	var prev [2]float64
	for i := 0; i <= 700; i++ {
		t := float64(i) / 700
		p := [2]float64{x0 + t*(x1-x0), yb - val(t)*(yb-yt)}
		c.line(p[0], yb, p[0], p[1], 2.5, flat(hex("cfe3d6")))
		if i > 0 {
			c.line(prev[0], prev[1], p[0], p[1], 7, flat(hex("3f7f62")))
		}
		prev = p
	}
	// a ring around the night when water kept running
	lx := x0 + (3.0/7)*(x1-x0)
	leak := ellipse(lx, yb-170, 110, 135)
	c.fill(lx-130, yb-320, lx+130, yb-20, func(x, y float64) float64 { return math.Abs(leak(x, y)) - 7 }, flat(heatCol))

	// plant on the desk
	c.poly(flat(hex("c07d5c")), [2]float64{2140, 1180}, [2]float64{2300, 1180}, [2]float64{2280, 1330}, [2]float64{2160, 1330})
	for i := range 7 {
		a := -math.Pi/2 + (float64(i)-3)*0.3
		c.fill(2000, 850, 2440, 1200, ellipse(2220+math.Cos(a)*110, 1180+math.Sin(a)*150, 34, 80), flat(leafCol.mul(0.9+0.04*float64(i%3))))
	}
	return c
}

// towerRidge is a town in a basin below a long wooded ridge whose summit
// carries a slender, flared tower.
func towerRidge() *canvas {
	n := newNoise(111)
	tex := newNoise(112)
	c := newCanvas()
	c.vertical(stop{0, hex("8eadc6")}, stop{0.4, hex("d9e1e0")}, stop{0.52, hex("eae7dc")})
	c.clouds(newNoise(113), 100, 460, 0.16, hex("f9f8f3"), 560, 120)
	peak := 1380.0
	ridge := func(x float64) float64 {
		d := (x - peak) / 1000
		if d > 0 {
			d *= 0.7 // the ridge runs on, gently, to the right
		}
		return 520 + 360*math.Pow(math.Abs(d), 1.2) + 30*n.fbm(x/250, 1, 4)*smooth(0, 0.1, math.Abs(d))
	}
	c.below(func(x float64) float64 { return math.Min(ridge(x), 880) - 5*math.Abs(n.at(x/9, 2)) }, nil, func(x, y float64) col {
		k := canopy(tex, hex("536a55"), hex("7f957b"), 13)(x, y)
		return mix(k, hex("b8c3c3"), 0.42+0.18*smooth(500, 900, y))
	})
	// the tower: narrow at the top, flaring to its foot, with a thin mast
	foot := ridge(peak) + 4
	body := 70.0
	c.fill(peak-40, foot-body-50, peak+40, foot+4, func(x, y float64) float64 {
		switch {
		case y > foot:
			return y - foot
		case y < foot-body:
			return math.Max(math.Abs(x-peak)-2.2, foot-body-48-y)
		}
		t := (foot - y) / body
		half := 5 + 19*math.Pow(1-t, 2.2)
		return math.Abs(x-peak) - half
	}, func(x, y float64) col {
		return mix(hex("f1f2f1"), hex("a9b3b7"), smooth(peak-12, peak+16, x))
	})
	// a nearer ridge and the basin with the town
	c.below(ridgeLine(n, 920, 45, 500, 4, 4), nil, hazy(tex, hex("6e8761"), hex("c3cbbd"), 840, 980, 0.05))
	rng := rand.New(rand.NewPCG(114, 9))
	haze := hex("d9ddd8")
	c.town(40, 2360, 1000, 1.0, townStyle{blocks: 6, houses: 2, towers: 0.3, chimneys: 0.15, haze: haze, hazeAmt: 0.4}, rng)
	c.town(100, 2300, 1050, 1.25, townStyle{blocks: 1, houses: 7, towers: 0.5, haze: haze, hazeAmt: 0.2}, rng)
	c.below(func(x float64) float64 { return 1050 - 24*math.Abs(n.at(x/45, 6)) }, func(float64) float64 { return 1120 }, canopy(tex, hex("5a7646"), hex("9db27b"), 12))
	c.below(func(x float64) float64 { return 1110 + 20*n.fbm(x/300, 7, 2) }, nil, func(x, y float64) col {
		return mix(hex("98a866"), hex("6a7d47"), smooth(1110, 1600, y)).mul(1 + 0.07*tex.fbm(x/9, y/6, 3))
	})
	for _, t := range [][3]float64{{170, 1460, 480}, {2240, 1430, 400}} {
		c.broadleaf(t[0], t[1], t[2], hex("5e7843"), tex, rng)
	}
	return c
}
