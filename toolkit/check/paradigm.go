package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/words"
)

// A paradigm is a Russian noun phrase in its twelve forms, as a term's `paradigms:` lists
// them, comma-separated, in this order:
//
//	singular: nominative, genitive, dative, accusative, instrumental, prepositional;
//	plural:   the same six.
//
// "-" stands for a form the phrase does not have. A paradigm holding one of the term's say
// phrases inflects that suggestion; any other paradigm lists forms of an avoided phrase,
// each matched as written. A match found in an avoided paradigm gives the case and number
// the suggestions are put in: «проститутками» → «секс-работницами».
const slots = 12

var slotNames = [slots]string{"sg.nom", "sg.gen", "sg.dat", "sg.acc", "sg.ins", "sg.prep",
	"pl.nom", "pl.gen", "pl.dat", "pl.acc", "pl.ins", "pl.prep"}

// slotPreference orders the readings of an ambiguous form when nothing in the sentence
// decides: subject and object before the oblique cases.
var slotPreference = []int{0, 6, 3, 9, 1, 7, 2, 8, 4, 10, 5, 11}

type paradigm struct {
	forms [slots]string // as written; "" when missing
	say   bool          // holds a say phrase: it inflects suggestions
}

type slotRef struct{ para, slot int }

type paradigms struct {
	list   []paradigm
	byForm map[string][]slotRef // normalised form → where it occurs
}

// normForm folds a phrase and joins its words with single spaces, so that «Секс-рабыни»
// and «секс рабыни» are one form.
func normForm(s string) string {
	toks := words.Split(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = words.Fold(t.Text)
	}
	return strings.Join(parts, " ")
}

func parseParadigms(entries, say []string) (*paradigms, error) {
	isSay := map[string]bool{}
	for _, s := range say {
		w, _ := splitNote(s)
		isSay[normForm(w)] = true
	}
	ps := &paradigms{byForm: map[string][]slotRef{}}
	for _, e := range entries {
		fields := strings.Split(e, ",")
		if len(fields) != slots {
			return nil, fmt.Errorf("paradigm %q has %d forms; give all %d (singular nominative … plural prepositional), with - for a missing one", e, len(fields), slots)
		}
		var p paradigm
		for i, f := range fields {
			f = strings.TrimSpace(f)
			if f == "-" || f == "" {
				continue
			}
			p.forms[i] = f
			if isSay[normForm(f)] {
				p.say = true
			}
		}
		n := len(ps.list)
		ps.list = append(ps.list, p)
		for i, f := range p.forms {
			if f != "" {
				k := normForm(f)
				ps.byForm[k] = append(ps.byForm[k], slotRef{n, i})
			}
		}
	}
	return ps, nil
}

// allForms lists every form of the avoided paradigms.
func (ps *paradigms) allForms() []string {
	if ps == nil {
		return nil
	}
	var out []string
	for _, p := range ps.list {
		if p.say {
			continue
		}
		for _, f := range p.forms {
			if f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}

// prepCase says which cases a preposition before the match allows.
var prepCase = map[string][]int{
	"от": {1}, "из": {1}, "у": {1}, "для": {1}, "без": {1}, "до": {1}, "против": {1}, "среди": {1},
	"около": {1}, "после": {1}, "кроме": {1}, "ради": {1}, "возле": {1}, "вокруг": {1}, "из-за": {1},
	"к": {2}, "ко": {2}, "по": {2},
	"с": {4}, "со": {4}, "над": {4}, "под": {4}, "перед": {4}, "между": {4}, "за": {4, 3},
	"о": {5}, "об": {5}, "обо": {5}, "при": {5}, "в": {5, 3}, "во": {5, 3}, "на": {5, 3}, "про": {3},
}

// inflect puts each suggestion in the case and number of the matched text, when the match
// is a form of an avoided paradigm and the suggestion has a paradigm of its own; other
// suggestions stay as written. prev is the word before the match, folded, or "".
func (ps *paradigms) inflect(suggestions []string, match, prev string) []string {
	if ps == nil {
		return suggestions
	}
	var cands []int
	for _, ref := range ps.byForm[normForm(match)] {
		if !ps.list[ref.para].say {
			cands = append(cands, ref.slot)
		}
	}
	if len(cands) == 0 {
		return suggestions
	}
	slot := pickSlot(cands, prev)
	upper := startsUpper(match)
	out := make([]string, len(suggestions))
	for i, s := range suggestions {
		out[i] = s
		// A note in brackets after a suggestion ("(for a specific case)") stays as it is;
		// the words before it agree with the match.
		s, note := splitNote(s)
		for _, ref := range ps.byForm[normForm(s)] {
			if p := ps.list[ref.para]; p.say && p.forms[slot] != "" {
				out[i] = p.forms[slot] + note
				break
			}
		}
		if upper {
			out[i] = capitalise(out[i])
		}
	}
	return out
}

// pickSlot chooses one reading of an ambiguous form: the one the preposition before it
// governs, or after a number the genitive plural, or else by slotPreference.
func pickSlot(cands []int, prev string) int {
	allowed := map[int]bool{}
	if cs, ok := prepCase[prev]; ok {
		for _, c := range cs {
			allowed[c], allowed[c+6] = true, true
		}
	} else if isQuantity(prev) {
		allowed[7] = true
	}
	for _, pass := range []bool{true, false} {
		for _, s := range slotPreference {
			for _, c := range cands {
				if c == s && (!pass || allowed[s]) {
					return s
				}
			}
		}
	}
	return cands[0]
}

func isQuantity(w string) bool {
	if w == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
		return true
	}
	for _, q := range []string{"пять", "шесть", "семь", "восемь", "девять", "десять", "двенадцать", "двадцать",
		"сто", "несколько", "много", "сотни", "тысячи", "десятки", "сотен", "тысяч", "десятков", "пятерых",
		"шестерых", "семерых", "девяти", "нескольких", "многих", "одиннадцать", "тридцать"} {
		if w == q {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// splitNote separates a trailing note in brackets from a suggestion: "пострадавшие (о
// конкретном случае)" is "пострадавшие" and " (о конкретном случае)".
func splitNote(s string) (words, note string) {
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			return s[:i], s[i:]
		}
	}
	return s, ""
}
