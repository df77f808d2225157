package imaging

import (
	"encoding/binary"
	"image"
	"image/color"
	"sync"
)

// DefaultMemoryLimit bounds the memory of the images being decoded and
// scaled at once (Options.MemoryLimit): four 24-megapixel JPEGs, about
// 440 MB of resident memory in all (measured, see doc.go).
const DefaultMemoryLimit = 512 << 20

// memoryNeed estimates what decoding and scaling one image takes at its
// peak: the file, the decoded pixels, the block-averaged copy (a quarter
// of the pixels at 4 bytes) and the scaled variants. A 6000×4000 baseline
// JPEG of 8 MB comes to 128 MB; measured, one worker holds about 100 MB of
// resident memory for it.
func memoryNeed(cfg image.Config, format string, data []byte) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	perPixel := int64(5) // JPEG: YCbCr, up to 3 bytes (4:4:4), and 2 for the copies
	switch format {
	case "jpeg":
		if progressive(data) {
			perPixel += 6 // the decoder keeps every coefficient until the end
		}
	case "png":
		switch cfg.ColorModel {
		case color.RGBA64Model, color.NRGBA64Model, color.Gray16Model:
			perPixel = 10 // 8 bytes decoded
		default:
			perPixel = 6 // 4 bytes decoded (paletted and grey less)
		}
	}
	return px*perPixel + int64(len(data))
}

// progressive reports whether a JPEG's frame is progressive (SOF2) or
// otherwise not baseline/extended sequential, walking the markers up to
// the first scan.
func progressive(b []byte) bool {
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xD8 {
		return false
	}
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		m := b[i+1]
		switch {
		case m == 0xFF: // fill byte
			i++
			continue
		case m == 0x01 || (m >= 0xD0 && m <= 0xD8): // markers without a length
			i += 2
			continue
		case m == 0xDA || m == 0xD9:
			return false
		case m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE:
			return true
		}
		i += 2 + int(binary.BigEndian.Uint16(b[i+2:]))
	}
	return false
}

// memGate lets images into memory while their estimated needs fit the
// limit. An image that needs more than the whole limit waits until it is
// alone, so it runs, but never beside another.
type memGate struct {
	mu    sync.Mutex
	cond  sync.Cond
	limit int64
	used  int64
	// in and peak count the images holding memory now and at most, for
	// tests.
	in, peak int
}

func newMemGate(limit int64) *memGate {
	g := &memGate{limit: limit}
	g.cond.L = &g.mu
	return g
}

func (g *memGate) acquire(n int64) int64 {
	n = min(n, g.limit)
	g.mu.Lock()
	for g.used+n > g.limit {
		g.cond.Wait()
	}
	g.used += n
	g.in++
	g.peak = max(g.peak, g.in)
	g.mu.Unlock()
	return n
}

func (g *memGate) release(n int64) {
	g.mu.Lock()
	g.used -= n
	g.in--
	g.mu.Unlock()
	g.cond.Broadcast()
}
