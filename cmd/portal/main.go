// Command portal builds the transparency portal from a content folder.
//
//	portal build [--src DIR] [--out DIR] [--base-url URL]   build the site into public/
//	portal serve [--src DIR] [--port N] [--bind ADDR]        build and serve on 127.0.0.1
//	portal check [--src DIR]                                 validate everything, build nothing
//	portal new project|partner|story|page <slug>             scaffold one file per language
//
// Exit status: 0 success, 1 content errors (each printed as file:line:
// message), 2 wrong usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/l10n"
	"github.com/transformace/portal/generator/scaffold"
	"github.com/transformace/portal/generator/serve"
	"github.com/transformace/portal/generator/site"
)

const usage = `portal builds a bilingual transparency portal from Markdown, TOML and CSV.

Usage:
  portal build [--src DIR] [--out DIR] [--base-url URL]   build the site (default: ./content → ./public)
  portal serve [--src DIR] [--port N] [--bind ADDR]        build and serve it on http://127.0.0.1:N/
  portal check [--src DIR]                                 validate everything, write nothing
  portal new project|partner|story|page <slug>             create one file per language

The guide for editors is docs/editors.md.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, terminalLanguage(os.Getenv))
	stop()
	os.Exit(code)
}

// terminalLanguage is the language of the content errors and warnings
// the commands print: Czech when the locale environment asks for it
// (LC_ALL, then LC_MESSAGES, then LANG, as POSIX programs read them; an
// editor's Czech Linux or Mac has LANG=cs_CZ.UTF-8), else English, which
// scripts and CI logs get with LANG=C. Without any of them it is the
// system's language: Windows sets none of them, so there the user's
// display language decides (systemLanguage). The rest of the output
// (usage, summaries) is English either way.
func terminalLanguage(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return localeLanguage(v)
		}
	}
	return systemLanguage()
}

// localeLanguage is "cs" for a Czech POSIX locale name (cs, cs_CZ.UTF-8,
// cs_CZ@euro) or a BCP 47 tag (cs-CZ), else "en".
func localeLanguage(name string) string {
	if name == "cs" || strings.HasPrefix(name, "cs_") || strings.HasPrefix(name, "cs.") || strings.HasPrefix(name, "cs@") || strings.HasPrefix(name, "cs-") {
		return "cs"
	}
	return "en"
}

// run is the whole command, testable without a process; lang is the
// language of content errors and warnings (terminalLanguage).
func run(ctx context.Context, args []string, stdout, stderr io.Writer, lang string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr, lang)
	case "check":
		return check(args[1:], stdout, stderr, lang)
	case "serve":
		return serveCmd(ctx, args[1:], stdout, stderr, lang)
	case "new":
		return newCmd(args[1:], stdout, stderr, lang)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "portal: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("portal "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// report prints errors the way editors and their tools read them: one
// "file:line: message" per line in lang, then a count and what it means.
func report(err error, stderr io.Writer, outcome l10n.Text, lang string) int {
	var es content.Errors
	var one *content.Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &one):
		es = content.Errors{one}
	default:
		fmt.Fprintf(stderr, "portal: %s\n", l10n.Of(err).Localize(lang))
		return 1
	}
	for _, e := range es {
		fmt.Fprintln(stderr, e.Located(lang))
	}
	fmt.Fprintf(stderr, "portal: %s; %s\n", l10n.ErrorCount(len(es), lang), outcome.Localize(lang))
	return 1
}

// buildMemoryLimit is the soft memory limit of portal build (GOMEMLIMIT
// overrides it). Above it the collector works harder rather than letting
// the heap grow; it is not a cap, a larger site still builds.
const buildMemoryLimit = 640 << 20

// buildGCPercent is the GOGC of portal build (GOGC overrides it).
const buildGCPercent = 200

// Outcomes of a failed command, for report.
var (
	notPublished = l10n.New("nothing was published, the previous site is unchanged")
	notValid     = l10n.New("fix them and run portal check again")
)

func warnings(ws content.Errors, stderr io.Writer, lang string) {
	for _, w := range ws {
		fmt.Fprintln(stderr, l10n.New("warning: %s", w.Located(lang)).Localize(lang))
	}
}

func build(args []string, stdout, stderr io.Writer, lang string) int {
	fs := flags("build", stderr)
	src := fs.String("src", ".", "site folder holding content/ (and optionally layouts/, static/)")
	out := fs.String("out", "", "output folder (default: public/ in the site folder)")
	baseURL := fs.String("base-url", "", "replace base_url of site.toml, e.g. for a preview deploy")
	noMinify := fs.Bool("no-minify", false, "write CSS, JS, JSON and XML unminified (pages are compact either way)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for bench/)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to this file (for bench/)")
	traceFile := fs.String("trace", "", "write an execution trace of the build to this file (go tool trace)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "portal build: unexpected argument %q\n", fs.Arg(0))
		}
		return 2
	}
	stopProfiles, err := startProfiles(*cpuProfile, *memProfile, *traceFile)
	if err != nil {
		fmt.Fprintf(stderr, "portal build: %v\n", err)
		return 2
	}
	defer stopProfiles()
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A build's live heap is well under this even at 10 000 projects
		// (~400 MB); without a limit the collector lets the heap grow to
		// twice the live size before it runs, which is what set the peak.
		debug.SetMemoryLimit(buildMemoryLimit)
		if os.Getenv("GOGC") == "" {
			// Below the limit the heap may grow to three times the live
			// size instead of two: a fifth less CPU spent collecting (N =
			// 10 000: 23 s instead of 27 s user time). On a large site the
			// limit sets the peak either way (668 MB); a small one peaks
			// higher (N = 1 000: 166 MB instead of 124 MB).
			debug.SetGCPercent(buildGCPercent)
		}
	}
	res, err := site.Build(site.Config{Src: *src, Out: *out, BaseURL: *baseURL, Theme: portal.Theme, NoMinify: *noMinify})
	if err != nil {
		return report(err, stderr, notPublished, lang)
	}
	warnings(res.Warnings, stderr, lang)
	fmt.Fprintln(stdout, "portal: built "+res.Summary(*out))
	return 0
}

func check(args []string, stdout, stderr io.Writer, lang string) int {
	fs := flags("check", stderr)
	src := fs.String("src", ".", "site folder holding content/")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "portal check: unexpected argument %q (use --src DIR for another site folder)\n", fs.Arg(0))
		}
		return 2
	}
	res, err := site.Check(site.Config{Src: *src, Theme: portal.Theme})
	if err != nil {
		return report(err, stderr, notValid, lang)
	}
	warnings(res.Warnings, stderr, lang)
	fmt.Fprintln(stdout, "portal: content is valid: "+res.Summary(""))
	return 0
}

func serveCmd(ctx context.Context, args []string, stdout, stderr io.Writer, lang string) int {
	fs := flags("serve", stderr)
	src := fs.String("src", ".", "site folder holding content/")
	port := fs.Int("port", 1313, "port to listen on")
	bind := fs.String("bind", "127.0.0.1", "address to listen on; 0.0.0.0 opens the preview to your network on purpose")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	addr := net.JoinHostPort(*bind, strconv.Itoa(*port))
	sess := site.NewSession(site.Config{Src: *src, Theme: portal.Theme, NoMinify: true, BaseURL: "http://" + addr + "/"})
	live := serve.NewLive(sess, *src, stderr)
	live.TermLang = lang
	up, err := sess.Build()
	if err != nil {
		// Start anyway: the editor fixes the file and the page appears.
		live.Rebuild()
	} else {
		// The first build's data files (search, open data) are there
		// before the first browser asks.
		sess.WaitData()
		warnings(up.Warnings, stderr, lang)
		fmt.Fprintf(stdout, "portal: built %d pages in %d ms\n", up.Pages, up.Duration.Milliseconds())
	}
	watchErr := make(chan error, 1)
	go func() { watchErr <- live.Watch() }()
	err = serve.ListenAndServe(ctx, addr, live, func(a net.Addr) {
		fmt.Fprintf(stdout, "portal: serving on http://%s/ — saved changes appear in the browser by themselves (Ctrl-C stops)\n", a)
	}, live.Close)
	live.Close()
	if werr := <-watchErr; werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		return report(err, stderr, notPublished, lang)
	}
	fmt.Fprintln(stdout, "portal: stopped")
	return 0
}

func newCmd(args []string, stdout, stderr io.Writer, lang string) int {
	fs := flags("new", stderr)
	src := fs.String("src", ".", "site folder holding content/")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "usage: portal new project|partner|story|page <slug>")
		return 2
	}
	files, err := scaffold.New(*src, portal.Theme, fs.Arg(0), fs.Arg(1))
	if errors.Is(err, scaffold.ErrUsage) {
		fmt.Fprintf(stderr, "portal new: %v\n", err)
		return 2
	}
	if err != nil {
		return report(err, stderr, notPublished, lang)
	}
	for _, f := range files {
		fmt.Fprintln(stdout, "created", f)
	}
	return 0
}
