package content

import (
	"fmt"
	"sort"
	"strings"
)

// Error is a problem in one content file, at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
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
	p.errs = append(p.errs, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) warnf(file string, line int, format string, args ...any) {
	p.warns = append(p.warns, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
