package output

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// allFiles lists every file under dir, relative to it, temporary files included.
func allFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// countingWriter counts the writes of each file name.
type countingWriter struct {
	mu   sync.Mutex
	n    map[string]int
	fail string // a name whose writes fail
}

func (c *countingWriter) write(w io.Writer, f File) error {
	c.mu.Lock()
	c.n[f.Name]++
	c.mu.Unlock()
	if f.Name == c.fail {
		return errors.New("disk full")
	}
	_, err := w.Write(f.Data)
	return err
}

// TestStagedFilesAreRenamedNotWrittenAgain: files staged ahead are written once, by the
// stage, and renamed into place by WriteAllContext with the rest; a staged file whose
// bytes changed since, or one never asked for, is written anew or removed, and no
// temporary file is left.
func TestStagedFilesAreRenamedNotWrittenAgain(t *testing.T) {
	dir := t.TempDir()
	c := &countingWriter{n: map[string]int{}}
	opt := Options{Write: c.write}
	st := NewStage(dir, opt)
	opt.Stage = st
	st.Add([]File{{Name: "brief-en.pdf", Data: []byte("brief")}, {Name: "sub/handout-en.pdf", Data: []byte("handout")}})
	st.Add([]File{{Name: "prep-en.pdf", Data: []byte("old prep")}, {Name: "unused.html", Data: []byte("x")}})
	files := []File{
		{Name: "brief-en.pdf", Data: []byte("brief")},
		{Name: "sub/handout-en.pdf", Data: []byte("handout")},
		{Name: "prep-en.pdf", Data: []byte("new prep")},
		{Name: "index.html", Data: []byte("index")},
	}
	written, err := WriteAllContext(context.Background(), dir, files, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 4 {
		t.Errorf("%d files written, want 4", len(written))
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || string(got) != string(f.Data) {
			t.Errorf("%s: %q, %v; want %q", f.Name, got, err, f.Data)
		}
		if fi, err := os.Stat(filepath.Join(dir, f.Name)); err == nil && fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v", f.Name, fi.Mode().Perm())
		}
	}
	want := map[string]int{"brief-en.pdf": 1, "sub/handout-en.pdf": 1, "prep-en.pdf": 2, "index.html": 1, "unused.html": 1}
	for n, w := range want {
		if c.n[n] != w {
			t.Errorf("%s written %d times, want %d", n, c.n[n], w)
		}
	}
	if got := strings.Join(allFiles(t, dir), " "); got != "brief-en.pdf index.html prep-en.pdf sub/handout-en.pdf" {
		t.Errorf("the folder holds %s", got)
	}
}

// TestStageFailuresLeaveNothing: a staged write that failed is written again in its
// turn (and its failure reported there); a stage discarded before anything is written
// (the kit failed) leaves no temporary file.
func TestStageFailuresLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	c := &countingWriter{n: map[string]int{}, fail: "bad.pdf"}
	opt := Options{Write: c.write}
	opt.Stage = NewStage(dir, opt)
	opt.Stage.Add([]File{{Name: "good.pdf", Data: []byte("good")}, {Name: "bad.pdf", Data: []byte("bad")}})
	_, err := WriteAllContext(context.Background(), dir, []File{{Name: "good.pdf", Data: []byte("good")}, {Name: "bad.pdf", Data: []byte("bad")}}, opt)
	if err == nil || !strings.Contains(err.Error(), "bad.pdf") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want bad.pdf: disk full", err)
	}
	if c.n["bad.pdf"] != 2 {
		t.Errorf("bad.pdf written %d times, want 2 (staged, then in its turn)", c.n["bad.pdf"])
	}
	if got := allFiles(t, dir); len(got) != 0 {
		t.Errorf("after a failure the folder holds %v", got)
	}

	st := NewStage(dir, Options{})
	st.Add([]File{{Name: "a.pdf", Data: []byte("a")}, {Name: "b/c.html", Data: []byte("c")}})
	st.Discard()
	if got := allFiles(t, dir); len(got) != 0 {
		t.Errorf("after Discard the folder holds %v", got)
	}
	var none *Stage // no stage at all: every method does nothing
	none.Add([]File{{Name: "x", Data: []byte("x")}})
	none.Discard()
}
