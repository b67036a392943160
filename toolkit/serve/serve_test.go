package serve

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestAFailedBuildShowsItsErrorOverTheLastGoodBuild(t *testing.T) {
	title, fail := "One", error(nil)
	s := New(func() (Files, error) {
		if fail != nil {
			return nil, fail
		}
		return Files{"index.html": []byte("<!DOCTYPE html><html><body><h1>" + title + "</h1></body></html>"), "a.pdf": []byte("%PDF-")}, nil
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, ts.URL+"/")
	if !strings.Contains(body, "<h1>One</h1>") || !strings.Contains(body, EventsPath) || strings.Contains(body, "presskit-error") {
		t.Fatalf("first page: %s", body)
	}
	fail = errors.New(`kits/press-kit.yaml:3:7: unknown setting "titel"`)
	s.Rebuild()
	_, body = get(t, ts.URL+"/")
	if !strings.Contains(body, `role="alert"`) || !strings.Contains(body, `kits/press-kit.yaml:3:7: unknown setting &#34;titel&#34;`) || !strings.Contains(body, "<h1>One</h1>") {
		t.Fatalf("after a failed build: %s", body)
	}
	if code, pdf := get(t, ts.URL+"/a.pdf"); code != 200 || pdf != "%PDF-" {
		t.Fatalf("pdf: %d %q", code, pdf)
	}
	fail, title = nil, "Two"
	s.Rebuild()
	if _, body = get(t, ts.URL+"/"); !strings.Contains(body, "<h1>Two</h1>") || strings.Contains(body, "presskit-error") {
		t.Fatalf("after the fix: %s", body)
	}
	if code, _ := get(t, ts.URL+"/../../etc/passwd"); code != 404 {
		t.Fatalf("outside the kit: %d", code)
	}
}

func TestPagesAreToldToReloadAfterEachBuild(t *testing.T) {
	s := New(func() (Files, error) { return Files{"index.html": []byte("<body></body>")}, nil })
	ts := httptest.NewServer(s)
	defer ts.Close()
	res, err := http.Get(ts.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	r := bufio.NewReader(res.Body)
	r.ReadString('\n') // the opening comment
	r.ReadString('\n')
	go func() { time.Sleep(50 * time.Millisecond); s.Rebuild() }()
	line, err := r.ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "data: 1") {
		t.Fatalf("event %q, %v", line, err)
	}
}

func TestPortInUseSaysSo(t *testing.T) {
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = Listen(ln.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "is already in use by another program") || !strings.Contains(err.Error(), "--port") {
		t.Fatalf("err = %v", err)
	}
}

func TestWatchSeesAKitEditButNotALogFile(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "kits"), 0o755)
	changed := make(chan bool, 10)
	stop := make(chan struct{})
	defer close(stop)
	go Watch([]Root{{Dir: dir, Deep: true}}, nil, 20*time.Millisecond, func() { changed <- true }, stop)
	time.Sleep(200 * time.Millisecond)
	os.WriteFile(filepath.Join(dir, "serve.log"), []byte("x"), 0o644)
	select {
	case <-changed:
		t.Fatal("a log file started a build")
	case <-time.After(300 * time.Millisecond):
	}
	os.WriteFile(filepath.Join(dir, "kits", "k.yaml"), []byte("x"), 0o644)
	select {
	case <-changed:
	case <-time.After(5 * time.Second):
		t.Fatal("no build after a kit edit")
	}
}
