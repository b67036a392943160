package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAllWritesEveryFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	w, err := WriteAll(dir, []File{{"a.pdf", []byte("%PDF")}, {"b.html", []byte("<!doctype html>")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != 2 || w[0].Size != 4 {
		t.Fatalf("written = %+v", w)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("left %d entries, want 2 (no temporary files)", len(entries))
	}
}

func TestOutputFolderThatIsAFileIsRefused(t *testing.T) {
	f := filepath.Join(t.TempDir(), "out")
	os.WriteFile(f, []byte("x"), 0o644)
	_, err := WriteAll(f, []File{{"a.pdf", []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Fatalf("err = %v", err)
	}
}

func TestUnwritableFolderLeavesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		// root writes anywhere; a folder in the way of a file stands in for an unwritable path
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, "b.pdf"), 0o755)
		_, err := WriteAll(dir, []File{{"a.pdf", []byte("x")}, {"b.pdf", []byte("y")}})
		if err == nil || !strings.Contains(err.Error(), "folder of that name") {
			t.Fatalf("err = %v", err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Fatalf("left %v behind", entries)
		}
		return
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, err := WriteAll(dir, []File{{"a.pdf", []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "cannot write") {
		t.Fatalf("err = %v", err)
	}
}

// TestWriteAllMoreFilesThanAreHeldOpen: a run of more files than are synced in one batch
// (a kit with many cards) writes every one, in its folder, and leaves no temporary file.
func TestWriteAllMoreFilesThanAreHeldOpen(t *testing.T) {
	dir := t.TempDir()
	var files []File
	for i := 0; i < maxOpen*2+3; i++ {
		files = append(files, File{Name: fmt.Sprintf("cards/card-%03d.png", i), Data: []byte(fmt.Sprint("card ", i))})
	}
	files = append(files, File{Name: "index.html", Data: []byte("index")})
	written, err := WriteAll(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != len(files) {
		t.Fatalf("%d files written, want %d", len(written), len(files))
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || string(got) != string(f.Data) {
			t.Fatalf("%s: %q, %v", f.Name, got, err)
		}
		if st, _ := os.Stat(filepath.Join(dir, f.Name)); st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", f.Name, st.Mode().Perm())
		}
	}
	if got := names(t, filepath.Join(dir, "cards")); len(got) != maxOpen*2+3 {
		t.Errorf("cards/ holds %d files, want %d (no temporary file)", len(got), maxOpen*2+3)
	}
}
