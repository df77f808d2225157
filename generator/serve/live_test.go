package serve

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/transformace/portal/generator/site"
)

// liveServer runs Live with its watcher behind a real HTTP server and
// returns a function that waits for the next event of the given name.
type liveServer struct {
	t      *testing.T
	lv     *Live
	srv    *httptest.Server
	src    string
	events chan event
	builds atomic.Int32
	log    lockedBuffer

	mu       sync.Mutex
	warnings []string // warnings of the builds since the start
}

// lockedBuffer is the server's log, written by the watcher goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startLive starts the server; opts change the Live before its watcher
// starts.
func startLive(t *testing.T, opts ...func(*Live)) *liveServer {
	t.Helper()
	lv, src := newLive(t)
	for _, o := range opts {
		o(lv)
	}
	ls := &liveServer{t: t, lv: lv, src: src, events: make(chan event, 64)}
	lv.log = &ls.log
	lv.Built = func(up site.Update, err error) {
		ls.mu.Lock()
		for _, w := range up.Warnings {
			ls.warnings = append(ls.warnings, w.Error())
		}
		ls.mu.Unlock()
		ls.builds.Add(1)
	}
	ls.srv = httptest.NewServer(lv)
	watching := make(chan error, 1)
	go func() { watching <- lv.Watch() }()
	t.Cleanup(func() {
		lv.Close()
		ls.srv.Close()
		if err := <-watching; err != nil {
			t.Errorf("watch: %v", err)
		}
	})
	resp, err := http.Get(ls.srv.URL + "/_portal/events")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.name != "":
				ls.events <- ev
				ev = event{}
			}
		}
	}()
	time.Sleep(100 * time.Millisecond) // let the watcher and the stream start
	return ls
}

func (ls *liveServer) wait(name string) event {
	ls.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev := <-ls.events:
			if ev.name == name {
				return ev
			}
		case <-timeout:
			ls.t.Fatalf("no %q event within 10 s", name)
		}
	}
}

// waitAny waits for the next event with one of the names.
func (ls *liveServer) waitAny(names ...string) event {
	ls.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev := <-ls.events:
			for _, n := range names {
				if ev.name == n {
					return ev
				}
			}
		case <-timeout:
			ls.t.Fatalf("no %q event within 10 s", names)
		}
	}
}

// waitErrors waits for the next error event and returns its errors.
func (ls *liveServer) waitErrors() []ErrorMessage {
	ls.t.Helper()
	ev := ls.wait("error")
	var msgs []ErrorMessage
	if err := json.Unmarshal([]byte(ev.data), &msgs); err != nil {
		ls.t.Fatalf("error event %q: %v", ev.data, err)
	}
	return msgs
}

// waitFixed waits until a build succeeds after errors: the browsers are
// told to reload, or, when nothing changed since the last good build, that
// all is well again. Then no error may be left for a new browser.
func (ls *liveServer) waitFixed() {
	ls.t.Helper()
	ls.waitAny("reload", "ok")
	ls.lv.mu.Lock()
	errs := ls.lv.errs
	ls.lv.mu.Unlock()
	if errs != nil {
		ls.t.Errorf("errors left after the fix: %+v", errs)
	}
}

// firstEvent connects a new browser and returns the name of the first
// event it gets, or "" when none comes within 5 s.
func (ls *liveServer) firstEvent() string {
	ls.t.Helper()
	resp, err := http.Get(ls.srv.URL + "/_portal/events")
	if err != nil {
		ls.t.Fatal(err)
	}
	defer resp.Body.Close()
	got := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				got <- name
				return
			}
		}
		got <- ""
	}()
	select {
	case name := <-got:
		return name
	case <-time.After(5 * time.Second):
		return ""
	}
}

// noWarnings fails when a build since the start warned, e.g. about an
// editor's temporary file it read as content.
func (ls *liveServer) noWarnings() {
	ls.t.Helper()
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if len(ls.warnings) > 0 {
		ls.t.Errorf("builds warned: %q", ls.warnings)
	}
}

func (ls *liveServer) path(rel string) string { return filepath.Join(ls.src, filepath.FromSlash(rel)) }

func (ls *liveServer) get(path string) (int, string) {
	ls.t.Helper()
	resp, err := http.Get(ls.srv.URL + path)
	if err != nil {
		ls.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (ls *liveServer) write(rel, text string) {
	ls.t.Helper()
	p := filepath.Join(ls.src, rel)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		ls.t.Fatal(err)
	}
}

func (ls *liveServer) rename(from, to string) {
	ls.t.Helper()
	if err := os.Rename(ls.path(from), ls.path(to)); err != nil {
		ls.t.Fatal(err)
	}
}

func (ls *liveServer) remove(rel string) {
	ls.t.Helper()
	if err := os.Remove(ls.path(rel)); err != nil {
		ls.t.Fatal(err)
	}
}

// errors are the content errors the server holds now (nil when the site
// builds).
func (ls *liveServer) errors() []ErrorMessage {
	ls.lv.mu.Lock()
	defer ls.lv.mu.Unlock()
	return ls.lv.errs
}

// waitServed waits, event by event, until path serves a page containing
// text: a save may take more than one build to settle (a burst, a file
// caught half-written), so one reload is not enough to look.
func (ls *liveServer) waitServed(path, text string) {
	ls.t.Helper()
	ls.waitFor(path, func(code int, body string) bool { return code == 200 && strings.Contains(body, text) }, fmt.Sprintf("%s serving %q", path, text))
}

// waitCode waits, event by event, until path answers with code.
func (ls *liveServer) waitCode(path string, code int) {
	ls.t.Helper()
	ls.waitFor(path, func(c int, _ string) bool { return c == code }, fmt.Sprintf("%s answering %d", path, code))
}

func (ls *liveServer) waitFor(path string, ok func(int, string) bool, what string) {
	ls.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case <-ls.events:
			if ok(ls.get(path)) {
				return
			}
		case <-timeout:
			code, _ := ls.get(path)
			ls.t.Fatalf("no build led to %s within 10 s (now %d)", what, code)
		}
	}
}

func (ls *liveServer) read(rel string) string {
	b, err := os.ReadFile(filepath.Join(ls.src, rel))
	if err != nil {
		ls.t.Fatal(err)
	}
	return string(b)
}

const card = "content/projects/animace.cs.md"

// TestLiveEdit: a save is rebuilt, announced, and the new page served.
func TestLiveEdit(t *testing.T) {
	ls := startLive(t)
	ls.write(card, strings.Replace(ls.read(card), "Projekt vychází", "Projekt nově vychází", 1))
	ev := ls.wait("reload")
	if !strings.Contains(ev.data, "/cs/projekty/animace/") {
		t.Errorf("reload event does not name the page: %s", ev.data)
	}
	if _, body := ls.get("/cs/projekty/animace/"); !strings.Contains(body, "Projekt nově vychází") {
		t.Error("the new text is not served")
	}
}

// TestLiveData: the data files follow the pages of a save: a "data"
// event names the search indexes and project list indexes that changed,
// and the new search index is served then.
func TestLiveData(t *testing.T) {
	ls := startLive(t)
	_, before := ls.get("/cs/hledat/index/manifest.json")
	ls.write(card, strings.Replace(ls.read(card), "Projekt vychází", "Projekt kvazikrystalicky vychází", 1))
	ls.wait("reload")
	ev := ls.wait("data")
	if !strings.Contains(ev.data, `"/cs/hledat/index/"`) {
		t.Errorf("data event does not name the Czech search index: %s", ev.data)
	}
	var d struct{ Build uint64 }
	if err := json.Unmarshal([]byte(ev.data), &d); err != nil || d.Build == 0 {
		t.Errorf("data event without the number of its build: %s", ev.data)
	}
	// The page shown now is of that build: it has the new data already.
	if _, page := ls.get("/cs/projekty/"); !strings.Contains(page, fmt.Sprintf(`data-build="%d"`, d.Build)) {
		t.Errorf("a page served after the save is not tagged with build %d", d.Build)
	}
	if strings.Contains(ev.data, "/en/") {
		t.Errorf("data event names English indexes, which the Czech text does not change: %s", ev.data)
	}
	if _, after := ls.get("/cs/hledat/index/manifest.json"); after == before {
		t.Error("the search index served is the old one")
	}
}

func TestFetchedData(t *testing.T) {
	got := fetchedData([]string{"cs/hledat/index/t/1a2b.json", "cs/hledat/index/manifest.json", "en/projects/index.json", "data/projects.csv", "cs/feed.xml"})
	want := []string{"/cs/hledat/index/", "/en/projects/index.json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fetchedData = %v, want %v", got, want)
	}
}

// TestLiveBrokenSave: the error reaches the browser with file and line,
// in the editors' language (the fixture's default language is Czech),
// while the terminal stays English; the old page stays served; a browser
// that connects later learns of the error at once; fixing the file clears
// it.
func TestLiveBrokenSave(t *testing.T) {
	ls := startLive(t)
	good := ls.read(card)
	ls.write(card, strings.Replace(good, `carrier = "mas-ustecko"`, `carrier = "mas-ustecka"`, 1))
	msgs := ls.waitErrors()
	if len(msgs) != 1 {
		t.Fatalf("errors = %+v, want one", msgs)
	}
	want := ErrorMessage{File: card, Line: 15, Message: `nositel "mas-ustecka" není mezi partnery (nemysleli jste "mas-ustecko"?): založte content/partners/mas-ustecka.cs.md, nebo opravte slug`}
	if msgs[0] != want {
		t.Errorf("error = %+v\nwant    %+v", msgs[0], want)
	}
	if log := ls.log.String(); !strings.Contains(log, card+`:15: carrier "mas-ustecka" is not a partner (did you mean "mas-ustecko"?)`) {
		t.Errorf("the terminal does not show the English error:\n%s", log)
	}
	if code, body := ls.get("/cs/projekty/animace/"); code != 200 || !strings.Contains(body, "Animace pro spravedlivou transformaci") {
		t.Error("the last good page is not served while the content is broken")
	}
	// The overlay's frame speaks the editors' language on every page.
	if _, body := ls.get("/en/projects/animace/"); !strings.Contains(body, `<script src="/_portal/live.js" data-lang="cs" data-build=`) {
		t.Error("the reload script does not carry the editors' language")
	}
	// A browser that connects now learns of the error at once.
	if first := ls.firstEvent(); first != "error" {
		t.Errorf("a new browser's first event is %q, want the error", first)
	}
	ls.write(card, good)
	ls.waitFixed()
	if _, body := ls.get("/cs/projekty/animace/"); !strings.Contains(body, "mas-ustecko") {
		t.Error("the fixed page is not served")
	}
}

// TestLiveTerminalInCzech: on a Czech system the terminal shows a broken
// save's error in Czech too, with its file and line.
func TestLiveTerminalInCzech(t *testing.T) {
	ls := startLive(t, func(lv *Live) { lv.TermLang = "cs" })
	good := ls.read(card)
	ls.write(card, strings.Replace(good, `carrier = "mas-ustecko"`, `carrier = "mas-ustecka"`, 1))
	ls.waitErrors()
	for _, want := range []string{
		card + `:15: nositel "mas-ustecka" není mezi partnery`,
		"portal: 1 chyba; náhled dál ukazuje poslední funkční verzi",
	} {
		if log := ls.log.String(); !strings.Contains(log, want) {
			t.Errorf("the terminal lacks %q:\n%s", want, log)
		}
	}
}

// TestLiveBrokenFiles: the broken saves the issue names (invalid TOML, an
// unknown partner, a bad CSV) each show their file, line and Czech
// message, keep the last good pages served, and clear when fixed.
func TestLiveBrokenFiles(t *testing.T) {
	ls := startLive(t)
	tests := []struct {
		file, from, to string
		line           int
		message        string
		page, old      string // a page that must stay served with its old text
	}{
		{card, `title = "Animace pro spravedlivou transformaci"`, `title = "Animace pro spravedlivou transformaci`, 2,
			"title: text v uvozovkách musí být celý na jednom řádku (chybí uzavírací uvozovka?)",
			"/cs/projekty/animace/", "Animace pro spravedlivou transformaci"},
		{card, `partners = ["zatec", "cheb"]`, `partners = ["zatec", "chebb"]`, 16,
			`partner "chebb" neexistuje (nemysleli jste "cheb"?): založte content/partners/chebb.cs.md, nebo opravte slug`,
			"/cs/partneri/cheb/", "Animace pro spravedlivou transformaci"},
		{"content/indicators/akce.csv", "2024-Q3;5,5", "2024-Q3;pět", 4,
			"sloupec 9: 'pět' není číslo: pište číslice, s desetinnou čárkou nebo tečkou, např. 12 nebo 1 234,5",
			"/cs/ukazatele/akce/", "5,5"},
		{"content/indicators/akce.toml", `periodicity = "quarterly"`, `periodicity = "ctvrtletne"`, 2,
			`periodicity "ctvrtletne" není mezi povolenými hodnotami annual, quarterly, monthly, irregular: nemysleli jste "quarterly"?`,
			"/cs/ukazatele/akce/", "Počet akcí"},
	}
	for _, tt := range tests {
		good := ls.read(tt.file)
		if !strings.Contains(good, tt.from) {
			t.Fatalf("%s has no %q", tt.file, tt.from)
		}
		ls.write(tt.file, strings.Replace(good, tt.from, tt.to, 1))
		msgs := ls.waitErrors()
		want := ErrorMessage{File: tt.file, Line: tt.line, Message: tt.message}
		if len(msgs) != 1 || msgs[0] != want {
			t.Errorf("%s → %s: errors %+v\nwant %+v", tt.from, tt.to, msgs, want)
		}
		if code, body := ls.get(tt.page); code != 200 || !strings.Contains(body, tt.old) {
			t.Errorf("%s → %s: %s is not served as it was (%d)", tt.from, tt.to, tt.page, code)
		}
		ls.write(tt.file, good)
		ls.waitFixed()
	}
}

// TestLiveJetBrainsSave: JetBrains' safe write puts the new text in
// x___jb_tmp___, renames the card to x___jb_old___, renames the temporary
// file over the card and deletes the old one; the swap and backup files of
// other editors come and go beside it. None of them is read as content.
func TestLiveJetBrainsSave(t *testing.T) {
	ls := startLive(t)
	text := strings.Replace(ls.read(card), "Projekt vychází", "Přejmenováno", 1)
	ls.write(card+"___jb_tmp___", text)
	ls.write("content/projects/.animace.cs.md.swp", "swap")
	ls.write("content/projects/#animace.cs.md#", "emacs autosave")
	if err := os.Symlink("user@host.1234", ls.path("content/projects/.#animace.cs.md")); err != nil {
		t.Fatal(err) // Emacs's lock is a dangling symbolic link
	}
	ls.rename(card, card+"___jb_old___")
	ls.rename(card+"___jb_tmp___", card)
	ls.remove(card + "___jb_old___")
	ls.waitServed("/cs/projekty/animace/", "Přejmenováno")
	ls.noWarnings()
}

// TestLiveVimSave: vim probes the folder with a file "4913", renames the
// card to a backup "x~", writes the card anew and deletes the backup. For
// a moment the card does not exist; the site must end up with the new
// text and no error.
func TestLiveVimSave(t *testing.T) {
	ls := startLive(t)
	text := strings.Replace(ls.read(card), "Projekt vychází", "Uloženo vimem", 1)
	ls.write("content/projects/4913", "")
	ls.remove("content/projects/4913")
	ls.rename(card, card+"~")
	ls.write(card, text)
	ls.remove(card + "~")
	ls.waitServed("/cs/projekty/animace/", "Uloženo vimem")
	ls.noWarnings()
	if errs := ls.errors(); errs != nil {
		t.Errorf("errors after the save: %+v", errs)
	}
}

// TestLiveBurst: a burst of saves (an editor's autosave, a formatter, a
// git checkout) builds a few times, not once per event, and the last save
// is what is served.
func TestLiveBurst(t *testing.T) {
	// A long quiet time makes the test independent of the machine's
	// speed: all 40 writes fall into one window.
	ls := startLive(t, func(lv *Live) { lv.Debounce = 300 * time.Millisecond })
	text := ls.read(card)
	before := ls.builds.Load()
	for i := range 40 {
		ls.write(card, strings.Replace(text, "Projekt vychází", "Verze "+strings.Repeat("x", i), 1))
	}
	ls.waitServed("/cs/projekty/animace/", "Verze "+strings.Repeat("x", 39))
	if n := ls.builds.Load() - before; n > 3 {
		t.Errorf("40 quick saves caused %d builds", n)
	}
}

// TestLiveHalfWritten: a build that reads a file in the middle of its
// save (here: the front matter written, its closing line not yet) shows
// the error, and the rest of the save clears it.
func TestLiveHalfWritten(t *testing.T) {
	ls := startLive(t)
	text := strings.Replace(ls.read(card), "Projekt vychází", "Napsáno ve dvou krocích", 1)
	cut := strings.Index(text, "tags =")
	f, err := os.OpenFile(ls.path(card), os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text[:cut]); err != nil {
		t.Fatal(err)
	}
	msgs := ls.waitErrors() // the half-written file was read
	if len(msgs) != 1 || msgs[0].File != card || msgs[0].Line != 1 {
		t.Errorf("half-written file: %+v", msgs)
	}
	if _, err := f.WriteString(text[cut:]); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	ls.waitServed("/cs/projekty/animace/", "Napsáno ve dvou krocích")
	if errs := ls.errors(); errs != nil {
		t.Errorf("errors left after the save ended: %+v", errs)
	}
}

// TestLiveTransientError: a build that catches a save half done does not
// flash the error overlay when the save is complete by the second look.
func TestLiveTransientError(t *testing.T) {
	// The second look comes late, so that the rest of the save surely
	// comes before it, whatever the machine's speed.
	ls := startLive(t, func(lv *Live) { lv.Recheck = 5 * time.Second })
	text := strings.Replace(ls.read(card), "Projekt vychází", "Uloženo celé", 1)
	before := ls.builds.Load()
	ls.write(card, text[:strings.Index(text, "tags =")]) // no closing +++ yet
	deadline := time.Now().Add(10 * time.Second)
	for ls.builds.Load() == before {
		if time.Now().After(deadline) {
			t.Fatal("no build of the half-written file")
		}
		time.Sleep(5 * time.Millisecond)
	}
	ls.write(card, text)
	ev := ls.waitAny("reload", "error")
	if ev.name == "error" {
		t.Errorf("the half-written state reached the browser: %s", ev.data)
	}
	if _, body := ls.get("/cs/projekty/animace/"); !strings.Contains(body, "Uloženo celé") {
		t.Error("the complete save is not served")
	}
	if errs := ls.errors(); errs != nil {
		t.Errorf("errors: %+v", errs)
	}
}

// TestLiveFiles: a new file in a folder created after the start, a card
// renamed (a new slug), a card deleted.
func TestLiveFiles(t *testing.T) {
	ls := startLive(t)
	ls.write("static/img/new/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.waitCode("/img/new/logo.svg", 200)
	ls.write("static/img/new/second.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.waitCode("/img/new/second.svg", 200)

	ls.rename("content/projects/jednotka.cs.md", "content/projects/jednotka-sokolovsko.cs.md")
	ls.waitCode("/cs/projekty/jednotka-sokolovsko/", 200)
	if code, _ := ls.get("/cs/projekty/jednotka/"); code != 404 {
		t.Errorf("the old address of a renamed card: %d, want 404", code)
	}

	ls.remove("content/projects/jednotka-sokolovsko.cs.md")
	ls.waitCode("/cs/projekty/jednotka-sokolovsko/", 404)
	if _, body := ls.get("/cs/projekty/jednotka-sokolovsko/"); !strings.Contains(body, "Stránka nenalezena") {
		t.Error("a deleted card's address does not serve the Czech 404 page")
	}
	ls.noWarnings()
}

// TestLiveFolders: a folder renamed keeps being watched under its new
// name; a folder deleted takes its files with it; a content folder renamed
// by mistake is an error that renaming it back clears.
func TestLiveFolders(t *testing.T) {
	ls := startLive(t)
	ls.write("static/img/a/one.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.waitCode("/img/a/one.svg", 200)

	ls.rename("static/img/a", "static/img/b")
	ls.waitCode("/img/b/one.svg", 200)
	if code, _ := ls.get("/img/a/one.svg"); code != 404 {
		t.Errorf("a file of a renamed folder under the old name: %d", code)
	}
	// The renamed folder is still watched, under its new name.
	ls.write("static/img/b/two.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.waitCode("/img/b/two.svg", 200)
	// A folder moved in from outside the site, with files in it.
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "three.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(outside, ls.path("static/img/c")); err != nil {
		t.Fatal(err)
	}
	ls.waitCode("/img/c/three.svg", 200)
	ls.write("static/img/c/four.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.waitCode("/img/c/four.svg", 200)

	if err := os.RemoveAll(ls.path("static/img/b")); err != nil {
		t.Fatal(err)
	}
	ls.waitCode("/img/b/two.svg", 404)
	// A folder of the same name made again is watched again.
	ls.write("static/img/b/five.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.waitCode("/img/b/five.svg", 200)

	ls.rename("content/partners", "content/partneri")
	msgs := ls.waitErrors()
	found := false
	for _, m := range msgs {
		if m.File == "content/partneri" && m.Message == `tuto složku portál nečte; nemysleli jste "partners"? (složku, jejíž název začíná _, portál přeskakuje)` {
			found = true
		}
	}
	if !found {
		t.Errorf("a misnamed content folder is not named in the errors: %+v", msgs)
	}
	if code, _ := ls.get("/cs/partneri/cheb/"); code != 200 {
		t.Errorf("the last good partner page is not served while the folder is misnamed: %d", code)
	}
	ls.rename("content/partneri", "content/partners")
	ls.waitFixed()
	// Files of the folder renamed back are watched again.
	ls.write("content/partners/cheb.cs.md", strings.Replace(ls.read("content/partners/cheb.cs.md"), "O organizaci Cheb.", "Město Cheb na západě Čech.", 1))
	ls.waitServed("/cs/partneri/cheb/", "Město Cheb na západě Čech.")
}

// TestRelevant: which file events start a build.
func TestRelevant(t *testing.T) {
	lv := &Live{src: "/site"}
	tests := []struct {
		name string
		op   fsnotify.Op
		want bool
	}{
		{"/site/content/projects/x.cs.md", fsnotify.Write, true},
		{"/site/content/projects/x.cs.md", fsnotify.Create, true},
		{"/site/content/projects/x.cs.md", fsnotify.Remove, true},
		{"/site/content/projects/x.cs.md", fsnotify.Rename, true},
		{"/site/content/projects/x.cs.md", fsnotify.Chmod, false},
		{"/site/content/projects/x.cs.md", fsnotify.Write | fsnotify.Chmod, true},
		{"/site/layouts/base.html", fsnotify.Write, true},
		{"/site/static/css/portal.css", fsnotify.Write, true},
		{"/site/content", fsnotify.Create, true},
		{"/site/content/projects/.x.cs.md.swp", fsnotify.Write, false},
		{"/site/content/projects/x.cs.md~", fsnotify.Create, false},
		{"/site/content/projects/4913", fsnotify.Create, false},
		{"/site/content/projects/.#x.cs.md", fsnotify.Create, false},
		{"/site/content/projects/#x.cs.md#", fsnotify.Write, false},
		{"/site/content/projects/x.cs.md___jb_tmp___", fsnotify.Write, false},
		{"/site/content/projects/x.cs.md___jb_old___", fsnotify.Rename, false},
		{"/site/content/projects/.goutputstream-AB12CD", fsnotify.Write, false},
		{"/site/public/index.html", fsnotify.Write, false},
		{"/site/.portal-cache/images/x", fsnotify.Write, false},
		{"/site/README.md", fsnotify.Write, false},
		{"/elsewhere/content/x.cs.md", fsnotify.Write, false},
	}
	for _, tt := range tests {
		if got := lv.relevant(fsnotify.Event{Name: filepath.FromSlash(tt.name), Op: tt.op}); got != tt.want {
			t.Errorf("relevant(%s %s) = %v, want %v", tt.op, tt.name, got, tt.want)
		}
	}
}

// TestLiveCSSOnly: a stylesheet change swaps styles without a reload.
func TestLiveCSSOnly(t *testing.T) {
	ls := startLive(t)
	ls.write("static/css/portal.css", "body{color:#000}")
	ls.wait("css")
	if _, body := ls.get("/css/portal.css"); body != "body{color:#000}" {
		t.Errorf("new stylesheet not served: %q", body)
	}
}
