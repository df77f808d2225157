package imaging

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"testing"
)

func TestMemoryNeed(t *testing.T) {
	baseline := encodeJPEG(t, photoLike(64, 48, 40))
	prog := bytes.Replace(baseline, []byte{0xFF, 0xC0}, []byte{0xFF, 0xC2}, 1)
	tests := []struct {
		name   string
		cfg    image.Config
		format string
		data   []byte
		want   int64
	}{
		{"24 MP baseline JPEG", image.Config{Width: 6000, Height: 4000}, "jpeg", baseline, 24e6*5 + int64(len(baseline))},
		{"24 MP progressive JPEG", image.Config{Width: 6000, Height: 4000}, "jpeg", prog, 24e6*11 + int64(len(prog))},
		{"8-bit PNG", image.Config{Width: 1000, Height: 1000, ColorModel: color.NRGBAModel}, "png", []byte("png"), 6e6 + 3},
		{"16-bit PNG", image.Config{Width: 1000, Height: 1000, ColorModel: color.RGBA64Model}, "png", []byte("png"), 10e6 + 3},
	}
	for _, tt := range tests {
		if got := memoryNeed(tt.cfg, tt.format, tt.data); got != tt.want {
			t.Errorf("%s: %d bytes, want %d", tt.name, got, tt.want)
		}
	}
}

func TestProgressive(t *testing.T) {
	baseline := encodeJPEG(t, photoLike(64, 48, 41))
	sof := bytes.Index(baseline, []byte{0xFF, 0xC0})
	if sof < 0 {
		t.Fatal("no SOF0 in a baseline JPEG")
	}
	withMarker := func(m byte) []byte {
		b := bytes.Clone(baseline)
		b[sof+1] = m
		return b
	}
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"baseline", baseline, false},
		{"progressive", withMarker(0xC2), true},
		{"extended sequential", withMarker(0xC1), false},
		{"lossless progressive arithmetic", withMarker(0xCA), true},
		{"with EXIF before the frame", withSegments(withMarker(0xC2), orientationSegment(binary.LittleEndian, 6)), true},
		{"fill bytes before the frame", append([]byte{0xFF, 0xD8, 0xFF, 0xFF}, withMarker(0xC2)[2:]...), true},
		{"cut inside the header", withMarker(0xC2)[:sof], false},
		{"a length running past the end", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0, 0}, false},
		{"not a JPEG", []byte("\x89PNG\r\n\x1a\n"), false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		if got := progressive(tt.data); got != tt.want {
			t.Errorf("%s: progressive = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// However many workers there are, the images in memory at once fit the
// memory limit; an image above the whole limit is processed alone.
func TestMemoryLimit(t *testing.T) {
	var srcs []Source
	for i := range 8 {
		srcs = append(srcs, memSource(fmt.Sprintf("p%d.jpg", i), encodeJPEG(t, photoLike(300, 200, uint64(50+i)))))
	}
	one := memoryNeed(image.Config{Width: 300, Height: 200}, "jpeg", nil)
	tests := []struct {
		name      string
		limit     int64
		maxAtOnce int
	}{
		{"room for one", one*3/2 + 64<<10, 1},
		{"room for two", one*2 + 64<<10, 2},
		{"smaller than one image", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProcessor(t, Options{Workers: 6, MemoryLimit: tt.limit, Widths: []int{100}})
			ims, err := p.Process(srcs)
			if err != nil {
				t.Fatal(err)
			}
			for i, im := range ims {
				if len(im.Variants) != 1 {
					t.Errorf("image %d: %d variants", i, len(im.Variants))
				}
			}
			if p.mem.peak > tt.maxAtOnce || p.mem.used != 0 || p.mem.in != 0 {
				t.Errorf("peak %d images at once (want at most %d), %d bytes and %d images left", p.mem.peak, tt.maxAtOnce, p.mem.used, p.mem.in)
			}
			if err := p.Check(srcs); err != nil || p.mem.used != 0 {
				t.Errorf("Check: %v, %d bytes left", err, p.mem.used)
			}
		})
	}
}
