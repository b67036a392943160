// Package typography turns plain typed text into the typographic conventions of a
// language: curly quotes or «ёлочки», apostrophes, em dashes and non-breaking spaces.
//
// The conventions are data (a Rules value, usually read from a locale file by package
// i18n), so the renderers never branch on the language. Every function here is
// idempotent: applying it to its own output changes nothing, and it never alters
// quotes that are already typographic, URLs, e-mail addresses or `code`.
package typography

import (
	"strings"
	"unicode/utf8"
)

const (
	nbsp       = '\u00a0'
	softHyphen = '\u00ad'
	emDash     = '—'
	enDash     = '–'
)

// Rules are the typographic conventions of one language.
type Rules struct {
	// Quotes are the outer opening, outer closing, inner opening and inner closing
	// marks, e.g. “ ” ‘ ’ for English and « » „ “ for Russian. A zero Quotes leaves
	// straight quotes alone.
	Quotes [4]rune
	// Apostrophe replaces a straight apostrophe (don't, O'Brien, '90s). Zero leaves
	// it alone.
	Apostrophe rune
	// NbspAfter lists short words, compared case-insensitively, that a non-breaking
	// space binds to the word after them (Russian prepositions and conjunctions).
	NbspAfter []string
	// NbspBefore lists particles that a non-breaking space binds to the word before
	// them (Russian бы, ли, же).
	NbspBefore []string
	// NbspBeforeDash puts a non-breaking space before a spaced em dash, so that a
	// line never starts with the dash.
	NbspBeforeDash bool
	// StopAfterQuote puts the full stop of a quoted sentence after the closing mark
	// (Russian «…людьми».), not before it (English “…people.”).
	StopAfterQuote bool
}

// Quote sets a whole quoted sentence in the outer quotation marks of rules, with its
// full stop where the language puts it. A question or exclamation mark, or an ellipsis,
// stays inside in every language.
func Quote(rules Rules, sentence string) string {
	open, closing := "\"", "\""
	if rules.Quotes[0] != 0 {
		open, closing = string(rules.Quotes[0]), string(rules.Quotes[1])
	}
	if rules.StopAfterQuote && strings.HasSuffix(sentence, ".") && !strings.HasSuffix(sentence, "..") {
		return open + strings.TrimSuffix(sentence, ".") + closing + "."
	}
	return open + sentence + closing
}

// Apply returns s with the typography of rules applied.
func Apply(rules Rules, s string) string {
	return ApplyRuns(rules, []string{s})[0]
}

// ApplyRuns applies rules to consecutive runs of one paragraph, such as the text
// between emphasis in rendered Markdown, as if they were one string: a quote opened
// in one run is closed in a later one, and a dash or a non-breaking space sees the
// words of the neighbouring runs. It returns one string per run, in order; the runs
// joined equal Apply of the joined input.
func ApplyRuns(rules Rules, runs []string) []string {
	t := newText(runs)
	t.markCode()
	t = t.stripSoftHyphens()
	t.markURLs()
	t = t.dashes()
	t.quotes(rules)
	t.nbspWords(rules)
	if rules.NbspBeforeDash {
		t.nbspBeforeDash()
	}
	return t.split(len(runs))
}

// text is a paragraph being worked on: its runes, the run each rune came from and
// whether the rune is protected (inside code or a URL) from every change.
type text struct {
	r    []rune
	run  []int
	keep []bool
}

func newText(runs []string) *text {
	n := 0
	for _, s := range runs {
		n += utf8.RuneCountInString(s)
	}
	t := &text{r: make([]rune, 0, n), run: make([]int, 0, n), keep: make([]bool, n)}
	for i, s := range runs {
		for _, c := range s {
			t.r = append(t.r, c)
			t.run = append(t.run, i)
		}
	}
	return t
}

// grown returns an empty text with room for n runes.
func grown(n int) *text {
	return &text{r: make([]rune, 0, n), run: make([]int, 0, n), keep: make([]bool, 0, n)}
}

// add appends c, attributed to run and protection of the source rune at i.
func (t *text) add(c rune, src *text, i int) {
	t.r = append(t.r, c)
	t.run = append(t.run, src.run[i])
	t.keep = append(t.keep, src.keep[i])
}

// split returns the text of each of the n runs. Runes keep the order of their runs,
// so each run's text is one stretch of t.r.
func (t *text) split(n int) []string {
	res := make([]string, n)
	for i := 0; i < len(t.r); {
		j := i + 1
		for j < len(t.r) && t.run[j] == t.run[i] {
			j++
		}
		res[t.run[i]] += string(t.r[i:j])
		i = j
	}
	return res
}

// at returns the rune at i, or 0 outside the text.
func (t *text) at(i int) rune {
	if i < 0 || i >= len(t.r) {
		return 0
	}
	return t.r[i]
}

func (t *text) stripSoftHyphens() *text {
	found := false
	for i, c := range t.r {
		found = found || c == softHyphen && !t.keep[i]
	}
	if !found {
		return t
	}
	out := grown(len(t.r))
	for i, c := range t.r {
		if c == softHyphen && !t.keep[i] {
			continue
		}
		out.add(c, t, i)
	}
	return out
}
