// Package workspace opens what a command works on: the embedded library with the user's
// folders laid over it, in the configured languages.
package workspace

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/presskit/presskit/toolkit/library"
)

// Languages lists the languages that have interface strings (i18n/<lang>.yaml) in any of
// the libraries, sorted.
func Languages(srcs []library.Source) []string {
	seen := map[string]bool{}
	for _, s := range srcs {
		matches, _ := fs.Glob(s.FS, "i18n/*.yaml")
		for _, m := range matches {
			seen[strings.TrimSuffix(path.Base(m), ".yaml")] = true
		}
	}
	out := make([]string, 0, len(seen))
	for l := range seen {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// UnknownLanguageError says a language was asked for that no library has strings for.
type UnknownLanguageError struct {
	Lang  string
	Known []string
}

func (e *UnknownLanguageError) Error() string {
	return fmt.Sprintf("language %q: the library has no interface strings for it (languages: %s); add i18n/%s.yaml to a library folder",
		e.Lang, strings.Join(e.Known, ", "), e.Lang)
}

// SplitSides separates the two-sided handout's languages from a list of languages: an
// entry "en+ru" is a handout with English on the front and Russian on the back. plain is
// every language any entry needs, each once, in the list's order; sides holds each
// two-sided entry's languages. An entry with an empty side or one language twice is an
// error.
func SplitSides(langs []string) (plain []string, sides [][]string, err error) {
	seen := map[string]bool{}
	add := func(l string) {
		if !seen[l] {
			seen[l] = true
			plain = append(plain, l)
		}
	}
	for _, l := range langs {
		if !strings.Contains(l, "+") {
			add(l)
			continue
		}
		parts := strings.Split(l, "+")
		twice := map[string]bool{}
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" || twice[p] {
				return nil, nil, fmt.Errorf("language %q: a two-sided handout names two different languages, front+back, such as en+ru", l)
			}
			twice[p] = true
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
			add(parts[i])
		}
		sides = append(sides, parts)
	}
	return plain, sides, nil
}

// CheckLanguages returns an error for the first of langs that has no interface strings.
// A two-sided entry ("en+ru") is checked language by language.
func CheckLanguages(langs, known []string) error {
	plain, _, err := SplitSides(langs)
	if err != nil {
		return err
	}
	for _, l := range plain {
		found := false
		for _, k := range known {
			if k == l {
				found = true
			}
		}
		if !found {
			return &UnknownLanguageError{Lang: l, Known: known}
		}
	}
	return nil
}

// Open loads the libraries in order, requiring langs, and validates the result. The
// library is returned even when there are problems, so that callers can still browse it.
func Open(srcs []library.Source, langs []string) (*library.Library, library.Problems, error) {
	known := Languages(srcs)
	if err := CheckLanguages(langs, known); err != nil {
		return nil, nil, err
	}
	langs, _, _ = SplitSides(langs)
	lib, probs := library.Load(srcs, library.Options{Languages: langs, Known: known})
	if !lib.Validated() {
		probs = append(probs, lib.Validate()...)
	}
	probs.Sort()
	return lib, probs, nil
}
