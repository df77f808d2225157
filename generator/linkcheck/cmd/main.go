// Command cmd checks built portal folders for broken internal links.
//
//	go run ./generator/linkcheck/cmd DIR...
//
// It prints one line per problem, "DIR/page: reference: why", then a
// summary line "linkcheck: N pages, M problems", and exits 1 when there is
// a problem, 2 when a folder cannot be read.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/transformace/portal/generator/linkcheck"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: linkcheck DIR...")
		os.Exit(2)
	}
	pages, problems := 0, 0
	for _, dir := range os.Args[1:] {
		ps, err := linkcheck.Check(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "linkcheck:", err)
			os.Exit(2)
		}
		for _, p := range ps {
			fmt.Printf("%s: %s: %s\n", filepath.ToSlash(filepath.Join(dir, p.Page)), p.Ref, p.Why)
		}
		problems += len(ps)
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
				pages++
			}
			return nil
		})
	}
	fmt.Printf("linkcheck: %d pages, %d problems\n", pages, problems)
	if problems > 0 {
		os.Exit(1)
	}
}
