package serve

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
}

func startLive(t *testing.T) *liveServer {
	t.Helper()
	lv, src := newLive(t)
	ls := &liveServer{t: t, lv: lv, src: src, events: make(chan event, 64)}
	lv.Built = func(site.Update, error) { ls.builds.Add(1) }
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

// TestLiveBrokenSave: the error reaches the browser with file and line,
// the old page stays served, and fixing the file clears it.
func TestLiveBrokenSave(t *testing.T) {
	ls := startLive(t)
	good := ls.read(card)
	ls.write(card, strings.Replace(good, `carrier = "mas-ustecko"`, `carrier = "mas-ustecka"`, 1))
	ev := ls.wait("error")
	var msgs []ErrorMessage
	if err := json.Unmarshal([]byte(ev.data), &msgs); err != nil || len(msgs) != 1 {
		t.Fatalf("error event %q: %v", ev.data, err)
	}
	if m := msgs[0]; m.File != card || m.Line != 15 || !strings.Contains(m.Message, `did you mean "mas-ustecko"`) {
		t.Errorf("error = %+v", m)
	}
	if code, body := ls.get("/cs/projekty/animace/"); code != 200 || !strings.Contains(body, "Animace pro spravedlivou transformaci") {
		t.Error("the last good page is not served while the content is broken")
	}
	// A browser that connects now learns of the error at once.
	resp, err := http.Get(ls.srv.URL + "/_portal/events")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				got <- sc.Text()
				return
			}
		}
		got <- ""
	}()
	select {
	case first := <-got:
		if first != "event: error" {
			t.Errorf("a new browser's first event is %q, want the error", first)
		}
	case <-time.After(5 * time.Second):
		t.Error("a new browser is not told of the current error")
	}
	resp.Body.Close()
	ls.write(card, good)
	ls.wait("reload")
}

// TestLiveEditorSaves covers how editors really save: vim and JetBrains
// write a temporary file and rename it over the original; swap and backup
// files come and go; a burst of saves is debounced.
func TestLiveEditorSaves(t *testing.T) {
	ls := startLive(t)
	text := strings.Replace(ls.read(card), "Projekt vychází", "Přejmenováno", 1)
	// write to a temporary name, then rename over the card
	ls.write("content/projects/animace.cs.md___jb_tmp___", text)
	ls.write("content/projects/.animace.cs.md.swp", "swap")
	ls.write("content/projects/4913", "")
	os.Remove(filepath.Join(ls.src, "content/projects/4913"))
	if err := os.Rename(filepath.Join(ls.src, "content/projects/animace.cs.md___jb_tmp___"), filepath.Join(ls.src, card)); err != nil {
		t.Fatal(err)
	}
	ls.wait("reload")
	if _, body := ls.get("/cs/projekty/animace/"); !strings.Contains(body, "Přejmenováno") {
		t.Error("rename-over save not picked up")
	}

	// A burst of 40 saves builds a few times, not 40.
	before := ls.builds.Load()
	for i := range 40 {
		ls.write(card, strings.Replace(text, "Přejmenováno", "Verze "+strings.Repeat("x", i), 1))
	}
	ls.wait("reload")
	time.Sleep(300 * time.Millisecond)
	if n := ls.builds.Load() - before; n > 8 {
		t.Errorf("40 quick saves caused %d builds", n)
	}
	if _, body := ls.get("/cs/projekty/animace/"); !strings.Contains(body, "Verze "+strings.Repeat("x", 39)) {
		t.Error("the last save of the burst is not served")
	}
}

// TestLiveNewFolderAndDelete: folders created after the start are watched;
// a deleted card's page disappears.
func TestLiveNewFolderAndDelete(t *testing.T) {
	ls := startLive(t)
	ls.write("static/img/new/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.wait("reload")
	if code, _ := ls.get("/img/new/logo.svg"); code != 200 {
		t.Errorf("file in a new folder: %d", code)
	}
	ls.write("static/img/new/second.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	ls.wait("reload")
	if code, _ := ls.get("/img/new/second.svg"); code != 200 {
		t.Errorf("second file in the new folder: %d", code)
	}
	os.Remove(filepath.Join(ls.src, "content/projects/jednotka.cs.md"))
	ls.wait("reload")
	if code, body := ls.get("/cs/projekty/jednotka/"); code != 404 || !strings.Contains(body, "Stránka nenalezena") {
		t.Errorf("deleted card still served: %d", code)
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
