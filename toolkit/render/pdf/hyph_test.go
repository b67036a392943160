package pdf

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The Russian patterns load and break words where a Russian editor would.
func TestRussianHyphenation(t *testing.T) {
	h := ruHyph()
	if n := strings.Count(h.table, "\n"); n < 4000 || h.maxLen < 5 {
		t.Fatalf("%d patterns and exceptions (longest %d), want the whole file", n, h.maxLen)
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

// TestHeadingsAreNeverHyphenated: a Russian heading in the brief's narrow rail breaks
// between words, while running text in the same width may hyphenate.
func TestHeadingsAreNeverHyphenated(t *testing.T) {
	l, done := testLay(t, "a4", 0)
	defer done()
	const text = "Памятка для журналистов: как говорить и писать"
	hyphenated := func(b box) bool {
		for _, o := range b.ops {
			if o.k == opText && strings.HasSuffix(o.s, "-") {
				return true
			}
		}
		return false
	}
	if hyphenated(l.railHeading(text, 40)) {
		t.Error("the rail heading was hyphenated")
	}
	if !hyphenated(l.text(plain(text, style{size: l.mt.heading}), 40)) {
		t.Error("the same words as running text were not hyphenated: the test no longer shows the difference")
	}
}

// TestPointsMemo: a word's points are the same looked up once, again from the memo, and
// from goroutines at once; the memo starts afresh when full rather than grow.
func TestPointsMemo(t *testing.T) {
	h := newHyphenator(ruTable)
	words := []string{"эксплуатацией", "секс-работники", "мигрантки", "декриминализация", "полиция", "торговля"}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, w := range words {
					if got, want := h.points(w), h.findPoints(w); !slices.Equal(got, want) {
						t.Errorf("%s: memo %v, lookup %v", w, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
	for i := range maxMemo + 10 {
		h.points("слово" + strconv.Itoa(i))
	}
	if n := len(h.memo); n > maxMemo || n == 0 {
		t.Errorf("memo holds %d words, want 1..%d", n, maxMemo)
	}
	if got, want := h.points("эксплуатацией"), h.findPoints("эксплуатацией"); !slices.Equal(got, want) {
		t.Errorf("after the memo filled: %v, want %v", got, want)
	}
}

// BenchmarkPoints is a word hyphenated again, as the fit loop's later layouts do.
func BenchmarkPoints(b *testing.B) {
	h := newHyphenator(ruTable)
	b.Run("lookup", func(b *testing.B) {
		for b.Loop() {
			h.findPoints("эксплуатацией")
		}
	})
	b.Run("memo", func(b *testing.B) {
		for b.Loop() {
			h.points("эксплуатацией")
		}
	})
}
