package content

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/transformace/portal/generator/l10n"
	"github.com/transformace/portal/generator/locale"
)

// Error is a problem in one content file, at a line.
type Error struct {
	File string
	Line int
	Msg  string // the message in English, without the location
	// Text is the message before it was put into words, so that the
	// preview can say it in the editor's language (Localize). It is zero
	// for a message known only as English text.
	Text l10n.Text
}

// Errorf returns the problem at file:line described by format and args
// (English; see package l10n for the translations).
func Errorf(file string, line int, format string, args ...any) *Error {
	return ErrorText(file, line, l10n.New(format, args...))
}

// ErrorText returns the problem at file:line with the message t.
func ErrorText(file string, line int, t l10n.Text) *Error {
	return &Error{File: file, Line: line, Msg: t.String(), Text: t}
}

// Localize returns the message, without the location, in lang.
func (e *Error) Localize(lang string) string {
	if e.Text.IsZero() {
		return e.Msg
	}
	return e.Text.Localize(lang)
}

// Located returns the error as Error does, "file:line: message", with
// the message in lang.
func (e *Error) Located(lang string) string { return At(e.File, e.Line, e.Localize(lang)) }

func (e *Error) Error() string { return At(e.File, e.Line, e.Msg) }

// At is msg where editors and their tools look for it: "file:line: msg",
// or "file: msg" without a line.
func At(file string, line int, msg string) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d: %s", file, line, msg)
	}
	return fmt.Sprintf("%s: %s", file, msg)
}

// Errors is every problem found in a site, in file and line order, so that
// an editor sees all mistakes at once rather than one per build.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].File != es[j].File {
			return es[i].File < es[j].File
		}
		return es[i].Line < es[j].Line
	})
}

// problems collects errors and warnings while a site is read.
type problems struct {
	errs, warns Errors
}

func (p *problems) errorf(file string, line int, format string, args ...any) {
	p.errs = append(p.errs, Errorf(file, line, format, args...))
}

func (p *problems) warnf(file string, line int, format string, args ...any) {
	p.warns = append(p.warns, Errorf(file, line, format, args...))
}

// LocaleErrors turns the error of locale.Parse (one *locale.Error, or
// several joined) into Errors, one per problem.
func LocaleErrors(err error) Errors {
	list := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	var es Errors
	for _, e := range list {
		var le *locale.Error
		if errors.As(e, &le) {
			es = append(es, ErrorText(le.File, le.Line, le.Text))
			continue
		}
		es = append(es, ErrorText("layouts/i18n", 0, l10n.Plain(e.Error())))
	}
	return es
}
