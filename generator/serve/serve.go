// Package serve is the local web server for editors: it serves the site
// from memory, rebuilds what a saved file changed, and reloads the browser
// (live.go). It only ever serves files of the built site.
package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// ListenAndServe serves h on addr until ctx is cancelled, then shuts down
// gracefully so that Ctrl-C never cuts a response in half. onShutdown ends
// long-lived responses (event streams) that would otherwise hold it up.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, ready func(net.Addr), onShutdown func()) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	if onShutdown != nil {
		srv.RegisterOnShutdown(onShutdown)
	}
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
