package imaging

import (
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// baseName turns a source name such as "content/stories/lom/Lom Medard – léto.JPG"
// into the ASCII stem of its published files, "lom-medard-leto": the last
// path element without its extension, diacritics removed, lower case, and
// anything but letters and digits turned into single hyphens.
func baseName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	stem := path.Base(name)
	if ext := path.Ext(stem); ext != "" && ext != stem {
		stem = strings.TrimSuffix(stem, ext)
	}
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(stem) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		default:
			switch r {
			case 'ł', 'Ł':
				r = 'l'
			case 'ø', 'Ø':
				r = 'o'
			case 'ß':
				r = 's'
			default:
				hyphen = b.Len() > 0
				continue
			}
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "image"
	}
	return b.String()
}
