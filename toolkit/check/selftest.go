package check

import (
	"fmt"
	"strings"

	"github.com/presskit/presskit/toolkit/library"
)

// SelfTest checks that the library's terms work as the checker reads them, in each
// language: every example triggers its term, no say phrase is flagged by any term, and
// every avoided phrase (and listed form) matches its own text. A term none of whose avoided
// phrases can match is reported as such. With no langs, the library's languages are used.
// Problems come back sorted by position.
func SelfTest(lib *library.Library, langs []string) library.Problems {
	if len(langs) == 0 {
		langs = lib.Languages
	}
	terms := lib.Items(library.KindTerm)
	if len(terms) == 0 || len(langs) == 0 {
		return nil
	}
	c, err := Compile(terms, langs)
	if err != nil {
		return library.Problems{{Msg: err.Error()}}
	}
	var ps library.Problems
	for _, it := range terms {
		for _, lang := range langs {
			if it.Text[lang] != nil {
				ps = append(ps, c.selfTest(it, lang)...)
			}
		}
	}
	ps.Sort()
	return ps
}

func (c *Checker) selfTest(it *library.Item, lang string) library.Problems {
	var ps library.Problems
	t := it.Text[lang]
	add := func(field, format string, args ...any) {
		pos, ok := t.FieldPos.Get(field)
		if !ok {
			pos = t.Pos
		}
		if pos.File == "" {
			pos = it.Pos
		}
		ps = append(ps, library.Problem{Pos: pos, ID: it.ID, Lang: lang, Msg: fmt.Sprintf(format, args...)})
	}
	// run checks one string in the term's language, as plain text: literally (every match
	// of an avoided phrase), or as a draft (in the term's sense, the writer's own use).
	run := func(s string, literal bool) []Finding {
		fs, err := c.Check("", []byte(s), Options{Lang: lang, literal: literal})
		if err != nil {
			add("", "cannot check %q: %v", s, err)
		}
		var uses []Finding
		for _, f := range fs {
			if !f.Mention {
				uses = append(uses, f)
			}
		}
		return uses
	}
	triggersAs := func(s string, literal bool) bool {
		for _, f := range run(s, literal) {
			if f.Rule == it.ID {
				return true
			}
		}
		return false
	}
	triggers := func(s string) bool { return triggersAs(s, true) }

	avoid := it.List(lang, "avoid")
	var dead []string
	for _, a := range avoid {
		if !triggers(a) {
			dead = append(dead, a)
		}
	}
	switch {
	case len(avoid) > 0 && len(dead) == len(avoid):
		add("avoid", "this term can never match: no avoided phrase (%s) is found even in its own text; write each as words separated by spaces or a hyphen", quoteList(dead))
	default:
		for _, a := range dead {
			add("avoid", "avoided phrase %q can never match: write it as words separated by spaces or a hyphen", a)
		}
	}
	for _, f := range it.List(lang, "forms") {
		if !triggers(f) {
			add("forms", "form %q can never match: write it as words separated by spaces or a hyphen", f)
		}
	}
	if ps, err := parseParadigms(it.List(lang, "paradigms"), it.List(lang, "say")); err != nil {
		add("paradigms", "%v", err)
	} else {
		for _, f := range ps.allForms() {
			if !triggers(f) {
				add("paradigms", "paradigm form %q is not matched as this term: check its spelling", f)
			}
		}
	}
	for _, ex := range it.List(lang, "examples") {
		if !triggersAs(ex, false) {
			add("examples", "example does not trigger the term: %q; fix the example (its needs:, cues: and except: apply), or add the inflected word to forms:", ex)
		}
	}
	for _, s := range it.List(lang, "say") {
		if fs := run(s, false); len(fs) > 0 {
			add("say", "say phrase %q is itself flagged as %s (%q): reword it, or narrow that term's avoid list", s, fs[0].Rule, fs[0].Match)
		}
	}
	return ps
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
