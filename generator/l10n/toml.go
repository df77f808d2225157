package l10n

import "regexp"

// tomlMessages are the messages of the TOML decoder
// (github.com/BurntSushi/toml) that editors meet, as patterns over its
// English text; each submatch becomes an argument of the format. Other
// messages of the decoder stay English.
var tomlMessages = []struct {
	re     *regexp.Regexp
	format string
}{
	{regexp.MustCompile(`^strings cannot contain newlines$`), "strings cannot contain newlines"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`), "expected a top-level item to end with a newline, comment, or EOF, but got %s instead"},
	{regexp.MustCompile(`^expected value but found (.+) instead$`), "expected value but found %s instead"},
	{regexp.MustCompile(`^Invalid integer (".*"): cannot have leading zeroes$`), "Invalid integer %s: cannot have leading zeroes"},
	{regexp.MustCompile(`^Invalid integer (".*"): underscores must be surrounded by digits$`), "Invalid integer %s: underscores must be surrounded by digits"},
	{regexp.MustCompile(`^Invalid float (".*"): cannot have leading zeroes$`), "Invalid float %s: cannot have leading zeroes"},
	{regexp.MustCompile(`^invalid datetime: (".*")$`), "invalid datetime: %s"},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.$`), "Key '%s' has already been defined."},
	{regexp.MustCompile(`^unexpected EOF; expected '"'$`), `unexpected EOF; expected '"'`},
	{regexp.MustCompile(`^unexpected EOF; expected '"""'$`), `unexpected EOF; expected '"""'`},
	{regexp.MustCompile(`^unexpected EOF; expected "'"$`), `unexpected EOF; expected "'"`},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), "unexpected EOF; expected value"},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), "unexpected EOF; expected key separator '='"},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.+) instead$`), "expected '.' or '=', but got %s instead"},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), "unexpected '=': key name appears blank"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.+)$`), "expected a comma (',') or array terminator (']'), but got %s"},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.+) instead$`), "expected a comma or an inline table terminator '}', but got %s instead"},
	{regexp.MustCompile(`^newlines not allowed within inline tables$`), "newlines not allowed within inline tables"},
	{regexp.MustCompile(`^TOML files cannot contain control characters: (.+)$`), "TOML files cannot contain control characters: %s"},
	{regexp.MustCompile(`^invalid escape in string (.+)$`), "invalid escape in string %s"},
	{regexp.MustCompile(`^invalid escape: (.+)$`), "invalid escape: %s"},
	{regexp.MustCompile(`^invalid UTF-8 byte: (.+)$`), "invalid UTF-8 byte: %s"},
	{regexp.MustCompile(`^(.+) is out of range for (.+)$`), "%s is out of range for %s"},
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.+) instead$`), "expected end of table array name delimiter ']', but got %s instead"},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.+) instead$`), "expected '.' or ']' to end table name, but got %s instead"},
}

// TOML returns a message of the TOML decoder as a Text that can be said
// in the editor's language. Its English text is msg unchanged.
func TOML(msg string) Text {
	for _, m := range tomlMessages {
		sub := m.re.FindStringSubmatch(msg)
		if sub == nil {
			continue
		}
		args := make([]any, len(sub)-1)
		for i, s := range sub[1:] {
			if s == "end of file" {
				args[i] = New("end of file")
			} else {
				args[i] = s
			}
		}
		return Text{Format: m.format, Args: args}
	}
	return Plain(msg)
}
