package locale

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Typo applies the language's typographic rules to plain text (or to the
// text of one HTML text node; never to code). Today that is one rule: after
// each word listed in no_break_after (compared without regard to case), the
// following run of spaces, tabs and line breaks becomes a single U+00A0, so
// that the word never ends a line. In cs, "V Praze a v Brně" becomes
// "V\u00a0Praze a\u00a0v\u00a0Brně". Whitespace at the end of s and
// existing no-break spaces are left alone. Without no_break_after (en) s is
// returned unchanged.
func (l *Locale) Typo(s string) string {
	if len(l.format.noBreak) == 0 {
		return s
	}
	var b strings.Builder
	done := 0            // s[:done] is already in b
	wordStart := -1      // byte offset of the current word, or -1
	prevWordish := false // the rune before the current position is a letter or digit
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isLetter(r):
			if wordStart < 0 && !prevWordish {
				wordStart = i
			}
			prevWordish = true
		case unicode.IsDigit(r):
			wordStart = -1 // "5a" is not the word "a"
			prevWordish = true
		default:
			if wordStart >= 0 && isBreakingSpace(r) {
				end := i
				for end < len(s) && isBreakingSpace(rune(s[end])) {
					end++
				}
				word := s[wordStart:i]
				if end < len(s) && utf8.RuneCountInString(word) <= l.format.noBreakMax &&
					l.format.noBreak[strings.ToLower(word)] {
					if b.Len() == 0 {
						b.Grow(len(s) + 8)
					}
					b.WriteString(s[done:i])
					b.WriteString("\u00a0")
					done = end
					i = end
					wordStart = -1
					prevWordish = false
					continue
				}
			}
			wordStart = -1
			prevWordish = false
		}
		i += size
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// isBreakingSpace reports whether r is whitespace a browser may break a
// line at and that Typo may replace (ASCII only: space, tab, CR, LF).
func isBreakingSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r'
}

// isLetter reports whether r belongs to a word: a letter or a combining
// mark (text in decomposed form).
func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}
