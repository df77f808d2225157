package imaging

import (
	"encoding/binary"
	"image"
)

// exifOrientation returns the EXIF orientation (1–8) of a JPEG file, or 1
// when the file has none or it cannot be read. It walks the JPEG markers up
// to the first scan, finds the APP1 segment that starts with "Exif\0\0",
// and reads tag 0x0112 of IFD0 of the TIFF structure inside it, in either
// byte order. Every offset is checked: malformed metadata means "no
// rotation", never an error or a panic.
func exifOrientation(b []byte) int {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return 1
	}
	i := 2
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			return 1 // not at a marker: the structure is broken
		}
		m := b[i+1]
		switch {
		case m == 0xFF: // fill byte
			i++
			continue
		case m == 0x01 || (m >= 0xD0 && m <= 0xD8): // markers without a length
			i += 2
			continue
		case m == 0xD9 || m == 0xDA: // end of image, start of scan: no metadata after this
			return 1
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return 1
		}
		seg := b[i+4 : i+2+n]
		if m == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			if o := tiffOrientation(seg[6:]); o != 0 {
				return o
			}
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation reads the orientation tag of IFD0 of a TIFF structure;
// 0 means not found or invalid.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	if bo.Uint16(t[2:]) != 42 {
		return 0
	}
	off := uint64(bo.Uint32(t[4:]))
	if off+2 > uint64(len(t)) {
		return 0
	}
	count := int(bo.Uint16(t[off:]))
	for k := 0; k < count; k++ {
		e := off + 2 + uint64(k)*12
		if e+12 > uint64(len(t)) {
			return 0
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		typ, n := bo.Uint16(t[e+2:]), bo.Uint32(t[e+4:])
		if n < 1 {
			return 0
		}
		var v uint32
		switch typ {
		case 3: // SHORT: the value sits in the first two bytes of the field
			v = uint32(bo.Uint16(t[e+8:]))
		case 4: // LONG: written by a few tools
			v = bo.Uint32(t[e+8:])
		default:
			return 0
		}
		if v >= 1 && v <= 8 {
			return int(v)
		}
		return 0
	}
	return 0
}

// transposed tells whether an orientation swaps width and height.
func transposed(o int) bool { return o >= 5 && o <= 8 }

// orient returns m turned as EXIF orientation o says, so that it shows
// upright. Orientation 1 (or an unknown value) returns m itself.
//
//	1 as stored          5 transpose (mirror about the main diagonal)
//	2 mirror left–right  6 rotate 90° clockwise
//	3 rotate 180°        7 transverse (mirror about the other diagonal)
//	4 mirror top–bottom  8 rotate 90° counter-clockwise
func orient(m *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	W, H := w, h
	if transposed(o) {
		W, H = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, W, H))
	for y := 0; y < H; y++ {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+W*4]
		for x := 0; x < W; x++ {
			// (sx, sy) is the stored pixel shown at (x, y).
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			s := (sy)*m.Stride + sx*4
			copy(row[x*4:x*4+4], m.Pix[s:s+4])
		}
	}
	return dst
}
