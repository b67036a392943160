package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the extensions of the files a kit is made from: library, kit, configuration
// and interface strings (YAML), releases (Markdown), logo, photos and fonts. Anything else
// (a log file, an editor's swap file) never starts a build.
var watched = map[string]bool{".yaml": true, ".yml": true, ".md": true, ".png": true, ".jpg": true, ".jpeg": true, ".ttf": true}

// Root is a folder to watch, with its sub-folders when Deep.
type Root struct {
	Dir  string
	Deep bool
}

// maxDirs bounds how many folders are watched, so that a preview started in a home
// folder does not walk the whole disk.
const maxDirs = 2000

// Watch calls changed, at most once per quiet interval, when a kit's file (see watched)
// in one of roots is written, created, removed or renamed. Hidden files and folders, and
// the folders skip names, are ignored. It returns when stop is closed.
func Watch(roots []Root, skip func(path string) bool, quiet time.Duration, changed func(), stop <-chan struct{}) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	seen := map[string]bool{}
	add := func(root string, deep bool) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if len(seen) >= maxDirs || (!deep && p != root) {
				return filepath.SkipDir
			}
			if (skip != nil && skip(p)) || (p != root && strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if !seen[p] {
				seen[p] = true
				w.Add(p)
			}
			return nil
		})
	}
	deepUnder := func(p string) bool {
		for _, r := range roots {
			if r.Deep && (p == r.Dir || strings.HasPrefix(p, r.Dir+string(filepath.Separator))) {
				return true
			}
		}
		return false
	}
	for _, r := range roots {
		add(r.Dir, r.Deep)
	}
	var timer <-chan time.Time
	for {
		select {
		case <-stop:
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			base := filepath.Base(ev.Name)
			if !watched[strings.ToLower(filepath.Ext(base))] || strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
				(skip != nil && skip(ev.Name)) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && deepUnder(ev.Name) {
					add(ev.Name, true)
				}
			}
			timer = time.After(quiet)
		case <-w.Errors:
		case <-timer:
			timer = nil
			changed()
		}
	}
}
