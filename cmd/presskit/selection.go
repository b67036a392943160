package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/publish"
)

// checkSelection refuses, as a usage error, ids and tags on the command line that name
// nothing in the library: like an unknown --paper, the command line is wrong.
func checkSelection(lib *library.Library, ids, tags []string, tagFlag string) error {
	if _, err := lib.Select(library.Selection{IDs: ids}); len(ids) > 0 && err != nil {
		return &exitError{code: 2, err: err, usage: false}
	}
	known := lib.Tags()
	for _, t := range tags {
		found := false
		for _, k := range known {
			found = found || k == t
		}
		if !found {
			return &exitError{code: 2, err: fmt.Errorf("%s %q: no item has this tag; tags: %s", tagFlag, t, strings.Join(known, ", "))}
		}
	}
	return nil
}

// selectionError says, in the user's words, that a document found nothing to show: the
// flag as typed (--topic for prep), once, and the tags that would work for that kind.
func selectionError(lib *library.Library, err error, tagFlag string) error {
	var es *document.EmptySelectionError
	if !errors.As(err, &es) {
		return err
	}
	lang := ""
	var de *publish.DocError
	if errors.As(err, &de) {
		lang = " [" + de.Lang + "]"
	}
	if len(es.Sel.Tags) == 0 {
		return fmt.Errorf("%s%s: %s", es.Doc, lang, es.Error()[len(string(es.Doc))+2:])
	}
	var tags []string
	if k, ok := library.ParseKind(es.What); ok {
		seen := map[string]bool{}
		for _, it := range lib.Items(k) {
			for _, t := range it.Tags {
				if !seen[t] {
					seen[t] = true
					tags = append(tags, t)
				}
			}
		}
	}
	msg := fmt.Sprintf("%s%s: %s %s: no %s has this tag", es.Doc, lang, tagFlag, strings.Join(es.Sel.Tags, ","), strings.TrimSuffix(es.What, "s"))
	if len(tags) > 0 {
		msg += fmt.Sprintf("; tags of %s: %s", es.What, strings.Join(sorted(tags), ", "))
	}
	return errors.New(msg)
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
