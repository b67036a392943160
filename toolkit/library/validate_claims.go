package library

import (
	"fmt"
	"regexp"
	"strings"
)

// ClaimField names, for each claim-bearing kind, the language field that states the
// claim: the one evidence supports and attribution is checked in.
var ClaimField = map[Kind]string{
	KindPoint:    "explanation",
	KindFact:     "text",
	KindMyth:     "fact",
	KindQuestion: "answer",
	KindTerm:     "why",
}

var asOfRe = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// validateSource checks a source's type.
func (l *Library) validateSource(it *Item, add adder) {
	switch {
	case it.Type == "" && given(it, "type"):
		// malformed: the loader has said so
	case it.Type == "":
		add(it.Pos, "", "a source needs a type: add `type: research` (one of %s: what the source is)", strings.Join(SourceTypes, ", "))
	case !contains(SourceTypes, it.Type):
		add(it.FieldPosition("type"), "", "unknown source type %q%s", it.Type, oneOf(it.Type, SourceTypes))
	}
}

type adder func(pos Pos, lang, format string, args ...any)

// oneOf suggests the nearest of values, or lists them.
func oneOf(v string, values []string) string {
	if best := closest(v, values); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; use one of " + strings.Join(values, ", ")
}

// validateClaim checks a claim-bearing item: its type and date, that its evidence exists
// in the sources it cites, that its text attributes it as its type requires, and the
// rules of its kind (answers short and direct, terms resting on a guide).
func (l *Library) validateClaim(it *Item, idx passageIndex, add adder) {
	field := ClaimField[it.Kind]
	switch {
	case given(it, "claim") && it.Claim == "" || given(it, "evidence") && len(it.Evidence) == 0:
		// malformed: the loader has said so
	case it.Claim == "" && len(it.Evidence) == 0:
		add(it.Pos, "", "a %s makes a claim (its %s): say what it is and what it rests on: add `claim: finding` (or %s) and `evidence: [{source: <source id>, passage: \"<the source's words>\"}]`",
			it.Kind, field, strings.Join(ClaimTypes[1:], ", "))
	case it.Claim == "":
		add(it.Pos, "", "a %s needs a claim type: add `claim: finding` (one of %s: what the statement is)", it.Kind, strings.Join(ClaimTypes, ", "))
	case !contains(ClaimTypes, it.Claim):
		add(it.FieldPosition("claim"), "", "unknown claim type %q%s", it.Claim, oneOf(it.Claim, ClaimTypes))
	}
	if it.AsOf != "" && !asOfRe.MatchString(it.AsOf) {
		add(it.FieldPosition("as_of"), "", "as_of %q: give the date as a year (\"2019\"), a year and month (\"2020-03\") or a full date (\"2020-03-26\")", it.AsOf)
	}
	if len(it.Evidence) == 0 && it.Claim != "" && !given(it, "evidence") {
		add(it.Pos, "", "a %s makes a claim (its %s) and must rest on a source passage: add `evidence: [{source: <source id>, passage: \"<the source's words>\"}]`", it.Kind, field)
	}
	var types []string // the types of the sources the evidence resolves to
	for _, e := range it.Evidence {
		if e.malformed {
			continue // the loader has said what is wrong with the entry
		}
		if e.Source == "" {
			add(e.Pos, "", "evidence entry without a source: add `source: <source id>`")
			continue
		}
		src := l.items[e.Source]
		switch {
		case src == nil:
			add(e.SourcePos, "", "evidence cites unknown source %q%s", e.Source, l.didYouMean(e.Source, KindSource))
			continue
		case src.Kind != KindSource:
			add(e.SourcePos, "", "evidence cites %q, which is a %s, not a source", e.Source, src.Kind)
			continue
		case len(it.Sources) > 0 && !contains(it.Sources, e.Source): // with none, "must cite a source" says it
			add(e.SourcePos, "", "evidence cites %q, which is not in the item's sources: add it to `sources:` (it numbers the references)", e.Source)
		}
		types = append(types, src.Type)
		if e.Passage == "" {
			add(e.Pos, "", "evidence entry without a passage: add `passage: \"<the words of %s this rests on>\"`", e.Source)
			continue
		}
		ps := idx[e.Source]
		if len(ps) == 0 {
			add(e.PassagePos, "", "evidence quotes source %q, which stores no passages: add the source's words under its `passages:` (%s)", e.Source, src.Pos)
			continue
		}
		q := Normalize(e.Passage)
		found := false
		for _, p := range ps {
			if strings.Contains(p, q) {
				found = true
				break
			}
		}
		if !found {
			add(e.PassagePos, "", "%s", notFound(e.Source, q, ps))
		}
	}
	if it.Claim == "finding" && len(types) > 0 && allEqual(types, "position") {
		add(it.FieldPosition("claim"), "", "typed as a finding, but every source it rests on is a position (%s): a position is never a finding; type it `claim: position` and attribute it, or cite the study", strings.Join(evidenceSources(it), ", "))
	}
	for _, lang := range l.Languages {
		t, r := it.Text[lang], l.Rules[lang]
		if t == nil || r == nil {
			continue
		}
		text := t.Fields[field]
		if text == "" {
			continue
		}
		ws := cueWords(text)
		if cue := find(r.AdvocatesFound, ws); cue != "" {
			add(t.FieldPos.At(field), lang, "the %s says %q: advocates argue, studies find; write what they argue, or name the study that found it", field, cue)
		}
		if it.Claim == "position" && len(r.Attribution) > 0 && find(r.Attribution, ws) == "" {
			add(t.FieldPos.At(field), lang, "a position must say whose it is, but the %s attributes it to no one: name who holds it (%s)", field, examples(r.Attribution, 4))
		}
	}
	switch it.Kind {
	case KindQuestion:
		l.validateAnswer(it, add)
	case KindTerm:
		switch {
		case it.Severity == "" && given(it, "severity"):
		case it.Severity == "":
			add(it.Pos, "", "a term needs a severity: add `severity: avoid` (one of %s)", strings.Join(Severities, ", "))
		case !contains(Severities, it.Severity):
			add(it.FieldPosition("severity"), "", "unknown severity %q%s", it.Severity, oneOf(it.Severity, Severities))
		}
		if len(it.Evidence) > 0 && !contains(types, "guide") {
			add(it.FieldPosition("evidence"), "", "a term's advice must rest on a cited guide: add evidence from a source of type guide (a style or terminology guide); now it cites %s", strings.Join(evidenceSources(it), ", "))
		}
	}
}

// validateAnswer checks a question's answer in each language: at most MaxAnswerWords
// words, and a direct first sentence where the question asks for yes or no.
func (l *Library) validateAnswer(it *Item, add adder) {
	for _, lang := range l.Languages {
		t := it.Text[lang]
		if t == nil {
			continue
		}
		answer := t.Fields["answer"]
		if answer == "" {
			continue
		}
		if n := CountWords(answer); n > MaxAnswerWords {
			add(t.FieldPos.At("answer"), lang, "the answer has %d words; keep it to %d (about nine seconds spoken) and move the rest to background:", n, MaxAnswerWords)
		}
		r := l.Rules[lang]
		if r.IsYesNo(t.Fields["question"]) && !r.IsDirect(answer) {
			add(t.FieldPos.At("answer"), lang, "the question asks for yes or no, but the answer's first sentence (%d words) neither says it (%s) in its first %d words nor answers in %d words or fewer: open with the answer",
				CountWords(FirstSentence(answer)), examples(r.DirectStarts, 2), DirectWithin, DirectSentenceWords)
		}
	}
}

// given reports whether the item's field key was written but malformed: the loader has
// reported it, and validation does not add "missing" to that.
func given(it *Item, key string) bool { return it.malformed[key] }

func allEqual(xs []string, v string) bool {
	for _, x := range xs {
		if x != v {
			return false
		}
	}
	return true
}

func evidenceSources(it *Item) []string {
	var out []string
	for _, e := range it.Evidence {
		if e.Source != "" && !contains(out, e.Source) {
			out = append(out, e.Source)
		}
	}
	return out
}

// examples lists n cues, quoted, as examples: the first of each family ("argue", not
// "argues" and "argued" after it).
func examples(cues []Cue, n int) string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cues {
		stem := []rune(strings.TrimSuffix(c.Text, "*"))
		key := string(stem[:min(len(stem), 4)])
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, fmt.Sprintf("%q", c.Text))
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, ", ") + "…"
}
