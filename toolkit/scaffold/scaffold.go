// Package scaffold creates a new workspace from the embedded example, never overwriting a
// file that is already there.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ExistsError lists the files that are already in the way.
type ExistsError struct{ Files []string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("these files exist already, so nothing was written: %s; choose an empty folder (presskit init DIR) or move them",
		strings.Join(e.Files, ", "))
}

// AltReadme is where the workspace's notes go when the folder has a README.md already.
const AltReadme = "PRESSKIT.md"

// plain drops the operation and path that an *fs.PathError repeats, so that a message
// names the path once.
func plain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Create copies every file of src (below root) into dir. When any target exists it writes
// nothing and returns an *ExistsError naming them. It returns the files written.
func Create(src fs.FS, root, dir string) ([]string, error) {
	var files []string
	renamed := map[string]string{}
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
	// A folder with a README.md of its own keeps it; the workspace's notes go beside it.
	for i, f := range files {
		if f == "README.md" {
			if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
				files[i] = AltReadme
				renamed[AltReadme] = f
			}
		}
	}
	var exist []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			exist = append(exist, filepath.Join(dir, f))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot check %s: %v", filepath.Join(dir, f), plain(err))
		}
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Files: exist}
	}
	var written []string
	for _, f := range files {
		from := f
		if r, ok := renamed[f]; ok {
			from = r
		}
		data, err := fs.ReadFile(src, root+"/"+from)
		if err != nil {
			return written, err
		}
		target := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return written, fmt.Errorf("cannot create %s: %v", filepath.Dir(target), plain(err))
		}
		// O_EXCL: a file that appeared since the check is still never overwritten.
		fh, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return written, fmt.Errorf("cannot write %s: %v", target, plain(err))
		}
		_, werr := fh.Write(data)
		if cerr := fh.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return written, fmt.Errorf("cannot write %s: %v", target, plain(werr))
		}
		written = append(written, target)
	}
	return written, nil
}

// ItemIDs lists, sorted, the ids of the library items in the YAML files below root/library
// of src: the example items a new workspace starts with.
func ItemIDs(src fs.FS, root string) ([]string, error) {
	var ids []string
	err := fs.WalkDir(src, path.Join(root, "library"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".yaml" {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		var doc map[string][]struct {
			ID string `yaml:"id"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		for _, items := range doc {
			for _, it := range items {
				if it.ID != "" {
					ids = append(ids, it.ID)
				}
			}
		}
		return nil
	})
	sort.Strings(ids)
	return ids, err
}
