package check

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/words"
)

// Word sense and use versus mention.
//
// A match of an avoided phrase is a finding only when the sentence around it uses the word
// in the term's sense. The term says, as data, which words show another sense (cues: the
// sea, an accident, a law) and, for words with an ordinary sense too, which words one of
// which must be there (needs: police, a raid, sex work). Names are exempt by their shape: a
// run of capitalised words ("The Rescue Mission", "Trafficking Victims Protection Act"), a
// title in quotes after the word that names it (закон «…», the film "…").
//
// A finding is a mention, not the writer's own use, when the word is named as a word ("the
// word «нелегал»", "stop calling us 'prostitutes'", "call them illegals"), when it is inside
// quotation marks that the sentence attributes to someone (said, according to, a headline,
// a colon before the quote), or when the line is a blockquote. Scare quotes in the writer's
// own sentence are use.

// cue is a word sequence looked for in a sentence. A word ending in * matches any word
// that starts with it.
type cue struct{ words []cueWord }

type cueWord struct {
	fold   string
	prefix bool
	stem   string          // Russian: matches a word with this stem
	forms  map[string]bool // English: the inflections that match
}

func (ix *index) cue(text string) cue {
	var c cue
	for _, t := range words.Split(text) {
		w := cueWord{fold: words.Fold(t.Text)}
		if t.End < len(text) && text[t.End] == '*' {
			w.prefix = true
		} else if ix.english {
			w.forms = map[string]bool{}
			for _, f := range englishForms(w.fold) {
				w.forms[f] = true
			}
		} else {
			w.stem = words.Stem(w.fold)
		}
		c.words = append(c.words, w)
	}
	return c
}

// sentence is the words of the sentence around a match, folded, with their offsets.
type sentence struct {
	start, end int // byte offsets in the line
	toks       []words.Token
	folds      []string
	first      int // index in toks of the match's first word
	last       int // index of its last word
}

// word reports whether word k of the sentence matches w.
func (s *scan) cueWordMatches(w cueWord, fold string) bool {
	switch {
	case w.prefix:
		return strings.HasPrefix(fold, w.fold)
	case w.forms != nil:
		return w.forms[fold]
	case fold == w.fold:
		return true
	}
	return w.stem != "" && isCyrillicWord(fold) && s.stem(fold) == w.stem
}

// hasCue reports whether one of cs occurs in the sentence, outside the match itself.
func (s *scan) hasCue(sn *sentence, cs []cue) bool {
	for _, c := range cs {
		if len(c.words) == 0 {
			continue
		}
	next:
		for i := 0; i+len(c.words) <= len(sn.toks); i++ {
			if i+len(c.words) > sn.first && i <= sn.last {
				continue // overlaps the match
			}
			for k, w := range c.words {
				if !s.cueWordMatches(w, sn.folds[i+k]) {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// stem returns the Snowball stem of a folded word, remembered for the draft.
func (s *scan) stem(fold string) string {
	if st, ok := s.stemOf[fold]; ok {
		return st
	}
	st := words.Stem(fold)
	if s.stemOf == nil {
		s.stemOf = make(map[string]string)
	}
	if len(s.stemOf) < maxStemCache {
		s.stemOf[fold] = st
	}
	return st
}

func isCyrillicWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Cyrillic, r)
}

// quote is a span of quoted text in a line: open is the offset of the opening mark, close
// the offset just after the closing one (or the line's end when it does not close).
type quote struct{ open, close int }

// quotes finds the quoted spans of a line: «…» and „…“ (which nest), “…”, "…" and '…'
// (an apostrophe inside a word is no quote mark).
func quotes(b []byte) []quote {
	var out []quote
	var stack []int // offsets of open «, „ and “
	var closers []rune
	straight := -1 // offset of an open "
	single := -1   // offset of an open '
	for i := 0; i < len(b); {
		c := b[i]
		if c != '"' && c != '\'' && c != 0xc2 && c != 0xe2 {
			i++ // most bytes cannot start a quotation mark
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		next := ' '
		if i+n < len(b) {
			next, _ = utf8.DecodeRune(b[i+n:])
		}
		prev := ' '
		if i > 0 {
			prev, _ = utf8.DecodeLastRune(b[:i])
		}
		switch {
		case len(closers) > 0 && r == closers[len(closers)-1] && !(r == '“' && !isWordBoundary(next)):
			out = append(out, quote{stack[len(stack)-1], i + n})
			stack, closers = stack[:len(stack)-1], closers[:len(closers)-1]
		case r == '«':
			stack, closers = append(stack, i), append(closers, '»')
		case r == '„':
			stack, closers = append(stack, i), append(closers, '“')
		case r == '“':
			stack, closers = append(stack, i), append(closers, '”')
		case r == '"':
			if straight < 0 {
				straight = i
			} else {
				out = append(out, quote{straight, i + n})
				straight = -1
			}
		case r == '\'' || r == '‘' || r == '’':
			switch {
			case single < 0 && r != '’' && isWordBoundary(prev) && unicode.IsLetter(next):
				single = i
			case single >= 0 && !unicode.IsLetter(next) && !unicode.IsDigit(next) && r != '‘':
				out = append(out, quote{single, i + n})
				single = -1
			}
		}
		i += n
	}
	for _, o := range stack {
		out = append(out, quote{o, len(b)})
	}
	if straight >= 0 {
		out = append(out, quote{straight, len(b)})
	}
	return out
}

func isWordBoundary(r rune) bool { return !words.IsWordRune(r) }

// innermost returns the innermost quote holding [start, end), if any.
func innermost(qs []quote, start, end int) (quote, bool) {
	best, ok := quote{}, false
	for _, q := range qs {
		if q.open < start && end <= q.close && (!ok || q.open > best.open) {
			best, ok = q, true
		}
	}
	return best, ok
}

func inAnyQuote(qs []quote, i int) bool {
	for _, q := range qs {
		if q.open < i && i < q.close {
			return true
		}
	}
	return false
}

// maxSentence bounds how far a sentence is looked for on each side of a match.
const maxSentence = 800

// sentenceAround returns the sentence of the paragraph b that holds [start, end): it ends
// at a full stop, question or exclamation mark (outside quotation marks) followed by white
// space and a capital letter, a quotation mark or a dash, or at the paragraph's ends. Its
// words are those of toks, the segment's words, in that span.
func (s *scan) sentenceAround(b []byte, qs []quote, start, end int, toks []words.Token) *sentence {
	from := max(0, start-maxSentence)
	lo := from
	for i := start - 1; i >= from; i-- {
		if isStop(b, i) && !inAnyQuote(qs, i) {
			lo = i + 1
			break
		}
	}
	to := min(len(b), end+maxSentence)
	hi := to
	for i := end; i < to; i++ {
		if isStop(b, i) && !inAnyQuote(qs, i) {
			hi = i + 1
			break
		}
	}
	i0 := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= lo })
	i1 := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= hi })
	sn := &s.sent
	*sn = sentence{start: lo, end: hi, first: -1, last: -1, toks: toks[i0:i1], folds: sn.folds[:0]}
	for k, t := range sn.toks {
		sn.folds = append(sn.folds, s.foldString(i0+k))
		if t.Start >= start && sn.first < 0 {
			sn.first = k
		}
		if t.End <= end {
			sn.last = k
		}
	}
	if sn.first < 0 {
		sn.first = len(sn.toks)
	}
	return sn
}

// isStop reports whether b[i] ends a sentence.
func isStop(b []byte, i int) bool {
	c := b[i]
	if c == 0 { // a block's end in HTML
		return true
	}
	if c != '.' && c != '!' && c != '?' && c != ';' {
		if c == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xa6 { // …
			i += 2
		} else {
			return false
		}
	}
	if c == '.' && isAbbreviation(b[:i]) {
		return false
	}
	j := i + 1
	for j < len(b) && (b[j] == '"' || b[j] == ')') {
		j++
	}
	if j >= len(b) {
		return true
	}
	if b[j] != ' ' && b[j] != '\t' && b[j] != '\n' {
		return false
	}
	for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n') {
		j++
	}
	if j >= len(b) {
		return true
	}
	if c == ';' {
		return true
	}
	r, _ := utf8.DecodeRune(b[j:])
	return unicode.IsUpper(r) || strings.ContainsRune("«\"“„—–-", r)
}

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = map[string]bool{"ст": true, "г": true, "гг": true, "им": true, "тыс": true, "млн": true,
	"млрд": true, "руб": true, "ул": true, "д": true, "см": true, "др": true, "пр": true, "т": true, "н": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "vs": true, "inc": true,
	"jr": true, "sr": true, "gen": true, "sgt": true, "insp": true, "det": true, "const": true}

// isAbbreviation reports whether the text before a full stop ends with an abbreviation or
// a single letter (an initial, «т. н.»).
func isAbbreviation(before []byte) bool {
	end := len(before)
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRune(before[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= n
	}
	if start == end {
		return false
	}
	w := strings.ToLower(string(before[start:end]))
	return utf8.RuneCountInString(w) == 1 || abbreviations[w]
}

// judge decides whether a match is a finding and whether it is a mention.
func (s *scan) judge(b []byte, m match, blockquote bool, toks []words.Token) (keep, mention bool) {
	if s.quotes == nil {
		s.quotes = quotes(b)
		if s.quotes == nil {
			s.quotes = []quote{}
		}
	}
	qs := s.quotes
	sn := s.sentenceAround(b, qs, m.start, m.end, toks)
	q, quoted := innermost(qs, m.start, m.end)
	if s.namedAsWord(b, sn, q, quoted) {
		return true, true
	}
	r := m.p.rule
	if len(r.needs) > 0 && !s.hasCue(sn, r.needs) {
		return false, false
	}
	if s.hasCue(sn, r.cues) {
		return false, false
	}
	if s.isName(b, sn, q, quoted) {
		return false, false
	}
	if blockquote {
		return true, true
	}
	if quoted && s.attributed(b, sn, q) {
		return true, true
	}
	return true, false
}

// Word lists for mentions, in both languages: a word of either may stand in a line of the
// other («The Kremlin calls them нелегалы»). A trailing * matches any ending.
var (
	// nouns that name a word: "the word X", «так называемые X».
	wordNouns = compileCueWords("word", "words", "term", "terms", "label", "labels", "phrase", "phrases",
		"expression", "expressions", "slur", "slurs", "so-called", "so called",
		"слово", "слова", "словом", "слов", "термин*", "выражени*", "ярлык*", "словосочетани*", "так называем*", "т н")
	// verbs of naming, writing or saying, which make a quoted word a mention.
	namingVerbs = compileCueWords("call", "calls", "called", "calling", "write", "writes", "writing", "wrote",
		"use", "uses", "using", "used", "say", "says", "saying", "said", "like", "as", "avoid", "stop",
		"rather than", "instead of", "вместо", "а не",
		"назыв*", "назвал*", "назвать", "обзыва*", "обозвал*", "писать", "пишут", "пишет", "писал*", "написал*",
		"говорить", "говорят", "употребля*", "использова*", "вроде", "избегать", "не")
	// verbs of calling, which make even an unquoted word after a pronoun a mention.
	callingVerbs = compileCueWords("call", "calls", "called", "calling", "label", "labels", "labelled", "labeled",
		"brand", "brands", "branded", "назыв*", "назвал*", "назвать", "обзыва*", "обозвал*", "величают", "зовут")
	pronouns = compileCueWords("them", "us", "her", "him", "me", "you", "it", "their",
		"их", "нас", "её", "ее", "его", "меня", "тебя", "вас", "себя")
	// words that attribute quoted text to someone.
	attributionWords = compileCueWords("said", "says", "say", "saying", "told", "tells", "tell", "wrote", "writes",
		"write", "written", "according", "quote", "quoted", "quoting", "headline", "headlines", "read", "reads",
		"claimed", "claims", "claim", "asked", "asks", "added", "adds", "stated", "states", "tweeted", "posted",
		"warned", "warns", "reported", "reports", "insisted", "insists", "argued", "argues", "called", "calls",
		"banner", "sign", "slogan", "caption", "announced", "explained", "put", "statement", "statements",
		"release", "referred", "refers", "boast*", "scrawl*", "painted", "sprayed", "chant*", "graffiti", "described", "describes", "testified", "posted",
		"сказал*", "говорит", "говорят", "говорил*", "заявил*", "заявля*", "сообщил*", "сообщает", "сообщают",
		"сообщается", "пишет", "пишут", "писал*", "написал*", "написано", "утвержда*", "словам", "цитат*",
		"заголов*", "гласил*", "гласит", "предупрежда*", "отметил*", "добавил*", "подчеркнул*", "назвал*",
		"называ*", "выразил*", "плакат*", "лозунг*", "надпис*", "объявил*", "уверя*", "рассказал*", "признал*",
		"пояснил*", "уточнил*")
	// words that introduce a name or a title in quotes: закон «…», the film "…".
	titleNouns = compileCueWords("law", "act", "bill", "article", "section", "statute", "code", "report", "film",
		"documentary", "book", "programme", "program", "project", "fund", "foundation", "centre", "center",
		"campaign", "operation", "organisation", "organization", "group", "network", "alliance", "coalition",
		"society", "association", "called", "named", "titled", "entitled", "series", "show", "column",
		"закон*", "законопроект*", "стать*", "ст", "кодекс*", "ук", "коап", "рф", "доклад*", "фильм*", "книг*",
		"программ*", "проект*", "фонд*", "центр*", "кампани*", "операци*", "организаци*", "групп*", "сеть", "сети",
		"альянс*", "коалици*", "обществ*", "ассоциаци*", "движени*", "раздел*", "рубрик*", "передач*",
		"названием", "называется", "назывался", "называлась", "журнал*", "газет*", "сериал*")
)

func compileCueWords(ws ...string) []cueWord {
	out := make([]cueWord, 0, len(ws))
	for _, w := range ws {
		prefix := strings.HasSuffix(w, "*")
		out = append(out, cueWord{fold: strings.TrimSuffix(w, "*"), prefix: prefix})
	}
	return out
}

func inList(ws []cueWord, fold string) bool {
	for _, w := range ws {
		if w.prefix && strings.HasPrefix(fold, w.fold) || fold == w.fold {
			return true
		}
	}
	return false
}

// inListAt reports whether a (possibly two-word) list entry ends at word k of the sentence.
func inListAt(ws []cueWord, sn *sentence, k int) bool {
	if k < 0 {
		return false
	}
	if inList(ws, sn.folds[k]) {
		return true
	}
	return k > 0 && inList(ws, sn.folds[k-1]+" "+sn.folds[k])
}

// namedAsWord reports whether the match is a word named as a word: after "the word", «так
// называемый»; quoted after a verb of naming or saying; or right after "call them".
func (s *scan) namedAsWord(b []byte, sn *sentence, q quote, quoted bool) bool {
	f := sn.first
	if quoted && q.open > 0 {
		// The words just before the quotation mark.
		for f > 0 && sn.toks[f-1].End > q.open {
			f--
		}
	}
	for k := f - 1; k >= 0 && k >= f-2; k-- {
		if inListAt(wordNouns, sn, k) {
			return true
		}
	}
	if quoted && quoteIsShort(b, q) {
		// A list of quoted words («проститутки», «нелегалы» и «жертвы») is named as one:
		// look before the first quotation of the list.
		g := f
		for g > 0 {
			t := sn.toks[g-1]
			if w := sn.folds[g-1]; w == "и" || w == "and" || w == "or" || w == "или" || w == "nor" {
				g--
				continue
			}
			if lq, ok := innermost(s.quotes, t.Start, t.End); ok && quoteIsShort(b, lq) {
				for g > 0 && sn.toks[g-1].Start > lq.open {
					g--
				}
				continue
			}
			break
		}
		for k := g - 1; k >= 0 && k >= g-3; k-- {
			if inListAt(namingVerbs, sn, k) {
				return true
			}
		}
	}
	// "call them X", "called her a X", "labelled them as X", «их называют X», «обзывают их X».
	for f >= 3 && (sn.folds[f-1] == "a" || sn.folds[f-1] == "an" || sn.folds[f-1] == "as") {
		f--
	}
	if f >= 2 {
		a, c := sn.folds[f-2], sn.folds[f-1]
		if inList(callingVerbs, a) && inList(pronouns, c) || inList(pronouns, a) && inList(callingVerbs, c) {
			return true
		}
	}
	return false
}

// quoteIsShort reports whether a quotation holds a few words only: a word or phrase named,
// not a quoted sentence.
func quoteIsShort(b []byte, q quote) bool {
	return len(words.Split(string(b[q.open:q.close]))) <= 4
}

// attributed reports whether the sentence attributes the quote q to someone: a colon just
// before it, or a word of saying, writing or headlines outside it.
func (s *scan) attributed(b []byte, sn *sentence, q quote) bool {
	i := q.open - 1
	for i >= 0 && (b[i] == ' ' || b[i] == '\t') {
		i--
	}
	if i >= 0 && b[i] == ':' {
		return true
	}
	for k, t := range sn.toks {
		if t.Start >= q.open && t.End <= q.close && !afterDashInsert(b, t.Start) {
			continue
		}
		if inListAt(attributionWords, sn, k) {
			return true
		}
	}
	// A quotation that runs to the sentence's end and is followed, after a dash or comma,
	// by who said it is caught above; one that starts the line and ends with «—» is too.
	return false
}

// afterDashInsert reports whether the word at i follows ", —" (or "—" alone), the way
// Russian inserts who is speaking into a quotation: «Проститутки, — сказал он, — это…».
func afterDashInsert(b []byte, i int) bool {
	j := i
	for j > 0 && b[j-1] == ' ' {
		j--
	}
	for _, dash := range []string{"—", "–"} {
		if j >= len(dash) && string(b[j-len(dash):j]) == dash {
			return true
		}
	}
	return false
}

// isName reports whether the match is part of a name: a run of two or more capitalised
// words that goes beyond the match (not in a title-case headline), or a quoted title that
// starts with a capital letter right after a word that introduces titles.
func (s *scan) isName(b []byte, sn *sentence, q quote, quoted bool) bool {
	if quoted && q.open > 0 {
		r, _ := utf8.DecodeRune(b[q.open:])
		inner := b[q.open+utf8.RuneLen(r):]
		for len(inner) > 0 && (inner[0] == '"' || inner[0] == ' ') {
			inner = inner[1:]
		}
		first, _ := utf8.DecodeRune(inner)
		if unicode.IsUpper(first) {
			// The word before the quotation mark.
			k := -1
			for i, t := range sn.toks {
				if t.End <= q.open {
					k = i
				}
			}
			if k >= 0 && inList(titleNouns, sn.folds[k]) {
				return true
			}
		}
	}
	if sn.first >= len(sn.toks) || sn.last < sn.first || titleCase(sn) {
		return false
	}
	for k := sn.first; k <= sn.last; k++ {
		if !capitalised(sn.toks[k].Text) {
			return false
		}
	}
	lo, hi := sn.first, sn.last
	for lo > 0 && capitalised(sn.toks[lo-1].Text) && joined(b[sn.toks[lo-1].End:sn.toks[lo].Start]) {
		lo--
	}
	for hi+1 < len(sn.toks) && capitalised(sn.toks[hi+1].Text) && joined(b[sn.toks[hi].End:sn.toks[hi+1].Start]) {
		hi++
	}
	if hi == sn.last && lo == sn.first {
		return false
	}
	// At the start of a sentence a capital says nothing: the run must go on after the match.
	if lo == 0 && hi == sn.last {
		return false
	}
	return true
}

// joined reports whether the gap between two words keeps them in one name.
func joined(gap []byte) bool {
	for _, c := range gap {
		if c != ' ' && c != '-' && c != '\n' {
			return false
		}
	}
	return len(gap) > 0
}

// capitalised reports whether a word starts with a capital and is not all capitals
// (a speaker's label, ANCHOR:, or an acronym).
func capitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[n:]
	if rest == "" {
		return true
	}
	return strings.ToUpper(rest) != rest
}

// titleCase reports whether most longer words of the sentence are capitalised, as in an
// English headline; names cannot be told apart there.
func titleCase(sn *sentence) bool {
	long, caps := 0, 0
	for _, t := range sn.toks {
		if utf8.RuneCountInString(t.Text) < 4 {
			continue
		}
		long++
		if capitalised(t.Text) {
			caps++
		}
	}
	return long >= 4 && caps*10 >= long*7
}
