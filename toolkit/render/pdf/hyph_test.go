package pdf

import (
	"strings"
	"testing"
)

// The Russian patterns load and break words where a Russian editor would.
func TestRussianHyphenation(t *testing.T) {
	h := ruHyph()
	if len(h.patterns) < 4000 {
		t.Fatalf("%d patterns loaded, want the whole file", len(h.patterns))
	}
	split := func(w string) string {
		rs := []rune(w)
		var b strings.Builder
		last := 0
		for _, p := range h.points(w) {
			b.WriteString(string(rs[last:p]) + "-")
			last = p
		}
		b.WriteString(string(rs[last:]))
		return b.String()
	}
	for w, want := range map[string]string{
		"эксплуатацией":  "экс-плу-а-та-цией", // no two-letter tail
		"правозащитники": "пра-во-за-щит-ники",
		"работников":     "ра-бот-ни-ков",
		"мигрантов":      "ми-гран-тов",
		"торговли":       "тор-говли",
		"продажа":        "про-дажа",    // not «прода-жа»
		"кот":            "кот",         // too short
		"бизнесмен":      "биз-нес-мен", // an exception of the file
	} {
		if got := split(w); got != want {
			t.Errorf("%s: %s, want %s", w, got, want)
		}
	}
	for _, w := range []string{"эксплуатацией", "правозащитники", "секс-работников"} {
		for _, p := range h.points(w) {
			if p < hyphMin || p > len([]rune(w))-hyphMinRight {
				t.Errorf("%s: break at %d leaves fewer than %d letters", w, p, hyphMin)
			}
		}
	}
}
