package imaging

import (
	"image"

	"golang.org/x/image/draw"
)

// tmpBudget bounds the temporary buffer of one x/image/draw kernel call.
// A kernel scale of a sw×sh source to dw×dh allocates dw×sh×32 bytes
// (four float64 per pixel): 205 MB for a 6000×4000 photo scaled to 1600 px
// wide, more than the decoded photo itself. Scaling in two separable passes
// over bands keeps each call's buffer near this size.
const tmpBudget = 8 << 20

// scale returns src resized to w×h with the Catmull-Rom kernel of
// x/image/draw, as an opaque-or-premultiplied *image.RGBA at the origin.
// A source at least three times the target size in both directions is
// first reduced by averaging k×k blocks (k = 2 for a 6000 px photo scaled
// to 1600), as libvips and Pillow's reduce do: the Catmull-Rom pass that
// follows still scales by at least 1.5, and the work drops to a third
// (see doc.go).
func scale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	if k := min(2*b.Dx()/(3*w), 2*b.Dy()/(3*h)); k > 1 {
		src = boxShrink(src, k)
	}
	return catmullRom(src, w, h, tmpBudget)
}

// catmullRom scales src to w×h with draw.CatmullRom, in two passes as the
// kernel does internally: horizontally in bands of rows (the vertical
// factor is 1, which Catmull-Rom reproduces exactly), into a w×sh
// intermediate, then vertically in strips of columns. The result equals
// one draw.CatmullRom.Scale call up to the rounding of the 8-bit
// intermediate, while each call's temporary buffer stays near budget bytes
// instead of w×sh×32. Each band of a source that is not RGBA (a JPEG's
// YCbCr) is converted to RGBA first, which x/image/draw scales three
// times as fast.
func catmullRom(src image.Image, w, h, budget int) *image.RGBA {
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
	if w == sw && h == sh {
		return toRGBA(src)
	}
	mid, ok := src.(*image.RGBA)
	if w != sw || !ok || mid.Rect.Min != (image.Point{}) {
		mid = image.NewRGBA(image.Rect(0, 0, w, sh))
		if w == sw {
			draw.Draw(mid, mid.Rect, src, sb.Min, draw.Src)
		} else {
			band := max(1, budget/(w*32))
			rgba, isRGBA := src.(*image.RGBA)
			var buf *image.RGBA
			if !isRGBA {
				buf = image.NewRGBA(image.Rect(0, 0, sw, band))
			}
			for y0 := 0; y0 < sh; y0 += band {
				y1 := min(sh, y0+band)
				if isRGBA {
					draw.CatmullRom.Scale(mid, image.Rect(0, y0, w, y1),
						rgba, image.Rect(sb.Min.X, sb.Min.Y+y0, sb.Max.X, sb.Min.Y+y1), draw.Src, nil)
					continue
				}
				r := image.Rect(0, 0, sw, y1-y0)
				draw.Draw(buf, r, src, image.Pt(sb.Min.X, sb.Min.Y+y0), draw.Src)
				draw.CatmullRom.Scale(mid, image.Rect(0, y0, w, y1), buf, r, draw.Src, nil)
			}
		}
	}
	if h == sh {
		return mid
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	strip := max(1, budget/(sh*32))
	for x0 := 0; x0 < w; x0 += strip {
		x1 := min(w, x0+strip)
		draw.CatmullRom.Scale(dst, image.Rect(x0, 0, x1, h), mid, image.Rect(x0, 0, x1, sh), draw.Src, nil)
	}
	return dst
}

// boxShrink averages k×k blocks of src (premultiplied), converting k rows
// at a time, so it needs little more memory than its result. Blocks at the
// right and bottom edges average the pixels they have.
func boxShrink(src image.Image, k int) *image.RGBA {
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
	ow, oh := (sw+k-1)/k, (sh+k-1)/k
	dst := image.NewRGBA(image.Rect(0, 0, ow, oh))
	rows := image.NewRGBA(image.Rect(0, 0, sw, k))
	acc := make([]uint32, ow*4)
	for oy := range oh {
		n := min(k, sh-oy*k)
		draw.Draw(rows, image.Rect(0, 0, sw, n), src, image.Pt(sb.Min.X, sb.Min.Y+oy*k), draw.Src)
		clear(acc)
		for y := range n {
			row := rows.Pix[y*rows.Stride : y*rows.Stride+sw*4]
			for ox := range ow {
				a := acc[ox*4 : ox*4+4 : ox*4+4]
				px := row[ox*k*4 : min(sw, (ox+1)*k)*4]
				for p := 0; p+3 < len(px); p += 4 {
					a[0] += uint32(px[p])
					a[1] += uint32(px[p+1])
					a[2] += uint32(px[p+2])
					a[3] += uint32(px[p+3])
				}
			}
		}
		out := dst.Pix[oy*dst.Stride:]
		for ox := range ow {
			cnt := uint32(min(k, sw-ox*k) * n)
			for c := range 4 {
				out[ox*4+c] = uint8((acc[ox*4+c] + cnt/2) / cnt)
			}
		}
	}
	return dst
}

// toRGBA converts m to an *image.RGBA at the origin (premultiplied alpha).
func toRGBA(m image.Image) *image.RGBA {
	if r, ok := m.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := m.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, m, b.Min, draw.Src)
	return dst
}

// flatten composes m over white in place and makes it opaque: JPEG has no
// transparency, and a transparent PNG would otherwise turn black. For an
// opaque source (opaque is true) it only sets alpha to 255, undoing the
// ±1 rounding that resampling may leave there.
func flatten(m *image.RGBA, opaque bool) {
	p := m.Pix
	for i := 3; i < len(p); i += 4 {
		a := p[i]
		if a == 0xFF {
			continue
		}
		p[i] = 0xFF
		if opaque {
			continue
		}
		// Premultiplied colour over white: c + (1-α)·255.
		k := int(0xFF - a)
		p[i-3] = uint8(min(0xFF, int(p[i-3])+k))
		p[i-2] = uint8(min(0xFF, int(p[i-2])+k))
		p[i-1] = uint8(min(0xFF, int(p[i-1])+k))
	}
}

// isOpaque reports whether m is known to be fully opaque.
func isOpaque(m image.Image) bool {
	o, ok := m.(interface{ Opaque() bool })
	return ok && o.Opaque()
}
