package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitLead splits r after the first sentence of its first paragraph: the lead, which a
// handout sets in bold so that a quick scan reads the facts, and the rest. When the first
// paragraph is one sentence, rest holds only the later paragraphs.
func (r Rich) SplitLead() (lead, rest Rich) {
	if len(r) == 0 {
		return nil, nil
	}
	first := r[0]
	// Offsets of the first paragraph's text, span by span.
	var all strings.Builder
	for _, s := range first.Spans {
		all.WriteString(s.Text)
	}
	cut := sentenceEnd(all.String())
	if cut < 0 {
		return Rich{first}, append(Rich(nil), r[1:]...)
	}
	var a, b []Span
	pos := 0
	for _, s := range first.Spans {
		end := pos + len(s.Text)
		switch {
		case end <= cut:
			a = append(a, s)
		case pos >= cut:
			b = append(b, s)
		default:
			x, y := s, s
			x.Text, y.Text = s.Text[:cut-pos], s.Text[cut-pos:]
			a = append(a, x)
			b = append(b, y)
		}
		pos = end
	}
	// The rest starts without the space that followed the sentence.
	for len(b) > 0 {
		b[0].Text = strings.TrimLeftFunc(b[0].Text, unicode.IsSpace)
		if b[0].Text != "" {
			break
		}
		b = b[1:]
	}
	lead = Rich{{Spans: trimRight(a), Bullet: first.Bullet}}
	if len(b) > 0 {
		rest = append(rest, Para{Spans: b})
	}
	return lead, append(rest, r[1:]...)
}

func trimRight(ss []Span) []Span {
	out := append([]Span(nil), ss...)
	if n := len(out); n > 0 {
		out[n-1].Text = strings.TrimRightFunc(out[n-1].Text, unicode.IsSpace)
	}
	return out
}

// sentenceEnd is the byte offset just after the first sentence of s that is followed by
// more text, or -1: a full stop, question or exclamation mark (and any closing quote or
// bracket) before white space and a capital, a digit or an opening quote, not after a
// single letter ("J. Smith", "U.S.").
func sentenceEnd(s string) int {
	for i, r := range s {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(s) {
			c, n := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune("\"'»”’)]", c) {
				break
			}
			j += n
		}
		k := j
		for k < len(s) {
			c, n := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += n
		}
		if k == j || k >= len(s) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("«“\"", next) {
			continue
		}
		// The word before the mark: a single letter is an initial or an abbreviation.
		w := strings.LastIndexFunc(s[:i], func(c rune) bool { return unicode.IsSpace(c) || c == '.' })
		if utf8.RuneCountInString(s[w+1:i]) < 2 && r == '.' {
			continue
		}
		return j
	}
	return -1
}
