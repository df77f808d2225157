package content

import (
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/transformace/portal/generator/indicator"
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
	// inds are parsed indicators by id, kept while both files and the
	// site's languages stay the same.
	inds map[string]*cachedIndicator
	// memo is the last Site a Load returned (incremental.go); partial
	// counts the Loads that read only the changed files (for tests).
	memo    *memo
	partial int
}

type cachedIndicator struct {
	stamp string // sizes and modification times of both files, languages
	ind   indicator.Indicator
}

type cached struct {
	size int64
	mod  time.Time
	raw  rawFile
	// res is the rendered body; set by the Load that first renders it.
	res *markdown.Result
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{files: map[string]*cached{}, inds: map[string]*cachedIndicator{}}
}

// indicatorStamp stands for the state of an indicator's two files and
// the languages its metadata was parsed for; "" when a file cannot be
// read, which is never cached.
func indicatorStamp(fsys fs.FS, ind *indicator.Indicator, langs []string) string {
	stamp := fmt.Sprint(langs)
	for _, f := range []string{ind.MetaFile, ind.DataFile} {
		fi, err := fs.Stat(fsys, f)
		if err != nil {
			return ""
		}
		stamp += fmt.Sprintf("|%d|%d", fi.Size(), fi.ModTime().UnixNano())
	}
	return stamp
}

// indicator fills ind (ID and files set) from the cache when its files
// did not change since it was stored, and reports whether it did.
func (c *Cache) indicator(stamp string, ind *indicator.Indicator) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen["indicator:"+ind.ID] = true
	e := c.inds[ind.ID]
	if stamp == "" || e == nil || e.stamp != stamp {
		return false
	}
	// A copy: the parsed metadata and rows are shared, never modified.
	ind.Meta, ind.Series, ind.Rows = e.ind.Meta, e.ind.Series, e.ind.Rows
	return true
}

// storeIndicator keeps an indicator parsed without errors.
func (c *Cache) storeIndicator(stamp string, ind *indicator.Indicator) {
	if stamp == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inds[ind.ID] = &cachedIndicator{stamp: stamp, ind: *ind}
}

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
	for id := range c.inds {
		if !c.seen["indicator:"+id] {
			delete(c.inds, id)
		}
	}
}
