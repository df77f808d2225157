package imaging

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"testing"
)

// photoLike draws a w×h image that compresses roughly like a photo: smooth
// multi-scale value noise (sky, terrain), gradients, hard-edged discs and
// per-pixel grain. The same seed gives the same image.
func photoLike(w, h int, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	s := seed*2654435761 + 1
	rnd := func() uint64 { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s }
	type grid struct {
		step, gw int
		v        [][3]float64
	}
	var grids []grid
	for _, o := range []struct {
		div int
		amp float64
	}{{6, 90}, {30, 40}, {150, 20}, {0, 12}} {
		step := 8
		if o.div > 0 {
			step = max(2, w/o.div)
		}
		g := grid{step: step, gw: w/step + 2}
		g.v = make([][3]float64, g.gw*(h/step+2))
		for i := range g.v {
			for c := range 3 {
				g.v[i][c] = (float64(rnd()%2001)/1000 - 1) * o.amp
			}
		}
		grids = append(grids, g)
	}
	type disc struct {
		x, y, r float64
		c       [3]float64
	}
	var discs []disc
	for range 25 {
		discs = append(discs, disc{
			float64(rnd() % uint64(w)), float64(rnd() % uint64(h)), float64(w/40 + int(rnd()%uint64(w/12+1))),
			[3]float64{float64(rnd() % 256), float64(rnd() % 256), float64(rnd() % 256)},
		})
	}
	for y := range h {
		fy := float64(y) / float64(h)
		for x := range w {
			fx := float64(x) / float64(w)
			col := [3]float64{60 + 120*fy + 30*fx, 110 + 60*math.Sin(fx*3), 200 - 140*fy}
			for gi := range grids {
				g := &grids[gi]
				tx := float64(x%g.step) / float64(g.step)
				ty := float64(y%g.step) / float64(g.step)
				i := (y/g.step)*g.gw + x/g.step
				for c := range 3 {
					a := g.v[i][c]*(1-tx) + g.v[i+1][c]*tx
					b := g.v[i+g.gw][c]*(1-tx) + g.v[i+g.gw+1][c]*tx
					col[c] += a*(1-ty) + b*ty
				}
			}
			for _, d := range discs {
				if dx, dy := float64(x)-d.x, float64(y)-d.y; dx*dx+dy*dy < d.r*d.r {
					for c := range 3 {
						col[c] = col[c]*0.3 + d.c[c]*0.7
					}
				}
			}
			n := float64(int(rnd()%17) - 8)
			o := y*img.Stride + x*4
			for c := range 3 {
				img.Pix[o+c] = uint8(min(255, max(0, col[c]+n)))
			}
			img.Pix[o+3] = 255
		}
	}
	return img
}

func encodeJPEG(t testing.TB, m image.Image, app ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return withSegments(b.Bytes(), app...)
}

// withSegments inserts whole marker segments right after SOI.
func withSegments(j []byte, segs ...[]byte) []byte {
	out := append([]byte{}, j[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, j[2:]...)
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// segment builds a JPEG marker segment.
func segment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

// order is a byte order that can also append.
type order interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

type ifdEntry struct {
	tag, typ uint16
	count    uint32
	value    []byte // at most 4 bytes, left-justified
}

// exifSegment builds an APP1 Exif segment with IFD0 entries, and with
// gps a GPS IFD holding a latitude reference and a map datum string.
func exifSegment(bo order, entries []ifdEntry, gps bool) []byte {
	var t []byte
	if bo.String() == binary.LittleEndian.String() {
		t = []byte("II")
	} else {
		t = []byte("MM")
	}
	t = bo.AppendUint16(t, 42)
	t = bo.AppendUint32(t, 8)
	n := len(entries)
	if gps {
		n++
	}
	ifd0End := 8 + 2 + 12*n + 4
	t = bo.AppendUint16(t, uint16(n))
	put := func(e ifdEntry) {
		t = bo.AppendUint16(t, e.tag)
		t = bo.AppendUint16(t, e.typ)
		t = bo.AppendUint32(t, e.count)
		v := make([]byte, 4)
		copy(v, e.value)
		t = append(t, v...)
	}
	for _, e := range entries {
		put(e)
	}
	if gps {
		put(ifdEntry{0x8825, 4, 1, bo.AppendUint32(nil, uint32(ifd0End))})
	}
	t = bo.AppendUint32(t, 0) // no IFD1
	if gps {
		datum := []byte("GPS WGS-84 50.1815N 12.6461E\x00")
		t = bo.AppendUint16(t, 2)
		put(ifdEntry{0x0001, 2, 2, []byte("N\x00")})
		put(ifdEntry{0x0012, 2, uint32(len(datum)), bo.AppendUint32(nil, uint32(len(t)+12+4))})
		t = bo.AppendUint32(t, 0)
		t = append(t, datum...)
	}
	return segment(0xE1, append([]byte("Exif\x00\x00"), t...))
}

func short(bo order, v uint16) []byte { return bo.AppendUint16(nil, v) }

func orientationSegment(bo order, o uint16) []byte {
	return exifSegment(bo, []ifdEntry{
		{0x010F, 2, 4, []byte("Cam\x00")},
		{0x0112, 3, 1, short(bo, o)},
	}, false)
}

func memSource(name string, b []byte) Source {
	return Source{Name: name, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(b)), nil
	}}
}

func newProcessor(t testing.TB, opts Options) *Processor {
	t.Helper()
	if opts.CacheDir == "" {
		opts.CacheDir = t.TempDir()
	}
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func gray(v uint8) color.RGBA { return color.RGBA{v, v, v, 255} }
