package locale

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns text into a lowercase ASCII identifier made of letters,
// digits and single hyphens, the way Czech readers expect to see it in a URL
// or a heading anchor: "Potřebnost a změna" becomes "potrebnost-a-zmena".
// Diacritics are removed by canonical decomposition rather than dropped, so
// no letter disappears; characters with no ASCII base (emoji, CJK) are
// treated as separators. It returns "" when nothing usable remains.
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingDash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining mark: the base letter was already written
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if pendingDash && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingDash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			// Letters without an ASCII base (ł, ß, đ) get a transliteration
			// where one is common; anything else separates words.
			if t, ok := translit[r]; ok {
				if pendingDash && b.Len() > 0 {
					b.WriteByte('-')
				}
				pendingDash = false
				b.WriteString(t)
				continue
			}
			pendingDash = true
		}
	}
	return b.String()
}

// translit covers letters that canonical decomposition leaves alone but that
// appear in the languages of the regions we serve (Polish and German names).
var translit = map[rune]string{
	'ł': "l", 'Ł': "l", 'ß': "ss", 'đ': "d", 'Đ': "d", 'ø': "o", 'Ø': "o",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
}
