package content

import (
	"io/fs"
	"sync"
	"time"

	"github.com/transformace/portal/generator/markdown"
)

// Cache keeps what Load made of each Markdown file, so that a Load after
// an editor saved one file parses and renders only that file. An entry is
// reused while the file's size and modification time are unchanged. A
// Cache is for one site folder; it is safe to reuse across sequential
// Loads, not concurrent ones.
type Cache struct {
	mu    sync.Mutex
	files map[string]*cached
	seen  map[string]bool
}

type cached struct {
	size int64
	mod  time.Time
	raw  rawFile
	// res is the rendered body; set by the Load that first renders it.
	res *markdown.Result
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]*cached{}} }

// lookup returns the cached parse of file when it has not changed.
func (c *Cache) lookup(fsys fs.FS, file string) (*cached, fs.FileInfo) {
	fi, err := fs.Stat(fsys, file)
	if err != nil {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[file] = true
	if e := c.files[file]; e != nil && e.size == fi.Size() && e.mod.Equal(fi.ModTime()) {
		return e, fi
	}
	return nil, fi
}

func (c *Cache) store(file string, fi fs.FileInfo, raw *rawFile) *cached {
	e := &cached{size: fi.Size(), mod: fi.ModTime(), raw: *raw}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[file] = e
	return e
}

// begin and end bracket a Load: entries of files not seen are dropped, so
// deleted files do not accumulate.
func (c *Cache) begin() {
	c.mu.Lock()
	c.seen = map[string]bool{}
	c.mu.Unlock()
}

func (c *Cache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for f := range c.files {
		if !c.seen[f] {
			delete(c.files, f)
		}
	}
}
