package imaging

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The cache folder holds one entry per cache key (see doc.go):
//
//	<CacheDir>/<key[:2]>/<key>/manifest.json
//	<CacheDir>/<key[:2]>/<key>/480.jpg, 480.webp, 960.jpg, …
//	<CacheDir>/.tmp-*/            an entry being written
const manifestFile = "manifest.json"

// manifest describes a complete cache entry. It is written last, into a
// temporary folder that is renamed into place, so an entry either exists
// whole or not at all.
type manifest struct {
	Version  int        `json:"version"`
	Source   string     `json:"source"` // sha256 of the source bytes
	Width    int        `json:"width"`
	Height   int        `json:"height"`
	Variants []mvariant `json:"variants"`
}

type mvariant struct {
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Format string `json:"format"`
	File   string `json:"file"`
	Size   int64  `json:"size"`
}

func (p *Processor) entryDir(key string) string {
	return filepath.Join(p.opts.CacheDir, key[:2], key)
}

// lookup returns the manifest of a complete, valid entry and marks the
// entry as used now (its manifest's modification time, which Clean reads).
// A broken entry is removed and reported as missing.
func (p *Processor) lookup(key string) *manifest {
	dir := p.entryDir(key)
	b, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		os.RemoveAll(dir) // a folder without a manifest is no entry
		return nil
	}
	m := new(manifest)
	if json.Unmarshal(b, m) != nil || !m.valid(dir) {
		os.RemoveAll(dir)
		return nil
	}
	now := time.Now()
	os.Chtimes(filepath.Join(dir, manifestFile), now, now)
	return m
}

// cached reports whether key has a complete, valid entry, without
// touching or removing anything.
func (p *Processor) cached(key string) bool {
	dir := p.entryDir(key)
	b, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return false
	}
	m := new(manifest)
	return json.Unmarshal(b, m) == nil && m.valid(dir)
}

// valid checks that every variant file exists with the size it was written
// with.
func (m *manifest) valid(dir string) bool {
	if m.Version != version || len(m.Variants) == 0 || m.Width <= 0 || m.Height <= 0 {
		return false
	}
	for _, v := range m.Variants {
		if v.File == "" || strings.ContainsAny(v.File, `/\`) || v.File == ".." {
			return false
		}
		fi, err := os.Stat(filepath.Join(dir, v.File))
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != v.Size {
			return false
		}
	}
	return true
}

// commit writes the manifest into the temporary folder tmp and renames the
// folder to the entry's place. If another process committed the same entry
// first, its entry is kept.
func (p *Processor) commit(tmp, key string, m *manifest) error {
	b, err := json.MarshalIndent(m, "", "\t")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, manifestFile), b, 0o644); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	dir := p.entryDir(key)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	err = os.Rename(tmp, dir)
	if err == nil {
		return nil
	}
	if p.lookup(key) != nil { // someone else was faster
		os.RemoveAll(tmp)
		return nil
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// Clean removes the cache entries that were not used since New — neither
// by this Processor nor by any other (another build in the same cache
// folder touches the entries it uses) — and leftovers of interrupted
// builds. It reports how many entries it removed. Call it after the last
// Process of a build.
func (p *Processor) Clean() (removed int, err error) {
	root := p.opts.CacheDir
	shards, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil // nothing was ever cached
	}
	if err != nil {
		return 0, fmt.Errorf("imaging: clean cache: %w", err)
	}
	var errs []error
	for _, sh := range shards {
		name := sh.Name()
		if strings.HasPrefix(name, ".tmp-") {
			if fi, err := sh.Info(); err == nil && fi.ModTime().Before(p.cutoff) {
				if err := os.RemoveAll(filepath.Join(root, name)); err != nil {
					errs = append(errs, err)
				}
			}
			continue
		}
		if !sh.IsDir() || !isHex(name, 2) {
			continue // not ours
		}
		dir := filepath.Join(root, name)
		entries, err := os.ReadDir(dir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		left := len(entries)
		for _, e := range entries {
			key := e.Name()
			if !e.IsDir() || !isHex(key, 64) || key[:2] != name || p.isUsed(key) {
				continue
			}
			fi, err := os.Stat(filepath.Join(dir, key, manifestFile))
			if err == nil && !fi.ModTime().Before(p.cutoff) {
				continue // used by another build since ours started
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
				continue
			}
			if err := os.RemoveAll(filepath.Join(dir, key)); err != nil {
				errs = append(errs, err)
				continue
			}
			removed++
			left--
		}
		if left == 0 {
			os.Remove(dir) // fails harmlessly if an entry appeared meanwhile
		}
	}
	if len(errs) > 0 {
		return removed, fmt.Errorf("imaging: clean cache: %w", errors.Join(errs...))
	}
	return removed, nil
}

func (p *Processor) isUsed(key string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.used[key]
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
