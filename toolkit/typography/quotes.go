package typography

import (
	"strings"
	"unicode"
)

// Kinds of open quotation on the stack: opened by a straight double quote, by a
// straight single quote, or already typographic in the input.
const (
	kindDouble = iota
	kindSingle
	kindTyped
)

type openQuote struct {
	close rune
	kind  int
}

// quotes replaces straight quotes and apostrophes in place. A quote opens after a
// space, bracket, dash or opening mark and closes anywhere else; quotes nested in
// quotes take the inner marks. Typographic quotes already in the text are kept and
// take part in the nesting. A straight quote with space on both sides is left alone.
func (t *text) quotes(rules Rules) {
	q := rules.Quotes
	on := q[0] != 0 && q[1] != 0 && q[2] != 0 && q[3] != 0
	if !on && rules.Apostrophe == 0 {
		return
	}
	var stack []openQuote
	for i, c := range t.r {
		if t.keep[i] {
			continue
		}
		prev, next := t.at(i-1), t.at(i+1)
		opening := opensAfter(prev, q)
		stray := (prev == 0 || unicode.IsSpace(prev)) && (next == 0 || unicode.IsSpace(next))
		switch {
		case !on && c != '\'':
			continue
		case c == '"' && !stray:
			if opening {
				o := q[0]
				stack = append(stack, openQuote{close: q[1], kind: kindDouble})
				if len(stack)%2 == 0 {
					o = q[2]
					stack[len(stack)-1].close = q[3]
				}
				t.r[i] = o
				continue
			}
			t.r[i] = q[1]
			for j := len(stack) - 1; j >= 0; j-- {
				if stack[j].kind != kindSingle {
					t.r[i] = stack[j].close
					stack = stack[:j]
					break
				}
			}
		case c == '\'' && !stray:
			top := len(stack) - 1
			switch {
			case isWord(prev) && isWord(next), opening && isASCIIDigit(next):
				t.apostrophe(i, rules)
			case opening && on:
				t.r[i] = q[2]
				stack = append(stack, openQuote{close: q[3], kind: kindSingle})
			case top >= 0 && stack[top].kind == kindSingle:
				t.r[i] = stack[top].close
				stack = stack[:top]
			case !opening:
				t.apostrophe(i, rules)
			}
		case c == rules.Apostrophe && isWord(prev) && isWord(next):
			// An apostrophe inside a word (don’t) even where it doubles as a quote mark.
		case c != '"' && c != '\'':
			// A typographic mark: close the innermost quote it matches, or open one.
			if top := len(stack) - 1; top >= 0 && stack[top].close == c {
				stack = stack[:top]
			} else if c == q[0] {
				stack = append(stack, openQuote{close: q[1], kind: kindTyped})
			} else if c == q[2] {
				stack = append(stack, openQuote{close: q[3], kind: kindTyped})
			}
		}
	}
}

func (t *text) apostrophe(i int, rules Rules) {
	if rules.Apostrophe != 0 {
		t.r[i] = rules.Apostrophe
	}
}

// opensAfter reports whether a quote after prev opens a quotation.
func opensAfter(prev rune, q [4]rune) bool {
	return prev == 0 || unicode.IsSpace(prev) || isDash(prev) ||
		strings.ContainsRune("([{</", prev) || prev == q[0] || prev == q[2]
}
