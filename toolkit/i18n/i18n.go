// Package i18n holds the interface strings of the documents, one locale file per
// language: messages with CLDR plural forms, date formats and the typography rules of
// the language. Adding a language means adding a file such as uk.yaml; no Go code
// names a language except "en", the default end of every fallback chain.
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/presskit/presskit/toolkit/typography"
)

// defaultFallback is the language whose strings stand in for missing ones.
const defaultFallback = "en"

// Catalog is the set of loaded locales, keyed by language code.
type Catalog struct {
	locales map[string]*Locale
}

// Locale is the interface strings and conventions of one language.
type Locale struct {
	// Lang is the language code, which is also the file's base name ("ru").
	Lang string
	// Name is the language's name in itself ("Русский").
	Name string
	// Typography is the language's typographic rules, for package typography.
	Typography typography.Rules

	plural   []pluralRule
	dates    dateFormats
	messages map[string]message
	fallback *Locale
}

// message is a plain string or, when forms is set, a string per plural category.
type message struct {
	text  string
	forms map[string]string
}

// Error is a problem in a locale file, placed at a line and column where known.
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

// Error returns "file:line:column: message", leaving out what is unknown.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// UnknownLanguageError is returned for a language that has no locale file.
type UnknownLanguageError struct {
	Lang  string
	Known []string
}

// Error names the language and lists the known ones.
func (e *UnknownLanguageError) Error() string {
	return fmt.Sprintf("unknown language %q (known: %s)", e.Lang, strings.Join(e.Known, ", "))
}

// Load reads every dir/*.yaml file of fsys as one locale. Each file's lang must match
// its base name. A locale falls back to the one named by its fallback key or, by
// default, to English when English is loaded.
func Load(fsys fs.FS, dir string) (*Catalog, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read locales: %w", err)
	}
	c := &Catalog{locales: map[string]*Locale{}}
	fallbacks := map[string]string{}
	var errs []error
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("read locale: %w", err))
			continue
		}
		l, fallback, err := decode(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.locales[l.Lang] = l
		fallbacks[l.Lang] = fallback
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(c.locales) == 0 {
		return nil, fmt.Errorf("no locale files (*.yaml) in %s", dir)
	}
	if err := c.link(fallbacks); err != nil {
		return nil, err
	}
	return c, nil
}

// link sets each locale's fallback and rejects unknown fallbacks and cycles.
func (c *Catalog) link(fallbacks map[string]string) error {
	for _, lang := range c.Languages() {
		fb := fallbacks[lang]
		if fb == "" {
			if _, ok := c.locales[defaultFallback]; !ok || lang == defaultFallback {
				continue
			}
			fb = defaultFallback
		}
		target, ok := c.locales[fb]
		if !ok {
			return fmt.Errorf("locale %s: fallback %w", lang, &UnknownLanguageError{Lang: fb, Known: c.Languages()})
		}
		c.locales[lang].fallback = target
	}
	for _, lang := range c.Languages() {
		seen := map[*Locale]bool{}
		for l := c.locales[lang]; l != nil; l = l.fallback {
			if seen[l] {
				return fmt.Errorf("locale %s: fallback chain loops at %s", lang, l.Lang)
			}
			seen[l] = true
		}
	}
	return nil
}

// Languages returns the codes of the loaded languages, sorted.
func (c *Catalog) Languages() []string {
	langs := make([]string, 0, len(c.locales))
	for lang := range c.locales {
		langs = append(langs, lang)
	}
	slices.Sort(langs)
	return langs
}

// Locale returns the locale of lang, or an *UnknownLanguageError that lists the
// known languages.
func (c *Catalog) Locale(lang string) (*Locale, error) {
	if l, ok := c.locales[lang]; ok {
		return l, nil
	}
	return nil, &UnknownLanguageError{Lang: lang, Known: c.Languages()}
}

// Fallback returns the locale that stands in for l's missing strings, or nil.
func (l *Locale) Fallback() *Locale { return l.fallback }
