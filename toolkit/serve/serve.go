// Package serve is presskit's live preview: it serves a built kit from memory, rebuilds
// it when a watched file changes, and tells open pages to reload through server-sent
// events. When a build fails, the error is shown at the top of every page, and the last
// good build stays available under it.
package serve

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"syscall"
)

// Files is one build: file names (slash-separated, relative) to their bytes.
type Files map[string][]byte

// Build makes the kit. It is called once at the start and after every change.
type Build func() (Files, error)

// Server holds the last good build and the last error.
type Server struct {
	build Build

	mu      sync.Mutex
	files   Files
	err     error
	version int
	clients map[chan int]bool
}

// New returns a server for build; call Rebuild before serving.
func New(build Build) *Server {
	return &Server{build: build, clients: map[chan int]bool{}}
}

// Rebuild runs the build. A failed build keeps the previous files and records the error;
// either way open pages are told to reload.
func (s *Server) Rebuild() error {
	files, err := s.build()
	s.mu.Lock()
	if err == nil {
		s.files = files
	}
	s.err = err
	s.version++
	v := s.version
	for c := range s.clients {
		select {
		case c <- v:
		default:
		}
	}
	s.mu.Unlock()
	return err
}

// EventsPath is where pages listen for reloads.
const EventsPath = "/_presskit/events"

// reloadScript is added to every HTML page served (never to the built files).
const reloadScript = `<script>new EventSource("` + EventsPath + `").onmessage = function () { location.reload(); };</script>`

// ServeHTTP serves the kit's files, index.html for "/", and the reload events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == EventsPath {
		s.events(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	s.mu.Lock()
	files, err := s.files, s.err
	s.mu.Unlock()
	data, ok := files[name]
	if !ok && files != nil {
		if _, isDir := files[name+"/index.html"]; isDir {
			data, ok = files[name+"/index.html"], true
			name += "/index.html"
		}
	}
	isHTML := strings.HasSuffix(name, ".html")
	switch {
	case !ok && files == nil && (isHTML || name == "index.html"):
		// Nothing was ever built: a page that only shows the error.
		data, ok, isHTML = []byte("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>presskit: build failed</title></head><body><main></main></body></html>"), true, true
	case !ok:
		http.NotFound(w, r)
		return
	}
	if isHTML {
		data = decorate(data, err)
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}

// decorate adds the reload script and, when the last build failed, its error.
func decorate(page []byte, err error) []byte {
	add := reloadScript
	if err != nil {
		add = `<div id="presskit-error" role="alert" style="position:sticky;top:0;z-index:9999;margin:0;padding:1rem 1.5rem;` +
			`background:#fff4f4;color:#8a0000;border-bottom:3px solid #b00020;font:15px/1.5 monospace;white-space:pre-wrap">` +
			`<strong>The last change could not be built; this is the last good build.</strong>` + "\n" + html.EscapeString(err.Error()) + `</div>` + add
	}
	if i := bytes.Index(page, []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			at := i + j + 1
			return append(append(append([]byte{}, page[:at]...), add...), page[at:]...)
		}
	}
	return append([]byte(add), page...)
}

// events streams a message each time a build finishes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan int, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, ": presskit\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-c:
			fmt.Fprintf(w, "data: %d\n\n", v)
			fl.Flush()
		}
	}
}

// Listen opens addr, saying plainly when the port is taken.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("%s is already in use by another program: stop it, or choose another port with --port", addr)
		}
		return nil, fmt.Errorf("cannot listen on %s: %v", addr, err)
	}
	return ln, nil
}
