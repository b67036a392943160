package pdf

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/render"
)

// run is text in one style, the input of the line breaker.
type run struct {
	text string
	st   style
}

// para is a paragraph to set: runs in mixed styles, at a size that sets the leading.
type para struct {
	runs   []run
	size   float64
	bullet bool
	// first is the room left free at the start of the first line, for a tag.
	first float64
}

// frag is part of a word in one style, measured.
type frag struct {
	st   style
	text string
	w    float64
}

// word is what the line breaker moves as a whole. Lines break only at ordinary spaces
// and zero-width spaces: a no-break space (which the typography layer puts after Russian
// prepositions and before dashes) stays inside a word, and so does a hyphen, because
// text extraction (pdftotext) takes a hyphen at a line's end for hyphenation and drops
// it, turning "секс-работники" into "сексработники".
type word struct {
	frags   []frag
	w       float64
	space   float64 // width of the space before the word; 0 at a paragraph start
	spaceSt style
	glue    bool // follows a zero-width space or a cut: joined without a space
	hyph    bool // the head of a hyphenated word, ending in its hyphen
}

// words splits a paragraph into measured words. A fragment's text is a piece of its
// run's text where it can be (no character changed or dropped inside it), and the
// words and their fragments are kept in two arrays of l's that the next call reuses:
// the words are valid until then (breakLinesFirst copies what it keeps).
func (l *lay) words(p para) []word {
	n := 1
	for _, r := range p.runs {
		n += strings.Count(r.text, " ")
	}
	out, frags := l.scratch.words[:0], l.scratch.frags[:0]
	if cap(out) < n {
		out = make([]word, 0, n)
	}
	if cap(frags) < n+len(p.runs) {
		frags = make([]frag, 0, n+len(p.runs))
	}
	defer func() { l.scratch.words, l.scratch.frags = out[:0], frags[:0] }()
	var (
		cur     word
		nf      = 0 // fragments of cur, at the end of frags
		b       []byte
		copied  bool   // the fragment being read is in b, not a piece of src
		src     string // the run text the fragment is a piece of, from fs to fe
		fs, fe  int
		curSt   style
		space   bool
		spaceSt style
		glue    bool
		last    rune // the last character of the word being read
	)
	fragLen := func() int {
		if copied {
			return len(b)
		}
		return fe - fs
	}
	flushFrag := func() {
		if fragLen() == 0 {
			return
		}
		t := src[fs:fe]
		if copied {
			t = string(b)
		}
		w := l.m.width(curSt, t)
		frags = append(frags, frag{st: curSt, text: t, w: w})
		nf++
		cur.w += w
		b, copied, fs, fe = b[:0], false, 0, 0
	}
	flushWord := func() {
		flushFrag()
		if nf > 0 {
			cur.frags = frags[len(frags)-nf : len(frags) : len(frags)]
			out = append(out, cur)
		}
		cur, nf = word{}, 0
	}
	for _, r := range p.runs {
		for i, c := range r.text {
			changed := false
			switch {
			case c == ' ' && unicode.IsDigit(last) && (fragLen() > 0 || nf > 0):
				// A number keeps its word: "13 лет", "2001 года", "C$307 million".
				c, changed = '\u00a0', true
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				last = 0
				flushWord()
				if len(out) > 0 {
					space, spaceSt, glue = true, r.st, false
				}
				continue
			case c == '\u200b':
				flushWord()
				if len(out) > 0 && !space {
					glue = true
				}
				continue
			case render.Invisible(c):
				continue
			}
			if nf == 0 && fragLen() == 0 {
				if space {
					cur.space, cur.spaceSt = l.m.width(spaceSt, " "), spaceSt
				} else {
					cur.glue = glue && len(out) > 0
				}
				space, glue = false, false
			}
			if fragLen() > 0 && curSt != r.st {
				flushFrag()
			}
			curSt = r.st
			size := utf8.RuneLen(c)
			switch {
			case copied:
				b = utf8.AppendRune(b, c)
			case fe == fs && !changed:
				src, fs, fe = r.text, i, i+size
			case !changed && src == r.text && i == fe:
				fe += size
			default:
				// Not a piece of one run's text any more: copy it.
				b = append(append(b[:0], src[fs:fe]...), string(c)...)
				copied = true
			}
			last = c
		}
	}
	flushWord()
	return out
}

// breakLines fills lines of the given width greedily. A word wider than a line (a long
// address) is cut, preferably after a slash or a dot, never after a hyphen.
func (l *lay) breakLines(ws []word, width float64) [][]word {
	return l.breakLinesFirst(ws, width, 0)
}

// breakLinesFirst is breakLines with the first line first mm shorter. When binding the
// last two words (noShortLast) leaves a hyphenated word's rest alone on the line before
// them («секс-работа, про-/дажа/сексуальных услуг»), the lines are broken again with that
// word kept whole («секс-работа,/продажа/сексуальных услуг»).
func (l *lay) breakLinesFirst(ws []word, full, first float64) [][]word {
	lines, lone := l.breakGreedy(ws, full, first, -1)
	if lone >= 0 {
		lines, _ = l.breakGreedy(ws, full, first, lone)
	}
	return lines
}

// breakGreedy fills the lines, hyphenating any word but ws[whole] where it may; lone is
// the index of the word whose rest ended alone on the next-to-last line, or -1.
func (l *lay) breakGreedy(ws []word, full, first float64, whole int) (_ [][]word, lone int) {
	// The lines are stretches of one array: buf[start:] is the line being filled. It and
	// the array of lines are l's, reused by the next call: the lines are valid until then.
	var (
		lines = l.scratch.lines[:0]
		buf   = l.scratch.line[:0]
		start int
		cw    float64
	)
	if cap(buf) < len(ws)+4 {
		buf = make([]word, 0, len(ws)+4)
	}
	defer func() { l.scratch.lines, l.scratch.line = lines[:0], buf[:0] }()
	line := func() []word { return buf[start:len(buf):len(buf)] }
	const eps = 0.01
	width := full - first
	hyphen := l.d != nil && l.d.Lang == "ru" && full < hyphColumn
	run := 0 // hyphenated lines in a row
	restLine, restWord := -1, -1
	for i, w := range ws {
		add := w.w
		if len(buf) > start && !w.glue {
			add += w.space
		}
		if len(buf) > start && cw+add > width+eps {
			// Russian in a narrow column: break the word rather than leave a ragged gap.
			if hyphen && run < hyphMaxRun && !w.glue && i != whole {
				if head, rest, ok := l.hyphenate(w, width-cw-w.space); ok {
					buf = append(buf, head)
					lines = append(lines, line())
					restLine, restWord = len(lines), i
					run++
					start = len(buf)
					buf = append(buf, rest)
					cw, width = rest.w, full
					continue
				}
			}
			run = 0
			lines = append(lines, line())
			start = len(buf)
			cw, add, width = 0, w.w, full
		}
		for len(buf) == start && w.w > width+eps {
			head, rest, ok := w, w, false
			if hyphen || l.d != nil && l.d.Lang == "ru" {
				// Wider than the column: a hyphenation point rather than any letter.
				head, rest, ok = l.hyphenate(w, width)
			}
			if !ok {
				head, rest = l.cut(w, width)
			}
			buf = append(buf, head)
			lines = append(lines, line())
			start = len(buf)
			width = full
			w = rest
			add = w.w
		}
		buf = append(buf, w)
		cw += add
	}
	if len(buf) > start {
		lines = append(lines, line())
	}
	lines = l.noShortLast(lines, full, first)
	lone = -1
	if n := len(lines); n >= 3 && restLine == n-2 && len(lines[n-2]) == 1 {
		lone = restWord
	}
	return lines, lone
}

// shortLast is the fewest characters a paragraph's last line may have when it has more
// than one line (design review fix 8).
const shortLast = 12

// noShortLast moves words from the end of the next-to-last line to the last line while
// the last line is shorter than shortLast characters and the words still fit: the last
// two words are bound rather than one left alone.
func (l *lay) noShortLast(lines [][]word, full, first float64) [][]word {
	n := len(lines)
	if n < 2 {
		return lines
	}
	chars := func(ws []word) int {
		c := 0
		for i, w := range ws {
			if i > 0 && !w.glue {
				c++
			}
			for _, f := range w.frags {
				c += utf8.RuneCountInString(f.text)
			}
		}
		return c
	}
	width := func(ws []word) float64 {
		x := 0.0
		for i, w := range ws {
			if i > 0 && !w.glue {
				x += w.space
			}
			x += w.w
		}
		return x
	}
	prev, last := lines[n-2], lines[n-1]
	for chars(last) < shortLast && len(prev) > 1 {
		w := prev[len(prev)-1]
		if w.glue || w.hyph || len(last) > 0 && last[0].glue { // a cut or hyphenated word: leave it
			break
		}
		cand := append([]word{w}, last...)
		if width(cand) > full+0.01 {
			break
		}
		prev, last = prev[:len(prev)-1], cand
	}
	lines[n-2], lines[n-1] = prev, last
	return lines
}

// cut splits w so that the head fits width.
func (l *lay) cut(w word, width float64) (head, rest word) {
	type ch struct {
		r  rune
		st style
		w  float64
	}
	var cs []ch
	for _, f := range w.frags {
		for _, r := range f.text {
			cs = append(cs, ch{r, f.st, l.m.width(f.st, string(r))})
		}
	}
	n, x, soft := 0, 0.0, 0
	for n < len(cs) && x+cs[n].w <= width {
		x += cs[n].w
		// Never after a hyphen: text extraction takes a hyphen at a line's end for
		// hyphenation and drops it ("sex-work-not-trafficking" would come back broken).
		if strings.ContainsRune("/._?&=#", cs[n].r) {
			soft = n + 1
		}
		n++
	}
	if n == 0 {
		n = 1 // a single glyph wider than the line: let it stand
	}
	if soft > n/2 && n < len(cs) {
		n = soft
	}
	build := func(cs []ch) word {
		var out word
		for _, c := range cs {
			if k := len(out.frags); k > 0 && out.frags[k-1].st == c.st {
				out.frags[k-1].text += string(c.r)
				out.frags[k-1].w += c.w
			} else {
				out.frags = append(out.frags, frag{st: c.st, text: string(c.r), w: c.w})
			}
			out.w += c.w
		}
		return out
	}
	head, rest = build(cs[:n]), build(cs[n:])
	head.space, head.spaceSt, head.glue = w.space, w.spaceSt, w.glue
	rest.glue = true
	return head, rest
}

// setLinesFirst turns lines into text ops appended to dst, merging neighbouring words
// of one style (and the spaces between them) into one string, so that the PDF holds
// real spaces and text extraction gives the words back. Lines start at x0, the first
// one first mm further right; the first line's top is y0. An op of one fragment keeps
// the fragment's text; one of several is joined in a scratch buffer, made a string once.
func (l *lay) setLinesFirst(dst []op, lines [][]word, x0, y0, lineH, base, first float64) []op {
	ops := dst
	var (
		cur   op
		open  bool // cur is being filled
		parts int  // pieces of text in cur; past one they are in l.join
	)
	closeRun := func() {
		if open {
			if parts > 1 {
				cur.s = string(l.join)
			}
			ops = append(ops, cur)
			open = false
		}
	}
	extend := func(t string, w float64) {
		if parts == 1 {
			l.join = append(l.join[:0], cur.s...)
		}
		l.join = append(l.join, t...)
		parts++
		cur.w += w
	}
	for i, ln := range lines {
		y := y0 + float64(i)*lineH + base
		x := x0
		if i == 0 {
			x += first
		}
		for j, w := range ln {
			if j > 0 && !w.glue {
				if open && cur.st == w.spaceSt && len(w.frags) > 0 && w.frags[0].st == cur.st {
					extend(" ", w.space)
				} else {
					closeRun()
				}
				x += w.space
			}
			for _, f := range w.frags {
				if open && cur.st == f.st {
					extend(f.text, f.w)
				} else {
					closeRun()
					cur, open, parts = op{k: opText, x: x, y: y, w: f.w, h: lineH, st: f.st, s: f.text}, true, 1
				}
				x += f.w
			}
		}
		closeRun()
	}
	return ops
}

// flow sets paragraphs in a column of the given width and returns the ops (relative to
// the column's top left) and the height.
func (l *lay) flow(ps []para, width float64) ([]op, float64) {
	// The ops are gathered in an array of l's, reused by the next call, and returned
	// as a copy of the right size.
	var (
		ops = l.scratch.ops[:0]
		y   float64
	)
	defer func() { l.scratch.ops = ops[:0] }()
	for i, p := range ps {
		if i > 0 {
			y += l.mt.gapPara
		}
		lineH, base := l.mt.lineH(p.size), l.mt.baseline(p.size)
		indent := 0.0
		if p.bullet {
			indent = mm(p.size) * 1.25
			bst := style{size: p.size, colour: l.pal.brand}
			ops = append(ops, op{k: opText, x: indent * 0.15, y: y + base, st: bst, s: "•", w: l.m.width(bst, "•")})
		}
		lines := l.breakLinesFirst(l.words(p), width-indent, p.first)
		ops = l.setLinesFirst(ops, lines, indent, y, lineH, base, p.first)
		y += float64(len(lines)) * lineH
	}
	if len(ops) == 0 {
		return nil, y
	}
	return slices.Clone(ops), y
}

// paras converts rich text to paragraphs in the base style: strong is bold, emphasis
// italic, code grey, links in the brand colour, underlined and clickable.
func (l *lay) paras(r document.Rich, base style) []para {
	var out []para
	for _, p := range r {
		q := para{size: base.size, bullet: p.Bullet}
		for _, s := range p.Spans {
			st := base
			if s.Strong {
				st.bold = true
			}
			if s.Em {
				st.italic = true
			}
			if s.Code {
				st.colour = l.pal.muted
			}
			if s.Link != "" {
				st.link, st.colour, st.underline = s.Link, l.pal.brand, true
			}
			q.runs = append(q.runs, run{text: s.Text, st: st})
		}
		out = append(out, q)
	}
	return out
}

// plain is one paragraph of plain text.
func plain(text string, st style) []para {
	if text == "" {
		return nil
	}
	return []para{{runs: []run{{text: text, st: st}}, size: st.size}}
}

// withRefs appends reference numbers "[1, 3]", each linked to its entry in the list of
// references, to the last paragraph. A no-break space keeps them with the last word.
func (l *lay) withRefs(ps []para, refs []int, base style) []para {
	if len(refs) == 0 || len(l.d.References) == 0 {
		return ps
	}
	st := style{size: max(floorNote, base.size*0.82), colour: l.pal.brand}
	rs := []run{{text: "\u00a0[", st: st}}
	for i, n := range refs {
		if i > 0 {
			rs = append(rs, run{text: ",\u00a0", st: st})
		}
		lst := st
		if l.hasRef(n) {
			lst.ref = n
		}
		rs = append(rs, run{text: strconv.Itoa(n), st: lst})
	}
	rs = append(rs, run{text: "]", st: st})
	if len(ps) == 0 {
		return []para{{runs: rs, size: base.size}}
	}
	out := append([]para(nil), ps...)
	last := &out[len(out)-1]
	last.runs = append(append([]run(nil), last.runs...), rs...)
	return out
}

func (l *lay) hasRef(n int) bool {
	for _, r := range l.d.References {
		if r.N == n {
			return true
		}
	}
	return false
}
