package imaging

import (
	"encoding/binary"
	"fmt"
	"image"
	"slices"
	"testing"
)

func TestExifOrientation(t *testing.T) {
	plain := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	le, be := order(binary.LittleEndian), order(binary.BigEndian)

	type tc struct {
		name string
		file []byte
		want int
	}
	var tests []tc
	for _, bo := range []order{le, be} {
		for o := uint16(1); o <= 8; o++ {
			tests = append(tests, tc{fmt.Sprintf("%v/%d", bo, o), withSegments(plain, orientationSegment(bo, o)), int(o)})
		}
	}
	xmp := segment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta/>"))
	jfif := segment(0xE0, []byte("JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00"))
	tiffOnly := func(tiff []byte) []byte {
		return withSegments(plain, segment(0xE1, append([]byte("Exif\x00\x00"), tiff...)))
	}
	tests = append(tests,
		tc{"no EXIF", plain, 1},
		tc{"not a JPEG", []byte("\x89PNG\r\n\x1a\n"), 1},
		tc{"empty", nil, 1},
		tc{"after JFIF and XMP", withSegments(plain, jfif, xmp, orientationSegment(be, 6)), 6},
		tc{"fill bytes before marker", withSegments(plain, []byte{0xFF, 0xFF}, orientationSegment(le, 3)), 3},
		tc{"with GPS IFD", withSegments(plain, exifSegment(le, []ifdEntry{{0x0112, 3, 1, short(le, 8)}}, true)), 8},
		tc{"LONG type", withSegments(plain, exifSegment(be, []ifdEntry{{0x0112, 4, 1, be.AppendUint32(nil, 5)}}, false)), 5},
		tc{"ASCII type", withSegments(plain, exifSegment(le, []ifdEntry{{0x0112, 2, 2, []byte("6\x00")}}, false)), 1},
		tc{"zero count", withSegments(plain, exifSegment(le, []ifdEntry{{0x0112, 3, 0, short(le, 6)}}, false)), 1},
		tc{"value 0", withSegments(plain, orientationSegment(le, 0)), 1},
		tc{"value 9", withSegments(plain, orientationSegment(le, 9)), 1},
		tc{"value 0x0600 (wrong byte order)", withSegments(plain, exifSegment(le, []ifdEntry{{0x0112, 3, 1, short(be, 6)}}, false)), 1},
		tc{"bad byte order mark", tiffOnly([]byte("IM*\x00\x08\x00\x00\x00")), 1},
		tc{"bad magic", tiffOnly([]byte("II+\x00\x08\x00\x00\x00")), 1},
		tc{"IFD offset past the end", tiffOnly([]byte("II*\x00\xff\xff\xff\xff")), 1},
		tc{"entry count past the end", tiffOnly([]byte("II*\x00\x08\x00\x00\x00\xff\xff\x12\x01\x03\x00")), 1},
		tc{"short TIFF", tiffOnly([]byte("MM\x00*")), 1},
		tc{"segment length past the end", append(slices.Clone(plain[:2]), 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x'), 1},
		tc{"segment length below 2", append(slices.Clone(plain[:2]), 0xFF, 0xE1, 0x00, 0x01, 0, 0), 1},
		tc{"garbage after SOI", append(slices.Clone(plain[:2]), 1, 2, 3, 4, 5, 6), 1},
		tc{"Exif after the scan is ignored", append(slices.Clone(plain[:len(plain)-2]), append(orientationSegment(le, 6), 0xFF, 0xD9)...), 1},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exifOrientation(tt.file); got != tt.want {
				t.Errorf("exifOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestOrient checks every orientation on a labelled 3×2 image:
//
//	1 2 3
//	4 5 6
func TestOrient(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 3, 2))
	for i := range 6 {
		src.Pix[i*4] = uint8(i + 1)
	}
	want := map[int][][]uint8{
		1: {{1, 2, 3}, {4, 5, 6}},
		2: {{3, 2, 1}, {6, 5, 4}},
		3: {{6, 5, 4}, {3, 2, 1}},
		4: {{4, 5, 6}, {1, 2, 3}},
		5: {{1, 4}, {2, 5}, {3, 6}},
		6: {{4, 1}, {5, 2}, {6, 3}},
		7: {{6, 3}, {5, 2}, {4, 1}},
		8: {{3, 6}, {2, 5}, {1, 4}},
	}
	for o := 1; o <= 8; o++ {
		m := orient(src, o)
		var got [][]uint8
		for y := 0; y < m.Rect.Dy(); y++ {
			var row []uint8
			for x := 0; x < m.Rect.Dx(); x++ {
				row = append(row, m.RGBAAt(x, y).R)
			}
			got = append(got, row)
		}
		if fmt.Sprint(got) != fmt.Sprint(want[o]) {
			t.Errorf("orientation %d: got %v, want %v", o, got, want[o])
		}
		if transposed(o) != (m.Rect.Dx() == 2) {
			t.Errorf("orientation %d: size %v", o, m.Rect.Size())
		}
	}
}
