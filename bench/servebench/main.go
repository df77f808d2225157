// Command servebench measures live reload in `portal serve`: it starts the
// server on a site folder, listens to its Server-Sent Events, edits one
// project card after another (a word in the body) and records how long it
// takes from the write to the "reload" event and to the page being served
// with the new text.
//
//	go run ./bench/servebench -portal /tmp/portal-bench -src /tmp/site -label example
//
// It prints one line per edit and a summary; -md appends the summary as a
// Markdown table row to a file. The site's files are restored at the end.
// See bench/README.md.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	portal := flag.String("portal", "/tmp/portal-bench", "the portal binary")
	src := flag.String("src", "", "site folder holding content/ (its project cards are edited and restored)")
	label := flag.String("label", "", "name of the site in the report")
	edits := flag.Int("edits", 20, "number of edits")
	cards := flag.Int("cards", 4, "number of project cards the edits alternate between")
	pause := flag.Duration("pause", 300*time.Millisecond, "quiet time between edits")
	startTimeout := flag.Duration("start-timeout", 20*time.Minute, "how long the first build may take")
	editTimeout := flag.Duration("edit-timeout", 3*time.Minute, "how long one reload may take")
	md := flag.String("md", "", "append the summary as a Markdown table row to this file")
	header := flag.Bool("header", false, "print the Markdown table header that -md rows match, and exit")
	flag.Parse()
	if *header {
		fmt.Println(rowHeader)
		fmt.Println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
		return
	}
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: servebench -portal BIN -src SITE [-label NAME] [-edits 20] [-md FILE]")
		os.Exit(2)
	}
	if *label == "" {
		*label = filepath.Base(*src)
	}
	b := &bench{portal: *portal, src: *src, label: *label, pause: *pause, startTimeout: *startTimeout, editTimeout: *editTimeout}
	res, err := b.run(*edits, *cards)
	if err != nil {
		fmt.Fprintf(os.Stderr, "servebench: %s: %v\n", *label, err)
		for _, l := range b.tail() {
			fmt.Fprintln(os.Stderr, "  server: "+l)
		}
		os.Exit(1)
	}
	fmt.Println(res.summary())
	if *md != "" {
		f, err := os.OpenFile(*md, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			_, err = fmt.Fprintln(f, res.row())
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "servebench: %v\n", err)
			os.Exit(1)
		}
	}
}

type bench struct {
	portal, src, label        string
	pause                     time.Duration
	startTimeout, editTimeout time.Duration

	mu      sync.Mutex
	log     []string    // server output lines, for errors
	rebuilt []rebuild   // what the server reported per rebuild
	ready   chan string // "portal: serving on" line
	firstMS int         // "portal: built N pages in X ms"
	pages   int
}

type result struct {
	label           string
	projects, pages int
	firstBuildMS    int
	startup         time.Duration // process start → "serving on"
	reload, served  []time.Duration
	serverMS        []int
	rendered        []int // pages rendered again per edit
	rssMB           int
	errors          int
}

func (b *bench) tail() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.log[max(0, len(b.log)-15):]
}

var (
	reBuilt   = regexp.MustCompile(`^portal: built (\d+) pages in (\d+) ms`)
	reRebuilt = regexp.MustCompile(`^portal: (\d+) pages rendered again, (\d+) files changed \((\d+) ms\)`)
)

// scan reads the server's output lines.
func (b *bench) scan(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		b.mu.Lock()
		b.log = append(b.log, line)
		if m := reBuilt.FindStringSubmatch(line); m != nil {
			b.pages, _ = strconv.Atoi(m[1])
			b.firstMS, _ = strconv.Atoi(m[2])
		}
		if m := reRebuilt.FindStringSubmatch(line); m != nil {
			var rb rebuild
			rb.pages, _ = strconv.Atoi(m[1])
			rb.files, _ = strconv.Atoi(m[2])
			rb.ms, _ = strconv.Atoi(m[3])
			b.rebuilt = append(b.rebuilt, rb)
		}
		b.mu.Unlock()
		if strings.HasPrefix(line, "portal: serving on") {
			select {
			case b.ready <- line:
			default:
			}
		}
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// card is a project card the benchmark edits.
type card struct {
	file, url string
	orig      []byte
}

func (b *bench) cards(n int) ([]card, int, error) {
	files, err := filepath.Glob(filepath.Join(b.src, "content", "projects", "*.cs.md"))
	if err != nil || len(files) == 0 {
		return nil, 0, fmt.Errorf("no project cards in %s/content/projects", b.src)
	}
	slices.Sort(files)
	var out []card
	for i := range min(n, len(files)) {
		f := files[i*len(files)/min(n, len(files))]
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		slug := strings.TrimSuffix(filepath.Base(f), ".cs.md")
		out = append(out, card{file: f, url: "/cs/projekty/" + slug + "/", orig: data})
	}
	return out, len(files), nil
}

// edit replaces the first word of the body's first paragraph with token.
func edit(orig []byte, token string) ([]byte, error) {
	s := string(orig)
	end := strings.Index(s[3:], "\n+++") // front matter ends
	if !strings.HasPrefix(s, "+++") || end < 0 {
		return nil, errors.New("no +++ front matter")
	}
	i := 3 + end + len("\n+++")
	for _, line := range strings.SplitAfter(s[i:], "\n") {
		t := strings.TrimSpace(line)
		if t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "|") && !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, ">") && !strings.HasPrefix(t, "*") && !strings.HasPrefix(t, "[") {
			word := strings.IndexAny(line, " \n")
			if word <= 0 {
				break
			}
			return []byte(s[:i] + token + line[word:] + s[i+len(line):]), nil
		}
		i += len(line)
	}
	return nil, errors.New("no paragraph in the body")
}

func (b *bench) run(edits, ncards int) (*result, error) {
	cards, nprojects, err := b.cards(ncards)
	if err != nil {
		return nil, err
	}
	// Restore the cards whatever happens.
	defer func() {
		for _, c := range cards {
			os.WriteFile(c.file, c.orig, 0o644)
		}
	}()
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	b.ready = make(chan string, 1)
	cmd := exec.Command(b.portal, "serve", "--src", b.src, "--port", strconv.Itoa(port))
	stdout, _ := cmd.StdoutPipe()
	stderr, _ := cmd.StderrPipe()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan error, 1)
	go b.scan(stdout)
	go b.scan(stderr)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		// Stop the server we started, by its pid.
		cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}()
	res := &result{label: b.label, projects: nprojects}
	select {
	case <-b.ready:
		res.startup = time.Since(start)
	case err := <-exited:
		return nil, fmt.Errorf("portal serve exited before serving: %v", err)
	case <-time.After(b.startTimeout):
		return nil, fmt.Errorf("portal serve did not start within %s", b.startTimeout)
	}
	b.mu.Lock()
	res.firstBuildMS, res.pages = b.firstMS, b.pages
	b.mu.Unlock()
	fmt.Fprintf(os.Stderr, "servebench: %s: %d projects, %d pages, first build %d ms, serving after %s\n", b.label, nprojects, res.pages, res.firstBuildMS, res.startup.Round(time.Millisecond))

	// The event stream.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := make(chan sse, 64)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/_portal/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	go readEvents(resp.Body, events)
	client := &http.Client{Timeout: 30 * time.Second}
	// Warm up: every card served once before timing.
	for _, c := range cards {
		if _, err := get(client, base+c.url); err != nil {
			return nil, err
		}
	}

	for i := range edits {
		time.Sleep(b.pause)
		drain(events)
		c := cards[i%len(cards)]
		token := fmt.Sprintf("Zkouška%d", i+1)
		data, err := edit(c.orig, token)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", c.file, err)
		}
		b.mu.Lock()
		nrebuilt := len(b.rebuilt)
		b.mu.Unlock()

		served := make(chan time.Duration, 1)
		pollCtx, stopPoll := context.WithTimeout(ctx, b.editTimeout)
		t0 := time.Now()
		if err := os.WriteFile(c.file, data, 0o644); err != nil {
			stopPoll()
			return nil, err
		}
		go poll(pollCtx, client, base+c.url, token, t0, served)
		var reload, page time.Duration
		timeout := time.After(b.editTimeout)
	wait:
		for reload == 0 || page == 0 {
			select {
			case ev := <-events:
				switch ev.name {
				case "reload":
					if reload == 0 {
						reload = ev.at.Sub(t0)
					}
				case "error":
					res.errors++
					stopPoll()
					return nil, fmt.Errorf("edit %d of %s: the server reported an error: %s", i+1, c.file, ev.data)
				}
			case d := <-served:
				page = d
			case <-timeout:
				break wait
			}
		}
		stopPoll()
		if reload == 0 || page == 0 {
			return nil, fmt.Errorf("edit %d of %s: no reload and new page within %s (reload %s, page %s)", i+1, c.file, b.editTimeout, reload, page)
		}
		res.reload = append(res.reload, reload)
		res.served = append(res.served, page)
		srv := "?"
		// The server logs its rebuild just before it broadcasts.
		for range 50 {
			b.mu.Lock()
			if len(b.rebuilt) > nrebuilt {
				rb := b.rebuilt[len(b.rebuilt)-1]
				res.serverMS = append(res.serverMS, rb.ms)
				res.rendered = append(res.rendered, rb.pages)
				srv = fmt.Sprintf("%d ms, %d pages rendered again, %d files changed", rb.ms, rb.pages, rb.files)
			}
			b.mu.Unlock()
			if srv != "?" {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		fmt.Fprintf(os.Stderr, "servebench: %s: edit %2d %s: reload event %s, page served %s (server: rebuild %s)\n",
			b.label, i+1, filepath.Base(c.file), ms(reload), ms(page), srv)
	}
	res.rssMB = peakRSS(cmd.Process.Pid)
	return res, nil
}

// rebuild is one "portal: N pages rendered again, M files changed (X ms)".
type rebuild struct{ pages, files, ms int }

type sse struct {
	name, data string
	at         time.Time
}

func readEvents(r io.Reader, out chan<- sse) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var ev sse
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev = sse{name: strings.TrimPrefix(line, "event: "), at: time.Now()}
		case strings.HasPrefix(line, "data: "):
			ev.data = strings.TrimPrefix(line, "data: ")
		case line == "" && ev.name != "":
			out <- ev
			ev = sse{}
		}
	}
}

func drain(c <-chan sse) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}

// poll GETs the page until it holds token and reports when it did.
func poll(ctx context.Context, client *http.Client, url, token string, t0 time.Time, out chan<- time.Duration) {
	want := []byte(token)
	for ctx.Err() == nil {
		body, err := get(client, url)
		if err == nil && bytes.Contains(body, want) {
			out <- time.Since(t0)
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func get(client *http.Client, url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return body, err
}

// peakRSS is the server's peak resident memory so far (VmHWM), in MB.
func peakRSS(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return 0
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// median and p95 (nearest rank).
func stats(ds []time.Duration) (med, p95 time.Duration) {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0, 0
	}
	if n%2 == 1 {
		med = s[n/2]
	} else {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[int(math.Ceil(0.95*float64(n)))-1]
}

func (r *result) summary() string {
	rm, rp := stats(r.reload)
	sm, sp := stats(r.served)
	var srv []time.Duration
	for _, x := range r.serverMS {
		srv = append(srv, time.Duration(x)*time.Millisecond)
	}
	vm, _ := stats(srv)
	return fmt.Sprintf("servebench: %s (%d projects, %d pages): startup %s (first build %d ms); %d edits: write→reload event median %s, p95 %s; write→new page served median %s, p95 %s; server-reported rebuild median %s, %d pages rendered again (median); peak RSS %d MB",
		r.label, r.projects, r.pages, r.startup.Round(time.Millisecond), r.firstBuildMS, len(r.reload), ms(rm), ms(rp), ms(sm), ms(sp), ms(vm), medianInt(r.rendered), r.rssMB)
}

// rowHeader is the Markdown table header that row matches.
const rowHeader = "| site | projects | pages | serve startup s (first build) | edits | write→reload median / p95 ms | write→page served median / p95 ms | server rebuild median ms | pages rendered again (median) | peak RSS MB |"

func (r *result) row() string {
	rm, rp := stats(r.reload)
	sm, sp := stats(r.served)
	var srv []time.Duration
	for _, x := range r.serverMS {
		srv = append(srv, time.Duration(x)*time.Millisecond)
	}
	vm, _ := stats(srv)
	f := func(d time.Duration) string { return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) }
	return fmt.Sprintf("| %s | %d | %d | %.2f (%d ms) | %d | %s / %s | %s / %s | %s | %d | %d |",
		r.label, r.projects, r.pages, r.startup.Seconds(), r.firstBuildMS, len(r.reload), f(rm), f(rp), f(sm), f(sp), f(vm), medianInt(r.rendered), r.rssMB)
}

func medianInt(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
