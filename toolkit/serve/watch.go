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

// Watch calls changed, at most once per quiet interval, when a file in one of dirs (and
// their sub-folders) is written, created, removed or renamed. Hidden files, editor
// back-ups and the folders skip names are ignored. It returns when stop is closed.
func Watch(dirs []string, skip func(path string) bool, quiet time.Duration, changed func(), stop <-chan struct{}) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	seen := map[string]bool{}
	add := func(root string) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
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
	for _, d := range dirs {
		add(d)
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
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					add(ev.Name)
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
