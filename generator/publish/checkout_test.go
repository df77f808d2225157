package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// checkOutFixture lays out a home folder and a site folder side by side
// under a temporary folder, with HOME pointing at the fake home so that the
// real one is never consulted.
func checkOutFixture(t *testing.T) (base, home, site string) {
	t.Helper()
	base = t.TempDir()
	home = filepath.Join(base, "home", "editor")
	site = filepath.Join(base, "work", "site")
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home) // os.UserHomeDir on Windows
	for _, d := range []string{home, "content/zpravy", "layouts", "static", "docs", "built/cs", "empty"} {
		if !filepath.IsAbs(d) {
			d = filepath.Join(site, d)
		}
		mustMkdir(t, d)
	}
	mustWrite(t, filepath.Join(site, "site.toml"), "title = 'x'\n")
	mustWrite(t, filepath.Join(site, "content/zpravy/a.md"), "# a\n")
	mustWrite(t, filepath.Join(site, "docs/zapis.docx"), "not a build")
	mustWrite(t, filepath.Join(site, "built", Marker), markerText)
	mustWrite(t, filepath.Join(site, "built/cs/index.html"), "<p>old</p>")
	mustWrite(t, filepath.Join(site, "afile"), "x")
	return base, home, site
}

func TestCheckOut(t *testing.T) {
	base, home, site := checkOutFixture(t)
	in := func(p string) string { return filepath.Join(site, p) }
	root := "/"
	if runtime.GOOS == "windows" {
		root = filepath.VolumeName(base) + `\`
	}

	tests := []struct {
		name, out, src string
		want           string // substring of the error; "" means accepted
	}{
		{"empty", "", site, "no output folder"},
		{"dot", ".", site, "current folder"},
		{"dot slash", "./", site, "current folder"},
		{"root", root, site, "root of the file system"},
		{"home", home, site, "home folder"},
		{"home with trailing slash", home + string(filepath.Separator), site, "home folder"},
		{"ancestor of home", filepath.Dir(home), site, "home folder"},
		{"src itself", site, site, "site folder itself"},
		{"src spelled differently", filepath.Join(site, "content", ".."), site, "site folder itself"},
		{"ancestor of src", filepath.Dir(site), site, "contains the site folder"},
		{"content", in("content"), site, "content/ folder"},
		{"inside content", in("content/zpravy"), site, "inside the site's content/"},
		{"new folder inside content", in("content/new"), site, "inside the site's content/"},
		{"layouts", in("layouts"), site, "layouts/ folder"},
		{"static", in("static"), site, "static/ folder"},
		{"inside static", in("static/out"), site, "inside the site's static/"},
		{"folder of documents", in("docs"), site, "has no " + Marker},
		{"a file", in("afile"), site, "is a file"},

		{"fresh folder", in("public"), site, ""},
		{"fresh nested folder", in("build/public"), site, ""},
		{"existing empty folder", in("empty"), site, ""},
		{"previous build", in("built"), site, ""},
		{"beside the site", filepath.Join(base, "work", "public"), site, ""},
		{"src does not exist yet", in("public"), in("nothing/here"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRefusal(t, CheckOut(tt.out, tt.src), tt.want)
		})
	}
}

// TestCheckOutRelative covers paths as typed in a shell inside the site.
func TestCheckOutRelative(t *testing.T) {
	_, _, site := checkOutFixture(t)
	t.Chdir(site)
	tests := []struct {
		out, src, want string
	}{
		{".", ".", "current folder"},
		{"..", ".", "contains the site folder"},
		{"../..", ".", "home folder"}, // the fixture keeps home beside work/
		{"content", ".", "content/ folder"},
		{"content/zpravy/", ".", "inside the site's content/"},
		{"./static", ".", "static/ folder"},
		{"docs", ".", "has no " + Marker},
		{"public", ".", ""},
		{"./public/", ".", ""},
		{"built", ".", ""},
		{"../public", ".", ""},
		{"../site", ".", "site folder itself"},
		{"..", "..", "site folder itself"},
		{"public", "..", ""},
	}
	for _, tt := range tests {
		t.Run(tt.out+" from "+tt.src, func(t *testing.T) {
			checkRefusal(t, CheckOut(tt.out, tt.src), tt.want)
		})
	}
}

func TestCheckOutSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	base, _, site := checkOutFixture(t)
	link := filepath.Join(base, "link-to-site")
	if err := os.Symlink(site, link); err != nil {
		t.Fatal(err)
	}
	checkRefusal(t, CheckOut(link, site), "site folder itself")
	checkRefusal(t, CheckOut(filepath.Join(link, "content"), site), "content/ folder")
	checkRefusal(t, CheckOut(filepath.Join(link, "public"), site), "")
}

func TestCheckOutMessagesSayWhatToDo(t *testing.T) {
	_, _, site := checkOutFixture(t)
	for _, out := range []string{"", ".", site, filepath.Join(site, "content"), filepath.Join(site, "docs"), filepath.Join(site, "afile")} {
		err := CheckOut(out, site)
		if err == nil {
			t.Fatalf("CheckOut(%q) accepted", out)
		}
		msg := err.Error()
		if !strings.Contains(msg, "refusing output folder") || !strings.Contains(msg, "; ") {
			t.Errorf("CheckOut(%q) = %q: want the rule and what to do", out, msg)
		}
		if !strings.Contains(msg, "--out") && !strings.Contains(msg, "empty this one") {
			t.Errorf("CheckOut(%q) = %q: does not say what to do", out, msg)
		}
	}
}

func checkRefusal(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("refused: %v", err)
	case want != "" && err == nil:
		t.Errorf("accepted; want an error containing %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("error %q does not contain %q", err, want)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	mustMkdir(t, filepath.Dir(name))
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
