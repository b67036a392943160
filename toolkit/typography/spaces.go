package typography

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dashes turns a hyphen standing for a dash into an em dash: " - " and " -- "
// between words, and "--" or "---" joining two words ("word--word" becomes
// "word — word"; between digits, "1--5" becomes the range "1–5").
func (t *text) dashes() *text {
	n := len(t.r)
	var out *text // nil until the first change: most hyphens stay hyphens
	change := func(i int) {
		if out == nil {
			out = grown(n + 8)
			out.r = append(out.r, t.r[:i]...)
			out.run = append(out.run, t.run[:i]...)
			out.keep = append(out.keep, t.keep[:i]...)
		}
	}
	for i := 0; i < n; {
		if t.r[i] != '-' || t.keep[i] {
			if out != nil {
				out.add(t.r[i], t, i)
			}
			i++
			continue
		}
		j := i
		for j < n && t.r[j] == '-' && !t.keep[j] {
			j++
		}
		ls, lx := t.side(i-1, -1)
		rs, rx := t.side(j, +1)
		k := j - i
		ok := lx != 0 && rx != 0
		switch {
		case ok && ls && rs && k <= 3:
			change(i)
			out.add(emDash, t, i)
		case ok && !ls && !rs && (k == 2 || k == 3):
			change(i)
			if isASCIIDigit(lx) && isASCIIDigit(rx) {
				out.add(enDash, t, i)
			} else {
				out.add(' ', t, i)
				out.add(emDash, t, i)
				out.add(' ', t, i)
			}
		default:
			if out != nil {
				for m := i; m < j; m++ {
					out.add(t.r[m], t, m)
				}
			}
		}
		i = j
	}
	if out == nil {
		return t
	}
	return out
}

// side looks from position i in direction dir past at most one horizontal space and
// reports whether there was a space and the word character beyond it, or 0 when
// there is no such character (text edge, line break, two spaces or another dash).
func (t *text) side(i, dir int) (spaced bool, c rune) {
	c = t.at(i)
	if isHSpace(c) {
		spaced = true
		c = t.at(i + dir)
	}
	if c == 0 || unicode.IsSpace(c) || isDash(c) {
		return spaced, 0
	}
	return spaced, c
}

// nbspWords binds the short words of rules to their neighbours with non-breaking
// spaces: "в Торонто" becomes "в\u00a0Торонто", "если бы" becomes "если\u00a0бы".
func (t *text) nbspWords(rules Rules) {
	if len(rules.NbspAfter) == 0 && len(rules.NbspBefore) == 0 {
		return
	}
	// Simple case folding maps a rune to a rune: only a word with as many letters as
	// some listed word can match one, and most words are longer than any listed.
	after, before := runeLengths(rules.NbspAfter), runeLengths(rules.NbspBefore)
	n := len(t.r)
	for s := 0; s < n; {
		if !unicode.IsLetter(t.r[s]) {
			s++
			continue
		}
		e := s
		for e < n && unicode.IsLetter(t.r[e]) {
			e++
		}
		if !after.has(e-s) && !before.has(e-s) {
			s = e
			continue
		}
		word := string(t.r[s:e])
		free := !isWordish(t.at(s-1)) && !gluesAfter(t.at(e)) && !slices.Contains(t.keep[s:e], true)
		if free && t.at(e) == ' ' && !t.keep[e] && e+1 < n && !unicode.IsSpace(t.r[e+1]) && after.has(e-s) && containsFold(rules.NbspAfter, word) {
			t.r[e] = nbsp
		}
		if free && t.at(s-1) == ' ' && !t.keep[s-1] && s >= 2 && !unicode.IsSpace(t.r[s-2]) && before.has(e-s) && containsFold(rules.NbspBefore, word) {
			t.r[s-1] = nbsp
		}
		s = e
	}
}

// lengthSet is a set of word lengths in runes; lengths past 63 count as 63.
type lengthSet uint64

func runeLengths(words []string) lengthSet {
	var set lengthSet
	for _, w := range words {
		set |= 1 << min(utf8.RuneCountInString(w), 63)
	}
	return set
}

func (set lengthSet) has(n int) bool { return set&(1<<min(n, 63)) != 0 }

// nbspBeforeDash replaces the space before a spaced em dash with a non-breaking one.
func (t *text) nbspBeforeDash() {
	for i := 2; i < len(t.r); i++ {
		if t.r[i] == emDash && !t.keep[i] && t.r[i-1] == ' ' && !t.keep[i-1] && !unicode.IsSpace(t.r[i-2]) {
			t.r[i-1] = nbsp
		}
	}
}

// gluesAfter reports whether c, following a word, makes it part of a longer word.
func gluesAfter(c rune) bool {
	return isWord(c) || c == '-' || c == '\'' || c == '’'
}

func containsFold(words []string, w string) bool {
	for _, x := range words {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}
