package workspace

import (
	"io/fs"
	"strings"
)

// StringsOnly shows only the i18n/ folder of a library: its interface strings without
// its items, for a workspace that builds from its own folders alone.
func StringsOnly(fsys fs.FS) fs.FS { return stringsOnly{fsys} }

type stringsOnly struct{ fsys fs.FS }

func visible(name string) bool {
	return name == "." || name == "i18n" || strings.HasPrefix(name, "i18n/")
}

func (s stringsOnly) Open(name string) (fs.File, error) {
	if !visible(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return s.fsys.Open(name)
}

func (s stringsOnly) ReadDir(name string) ([]fs.DirEntry, error) {
	if !visible(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(s.fsys, name)
	if name != "." {
		return entries, err
	}
	var out []fs.DirEntry
	for _, e := range entries {
		if e.Name() == "i18n" {
			out = append(out, e)
		}
	}
	return out, err
}
