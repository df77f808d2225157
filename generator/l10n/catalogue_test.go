package l10n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// module is the import path of the repository.
const module = "github.com/transformace/portal"

// TestCatalogueComplete finds every message format of the generator and
// checks that the Czech catalogue says it, with the same verbs for the same
// arguments. A message format is the argument named format of a function
// whose last two parameters are "format string, args ...any" (l10n.New,
// content.Errorf, the errorf, warnf and bad helpers, the fail and at
// closures), found with go/ast in every package under generator/ and cmd/.
// A new helper of that shape is found by itself; a format that is not a
// literal string (or a constant) fails, because it could not be translated.
func TestCatalogueComplete(t *testing.T) {
	uses := collectFormats(t, "..", "../../cmd")
	for _, m := range tomlMessages {
		uses[m.format] = append(uses[m.format], "l10n/toml.go")
	}
	if len(uses) < 200 {
		t.Fatalf("found only %d message formats: is the scan broken?", len(uses))
	}
	var formats []string
	for f := range uses {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	for _, f := range formats {
		if !hasWords(f) {
			continue
		}
		tr, ok := cs[f]
		if !ok {
			t.Errorf("no Czech translation in cs.go of %q (used at %s)", f, uses[f][0])
			continue
		}
		if a, b := verbs(f), verbs(tr); !equalVerbs(a, b) {
			t.Errorf("the Czech translation of %q has other verbs: %q\n  English %v\n  Czech   %v", f, tr, a, b)
		}
	}
	for f := range cs {
		if _, ok := uses[f]; !ok {
			t.Errorf("cs.go translates %q, which no message uses any more: delete it", f)
		}
	}
}

// TestCatalogueText checks the Czech texts themselves: no stray English
// quotes around %s, nothing left untranslated by mistake.
func TestCatalogueText(t *testing.T) {
	sameInCzech := map[string]bool{"text %q": true}
	for en, tr := range cs {
		if tr == en && hasWords(en) && !sameInCzech[en] {
			t.Errorf("the Czech translation of %q is the English text", en)
		}
		if strings.TrimSpace(tr) != tr && strings.TrimSpace(en) == en {
			t.Errorf("the Czech translation of %q has spaces at its ends: %q", en, tr)
		}
		if strings.HasPrefix(en, " ") != strings.HasPrefix(tr, " ") {
			t.Errorf("the Czech translation of %q must start with a space exactly when the English one does: %q", en, tr)
		}
	}
}

// TestVerbs checks the verb reader the catalogue test relies on.
func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   map[int]string
	}{
		{"plain", map[int]string{}},
		{"100%% %s", map[int]string{0: "s"}},
		{"%q is %d, %04d-%02d", map[int]string{0: "q", 1: "d", 2: "04d", 3: "02d"}},
		{"%[2]s before %[1]q", map[int]string{0: "q", 1: "s"}},
		{"%*d", map[int]string{0: "*", 1: "d"}},
	}
	for _, tt := range tests {
		if got := verbs(tt.format); !equalVerbs(got, tt.want) {
			t.Errorf("verbs(%q) = %v, want %v", tt.format, got, tt.want)
		}
	}
	if !hasWords(" (did you mean %q?)") || hasWords("%s: %s") || hasWords("%s; %v") {
		t.Error("hasWords")
	}
}

// verbs maps each argument index of a format string to the verb (with its
// flags, width and precision) that prints it.
func verbs(format string) map[int]string {
	out := map[int]string{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		var spec strings.Builder
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return map[int]string{-1: "bad index"}
				}
				n, err := strconv.Atoi(format[i+1 : i+end])
				if err != nil {
					return map[int]string{-1: "bad index"}
				}
				arg = n - 1
				i += end + 1
				continue
			case c == '*':
				out[arg] = "*"
				arg++
				i++
				continue
			case strings.IndexByte("+-# 0123456789.", c) >= 0:
				spec.WriteByte(c)
				i++
				continue
			}
			spec.WriteByte(c)
			out[arg] = spec.String()
			arg++
			break
		}
	}
	return out
}

func equalVerbs(a, b map[int]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// hasWords reports whether a format string has letters outside its verbs,
// that is words to translate ("%s: %s" has none).
func hasWords(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			i++
			for i < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[i]) >= 0 {
				i++
			}
			continue
		}
		if r := rune(format[i]); r >= 0x80 || unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// pkgInfo is a parsed package: its files, its functions with a "format
// string, args ...any" tail and the index of their format parameter, and
// its string constants.
type pkgInfo struct {
	files  []*ast.File
	funcs  map[string]int // function or method name → index of format
	consts map[string]string
}

// collectFormats returns the message formats of every package under the
// roots, with where each is used.
func collectFormats(t *testing.T, roots ...string) map[string][]string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := map[string]*pkgInfo{} // import path → package
	for _, root := range roots {
		walk(t, fset, root, pkgs)
	}
	for _, pkg := range pkgs {
		for _, f := range pkg.files {
			for _, decl := range f.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					if i := formatParam(d.Type); i >= 0 {
						if prev, ok := pkg.funcs[d.Name.Name]; ok && prev != i {
							t.Errorf("%s: two functions %s take their format at different places; rename one", fset.Position(d.Pos()), d.Name.Name)
						}
						pkg.funcs[d.Name.Name] = i
					}
				case *ast.GenDecl:
					if d.Tok != token.CONST {
						continue
					}
					for _, spec := range d.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, name := range vs.Names {
							if i < len(vs.Values) {
								if s, ok := stringValue(vs.Values[i], nil); ok {
									pkg.consts[name.Name] = s
								}
							}
						}
					}
				}
			}
		}
	}
	out := map[string][]string{}
	for _, pkg := range pkgs {
		for _, f := range pkg.files {
			imports := map[string]string{} // local name → import path
			for _, im := range f.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				name := p[strings.LastIndexByte(p, '/')+1:]
				if im.Name != nil {
					name = im.Name.Name
				}
				imports[name] = p
			}
			for _, decl := range f.Decls {
				// A function body, or the initial values of package variables
				// (var ErrX = l10n.Errorf(…)).
				var body ast.Node
				switch d := decl.(type) {
				case *ast.FuncDecl:
					body = d.Body
				case *ast.GenDecl:
					body = d
				}
				if body == nil || body == (*ast.BlockStmt)(nil) {
					continue
				}
				// Closures of this function with a format tail.
				local := map[string]int{}
				ast.Inspect(body, func(n ast.Node) bool {
					as, ok := n.(*ast.AssignStmt)
					if !ok || len(as.Lhs) != len(as.Rhs) {
						return true
					}
					for i, rhs := range as.Rhs {
						if fl, ok := rhs.(*ast.FuncLit); ok {
							if id, ok := as.Lhs[i].(*ast.Ident); ok {
								if j := formatParam(fl.Type); j >= 0 {
									local[id.Name] = j
								}
							}
						}
					}
					return true
				})
				ast.Inspect(body, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					idx, callee := -1, ""
					switch fn := call.Fun.(type) {
					case *ast.Ident:
						callee = fn.Name
						if i, ok := local[fn.Name]; ok {
							idx = i
						} else if i, ok := pkg.funcs[fn.Name]; ok {
							idx = i
						}
					case *ast.SelectorExpr:
						callee = fn.Sel.Name
						if x, ok := fn.X.(*ast.Ident); ok && imports[x.Name] != "" {
							other := pkgs[imports[x.Name]]
							if other == nil {
								return true // another module: fmt, errors
							}
							if i, ok := other.funcs[fn.Sel.Name]; ok {
								idx = i
							}
						} else if i, ok := pkg.funcs[fn.Sel.Name]; ok {
							idx = i // a method of this package
						}
					}
					if idx < 0 || idx >= len(call.Args) {
						return true
					}
					arg := call.Args[idx]
					if id, ok := arg.(*ast.Ident); ok && id.Name == "format" && call.Ellipsis.IsValid() {
						return true // a helper passing its own format on
					}
					s, ok := stringValue(arg, pkg.consts)
					if !ok {
						t.Errorf("%s: the message format of %s is not a literal string, so it cannot be translated; pass the words as a l10n.Text argument instead", fset.Position(arg.Pos()), callee)
						return true
					}
					out[s] = append(out[s], fset.Position(arg.Pos()).String())
					return true
				})
				checkMsgFields(t, fset, body)
			}
		}
	}
	return out
}

// walk parses the Go files (not the tests) of every package under root.
func walk(t *testing.T, fset *token.FileSet, root string, pkgs map[string]*pkgInfo) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && p != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		abs, err := filepath.Abs(filepath.Dir(p))
		if err != nil {
			return err
		}
		ip := importPath(t, abs)
		if pkgs[ip] == nil {
			pkgs[ip] = &pkgInfo{funcs: map[string]int{}, consts: map[string]string{}}
		}
		pkgs[ip].files = append(pkgs[ip].files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkMsgFields fails for an error literal that sets Msg without Text:
// its message could only ever be English.
func checkMsgFields(t *testing.T, fset *token.FileSet, body ast.Node) {
	ast.Inspect(body, func(n ast.Node) bool {
		cl, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		var msg, text bool
		for _, e := range cl.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok {
					msg = msg || k.Name == "Msg"
					text = text || k.Name == "Text"
				}
			}
		}
		if msg && !text {
			t.Errorf("%s: an error with Msg but no Text cannot be translated; build it with a Text (see package l10n)", fset.Position(cl.Pos()))
		}
		return true
	})
}

// formatParam returns the index of the parameter named format when the
// function ends with "format string, args ...any", or -1.
func formatParam(ft *ast.FuncType) int {
	var names []string
	var last ast.Expr
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			names = append(names, "_")
		}
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
		last = f.Type
	}
	n := len(names)
	if n < 2 || names[n-2] != "format" {
		return -1
	}
	if _, ok := last.(*ast.Ellipsis); !ok {
		return -1
	}
	return n - 2
}

// stringValue evaluates a constant string expression: a literal, a
// constant of the package, or a sum of them.
func stringValue(e ast.Expr, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.Ident:
		s, ok := consts[e.Name]
		return s, ok
	case *ast.ParenExpr:
		return stringValue(e.X, consts)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringValue(e.X, consts)
		b, ok2 := stringValue(e.Y, consts)
		return a + b, ok1 && ok2
	}
	return "", false
}

// importPath is the import path of the package in folder dir.
func importPath(t *testing.T, dir string) string {
	t.Helper()
	top := dir
	for {
		if _, err := os.Stat(filepath.Join(top, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(top)
		if parent == top {
			t.Fatalf("no go.mod above %s", dir)
		}
		top = parent
	}
	rel, err := filepath.Rel(top, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rel == "." {
		return module
	}
	return module + "/" + filepath.ToSlash(rel)
}
