package check

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/words"
)

// inline blanks the inline constructs of a Markdown line from offset i.
func (b *blanker) inline(out []byte, i int) {
	var la lookahead
	for i < len(out) {
		switch c := out[i]; {
		case !mayOpen(c):
			i++
		case c == '\\':
			if i+1 < len(out) && isASCIIPunct(out[i+1]) {
				i += 2
			} else {
				i++
			}
		case c == '`':
			n := runLen(out[i:], '`')
			if end := la.closingTicks(out, i+n, n); end >= 0 {
				fill(out[i : end+n])
				i = end + n
			} else {
				i += n
			}
		case c == '<' && bytes.HasPrefix(out[i:], []byte("<!--")):
			j := bytes.Index(out[i+4:], []byte("-->"))
			if j < 0 {
				fill(out[i:])
				b.inComment = true
				return
			}
			fill(out[i : i+4+j+3])
			i += 4 + j + 3
		case c == '<':
			if n := autolinkLen(out[i:]); n > 0 {
				fill(out[i : i+n])
				i += n
			} else {
				i++
			}
		case c == ']' && i+1 < len(out) && out[i+1] == '(':
			if end := la.destinationEnd(out, i+1); end > 0 {
				fill(out[i+1 : end])
				i = end
			} else {
				i++
			}
		case c == ']' && i+1 < len(out) && out[i+1] == '[':
			// [text][label]: the label names a definition, it is not prose.
			if j := bytes.IndexByte(out[i+2:], ']'); j >= 0 {
				fill(out[i+1 : i+2+j+1])
				i += 2 + j + 1
			} else {
				i++
			}
		default:
			if n := urlLen(out, i); n > 0 {
				fill(out[i : i+n])
				i += n
			} else {
				i++
			}
		}
	}
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && bytes.IndexByte([]byte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"), c) >= 0
}

// mayOpen reports whether an inline construct may start at byte c; most bytes are prose.
func mayOpen(c byte) bool {
	switch c {
	case '\\', '`', '<', ']', 'h', 'H', 'w', 'W':
		return true
	}
	return false
}

// lookahead answers, for one line, what the inline scanner looks ahead for: the closing
// backtick run of a code span and the closing parenthesis of a link destination. Each is
// worked out once for the whole line, when first asked, so that a line full of openers that
// never close still takes linear time.
type lookahead struct {
	runs   map[int][]int // backtick runs by length: their offsets, ascending
	closes map[int]int   // offset of the "(" of a "](" → offset just after its ")"
}

// closingTicks returns the offset of the first run of exactly n backticks at or after
// from, or -1.
func (la *lookahead) closingTicks(out []byte, from, n int) int {
	if la.runs == nil {
		la.runs = map[int][]int{}
		for i := from; i < len(out); {
			if out[i] != '`' {
				i++
				continue
			}
			m := runLen(out[i:], '`')
			la.runs[m] = append(la.runs[m], i)
			i += m
		}
	}
	offs := la.runs[n]
	k, _ := slices.BinarySearch(offs, from)
	for ; k < len(offs); k++ {
		// A run may have been blanked since, inside a link destination or an autolink.
		if out[offs[k]] == '`' {
			return offs[k]
		}
	}
	return -1
}

// destinationEnd returns the offset just after the ")" that closes the link destination
// opening at out[open], balancing parentheses, or 0 when it does not close on this line.
func (la *lookahead) destinationEnd(out []byte, open int) int {
	if la.closes == nil {
		// The "(" that a ")" closes does not depend on what comes before the "(", so the
		// line is matched once, from the first "](".
		la.closes = map[int]int{}
		var stack []int
		for i := open; i < len(out); i++ {
			switch out[i] {
			case '\\':
				i++
			case '(':
				stack = append(stack, i)
			case ')':
				if len(stack) > 0 {
					o := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if out[o-1] == ']' {
						la.closes[o] = i + 1
					}
				}
			}
		}
	}
	return la.closes[open]
}

// autolinkLen returns the length of an autolink, <https://…> or <name@host>, at the start
// of s, or 0. The look for ">" stops at the first space or "<", which an autolink cannot
// hold, so each byte is looked at by one "<" at most.
func autolinkLen(s []byte) int {
	j := 1
	for j < len(s) && s[j] != '>' {
		if s[j] <= ' ' || s[j] == '<' {
			return 0
		}
		j++
	}
	if j == len(s) || j < 2 {
		return 0
	}
	inner := s[1:j]
	if k := bytes.IndexByte(inner, ':'); k >= 2 && k <= 32 && isScheme(inner[:k]) {
		return j + 1
	}
	if bytes.IndexByte(inner, '@') > 0 {
		return j + 1
	}
	return 0
}

func isScheme(s []byte) bool {
	for i, c := range s {
		letter := c|0x20 >= 'a' && c|0x20 <= 'z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return true
}

// blankURLs blanks every bare URL of a plain-text line.
func blankURLs(out []byte) {
	for i := 0; i < len(out); {
		if n := urlLen(out, i); n > 0 {
			fill(out[i : i+n])
			i += n
		} else {
			i++
		}
	}
}

// urlLen returns the length of a bare URL (http://, https://, www.) starting at out[i] and
// not inside a word, or 0. Trailing punctuation and an unbalanced closing parenthesis are
// left out, as GitHub does.
func urlLen(out []byte, i int) int {
	c := out[i] | 0x20
	if c != 'h' && c != 'w' {
		return 0
	}
	if !hasPrefixFold(out[i:], "http://") && !hasPrefixFold(out[i:], "https://") && !hasPrefixFold(out[i:], "www.") {
		return 0
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRune(out[:i]); words.IsWordRune(r) {
			return 0
		}
	}
	end := i
	for end < len(out) {
		r, size := utf8.DecodeRune(out[end:])
		if unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == '`' ||
			r == '«' || r == '»' || r == '“' || r == '”' || r == '„' {
			break
		}
		end += size
	}
	open, closed := bytes.Count(out[i:end], []byte("(")), bytes.Count(out[i:end], []byte(")"))
	for end > i {
		switch c := out[end-1]; {
		case c == ')' && closed > open:
			closed--
		case bytes.IndexByte([]byte(".,:;!?'*_~"), c) >= 0:
		default:
			return end - i
		}
		end--
	}
	return end - i
}

func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i]|0x20 != prefix[i] && s[i] != prefix[i] {
			return false
		}
	}
	return true
}
