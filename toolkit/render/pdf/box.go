package pdf

import (
	"slices"

	"github.com/presskit/presskit/toolkit/document"
)

// opKind says what an op draws.
type opKind uint8

const (
	opText   opKind = iota // s at (x, baseline y) in st; w is its width, h the line height
	opRect                 // rectangle (x, y, w, h), filled with fill and/or stroked
	opLine                 // line from (x, y) to (x+w, y+h)
	opImage                // the image named s in (x, y, w, h)
	opAnchor               // the target of internal link n at y
)

// op is one drawing operation. Layout produces ops relative to a box; drawing replays
// them at the box's place on a page. Measuring and drawing share the same ops, so what
// was measured is exactly what is drawn.
type op struct {
	x, y, w, h float64
	st         style
	s          string
	fill       *rgb
	stroke     *rgb
	lw         float64
	n          int
	k          opKind
}

// box is a laid-out piece that never splits across pages.
type box struct {
	ops []op
	h   float64
}

// add places ops at (dx, dy) in the box.
func (b *box) add(ops []op, dx, dy float64) {
	b.ops = slices.Grow(b.ops, len(ops))
	for _, o := range ops {
		o.x += dx
		o.y += dy
		b.ops = append(b.ops, o)
	}
}

// grow makes the box at least h tall.
func (b *box) grow(h float64) {
	if h > b.h {
		b.h = h
	}
}

func rect(x, y, w, h float64, fill, stroke *rgb, lw float64) op {
	return op{k: opRect, x: x, y: y, w: w, h: h, fill: fill, stroke: stroke, lw: lw}
}

func hline(x, y, w float64, c rgb, lw float64) op {
	return op{k: opLine, x: x, y: y, w: w, stroke: &c, lw: lw}
}

// lay lays out one document at one step of the fit loop.
type lay struct {
	d   *document.Doc
	m   *meter
	mt  metrics
	pal palette
	w   float64 // content width, mm
	// logo is the logo's width/height ratio; 0 when there is none.
	logo float64
	// termsWhy is set when any term carries its why; otherwise the guide has two columns.
	termsWhy bool
	// back is set when the sources (and a handout's call to action) go on a page of
	// their own, printed on the back.
	back bool
	// rail is the width of the left rail that holds a brief's section headings; the
	// text column is the rest. 0 for documents without one.
	rail float64
	// pageOffset and pageTotal number the pages of a document printed as one side of a
	// larger one (a two-sided handout); pageTotal 0 means the document's own pages.
	pageOffset, pageTotal int
	// noSuggest leaves a TooLongError without its suggestion (Options.NoSuggest).
	noSuggest bool
	// knownBack: the document is known to fit only with its back page (Options.KnownBack).
	knownBack bool
	// plans counts the layouts made (plan), for tests of the fit search.
	plans int
	// join is setLinesFirst's scratch buffer for the text of an op of several words.
	join []byte
	// scratch holds the arrays words and breakLinesFirst fill and reuse.
	scratch struct {
		words, line []word
		frags       []frag
		lines       [][]word
		ops         []op
	}
}

// text sets plain or rich paragraphs in width and returns them as a box.
func (l *lay) text(ps []para, width float64) box {
	ops, h := l.flow(ps, width)
	return box{ops: ops, h: h}
}

// line sets a single line of text at the top of a box; it returns the op and its width.
func (l *lay) line(s string, st style, x, top float64) op {
	s = clean(s)
	return op{k: opText, x: x, y: top + l.mt.baseline(st.size), w: l.m.width(st, s), h: l.mt.lineH(st.size), st: st, s: s}
}

// label returns a document label, trying keys in order, so that a missing key falls
// back to a related one rather than to the bare key.
func (l *lay) label(keys ...string) string {
	for _, k := range keys {
		if s, ok := l.d.Labels[k]; ok && s != "" {
			return s
		}
	}
	return l.d.Label(keys[0])
}
