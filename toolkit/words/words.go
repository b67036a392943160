// Package words splits text into words and reduces them to stems, the same way for search
// and for the framing checker. Word boundaries are Unicode-aware: Go's regexp \b is
// ASCII-only and never matches around Cyrillic letters.
package words

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// Token is one word of a text.
type Token struct {
	Text       string
	Start, End int // byte offsets into the text
}

// IsWordRune reports whether r belongs inside a word. Apostrophes inside a word are
// handled by Split; hyphens separate words, so «секс-работа» is two words.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// Split returns the words of s in order. An apostrophe between two letters stays inside
// the word ("don't", "O’Brien").
func Split(s string) []Token {
	var out []Token
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case IsWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0 && i+size < len(s):
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); !unicode.IsLetter(next) {
				out = append(out, Token{s[start:i], start, i})
				start = -1
			}
		default:
			if start >= 0 {
				out = append(out, Token{s[start:i], start, i})
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		out = append(out, Token{s[start:], start, len(s)})
	}
	return out
}

// IsCyrillic reports whether the word is written mostly in Cyrillic.
func IsCyrillic(w string) bool {
	cyr, other := 0, 0
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			other++
		}
	}
	return cyr > other
}

// Fold lower-cases a word and folds ё to е and the typographic apostrophe to a plain one.
func Fold(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsAny(w, "ё’") {
		w = strings.NewReplacer("ё", "е", "’", "'").Replace(w)
	}
	return w
}

// Stem folds a word and reduces it to its Snowball stem: Russian for Cyrillic words,
// English (Porter2) for the rest.
func Stem(w string) string {
	w = Fold(w)
	if IsCyrillic(w) {
		return russian.Stem(w, true)
	}
	if !isASCIIWord(w) {
		return w
	}
	return english.Stem(w, true)
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Stems splits s and stems every word.
func Stems(s string) []string {
	toks := Split(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = Stem(t.Text)
	}
	return out
}
