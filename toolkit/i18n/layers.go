package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// Layer is a folder of locale files: the embedded interface strings, or the i18n/ folder
// of a user's library.
type Layer struct {
	FS  fs.FS
	Dir string
	// Name is put before file names in messages ("my-library"); "" leaves them as they are.
	Name string
	// Snapshot, when set, is a snapshot of the layer's files (MakeSnapshot): a file whose
	// bytes are those it was made from is read from there instead of parsed. A damaged
	// snapshot is ignored.
	Snapshot string
}

// LoadLayers loads the locale files of each layer in order, as Hugo lays a user's files
// over its own. A file for a language no earlier layer has is a whole locale (lang, name,
// dates and strings; without plural rules every number takes the other form). A file for
// a language already loaded needs only what it changes: its strings replace those of the
// same key, and its name, plural rules, dates and typography, when given, replace the
// earlier ones. A layer without the folder is skipped; the first layer must have it.
func LoadLayers(layers ...Layer) (*Catalog, error) {
	c := &Catalog{locales: map[string]*Locale{}}
	fallbacks := map[string]string{}
	var errs []error
	for i, layer := range layers {
		var snap map[string]*snapFile
		if layer.Snapshot != "" {
			snap, _ = snapshotFiles(layer.Snapshot) // nil when damaged: the files are parsed
		}
		entries, err := fs.ReadDir(layer.FS, layer.Dir)
		if err != nil {
			if i > 0 && errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, fmt.Errorf("read locales: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
				continue
			}
			name := path.Join(layer.Dir, e.Name())
			data, err := fs.ReadFile(layer.FS, name)
			if err != nil {
				errs = append(errs, fmt.Errorf("read locale: %w", err))
				continue
			}
			shown := name
			if layer.Name != "" {
				shown = path.Join(layer.Name, name)
			}
			stem := e.Name()[:len(e.Name())-len(".yaml")]
			base, over := c.locales[stem]
			var l *Locale
			var fallback string
			var seen map[string]bool
			if f := snapshotFile(snap, e.Name(), data); f != nil {
				l, fallback, seen = f.locale, f.fallback, f.seen
			} else if l, fallback, seen, err = decodeFile(shown, data, over); err != nil {
				errs = append(errs, err)
				continue
			}
			if !over {
				c.locales[l.Lang] = l
				fallbacks[l.Lang] = fallback
				continue
			}
			base.merge(l, seen)
			if seen["fallback"] {
				fallbacks[stem] = fallback
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(c.locales) == 0 {
		return nil, fmt.Errorf("no locale files (*.yaml) in %s", layers[0].Dir)
	}
	if err := c.link(fallbacks); err != nil {
		return nil, err
	}
	return c, nil
}

// merge lays the parts of o that its file gave over l.
func (l *Locale) merge(o *Locale, seen map[string]bool) {
	if seen["name"] {
		l.Name = o.Name
	}
	if seen["plural"] {
		l.plural = o.plural
	}
	if seen["dates"] {
		l.dates = o.dates
	}
	if seen["typography"] {
		l.Typography = o.Typography
	}
	for k, m := range o.messages {
		l.messages[k] = m
	}
}
