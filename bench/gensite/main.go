// Command gensite writes a realistic synthetic site folder in the portal's
// content format, for benchmarks:
//
//	go run ./bench/gensite -n 10000 -seed 1 -out /tmp/site10k
//
// It writes content/site.toml, n projects (Czech, ~90 % also in English),
// n/50 partners, n/5 indicators (a third as Czech Excel exports, half of
// those in windows-1250), max(n/200, 1) photo stories and the three free
// pages. The same flags always give byte-identical files. See
// bench/README.md.
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
	stories := fs.Int("stories", 0, "number of photo stories with drawn JPEGs (default max(n/200, 1)); 0 for none")
	win1250 := fs.Bool("win1250", true, "write every other Czech Excel CSV in windows-1250 without a byte order mark, as Excel's \"CSV (oddělený středníkem)\"; false: all CSVs UTF-8")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *out == "" || *n < 1 || *stories < 0 {
		fmt.Fprintln(stderr, "usage: gensite -n N -seed S -out DIR [-stories K] [-win1250=false] [-force]")
		return 2
	}
	storiesSet := false
	fs.Visit(func(f *flag.Flag) { storiesSet = storiesSet || f.Name == "stories" })
	if !storiesSet {
		*stories = max(*n/200, 1)
	}
	if err := prepare(*out, *force); err != nil {
		fmt.Fprintf(stderr, "gensite: %v\n", err)
		return 1
	}
	start := time.Now()
	g := generate(*n, *seed, options{win1250: *win1250, stories: *stories})
	if err := write(*out, g.files); err != nil {
		fmt.Fprintf(stderr, "gensite: %v\n", err)
		return 1
	}
	st := g.st
	fmt.Fprintf(stdout, "gensite: %d projects (%d in English), %d partners, %d indicators (%d as Czech Excel exports, %d of them windows-1250), %d stories, %d pages → %s: %d files, %.1f MB, seed %d, %d ms\n",
		st.projects, st.translated, st.partners, st.indicators, st.excel, st.win1250, st.stories, st.pages, *out, st.files, float64(st.bytes)/1e6, *seed, time.Since(start).Milliseconds())
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
