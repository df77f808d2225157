package imaging

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/deepteams/webp"
	"golang.org/x/image/draw"
	xwebp "golang.org/x/image/webp"
)

func decodeVariant(t *testing.T, v Variant) image.Image {
	t.Helper()
	b, err := v.Data()
	if err != nil {
		t.Fatal(err)
	}
	var m image.Image
	switch v.Format {
	case "jpeg":
		m, err = jpeg.Decode(bytes.NewReader(b))
	case "webp":
		m, err = xwebp.Decode(bytes.NewReader(b))
	default:
		t.Fatalf("format %q", v.Format)
	}
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	if got := m.Bounds().Size(); got != image.Pt(v.Width, v.Height) {
		t.Fatalf("%s: decoded %v, variant says %dx%d", v.Name, got, v.Width, v.Height)
	}
	return m
}

func luma(c color.Color) uint32 {
	r, g, b, _ := c.RGBA()
	return (r + g + b) / 3 >> 8
}

// A 2×1 image, black left and white right, stored with orientation 6
// (rotate 90° clockwise to show) becomes 1×2 with black on top; with 8,
// white on top.
func TestOrientationApplied(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 2, 1))
	src.SetRGBA(0, 0, gray(0))
	src.SetRGBA(1, 0, gray(255))
	p := newProcessor(t, Options{WebP: true})
	for _, tt := range []struct {
		o           uint16
		top, bottom uint32
	}{{6, 0, 255}, {8, 255, 0}} {
		file := encodeJPEG(t, src, orientationSegment(binary.BigEndian, tt.o))
		ims, err := p.Process([]Source{memSource(fmt.Sprintf("o%d.jpg", tt.o), file)})
		if err != nil {
			t.Fatal(err)
		}
		im := ims[0]
		if im.Width != 1 || im.Height != 2 || len(im.Variants) != 2 {
			t.Fatalf("orientation %d: %dx%d, %d variants", tt.o, im.Width, im.Height, len(im.Variants))
		}
		for _, v := range im.Variants {
			m := decodeVariant(t, v)
			top, bottom := luma(m.At(0, 0)), luma(m.At(0, 1))
			if diff(top, tt.top) > 40 || diff(bottom, tt.bottom) > 40 {
				t.Errorf("orientation %d, %s: top %d bottom %d, want %d and %d", tt.o, v.Format, top, bottom, tt.top, tt.bottom)
			}
		}
	}

	// A larger photo: stored 600×400 with orientation 6 is 400×600 upright,
	// below the smallest width, so one variant at its own size.
	file := encodeJPEG(t, photoLike(600, 400, 1), orientationSegment(binary.LittleEndian, 6))
	ims, err := p.Process([]Source{memSource("tall.jpg", file)})
	if err != nil {
		t.Fatal(err)
	}
	if im := ims[0]; im.Width != 400 || im.Height != 600 || im.Variants[0].Width != 400 || im.Variants[0].Height != 600 {
		t.Errorf("rotated photo: %+v", im)
	}
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestVariantWidths(t *testing.T) {
	// The default widths scaled down by 10, to keep the test fast.
	p := newProcessor(t, Options{WebP: true, Widths: []int{160, 48, 96}})
	tests := []struct {
		w, h  int
		sizes string // JPEG variant sizes, ascending
	}{
		{200, 100, "48x24 96x48 160x80"},
		{160, 107, "48x32 96x64 160x107"},
		{120, 90, "48x36 96x72 120x90"}, // the original width when a larger one is dropped
		{96, 10, "48x5 96x10"},
		{49, 100, "48x98"},
		{30, 20, "30x20"},
		{1, 1, "1x1"},
		{300, 1, "48x1 96x1 160x1"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			name := fmt.Sprintf("content/stories/lom/Lom Medard %dx%d.PNG", tt.w, tt.h)
			ims, err := p.Process([]Source{memSource(name, encodePNG(t, photoLike(tt.w, tt.h, 2)))})
			if err != nil {
				t.Fatal(err)
			}
			im := ims[0]
			var sizes []string
			for i, v := range im.Variants {
				want := "jpeg"
				if i%2 == 1 {
					want = "webp"
					if prev := im.Variants[i-1]; prev.Width != v.Width || prev.Height != v.Height {
						t.Errorf("WebP %dx%d next to JPEG %dx%d", v.Width, v.Height, prev.Width, prev.Height)
					}
				} else {
					sizes = append(sizes, fmt.Sprintf("%dx%d", v.Width, v.Height))
				}
				if v.Format != want {
					t.Errorf("variant %d is %s, want %s", i, v.Format, want)
				}
				ext := map[string]string{"jpeg": "jpg", "webp": "webp"}[v.Format]
				re := fmt.Sprintf(`^lom-medard-%dx%d-%d\.[0-9a-f]{8}\.%s$`, tt.w, tt.h, v.Width, ext)
				if !regexp.MustCompile(re).MatchString(v.Name) {
					t.Errorf("name %q does not match %s", v.Name, re)
				}
				decodeVariant(t, v)
			}
			if got := strings.Join(sizes, " "); got != tt.sizes {
				t.Errorf("sizes %q, want %q", got, tt.sizes)
			}
			last := im.Variants[len(im.Variants)-1]
			if im.Width != last.Width || im.Height != last.Height {
				t.Errorf("image %dx%d, largest variant %dx%d", im.Width, im.Height, last.Width, last.Height)
			}
			if len(im.Hash) != 64 {
				t.Errorf("hash %q", im.Hash)
			}
		})
	}

	q, err := New(Options{CacheDir: t.TempDir(), Widths: []int{800, 200, 800}})
	if err != nil {
		t.Fatal(err)
	}
	ims, err := q.Process([]Source{memSource("a.png", encodePNG(t, photoLike(1000, 500, 3)))})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(len(ims[0].Variants), ims[0].Variants[0].Width, ims[0].Variants[1].Width); got != "2 200 800" {
		t.Errorf("custom widths: %s", got)
	}
	for _, bad := range []Options{{}, {CacheDir: t.TempDir(), Widths: []int{0}}, {CacheDir: t.TempDir(), Quality: 101}} {
		if _, err := New(bad); err == nil {
			t.Errorf("New(%+v) accepted", bad)
		}
	}
}

// The variants of a scaled photo resemble the source: a wrong channel
// order, a shifted or mirrored image would not.
func TestScaledContent(t *testing.T) {
	src := photoLike(1700, 200, 4)
	p := newProcessor(t, Options{WebP: true})
	ims, err := p.Process([]Source{memSource("a.png", encodePNG(t, src))})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range ims[0].Variants {
		m := decodeVariant(t, v)
		if v.Format == "webp" {
			// x/image/webp reads VP8's limited-range YCbCr as full range
			// (golang/go#40173), lowering contrast; browsers and the
			// encoder's own decoder do not.
			b, _ := v.Data()
			m, err = webp.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
		}
		ref := catmullRom(src, v.Width, v.Height, 1<<30)
		if e := meanAbsDiff(ref, m); e > 6 {
			t.Errorf("%s differs from the scaled source by %.1f on average", v.Name, e)
		}
	}
}

func meanAbsDiff(a, b image.Image) float64 {
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			sum += float64(diff(r1>>8, r2>>8) + diff(g1>>8, g2>>8) + diff(b1>>8, b2>>8))
		}
	}
	return sum / float64(3*r.Dx()*r.Dy())
}

// The banded two-pass scaling equals one draw.CatmullRom.Scale call, up to
// the rounding of the 8-bit intermediate.
func TestScaleBands(t *testing.T) {
	src := photoLike(301, 203, 5)
	var ycc bytes.Buffer
	jpeg.Encode(&ycc, src, &jpeg.Options{Quality: 95})
	yimg, _ := jpeg.Decode(&ycc)
	for _, in := range []image.Image{src, yimg} {
		for _, size := range []image.Point{{120, 81}, {301, 100}, {77, 203}, {301, 203}} {
			one := image.NewRGBA(image.Rect(0, 0, size.X, size.Y))
			draw.CatmullRom.Scale(one, one.Rect, in, in.Bounds(), draw.Src, nil)
			bands := catmullRom(in, size.X, size.Y, 1) // one row or column per call
			var worst int
			for i := range one.Pix {
				worst = max(worst, int(diff(uint32(one.Pix[i]), uint32(bands.Pix[i]))))
			}
			if worst > 2 {
				t.Errorf("%T to %v: bands differ by up to %d", in, size, worst)
			}
		}
	}
}

func TestBoxShrink(t *testing.T) {
	src := image.NewRGBA(image.Rect(10, 20, 15, 23)) // 5×3, not at the origin
	for i := range src.Pix {
		src.Pix[i] = uint8(i)
	}
	got := boxShrink(src, 2)
	if got.Rect != image.Rect(0, 0, 3, 2) {
		t.Fatalf("size %v", got.Rect)
	}
	// Red of the source rows: 0 4 8 12 16 / 20 24 28 32 36 / 40 44 48 52 56.
	want := []uint8{(0 + 4 + 20 + 24 + 2) / 4, (8 + 12 + 28 + 32 + 2) / 4, (16 + 36 + 1) / 2, (40 + 44 + 1) / 2, (48 + 52 + 1) / 2, 56}
	for i, w := range want {
		if r := got.Pix[i*4]; r != w {
			t.Errorf("pixel %d: red %d, want %d", i, r, w)
		}
	}
}

// Averaging 2×2 blocks before Catmull-Rom, when the factor is 3 or more,
// changes next to nothing (52 dB PSNR on a 24-megapixel photo).
func TestBoxThenCatmullRom(t *testing.T) {
	src := photoLike(960, 660, 13)
	ref := catmullRom(src, 300, 206, tmpBudget)
	got := scale(src, 300, 206)
	var se float64
	for i := range ref.Pix {
		d := float64(ref.Pix[i]) - float64(got.Pix[i])
		se += d * d
	}
	if psnr := 10 * math.Log10(255*255*float64(len(ref.Pix))/se); psnr < 42 {
		t.Errorf("PSNR %.1f dB", psnr)
	}
}

func TestTransparentPNGOnWhite(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for x := range 20 {
		for y := range 20 {
			m.Set(x, y, color.NRGBA{0, 0, 0, 255}) // left half black, right half transparent
		}
	}
	p := newProcessor(t, Options{WebP: true})
	ims, err := p.Process([]Source{memSource("logo.png", encodePNG(t, m))})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range ims[0].Variants {
		d := decodeVariant(t, v)
		if l, r := luma(d.At(2, 10)), luma(d.At(37, 10)); l > 40 || r < 215 {
			t.Errorf("%s: left %d right %d, want black on white", v.Format, l, r)
		}
	}
}

// A rebuild with unchanged photos decodes nothing and returns the same
// variants.
func TestCacheHit(t *testing.T) {
	dir := t.TempDir()
	widths := []int{120, 240}
	srcs := []Source{
		memSource("a.jpg", encodeJPEG(t, photoLike(300, 200, 6))),
		memSource("b.png", encodePNG(t, photoLike(200, 100, 7))),
		memSource("copy-of-a.jpg", encodeJPEG(t, photoLike(300, 200, 6))),
	}
	p1 := newProcessor(t, Options{CacheDir: dir, WebP: true, Widths: widths})
	first, err := p1.Process(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if s := p1.Stats(); s.Processed != 2 || s.Cached != 1 || s.Failed != 0 {
		t.Errorf("first build: %+v", s)
	}

	p2 := newProcessor(t, Options{CacheDir: dir, WebP: true, Widths: widths})
	second, err := p2.Process(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if s := p2.Stats(); s.Processed != 0 || s.Cached != 3 || p2.decodes.Load() != 0 {
		t.Errorf("rebuild: %+v, %d decodes", s, p2.decodes.Load())
	}
	for i := range first {
		if first[i].Hash != second[i].Hash || len(first[i].Variants) != len(second[i].Variants) {
			t.Fatalf("image %d differs", i)
		}
		for j, v := range first[i].Variants {
			w := second[i].Variants[j]
			a, _ := v.Data()
			b, err := w.Data()
			if err != nil || v.Name != w.Name || !bytes.Equal(a, b) {
				t.Errorf("%s vs %s: %v", v.Name, w.Name, err)
			}
		}
	}
	if !strings.HasPrefix(second[2].Variants[0].Name, "copy-of-a-") {
		t.Errorf("a copy is published under its own name, got %s", second[2].Variants[0].Name)
	}

	// Other options are other entries.
	p3 := newProcessor(t, Options{CacheDir: dir, WebP: false, Widths: widths})
	third, err := p3.Process(srcs[:1])
	if err != nil {
		t.Fatal(err)
	}
	if s := p3.Stats(); s.Processed != 1 || len(third[0].Variants) != 2 || third[0].Variants[0].Name == first[0].Variants[0].Name {
		t.Errorf("JPEG only: %+v, %d variants", s, len(third[0].Variants))
	}

	// A damaged entry (a variant cut short) is made again, not served.
	entry := filepath.Dir(cachedFile(t, second[1].Variants[0]))
	if err := os.Truncate(filepath.Join(entry, "120.jpg"), 10); err != nil {
		t.Fatal(err)
	}
	p4 := newProcessor(t, Options{CacheDir: dir, WebP: true, Widths: widths})
	fourth, err := p4.Process(srcs[1:2])
	if err != nil {
		t.Fatal(err)
	}
	if s := p4.Stats(); s.Processed != 1 {
		t.Errorf("damaged entry: %+v", s)
	}
	decodeVariant(t, fourth[0].Variants[0])
}

// cachedFile finds the cache file behind a variant.
func cachedFile(t *testing.T, v Variant) string {
	t.Helper()
	var found string
	b, _ := v.Data()
	filepath.WalkDir(t.TempDir()+"/..", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && found == "" {
			if c, _ := os.ReadFile(path); bytes.Equal(c, b) && strings.HasSuffix(path, "."+extension(v.Format)) {
				found = path
			}
		}
		return nil
	})
	if found == "" {
		t.Fatalf("no cache file for %s", v.Name)
	}
	return found
}

func TestClean(t *testing.T) {
	dir := t.TempDir()
	a := memSource("a.jpg", encodeJPEG(t, photoLike(300, 200, 8)))
	b := memSource("b.jpg", encodeJPEG(t, photoLike(300, 200, 9)))
	p1 := newProcessor(t, Options{CacheDir: dir, Widths: []int{100, 200}})
	if _, err := p1.Process([]Source{a, b}); err != nil {
		t.Fatal(err)
	}
	// Pretend that build was an hour ago, and that it was interrupted
	// while writing a third entry.
	old := time.Now().Add(-time.Hour)
	manifests, _ := filepath.Glob(filepath.Join(dir, "*", "*", manifestFile))
	if len(manifests) != 2 {
		t.Fatalf("%d entries: %v", len(manifests), manifests)
	}
	for _, m := range manifests {
		os.Chtimes(m, old, old)
	}
	leftover := filepath.Join(dir, ".tmp-123")
	os.MkdirAll(leftover, 0o755)
	os.WriteFile(filepath.Join(leftover, "480.jpg"), []byte("half a pic"), 0o644)
	os.Chtimes(leftover, old, old)
	foreign := filepath.Join(dir, "README")
	os.WriteFile(foreign, []byte("not ours"), 0o644)

	p2 := newProcessor(t, Options{CacheDir: dir, Widths: []int{100, 200}})
	ims, err := p2.Process([]Source{a})
	if err != nil {
		t.Fatal(err)
	}
	if s := p2.Stats(); s.Cached != 1 {
		t.Fatalf("%+v", s)
	}
	removed, err := p2.Clean()
	if err != nil || removed != 1 {
		t.Fatalf("Clean = %d, %v; want 1", removed, err)
	}
	if _, err := ims[0].Variants[0].Data(); err != nil {
		t.Errorf("used entry removed: %v", err)
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Errorf("leftover of an interrupted build kept")
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Errorf("foreign file removed")
	}
	if n, _ := p2.Clean(); n != 0 {
		t.Errorf("second Clean removed %d", n)
	}
	// A Processor that started before a.jpg was used by p2 keeps it, too:
	// p2's touch is newer than its start.
	p3 := newProcessor(t, Options{CacheDir: dir, Widths: []int{100, 200}})
	if n, _ := p3.Clean(); n != 0 {
		t.Errorf("Clean by another processor removed %d fresh entries", n)
	}
	// b was removed, so it is processed again.
	p4 := newProcessor(t, Options{CacheDir: dir, Widths: []int{100, 200}})
	p4.Process([]Source{a, b})
	if s := p4.Stats(); s.Cached != 1 || s.Processed != 1 {
		t.Errorf("after Clean: %+v", s)
	}
}

// Output files carry no metadata at all: no EXIF (with its GPS position),
// XMP, ICC profile or comment, and no APPn segment in the JPEGs.
func TestMetadataStripped(t *testing.T) {
	le := binary.LittleEndian
	exif := exifSegment(le, []ifdEntry{
		{0x010F, 2, 4, []byte("Cam\x00")},
		{0x0112, 3, 1, short(le, 1)},
	}, true)
	xmp := segment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>50,10.89N</exif:GPSLatitude></x:xmpmeta>"))
	icc := segment(0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), make([]byte, 128)...))
	com := segment(0xFE, []byte("taken at Medard lake by J. Novak"))
	for _, w := range []int{300, 700} {
		file := encodeJPEG(t, photoLike(w, 400, 10), exif, xmp, icc, com)
		if !bytes.Contains(file, []byte("Exif")) || !bytes.Contains(file, []byte("GPS")) || exifOrientation(file) != 1 {
			t.Fatal("test source lacks its metadata")
		}
		p := newProcessor(t, Options{WebP: true})
		ims, err := p.Process([]Source{memSource("gps.jpg", file)})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range ims[0].Variants {
			b, _ := v.Data()
			for _, s := range []string{"Exif", "GPS", "xmp", "ICC_PROFILE", "Novak", "EXIF", "XMP ", "ICCP"} {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%s contains %q", v.Name, s)
				}
			}
			if v.Format == "jpeg" {
				for _, m := range jpegMarkers(b) {
					if m >= 0xE0 && m <= 0xEF || m == 0xFE {
						t.Errorf("%s has marker %#x", v.Name, m)
					}
				}
			} else if !bytes.Equal(b[12:16], []byte("VP8 ")) {
				t.Errorf("%s is not a simple lossy WebP (chunk %q)", v.Name, b[12:16])
			}
		}
	}
}

// jpegMarkers lists the markers of a JPEG up to the first scan.
func jpegMarkers(b []byte) []byte {
	var out []byte
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		m := b[i+1]
		out = append(out, m)
		if m == 0xDA {
			break
		}
		i += 2 + int(binary.BigEndian.Uint16(b[i+2:]))
	}
	return out
}

// jpegHeader is a baseline JPEG header claiming w×h, with nothing after it.
func jpegHeader(w, h int) []byte {
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 1, 1, 0x11, 0}
	b := append([]byte{0xFF, 0xD8}, segment(0xC0, sof)...)
	return append(b, segment(0xDA, []byte{1, 1, 0, 0, 63, 0})...)
}

// pngHeader is a PNG signature and IHDR claiming w×h.
func pngHeader(t *testing.T, w, h int) []byte {
	good := encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := bytes.Clone(good)
	binary.BigEndian.PutUint32(b[16:], uint32(w))
	binary.BigEndian.PutUint32(b[20:], uint32(h))
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b[:33]
}

func TestErrors(t *testing.T) {
	good := encodeJPEG(t, photoLike(200, 100, 11))
	goodPNG := encodePNG(t, photoLike(200, 100, 12))
	corruptPNG := bytes.Clone(goodPNG)
	corruptPNG[len(corruptPNG)/2] ^= 0xFF
	gif := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
	tests := []struct {
		name string
		data []byte
		want string // the whole message, or a regexp after the name
	}{
		{"content/stories/lom/x.jpg", []byte("<html>not a photo</html>"), "content/stories/lom/x.jpg: not a JPEG or PNG image"},
		{"anim.gif", gif, "anim.gif: not a JPEG or PNG image"},
		{"empty.jpg", nil, "empty.jpg: empty file, not a JPEG or PNG image"},
		{"huge.jpg", jpegHeader(24000, 18000), "huge.jpg: image is 24000×18000 (432 megapixels), more than the 100 allowed"},
		{"bomb.png", pngHeader(t, 100000, 100000), "bomb.png: image is 100000×100000 (10000 megapixels), more than the 100 allowed"},
		{"zero.png", pngHeader(t, 0, 10), `^zero\.png: .*`},
		{"half.jpg", good[:len(good)/2], `^half\.jpg: truncated JPEG image \(.*\)$`},
		{"head.jpg", good[:300], `^head\.jpg: (truncated|corrupt) JPEG image`},
		{"soi.jpg", good[:2], `^soi\.jpg: truncated JPEG image`},
		{"half.png", goodPNG[:len(goodPNG)/2], `^half\.png: truncated PNG image \(.*\)$`},
		{"crc.png", corruptPNG, `^crc\.png: corrupt PNG image \(png: invalid format: .*\)$`},
		{"header-only.jpg", jpegHeader(4000, 3000), `^header-only\.jpg: (truncated|corrupt) JPEG image`},
	}
	p := newProcessor(t, Options{})
	var srcs []Source
	for _, tt := range tests {
		srcs = append(srcs, memSource(tt.name, tt.data))
	}
	srcs = append(srcs, memSource("ok.jpg", good),
		Source{Name: "gone.jpg", Open: func() (io.ReadCloser, error) { return nil, os.ErrNotExist }},
		Source{Name: "nil.jpg"})
	ims, err := p.Process(srcs)
	if err == nil {
		t.Fatal("no error")
	}
	var msgs []string
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			msgs = append(msgs, e.Error())
		}
	}
	if len(msgs) != len(tests)+2 {
		t.Fatalf("%d errors, want %d:\n%v", len(msgs), len(tests)+2, err)
	}
	for i, tt := range tests {
		if strings.HasPrefix(tt.want, "^") {
			if !regexp.MustCompile(tt.want).MatchString(msgs[i]) {
				t.Errorf("error %q does not match %s", msgs[i], tt.want)
			}
		} else if msgs[i] != tt.want {
			t.Errorf("error %q, want %q", msgs[i], tt.want)
		}
	}
	if !strings.HasPrefix(msgs[len(tests)], "gone.jpg: cannot read") || !strings.HasPrefix(msgs[len(tests)+1], "nil.jpg: ") {
		t.Errorf("open errors: %q", msgs[len(tests):])
	}
	var te *TooLargeError
	if !errors.As(err, &te) || !errors.Is(err, ErrFormat) {
		t.Errorf("errors.As/Is do not see the causes")
	}
	if len(ims) != len(srcs) || len(ims[len(tests)].Variants) != 1 {
		t.Errorf("the good image among bad ones was not processed")
	}
	if s := p.Stats(); s.Failed != len(tests)+2 || s.Processed != 1 {
		t.Errorf("stats %+v", s)
	}
	if n := p.decodes.Load(); n > 6 {
		t.Errorf("%d decodes: the header checks let too much through", n)
	}

	small := newProcessor(t, Options{MaxPixels: 5000})
	_, err = small.Process([]Source{memSource("a.jpg", good)})
	if err == nil || err.Error() != "a.jpg: image is 200×100 (0.02 megapixels), more than the 0.005 allowed" {
		t.Errorf("small limit: %v", err)
	}
}

// Many goroutines share one Processor, with duplicate sources; run with
// -race.
func TestConcurrent(t *testing.T) {
	var srcs []Source
	for i := range 6 {
		srcs = append(srcs, memSource(fmt.Sprintf("p%d.jpg", i), encodeJPEG(t, photoLike(150+i*20, 100, uint64(20+i%4)))))
	}
	srcs = append(srcs, memSource("bad.jpg", []byte("nope")))
	p := newProcessor(t, Options{CacheDir: t.TempDir(), WebP: true, Workers: 3, Widths: []int{64, 128}})
	var wg sync.WaitGroup
	results := make([][]Image, 4)
	for g := range results {
		wg.Go(func() {
			ims, err := p.Process(srcs)
			if err == nil || !strings.Contains(err.Error(), "bad.jpg: not a JPEG or PNG image") {
				t.Errorf("goroutine %d: %v", g, err)
			}
			results[g] = ims
		})
	}
	wg.Go(func() {
		if _, err := p.Clean(); err != nil {
			t.Error(err)
		}
		p.Stats()
	})
	wg.Wait()
	for g := range results {
		for i := range srcs[:6] {
			a, b := results[0][i], results[g][i]
			if a.Hash != b.Hash || len(a.Variants) != len(b.Variants) || a.Variants[0].Name != b.Variants[0].Name {
				t.Errorf("goroutine %d image %d differs", g, i)
			}
			for _, v := range b.Variants {
				if _, err := v.Data(); err != nil {
					t.Error(err)
				}
			}
		}
	}
	s := p.Stats()
	if s.Processed+s.Cached != 4*6 || s.Failed != 4 || s.Processed > 6 {
		t.Errorf("stats %+v", s)
	}
	if p.decodes.Load() != int64(s.Processed) {
		t.Errorf("%d decodes for %d processed", p.decodes.Load(), s.Processed)
	}
}

func TestBaseName(t *testing.T) {
	for in, want := range map[string]string{
		"content/stories/lom/lom-medard.jpg":        "lom-medard",
		"content/stories/lom/Lom Medard – léto.JPG": "lom-medard-leto",
		`C:\fotky\Žluťoučký kůň.jpeg`:               "zlutoucky-kun",
		"Łódź_2024.png":                             "lodz-2024",
		".jpg":                                      "jpg",
		"---.jpg":                                   "image",
		"a.b.c.png":                                 "a-b-c",
	} {
		if got := baseName(in); got != want {
			t.Errorf("baseName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The same photo and options give the same bytes, in any cache: builds
// are reproducible.
func TestDeterministic(t *testing.T) {
	src := memSource("a.jpg", encodeJPEG(t, photoLike(600, 300, 14)))
	var runs [2][]Image
	for i := range runs {
		p := newProcessor(t, Options{WebP: true, Workers: 1 + i})
		ims, err := p.Process([]Source{src})
		if err != nil {
			t.Fatal(err)
		}
		runs[i] = ims
	}
	for j, v := range runs[0][0].Variants {
		w := runs[1][0].Variants[j]
		a, _ := v.Data()
		b, _ := w.Data()
		if v.Name != w.Name || !bytes.Equal(a, b) {
			t.Errorf("%s and %s differ", v.Name, w.Name)
		}
	}
}

// The cache folder appears with the first entry: a site without photos
// gets none, and cleaning a cache that was never written is no error.
func TestCacheFolderMadeOnFirstEntry(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".portal-cache", "images")
	p := newProcessor(t, Options{CacheDir: dir, Widths: []int{50}})
	if _, err := p.Process(nil); err != nil {
		t.Fatal(err)
	}
	if n, err := p.Clean(); n != 0 || err != nil {
		t.Errorf("Clean of a missing cache = %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Dir(dir)); !os.IsNotExist(err) {
		t.Errorf("a processor without photos made the cache folder (%v)", err)
	}
	if _, err := p.Process([]Source{memSource("a.jpg", encodeJPEG(t, photoLike(80, 60, 3)))}); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*", "*", manifestFile)); len(m) != 1 {
		t.Errorf("entries after the first photo: %v", m)
	}
}

// Check finds what Process would refuse, with the same messages, and
// writes nothing; a photo already in the cache is not decoded again.
func TestCheck(t *testing.T) {
	good := encodeJPEG(t, photoLike(200, 100, 31))
	cachedPhoto := encodeJPEG(t, photoLike(150, 100, 32))
	goodPNG := encodePNG(t, photoLike(120, 90, 33))
	corruptPNG := bytes.Clone(goodPNG)
	corruptPNG[len(corruptPNG)/2] ^= 0xFF
	srcs := []Source{
		memSource("ok.jpg", good),
		memSource("cached.jpg", cachedPhoto),
		memSource("half.jpg", good[:len(good)/2]),
		memSource("crc.png", corruptPNG),
		memSource("huge.jpg", jpegHeader(24000, 18000)),
		memSource("page.jpg", []byte("<html>")),
		memSource("empty.jpg", nil),
		{Name: "gone.jpg", Open: func() (io.ReadCloser, error) { return nil, os.ErrNotExist }},
	}
	dir := filepath.Join(t.TempDir(), "cache")
	opts := Options{CacheDir: dir, Widths: []int{64}}
	if _, err := newProcessor(t, opts).Process(srcs[1:2]); err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		var b strings.Builder
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if fi, err := d.Info(); err == nil {
				fmt.Fprintf(&b, "%s %d %v\n", p, fi.Size(), fi.ModTime().UnixNano())
			}
			return nil
		})
		return b.String()
	}
	before := snapshot()

	p := newProcessor(t, opts)
	err := p.Check(srcs)
	if snapshot() != before {
		t.Errorf("Check changed the cache folder:\n%s\nwas\n%s", snapshot(), before)
	}
	if n := p.decodes.Load(); n != 3 {
		t.Errorf("%d decodes, want 3 (ok.jpg, half.jpg, crc.png; cached.jpg is in the cache, the rest fail before decoding)", n)
	}
	_, perr := newProcessor(t, Options{CacheDir: t.TempDir(), Widths: []int{64}}).Process(srcs)
	if err == nil || perr == nil || err.Error() != perr.Error() {
		t.Errorf("Check says\n%v\nProcess says\n%v", err, perr)
	}
	if err != nil && (strings.Contains(err.Error(), "ok.jpg") || strings.Contains(err.Error(), "cached.jpg") || strings.Count(err.Error(), "\n") != 5) {
		t.Errorf("Check: %v", err)
	}

	missing := newProcessor(t, Options{CacheDir: filepath.Join(t.TempDir(), "none")})
	if err := missing.Check(srcs[:1]); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(missing.opts.CacheDir); !os.IsNotExist(err) {
		t.Errorf("Check made the cache folder")
	}
}

// A long-lived Processor trusts a source whose Stamp it has seen and does
// not read it again; a new Stamp, or a new Processor, reads it.
func TestStamp(t *testing.T) {
	data := encodeJPEG(t, photoLike(120, 80, 60))
	opened := 0
	src := func(stamp string) Source {
		return Source{Name: "a.jpg", Stamp: stamp, Open: func() (io.ReadCloser, error) {
			opened++
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
	}
	dir := t.TempDir()
	p := newProcessor(t, Options{CacheDir: dir, Widths: []int{60}})
	tests := []struct {
		stamp      string
		wantOpened int
	}{
		{"100 1", 1}, // first sight: read and hashed
		{"100 1", 1}, // same stamp: trusted
		{"100 2", 2}, // changed: read again
		{"", 3},      // no stamp: always read
		{"100 2", 3},
	}
	for i, tt := range tests {
		ims, err := p.Process([]Source{src(tt.stamp)})
		if err != nil || len(ims[0].Variants) != 1 {
			t.Fatalf("%d: %v", i, err)
		}
		if opened != tt.wantOpened {
			t.Errorf("step %d (stamp %q): opened %d times, want %d", i, tt.stamp, opened, tt.wantOpened)
		}
	}
	if s := p.Stats(); s.Processed != 1 || s.Cached != 4 {
		t.Errorf("stats %+v", s)
	}
	// A trusted entry that left the cache is made again from the file.
	os.RemoveAll(filepath.Join(dir))
	if _, err := p.Process([]Source{src("100 2")}); err != nil || opened != 4 {
		t.Errorf("after the cache was removed: %v, opened %d times", err, opened)
	}
	if _, err := newProcessor(t, Options{CacheDir: dir, Widths: []int{60}}).Process([]Source{src("100 2")}); err != nil || opened != 5 {
		t.Errorf("a new processor: %v, opened %d times", err, opened)
	}
}
