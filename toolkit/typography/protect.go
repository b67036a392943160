package typography

import (
	"strings"
	"unicode"
)

// markCode protects code spans: a string of n backticks up to the next string of
// exactly n backticks, as in Markdown. An unmatched backtick is an ordinary character.
func (t *text) markCode() {
	type tickRun struct{ start, n int }
	var runs []tickRun
	for i := 0; i < len(t.r); {
		if t.r[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(t.r) && t.r[j] == '`' {
			j++
		}
		runs = append(runs, tickRun{i, j - i})
		i = j
	}
	// nextSame[k] is the index of the next run of the same length as run k.
	nextSame := make([]int, len(runs))
	last := map[int]int{}
	for k := len(runs) - 1; k >= 0; k-- {
		nextSame[k] = -1
		if m, ok := last[runs[k].n]; ok {
			nextSame[k] = m
		}
		last[runs[k].n] = k
	}
	for k := 0; k < len(runs); k++ {
		m := nextSame[k]
		if m < 0 {
			continue
		}
		for j := runs[k].start; j < runs[m].start+runs[m].n; j++ {
			t.keep[j] = true
		}
		k = m
	}
}

// markURLs protects URLs (scheme://…, www.…, mailto:…) and e-mail addresses, up to
// the first space, quote or angle bracket.
func (t *text) markURLs() {
	for i := 0; i < len(t.r); i++ {
		if t.keep[i] {
			continue
		}
		start := -1
		switch {
		case t.hasPrefix(i, "://"):
			b := i
			for b > 0 && isSchemeRune(t.r[b-1]) && !t.keep[b-1] {
				b--
			}
			for b < i && !isASCIILetter(t.r[b]) {
				b++
			}
			if b < i {
				start = b
			}
		case startsWWWOrM(t.r[i]) && (t.hasPrefixFold(i, "www.") || t.hasPrefixFold(i, "mailto:")):
			if !isWordish(t.at(i - 1)) {
				start = i
			}
		case t.r[i] == '@':
			start = t.email(i)
		}
		if start < 0 {
			continue
		}
		end := i
		for end < len(t.r) && !t.keep[end] && !isURLStop(t.r[end], t.at(end+1)) {
			end++
		}
		for j := start; j < end; j++ {
			t.keep[j] = true
		}
		i = end - 1
	}
}

// startsWWWOrM reports whether c lowercases to 'w' or 'm', the first letters of
// "www." and "mailto:": only the ASCII letters do (TestOnlyASCIIFoldsToWM), so most
// positions are passed over without case-folding.
func startsWWWOrM(c rune) bool { return c == 'w' || c == 'W' || c == 'm' || c == 'M' }

// email returns the start of the address whose @ is at i, or -1.
func (t *text) email(i int) int {
	b := i
	for b > 0 && isEmailRune(t.r[b-1]) && !t.keep[b-1] {
		b--
	}
	if b == i {
		return -1
	}
	dot := false
	for e := i + 1; e < len(t.r) && (isASCIILetter(t.r[e]) || isASCIIDigit(t.r[e]) || t.r[e] == '.' || t.r[e] == '-'); e++ {
		if t.r[e] == '.' && e > i+1 {
			dot = true
		}
	}
	if !dot {
		return -1
	}
	return b
}

func (t *text) hasPrefix(i int, p string) bool {
	for _, c := range p {
		if i >= len(t.r) || t.r[i] != c || t.keep[i] {
			return false
		}
		i++
	}
	return true
}

func (t *text) hasPrefixFold(i int, p string) bool {
	for _, c := range p {
		if i >= len(t.r) || unicode.ToLower(t.r[i]) != c || t.keep[i] {
			return false
		}
		i++
	}
	return true
}

// isURLStop reports whether c, followed by next, ends a URL. An apostrophe inside a
// URL (/don't) belongs to it; one after it is a closing quote.
func isURLStop(c, next rune) bool {
	if c == '\'' || c == '’' {
		return !isWord(next)
	}
	return unicode.IsSpace(c) || strings.ContainsRune("\"<>`«»“”„‘", c)
}

func isSchemeRune(c rune) bool {
	return isASCIILetter(c) || isASCIIDigit(c) || c == '+' || c == '.' || c == '-'
}

func isEmailRune(c rune) bool {
	return isASCIILetter(c) || isASCIIDigit(c) || strings.ContainsRune("._%+-", c)
}

func isASCIILetter(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIDigit(c rune) bool  { return c >= '0' && c <= '9' }

// isWord reports whether c is part of a word for quote and apostrophe decisions.
func isWord(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
}

// isWordish reports whether c glues to a neighbouring word, so that the word is not
// a free-standing short word or the start of a URL.
func isWordish(c rune) bool {
	return isWord(c) || strings.ContainsRune("-'’._@/", c)
}

// isHSpace reports whether c is horizontal white space (not a line break).
func isHSpace(c rune) bool {
	return c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0x85 &&
		c != '\u2028' && c != '\u2029' && unicode.IsSpace(c)
}

func isDash(c rune) bool {
	return c == '-' || c == enDash || c == emDash || c == '‒' || c == '―' || c == '−'
}
