// Package serve is the local web server for editors: it serves a built
// site from a folder, with the site's own 404 page per language.
package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Handler serves the files of a built site in dir. Only files inside dir
// are served: http.Dir rejects "..", and names are cleaned first.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if strings.Contains(r.URL.Path, "\x00") || strings.Contains(p, "\\") {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		local := filepath.Join(dir, filepath.FromSlash(p))
		fi, err := os.Stat(local)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(local, "index.html"))
		}
		if err != nil {
			notFound(w, dir, p)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// notFound answers with the 404 page of the language the path is in.
func notFound(w http.ResponseWriter, dir, p string) {
	page := filepath.Join(dir, "404.html")
	if seg := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 2)[0]; seg != "" && !strings.Contains(seg, ".") {
		if _, err := os.Stat(filepath.Join(dir, seg, "404.html")); err == nil {
			page = filepath.Join(dir, seg, "404.html")
		}
	}
	body, err := os.ReadFile(page)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if err == nil {
		w.Write(body)
	}
}

// ListenAndServe serves h on addr until ctx is cancelled, then shuts down
// gracefully so that Ctrl-C never cuts a response in half.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		err := srv.Shutdown(sctx)
		if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
		return err
	}
}
