package site

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/content"
)

// storyJPEG is a w×h JPEG whose left half is red and right half blue,
// carrying the metadata a phone writes: an EXIF block with the camera, an
// orientation and a GPS position, and an XMP packet with the position again.
func storyJPEG(t *testing.T, w, h int, orientation uint16) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{200, 30, 30, 255}
			if x >= w/2 {
				c = color.RGBA{30, 30, 200, 255}
			}
			m.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	segment := func(marker byte, payload []byte) []byte {
		s := []byte{0xFF, marker, 0, 0}
		binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
		return append(s, payload...)
	}
	// TIFF, little endian: IFD0 at 8 with Make, Orientation and the GPS
	// IFD pointer; the GPS IFD with the latitude reference and latitude.
	le := binary.LittleEndian
	tiff := []byte("II*\x00\x08\x00\x00\x00")
	entry := func(tag, typ uint16, n uint32, value []byte) []byte {
		e := le.AppendUint16(nil, tag)
		e = le.AppendUint16(e, typ)
		e = le.AppendUint32(e, n)
		return append(e, append(value, make([]byte, 4-len(value))...)...)
	}
	const ifd0, gps, makeAt, latAt = 8, 8 + 2 + 3*12 + 4, 8 + 2 + 3*12 + 4 + 2 + 2*12 + 4, 8 + 2 + 3*12 + 4 + 2 + 2*12 + 4 + 14
	tiff = le.AppendUint16(tiff, 3)
	tiff = append(tiff, entry(0x010F, 2, 14, le.AppendUint32(nil, makeAt))...)
	tiff = append(tiff, entry(0x0112, 3, 1, le.AppendUint16(nil, orientation))...)
	tiff = append(tiff, entry(0x8825, 4, 1, le.AppendUint32(nil, gps))...)
	tiff = append(tiff, 0, 0, 0, 0)
	tiff = le.AppendUint16(tiff, 2)
	tiff = append(tiff, entry(0x0001, 2, 2, []byte("N\x00"))...)
	tiff = append(tiff, entry(0x0002, 5, 3, le.AppendUint32(nil, latAt))...)
	tiff = append(tiff, 0, 0, 0, 0)
	tiff = append(tiff, "PortalTestCam\x00"...)
	for _, r := range []uint32{50, 1, 10, 1, 8931, 1000} { // 50° 10' 8.931"
		tiff = le.AppendUint32(tiff, r)
	}
	if len(tiff) != latAt+24 {
		t.Fatalf("TIFF layout: %d bytes", len(tiff))
	}
	exif := segment(0xE1, append([]byte("Exif\x00\x00"), tiff...))
	xmp := segment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>50,10.14885N</exif:GPSLatitude></x:xmpmeta>"))
	b := buf.Bytes()
	out := append(append(append([]byte{0xFF, 0xD8}, exif...), xmp...), b[2:]...)
	for _, s := range []string{"Exif\x00\x00", "PortalTestCam", "GPSLatitude", "50,10"} {
		if !bytes.Contains(out, []byte(s)) {
			t.Fatalf("test photo lacks %q", s)
		}
	}
	return out
}

// storySite is the fixture site with a photo story in Karlovy Vary region,
// where the fixture's only project states no budget.
func storySite(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/basic")); err != nil {
		t.Fatal(err)
	}
	// Builds of the fixture (TestGolden) leave their image cache in it;
	// this site starts without one, whatever ran before.
	if err := os.RemoveAll(filepath.Join(src, ".portal-cache")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(src, "content", "stories", "jezero")
	files := map[string][]byte{
		"index.cs.md": []byte(`+++
title = "Z lomu jezero"
summary = "Lom se zaplnil vodou."
region = "karlovarsky"
cover = "jezero.jpg"
cover_alt = "Jezero za soumraku"
credit = "Foto: Jana Nová, CC BY 4.0"
date = 2026-01-15
+++

Úvod.

![Lom před zatopením](pred.jpg "Lom v roce 2005") ![Jezero po zatopení](po.jpg "Totéž místo dnes")

Text.

![Vyhlídková věž](vez.jpg "Věž na výsypce")
`),
		"index.en.md": []byte(`+++
title = "From quarry to lake"
summary = "The quarry filled with water."
cover_alt = "The lake at dusk"
credit = "Photo: Jana Nová, CC BY 4.0"
+++

Intro.

![The quarry before flooding](pred.jpg "The quarry in 2005") ![The lake after flooding](po.jpg "The same place today")

Text.

![A lookout tower](vez.jpg "A tower on the spoil heap")
`),
		"jezero.jpg": storyJPEG(t, 2000, 1200, 1),
		"pred.jpg":   storyJPEG(t, 1000, 600, 1),
		"po.jpg":     storyJPEG(t, 1000, 600, 3),
		// Stored lying on its side, 1200×800, turned upright by EXIF
		// orientation 6 (rotate 90° clockwise): 800×1200.
		"vez.jpg": storyJPEG(t, 1200, 800, 6),
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

var (
	imgRe    = regexp.MustCompile(`<img [^>]*>`)
	srcsetRe = regexp.MustCompile(`srcset="([^"]*)"`)
)

func attrOf(tag, name string) (string, bool) {
	m := regexp.MustCompile(`\s` + name + `="([^"]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// TestStoryPhotos builds a site with a photo story and checks what issue 4
// asks of the published pages and photos.
func TestStoryPhotos(t *testing.T) {
	src := storySite(t)
	out := filepath.Join(t.TempDir(), "public")
	cfg := Config{Src: src, Out: out, Theme: portal.Theme, NoMinify: true, Updated: fixed}
	res, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Photos != 4 || res.PhotosCached != 0 {
		t.Errorf("first build: %d photos processed, %d from cache; want 4, 0", res.Photos, res.PhotosCached)
	}

	story := read(t, out, "cs/pribehy/jezero/index.html")
	imgs := imgRe.FindAllString(story, -1)
	if len(imgs) != 4 {
		t.Fatalf("story page has %d images, want 4 (cover, pair, tower):\n%s", len(imgs), strings.Join(imgs, "\n"))
	}
	for i, img := range imgs {
		for _, a := range []string{"src", "srcset", "sizes", "width", "height", "alt"} {
			if v, ok := attrOf(img, a); !ok || v == "" {
				t.Errorf("image %d has no %s: %s", i, a, img)
			}
		}
		if v, _ := attrOf(img, "decoding"); v != "async" {
			t.Errorf("image %d is not decoding=async: %s", i, img)
		}
		lazy, _ := attrOf(img, "loading")
		if i == 0 && lazy != "" {
			t.Errorf("the cover, the first image, is loading=%q", lazy)
		}
		if i > 0 && lazy != "lazy" {
			t.Errorf("image %d is not lazy: %s", i, img)
		}
	}
	cover := imgs[0]
	if v, _ := attrOf(cover, "sizes"); v != "100vw" {
		t.Errorf("the cover spans the window but has sizes=%q", v)
	}
	if v, _ := attrOf(cover, "alt"); v != "Jezero za soumraku" {
		t.Errorf("cover alt %q", v)
	}
	srcset, _ := attrOf(cover, "srcset")
	if ws := regexp.MustCompile(` (\d+)w`).FindAllStringSubmatch(srcset, -1); len(ws) != 3 || ws[0][1] != "480" || ws[1][1] != "960" || ws[2][1] != "1600" {
		t.Errorf("cover srcset %q: want 480, 960 and 1600 px", srcset)
	}
	if w, _ := attrOf(cover, "width"); w != "1600" {
		t.Errorf("cover width %s, want 1600", w)
	}
	if h, _ := attrOf(cover, "height"); h != "960" {
		t.Errorf("cover height %s, want 960", h)
	}
	// The 1000 px photos are published at 480 and 960 px, never upscaled
	// to 1600.
	if s, _ := attrOf(imgs[1], "srcset"); !strings.HasSuffix(s, " 960w") || strings.Contains(s, "1600w") || strings.Count(s, "w, ") != 1 {
		t.Errorf("a 1000 px photo has srcset %q", s)
	}
	// The tower stands upright: 800×1200.
	tower := imgs[3]
	if w, _ := attrOf(tower, "width"); w != "800" {
		t.Errorf("the tower is %s px wide, want 800 (EXIF orientation 6)", w)
	}
	if h, _ := attrOf(tower, "height"); h != "1200" {
		t.Errorf("the tower is %s px high, want 1200", h)
	}
	for _, want := range []string{
		`<source type="image/webp" srcset="/media/jezero/jezero-480.`,
		`<figcaption class="credit">Foto: Jana Nová, CC BY 4.0</figcaption>`,
		`<div class="compare" data-label="`,
		`<figcaption>Lom v roce 2005<span class="credit">Foto: Jana Nová, CC BY 4.0</span></figcaption>`,
		`<figcaption>Totéž místo dnes<span class="credit">Foto: Jana Nová, CC BY 4.0</span></figcaption>`,
		`<figcaption>Věž na výsypce<span class="credit">Foto: Jana Nová, CC BY 4.0</span></figcaption>`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`<meta property="og:image:width" content="1600">`,
		`<meta property="og:image:height" content="960">`,
		`<meta property="og:image:alt" content="Jezero za soumraku">`,
	} {
		if !strings.Contains(story, want) {
			t.Errorf("story page: missing %s", want)
		}
	}
	og := regexp.MustCompile(`<meta property="og:image" content="https://portal\.example\.cz(/media/jezero/jezero-1600\.[0-9a-f]{8}\.jpg)">`).FindStringSubmatch(story)
	if og == nil || !strings.Contains(srcset, og[1]+" 1600w") {
		t.Errorf("og:image is not the largest variant of the cover (%q)", og)
	}
	// The two photos of the pair stand in the same compare block, which
	// holds nothing else.
	pair := regexp.MustCompile(`(?s)<div class="compare"[^>]*>(.*?)</div>`).FindStringSubmatch(story)
	if pair == nil || strings.Count(pair[1], "<figure") != 2 || strings.Count(pair[1], "<img") != 2 {
		t.Errorf("before/after pair: %q", pair)
	}
	en := read(t, out, "en/stories/jezero/index.html")
	for _, want := range []string{`<figcaption class="credit">Photo: Jana Nová, CC BY 4.0</figcaption>`, `<figcaption>The quarry in 2005<span class="credit">Photo: Jana Nová, CC BY 4.0</span>`, `alt="The lake at dusk"`} {
		if !strings.Contains(en, want) {
			t.Errorf("English story page: missing %s", want)
		}
	}

	// Every published photo: every srcset entry of every page exists, and
	// no published file carries metadata.
	published := map[string]bool{}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			b, _ := os.ReadFile(p)
			for _, m := range srcsetRe.FindAllStringSubmatch(string(b), -1) {
				for _, c := range strings.Split(m[1], ", ") {
					published[strings.Fields(c)[0]] = true
				}
			}
		}
		return nil
	})
	media, _ := filepath.Glob(filepath.Join(out, "media", "jezero", "*"))
	if len(media) != 2*(3+2+2+2) || len(published) != len(media) {
		t.Errorf("%d files in /media/jezero/, %d addresses in srcsets; want 18 of each", len(media), len(published))
	}
	for u := range published {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(u)))
		if err != nil {
			t.Errorf("srcset names %s: %v", u, err)
			continue
		}
		for _, s := range []string{"Exif", "PortalTestCam", "GPS", "xmpmeta", "ns.adobe.com", "50,10"} {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s contains %q", u, s)
			}
		}
		if strings.HasSuffix(u, ".jpg") {
			for i := 2; i+4 <= len(b) && b[i] == 0xFF && b[i+1] != 0xDA; i += 2 + int(binary.BigEndian.Uint16(b[i+2:])) {
				if m := b[i+1]; m >= 0xE0 && m <= 0xEF || m == 0xFE {
					t.Errorf("%s has the metadata segment %#x", u, m)
				}
			}
		}
	}
	// The tower's pixels are turned too: the stored left half (red) is on
	// top, the right half (blue) at the bottom.
	if towers, _ := filepath.Glob(filepath.Join(out, "media", "jezero", "vez-800.*.jpg")); len(towers) == 1 {
		f, _ := os.Open(towers[0])
		m, err := jpeg.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		top, bottom := color.RGBAModel.Convert(m.At(400, 150)).(color.RGBA), color.RGBAModel.Convert(m.At(400, 1050)).(color.RGBA)
		if m.Bounds().Dx() != 800 || m.Bounds().Dy() != 1200 || top.R < 150 || top.B > 90 || bottom.B < 150 || bottom.R > 90 {
			t.Errorf("tower %v: top %v, bottom %v; want red on top, blue below", m.Bounds().Size(), top, bottom)
		}
	} else {
		t.Errorf("tower variants: %v", towers)
	}

	// The region page: its cover (eager), the story, the projects, and a
	// budget that is unknown rather than zero.
	region := read(t, out, "cs/kraje/karlovarsky-kraj/index.html")
	for _, want := range []string{
		`<figure class="region-cover"><picture>`,
		`</picture><figcaption class="credit">Foto: Jana Nová, CC BY 4.0</figcaption></figure>`,
		`alt="Jezero za soumraku" class="cover-img" decoding="async">`,
		`href="/cs/pribehy/jezero/"`,
		`href="/cs/projekty/jednotka/"`,
		`<dt>Celkový rozpočet</dt><dd>neuvedeno</dd>`,
		`<meta property="og:image" content="https://portal.example.cz/media/jezero/jezero-1600.`,
	} {
		if !strings.Contains(region, want) {
			t.Errorf("region page: missing %s", want)
		}
	}
	if en := read(t, out, "en/regions/karlovy-vary-region/index.html"); !strings.Contains(en, `<figcaption class="credit">Photo: Jana Nová, CC BY 4.0</figcaption>`) {
		t.Error("English region page: the cover's credit is missing or not English")
	}
	if strings.Contains(region, "0"+"\u00a0"+"Kč") {
		t.Error("region page: a region whose projects state no budget shows 0 Kč")
	}
	// The home page: a grid of regions, with the photo on Karlovy Vary
	// region's tile, the first image of the page and not lazy.
	home := read(t, out, "cs/index.html")
	tile := regexp.MustCompile(`(?s)<a class="region-tile region-karlovarsky has-photo" href="/cs/kraje/karlovarsky-kraj/"><picture>.*?<img [^>]*>.*?<span class="region-name">Karlovarský kraj</span>`).FindString(home)
	if tile == "" {
		t.Errorf("home page: no photo tile of Karlovarský kraj")
	}
	if first := imgRe.FindString(home); !strings.Contains(first, "/media/jezero/jezero-") || strings.Contains(first, `loading="lazy"`) {
		t.Errorf("home page: the first image should be the region tile's photo, not lazy: %s", first)
	}

	// A rebuild with the same photos does no image work and publishes the
	// same bytes.
	before := read(t, out, "media/jezero/"+filepath.Base(og[1]))
	res, err = Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Photos != 0 || res.PhotosCached != 4 {
		t.Errorf("rebuild: %d photos processed, %d from cache; want 0, 4", res.Photos, res.PhotosCached)
	}
	if after := read(t, out, "media/jezero/"+filepath.Base(og[1])); after != before {
		t.Error("rebuild changed a published photo")
	}

	// A replaced photo is processed again; once the old entry has not been
	// used for a while, the build removes it from the cache, and its
	// variants leave the site.
	manifests := func() []string {
		m, _ := filepath.Glob(filepath.Join(src, ".portal-cache", "images", "*", "*", "manifest.json"))
		return m
	}
	if n := len(manifests()); n != 4 {
		t.Fatalf("%d cache entries, want 4", n)
	}
	old := time.Now().Add(-time.Hour)
	for _, m := range manifests() {
		os.Chtimes(m, old, old)
	}
	oldTower, _ := filepath.Glob(filepath.Join(out, "media", "jezero", "vez-*"))
	if err := os.WriteFile(filepath.Join(src, "content/stories/jezero/vez.jpg"), storyJPEG(t, 1200, 800, 8), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err = Build(cfg); err != nil {
		t.Fatal(err)
	}
	if res.Photos != 1 || res.PhotosCached != 3 {
		t.Errorf("after replacing a photo: %d processed, %d from cache; want 1, 3", res.Photos, res.PhotosCached)
	}
	if n := len(manifests()); n != 4 {
		t.Errorf("%d cache entries after the replaced photo's build, want 4: the stale one should be removed", n)
	}
	for _, f := range oldTower {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s of the replaced photo is still published", f)
		}
	}

	// A truncated photo is a content error naming the file, and nothing is
	// published.
	pub := read(t, out, "cs/pribehy/jezero/index.html")
	good := storyJPEG(t, 1000, 600, 1)
	if err := os.WriteFile(filepath.Join(src, "content/stories/jezero/po.jpg"), good[:len(good)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Build(cfg)
	var es content.Errors
	if !errors.As(err, &es) || len(es) != 1 || !strings.HasPrefix(es[0].Error(), "content/stories/jezero/po.jpg: truncated JPEG image") {
		t.Errorf("truncated photo: %v", err)
	}
	if read(t, out, "cs/pribehy/jezero/index.html") != pub {
		t.Error("a failed build changed the published story")
	}
}

// portal check finds a broken photo as a build would, and writes nothing,
// not even into the image cache.
func TestCheckPhotos(t *testing.T) {
	src := storySite(t)
	cfg := Config{Src: src, Theme: portal.Theme, Updated: fixed}
	if _, err := Check(cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(src, ".portal-cache")); !os.IsNotExist(err) {
		t.Errorf("check wrote the image cache (%v)", err)
	}
	for name, data := range map[string][]byte{
		"po.jpg":  storyJPEG(t, 1000, 600, 1)[:3000],
		"vez.jpg": []byte("<html>not a photo</html>"),
	} {
		if err := os.WriteFile(filepath.Join(src, "content/stories/jezero", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Check(cfg)
	var es content.Errors
	if !errors.As(err, &es) || len(es) != 2 ||
		!strings.HasPrefix(es[0].Error(), "content/stories/jezero/po.jpg: truncated JPEG image") ||
		es[1].Error() != "content/stories/jezero/vez.jpg: not a JPEG or PNG image" {
		t.Errorf("check of broken photos: %v", err)
	}
}
