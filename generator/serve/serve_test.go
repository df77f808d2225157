package serve

import (
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/site"
)

// newLive builds the fixture site into a session served by Live.
func newLive(t *testing.T) (*Live, string) {
	t.Helper()
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("../site/testdata/basic")); err != nil {
		t.Fatal(err)
	}
	// A secret beside the site folder must never be served.
	os.WriteFile(src+"/secret.txt", []byte("secret"), 0o644)
	sess := site.NewSession(site.Config{Src: src, Theme: portal.Theme, NoMinify: true})
	if _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	return NewLive(sess, src, io.Discard), src
}

func TestServeFiles(t *testing.T) {
	lv, _ := newLive(t)
	tests := []struct {
		path  string
		code  int
		body  string
		ctype string
	}{
		{"/", 200, `href="/cs/"`, "text/html"},
		{"/cs/", 200, `<html lang="cs">`, "text/html"},
		{"/cs/projekty/animace/", 200, "Animace pro spravedlivou", "text/html"},
		{"/cs/projekty/animace", 301, "", ""},
		{"/css/portal.css", 200, "", "text/css"},
		{"/data/projects.csv", 200, "slug,", "text/csv"},
		{"/data/catalog.jsonld", 200, "Katalog", "application/ld+json"},
		{"/cs/nic/", 404, "Stránka nenalezena", "text/html"},
		{"/en/nothing", 404, "Page not found", "text/html"},
		{"/zz/x", 404, "", "text/html"},
		{"/../secret.txt", 404, "", "text/html"},
		{"/cs/../../secret.txt", 404, "", "text/html"},
		{"/%2e%2e/secret.txt", 404, "", "text/html"},
		{"/cs/%2e%2e%2f%2e%2e%2fsecret.txt", 404, "", "text/html"},
		{"/..%5csecret.txt", 400, "", ""},
		{"/_portal/live.js", 200, "EventSource", "text/javascript"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		lv.ServeHTTP(rec, httptest.NewRequest("GET", "http://x"+tt.path, nil))
		body := rec.Body.String()
		if rec.Code != tt.code {
			t.Errorf("%s: code %d, want %d", tt.path, rec.Code, tt.code)
		}
		if strings.Contains(body, "secret\n") || body == "secret" {
			t.Errorf("%s: served a file outside the site", tt.path)
		}
		if tt.body != "" && !strings.Contains(body, tt.body) {
			t.Errorf("%s: body lacks %q", tt.path, tt.body)
		}
		if tt.ctype != "" && !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ctype) {
			t.Errorf("%s: content type %q, want %s", tt.path, rec.Header().Get("Content-Type"), tt.ctype)
		}
		if strings.HasPrefix(tt.ctype, "text/html") && !strings.Contains(body, "/_portal/live.js") {
			t.Errorf("%s: reload script not injected", tt.path)
		}
	}
}
