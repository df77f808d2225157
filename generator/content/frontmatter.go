package content

import (
	"bytes"
	"errors"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/transformace/portal/generator/config"
	"github.com/transformace/portal/generator/l10n"
)

// frontMatter is the TOML between the +++ lines of a Markdown file.
type frontMatter struct {
	src  string // the TOML text
	md   toml.MetaData
	body []byte
	// bodyLine is the line of the file on which the body starts.
	bodyLine int
}

// splitFrontMatter separates "+++\n<toml>\n+++\n<body>". Line numbers of
// the TOML are those of the file, so errors point where the editor looks.
// A byte order mark and CRLF line ends are accepted; the fence lines may
// have trailing spaces.
func splitFrontMatter(data []byte) (fm string, body []byte, bodyLine int, err error) {
	data = normalizeNewlines(bytes.TrimPrefix(data, []byte("\ufeff")))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if !isFence(first) {
		return "", nil, 0, Errorf("", 1, "the file must start with a line \"+++\" that opens the front matter")
	}
	start := len(data) - len(rest) // where the TOML starts
	line := 2
	for len(rest) > 0 {
		l, after, found := bytes.Cut(rest, []byte("\n"))
		if isFence(l) {
			fm = string(data[start : len(data)-len(rest)])
			return fm, after, line + 1, nil
		}
		if !found {
			break
		}
		rest = after
		line++
	}
	return "", nil, 0, Errorf("", 1, "the front matter opened on line 1 is never closed: add a line \"+++\" after it")
}

// isFence reports whether a line is "+++", trailing spaces allowed.
func isFence(line []byte) bool { return string(bytes.TrimRight(line, " \t\r")) == "+++" }

// normalizeNewlines turns CRLF line ends into LF. Any run of CRs before an
// LF goes: "\r\r\n" is what a CRLF file becomes when it is converted to
// CRLF once more (git autocrlf, some Windows editors).
func normalizeNewlines(data []byte) []byte {
	if !bytes.Contains(data, []byte("\r\n")) {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		if data[i] != '\r' {
			out = append(out, data[i])
			continue
		}
		j := i
		for j < len(data) && data[j] == '\r' {
			j++
		}
		if j == len(data) || data[j] != '\n' {
			out = append(out, data[i:j]...) // a CR inside a line stays
		}
		i = j - 1
	}
	return out
}

// decode parses the front matter into v. TOML errors become file:line errors;
// the line counts from the top of the file (the opening +++ is line 1).
func decodeFrontMatter(file, fm string, v any) (toml.MetaData, *Error) {
	md, err := toml.Decode(fm, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := l10n.TOML(pe.Message)
			key, value := lineKey(fm, pe.Position.Line)
			if pe.LastKey != "" {
				key = pe.LastKey
			}
			if key != "" && !strings.Contains(pe.Message, key) {
				msg = l10n.New("%s: %s", key, msg)
			}
			if reSpacedNumber.MatchString(value) {
				// budget_czk = 54 675 000, pasted from a document.
				msg = l10n.New("%s; write a number without spaces, e.g. 54675000 or 54_675_000", msg)
			}
			return md, ErrorText(file, max(pe.Position.Line, 1)+1, msg)
		}
		return md, ErrorText(file, 1, l10n.Plain(err.Error()))
	}
	return md, nil
}

var (
	reBareKey      = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	reSpacedNumber = regexp.MustCompile(`^-?\d+( \d+)+`)
)

// lineKey returns the bare key and the value text of "key = value" on the
// 1-based line n of the TOML, or empty strings.
func lineKey(fm string, n int) (key, value string) {
	lines := strings.Split(fm, "\n")
	if n < 1 || n > len(lines) {
		return "", ""
	}
	k, v, ok := strings.Cut(lines[n-1], "=")
	if k = strings.TrimSpace(k); !ok || !reBareKey.MatchString(k) {
		return "", ""
	}
	return k, strings.TrimSpace(v)
}

// keyLine is the file line of key in the front matter.
func keyLine(fm, key string) int { return config.KeyLine(fm, key, 2) }
