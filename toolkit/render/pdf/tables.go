package pdf

import (
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

// columns of the say-this/not-that table.
func (l *lay) shiftCols() (w, gap float64) {
	gap = 6
	return (l.w - gap) / 2, gap
}

// shift: a headline across, then what to say (left) and what not to (right, grey).
func (l *lay) shift(b document.Block) box {
	cw, gap := l.shiftCols()
	var out box
	y := 0.0
	if !b.Head.Empty() {
		hst := l.body()
		hst.bold = true
		t := l.text(l.paras(b.Head, hst), l.w)
		out.add(t.ops, 0, 0)
		y = t.h + l.mt.gapPara
	}
	// Every cell carries its tag, white on the brand colour or on grey, so that SAY and
	// NOT read apart in greyscale without a header to look back to.
	use := l.tagged(l.label("say_this"), l.pal.brand.forWhite(), l.withRefs(l.paras(b.Use, l.body()), b.Refs, l.body()), cw-3)
	leave := l.tagged(l.label("not_this", "not"), tagGrey, l.paras(b.Leave, style{size: l.mt.body, colour: l.pal.muted}), cw-3)
	h := max(use.h, leave.h)
	bar := l.pal.brand
	out.ops = append(out.ops, rect(0, y+0.4, 0.8, h-0.8, &bar, nil, 0))
	grey := l.pal.rule
	out.ops = append(out.ops, rect(cw+gap, y+0.4, 0.8, h-0.8, &grey, nil, 0))
	out.add(use.ops, 3, y)
	out.add(leave.ops, cw+gap+3, y)
	out.h = y + h
	return out
}

// The language guide's columns: words to avoid, what to say instead, and why.
func (l *lay) termCols() [3]float64 {
	gap := 4.0
	if !l.termsWhy {
		a := (l.w - gap) * 0.45
		return [3]float64{a, l.w - gap - a, 0}
	}
	a := (l.w - 2*gap) * 0.27
	s := (l.w - 2*gap) * 0.30
	return [3]float64{a, s, l.w - 2*gap - a - s}
}

func (l *lay) termHeader() box {
	c := l.termCols()
	var b box
	base := l.mt.baseline(l.mt.label) + tagPadY
	avoid, _ := l.tag(l.label("avoid", "not_this"), tagGrey, base)
	say, _ := l.tag(l.label("instead", "say_this"), l.pal.brand.forWhite(), base)
	b.add(avoid, 0, 0)
	b.add(say, c[0]+4, 0)
	if l.termsWhy {
		b.ops = append(b.ops, l.line(strings.ToUpper(l.label("why")), l.labelSt(l.pal.muted), c[0]+c[1]+8, 0))
	}
	h := l.mt.lineH(l.mt.label) + 0.6
	b.ops = append(b.ops, hline(0, h, l.w, l.pal.rule, 0.25))
	b.h = h + 2
	return b
}

// term: one row of the language guide.
func (l *lay) term(b document.Block) box {
	c := l.termCols()
	var out box
	ast := style{size: l.mt.body, colour: l.pal.muted}
	sst := l.body()
	sst.bold = true
	avoid := l.text(plain(strings.Join(b.Avoid, ", "), ast), c[0])
	say := l.text(plain(strings.Join(b.Say, ", "), sst), c[1])
	out.add(avoid.ops, 0, 0)
	out.add(say.ops, c[0]+4, 0)
	out.h = max(avoid.h, say.h)
	if l.termsWhy {
		wst := l.small()
		why := l.text(l.withRefs(l.paras(b.Body, wst), b.Refs, wst), c[2])
		// The smaller "why" text sits on the same first baseline as the others.
		out.add(why.ops, c[0]+c[1]+8, l.mt.baseline(l.mt.body)-l.mt.baseline(wst.size))
		out.h = max(out.h, why.h)
	}
	return out
}
