package check

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/words"
)

// scan is the state of one Check: the Markdown blanker, buffers reused from line to line,
// the state of the line being checked and the findings so far.
type scan struct {
	c        *Checker
	name     string
	markdown bool
	blank    blanker
	ignore   ignorer
	en, ru   *index // the indexes words go to by their script
	only     *index // when set, the one language checked
	literal  bool   // every match is a finding, whatever its sense
	quoted   map[int]bool

	quotes []quote // the paragraph's quotations, found when first needed

	toks      []words.Token // the current segment's words
	foldedStr string        // folded as a string, made when a match is judged
	sent      sentence      // the sentence around the match being judged
	inflected map[inflectKey][]string

	para, orig  []byte     // the paragraph gathered so far: blanked, and as written
	lines       []paraLine // its lines
	perLine     bool       // every line is a paragraph of its own (.docx, .odt)
	prevHeading bool
	prevQuote   bool
	cur         int // the line of the paragraph reported on last

	buf    []byte   // the current line, blanked (then copied into para)
	folded []byte   // the current segment's words, folded, one after the other
	ends   []int    // where each word ends in folded
	stems  []string // stems of the current segment's words, computed on demand
	cands  []*head
	// stemOf remembers the stems of words seen in this draft: prose repeats its words,
	// and the stemmer is the costliest step. Bounded, so a huge draft cannot grow it.
	stemOf map[string]string

	matches, says []match
	// The filter's and the columns' state carry over from one segment of a line to the next.
	maxEnd int           // the end of the longest match kept so far
	last   match         // the last match kept, if any (p != nil)
	sayEnd map[*rule]int // per term, the end of its furthest say phrase so far
	col    int           // the column of byte offset at
	at     int

	findings []Finding
}

// match is a phrase found in a line, as byte offsets into it; tok is the index of its
// first word in the segment.
type match struct {
	start, end int
	p          *phrase
	tok        int
}

// A line longer than segmentLen is checked in segments that end between words, each looking
// up to tailLen bytes further for the rest of a phrase, so that memory stays bounded
// however long the line.
const (
	segmentLen = 64 << 10
	tailLen    = 4 << 10
)

// A paragraph is checked as a whole, so that a phrase or a sentence wrapped over lines is
// found as written: its lines are blanked one by one and joined, line breaks kept.

// paraLine is one line of the paragraph being gathered.
type paraLine struct {
	start  int             // offset of the line in the paragraph
	no     int             // line number in the draft
	quoted bool            // a blockquote or a quoted paragraph
	rules  map[string]bool // terms silenced on this line
}

// maxParagraph bounds a paragraph: a longer run of lines is checked in parts.
const maxParagraph = 256 << 10

// line adds one line of the draft to the paragraph, checking the paragraph first when the
// line ends it.
func (s *scan) line(line []byte, lineNo int) {
	blankLine := isBlankLine(line)
	if blankLine || s.perLine || s.startsBlock(line) {
		s.flush()
	}
	s.buf = s.blank.line(line, s.buf)
	silenced := s.ignore.line(line, s.buf)
	s.prevHeading = s.markdown && isHeading(line)
	s.prevQuote = isBlockquote(line)
	if blankLine {
		return
	}
	pl := paraLine{start: len(s.para), no: lineNo,
		quoted: isBlockquote(line) || s.quoted[lineNo] || s.blank.inBlockquote()}
	if len(s.ignore.rules) > 0 {
		pl.rules = maps.Clone(s.ignore.rules)
	}
	s.lines = append(s.lines, pl)
	if silenced {
		s.para = append(s.para, bytes.Repeat([]byte{' '}, len(line))...)
	} else {
		s.para = append(s.para, s.buf...)
	}
	s.orig = append(s.orig, line...)
	s.para = append(s.para, '\n')
	s.orig = append(s.orig, '\n')
	if len(s.para) > maxParagraph || s.prevHeading {
		s.flush()
	}
}

// startsBlock reports whether a Markdown line starts a block of its own (a heading, a list
// item, a table row, a blockquote after prose or prose after one), so that the paragraph
// before it ends.
func (s *scan) startsBlock(line []byte) bool {
	if !s.markdown || len(s.lines) == 0 {
		return false
	}
	_, at := indentation(line)
	rest := line[at:]
	return isHeading(line) || isListItem(rest, 0) || bytes.HasPrefix(rest, []byte("|")) ||
		isBlockquote(line) != s.prevQuote
}

func isHeading(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	return len(line)-len(t) < 4 && bytes.HasPrefix(t, []byte("#"))
}

// flush checks the paragraph gathered so far and starts a new one.
func (s *scan) flush() {
	if len(s.lines) == 0 {
		return
	}
	s.maxEnd, s.last = -1, match{}
	s.quotes = nil
	clear(s.sayEnd)
	s.cur, s.at, s.col = 0, 0, 1
	for start := 0; start < len(s.para); {
		next := boundaryAfter(s.para, start+segmentLen)
		s.segment(start, next, boundaryAfter(s.para, next+tailLen))
		start = next
	}
	s.para, s.orig, s.lines = s.para[:0], s.orig[:0], s.lines[:0]
}

// isBlockquote reports whether a line is quoted, as Markdown and e-mail quote: "> …".
func isBlockquote(line []byte) bool {
	i := 0
	for i < len(line) && i < 4 && line[i] == ' ' {
		i++
	}
	return i < 4 && i < len(line) && line[i] == '>'
}

// indexFor returns the index that checks a word: Russian for a Cyrillic word, English for
// a Latin one, whatever the languages of the documents; nil when there is none.
func (s *scan) indexFor(w string) *index {
	r, _ := utf8.DecodeRuneInString(w)
	var ix *index
	switch {
	case r < utf8.RuneSelf:
		if r|0x20 < 'a' || r|0x20 > 'z' {
			return nil
		}
		ix = s.en
	case 'Ѐ' <= r && r <= 'ӿ':
		ix = s.ru
	case unicode.Is(unicode.Latin, r):
		ix = s.en
	default:
		return nil
	}
	if s.only != nil && ix != s.only {
		return nil
	}
	return ix
}

// boundaryAfter returns the offset of the first byte at or after i that cannot be inside a
// word (ASCII but not a letter, a digit or an apostrophe), or the length.
func boundaryAfter(b []byte, i int) int {
	for ; i < len(b); i++ {
		if c := b[i]; c < utf8.RuneSelf && c != '\'' && !('a' <= c|0x20 && c|0x20 <= 'z') && !('0' <= c && c <= '9') {
			return i
		}
	}
	return len(b)
}

// segment checks the phrases that start in s.para[start:next], reading on to end.
func (s *scan) segment(start, next, end int) {
	s.toks = splitInto(s.toks[:0], string(s.para[start:end]))
	toks := s.toks
	if len(toks) == 0 {
		return
	}
	s.foldedStr = ""
	s.stems = slices.Grow(s.stems[:0], len(toks))[:len(toks)]
	clear(s.stems)
	s.folded, s.ends = s.folded[:0], s.ends[:0]
	for k := range toks {
		toks[k].Start += start
		toks[k].End += start
		s.folded = foldInto(s.folded, toks[k].Text)
		s.ends = append(s.ends, len(s.folded))
	}
	s.matches, s.says = s.matches[:0], s.says[:0]
	for i := 0; i < len(toks) && toks[i].Start < next; i++ {
		ix := s.indexFor(toks[i].Text)
		if ix == nil {
			continue
		}
		for _, h := range s.candidates(ix, i) {
			if !s.wordMatches(ix, h.w, toks, i) {
				continue
			}
			for _, p := range h.phrases {
				end, ok := s.matchRest(ix, p, toks, i, s.orig)
				if !ok {
					continue
				}
				m := match{start: toks[i].Start, end: end, p: p, tok: i}
				if p.say {
					s.says = append(s.says, m)
				} else {
					s.matches = append(s.matches, m)
				}
			}
		}
	}
	if len(s.matches) > 0 {
		s.report(toks, s.filter())
	}
}

// foldString returns word k of the current segment, folded, as a string.
func (s *scan) foldString(k int) string {
	if s.foldedStr == "" {
		s.foldedStr = string(s.folded)
	}
	start := 0
	if k > 0 {
		start = s.ends[k-1]
	}
	return s.foldedStr[start:s.ends[k]]
}

type inflectKey struct {
	ps          *paradigms
	match, prev string
}

// splitInto appends the words of str to dst, as words.Split finds them, without allocating
// when dst has room; ASCII and Cyrillic letters take a short cut.
func splitInto(dst []words.Token, str string) []words.Token {
	start := -1
	for i := 0; i < len(str); {
		c := str[i]
		var r rune
		size := 1
		word := false
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			word = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
		default:
			r, size = utf8.DecodeRuneInString(str[i:])
			word = 'Ѐ' <= r && r <= 'ӿ' || words.IsWordRune(r)
		}
		switch {
		case word:
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’') && start >= 0 && i+size < len(str):
			if next, _ := utf8.DecodeRuneInString(str[i+size:]); !unicode.IsLetter(next) {
				dst = append(dst, words.Token{Text: str[start:i], Start: start, End: i})
				start = -1
			}
		default:
			if start >= 0 {
				dst = append(dst, words.Token{Text: str[start:i], Start: start, End: i})
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, words.Token{Text: str[start:], Start: start, End: len(str)})
	}
	return dst
}

// fold returns word k of the current line, folded.
func (s *scan) fold(k int) []byte {
	start := 0
	if k > 0 {
		start = s.ends[k-1]
	}
	return s.folded[start:s.ends[k]]
}

// candidates returns the heads that word i of the line may match.
func (s *scan) candidates(ix *index, i int) []*head {
	f := s.fold(i)
	if ix.english {
		return ix.exact[string(f)]
	}
	s.cands = s.cands[:0]
	for _, n := range ix.keyLens {
		end, runes := 0, 0
		for end < len(f) && runes < n {
			_, size := utf8.DecodeRune(f[end:])
			end += size
			runes++
		}
		if runes < n {
			break
		}
		for _, h := range ix.prefix[string(f[:end])] {
			if !slices.Contains(s.cands, h) {
				s.cands = append(s.cands, h)
			}
		}
	}
	return s.cands
}

// matchRest reports whether the words after the first of phrase p match the words after
// toks[i], each adjacent to the one before in the original line, and where the match ends.
func (s *scan) matchRest(ix *index, p *phrase, toks []words.Token, i int, line []byte) (int, bool) {
	last := i + len(p.words) - 1
	if last >= len(toks) {
		return 0, false
	}
	for k := i + 1; k <= last; k++ {
		if !adjacent(line[toks[k-1].End:toks[k].Start], s.markdown) || !s.wordMatches(ix, p.words[k-i], toks, k) {
			return 0, false
		}
	}
	return toks[last].End, true
}

func (s *scan) wordMatches(ix *index, w *wordPat, toks []words.Token, k int) bool {
	f := s.fold(k)
	if ix.english {
		return w.forms[string(f)]
	}
	if string(f) == w.fold {
		return true
	}
	if w.stemPrefix && (len(f) < len(w.stem) || string(f[:len(w.stem)]) != w.stem) {
		return false
	}
	if s.stems[k] == "" {
		st, ok := s.stemOf[string(f)]
		if !ok {
			st = words.Stem(toks[k].Text)
			if s.stemOf == nil {
				s.stemOf = make(map[string]string)
			}
			if len(s.stemOf) < maxStemCache {
				s.stemOf[string(f)] = st
			}
		}
		s.stems[k] = st
	}
	return s.stems[k] == w.stem || s.stems[k] == w.fold
}

// maxStemCache bounds the stems remembered for one draft.
const maxStemCache = 1 << 16

// adjacent reports whether the text between two words of a phrase joins them: white space,
// or a single hyphen and nothing else («секс-рабыня»). In Markdown, emphasis and link
// brackets may sit between them too ("illegal *immigrants*").
func adjacent(gap []byte, markdown bool) bool {
	spaces, hyphens := 0, 0
	for _, r := range string(gap) {
		switch {
		case r == '-' || r == '\u2010' || r == '\u2011':
			hyphens++
		case unicode.IsSpace(r):
			spaces++
		case markdown && strings.ContainsRune("*_[]~", r):
		default:
			return false
		}
	}
	return (spaces > 0 && hyphens == 0) || (spaces == 0 && hyphens == 1)
}

// filter keeps the findings worth reporting among the segment's matches: not inside an
// occurrence of one of the same term's say phrases, and not inside a longer match (of any
// term). Matches of different terms over the same words are all kept.
func (s *scan) filter() []match {
	byPos := func(a, b match) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		return strings.Compare(a.p.rule.id, b.p.rule.id)
	}
	slices.SortFunc(s.matches, byPos)
	if len(s.says) > 0 {
		slices.SortFunc(s.says, byPos)
		if s.sayEnd == nil {
			s.sayEnd = map[*rule]int{}
		}
	}
	kept := s.matches[:0]
	next := 0
	for _, m := range s.matches {
		for ; next < len(s.says) && s.says[next].start <= m.start; next++ {
			if sy := s.says[next]; sy.end > s.sayEnd[sy.p.rule] {
				s.sayEnd[sy.p.rule] = sy.end
			}
		}
		if e, ok := s.sayEnd[m.p.rule]; ok && e >= m.end {
			continue
		}
		if m.end <= s.maxEnd {
			sameWords := s.last.p != nil && s.last.start == m.start && s.last.end == m.end
			if !sameWords || s.last.p.rule == m.p.rule {
				continue
			}
		}
		kept = append(kept, m)
		s.last = m
		s.maxEnd = max(s.maxEnd, m.end)
	}
	return kept
}

// report turns a paragraph's matches, sorted by start, into findings: those the sentence
// uses in the term's sense, each marked as use or mention.
func (s *scan) report(toks []words.Token, ms []match) {
	for _, m := range ms {
		// The line the match starts on, and its column, counted on from the last match.
		for s.cur+1 < len(s.lines) && s.lines[s.cur+1].start <= m.start {
			s.cur++
			s.at, s.col = s.lines[s.cur].start, 1
		}
		pl := &s.lines[s.cur]
		keep, mention := true, false
		if !s.literal {
			keep, mention = s.judge(s.para, m, pl.quoted, toks)
		}
		if !keep || pl.rules[m.p.rule.id] {
			continue
		}
		s.col += utf8.RuneCount(s.orig[s.at:m.start])
		s.at = m.start
		endLine, endCol := s.cur, s.col
		from := m.start
		for endLine+1 < len(s.lines) && s.lines[endLine+1].start < m.end {
			endLine++
			endCol, from = 1, s.lines[endLine].start
		}
		endCol += utf8.RuneCount(s.orig[from:m.end])
		r := m.p.rule
		text := string(s.orig[m.start:m.end])
		if strings.ContainsAny(text, "\r\n") {
			text = strings.Join(strings.Fields(text), " ")
		}
		sugg := r.suggestions // shared: findings' suggestions are read-only
		if r.paradigms != nil {
			prev := ""
			if m.tok > 0 {
				prev = s.foldString(m.tok - 1)
			}
			key := inflectKey{r.paradigms, text, prev}
			if got, ok := s.inflected[key]; ok {
				sugg = got
			} else {
				sugg = r.paradigms.inflect(sugg, text, prev)
				if s.inflected == nil {
					s.inflected = map[inflectKey][]string{}
				}
				if len(s.inflected) < 4096 {
					s.inflected[key] = sugg
				}
			}
		}
		s.findings = append(s.findings, Finding{
			File:        s.name,
			Line:        pl.no,
			Column:      s.col,
			EndLine:     s.lines[endLine].no,
			EndColumn:   endCol,
			Rule:        r.id,
			Match:       text,
			Message:     r.message,
			Suggestions: sugg,
			Lang:        r.lang,
			Severity:    r.severity,
			Mention:     mention,
		})
	}
}

// foldInto appends w folded as words.Fold folds it (lower case, ё as е, ’ as ') to dst,
// without allocating; ASCII and Russian letters take a short cut.
func foldInto(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch {
		case 'а' <= r && r <= 'я':
		case 'А' <= r && r <= 'Я':
			r += 'а' - 'А'
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case r == '’':
			r = '\''
		default:
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}
