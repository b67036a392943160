package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

func TestCreateBesideAnExistingReadme(t *testing.T) {
	src := fstest.MapFS{"ws/README.md": {Data: []byte("presskit notes")}, "ws/presskit.yaml": {Data: []byte("paper: a4\n")}}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("my project"), 0o644)
	got, err := Create(src, "ws", dir)
	if err != nil || len(got) != 2 {
		t.Fatalf("got %v, %v", got, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(b) != "my project" {
		t.Fatalf("README.md overwritten: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, AltReadme)); string(b) != "presskit notes" {
		t.Fatalf("%s = %q", AltReadme, b)
	}
}

func TestCreateNamesAnUncreatableFolderOnce(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	_, err := Create(src, "ws", filepath.Join(file, "sub"))
	if err == nil {
		t.Fatal("no error")
	}
	if n := strings.Count(err.Error(), file); n != 1 {
		t.Fatalf("the path appears %d times in %q", n, err)
	}
}

func TestItemIDsOfTheExampleLibrary(t *testing.T) {
	src := fstest.MapFS{"ws/library/a.yaml": {Data: []byte("myths:\n  - id: my-myth\nfacts:\n  - id: my-fact\n")}}
	ids, err := ItemIDs(src, "ws")
	if err != nil || strings.Join(ids, ",") != "my-fact,my-myth" {
		t.Fatalf("ids %v, %v", ids, err)
	}
}
