package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb, "en")
	return code, out.String(), errb.String()
}

func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../generator/site/testdata/basic")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// breakTwoFiles writes a partner with a wrong IČO check digit (line 3) and
// a project with a misspelt status (line 5) into the site folder src.
func breakTwoFiles(t *testing.T, src string) {
	t.Helper()
	for name, text := range map[string]string{
		"content/partners/cheb.cs.md":     "+++\ntitle = \"Cheb\"\nico = \"00253978\"\n+++\n",
		"content/projects/jednotka.cs.md": "+++\ntitle = \"X\"\nsummary = \"Y\"\nregion = \"karlovarsky\"\nstatus = \"runing\"\n+++\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"build", "--nope"}, {"build", "extra"}, {"new", "project"}, {"new", "thing", "x"}, {"new", "project", "Bad Slug"}} {
		if code, _, _ := runCmd(t, args...); code != 2 {
			t.Errorf("portal %v: exit %d, want 2", args, code)
		}
	}
}

func TestBuildAndCheck(t *testing.T) {
	src := copySite(t)
	code, out, errs := runCmd(t, "build", "--src", src)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "portal: built ") || !strings.Contains(out, "cs ") || !strings.Contains(out, "data sets") {
		t.Errorf("summary line = %q", out)
	}
	if _, err := os.Stat(filepath.Join(src, "public", "cs", "index.html")); err != nil {
		t.Error(err)
	}
	if code, _, errs := runCmd(t, "check", "--src", src); code != 0 {
		t.Fatalf("check: exit %d: %s", code, errs)
	}
	// Break two files: both errors are reported as file:line, exit 1.
	breakTwoFiles(t, src)
	code, _, errs = runCmd(t, "check", "--src", src)
	if code != 1 {
		t.Fatalf("check of broken content: exit %d", code)
	}
	for _, want := range []string{
		"content/partners/cheb.cs.md:3: ico: IČO 00253978 is not valid: its check digit should be 9, not 8",
		`content/projects/jednotka.cs.md:5: status: unknown status "runing" (did you mean "running"?)`,
		"2 error(s)",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if code, _, _ := runCmd(t, "build", "--src", src); code != 1 {
		t.Errorf("build of broken content: exit %d, want 1", code)
	}
}

func TestNewScaffoldsValidContent(t *testing.T) {
	src := copySite(t)
	for _, kind := range []string{"project", "partner", "page"} {
		code, out, errs := runCmd(t, "new", "--src", src, kind, "novy-"+kind)
		if code != 0 {
			t.Fatalf("new %s: exit %d: %s", kind, code, errs)
		}
		if strings.Count(out, "created ") != 2 {
			t.Errorf("new %s created %q, want one file per language", kind, out)
		}
	}
	// The scaffolded files must pass validation as they are.
	if code, _, errs := runCmd(t, "check", "--src", src); code != 0 {
		t.Fatalf("check after new: exit %d:\n%s", code, errs)
	}
	// And new never overwrites an editor's file.
	if code, _, errs := runCmd(t, "new", "--src", src, "project", "novy-project"); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("second new: exit %d: %s", code, errs)
	}
}

func TestTerminalLanguage(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{nil, systemLanguage()},
		{map[string]string{"LANG": "cs_CZ.UTF-8"}, "cs"},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "cs_CZ.UTF-8"}, "cs"},
		{map[string]string{"LANG": "cs_CZ.UTF-8", "LC_ALL": "C"}, "en"},
		{map[string]string{"LC_ALL": "cs_CZ"}, "cs"},
		{map[string]string{"LANG": "cs"}, "cs"},
		{map[string]string{"LANG": "cs_CZ@euro"}, "cs"},
		{map[string]string{"LANG": "csb_PL.UTF-8"}, "en"}, // Kashubian
		{map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
	}
	for _, tt := range tests {
		if got := terminalLanguage(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("terminalLanguage(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

// An editor whose system is in Czech reads the content errors in Czech,
// with the same file:line locations.
func TestErrorsInCzech(t *testing.T) {
	src := copySite(t)
	breakTwoFiles(t, src)
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"check", "--src", src}, &out, &errb, "cs"); code != 1 {
		t.Fatalf("check of broken content: exit %d", code)
	}
	for _, want := range []string{
		"content/partners/cheb.cs.md:3: ico: IČO 00253978 není platné",
		`content/projects/jednotka.cs.md:5: status: neznámý stav "runing"`,
		"portal: 2 chyby; po opravě spusťte znovu portal check",
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
}
