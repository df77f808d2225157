package imaging

import (
	"encoding/binary"
	"image"
	"image/color"
	"strings"
	"testing"
)

// FuzzProcess feeds arbitrary bytes to Process as a source: it must return
// variants or an error naming the file, and never panic. Recovering from
// panics is limited to the decoders, scaler and encoders, so a panic in
// this package's own code (EXIF parsing, orientation, widths) still fails
// the fuzzer.
//
//	go test -run=^$ -fuzz=FuzzProcess -fuzztime=30s -fuzzminimizetime=2s ./generator/imaging/
//
// (With the default minimising time of 60 s, Go spends the whole run
// minimising the first new input.)
func FuzzProcess(f *testing.F) {
	jpg := encodeJPEG(f, photoLike(12, 10, 1))
	f.Add(jpg)
	f.Add(withSegments(jpg, orientationSegment(binary.LittleEndian, 6)))
	f.Add(withSegments(jpg, exifSegment(binary.BigEndian, []ifdEntry{{0x0112, 3, 1, short(binary.BigEndian, 7)}}, true)))
	f.Add(jpg[:len(jpg)/2])
	f.Add(encodePNG(f, photoLike(9, 5, 2)))
	f.Add(encodePNG(f, image.NewNRGBA(image.Rect(0, 0, 3, 40))))
	f.Add(encodePNG(f, image.NewGray16(image.Rect(0, 0, 5, 5))))
	f.Add(encodePNG(f, image.NewPaletted(image.Rect(0, 0, 5, 5), []color.Color{color.White})))
	f.Add([]byte("GIF89a"))
	f.Add([]byte{})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := New(Options{CacheDir: dir, Widths: []int{8, 24}, MaxPixels: 1 << 12, Workers: 1, WebP: len(data)%4 == 0})
		if err != nil {
			t.Fatal(err)
		}
		ims, err := p.Process([]Source{memSource("fuzz.jpg", data)})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.jpg: ") {
				t.Fatalf("error without the name: %v", err)
			}
			return
		}
		im := ims[0]
		if len(im.Variants) == 0 || im.Width <= 0 || im.Height <= 0 || im.Width > 24 {
			t.Fatalf("bad result %+v", im)
		}
		for _, v := range im.Variants {
			if b, err := v.Data(); err != nil || len(b) == 0 {
				t.Fatalf("%s: %v", v.Name, err)
			}
		}
	})
}

// FuzzExifOrientation runs the JPEG marker readers alone, much faster
// than FuzzProcess: any bytes give an orientation of 1–8, and neither the
// EXIF reader nor the progressive check panics.
func FuzzExifOrientation(f *testing.F) {
	plain := encodeJPEG(f, image.NewGray(image.Rect(0, 0, 8, 8)))
	for o := uint16(1); o <= 8; o++ {
		f.Add(withSegments(plain, orientationSegment(binary.LittleEndian, o))[:200])
		f.Add(withSegments(plain, orientationSegment(binary.BigEndian, o))[:200])
	}
	f.Add(withSegments(plain, exifSegment(binary.LittleEndian, nil, true))[:300])
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := exifOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
		if progressive(data) && (len(data) < 4 || data[0] != 0xFF) {
			t.Fatalf("progressive without a JPEG marker")
		}
	})
}
