package library

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize collapses every run of white space (spaces, line breaks, no-break spaces) to
// one space and trims the ends: the form in which evidence passages are compared.
func Normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// passageIndex holds each source's passages normalised, built once per validation.
type passageIndex map[string][]string

func (l *Library) passageIndex() passageIndex {
	idx := passageIndex{}
	for _, it := range l.items {
		if it.Kind != KindSource || len(it.Passages) == 0 {
			continue
		}
		ps := make([]string, len(it.Passages))
		for i, p := range it.Passages {
			ps[i] = Normalize(p.Text)
		}
		idx[it.ID] = ps
	}
	return idx
}

// FindPassage returns the index of the passage of src that contains quote verbatim
// (white space collapsed, case and punctuation as written), or -1.
func FindPassage(src *Item, quote string) int {
	q := Normalize(quote)
	for i, p := range src.Passages {
		if strings.Contains(Normalize(p.Text), q) {
			return i
		}
	}
	return -1
}

// notFound explains why quote is in none of passages: the passage that shares the longest
// opening run of the quote's words, and where the two part.
func notFound(srcID string, quote string, passages []string) string {
	ws := strings.Split(quote, " ")
	best, bestK := -1, 0
	for i, p := range passages {
		// The longest prefix of the quote found in p: containment of a prefix is
		// monotone in its length, so a binary search finds it.
		lo, hi := 0, len(ws)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if wordIndex(p, strings.Join(ws[:mid], " ")) >= 0 {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		if lo > bestK {
			best, bestK = i, lo
		}
	}
	msg := fmt.Sprintf("evidence passage not found verbatim in source %q (%s)", srcID, plural(len(passages), "stored passage"))
	if best < 0 {
		best = mostShared(ws, passages)
		return msg + fmt.Sprintf("; closest is passage %d, which starts %q; copy the source's words exactly (case and punctuation count)",
			best+1, clip(passages[best], 12, false))
	}
	p := passages[best]
	matched := strings.Join(ws[:bestK], " ")
	at := wordIndex(p, matched) + len(matched)
	return msg + fmt.Sprintf("; closest is passage %d, which starts %q: it agrees as far as %q, then reads %q where the evidence has %q",
		best+1, clip(p, 8, false), clip(matched, 6, true), orEnd(clip(strings.TrimSpace(p[at:]), 6, false)),
		orEnd(clip(strings.Join(ws[bestK:], " "), 6, false)))
}

func orEnd(s string) string {
	if s == "" {
		return "(the end)"
	}
	return s
}

// mostShared returns the passage sharing the most words with ws.
func mostShared(ws []string, passages []string) int {
	best, bestN := 0, -1
	for i, p := range passages {
		in := map[string]bool{}
		for _, w := range strings.Fields(p) {
			in[w] = true
		}
		n := 0
		for _, w := range ws {
			if in[w] {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// clip keeps n words of s, from its start or, with tail, from its end, marking the cut.
func clip(s string, n int, tail bool) string {
	ws := strings.Fields(s)
	if len(ws) <= n {
		return s
	}
	if tail {
		return "…" + strings.Join(ws[len(ws)-n:], " ")
	}
	return strings.Join(ws[:n], " ") + "…"
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// wordIndex returns the first index of sub in s where sub starts a word of s, or -1.
func wordIndex(s, sub string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		i += off
		if i == 0 {
			return 0
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return i
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		off = i + size
	}
}
