//go:build unix

package publish

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
)

// TestPermissionsDespiteUmask checks that a builder with a strict umask
// still publishes a site a web server running as another user can read.
// It changes the process umask, so it must not run in parallel.
func TestPermissionsDespiteUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)

	out := filepath.Join(t.TempDir(), "public")
	build(t, out, exampleSite())
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		want := filePerm
		if d.IsDir() {
			want = dirPerm
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
