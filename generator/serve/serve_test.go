package serve

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	files := map[string]string{
		"index.html":               "chooser",
		"404.html":                 "root 404",
		"cs/index.html":            "domů",
		"cs/404.html":              "stránka nenalezena",
		"en/404.html":              "page not found",
		"css/portal.css":           "body{}",
		"cs/projekty/x/index.html": "projekt",
	}
	for p, body := range files {
		f := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(f), 0o755)
		os.WriteFile(f, []byte(body), 0o644)
	}
	// A secret beside the site must never be served.
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o644)
	return dir
}

func TestHandler(t *testing.T) {
	h := Handler(site(t))
	tests := []struct {
		path  string
		code  int
		body  string
		ctype string
	}{
		{"/", 200, "chooser", "text/html"},
		{"/cs/", 200, "domů", "text/html"},
		{"/cs/projekty/x/", 200, "projekt", "text/html"},
		{"/css/portal.css", 200, "body{}", "text/css"},
		{"/cs/nic/", 404, "stránka nenalezena", "text/html"},
		{"/en/nothing", 404, "page not found", "text/html"},
		{"/zz/x", 404, "root 404", "text/html"},
		{"/../secret.txt", 404, "root 404", "text/html"},
		{"/cs/../../secret.txt", 404, "root 404", "text/html"},
		{"/%2e%2e/secret.txt", 404, "root 404", "text/html"},
		{"/cs/%2e%2e%2f%2e%2e%2fsecret.txt", 404, "", "text/html"},
		{"/..%5csecret.txt", 400, "", ""},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", "http://x"+tt.path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != tt.code {
			t.Errorf("%s: code %d, want %d", tt.path, rec.Code, tt.code)
		}
		if strings.Contains(body, "secret") {
			t.Errorf("%s: served a file outside the site", tt.path)
		}
		if tt.body != "" && !strings.Contains(body, tt.body) {
			t.Errorf("%s: body %q, want %q", tt.path, body, tt.body)
		}
		if tt.ctype != "" && !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ctype) {
			t.Errorf("%s: content type %q", tt.path, rec.Header().Get("Content-Type"))
		}
	}
}
