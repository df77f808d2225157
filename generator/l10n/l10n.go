// Package l10n says the portal's messages to editors in their language.
//
// A message is kept as its English format string and arguments (a Text),
// not as finished text, so that it can be said again in another language
// when it is shown: the command line prints the system's language (Czech
// or English), the preview of `portal serve` shows the site's default
// language. The translations are
// plain maps from the English format string to the translated one (cs.go);
// a test checks that every format string of the generator has one, with
// the same verbs, so that a new message cannot be forgotten.
//
// There is no global state: the language is passed to Localize.
package l10n

import (
	"fmt"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Text is a message: an English fmt format string and its arguments.
// Arguments that are Localizers (a Text, an *Error) are said in the same
// language as the message around them.
type Text struct {
	Format string
	Args   []any
}

// New returns the message format with args.
func New(format string, args ...any) Text { return Text{Format: format, Args: args} }

// Plain wraps text that has no translation (a name, a message of a
// library) as a message.
func Plain(s string) Text { return Text{Format: "%s", Args: []any{s}} }

// IsZero reports whether t is no message at all.
func (t Text) IsZero() bool { return t.Format == "" && t.Args == nil }

// String is the message in English.
func (t Text) String() string { return t.Localize("en") }

// Localize says the message in lang ("cs", "en"); a language without a
// catalogue, or a format string without a translation, gives English.
func (t Text) Localize(lang string) string {
	format := t.Format
	if tr, ok := catalogues[lang][format]; ok {
		format = tr
	}
	if len(t.Args) == 0 && !strings.Contains(format, "%") {
		return format
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		if l, ok := a.(Localizer); ok {
			a = l.Localize(lang)
		}
		args[i] = a
	}
	return fmt.Sprintf(format, args...)
}

// Localizer is a value that can be said in a language.
type Localizer interface {
	Localize(lang string) string
}

// Error is an error whose message is a Text: Error() is English, Localize
// says it in another language.
type Error struct{ Text }

// Errorf is fmt.Errorf for messages that editors read. It does not wrap:
// arguments that are errors are only printed.
func Errorf(format string, args ...any) error { return &Error{New(format, args...)} }

func (e *Error) Error() string { return e.Text.String() }

// Of returns the message of err: its Text when it is an *Error, the error
// itself when it can say itself in a language (a Localizer), otherwise its
// English text as it is.
func Of(err error) Text {
	switch e := err.(type) {
	case *Error:
		return e.Text
	case Localizer:
		return Text{Format: "%s", Args: []any{e}}
	}
	return Plain(err.Error())
}

// catalogues are the translations by language: English format string →
// translated format string.
var catalogues = map[string]map[string]string{
	"cs": cs,
}

// Languages lists the languages with a catalogue, besides English.
func Languages() []string { return []string{"cs"} }

// ErrorCount says how many errors there are, in lang, with the plural
// form CLDR gives for the count ("1 chyba", "3 chyby", "5 chyb"); English
// keeps "N error(s)", which scripts may look for.
func ErrorCount(n int, lang string) string {
	if lang != "cs" {
		return fmt.Sprintf("%d error(s)", n)
	}
	switch plural.Cardinal.MatchPlural(language.Czech, n, 0, 0, 0, 0) {
	case plural.One:
		return fmt.Sprintf("%d chyba", n)
	case plural.Few:
		return fmt.Sprintf("%d chyby", n)
	}
	return fmt.Sprintf("%d chyb", n)
}
