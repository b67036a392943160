package output

import (
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
