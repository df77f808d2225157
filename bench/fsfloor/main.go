// Command fsfloor measures what the file system alone costs a build: it
// writes a copy of a built site's tree (the same folders, file names and
// sizes, filled with one byte value) with as many writers as a build
// uses, and prints the wall time. No build can publish that tree faster
// on the same disk, so it is the floor under bench/run's wall times.
//
//	go run ./bench/fsfloor -from public -to /tmp/floor   # -to must not exist
//
// The copy is left in place (delete it yourself; on a disk mounted with
// discard, a large delete slows the next measurement for a while).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

type file struct {
	rel  string
	size int64
}

func main() {
	from := flag.String("from", "", "a built site folder")
	to := flag.String("to", "", "folder to create (must not exist)")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "parallel writers")
	flag.Parse()
	if *from == "" || *to == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*from, *to, *workers); err != nil {
		fmt.Fprintln(os.Stderr, "fsfloor:", err)
		os.Exit(1)
	}
}

func run(from, to string, workers int) error {
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists: give a new folder", to)
	}
	var files []file
	var total int64
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		files = append(files, file{rel, fi.Size()})
		total += fi.Size()
		return nil
	})
	if err != nil {
		return err
	}
	buf := make([]byte, 1<<16)
	for i := range buf {
		buf[i] = 'x'
	}
	start := time.Now()
	var (
		dirs sync.Map // folder → *sync.Once, so that each is made once
		wg   sync.WaitGroup
		errs = make([]error, workers)
		work = make(chan file)
	)
	for w := range workers {
		wg.Go(func() {
			for f := range work {
				if errs[w] != nil {
					continue
				}
				errs[w] = write(filepath.Join(to, f.rel), f.size, buf, &dirs)
			}
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	elapsed := time.Since(start)
	folders := 0
	dirs.Range(func(any, any) bool { folders++; return true })
	fmt.Printf("fsfloor: %d files in %d folders, %.1f MB, %d writers: %.2f s\n", len(files), folders, float64(total)/1e6, workers, elapsed.Seconds())
	return nil
}

// write creates one file of size bytes, making its folder first if no
// writer has. Folders are made in parallel, as a build makes them.
func write(path string, size int64, buf []byte, dirs *sync.Map) error {
	once, _ := dirs.LoadOrStore(filepath.Dir(path), &dirOnce{})
	d := once.(*dirOnce)
	d.once.Do(func() { d.err = os.MkdirAll(filepath.Dir(path), 0o755) })
	if d.err != nil {
		return d.err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	for n := size; n > 0; {
		k := min(n, int64(len(buf)))
		if _, err := f.Write(buf[:k]); err != nil {
			f.Close()
			return err
		}
		n -= k
	}
	return f.Close()
}

// dirOnce makes one folder once.
type dirOnce struct {
	once sync.Once
	err  error
}
