// Package scaffold creates a new workspace from the embedded example, never overwriting a
// file that is already there.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ExistsError lists the files that are already in the way.
type ExistsError struct{ Files []string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("these files exist already, so nothing was written: %s; choose an empty folder (presskit init DIR) or move them",
		strings.Join(e.Files, ", "))
}

// Create copies every file of src (below root) into dir. When any target exists it writes
// nothing and returns an *ExistsError naming them. It returns the files written.
func Create(src fs.FS, root, dir string) ([]string, error) {
	var files []string
	err := fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files = append(files, strings.TrimPrefix(strings.TrimPrefix(p, root), "/"))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s is a file; give a folder to create the workspace in", dir)
	}
	var exist []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			exist = append(exist, filepath.Join(dir, f))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot check %s: %v", filepath.Join(dir, f), err)
		}
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Files: exist}
	}
	var written []string
	for _, f := range files {
		data, err := fs.ReadFile(src, root+"/"+f)
		if err != nil {
			return written, err
		}
		target := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return written, fmt.Errorf("cannot create %s: %v", filepath.Dir(target), err)
		}
		// O_EXCL: a file that appeared since the check is still never overwritten.
		fh, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return written, fmt.Errorf("cannot write %s: %v", target, err)
		}
		_, werr := fh.Write(data)
		if cerr := fh.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return written, fmt.Errorf("cannot write %s: %v", target, werr)
		}
		written = append(written, target)
	}
	return written, nil
}
