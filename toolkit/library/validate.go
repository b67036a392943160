package library

import (
	"fmt"
	"net/url"
	"strings"
)

// Validate checks what spans items: every configured language present with its required
// fields, sources cited where the kind needs them, and references that resolve to an item
// of the right kind. Problems come back sorted by position.
func (l *Library) Validate() Problems {
	if l.ruleSrcs != nil {
		l.readRules()
	}
	var ps Problems
	idx := l.passageIndex()
	for _, id := range l.order {
		ps = append(ps, l.validateItem(l.items[id], idx)...)
	}
	ps.Sort()
	return ps
}

func (l *Library) validateItem(it *Item, idx passageIndex) Problems {
	var ps Problems
	add := func(pos Pos, lang, format string, args ...any) {
		ps = append(ps, Problem{Pos: pos, ID: it.ID, Lang: lang, Msg: fmt.Sprintf(format, args...)})
	}
	s := kindSchemas[it.Kind]
	for _, lang := range l.Languages {
		t := it.Text[lang]
		if t == nil {
			add(it.Pos, lang, "missing translation: add a %s: block with %s", lang, strings.Join(requiredNames(s), ", "))
			continue
		}
		if t.misspelt {
			continue
		}
		for _, f := range s.fields {
			if s.required[f] && t.Fields[f] == "" {
				add(t.Pos, lang, "missing %s", f)
			}
		}
		for _, f := range s.lists {
			if s.required[f] && len(t.Lists[f]) == 0 {
				add(t.Pos, lang, "missing %s (a list)", f)
			}
		}
	}
	if s.needSources && len(it.Sources) == 0 {
		add(it.Pos, "", "a %s must cite at least one source: add `sources: [source-id]`", it.Kind)
	}
	for _, ref := range it.Sources {
		switch target := l.items[ref]; {
		case target == nil:
			add(it.Pos, "", "unknown source %q%s", ref, l.didYouMean(ref, KindSource))
		case target.Kind != KindSource:
			add(it.Pos, "", "%q in sources is a %s, not a source", ref, target.Kind)
		}
	}
	for _, ref := range it.Related {
		if l.items[ref] == nil {
			add(it.Pos, "", "unknown related item %q%s", ref, l.didYouMean(ref, ""))
		}
	}
	switch it.Kind {
	case KindQuote:
		if it.Original == "" {
			add(it.Pos, "", "a quote must say the language of its exact text: add `original: en` (or the language it was said in)")
		} else if it.Text[it.Original] == nil {
			add(it.Pos, it.Original, "the quote's original language %q has no text", it.Original)
		}
	case KindSource:
		l.validateSource(it, add)
		if it.Author == "" && it.Publisher == "" && !l.hasNote(it) {
			add(it.Pos, "", "a source needs an author, a publisher, or a note in each language saying where it is quoted")
		}
		if it.URL != "" {
			if u, err := url.Parse(it.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				add(it.Pos, "", "url %q is not an http or https address", it.URL)
			}
		}
	}
	if s.claims {
		l.validateClaim(it, idx, add)
	}
	return ps
}

// hasNote reports whether a source has a note in every language, as a source known only
// through another one has ("quoted in …").
func (l *Library) hasNote(it *Item) bool {
	for _, lang := range l.Languages {
		if it.Get(lang, "note") == "" {
			return false
		}
	}
	return true
}

func requiredNames(s *schema) []string {
	var out []string
	for _, f := range s.allLangFields() {
		if s.required[f] {
			out = append(out, f)
		}
	}
	return out
}

func (l *Library) didYouMean(id string, kind Kind) string {
	for _, c := range l.Closest(id, 5) {
		if kind == "" || l.items[c].Kind == kind {
			return fmt.Sprintf("; did you mean %q?", c)
		}
	}
	return ""
}
