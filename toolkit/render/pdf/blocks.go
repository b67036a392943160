package pdf

import (
	"github.com/presskit/presskit/toolkit/render"
	"math"
	"strconv"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

func (l *lay) body() style  { return style{size: l.mt.body, colour: l.pal.ink} }
func (l *lay) small() style { return style{size: l.mt.small, colour: l.pal.muted} }
func (l *lay) labelSt(c rgb) style {
	return style{size: l.mt.label, colour: c, bold: true}
}

// heading is a section heading: sans bold in the brand colour over a thin rule.
func (l *lay) heading(text string) box {
	st := style{size: l.mt.heading, colour: l.pal.brand, bold: true, whole: true}
	b := l.text(plain(text, st), l.w)
	y := b.h + 0.9
	b.ops = append(b.ops, hline(0, y, l.w, l.pal.brand.mix(0.55), 0.25))
	b.h = y + 2.6*l.mt.gapInner/1.4
	return b
}

// railHeading is a section heading in the left rail: sans bold in the brand colour,
// under a brand rule across the whole width.
func (l *lay) railHeading(text string, width float64) box {
	st := style{size: l.mt.heading, colour: l.pal.brand, bold: true, whole: true}
	b := l.textLead(plain(text, st), width, 1.22)
	return b
}

// section lays out a section: its heading (with a table's column header), the header to
// repeat when the section continues on a new page, and one box per block.
func (l *lay) section(si int, s document.Section) (head box, cont *box, blocks []box) {
	panel := l.panel(si)
	if s.Heading != "" && !panel && l.rail == 0 {
		head = l.heading(s.Heading)
	}
	kind := document.BlockText
	if len(s.Blocks) > 0 {
		kind = s.Blocks[0].Kind
	}
	switch kind {
	case document.BlockShift:
		// Each cell is tagged SAY or NOT: no column header.
	case document.BlockTerm:
		c := l.termHeader()
		cont = &c
	}
	if cont != nil {
		head.add(cont.ops, 0, head.h)
		head.h += cont.h
	}
	for i, b := range s.Blocks {
		if panel {
			blocks = append(blocks, l.panelBox(s.Heading, b))
			continue
		}
		blocks = append(blocks, l.block(i, b))
	}
	return head, cont, blocks
}

// panel reports whether section si is set as a tinted panel (document.Doc.IsPanel).
func (l *lay) panel(si int) bool { return l.d.IsPanel(si) }

func (l *lay) block(i int, b document.Block) box {
	switch b.Kind {
	case document.BlockMyth:
		return l.myth(b)
	case document.BlockPoint:
		return l.point(i+1, b)
	case document.BlockShift:
		return l.shift(b)
	case document.BlockQuote:
		return l.quote(b)
	case document.BlockFact:
		return l.fact(b)
	case document.BlockTerm:
		return l.term(b)
	case document.BlockQuestion:
		return l.question(i+1, b)
	}
	return l.text(l.withRefs(l.paras(b.Body, l.body()), b.Refs, l.body()), l.w)
}

// labelled puts a small upper-case label to the left of a column of text, on the
// baseline of its first line.
func (l *lay) labelled(b *box, label string, lst style, labelW float64, ps []para, top float64) float64 {
	// The label goes first, so that text extraction reads it before the text.
	if label != "" {
		size := l.mt.body
		if len(ps) > 0 {
			size = ps[0].size
		}
		o := l.line(label, lst, 0, top)
		o.y = top + l.mt.baseline(size)
		b.ops = append(b.ops, o)
	}
	t := l.text(ps, l.w-labelW)
	b.add(t.ops, labelW, top)
	return top + t.h
}

// labelWidth is the width of a label column holding the given labels.
func (l *lay) labelWidth(st style, labels ...string) float64 {
	w := 0.0
	for _, s := range labels {
		w = max(w, l.m.width(st, s))
	}
	return min(max(w+3.5, 11.5), 30)
}

// Greyscale-safe tags: MYTH and AVOID white on mid grey, FACT and SAY white on the brand
// colour, so that the two read apart in black and white as well as in colour.
var tagGrey = rgb{0x6b, 0x6b, 0x6b}

// forWhite darkens c until white text on it has a contrast of at least 4.5:1 (WCAG AA)
// and it prints apart from the MYTH tag's grey, so that a light brand colour still makes a legible tag, in colour and in greyscale.
func (c rgb) forWhite() rgb {
	for i := 0; i < 40; i++ {
		l := render.Luminance(c.r, c.g, c.b)
		// Also at least 30 grey levels away from the MYTH tag, which it must not look
		// like in black and white.
		g := func(c rgb) float64 { return 0.3*float64(c.r) + 0.59*float64(c.g) + 0.11*float64(c.b) }
		if 1.05/(l+0.05) >= 4.5 && math.Abs(g(c)-g(tagGrey)) >= 30 {
			break
		}
		c = rgb{uint8(float64(c.r) * 0.92), uint8(float64(c.g) * 0.92), uint8(float64(c.b) * 0.92)}
	}
	return c
}

const (
	tagPadX = 1.4 // mm
	tagPadY = 0.55
	tagGap  = 1.8 // between a tag and its text
)

// tag draws a small label of white bold capitals on fill, sitting on the baseline base
// of a line of size pt; it returns the ops and the tag's width.
func (l *lay) tag(text string, fill rgb, base float64) ([]op, float64) {
	st := style{size: floorNote, bold: true, colour: rgb{0xff, 0xff, 0xff}}
	text = strings.ToUpper(text)
	w := l.m.width(st, text) + 2*tagPadX
	capH := mm(st.size) * 0.714
	o := op{k: opText, x: tagPadX, y: base, w: w - 2*tagPadX, h: capH, st: st, s: text}
	return []op{rect(0, base-capH-tagPadY, w, capH+2*tagPadY, &fill, nil, 0), o}, w
}

// tagged sets paragraphs in width with a tag at the start of the first line.
func (l *lay) tagged(text string, fill rgb, ps []para, width float64) box {
	if len(ps) == 0 {
		return box{}
	}
	ops, w := l.tag(text, fill, l.mt.baseline(ps[0].size))
	ps = append([]para(nil), ps...)
	ps[0].first = w + tagGap
	t := l.text(ps, width)
	return box{ops: append(ops, t.ops...), h: t.h}
}

// gridCols are the handout's two columns: the myth on the left (36%), the fact on the
// right, 6 mm apart.
func (l *lay) gridCols() (left, gap, right float64) {
	gap = 6
	left = (l.w - gap) * 0.36
	return left, gap, l.w - gap - left
}

// myth is one row of the fact-check grid: on the left the MYTH tag and the myth, small,
// regular and grey; on the right the FACT tag, the fact's first sentence as a bold lead,
// then the rest and the references.
func (l *lay) myth(b document.Block) box {
	lw, gap, rw := l.gridCols()
	body := l.mt.body
	ms := max(floorBody, body*0.905) // 9.5 pt
	fs := max(floorBody, body*0.93)  // 9.75 pt
	ls := max(floorBody+0.5, body*1.05)
	mst := style{size: ms, colour: l.pal.muted}
	myth := l.tagged(l.label("myth"), tagGrey, l.paras(b.Head, mst), lw)
	lead, rest := b.Body.SplitLead()
	lst := style{size: ls, bold: true, colour: l.pal.ink}
	fst := style{size: fs, colour: l.pal.ink}
	lps := l.paras(lead, lst)
	var rps []para
	if rest.Empty() {
		lps = l.withRefs(lps, b.Refs, fst)
	} else {
		rps = l.withRefs(l.paras(rest, fst), b.Refs, fst)
	}
	fact := l.tagged(l.label("fact"), l.pal.brand.forWhite(), lps, rw)
	var t box
	if len(rps) > 0 {
		t = l.text(rps, rw)
	}
	out := box{ops: make([]op, 0, len(myth.ops)+len(fact.ops)+len(t.ops))}
	out.add(myth.ops, 0, 0)
	out.add(fact.ops, lw+gap, 0)
	y := fact.h
	if len(rps) > 0 {
		y += l.mt.gapPara * 0.6
		out.add(t.ops, lw+gap, y)
		y += t.h
	}
	out.h = max(myth.h, y)
	return out
}

// number is a block's number in the brand colour, for key messages and questions.
func (l *lay) number(out *box, n int, size float64) {
	st := style{serif: true, bold: true, size: size * 1.2, colour: l.pal.brand}
	o := l.line(strconv.Itoa(n), st, 0, 0)
	o.y = l.mt.baseline(size)
	out.ops = append(out.ops, o)
}

// numberIndent is the room for a block's number: less in a narrow column.
func (l *lay) numberIndent() float64 {
	if l.w < 120 {
		return mm(l.mt.body) * 1.75
	}
	return mm(l.mt.body) * 2.1
}

// point: a numbered key message, its explanation and proof points.
func (l *lay) point(n int, b document.Block) box {
	var out box
	indent := l.numberIndent()
	hst := l.body()
	hst.bold = true
	l.number(&out, n, hst.size)
	y := 0.0
	if !b.Head.Empty() {
		t := l.text(l.paras(b.Head, hst), l.w-indent)
		out.add(t.ops, indent, y)
		y += t.h + l.mt.gapPara
	}
	t := l.text(l.withRefs(l.paras(b.Body, l.body()), b.Refs, l.body()), l.w-indent)
	out.add(t.ops, indent, y)
	y += t.h
	for _, p := range b.Proof {
		y += l.mt.gapPara
		ps := l.withRefs(l.paras(p.Body, l.small()), p.Refs, l.small())
		if p.Body.Empty() {
			ps = l.withRefs(l.paras(p.Head, l.small()), p.Refs, l.small())
		}
		for i := range ps {
			ps[i].bullet = true
		}
		t := l.text(ps, l.w-indent)
		out.add(t.ops, indent, y)
		y += t.h
	}
	out.h = y
	return out
}

// quote: a large opening quote mark, the words in serif italic, the attribution, and a
// note when the words are a translation.
func (l *lay) quote(b document.Block) box {
	var out box
	indent := 9.0
	qst := style{serif: true, italic: true, size: l.mt.quote, colour: l.pal.ink}
	t := l.text(l.paras(b.Body, qst), l.w-indent)
	out.add(t.ops, indent, 0)
	mark := style{serif: true, bold: true, size: l.mt.quote * 2.6, colour: l.pal.brand.mix(0.8)}
	open := l.d.OpenQuote
	if open == "" {
		open = "\u201c"
	}
	o := l.line(open, mark, 0, 0)
	o.y = l.mt.baseline(l.mt.quote) + mm(mark.size)*0.42
	out.ops = append(out.ops, o)
	y := t.h + l.mt.gapInner*0.8
	var who []string
	for _, s := range []string{b.Speaker, b.Role} {
		if s = strings.TrimSpace(s); s != "" {
			who = append(who, s)
		}
	}
	ast := l.small()
	var rs []run
	if len(who) > 0 {
		sp := ast
		sp.bold, sp.colour = true, l.pal.ink
		rs = append(rs, run{text: "—\u00a0" + who[0], st: sp})
		if len(who) > 1 {
			rs = append(rs, run{text: ", " + who[1], st: ast})
		}
	}
	if b.Translation {
		it := ast
		it.italic = true
		sep := " "
		if len(rs) == 0 {
			sep = ""
		}
		rs = append(rs, run{text: sep + "(" + l.label("translation") + ")", st: it})
	}
	if len(rs) > 0 || len(b.Refs) > 0 {
		a := l.text(l.withRefs([]para{{runs: rs, size: ast.size}}, b.Refs, ast), l.w-indent)
		out.add(a.ops, indent, y)
		y += a.h
	} else {
		y = t.h
	}
	out.h = y
	return out
}

// fact: a small brand-coloured square and the fact with its references.
func (l *lay) fact(b document.Block) box {
	var out box
	indent := 5.0
	t := l.text(l.withRefs(l.paras(b.Body, l.body()), b.Refs, l.body()), l.w-indent)
	out.add(t.ops, indent, 0)
	s := mm(l.mt.body) * 0.38
	c := l.pal.brand
	mid := l.mt.baseline(l.mt.body) - mm(l.mt.body)*0.36
	out.ops = append(out.ops, rect(0.4, mid-s/2, s, s, &c, nil, 0))
	out.h = t.h
	return out
}

// question: a numbered tough question, the suggested answer and the bridge.
func (l *lay) question(n int, b document.Block) box {
	var out box
	indent := l.numberIndent()
	qst := l.body()
	qst.bold = true
	l.number(&out, n, qst.size)
	t := l.text(l.paras(b.Head, qst), l.w-indent)
	out.add(t.ops, indent, 0)
	y := t.h + l.mt.gapPara*0.8
	a := l.text(l.withRefs(l.paras(b.Body, l.body()), b.Refs, l.body()), l.w-indent)
	out.add(a.ops, indent, y)
	y += a.h
	if !b.Bridge.Empty() {
		y += l.mt.gapPara * 0.8
		st := l.small()
		st.italic, st.colour = true, l.pal.ink
		ps := l.paras(b.Bridge, st)
		lab := l.labelSt(l.pal.brand)
		lab.size = st.size
		ps[0].runs = append([]run{{text: l.label("bridge") + ": ", st: lab}}, ps[0].runs...)
		br := l.text(ps, l.w-indent)
		out.add(br.ops, indent, y)
		y += br.h
	}
	out.h = y
	return out
}

// panelBox is a block in a lightly tinted panel with a brand-coloured edge, led by the
// section's heading in bold. On a handout the heading sits in the grid's left column
// and the text in the right one, as the rows above it. A prep sheet's core message is
// no panel but the sheet's largest text: a small "CORE MESSAGE" label over the message
// in serif bold.
func (l *lay) panelBox(lead string, b document.Block) box {
	if l.d.Kind == document.Prep {
		return l.coreMessage(lead, b)
	}
	var out box
	pad := 3.2
	st := l.body()
	ps := l.withRefs(l.paras(b.Body, st), b.Refs, st)
	lead = strings.TrimSpace(lead)
	hst := st
	hst.bold, hst.colour = true, l.pal.brand
	var t box
	if l.d.Kind == document.Handout && lead != "" {
		lw, gap, rw := l.gridCols()
		h := l.text(plain(lead, hst), lw-pad-1.2)
		t = l.text(ps, rw)
		t.add(h.ops, -(lw + gap - pad - 1.2), 0)
		for i := range t.ops {
			t.ops[i].x += lw + gap - pad - 1.2
		}
		t.h = max(t.h, h.h)
	} else {
		if lead != "" && len(ps) > 0 {
			ps[0].runs = append([]run{{text: lead + ".\u2002", st: hst}}, ps[0].runs...)
		}
		t = l.text(ps, l.measure(st.size, l.w-2*pad-1.2))
	}
	h := t.h + 2*pad*0.8
	tint, brand := l.pal.tint, l.pal.brand
	out.ops = append(out.ops, rect(0, 0, l.w, h, &tint, nil, 0), rect(0, 0, 1.2, h, &brand, nil, 0))
	out.add(t.ops, pad+1.2, pad*0.8)
	out.h = h
	return out
}

// coreMessage is the prep sheet's core message: a label in small capitals over the
// message, 15/19 pt serif bold.
func (l *lay) coreMessage(label string, b document.Block) box {
	var out box
	lab := l.line(strings.ToUpper(label), l.labelSt(l.pal.brand), 0, 0)
	out.ops = append(out.ops, lab)
	y := l.mt.lineH(l.mt.label) + 0.6
	size := max(12, 13.5*steps[l.mt.step].font)
	st := style{serif: true, bold: true, size: size, colour: l.pal.ink}
	text := b.Body
	if text.Empty() {
		text = b.Head
	}
	t := l.textLead(l.paras(text, st), l.measure(size*0.9, l.w), 19.0/15)
	out.add(t.ops, 0, y)
	out.h = y + t.h
	return out
}
