package pdf

import (
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/toolkit/render"
)

// draw replays the laid-out pages on p.
func (l *lay) draw(p *fpdf.Fpdf, pages []page, g geometry) {
	links := map[int]int{}
	for _, r := range l.d.References {
		links[r.N] = p.AddLink()
	}
	mg := l.mt.margin
	// Every footer and running head is laid out before the first page is added: fpdf
	// writes font changes into the current page, and layout changes fonts.
	feet := make([]box, len(pages))
	for i := range pages {
		if l.pageTotal > 0 {
			feet[i] = l.footer(l.pageOffset+i+1, l.pageTotal)
		} else {
			feet[i] = l.footer(i+1, len(pages))
		}
	}
	for i, pg := range pages {
		p.AddPage()
		top := mg
		if i > 0 {
			l.replay(p, &g.head, mg, mg, links)
			top += g.head.h
		}
		for _, pl := range pg.items {
			if pl.rule >= 0 {
				l.replay(p, &box{ops: []op{hline(l.rail, 0, l.w-l.rail, l.pal.rule.mix(0.75), 0.2)}}, mg, top+pl.rule, links)
			}
			l.replay(p, pl.b, mg, top+pl.y, links)
		}
		l.replay(p, &feet[i], mg, g.footerTop, links)
	}
}

// replay draws the ops of b with its top left corner at (x0, y0).
func (l *lay) replay(p *fpdf.Fpdf, b *box, x0, y0 float64, links map[int]int) {
	for _, o := range b.ops {
		x, y := x0+o.x, y0+o.y
		switch o.k {
		case opText:
			l.m.use(o.st)
			c := o.st.colour
			p.SetTextColor(int(c.r), int(c.g), int(c.b))
			p.Text(x, y, o.s)
			size := mm(o.st.size)
			top, h := y-size*0.95, size*1.25
			if o.st.link != "" {
				p.LinkString(x, top, o.w, h, o.st.link)
			}
			if o.st.ref != 0 {
				if id, ok := links[o.st.ref]; ok {
					p.Link(x, top, o.w, h, id)
				}
			}
			if o.st.underline {
				p.SetDrawColor(int(c.r), int(c.g), int(c.b))
				p.SetLineWidth(max(0.12, size*0.05))
				p.Line(x, y+size*0.14, x+o.w, y+size*0.14)
			}
		case opRect:
			st := ""
			if o.fill != nil {
				p.SetFillColor(int(o.fill.r), int(o.fill.g), int(o.fill.b))
				st += "F"
			}
			if o.stroke != nil {
				p.SetDrawColor(int(o.stroke.r), int(o.stroke.g), int(o.stroke.b))
				p.SetLineWidth(o.lw)
				st += "D"
			}
			p.Rect(x, y, o.w, o.h, st)
		case opLine:
			p.SetDrawColor(int(o.stroke.r), int(o.stroke.g), int(o.stroke.b))
			p.SetLineWidth(o.lw)
			p.Line(x, y, x+o.w, y+o.h)
		case opImage:
			p.ImageOptions(o.s, x, y, o.w, o.h, false, fpdf.ImageOptions{}, 0, "")
		case opAnchor:
			if id, ok := links[o.n]; ok {
				p.SetLink(id, y, -1)
			}
		}
	}
}

// clean drops characters that are never drawn (soft hyphens, zero-width characters,
// controls) and turns other white space into spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case render.Invisible(r):
			return -1
		}
		return r
	}, s)
}
