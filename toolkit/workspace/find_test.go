package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindLooksInTheFolderAndItsParents(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "kits", "drafts")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != "" {
		t.Fatalf("no workspace yet, found %q", got)
	}
	ws := filepath.Join(root, FileName)
	if err := os.WriteFile(ws, []byte("lang: [en]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, start := range []string{root, filepath.Join(root, "kits"), deep} {
		if got := Find(start); got != ws {
			t.Errorf("Find(%s) = %q, want %q", start, got, ws)
		}
	}
	// A folder named presskit.yaml is not a workspace.
	inner := filepath.Join(deep, FileName)
	os.Mkdir(inner, 0o755)
	if got := Find(deep); got != ws {
		t.Errorf("a folder named %s was taken for the settings file: %q", FileName, got)
	}
}
