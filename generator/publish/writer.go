package publish

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
)

// Permissions of everything published: a web server or a deploy tool
// running as another user must be able to read the site, whatever the
// umask of the person who built it.
const (
	filePerm fs.FileMode = 0o644
	dirPerm  fs.FileMode = 0o755
)

// bufSize is the size of the buffers used to compare a new file with the
// previous build's: large enough that a typical page is one read.
const bufSize = 64 << 10

// Options configure a Writer.
type Options struct {
	// Minify minifies CSS, JS, SVG, JSON, JSON-LD, XML and webmanifest
	// files, chosen by extension, in WriteFile and Create. HTML is
	// published as written (see mediatype). Leaving it off publishes
	// exactly what was written, which is easier to debug.
	Minify bool
}

// Stats counts what one build published, so the command line can say what
// a build did and tell a rebuild that changed nothing from one that did.
type Stats struct {
	// Files is the number of files in the build, Unchanged ones included
	// and the Marker not.
	Files int
	// Unchanged is how many of them were identical to the previous build's
	// file and were left as they were, keeping its modification time.
	Unchanged int
	// Bytes is the size of all Files after minification.
	Bytes int64
}

type state int

const (
	stateOpen      state = iota
	stateCommitted       // the new site is in place
	stateAborted         // the temporary folder is gone
	stateFailed          // Commit failed: only Abort is left to do
)

// Writer stages one build in a fresh temporary folder beside the output
// folder and publishes it on Commit (whole, or the changed files only; see
// doc.go), so a failed or interrupted build leaves the previous site whole. It is safe for concurrent use by many
// goroutines, so render workers can write pages as they finish them.
type Writer struct {
	out    string // the output folder: absolute, symbolic links resolved
	tmp    string // the new build: out + ".tmp-" + suffix
	suffix string // random, shared by the .tmp- and .old- folders of this build
	min    *minify.M
	// fixPerm is set when the umask takes bits off dirPerm, so every file
	// and folder needs an explicit chmod; otherwise that syscall is saved.
	fixPerm bool
	// update is set when out holds a previous build with its file list:
	// the build then updates out in place (see doc.go). prevFiles is that
	// list, prevMarker the marker's bytes.
	update     bool
	prevFiles  []string
	prevMarker []byte

	// mu is held shared by every write for its whole duration and
	// exclusively by Commit and Abort, so these wait for writes in flight
	// and writes after them fail cleanly instead of racing the swap.
	mu    sync.RWMutex
	state state

	fmu   sync.Mutex          // guards the fields below
	files map[string]struct{} // paths taken, to catch two pages on one URL
	dirs  map[string]struct{} // folders made in tmp, so each is made once
	// changed are the local paths, staged in tmp, that Commit moves into
	// out in update mode: the files that are new or differ.
	changed []string
	// sums are the input sums of the minified files of this build, for
	// the marker; prevSums those of the previous build.
	sums     map[string]fileSum
	prevSums map[string]fileSum
	open     int // writers from Create not yet closed
	stats    Stats

	bufs sync.Pool // *[]byte of bufSize, for comparisons
}

// NewWriter starts a build that will replace out. It refuses the same
// dangerous folders as CheckOut, except those that need to know the site
// folder, so that no caller can delete a folder of documents by accident.
// It removes temporary folders that an interrupted build left beside out,
// and puts a previous site back if a build was interrupted in the middle
// of its swap. If out is a symbolic link, the folder it points to is
// replaced and the link stays.
func NewWriter(out string, opts Options) (*Writer, error) {
	if err := checkOutName(out); err != nil {
		return nil, err
	}
	o, err := canonical(out)
	if err != nil {
		return nil, fmt.Errorf("publish: output folder %q: %w", out, err)
	}
	if err := checkOutPlace(out, o); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(o), filepath.Base(o)
	if err := os.MkdirAll(parent, dirPerm); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	if err := cleanStale(parent, base, o); err != nil {
		return nil, err
	}
	if err := checkOutContents(out, o); err != nil {
		return nil, err
	}

	w := &Writer{
		out:   o,
		files: make(map[string]struct{}),
		dirs:  make(map[string]struct{}),
		sums:  make(map[string]fileSum),
	}
	w.bufs.New = func() any { b := make([]byte, bufSize); return &b }
	if opts.Minify {
		w.min = newMinifier()
	}
	if w.suffix, w.tmp, err = makeTemp(parent, base); err != nil {
		return nil, err
	}
	fi, err := os.Stat(w.tmp)
	if err == nil && fi.Mode().Perm() != dirPerm {
		w.fixPerm = true
		err = os.Chmod(w.tmp, dirPerm)
	}
	if err != nil {
		os.RemoveAll(w.tmp)
		return nil, fmt.Errorf("publish: %w", err)
	}
	if files, sums, marker, ok := readMarker(o); ok {
		w.update, w.prevFiles, w.prevSums, w.prevMarker = true, files, sums, marker
	}
	return w, nil
}

// makeTemp creates the folder a build is written into. Its name matches
// the pattern cleanStale recognises, and the suffix is random so builds of
// different sites into folders of the same name never meet.
func makeTemp(parent, base string) (suffix, dir string, err error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		suffix = hex.EncodeToString(b[:])
		dir = filepath.Join(parent, base+".tmp-"+suffix)
		err = os.Mkdir(dir, dirPerm)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", "", fmt.Errorf("publish: creating the temporary folder: %w", err)
	}
	return suffix, dir, nil
}

// staleKind tells whether name is a folder this package names beside the
// output folder base: "tmp" for a build in progress, "old" for a previous
// site moved aside. Anything else, even if similar, is left alone.
func staleKind(name, base string) string {
	rest, ok := strings.CutPrefix(name, base+".")
	if !ok {
		return ""
	}
	kind, suffix, ok := strings.Cut(rest, "-")
	if !ok || (kind != "tmp" && kind != "old") || len(suffix) != 16 {
		return ""
	}
	for _, c := range suffix {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return ""
		}
	}
	return kind
}

// cleanStale removes what interrupted builds left beside out: temporary
// folders (ours by their name) and previous sites moved aside (ours by the
// marker, or empty). If out itself is missing, an interruption fell between
// Commit's two renames; the previous site is then moved back rather than
// deleted, because this build may fail too.
func cleanStale(parent, base, out string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	var olds []string
	var newest fs.FileInfo
	for _, e := range entries {
		kind := staleKind(e.Name(), base)
		if kind == "" || !e.IsDir() {
			continue // symbolic links and files were not made by us
		}
		p := filepath.Join(parent, e.Name())
		if kind == "tmp" {
			if err := os.RemoveAll(p); err != nil {
				return fmt.Errorf("publish: removing a left-over temporary folder: %w", err)
			}
			continue
		}
		if ok, err := isBuild(p); err != nil || !ok {
			continue
		}
		olds = append(olds, p)
		if fi, err := e.Info(); err == nil && (newest == nil || fi.ModTime().After(newest.ModTime())) {
			newest = fi
		}
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && newest != nil {
		if err := os.Rename(filepath.Join(parent, newest.Name()), out); err != nil {
			return fmt.Errorf("publish: restoring the previous site: %w", err)
		}
	}
	for _, p := range olds {
		if err := os.RemoveAll(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("publish: removing a left-over previous site: %w", err)
		}
	}
	return nil
}

// localPath checks a slash-separated output path and turns it into one for
// this operating system. Paths come from URLs built from content, so
// anything that could leave the output folder or mean different files on
// different systems is an error rather than something to repair.
func localPath(rel string) (string, error) {
	switch {
	case rel == "":
		return "", errors.New("publish: empty output path")
	case strings.ContainsRune(rel, '\\'):
		return "", fmt.Errorf("publish: output path %q contains a backslash; use forward slashes", rel)
	case strings.HasPrefix(rel, "/"):
		return "", fmt.Errorf("publish: output path %q is absolute; give it relative to the output folder", rel)
	case rel == "." || !fs.ValidPath(rel) || path.Clean(rel) != rel:
		return "", fmt.Errorf("publish: output path %q is not a clean relative path (no \"..\", \".\", \"//\" or trailing \"/\")", rel)
	case rel == Marker:
		return "", fmt.Errorf("publish: output path %q is reserved for the build marker", rel)
	}
	local, err := filepath.Localize(rel)
	if err != nil {
		return "", fmt.Errorf("publish: output path %q cannot be a file name on this system: %w", rel, err)
	}
	return local, nil
}

// WriteFile writes data to rel, a slash-separated path relative to the
// output folder, creating folders as needed and minifying by extension
// when enabled. A file identical to the previous build's is left as it
// is rather than written. Each path may be written once: a second
// write is an error, because it means two pages share one URL.
func (w *Writer) WriteFile(rel string, data []byte) error {
	return w.write(rel, "", data)
}

// WriteKeyed writes data to rel as WriteFile does, and records key, a
// name for everything data was made from, so that the next build can
// Keep the file instead of making it again.
func (w *Writer) WriteKeyed(rel, key string, data []byte) error {
	return w.write(rel, keySum(key), data)
}

// Keep keeps rel as the previous build left it, if that build wrote it
// with WriteKeyed from the same key and the file is still there with its
// size and permissions: rel then counts as written and unchanged, and
// true is returned. Otherwise nothing happens and rel is still to write.
func (w *Writer) Keep(rel, key string) bool {
	local, err := localPath(rel)
	if err != nil {
		return false
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.usable() != nil {
		return false
	}
	sum := keySum(key)
	size, mtime, ok := w.sameInput(rel, local, sum)
	if !ok || w.claim(rel) != nil {
		return false
	}
	w.recordSum(rel, sum, size, mtime)
	w.count(size, true)
	return true
}

// keySum is the marker's sum of a WriteKeyed key.
func keySum(key string) string {
	h := sha256.Sum256([]byte("key\x00" + key))
	return hex.EncodeToString(h[:16])
}

// write writes rel; sum, when set, is the key sum recorded for it instead
// of the input sum of a minified file.
func (w *Writer) write(rel, sum string, data []byte) error {
	local, err := localPath(rel)
	if err != nil {
		return err
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if err := w.usable(); err != nil {
		return err
	}
	if err := w.claim(rel); err != nil {
		return err
	}
	if sum == "" && w.min != nil && mediatype(rel) != "" {
		// Minifying costs more than rendering a page: a file whose input
		// is what the previous build minified into the file still there
		// is not minified again.
		sum = inputSum(data)
		if size, mtime, ok := w.sameInput(rel, local, sum); ok {
			w.recordSum(rel, sum, size, mtime)
			w.count(size, true)
			return nil
		}
	}
	if data, err = w.minify(rel, data); err != nil {
		return err
	}
	unchanged, mtime, err := w.store(local, data)
	if err != nil {
		return fmt.Errorf("publish: %s: %w", rel, err)
	}
	if sum != "" {
		w.recordSum(rel, sum, int64(len(data)), mtime)
	}
	w.count(int64(len(data)), unchanged)
	return nil
}

// minifyOptions goes into every input sum with the minifier's version
// (minifyVersion); change it when the options of newMinifier change, so
// that no file minified the old way is kept.
const minifyOptions = "HTML as written; JSON numbers"

// minifyVersion is the version of the minifier this binary was built
// with, so that an upgrade minifies every file again.
var minifyVersion = func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/tdewolff/minify/v2" {
				return d.Version
			}
		}
	}
	return "unknown"
}()

// inputSum identifies the bytes given to WriteFile before minification.
func inputSum(data []byte) string {
	h := sha256.New()
	h.Write([]byte(minifyVersion + "\x00" + minifyOptions + "\x00"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// fileSum is what the marker keeps of a minified file, or one written
// with WriteKeyed: the sum of its input or key, and the size and
// modification time (Unix nanoseconds) of what was published. A file
// whose size or time is not what the marker says was changed by something
// else (a hand edit, a build that failed while it moved files into place)
// and is made again.
type fileSum struct {
	sum   string
	size  int64
	mtime int64
}

// sameInput reports whether the previous build made the file at local
// from the same input or key (sum) and that file is still there with its
// size; it returns that size.
func (w *Writer) sameInput(rel, local, sum string) (size, mtime int64, ok bool) {
	if !w.update {
		return 0, 0, false
	}
	prev, ok := w.prevSums[rel]
	if !ok || prev.sum != sum || prev.mtime == 0 {
		return 0, 0, false
	}
	fi, err := os.Lstat(filepath.Join(w.out, local))
	if err != nil || !fi.Mode().IsRegular() || !permOK(fi.Mode()) || fi.Size() != prev.size || fi.ModTime().UnixNano() != prev.mtime {
		return 0, 0, false
	}
	return prev.size, prev.mtime, true
}

func (w *Writer) recordSum(rel, sum string, size, mtime int64) {
	w.fmu.Lock()
	w.sums[rel] = fileSum{sum, size, mtime}
	w.fmu.Unlock()
}

// Create returns a writer for rel, for output too large to build in memory
// first. Files that are minified are collected and minified on Close (the
// minifier needs the whole input anyway); others are streamed to disk.
// Close reports every error and must be called before Commit.
func (w *Writer) Create(rel string) (io.WriteCloser, error) {
	local, err := localPath(rel)
	if err != nil {
		return nil, err
	}
	if w.min != nil && mediatype(rel) != "" {
		w.mu.RLock()
		defer w.mu.RUnlock()
		if err := w.usable(); err != nil {
			return nil, err
		}
		if err := w.claim(rel); err != nil {
			return nil, err
		}
		w.opened(1)
		return &bufferedFile{w: w, rel: rel, local: local}, nil
	}
	return w.createStream(rel, local, -1)
}

// CopyFile copies the file name from fsys to rel unchanged, for images,
// fonts and downloads that must stay byte-for-byte what the editors put in.
// Like WriteFile, it leaves the previous build's file when identical.
func (w *Writer) CopyFile(rel string, fsys fs.FS, name string) error {
	local, err := localPath(rel)
	if err != nil {
		return err
	}
	src, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("publish: copy %s: %w", name, err)
	}
	defer src.Close()
	fi, err := src.Stat()
	if err != nil {
		return fmt.Errorf("publish: copy %s: %w", name, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("publish: copy %s: not a regular file", name)
	}
	s, err := w.createStream(rel, local, fi.Size())
	if err != nil {
		return err
	}
	bp := w.bufs.Get().(*[]byte)
	_, err = io.CopyBuffer(s, struct{ io.Reader }{src}, *bp)
	w.bufs.Put(bp)
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("publish: copy %s to %s: %w", name, rel, err)
	}
	return s.Close()
}

// Commit publishes the build. In update mode it moves the new and changed
// files into the output folder, removes those that are gone and writes the
// marker (see doc.go). Otherwise it writes the marker, then replaces the
// output folder with the new one: it renames the old site aside, renames
// the new one into place and removes the old one. If anything fails the
// old site stays in place (or, should even moving it back fail, the error
// says where it is). Commit
// waits for writes in flight and refuses while writers from Create are
// still open, since their files would be missing from the site.
func (w *Writer) Commit() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	w.fmu.Lock()
	open := w.open
	w.fmu.Unlock()
	if open > 0 {
		return fmt.Errorf("publish: Commit with %d file(s) from Create not closed; close them first", open)
	}
	marker := w.marker()
	if w.update {
		w.state = stateFailed // until the update succeeds, only Abort is left
		if err := w.updateOut(marker); err != nil {
			return err
		}
		w.state = stateCommitted
		return nil
	}
	// The marker goes last: a temporary folder that has it is complete.
	if _, _, err := w.store(Marker, marker); err != nil {
		return fmt.Errorf("publish: writing %s: %w", Marker, err)
	}
	w.state = stateFailed // until the swap succeeds, only Abort is left
	if err := w.swap(); err != nil {
		return err
	}
	w.state = stateCommitted
	return nil
}

// marker is the marker file of this build: markerText and the list of
// its files, which the next build needs to remove the files that are gone.
func (w *Writer) marker() []byte {
	w.fmu.Lock()
	files := make([]string, 0, len(w.files))
	for f := range w.files {
		files = append(files, f)
	}
	w.fmu.Unlock()
	sort.Strings(files)
	var b bytes.Buffer
	b.WriteString(markerText)
	b.WriteString(fileListHeader)
	for _, f := range files {
		b.WriteString(f)
		if s, ok := w.sums[f]; ok {
			fmt.Fprintf(&b, "\t%s\t%d\t%d", s.sum, s.size, s.mtime)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// readMarker reads the marker of the build in out and its file list; ok
// is false when out holds no build with a list (no build, or one written
// by a version that kept none), which makes the next build a whole one.
func readMarker(out string) (files []string, sums map[string]fileSum, marker []byte, ok bool) {
	fi, err := os.Lstat(filepath.Join(out, Marker))
	if err != nil || !fi.Mode().IsRegular() {
		return nil, nil, nil, false
	}
	marker, err = os.ReadFile(filepath.Join(out, Marker))
	if err != nil {
		return nil, nil, nil, false
	}
	_, list, found := bytes.Cut(marker, []byte(fileListHeader))
	if !found {
		return nil, nil, nil, false
	}
	sums = map[string]fileSum{}
	for _, line := range strings.Split(string(list), "\n") {
		if line == "" {
			continue
		}
		f, sum, hasSum := strings.Cut(line, "\t")
		// A list that was edited by hand into something a build would
		// never write is not trusted: the build starts whole.
		if _, err := localPath(f); err != nil {
			return nil, nil, nil, false
		}
		files = append(files, f)
		if hasSum {
			// sum, size, modification time; a marker of an older version
			// has no time, and its files are compared by their bytes.
			fields := strings.Split(sum, "\t")
			if len(fields) == 3 && len(fields[0]) == 32 {
				size, err1 := strconv.ParseInt(fields[1], 10, 64)
				mtime, err2 := strconv.ParseInt(fields[2], 10, 64)
				if err1 == nil && err2 == nil {
					sums[f] = fileSum{fields[0], size, mtime}
				}
			}
		}
	}
	return files, sums, marker, true
}

// updateOut moves the changed files into out, one rename each, removes
// the files of the previous build that this one did not write, and
// writes the marker last.
func (w *Writer) updateOut(marker []byte) error {
	// The folder is about to be changed: make sure it still holds a
	// previous build, in case someone replaced it during the build.
	if fi, err := os.Lstat(w.out); err != nil || !fi.IsDir() {
		return refuse(w.out, "it is no longer a folder", "remove it and build again")
	}
	if ok, err := isBuild(w.out); err != nil || !ok {
		return refuse(w.out, "it is not empty and has no "+Marker+" file any more", "move your files out of it and build again")
	}
	// Files that are gone go first, so that a folder of the previous build
	// can become a file of this one.
	w.removeGone()
	sort.Strings(w.changed)
	made := map[string]bool{}
	for _, local := range w.changed {
		if err := w.mkdirsOut(filepath.Dir(local), made); err != nil {
			return fmt.Errorf("publish: %s: %w (the site is partly updated; build again)", filepath.ToSlash(local), err)
		}
		if err := os.Rename(filepath.Join(w.tmp, local), filepath.Join(w.out, local)); err != nil {
			return fmt.Errorf("publish: %w (the site is partly updated; build again)", err)
		}
	}
	if !bytes.Equal(marker, w.prevMarker) {
		if err := writeAtomic(filepath.Join(w.out, Marker), filepath.Join(w.tmp, Marker), marker); err != nil {
			return fmt.Errorf("publish: writing %s: %w", Marker, err)
		}
	}
	if err := os.RemoveAll(w.tmp); err != nil {
		return fmt.Errorf("publish: removing the temporary folder: %w (the next build removes it)", err)
	}
	return nil
}

// mkdirsOut makes dir and its parents in out, where most exist already.
func (w *Writer) mkdirsOut(dir string, made map[string]bool) error {
	if dir == "." || made[dir] {
		return nil
	}
	abs := filepath.Join(w.out, dir)
	fi, err := os.Lstat(abs)
	switch {
	case err == nil && fi.IsDir():
	case err == nil:
		// A file of the previous build where this build has a folder: the
		// file is gone from this build, so it may go.
		if err := os.Remove(abs); err != nil {
			return err
		}
		fallthrough
	default:
		if err := w.mkdirsOut(filepath.Dir(dir), made); err != nil {
			return err
		}
		if err := os.Mkdir(abs, dirPerm); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		if w.fixPerm {
			if err := os.Chmod(abs, dirPerm); err != nil {
				return err
			}
		}
	}
	made[dir] = true
	return nil
}

// removeGone removes the previous build's files that this build did not
// write, and the folders that leaves empty. Failures are left for the
// next build: the new site is complete without these removals.
func (w *Writer) removeGone() {
	dirs := map[string]bool{}
	for _, rel := range w.prevFiles {
		if _, ok := w.files[rel]; ok {
			continue
		}
		local, err := localPath(rel)
		if err != nil {
			continue
		}
		abs := filepath.Join(w.out, local)
		if fi, err := os.Lstat(abs); err != nil || fi.IsDir() {
			continue // a folder now, or gone already
		}
		os.Remove(abs)
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	// Deepest first, so a folder's emptied subfolders go before it.
	order := make([]string, 0, len(dirs))
	for d := range dirs {
		order = append(order, d)
	}
	sort.Slice(order, func(i, j int) bool { return strings.Count(order[i], "/") > strings.Count(order[j], "/") })
	for _, d := range order {
		if local, err := localPath(d); err == nil {
			os.Remove(filepath.Join(w.out, local)) // fails, as it should, when not empty
		}
	}
}

// writeAtomic writes data to dst by way of tmp and a rename.
func writeAtomic(dst, tmp string, data []byte) error {
	if err := os.WriteFile(tmp, data, filePerm); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// swap moves the new site into place; see Commit.
func (w *Writer) swap() error {
	fi, err := os.Lstat(w.out)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(w.tmp, w.out); err != nil {
			return fmt.Errorf("publish: moving the new site into place: %w", err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	// The folder is about to be deleted: make sure it still holds only a
	// previous build, in case someone put files into it during the build.
	if !fi.IsDir() {
		return refuse(w.out, "it is no longer a folder", "remove it and build again")
	}
	if ok, err := isBuild(w.out); err != nil || !ok {
		return refuse(w.out, "it is not empty and has no "+Marker+" file any more", "move your files out of it and build again")
	}
	old := filepath.Join(filepath.Dir(w.out), filepath.Base(w.out)+".old-"+w.suffix)
	if err := os.Rename(w.out, old); err != nil {
		return fmt.Errorf("publish: moving the previous site aside: %w (if %s is a mount point, publish into a folder inside it)", err, w.out)
	}
	if err := os.Rename(w.tmp, w.out); err != nil {
		if rerr := os.Rename(old, w.out); rerr != nil {
			return fmt.Errorf("publish: moving the new site into place: %w; moving the previous site back failed too (%v): it is in %s", err, rerr, old)
		}
		return fmt.Errorf("publish: moving the new site into place: %w; the previous site is unchanged", err)
	}
	// The new site is live and the old one only takes space. If it cannot
	// be removed now, the next NewWriter removes it: no reason to call the
	// build failed.
	os.RemoveAll(old)
	return nil
}

// Abort removes the temporary folder, leaving the output folder as it was.
// It waits for writes in flight. It is a no-op after Commit or a previous
// Abort, so `defer w.Abort()` right after NewWriter is the intended use.
func (w *Writer) Abort() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state == stateCommitted || w.state == stateAborted {
		return nil
	}
	w.state = stateAborted
	if err := os.RemoveAll(w.tmp); err != nil {
		return fmt.Errorf("publish: removing the temporary folder: %w (the next build removes it)", err)
	}
	return nil
}

// Stats reports what has been written so far; after Commit, the whole
// build.
func (w *Writer) Stats() Stats {
	w.fmu.Lock()
	defer w.fmu.Unlock()
	return w.stats
}

// usable returns why no more can be written, or nil. Callers hold mu.
func (w *Writer) usable() error {
	switch w.state {
	case stateCommitted:
		return errors.New("publish: the build was already committed")
	case stateAborted:
		return errors.New("publish: the build was aborted")
	case stateFailed:
		return errors.New("publish: Commit failed; the build can only be aborted")
	}
	return nil
}

// claim takes rel for one file.
func (w *Writer) claim(rel string) error {
	w.fmu.Lock()
	defer w.fmu.Unlock()
	if _, ok := w.files[rel]; ok {
		return fmt.Errorf("publish: %s is written twice; two pages or files have the same output path", rel)
	}
	w.files[rel] = struct{}{}
	return nil
}

func (w *Writer) opened(n int) {
	w.fmu.Lock()
	w.open += n
	w.fmu.Unlock()
}

func (w *Writer) count(size int64, unchanged bool) {
	w.fmu.Lock()
	defer w.fmu.Unlock()
	w.stats.Files++
	w.stats.Bytes += size
	if unchanged {
		w.stats.Unchanged++
	}
}

// minify minifies data by the extension of rel, when enabled.
func (w *Writer) minify(rel string, data []byte) ([]byte, error) {
	if w.min == nil {
		return data, nil
	}
	mt := mediatype(rel)
	if mt == "" {
		return data, nil
	}
	out, err := w.min.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("publish: minify %s: %w", rel, err)
	}
	return out, nil
}

// store puts data at local in the new folder, unless the previous build
// has the same bytes there (in update mode). New files are created
// exclusively, never opened for writing if they exist.
//
// It also returns the modification time of the file that will be
// published (the old one when unchanged), for the marker.
func (w *Writer) store(local string, data []byte) (unchanged bool, mtime int64, err error) {
	if same, mt := w.sameAsPrev(local, data); same {
		return true, mt, nil
	}
	if err := w.mkdirs(filepath.Dir(local)); err != nil {
		return false, 0, err
	}
	f, err := w.newFile(local)
	if err != nil {
		return false, 0, err
	}
	_, err = f.Write(data)
	if err == nil {
		// Moving the file into place keeps its time.
		var fi os.FileInfo
		if fi, err = f.Stat(); err == nil {
			mtime = fi.ModTime().UnixNano()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		w.stage(local)
	}
	return false, mtime, err
}

// stage records that the file at local in tmp is to replace out's.
func (w *Writer) stage(local string) {
	if !w.update {
		return
	}
	w.fmu.Lock()
	w.changed = append(w.changed, local)
	w.fmu.Unlock()
}

// newFile creates a file in the new folder, which must not exist yet.
//
// Files and folders are made by absolute path, not through an os.Root: a
// Root resolves a path one folder at a time, with an
// open and a close per folder, which tripled the system calls of a build
// of 48 000 files. The paths are clean and relative (localPath), and the
// folders on them were made by this build (mkdirs), so nothing can lead
// out of the new folder.
func (w *Writer) newFile(local string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(w.tmp, local), os.O_WRONLY|os.O_CREATE|os.O_EXCL, filePerm)
	if err != nil {
		return nil, err
	}
	if w.fixPerm {
		if err := f.Chmod(filePerm); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// mkdirs makes dir and its parents in the new folder, each once.
func (w *Writer) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	w.fmu.Lock()
	_, done := w.dirs[dir]
	w.fmu.Unlock()
	if done {
		return nil
	}
	if err := w.mkdirs(filepath.Dir(dir)); err != nil {
		return err
	}
	abs := filepath.Join(w.tmp, dir)
	err := os.Mkdir(abs, dirPerm)
	switch {
	case err == nil:
		if w.fixPerm {
			err = os.Chmod(abs, dirPerm)
		}
	case errors.Is(err, fs.ErrExist):
		// Made by another goroutine a moment ago, or a file is in the way.
		fi, serr := os.Lstat(abs)
		switch {
		case serr != nil:
			err = serr
		case !fi.IsDir():
			err = fmt.Errorf("%s is a file, so it cannot also be a folder", filepath.ToSlash(dir))
		default:
			err = nil
		}
	}
	if err != nil {
		return err
	}
	w.fmu.Lock()
	w.dirs[dir] = struct{}{}
	w.fmu.Unlock()
	return nil
}

// permOK tells whether a previous build's file has the permissions a new
// file would get, so that linking it keeps the site uniform. Windows has
// no such permissions to compare.
func permOK(m fs.FileMode) bool {
	return m.Perm() == filePerm || runtime.GOOS == "windows"
}

// prevFile opens the previous build's file at local if it may be reused:
// a regular file with the right permissions and, when size is known
// (>= 0), that size. It returns nil otherwise, else the file and its
// size and modification time.
func (w *Writer) prevFile(local string, size int64) (*os.File, int64, int64) {
	if !w.update {
		return nil, 0, 0
	}
	abs := filepath.Join(w.out, local)
	fi, err := os.Lstat(abs)
	if err != nil || !fi.Mode().IsRegular() || !permOK(fi.Mode()) || (size >= 0 && fi.Size() != size) {
		return nil, 0, 0
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, 0, 0
	}
	return f, fi.Size(), fi.ModTime().UnixNano()
}

// sameAsPrev reports whether the previous build has exactly data at local,
// and that file's modification time.
func (w *Writer) sameAsPrev(local string, data []byte) (bool, int64) {
	f, _, mtime := w.prevFile(local, int64(len(data)))
	if f == nil {
		return false, 0
	}
	defer f.Close()
	return w.sameBytes(f, data) && atEOF(f), mtime
}

// sameBytes reads len(p) bytes from r and reports whether they equal p.
func (w *Writer) sameBytes(r io.Reader, p []byte) bool {
	bp := w.bufs.Get().(*[]byte)
	defer w.bufs.Put(bp)
	buf := *bp
	for len(p) > 0 {
		k := min(len(p), len(buf))
		if _, err := io.ReadFull(r, buf[:k]); err != nil || !bytes.Equal(buf[:k], p[:k]) {
			return false
		}
		p = p[k:]
	}
	return true
}

// atEOF reports whether r has nothing more, so that a file that grew since
// it was measured is not taken for equal.
func atEOF(r io.Reader) bool {
	var b [1]byte
	n, err := r.Read(b[:])
	return n == 0 && errors.Is(err, io.EOF)
}

// createStream opens rel for streaming without minification. While the
// bytes written match the previous build's file, it keeps comparing; on
// Close an identical file is dropped and the old one stays.
func (w *Writer) createStream(rel, local string, size int64) (*streamFile, error) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if err := w.usable(); err != nil {
		return nil, err
	}
	if err := w.claim(rel); err != nil {
		return nil, err
	}
	if err := w.mkdirs(filepath.Dir(local)); err != nil {
		return nil, fmt.Errorf("publish: %s: %w", rel, err)
	}
	f, err := w.newFile(local)
	if err != nil {
		return nil, fmt.Errorf("publish: %s: %w", rel, err)
	}
	s := &streamFile{w: w, rel: rel, local: local, f: f}
	s.prev, s.prevSize, _ = w.prevFile(local, size)
	w.opened(1)
	return s, nil
}

// streamFile is the writer Create and CopyFile use for files that are not
// minified.
type streamFile struct {
	w          *Writer
	rel, local string
	f          *os.File
	n          int64
	prev       *os.File // the previous build's file while it matches so far
	prevSize   int64
	err        error // the first error; Close returns it
	closed     bool
}

func (s *streamFile) Write(p []byte) (int, error) {
	if s.closed {
		return 0, fmt.Errorf("publish: %s: %w", s.rel, os.ErrClosed)
	}
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.f.Write(p)
	s.n += int64(n)
	if err != nil {
		s.err = fmt.Errorf("publish: %s: %w", s.rel, err)
		return n, s.err
	}
	if s.prev != nil && (s.n > s.prevSize || !s.w.sameBytes(s.prev, p)) {
		s.prev.Close()
		s.prev = nil
	}
	return n, nil
}

func (s *streamFile) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	w := s.w
	w.mu.RLock()
	defer w.mu.RUnlock()
	defer w.opened(-1) // before RUnlock, so Commit never sees a closed file as open

	cerr := s.f.Close()
	same := false
	if s.prev != nil {
		same = s.err == nil && cerr == nil && s.n == s.prevSize && atEOF(s.prev)
		s.prev.Close()
	}
	switch {
	case s.err != nil:
		return s.err
	case cerr != nil:
		return fmt.Errorf("publish: %s: %w", s.rel, cerr)
	}
	if err := w.usable(); err != nil {
		return err
	}
	if same {
		// out has these bytes already: the staged copy is not needed.
		if err := os.Remove(filepath.Join(w.tmp, s.local)); err != nil {
			return fmt.Errorf("publish: %s: %w", s.rel, err)
		}
		w.count(s.n, true)
		return nil
	}
	w.stage(s.local)
	w.count(s.n, false)
	return nil
}

// bufferedFile is the writer Create returns for files that are minified:
// minification needs the whole input, so it is collected in memory and
// handed to the same path as WriteFile on Close.
type bufferedFile struct {
	w          *Writer
	rel, local string
	buf        bytes.Buffer
	closed     bool
}

func (b *bufferedFile) Write(p []byte) (int, error) {
	if b.closed {
		return 0, fmt.Errorf("publish: %s: %w", b.rel, os.ErrClosed)
	}
	return b.buf.Write(p)
}

func (b *bufferedFile) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	w := b.w
	w.mu.RLock()
	defer w.mu.RUnlock()
	defer w.opened(-1)
	if err := w.usable(); err != nil {
		return err
	}
	data, err := w.minify(b.rel, b.buf.Bytes())
	if err != nil {
		return err
	}
	unchanged, _, err := w.store(b.local, data)
	if err != nil {
		return fmt.Errorf("publish: %s: %w", b.rel, err)
	}
	w.count(int64(len(data)), unchanged)
	return nil
}
