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
//
// The work is done in two passes, as the kernel does it internally:
// horizontally in bands of rows (the vertical factor is 1, which
// Catmull-Rom reproduces exactly), into a w×sh intermediate, then
// vertically in strips of columns. The result equals one
// draw.CatmullRom.Scale call up to the rounding of the 8-bit
// intermediate, while the temporary buffers stay at tmpBudget instead of
// w×sh×32 bytes.
func scale(src image.Image, w, h int) *image.RGBA {
	return scaleBudget(src, w, h, tmpBudget)
}

// scaleBudget is scale with a given budget for the temporary buffers.
func scaleBudget(src image.Image, w, h, budget int) *image.RGBA {
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
			for y0 := 0; y0 < sh; y0 += band {
				y1 := min(sh, y0+band)
				draw.CatmullRom.Scale(mid, image.Rect(0, y0, w, y1),
					src, image.Rect(sb.Min.X, sb.Min.Y+y0, sb.Max.X, sb.Min.Y+y1), draw.Src, nil)
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
