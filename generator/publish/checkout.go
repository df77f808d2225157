package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Marker is the name of the file every build writes into the root of its
// output folder. Its presence is the proof that a folder holds a previous
// build and may be replaced or updated; deploy tools may skip it. It
// lists the build's files, so the next build knows which ones are gone.
const Marker = ".portal-build"

// markerText starts the marker: it tells a person who opens the folder
// why it will be overwritten.
const markerText = "This folder was written by portal build. The next build updates it and\n" +
	"removes what the site no longer has: edit the site's sources, not these files.\n"

// fileListHeader starts the list of the build's files in the marker.
const fileListHeader = "\nFiles of this build:\n"

// useOut is the advice that ends most refusals.
const useOut = "choose a dedicated output folder, for example --out public"

// CheckOut refuses output folders that would destroy something other than
// a previous build, because Commit deletes whatever the output folder held.
// out and src are paths as the user gave them. It refuses "", ".", "/", the
// user's home (and any folder that contains it), src itself, any ancestor
// of src, src/content, src/layouts and src/static and any folder inside
// them (output inside static/ would be copied into the next build, output
// inside layouts/ read as templates), a path that is a file, and an
// existing non-empty folder without the Marker file (so `--out docs` on a
// folder of documents is refused). Paths are compared after resolving
// symbolic links. The error says which rule was hit and what to do.
func CheckOut(out, src string) error {
	if err := checkOutName(out); err != nil {
		return err
	}
	o, err := canonical(out)
	if err != nil {
		return fmt.Errorf("refusing output folder %q: %w", out, err)
	}
	if err := checkOutPlace(out, o); err != nil {
		return err
	}
	s, err := canonical(src)
	if err != nil {
		return fmt.Errorf("refusing output folder %q: site folder %q: %w", out, src, err)
	}
	switch {
	case samePath(o, s):
		return refuse(out, "it is the site folder itself, and the build would delete your sources", "choose a subfolder, for example --out public")
	case within(s, o):
		return refuse(out, fmt.Sprintf("it contains the site folder %s, and the build would delete your sources", src), useOut)
	}
	for _, dir := range []string{"content", "layouts", "static"} {
		d := filepath.Join(s, dir)
		switch {
		case samePath(o, d):
			return refuse(out, fmt.Sprintf("it is the site's %s/ folder, and the build would delete it", dir), "choose a folder outside it, for example --out public")
		case within(o, d):
			return refuse(out, fmt.Sprintf("it is inside the site's %s/ folder, which the build reads", dir), "choose a folder outside it, for example --out public")
		}
	}
	return checkOutContents(out, o)
}

// checkOutName applies the rules that need only the name as given.
func checkOutName(out string) error {
	switch {
	case out == "":
		return refuse(out, "no output folder was given", "name one with --out, for example --out public")
	case filepath.Clean(out) == ".":
		return refuse(out, "it is the current folder, and the build would delete everything in it", "choose a subfolder, for example --out public")
	}
	return nil
}

// checkOutPlace applies the rules about where the canonical path o lies,
// whatever the site: the root of a file system and the user's home.
func checkOutPlace(out, o string) error {
	if filepath.Dir(o) == o {
		return refuse(out, "it is the root of the file system", useOut)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := canonical(home); err == nil && (samePath(o, h) || within(h, o)) {
			return refuse(out, "it is your home folder or contains it, and the build would delete it", useOut)
		}
	}
	return nil
}

// checkOutContents refuses an existing file, and a non-empty folder that
// was not written by a build. A missing folder is fine: the build makes it.
func checkOutContents(out, o string) error {
	fi, err := os.Stat(o)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("refusing output folder %q: %w", out, err)
	case !fi.IsDir():
		return refuse(out, "it is a file, not a folder", "remove the file or choose another --out folder")
	}
	ok, err := isBuild(o)
	if err != nil {
		return fmt.Errorf("refusing output folder %q: %w", out, err)
	}
	if !ok {
		return refuse(out, "it is not empty and has no "+Marker+" file, so no portal build wrote it and replacing it would delete its files",
			"choose a new or empty folder with --out, or empty this one yourself if nothing in it is needed")
	}
	return nil
}

// isBuild reports whether the folder dir may be replaced: it carries the
// marker as a regular file, or it is empty.
func isBuild(dir string) (bool, error) {
	if fi, err := os.Lstat(filepath.Join(dir, Marker)); err == nil {
		return fi.Mode().IsRegular(), nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return len(names) == 0 && err == nil, err
}

func refuse(out, why, todo string) error {
	return fmt.Errorf("refusing output folder %q: %s; %s", out, why, todo)
}

// canonical returns p as an absolute path with symbolic links resolved, so
// that "public", "./public" and a link to it compare equal. The part of the
// path that does not exist yet is kept as given.
func canonical(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		r, err := filepath.EvalSymlinks(abs)
		if err == nil {
			for i := len(rest) - 1; i >= 0; i-- {
				r = filepath.Join(r, rest[i])
			}
			return r, nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Abs(p) // nothing resolves; compare as given
		}
		rest = append(rest, filepath.Base(abs))
		abs = parent
	}
}

// foldCase tells whether file names are usually case-insensitive here, so
// that "Content" is refused like "content". Erring towards refusal is safe.
func foldCase() bool {
	return runtime.GOOS == "darwin" || runtime.GOOS == "windows"
}

func samePath(a, b string) bool {
	if foldCase() {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// within reports whether p lies strictly inside dir (both canonical).
func within(p, dir string) bool {
	prefix := dir
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	if len(p) <= len(prefix) {
		return false
	}
	return samePath(p[:len(prefix)], prefix)
}
