package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/workspace"
)

// sources lists the embedded library and the user's folders, checking that each folder exists.
func (a *app) sources() ([]library.Source, error) {
	srcs := []library.Source{{FS: content.FS, Name: "content", Origin: "embedded", Snapshot: content.Snapshot}}
	if a.noSnapshot {
		srcs[0].Snapshot = "" // presskit validate reads the files themselves
	}
	if !a.cfg.Embedded {
		// The embedded interface strings stay: they are the fallback of every language.
		srcs[0].FS = workspace.StringsOnly(content.FS)
		srcs[0].Snapshot = ""
	}
	for _, dir := range a.cfg.Library {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("library folder %s: %v; check --library or library: in presskit.yaml", a.rel(dir), plainErr(err))
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("library folder %s is a file, not a folder; check --library or library: in presskit.yaml", a.rel(dir))
		}
		srcs = append(srcs, library.Source{FS: os.DirFS(dir), Name: a.rel(dir), Origin: dir})
	}
	return srcs, nil
}

// openLibrary loads the library and fails on any problem in it.
func (a *app) openLibrary() (*library.Library, error) {
	lib, probs, err := a.openLibraryLenient()
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return lib, nil
}

// openLibraryLenient loads the library and returns its problems beside it.
func (a *app) openLibraryLenient() (*library.Library, library.Problems, error) {
	srcs, err := a.sources()
	if err != nil {
		return nil, nil, err
	}
	lib, probs, err := workspace.Open(srcs, a.cfg.Lang)
	var ul *workspace.UnknownLanguageError
	if errors.As(err, &ul) {
		from := a.origin["lang"]
		switch {
		case strings.HasPrefix(from, "flag "):
			// A language typed on the command line is a usage error, as an unknown --paper is.
			return nil, nil, &exitError{code: 2, err: fmt.Errorf("--lang: %w", err)}
		case from != "default":
			return nil, nil, fmt.Errorf("%w (set by %s)", err, a.setIn("lang"))
		}
	}
	return lib, probs, err
}

// languagesOf lists the languages with interface strings in the libraries.
func languagesOf(srcs []library.Source) []string { return workspace.Languages(srcs) }

// stringLayers are the interface strings: the embedded ones, then each library folder's
// i18n/, whose files add a language or change strings of one.
func (a *app) stringLayers() ([]i18n.Layer, error) {
	srcs, err := a.sources()
	if err != nil {
		return nil, err
	}
	var layers []i18n.Layer
	for _, s := range srcs {
		layer := i18n.Layer{FS: s.FS, Dir: "i18n", Name: s.Name}
		if s.Origin == "embedded" {
			layer.Name = ""
			if !a.noSnapshot {
				layer.Snapshot = content.StringsSnapshot
			}
		}
		layers = append(layers, layer)
	}
	return layers, nil
}
