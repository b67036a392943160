package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName is the file in which a kit build records the files it wrote, so that a
// later build can tell its own old files from anything else in the folder.
const ManifestName = ".presskit-manifest"

const manifestHeader = "# Files written by presskit build. `presskit build --clean` removes those a later build\n# does not make again; it never touches a file that is not listed here.\n"

// ReadManifest returns the names listed in dir's manifest, or nil when there is none.
func ReadManifest(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %v", filepath.Join(dir, ManifestName), plain(err))
	}
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		// Only plain names inside the folder are ever taken from the file.
		if line == "" || strings.HasPrefix(line, "#") || !filepath.IsLocal(line) || line == ManifestName {
			continue
		}
		names = append(names, filepath.ToSlash(filepath.Clean(line)))
	}
	return names, nil
}

// Manifest is the manifest file listing names, sorted.
func Manifest(names []string) File {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	var b strings.Builder
	b.WriteString(manifestHeader)
	prev := ""
	for _, n := range sorted {
		if n != prev {
			b.WriteString(n + "\n")
		}
		prev = n
	}
	return File{Name: ManifestName, Data: []byte(b.String())}
}

// Stale returns, sorted, the files listed in an earlier manifest that this run does not
// make and that are still in dir as regular files.
func Stale(dir string, previous []string, files []File) []string {
	made := map[string]bool{}
	for _, f := range files {
		made[filepath.ToSlash(f.Name)] = true
	}
	var out []string
	for _, n := range previous {
		if made[n] {
			continue
		}
		if st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(n))); err == nil && st.Mode().IsRegular() {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Remove deletes the named files of dir (names from Stale).
func Remove(dir string, names []string) error {
	for _, n := range names {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(n))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot remove %s: %v", filepath.Join(dir, n), plain(err))
		}
	}
	return nil
}
