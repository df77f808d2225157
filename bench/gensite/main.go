// Command gensite writes a realistic synthetic site folder in the portal's
// content format, for benchmarks:
//
//	go run ./bench/gensite -n 10000 -seed 1 -out /tmp/site10k
//
// It writes content/site.toml, n projects (Czech, ~90 % also in English),
// n/50 partners, n/5 indicators (a third as Czech Excel exports) and the
// three free pages. The same -n and -seed always give byte-identical files.
// See bench/README.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gensite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of projects")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same files")
	out := fs.String("out", "", "site folder to write (content/ is created in it)")
	force := fs.Bool("force", false, "write into a non-empty folder, replacing its content/")
	stories := fs.Int("stories", 0, "number of photo stories (drawn JPEGs); 0 keeps the site as it was without this option")
	// TODO(issue 3/4): write about a tenth of the indicator CSVs in
	// windows-1250 (Excel's "CSV (oddělený středníkem)"). Accepted now so
	// that scripts can pass it. (Stories with photos: -stories.)
	win1250 := fs.Bool("win1250", false, "TODO: not implemented yet; CSVs are still written as UTF-8")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *out == "" || *n < 1 || *stories < 0 {
		fmt.Fprintln(stderr, "usage: gensite -n N -seed S -out DIR [-stories K] [-force] [-win1250]")
		return 2
	}
	if err := prepare(*out, *force); err != nil {
		fmt.Fprintf(stderr, "gensite: %v\n", err)
		return 1
	}
	start := time.Now()
	g := generate(*n, *seed)
	if *stories > 0 {
		g.genStories(*stories)
	}
	if err := write(*out, g.files); err != nil {
		fmt.Fprintf(stderr, "gensite: %v\n", err)
		return 1
	}
	st := g.st
	note := ""
	if st.stories > 0 {
		note += fmt.Sprintf("; %d stories", st.stories)
	}
	if *win1250 {
		note += "; -win1250 is not implemented yet: every CSV is UTF-8"
	}
	fmt.Fprintf(stdout, "gensite: %d projects (%d in English), %d partners, %d indicators (%d as Czech Excel exports), %d pages → %s: %d files, %.1f MB, seed %d, %d ms%s\n",
		st.projects, st.translated, st.partners, st.indicators, st.excel, st.pages, *out, st.files, float64(st.bytes)/1e6, *seed, time.Since(start).Milliseconds(), note)
	return 0
}

// prepare refuses a non-empty folder unless forced; forced, it removes
// only the content/ folder that gensite writes.
func prepare(out string, force bool) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if !force {
		return fmt.Errorf("%s is not empty; pass -force to replace its content/", out)
	}
	return os.RemoveAll(filepath.Join(out, "content"))
}

func write(out string, files []file) error {
	made := map[string]bool{} // only looked up
	for _, f := range files {
		p := filepath.Join(out, filepath.FromSlash(f.path))
		dir := filepath.Dir(p)
		if !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
