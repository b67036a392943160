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

// Plan orders a kit's files for writing — the manifest, then index last — and compares
// them with what dir holds: stale are files an earlier build listed that this one does not
// make; foreign are other visible files no build made (a prep sheet made on its own, notes).
// Without clean, stale files stay listed in the new manifest, so a later clean finds them.
func Plan(dir string, built []File, index string, clean bool) (files []File, stale, foreign []string, err error) {
	prev, err := ReadManifest(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	stale = Stale(dir, prev, built)
	var last *File
	var names []string
	for i, f := range built {
		names = append(names, f.Name)
		if f.Name == index {
			last = &built[i]
			continue
		}
		files = append(files, f)
	}
	if !clean {
		names = append(names, stale...)
	}
	files = append(files, Manifest(names))
	if last != nil {
		files = append(files, *last)
	}
	known := map[string]bool{ManifestName: true}
	for _, n := range append(names, stale...) {
		known[n] = true
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); !known[n] && !strings.HasPrefix(n, ".") && e.Type().IsRegular() {
			foreign = append(foreign, n)
		}
	}
	return files, stale, foreign, nil
}
