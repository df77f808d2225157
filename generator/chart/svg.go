package chart

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// writer builds SVG text. Every string that comes from data goes through
// text or attr, which escape it for XML.
type writer struct{ b []byte }

// raw writes markup as it is.
func (w *writer) raw(s string) { w.b = append(w.b, s...) }

// num writes v rounded to one decimal, without "-0" and trailing zeros.
func (w *writer) num(v float64) {
	v = math.Round(v*10) / 10
	if v == 0 || !finite(v) {
		v = 0
	}
	w.b = strconv.AppendFloat(w.b, v, 'f', -1, 64)
}

// text writes s escaped for XML text and attribute values.
func (w *writer) text(s string) { w.b = appendEscaped(w.b, s) }

// attr writes ` name="value"` with value escaped.
func (w *writer) attr(name, value string) {
	w.b = append(w.b, ' ')
	w.b = append(w.b, name...)
	w.b = append(w.b, '=', '"')
	w.b = appendEscaped(w.b, value)
	w.b = append(w.b, '"')
}

// numAttr writes ` name="v"` with v rounded as by num.
func (w *writer) numAttr(name string, v float64) {
	w.b = append(w.b, ' ')
	w.b = append(w.b, name...)
	w.b = append(w.b, '=', '"')
	w.num(v)
	w.b = append(w.b, '"')
}

// textEl writes <text x y [anchor]>s</text>.
func (w *writer) textEl(x, y float64, anchor, s string, extra string) {
	w.raw("<text")
	w.numAttr("x", x)
	w.numAttr("y", y)
	if anchor != "" {
		w.attr("text-anchor", anchor)
	}
	w.raw(extra)
	w.raw(">")
	w.text(s)
	w.raw("</text>")
}

// appendEscaped appends s with &, <, >, " and ' escaped, line breaks and
// tabs as character references, and everything XML 1.0 cannot carry
// (control characters, invalid UTF-8, U+FFFE, U+FFFF) replaced by U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&#34;"...)
			case c == '\'':
				b = append(b, "&#39;"...)
			case c == '\n':
				b = append(b, "&#xA;"...)
			case c == '\r':
				b = append(b, "&#xD;"...)
			case c == '\t':
				b = append(b, "&#x9;"...)
			case c < 0x20 || c == 0x7f:
				b = append(b, "\uFFFD"...)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF || r >= 0x80 && r <= 0x9f {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}
