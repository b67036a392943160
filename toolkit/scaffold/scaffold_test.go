package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

var src = fstest.MapFS{
	"ws/presskit.yaml":       {Data: []byte("paper: a4\n")},
	"ws/kits/press-kit.yaml": {Data: []byte("documents: [brief]\n")},
}

func TestCreateWritesEveryFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	got, err := Create(src, "ws", dir)
	if err != nil || len(got) != 2 {
		t.Fatalf("got %v, %v", got, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "kits/press-kit.yaml")); string(b) != "documents: [brief]\n" {
		t.Fatalf("content = %q", b)
	}
}

func TestCreateNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "presskit.yaml"), []byte("mine"), 0o644)
	_, err := Create(src, "ws", dir)
	var ee *ExistsError
	if !errors.As(err, &ee) || len(ee.Files) != 1 {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "presskit.yaml")); string(b) != "mine" {
		t.Fatal("overwrote an existing file")
	}
	if _, err := os.Stat(filepath.Join(dir, "kits")); err == nil {
		t.Fatal("wrote other files although one existed")
	}
}
