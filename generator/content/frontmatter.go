package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/transformace/portal/generator/config"
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
func splitFrontMatter(data []byte) (fm string, body []byte, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("+++\n")) && !bytes.Equal(bytes.TrimRight(data, " \t"), []byte("+++")) {
		return "", nil, 0, &Error{Line: 1, Msg: "the file must start with a line \"+++\" that opens the front matter"}
	}
	rest := data[4:]
	line := 2
	for len(rest) > 0 {
		l, after, found := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(l, " \t")) == "+++" {
			fm = string(data[4 : len(data)-len(rest)])
			return fm, after, line + 1, nil
		}
		if !found {
			break
		}
		rest = after
		line++
	}
	return "", nil, 0, &Error{Line: 1, Msg: "the front matter opened on line 1 is never closed: add a line \"+++\" after it"}
}

// decode parses the front matter into v. TOML errors become file:line errors;
// the line counts from the top of the file (the opening +++ is line 1).
func decodeFrontMatter(file, fm string, v any) (toml.MetaData, *Error) {
	md, err := toml.Decode(fm, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
				msg = fmt.Sprintf("%s: %s", pe.LastKey, msg)
			}
			return md, &Error{File: file, Line: pe.Position.Line + 1, Msg: msg}
		}
		return md, &Error{File: file, Line: 1, Msg: err.Error()}
	}
	return md, nil
}

// keyLine is the file line of key in the front matter.
func keyLine(fm, key string) int { return config.KeyLine(fm, key, 2) }
