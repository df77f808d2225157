package site

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	portal "github.com/transformace/portal"
)

// tmpRoot holds what tests share across the package, removed at the end.
var tmpRoot string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "portal-site-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var example struct {
	once sync.Once
	out  string
	err  error
}

// builtExample builds the example portal once for the tests that only
// read its output, and returns the output folder.
func builtExample(t *testing.T) string {
	t.Helper()
	example.once.Do(func() {
		example.out = filepath.Join(tmpRoot, "example")
		_, example.err = Build(Config{Src: "../..", Out: example.out, Theme: portal.Theme})
	})
	if example.err != nil {
		t.Fatal(example.err)
	}
	return example.out
}
