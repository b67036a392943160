package output

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// A signal arriving while a slow write is under way stops the run: no temporary file is
// left, and the old kit (index included) is untouched.
func TestInterruptedWriteLeavesTheOldKitAndNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	old := []File{{"brief-en.pdf", []byte("old brief")}, {"index.html", []byte("old index")}}
	if _, err := WriteAll(dir, old); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	slow := func(w io.Writer, f File) error {
		n++
		half := len(f.Data) / 2
		if _, err := w.Write(f.Data[:half]); err != nil {
			return err
		}
		if n == 2 {
			cancel() // Ctrl-C halfway through the second file
			return ctx.Err()
		}
		_, err := w.Write(f.Data[half:])
		return err
	}
	files := []File{{"brief-en.pdf", []byte("new brief")}, {"handout-en.pdf", []byte("new handout")}, {"index.html", []byte("new index")}}
	_, err := WriteAllContext(ctx, dir, files, Options{Write: slow})
	var ie *InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want an InterruptedError", err)
	}
	if got := names(t, dir); len(got) != 2 || got[0] != "brief-en.pdf" || got[1] != "index.html" {
		t.Fatalf("folder holds %v, want the old brief-en.pdf and index.html only", got)
	}
	for _, f := range old {
		if data, _ := os.ReadFile(filepath.Join(dir, f.Name)); string(data) != string(f.Data) {
			t.Errorf("%s = %q, want the old %q", f.Name, data, f.Data)
		}
	}
}

func TestInterruptBeforeWritingWritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := WriteAllContext(ctx, dir, []File{{"a.pdf", []byte("x")}}, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Fatalf("left %v", got)
	}
}

func TestStaleListsOnlyEarlierBuildsFilesThatAreStillThere(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"prep-en.pdf", "brief-en.pdf", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "prep-ru.pdf"), 0o755) // not a regular file: never removed
	m := Manifest([]string{"prep-en.pdf", "brief-en.pdf", "prep-ru.pdf", "gone.pdf", "prep-en.pdf"})
	data := string(m.Data) + "../outside.txt\n/etc/passwd\n"
	os.WriteFile(filepath.Join(dir, ManifestName), []byte(data), 0o644)
	prev, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(prev) != 4 {
		t.Fatalf("manifest read as %v; paths outside the folder must be ignored", prev)
	}
	stale := Stale(dir, prev, []File{{"brief-en.pdf", nil}})
	if len(stale) != 1 || stale[0] != "prep-en.pdf" {
		t.Fatalf("stale = %v, want [prep-en.pdf]", stale)
	}
	if err := Remove(dir, stale); err != nil {
		t.Fatal(err)
	}
	got := names(t, dir)
	want := []string{ManifestName, "brief-en.pdf", "notes.txt", "prep-ru.pdf"}
	sort.Strings(want)
	if len(got) != len(want) {
		t.Fatalf("left %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("left %v, want %v", got, want)
		}
	}
}
