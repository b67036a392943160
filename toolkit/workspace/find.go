package workspace

import (
	"fmt"
	"os"
	"path/filepath"
)

// FileName is the name of a workspace's settings file.
const FileName = "presskit.yaml"

// Find returns the presskit.yaml in start or in the nearest folder above it, as git finds
// its repository, or "" when no folder up to the root holds one. start should be absolute.
func Find(start string) string {
	dir := filepath.Clean(start)
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// NotFoundError says that no workspace holds a folder.
type NotFoundError struct {
	// Start is the folder the search began in.
	Start string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no %s in %s or any folder above it; run presskit init to make a workspace, or name one with --config FILE", FileName, e.Start)
}
