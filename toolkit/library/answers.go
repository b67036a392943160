package library

import (
	"strings"
	"unicode"
)

// MaxAnswerWords is the message-map limit on a tough-question answer: about nine seconds
// spoken.
const MaxAnswerWords = 27

// DirectSentenceWords is the length up to which an answer's first sentence counts as
// direct even without "Yes" or "No".
const DirectSentenceWords = 12

// CountWords counts words as a reader does: a run of characters between spaces is one
// word when it holds a letter or a digit, so a number ("307", "2,000"), a hyphenated
// compound ("sex-worker-led", «секс-работа») and an abbreviation ("U.S.") are one word
// each, and a dash or a lone punctuation mark is none.
func CountWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// FirstSentence returns the first sentence of s: up to the first ".", "!", "?" or "…"
// that ends a word and is followed by the end of the text or by a space and a capital
// letter, a digit or an opening quote. "U.S. policy" and "e.g. this" do not end it.
func FirstSentence(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("\"'”’»)", rs[j]) {
			j++
		}
		if j == len(rs) {
			return strings.TrimSpace(s)
		}
		if !unicode.IsSpace(rs[j]) {
			continue
		}
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if j < len(rs) && (unicode.IsUpper(rs[j]) || unicode.IsDigit(rs[j]) || strings.ContainsRune("\"“«‘(", rs[j])) {
			return strings.TrimSpace(string(rs[:j]))
		}
	}
	return strings.TrimSpace(s)
}

// IsYesNo reports whether question asks for yes or no, by r's cues.
func (r *Rules) IsYesNo(question string) bool {
	if r == nil {
		return false
	}
	ws := cueWords(question)
	return startsWith(r.YesNoStarts, ws) != "" || find(r.YesNoContains, ws) != ""
}

// DirectWithin is how early in an answer's first sentence a direct word must come
// ("No.", "A Lancet model says yes: …").
const DirectWithin = 6

// IsDirect reports whether answer opens directly: one of r's direct words ("Yes", "No")
// is among the first DirectWithin words of its first sentence, or that sentence is at
// most DirectSentenceWords long.
func (r *Rules) IsDirect(answer string) bool {
	first := FirstSentence(answer)
	if CountWords(first) <= DirectSentenceWords {
		return true
	}
	if r == nil {
		return false
	}
	ws := cueWords(first)
	for i := 0; i < len(ws) && i < DirectWithin; i++ {
		if startsWith(r.DirectStarts, ws[i:]) != "" {
			return true
		}
	}
	return false
}
