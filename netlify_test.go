package portal

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

type netlifyConfig struct {
	Build struct {
		Command     string            `toml:"command"`
		Publish     string            `toml:"publish"`
		Environment map[string]string `toml:"environment"`
	} `toml:"build"`
	Plugins []struct {
		Package string         `toml:"package"`
		Inputs  map[string]any `toml:"inputs"`
	} `toml:"plugins"`
	Redirects []struct {
		From, To   string
		Status     int
		Force      bool
		Conditions map[string][]string
	} `toml:"redirects"`
	Headers []struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	} `toml:"headers"`
}

// TestNetlify checks the deploy rules the portal relies on: a Go-only
// build, a strict CSP everywhere, framing only for /embed/, CORS for data.
func TestNetlify(t *testing.T) {
	var cfg netlifyConfig
	if _, err := toml.DecodeFile("netlify.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cfg.Build.Command, "go run ./cmd/portal build") || cfg.Build.Publish != "public" {
		t.Errorf("build = %q → %q", cfg.Build.Command, cfg.Build.Publish)
	}
	gomod, _ := os.ReadFile("go.mod")
	goLine := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if v := cfg.Build.Environment["GO_VERSION"]; goLine == nil || !strings.HasPrefix(v, string(goLine[1])+".") {
		t.Errorf("GO_VERSION %q is not pinned to go.mod's go %s", v, goLine[1])
	}
	cached := false
	for _, p := range cfg.Plugins {
		if p.Package == "netlify-plugin-cache" && strings.Contains(strings.Join(toStrings(p.Inputs["paths"]), ","), ".portal-cache") {
			cached = true
		}
	}
	if !cached {
		t.Error("the image cache folder .portal-cache is not kept between builds")
	}

	// "/" → language, 302, forced, for every language of the site.
	langs := map[string]bool{}
	for _, r := range cfg.Redirects {
		if r.From != "/" {
			t.Errorf("redirect from %q: only / is redirected by language", r.From)
			continue
		}
		if r.Status != 302 || !r.Force || len(r.Conditions["Language"]) == 0 {
			t.Errorf("redirect to %s: want 302, force and a Language condition", r.To)
		}
		langs[strings.Trim(r.To, "/")] = true
	}
	for _, l := range []string{"cs", "en"} {
		if !langs[l] {
			t.Errorf("no language redirect to /%s/", l)
		}
	}

	headers := map[string]map[string]string{}
	for _, h := range cfg.Headers {
		headers[h.For] = h.Values
	}
	all := headers["/*"]
	for _, k := range []string{"Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
		if all[k] == "" {
			t.Errorf("/* lacks %s", k)
		}
	}
	if all["Content-Security-Policy"] != "" || all["X-Frame-Options"] != "" {
		t.Error("/* must not set framing rules: Netlify merges them into /embed/*")
	}
	for _, p := range []string{"/", "/cs/*", "/en/*", "/404.html", "/embed/*"} {
		csp := headers[p]["Content-Security-Policy"]
		if csp == "" {
			t.Errorf("%s has no Content-Security-Policy", p)
			continue
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "style-src 'self'") {
			t.Errorf("%s: CSP not strict: %s", p, csp)
		}
		framable := strings.Contains(csp, "frame-ancestors *")
		if p == "/embed/*" && !framable {
			t.Error("/embed/* must be framable")
		}
		if p != "/embed/*" && (framable || !strings.Contains(csp, "frame-ancestors 'none'") || headers[p]["X-Frame-Options"] != "DENY") {
			t.Errorf("%s must not be framable", p)
		}
	}
	for _, p := range []string{"/css/*", "/js/*"} {
		if cc := headers[p]["Cache-Control"]; !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
			t.Errorf("%s: Cache-Control %q", p, cc)
		}
	}
	if headers["/data/*"]["Access-Control-Allow-Origin"] != "*" {
		t.Error("/data/* needs Access-Control-Allow-Origin: * (NKOD checks CORS)")
	}
	if !strings.HasPrefix(headers["/data/catalog.jsonld"]["Content-Type"], "application/ld+json") {
		t.Error("the catalogue must be served as application/ld+json")
	}
}

func toStrings(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
