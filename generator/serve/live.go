package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/transformace/portal/generator/config"
	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/l10n"
	"github.com/transformace/portal/generator/site"
)

//go:embed live.js
var liveJS []byte

// Live serves a site built in memory by a site.Session, rebuilds it when
// files under the site folder change, and tells browsers over Server-Sent
// Events to reload, to swap styles, or to show the error of a broken save.
// The last good site stays served while the content is broken.
type Live struct {
	sess *site.Session
	src  string
	log  io.Writer

	mu      sync.Mutex
	clients map[chan event]bool
	errs    []ErrorMessage // current content errors; nil when the site builds
	lang    string         // the editors' language: the site's default language
	done    chan struct{}
	// build is the number of the last build whose pages were published
	// (site.Update.Build), as far as this Live knows: a page is tagged
	// with it, never with a newer one than it shows.
	build atomic.Uint64
	// Debounce is how long the watcher waits for a burst of events to end.
	// The events of one save (an editor's temporary file, its rename, the
	// write) come within a millisecond or two.
	Debounce time.Duration
	// Recheck is how long after a failed build the watcher builds again
	// before it shows the errors: the save may not have been complete.
	Recheck time.Duration
	// Built is called after each build attempt (for tests and benchmarks).
	Built func(site.Update, error)
	// TermLang is the language of the errors and warnings written to the
	// log (the terminal): "cs", or English by default. The overlay speaks
	// the site's default language whatever it is.
	TermLang string
}

// ErrorMessage is one content error as the overlay shows it: its message
// is in the editors' language, the default language of the site.
type ErrorMessage struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

type event struct{ name, data string }

// NewLive prepares live serving of the site folder src.
func NewLive(sess *site.Session, src string, log io.Writer) *Live {
	lv := &Live{sess: sess, src: src, log: &syncWriter{w: log}, clients: map[chan event]bool{}, done: make(chan struct{}), Debounce: 10 * time.Millisecond, Recheck: 100 * time.Millisecond}
	lv.lang = editorLanguage(src, defaultLanguage)
	sess.OnData(lv.dataPublished)
	return lv
}

// dataPublished tells the browsers which data files that pages fetch
// changed, once a build's data files follow its pages (site.Session): a
// project list whose filter reads a changed index.json, or a search page
// whose index changed, reloads to show the new data.
func (lv *Live) dataPublished(up site.Update) {
	if !up.Changed() {
		return
	}
	fmt.Fprintf(lv.log, "portal: data files made again: %d changed, %d removed (%d ms)\n", len(up.Static), len(up.Removed), up.Duration.Milliseconds())
	if idx := fetchedData(append(append([]string(nil), up.Static...), up.Removed...)); len(idx) > 0 {
		// A page of this build or a later one fetched its data after
		// them: it has the new data and need not reload (live.js).
		data, _ := json.Marshal(map[string]any{"indexes": idx, "build": up.Build})
		lv.broadcast(event{"data", string(data)})
	}
}

// fetchedData is the addresses that pages name in their data-index
// attribute among files: a project list's index.json, or the folder of a
// search index ("/cs/hledat/index/").
func fetchedData(files []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		p := ""
		if i := strings.Index(f, "/index/"); i >= 0 {
			p = "/" + f[:i+len("/index/")]
		} else if path.Base(f) == "index.json" {
			p = "/" + f
		}
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// syncWriter serialises writes: the log is written by the watcher, and by
// whichever goroutine publishes a build's data files (a timer, or a
// request that asked for one).
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// defaultLanguage is the editors' language when content/site.toml does
// not say it: the portal is made for Czech regional offices.
const defaultLanguage = "cs"

// reLanguages finds the first language of a site.toml that does not parse.
var reLanguages = regexp.MustCompile(`(?m)^\s*languages\s*=\s*\[\s*["']([a-z]{2,3})["']`)

// editorLanguage is the language the editors of the site folder src write
// in: the site's default language, the first of languages in
// content/site.toml. A site.toml that does not parse is searched for it;
// without one, it is last.
func editorLanguage(src, last string) string {
	data, err := os.ReadFile(filepath.Join(src, "content", "site.toml"))
	if err != nil {
		return last
	}
	if cfg, err := config.Parse("content/site.toml", data); err == nil {
		return cfg.DefaultLanguage()
	}
	if m := reLanguages.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return last
}

// Language is the language of the error overlay and its messages.
func (lv *Live) Language() string {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	return lv.lang
}

// Close ends every event stream, so that the server can shut down.
func (lv *Live) Close() {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	select {
	case <-lv.done:
	default:
		close(lv.done)
	}
}

// Rebuild builds the site again and tells the browsers what happened.
func (lv *Live) Rebuild() { lv.rebuild(false, nil) }

// rebuild builds the site again; changed are the files (slash paths in
// the site folder) that changed since the last build, or nil when that
// is not known (site.Session.BuildChanged). A failed build right after
// a save may have read a file its editor had not finished writing; with
// hold, its errors are not reported yet, and rebuild returns true so that
// the watcher looks again a moment later and reports what is still wrong
// then. A successful build is reported at once.
func (lv *Live) rebuild(hold bool, changed []string) (held bool) {
	var (
		up  site.Update
		err error
	)
	if changed == nil {
		up, err = lv.sess.Build()
	} else {
		up, err = lv.sess.BuildChanged(changed)
	}
	if lv.Built != nil {
		defer lv.Built(up, err)
	}
	if err != nil {
		lang := lv.updateLanguage()
		msgs := messages(err, lang)
		lv.mu.Lock()
		same := reflect.DeepEqual(lv.errs, msgs)
		if !same && !hold {
			lv.errs = msgs
		}
		lv.mu.Unlock()
		if same {
			return false // already reported
		}
		if hold {
			return true
		}
		// The terminal speaks the system's language (TermLang), like
		// build and check; the overlay the editors' language.
		for _, m := range messages(err, lv.TermLang) {
			fmt.Fprintln(lv.log, content.At(m.File, m.Line, m.Message))
		}
		fmt.Fprintf(lv.log, "portal: %s; %s\n", l10n.ErrorCount(len(msgs), lv.TermLang), l10n.New("still serving the last good version").Localize(lv.TermLang))
		data, _ := json.Marshal(msgs)
		lv.broadcast(event{"error", string(data)})
		return false
	}
	lv.build.Store(up.Build)
	lv.mu.Lock()
	hadErrors := lv.errs != nil
	lv.errs = nil
	lv.mu.Unlock()
	switch {
	case up.CSSOnly():
		lv.broadcast(event{"css", "{}"})
		fmt.Fprintf(lv.log, "portal: styles changed (%d ms)\n", up.Duration.Milliseconds())
	case up.Changed():
		lv.broadcast(event{"reload", reloadData(up)})
		fmt.Fprintf(lv.log, "portal: %d pages rendered again, %d files changed (%d ms)\n", len(up.Rendered), len(up.Static)+len(up.Removed), up.Duration.Milliseconds())
	case hadErrors:
		lv.broadcast(event{"ok", "{}"})
	}
	for _, w := range up.Warnings {
		fmt.Fprintln(lv.log, l10n.New("warning: %s", w.Located(lv.TermLang)).Localize(lv.TermLang))
	}
	// After the browsers were told: site.toml may have changed the
	// language of the overlay.
	lv.updateLanguage()
	return false
}

// updateLanguage reads the editors' language from site.toml again.
func (lv *Live) updateLanguage() string {
	lang := editorLanguage(lv.src, lv.Language())
	lv.mu.Lock()
	lv.lang = lang
	lv.mu.Unlock()
	return lang
}

// reloadData lists the changed pages by URL so that a browser on an
// unaffected page does not reload; a long list becomes "all".
func reloadData(up site.Update) string {
	if len(up.Rendered)+len(up.Removed) > 500 || len(up.Static) > 0 && !up.CSSOnly() && hasNonData(up.Static) {
		return `{"all":true}`
	}
	var pages []string
	for _, f := range append(append([]string(nil), up.Rendered...), up.Removed...) {
		p := "/" + strings.TrimSuffix(f, "index.html")
		pages = append(pages, p)
	}
	data, _ := json.Marshal(map[string]any{"pages": pages})
	return string(data)
}

// hasNonData reports whether a changed file is one every page loads (a
// script, an icon); data, search shards, feeds and photos are not: the
// pages that show them are in the list of rendered pages.
func hasNonData(files []string) bool {
	for _, f := range files {
		if strings.HasPrefix(f, "js/") || strings.HasPrefix(f, "icons/") {
			return true
		}
	}
	return false
}

// messages are the errors of a build as the overlay shows them, in lang.
func messages(err error, lang string) []ErrorMessage {
	var es content.Errors
	if errors.As(err, &es) {
		out := make([]ErrorMessage, len(es))
		for i, e := range es {
			out[i] = ErrorMessage{File: e.File, Line: e.Line, Message: e.Localize(lang)}
		}
		return out
	}
	var ce *content.Error
	if errors.As(err, &ce) {
		return []ErrorMessage{{File: ce.File, Line: ce.Line, Message: ce.Localize(lang)}}
	}
	return []ErrorMessage{{File: "portal", Message: err.Error()}}
}

func (lv *Live) broadcast(ev event) {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	for c := range lv.clients {
		select {
		case c <- ev:
		default: // a stuck client misses an event rather than blocking builds
		}
	}
}

// ServeHTTP serves the event stream, the reload script and the site.
func (lv *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_portal/events":
		lv.events(w, r)
		return
	case "/_portal/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveJS)
		return
	}
	lv.file(w, r)
}

func (lv *Live) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 8)
	lv.mu.Lock()
	lv.clients[c] = true
	errs := lv.errs
	lv.mu.Unlock()
	defer func() {
		lv.mu.Lock()
		delete(lv.clients, c)
		lv.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 500\n\n")
	if errs != nil {
		data, _ := json.Marshal(errs)
		writeEvent(w, event{"error", string(data)})
	}
	fl.Flush()
	for {
		select {
		case ev := <-c:
			writeEvent(w, ev)
			fl.Flush()
		case <-r.Context().Done():
			return
		case <-lv.done:
			return
		}
	}
}

func writeEvent(w io.Writer, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}

// file serves a file of the last good build from memory: nothing outside
// the built site can be reached, whatever the path says.
func (lv *Live) file(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if strings.ContainsAny(r.URL.Path, "\\\x00") {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(p, "/")
	data, ok := lv.sess.File(name)
	if !ok && (name == "" || !strings.Contains(path.Base(name), ".")) {
		// A folder: its index.html, reached with a trailing slash so that
		// relative links work.
		idx := strings.TrimSuffix(name, "/")
		if idx != "" {
			idx += "/"
		}
		if _, isDir := lv.sess.File(idx + "index.html"); isDir {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
				return
			}
			name = idx + "index.html"
			data, ok = lv.sess.File(name)
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		name = "404.html"
		if seg, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/"); seg != "" {
			if _, has := lv.sess.File(seg + "/404.html"); has {
				name = seg + "/404.html"
			}
		}
		data, _ = lv.sess.File(name)
		if data == nil {
			// Nothing built yet (the first build failed): a page for the
			// overlay to show the errors on.
			data = []byte(`<!DOCTYPE html><html lang="cs"><meta charset="utf-8"><title>portal</title><body><p>Web zatím nejde sestavit. / The site cannot be built yet.</p></body></html>`)
			name = "error.html"
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".jsonld":
		ctype = "application/ld+json"
	case ".csv":
		ctype = "text/csv; charset=utf-8"
	}
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, lv.Language(), lv.build.Load())
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// inject adds the reload script to a page; only `serve` does this, a built
// site never contains it. lang is the language of the error overlay,
// build the number of the build the page is from (or an earlier one).
func inject(page []byte, lang string, build uint64) []byte {
	tag := []byte(`<script src="/_portal/live.js" data-lang="` + html.EscapeString(lang) + `" data-build="` + strconv.FormatUint(build, 10) + `" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// Watch rebuilds the site whenever something under content/, layouts/ or
// static/ of the site folder changes, until Close. Folders created later
// are watched as they appear. Editors' swap and backup files are ignored.
func (lv *Live) Watch() error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	// The site folder itself, so that content/, layouts/ or static/ made
	// after the start are noticed.
	if err := w.Add(lv.src); err != nil {
		return err
	}
	// dirs are the folders watched: a folder that goes away is told
	// from a file by it.
	dirs := map[string]bool{}
	for _, dir := range watched {
		if err := addTree(w, filepath.Join(lv.src, dir), dirs); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	var (
		timer   *time.Timer
		fire    = make(chan struct{}, 1)
		retried bool
		// Folders created or moved in during this burst. They are watched
		// at once, so that files written into a new folder right away are
		// seen, and once more before the build: when a watched folder is
		// renamed, fsnotify drops the watch it has just given the new
		// name as it learns that the old one moved.
		newDirs = map[string]bool{}
		// changed are the files of the events since the last build, for
		// the session to read only those; whole is set when that is not
		// enough: a folder came or went, or events were lost.
		changed []string
		whole   bool
	)
	schedule := func(d time.Duration) {
		if timer != nil {
			timer.Stop()
		}
		timer = time.AfterFunc(d, func() {
			select {
			case fire <- struct{}{}:
			default:
			}
		})
	}
	for {
		select {
		case <-lv.done:
			if timer != nil {
				timer.Stop()
			}
			return nil
		case err := <-w.Errors:
			fmt.Fprintf(lv.log, "portal: watching files: %v\n", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				whole = true // events were lost: read everything
				retried = false
				schedule(lv.Debounce)
			}
		case ev := <-w.Events:
			if !lv.relevant(ev) {
				continue
			}
			switch {
			case dirs[ev.Name] && (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)):
				// A folder went away with whatever it held.
				delete(dirs, ev.Name)
				whole = true
			case ev.Has(fsnotify.Create):
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					addTree(w, ev.Name, dirs) // a new folder, perhaps with files already in it
					newDirs[ev.Name] = true
					whole = true
					break
				}
				fallthrough
			default:
				if rel, err := filepath.Rel(lv.src, ev.Name); err == nil {
					changed = append(changed, filepath.ToSlash(rel))
				}
			}
			retried = false
			schedule(lv.Debounce)
		case <-fire:
			for d := range newDirs {
				addTree(w, d, dirs)
			}
			clear(newDirs)
			files := changed
			if files == nil {
				files = []string{} // a second look: nothing new
			}
			if whole {
				files = nil
			}
			changed, whole = nil, false
			// A file caught half-written fails to parse: the first build
			// after a save keeps its errors to itself, and the errors are
			// shown only if a second look shortly after finds them too. A
			// save that builds is shown at once.
			held := lv.rebuild(!retried, files)
			lv.mu.Lock()
			broken := lv.errs != nil
			lv.mu.Unlock()
			if (held || broken) && !retried {
				retried = true
				schedule(lv.Recheck)
			}
		}
	}
}

// watched are the folders of a site folder whose files make the site.
var watched = []string{"content", "layouts", "static"}

// relevant filters out events that cannot change the site: files outside
// the watched folders, swap, backup and lock files of editors, and
// permission changes.
func (lv *Live) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || content.Ignored(filepath.Base(ev.Name)) {
		return false
	}
	rel, err := filepath.Rel(lv.src, ev.Name)
	if err != nil {
		return false
	}
	top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, d := range watched {
		if top == d {
			return true
		}
	}
	return false
}

// addTree watches root and every folder below it, and notes them in dirs.
func addTree(w *fsnotify.Watcher, root string, dirs map[string]bool) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && content.Ignored(d.Name()) {
				return filepath.SkipDir
			}
			dirs[p] = true
			return w.Add(p)
		}
		return nil
	})
}
