package workspace

import (
	"fmt"
	"sort"
	"unicode"

	"github.com/presskit/presskit/toolkit/library"
)

// GlyphProblems reports every item text holding a character that covered says the fonts
// cannot draw (emoji, CJK), at the field's position, with the character's code point.
func GlyphProblems(lib *library.Library, covered func(rune) bool) library.Problems {
	var ps library.Problems
	for _, it := range lib.Items() {
		for _, lang := range it.Langs() {
			t := it.Text[lang]
			check := func(field, s string) {
				for _, r := range s {
					if unicode.IsSpace(r) || r == '\u00ad' || r < 0x20 || covered(r) {
						continue
					}
					pos, ok := t.FieldPos.Get(field)
					if !ok {
						pos = t.Pos
					}
					ps = append(ps, library.Problem{Pos: pos, ID: it.ID, Lang: lang,
						Msg: fmt.Sprintf("%s: character %s cannot be drawn by the PDF fonts; remove or replace it", field, runeName(r))})
					return
				}
			}
			for _, f := range sortedKeys(t.Fields) {
				check(f, t.Fields[f])
			}
			for _, f := range sortedKeys(t.Lists) {
				for _, v := range t.Lists[f] {
					check(f, v)
				}
			}
		}
	}
	return ps
}

func runeName(r rune) string {
	s := fmt.Sprintf("U+%04X", r)
	if unicode.IsPrint(r) {
		s += " (" + string(r) + ")"
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
