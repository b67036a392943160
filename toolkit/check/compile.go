package check

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/words"
)

// Checker holds the terms compiled into matchers, one index per language. It is read-only
// after Compile and safe for concurrent use.
type Checker struct {
	langs map[string]*index
	order []string
}

// rule is what a finding reports about its term, and what decides its sense.
type rule struct {
	id          string
	lang        string
	severity    Severity
	message     string
	suggestions []string
	// cues are words that, in the same sentence, show a match is meant literally (the sea,
	// an accident, a law); needs, when set, are words one of which the sentence must hold
	// for a match to count (police, a raid, sex work).
	cues, needs []cue
	// paradigms inflect the suggestions to agree with the match (Russian).
	paradigms *paradigms
}

// phrase is one avoided word sequence of a term, or (say set) one that is recommended or
// (say set too) a fixed phrase with another sense: a match inside either is no finding.
type phrase struct {
	rule  *rule
	words []*wordPat
	say   bool
}

// wordPat matches one word of a phrase.
//
// In English a word matches by its folded spelling or an inflection of it (plural,
// possessive, -ed, -ing), never by Snowball stem: English stems merge derivations that mean
// different things ("illegal"/"illegally", "immigrant"/"immigration"). In the other
// languages a word matches when its folded spelling or Snowball stem equals the pattern's,
// or when its stem is the pattern's whole word (the stem of «нелегал» is «нелега», but that
// of «нелегалов» is «нелегал»).
type wordPat struct {
	fold  string
	forms map[string]bool // English: every accepted folded spelling
	stem  string
	// stemPrefix: stem is a prefix of fold, so a word that does not start with stem
	// cannot match and need not be stemmed. True for every Russian word.
	stemPrefix bool
}

// head is a first word and the phrases that start with it: the word is tested once for
// all of them («нелегальных мигрантов», «нелегальных работников», …).
type head struct {
	w       *wordPat
	phrases []*phrase
}

// index holds the phrases of one language, keyed by their first word so that each word
// of a draft is looked up once.
type index struct {
	lang    string
	english bool
	// exact maps each accepted spelling of a first word to its heads (English).
	exact map[string][]*head
	// prefix maps the first keyRunes runes (all of a shorter stem) of a first word's stem,
	// and of its spelling when the stem is no prefix of it, to its heads.
	prefix map[string][]*head
	// keyLens lists the key lengths in use, in runes, ascending.
	keyLens []int
	// pats and heads hold every word pattern and head by folded word.
	pats  map[string]*wordPat
	heads map[string]*head
}

const keyRunes = 3

// Compile builds the matchers for the terms in the given languages. Items that are not
// terms are an error; a term without text in a language is skipped in that language.
func Compile(terms []*library.Item, langs []string) (*Checker, error) {
	if len(langs) == 0 {
		return nil, errors.New("compile terms: no languages given")
	}
	c := &Checker{langs: map[string]*index{}, order: slices.Clone(langs)}
	for _, lang := range langs {
		c.langs[lang] = &index{lang: lang, english: lang == "en",
			exact: map[string][]*head{}, prefix: map[string][]*head{},
			pats: map[string]*wordPat{}, heads: map[string]*head{}}
	}
	seen := map[string]bool{} // phrases compiled, so that one listed twice is matched once
	for _, it := range terms {
		if it == nil {
			return nil, errors.New("compile terms: nil item")
		}
		if it.Kind != library.KindTerm {
			return nil, fmt.Errorf("compile terms: %s is a %s, not a term", it.ID, it.Kind)
		}
		for _, lang := range langs {
			if it.Text[lang] == nil {
				continue
			}
			ix := c.langs[lang]
			sev, err := ParseSeverity(it.Severity)
			if err != nil {
				return nil, fmt.Errorf("compile terms: %s: %v", it.ID, err)
			}
			r := &rule{id: it.ID, lang: lang, severity: sev, message: oneLine(it.Get(lang, "why")),
				suggestions: append([]string{}, it.List(lang, "say")...)}
			for _, q := range it.List(lang, "cues") {
				r.cues = append(r.cues, ix.cue(q))
			}
			for _, q := range it.List(lang, "needs") {
				r.needs = append(r.needs, ix.cue(q))
			}
			if ps := it.List(lang, "paradigms"); len(ps) > 0 {
				if r.paradigms, err = parseParadigms(ps, it.List(lang, "say")); err != nil {
					return nil, fmt.Errorf("compile terms: %s [%s]: %v", it.ID, lang, err)
				}
			}
			avoid := append(slices.Clone(it.List(lang, "avoid")), it.List(lang, "forms")...)
			avoid = append(avoid, r.paradigms.allForms()...)
			for _, a := range avoid {
				ix.add(r, a, false, seen)
				if closed, ok := closedCompound(a); ok {
					ix.add(r, closed, false, seen)
				}
			}
			for _, s := range it.List(lang, "say") {
				ix.add(r, s, true, seen)
			}
			for _, s := range it.List(lang, "except") {
				ix.add(r, s, true, seen)
			}
		}
	}
	return c, nil
}

// Langs returns the languages the checker was compiled for, in the order given.
func (c *Checker) Langs() []string { return slices.Clone(c.order) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// closedCompound returns a two-word phrase written as one word, as drafts write
// «сексрабыня» and "sexslave", when its first word is one that compounds so ("sex", «секс»).
func closedCompound(phrase string) (string, bool) {
	toks := words.Split(phrase)
	if len(toks) != 2 {
		return "", false
	}
	switch words.Fold(toks[0].Text) {
	case "sex", "секс":
		return toks[0].Text + toks[1].Text, true
	}
	return "", false
}

// add compiles one phrase of a term; a phrase with no words is left out (SelfTest reports it).
func (ix *index) add(r *rule, text string, say bool, seen map[string]bool) {
	toks := words.Split(text)
	if len(toks) == 0 {
		return
	}
	p := &phrase{rule: r, say: say, words: make([]*wordPat, len(toks))}
	folds := make([]string, len(toks))
	for i, t := range toks {
		folds[i] = words.Fold(t.Text)
		p.words[i] = ix.pattern(folds[i])
	}
	dedup := fmt.Sprintf("%s\x00%s\x00%t\x00%s", ix.lang, r.id, say, strings.Join(folds, " "))
	if seen[dedup] {
		return
	}
	seen[dedup] = true

	h := ix.heads[folds[0]]
	if h == nil {
		h = &head{w: p.words[0]}
		ix.heads[folds[0]] = h
		ix.addHead(h)
	}
	h.phrases = append(h.phrases, p)
}

// pattern returns the pattern of the folded word f, made once per index.
func (ix *index) pattern(f string) *wordPat {
	if w := ix.pats[f]; w != nil {
		return w
	}
	w := &wordPat{fold: f}
	if ix.english {
		w.forms = map[string]bool{}
		for _, form := range englishForms(f) {
			w.forms[form] = true
		}
	} else {
		w.stem = words.Stem(f)
		if w.stem == "" {
			w.stem = f
		}
		w.stemPrefix = strings.HasPrefix(f, w.stem)
	}
	ix.pats[f] = w
	return w
}

// addHead files a new head under the keys a draft's word will be looked up by.
func (ix *index) addHead(h *head) {
	if ix.english {
		for form := range h.w.forms {
			ix.exact[form] = append(ix.exact[form], h)
		}
		return
	}
	keys := []string{prefixKey(h.w.stem)}
	if k := prefixKey(h.w.fold); !h.w.stemPrefix && k != keys[0] {
		keys = append(keys, k)
	}
	for _, k := range keys {
		ix.prefix[k] = append(ix.prefix[k], h)
		if n := utf8.RuneCountInString(k); !slices.Contains(ix.keyLens, n) {
			ix.keyLens = append(ix.keyLens, n)
			slices.Sort(ix.keyLens)
		}
	}
}

// prefixKey is the first keyRunes runes of s, or all of s when it is shorter.
func prefixKey(s string) string {
	n := 0
	for i := range s {
		if n == keyRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// englishForms lists the spellings that count as the folded English word w: itself, its
// plurals, possessives and verb endings. Spellings that are not words do no harm: they never
// occur in a draft.
func englishForms(w string) []string {
	forms := []string{w, w + "s", w + "es", w + "'s", w + "s'"}
	n := len(w)
	if n == 0 {
		return forms
	}
	last := w[n-1]
	consonantY := last == 'y' && n > 1 && !isVowel(w[n-2])
	if consonantY {
		forms = append(forms, w[:n-1]+"ies", w[:n-1]+"ies'", w[:n-1]+"ied")
	}
	if strings.HasSuffix(w, "man") {
		forms = append(forms, w[:n-3]+"men", w[:n-3]+"men's")
	}
	if strings.HasSuffix(w, "es") || strings.HasSuffix(w, "s") {
		forms = append(forms, w+"'")
	}
	switch {
	case last == 'e':
		forms = append(forms, w+"d", w[:n-1]+"ing")
	case last == 'c':
		forms = append(forms, w+"ked", w+"king", w+"ed", w+"ing")
	default:
		forms = append(forms, w+"ed", w+"ing")
		// A final consonant after a single vowel may double: "rob", "robbed".
		if n >= 3 && isConsonant(last) && isVowel(w[n-2]) && isConsonant(w[n-3]) && !strings.ContainsRune("wxy", rune(last)) {
			forms = append(forms, w+string(last)+"ed", w+string(last)+"ing")
		}
	}
	return forms
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func isConsonant(b byte) bool { return b >= 'a' && b <= 'z' && !isVowel(b) }
