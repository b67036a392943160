package library

import (
	"fmt"
	"sort"
	"strings"
)

// Selection picks items: by id (in the order given) or by tag; empty means everything.
type Selection struct {
	IDs  []string
	Tags []string
}

// UnknownIDsError lists ids that a selection names but the library lacks.
type UnknownIDsError struct {
	IDs         []string
	Suggestions map[string][]string
}

func (e *UnknownIDsError) Error() string {
	var parts []string
	for _, id := range e.IDs {
		s := fmt.Sprintf("%q", id)
		if sug := e.Suggestions[id]; len(sug) > 0 {
			s += " (did you mean " + strings.Join(quoteAll(sug), " or ") + "?)"
		}
		parts = append(parts, s)
	}
	return "unknown item id " + strings.Join(parts, ", ")
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// Select returns the items of the given kinds that the selection names. With ids, an id
// that does not exist is an error; items named by id keep the order given.
func (l *Library) Select(sel Selection, kinds ...Kind) ([]*Item, error) {
	if len(sel.IDs) > 0 {
		var missing []string
		sug := map[string][]string{}
		var out []*Item
		for _, id := range sel.IDs {
			it := l.items[id]
			if it == nil {
				missing = append(missing, id)
				sug[id] = l.Closest(id, 3)
				continue
			}
			if len(kinds) == 0 || containsKind(kinds, it.Kind) {
				out = append(out, it)
			}
		}
		if len(missing) > 0 {
			return nil, &UnknownIDsError{IDs: missing, Suggestions: sug}
		}
		return out, nil
	}
	var out []*Item
	for _, it := range l.Items(kinds...) {
		if len(sel.Tags) == 0 || anyTag(it, sel.Tags) {
			out = append(out, it)
		}
	}
	// The user's own items come first: a documents' default takes the first few, and a
	// myth someone has just added is the one they expect to see.
	sort.SliceStable(out, func(i, j int) bool { return !out[i].embedded() && out[j].embedded() })
	return out, nil
}

func (it *Item) embedded() bool { return it.Origin == "" || it.Origin == "embedded" }

func anyTag(it *Item, tags []string) bool {
	for _, t := range tags {
		if it.HasTag(t) {
			return true
		}
	}
	return false
}
