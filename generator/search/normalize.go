package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	// MinToken is the shortest token indexed and the shortest query word
	// searched for, in letters (runes of the normalised form).
	MinToken = 2
	// MaxToken is the longest token indexed, in runes; longer runs of
	// letters and digits are cut to it (in the index and in queries alike).
	MaxToken = 40
)

// fold maps letters that Unicode does not decompose into a base letter and
// a mark (so that NFKD leaves them alone) to what a Czech keyboard without
// diacritics types instead. Keys are lower case. static/js/search.js holds
// the same table; change both together.
var fold = map[rune]string{
	'ł': "l", 'đ': "d", 'ð': "d", 'ø': "o", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "n", 'ĸ': "k", 'ς': "σ",
}

// Normalize folds text for matching: compatibility decomposition (NFKD, so
// "Ústí" becomes "U"+"´"+"st"+"i"+"´" and the ligature "ﬁ" becomes "fi"),
// every combining mark dropped, lower case, and the letters of the fold
// table replaced ("Łódź" → "lodz", "Straße" → "strasse"). Everything else,
// punctuation and spaces included, is kept, so positions of words survive.
//
// The browser does the same with
// s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase() and the same
// table.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < latinEnd {
			b.WriteString(latin[r-utf8.RuneSelf])
		} else {
			foldRune(&b, r)
		}
		i += n
	}
	return b.String()
}

// foldRune writes what Normalize makes of one character that is not
// ASCII. Decomposing each character on its own gives what decomposing the
// whole text gives: NFKD reorders only characters of a non-zero combining
// class, and every one of those is a mark, which is dropped anyway (checked
// for every code point by TestNormalizeRunewise). Going character by
// character lets Czech text, mostly ASCII, skip the normaliser.
func foldRune(b *strings.Builder, r rune) {
	var in [utf8.UTFMax]byte
	var out [64]byte // longer decompositions (rare) make Append allocate
	d := norm.NFKD.Append(out[:0], in[:utf8.EncodeRune(in[:], r)]...)
	for len(d) > 0 {
		r, n := utf8.DecodeRune(d)
		d = d[n:]
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if unicode.Is(unicode.M, r) {
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
}

// latin holds what foldRune gives for U+0080 to U+024F, which covers the
// letters of Czech and its neighbours, so that they cost a lookup.
var latin = func() []string {
	t := make([]string, latinEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		var b strings.Builder
		foldRune(&b, r)
		t[r-utf8.RuneSelf] = b.String()
	}
	return t
}()

const latinEnd = 0x250

// isWord reports whether r belongs to a token: a letter or a digit
// (JavaScript: /[\p{L}\p{N}]/u).
func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// Tokens returns the tokens of s in order, repeats included: the maximal
// runs of letters and digits of Normalize(s) that are at least MinToken
// runes long, each cut to MaxToken runes. "Ústí nad Labem – 2. etapa"
// gives usti, nad, labem, etapa.
func Tokens(s string) []string {
	var out []string
	for w := range strings.FieldsFuncSeq(Normalize(s), func(r rune) bool { return !isWord(r) }) {
		if t, ok := token(w); ok {
			out = append(out, t)
		}
	}
	return out
}

// token applies the length rules to one run of word characters.
func token(w string) (string, bool) {
	n := utf8.RuneCountInString(w)
	if n < MinToken {
		return "", false
	}
	if n > MaxToken {
		i := 0
		for k := range w {
			if i == MaxToken {
				return w[:k], true
			}
			i++
		}
	}
	return w, true
}
