package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/deepteams/webp"
	xwebp "golang.org/x/image/webp"

	"github.com/transformace/portal/generator/l10n"
)

// WebP encoder settings: quality 7 below the JPEG quality gave the same
// PSNR in the measurements of doc.go (JPEG 82 ≈ WebP 75), and method 4
// (the encoder's default) was 20 % smaller than method 2 for twice the time.
const webpMethod = 4

func webpQuality(jpegQuality int) int { return max(1, jpegQuality-7) }

// produce decodes data, writes every variant into a new cache entry and
// returns its manifest. rejected reports that the WebP variants failed
// verification and were left out. Errors do not carry the source name.
func (p *Processor) produce(key, hash string, data []byte) (m *manifest, rejected bool, err error) {
	cfg, format, err := decodeConfig(data)
	if err != nil {
		return nil, false, err
	}
	if err := p.checkConfig(cfg, format); err != nil {
		return nil, false, err
	}
	o := 1
	if format == "jpeg" {
		o = exifOrientation(data)
	}
	defer p.mem.release(p.mem.acquire(memoryNeed(cfg, format, data)))
	p.decodes.Add(1)
	src, err := decode(format, data)
	if err != nil {
		return nil, false, err
	}
	// data is not used below: the file bytes can be collected while the
	// large buffers are allocated.
	opaque := isOpaque(src)

	b := src.Bounds()
	W, H := b.Dx(), b.Dy() // upright size
	if transposed(o) {
		W, H = H, W
	}
	widths := p.targets(W)
	stored := func(tw int) (int, int) { // the size before orientation
		th := heightFor(tw, W, H)
		if transposed(o) {
			return th, tw
		}
		return tw, th
	}

	if err := os.MkdirAll(p.opts.CacheDir, 0o755); err != nil {
		return nil, false, fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.MkdirTemp(p.opts.CacheDir, ".tmp-")
	if err != nil {
		return nil, false, fmt.Errorf("cache: %w", err)
	}
	defer func() {
		if tmp != "" {
			os.RemoveAll(tmp)
		}
	}()

	// The largest variant comes from the decoded source, which is then
	// dropped; the smaller ones come from the largest.
	last := len(widths) - 1
	var largest *image.RGBA
	if err := guard("scaling", func() {
		sw, sh := stored(widths[last])
		largest = scale(src, sw, sh)
	}); err != nil {
		return nil, false, err
	}
	src = nil
	flatten(largest, opaque)

	m = &manifest{Version: version, Source: hash, Width: widths[last], Height: heightFor(widths[last], W, H)}
	var jpegs, webps []mvariant
	webpOK := p.opts.WebP
	for i := last; i >= 0; i-- {
		v := largest
		if i != last {
			if err := guard("scaling", func() {
				sw, sh := stored(widths[i])
				v = scale(largest, sw, sh)
			}); err != nil {
				return nil, false, err
			}
			flatten(v, true)
		}
		v = orient(v, o)
		w, h := v.Rect.Dx(), v.Rect.Dy()

		var buf bytes.Buffer
		if err := guard("JPEG encoding", func() {
			err = jpeg.Encode(&buf, v, &jpeg.Options{Quality: p.opts.Quality})
		}); err != nil {
			return nil, false, err
		}
		if err != nil {
			return nil, false, fmt.Errorf("JPEG encoding: %w", err)
		}
		mv, err := writeVariant(tmp, w, h, "jpeg", buf.Bytes())
		if err != nil {
			return nil, false, err
		}
		jpegs = append(jpegs, mv)

		if webpOK {
			buf.Reset()
			if encodeWebP(&buf, v, p.opts.Quality) != nil {
				webpOK = false
				continue
			}
			mv, err := writeVariant(tmp, w, h, "webp", buf.Bytes())
			if err != nil {
				return nil, false, err
			}
			webps = append(webps, mv)
		}
	}
	rejected = p.opts.WebP && !webpOK
	for i := len(jpegs) - 1; i >= 0; i-- { // ascending width, JPEG first
		m.Variants = append(m.Variants, jpegs[i])
		if webpOK {
			m.Variants = append(m.Variants, webps[i])
		}
	}
	if rejected {
		for _, v := range webps {
			os.Remove(filepath.Join(tmp, v.File))
		}
	}
	if err := p.commit(tmp, key, m); err != nil {
		return nil, false, err
	}
	tmp = "" // renamed into place
	return m, rejected, nil
}

// encodeWebP encodes v as lossy WebP and checks the result by decoding it
// with golang.org/x/image/webp, a decoder independent of the encoder: a
// young encoder's bug must cost the WebP variant, not a broken photo on the
// site.
func encodeWebP(buf *bytes.Buffer, v *image.RGBA, quality int) (err error) {
	err = guard("WebP encoding", func() {
		o := webp.OptionsForPreset(webp.PresetPhoto, float32(webpQuality(quality)))
		o.Method = webpMethod
		err = webp.Encode(buf, v, o)
	})
	if err != nil {
		return err
	}
	var got image.Image
	if gerr := guard("WebP verification", func() {
		got, err = xwebp.Decode(bytes.NewReader(buf.Bytes()))
	}); gerr != nil {
		return gerr
	}
	if err != nil {
		return err
	}
	if got.Bounds().Size() != v.Rect.Size() {
		return fmt.Errorf("WebP verification: %v decoded as %v", v.Rect.Size(), got.Bounds().Size())
	}
	return nil
}

func writeVariant(dir string, w, h int, format string, b []byte) (mvariant, error) {
	name := strconv.Itoa(w) + "." + extension(format)
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		return mvariant{}, fmt.Errorf("cache: %w", err)
	}
	return mvariant{Width: w, Height: h, Format: format, File: name, Size: int64(len(b))}, nil
}

// guard runs f and turns a panic inside it (a decoder, scaler or encoder
// meeting input it did not expect) into an error.
func guard(what string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s failed: internal error: %v", what, r)
		}
	}()
	f()
	return nil
}

// decodeConfig reads the header only: format and size.
func decodeConfig(data []byte) (cfg image.Config, format string, err error) {
	if gerr := guard("reading the image header", func() {
		cfg, format, err = image.DecodeConfig(bytes.NewReader(data))
	}); gerr != nil {
		return cfg, "", gerr
	}
	if errors.Is(err, image.ErrFormat) {
		return cfg, "", ErrFormat
	}
	if err != nil {
		return cfg, "", decodeError(format, err, data)
	}
	return cfg, format, nil
}

// decode decodes a JPEG or PNG with its own decoder, never with one that
// another package registered.
func decode(format string, data []byte) (m image.Image, err error) {
	if gerr := guard("decoding", func() {
		r := bytes.NewReader(data)
		switch format {
		case "jpeg":
			m, err = jpeg.Decode(r)
		case "png":
			m, err = png.Decode(r)
		default:
			err = ErrFormat
		}
	}); gerr != nil {
		return nil, gerr
	}
	if err != nil {
		return nil, decodeError(format, err, data)
	}
	return m, nil
}

// decodeError words a decoder's error for an editor. A file that does not
// end as its format ends (JPEG's EOI marker, PNG's IEND chunk) was most
// likely cut short, whatever the decoder tripped over.
func decodeError(format string, err error, data []byte) error {
	if errors.Is(err, ErrFormat) {
		return err
	}
	name := formatName(format)
	truncated := errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
	switch format {
	case "jpeg":
		end := bytes.TrimRight(data, "\x00") // some cameras pad after EOI
		truncated = truncated || !bytes.HasSuffix(end, []byte{0xFF, 0xD9})
	case "png":
		truncated = truncated || !bytes.HasSuffix(data, []byte("IEND\xaeB`\x82"))
	}
	if truncated {
		return l10n.Errorf("truncated %s image (%v)", name, err)
	}
	return l10n.Errorf("corrupt %s image (%v)", name, err)
}
