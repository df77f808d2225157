package serve

import (
	"errors"
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	portal "github.com/transformace/portal"
	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/l10n"
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
	sess.WaitData()
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

// TestEditorLanguage: the overlay speaks the site's default language, read
// from content/site.toml, also when site.toml itself is broken.
func TestEditorLanguage(t *testing.T) {
	tests := []struct {
		siteToml string // "" for no site.toml
		want     string
	}{
		{"", "cs"},
		{"base_url = \"https://x.example/\"\nlanguages = [\"en\", \"cs\"]\n[title]\nen = \"X\"\ncs = \"X\"\n", "en"},
		{"base_url = \"https://x.example/\"\nlanguages = [\"cs\", \"en\"]\n[title]\ncs = \"X\"\nen = \"X\"\n", "cs"},
		// Broken: an unclosed string, an unknown setting.
		{"languages = ['en', 'cs']\ntitle = \"X\n", "en"},
		{"languages = [\"de\"]\nbogus = 1\n", "de"},
		{"no languages here = \n", "cs"},
	}
	for _, tt := range tests {
		src := t.TempDir()
		if tt.siteToml != "" {
			os.MkdirAll(src+"/content", 0o755)
			os.WriteFile(src+"/content/site.toml", []byte(tt.siteToml), 0o644)
		}
		if got := editorLanguage(src, "cs"); got != tt.want {
			t.Errorf("editorLanguage(%q) = %q, want %q", tt.siteToml, got, tt.want)
		}
	}
}

// TestMessages: the overlay's messages in each language, with file and
// line; errors that are not content errors are shown as they are.
func TestMessages(t *testing.T) {
	err := content.Errors{content.Errorf("content/projects/x.cs.md", 4, "unknown status %q%s; statuses are %s", "hotovo", l10n.Text{}, "idea, running")}
	for lang, want := range map[string]string{
		"cs": `neznámý stav "hotovo"; stavy jsou idea, running`,
		"en": `unknown status "hotovo"; statuses are idea, running`,
		"de": `unknown status "hotovo"; statuses are idea, running`,
	} {
		got := messages(err, lang)
		if len(got) != 1 || got[0] != (ErrorMessage{File: "content/projects/x.cs.md", Line: 4, Message: want}) {
			t.Errorf("%s: %+v", lang, got)
		}
	}
	if got := messages(errors.New("layouts/base.html: bad template"), "cs"); len(got) != 1 || got[0].Message != "layouts/base.html: bad template" {
		t.Errorf("another error: %+v", got)
	}
}
