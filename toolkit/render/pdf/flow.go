package pdf

import (
	"math"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

// item is a box in the flow of a document, with what pagination needs to know.
type item struct {
	b    box
	gap  float64 // space above; dropped at the top of a page
	keep bool    // keep on the same page as the next item (a heading with its first block)
	rule bool    // a thin rule in the middle of the gap, unless at the top of a page
	// cont is drawn first when the item starts a page in the middle of its section: a
	// table's column header.
	cont  *box
	sec   int  // index of the section in the document, for blocks
	block bool // a library item the user could drop
	// newPage starts a new page: the back page of sources.
	newPage bool
}

// items lays out the whole document as a flow of unsplittable items.
func (l *lay) items() []item {
	its := []item{{b: l.front(), keep: true, sec: -1}}
	secs := l.d.Sections
	for si := 0; si < len(secs); si++ {
		if n := l.columnRun(si); n > 1 {
			its = append(its, l.columns(si, n))
			si += n - 1
			continue
		}
		its = append(its, l.sectionItems(si)...)
	}
	if l.back {
		// The back page: the call to action first, then the sources; page 1 ends with
		// a line saying so.
		note := l.line(l.label("on_back"), style{size: l.mt.small, italic: true, colour: l.pal.muted}, 0, 0)
		note.x = l.w - note.w
		for i := range its {
			if its[i].sec >= 0 && l.d.Sections[its[i].sec].ID == "cta" || i == len(its)-1 {
				at := i
				if i == len(its)-1 && !(its[i].sec >= 0 && l.d.Sections[its[i].sec].ID == "cta") {
					at = i + 1
				}
				its = append(its[:at], append([]item{{b: box{ops: []op{note}, h: l.mt.lineH(l.mt.small)}, gap: l.mt.gapBlock}}, its[at:]...)...)
				break
			}
		}
		for i := range its {
			if its[i].sec >= 0 && l.d.Sections[its[i].sec].ID == "cta" {
				its[i].newPage = true
				break
			}
			if i == len(its)-1 {
				its = append(its, item{newPage: true})
			}
		}
	}
	if len(l.d.References) > 0 && l.rail > 0 {
		var b box
		b.ops = append(b.ops, hline(0, 0, l.w, l.pal.rule, 0.2))
		b.ops = append(b.ops, l.line(strings.ToUpper(l.label("sources")), l.labelSt(l.pal.brand), 0, 2.2))
		full := l.w
		l.w = full - l.rail
		refs := l.sourcesBlock()
		l.w = full
		b.add(refs.ops, l.rail, 2.2)
		b.h = 2.2 + refs.h
		its = append(its, item{b: b, gap: l.mt.gapSection})
	} else if len(l.d.References) > 0 {
		its = append(its, item{b: l.minorHeading(l.label("sources")), gap: l.mt.gapSection, keep: true})
		// Sources are small print: two balanced columns save room.
		its = append(its, item{b: l.sourcesBlock()})
	}
	// The masthead names the first contacts; a brief lists them all at its end when
	// there are more.
	if l.d.Kind == document.Brief && len(l.d.Contacts) > mastheadContacts {
		its = append(its, l.contactItems(false)...)
	}
	return its
}

// contactItems lays out the media contacts, inline or under a heading.
func (l *lay) contactItems(inline bool) []item {
	cs := l.contacts(inline)
	if len(cs) == 0 {
		return nil
	}
	var its []item
	if !inline {
		its = append(its, item{b: l.heading(l.label("media_contacts", "contacts")), gap: l.mt.gapSection, keep: true})
	}
	for i, b := range cs {
		gap := l.mt.gapPara
		if i == 0 {
			gap = l.mt.gapSection
			if !inline {
				gap = 0
			}
		}
		its = append(its, item{b: b, gap: gap})
	}
	return its
}

// sectionItems lays out section si at the current width: its heading, kept with the
// first block, then one item per block. With a rail, the heading goes in the rail
// beside the first block and the blocks in the text column.
func (l *lay) sectionItems(si int) []item {
	if l.rail > 0 {
		return l.railSectionItems(si)
	}
	s := l.d.Sections[si]
	head, cont, blocks := l.section(si, s)
	if len(blocks) == 0 {
		return nil
	}
	var its []item
	if head.h > 0 {
		its = append(its, item{b: head, gap: l.mt.gapSection, keep: true, sec: si})
	}
	table := cont != nil
	for i, b := range blocks {
		it := item{b: b, gap: l.mt.gapBlock, sec: si, block: !l.panel(si)}
		switch k := s.Blocks[i].Kind; {
		case i == 0 && head.h > 0:
			it.gap = 0
		case i == 0:
			it.gap = l.mt.gapSection
		case table || k == document.BlockMyth || k == document.BlockQuestion || k == document.BlockShift:
			it.rule = true
			if table {
				it.gap = l.mt.gapBlock * 0.8
			}
		case k == document.BlockFact || k == document.BlockText:
			it.gap = l.mt.gapBlock * 0.6
		}
		if i > 0 {
			it.cont = cont
		}
		its = append(its, it)
	}
	// A heading never stands with one item alone at a page's foot: the first block
	// keeps with the second.
	if head.h > 0 && len(its) > 2 {
		its[1].keep = true
	}
	return its
}

// railSectionItems lays a section out on the rail grid: a brand rule across the page,
// the heading in the rail, the table header (if any) and the blocks in the text column.
// The first item holds the heading, the header and the first block, and keeps with the
// second block, so that a heading never ends a page.
func (l *lay) railSectionItems(si int) []item {
	s := l.d.Sections[si]
	full := l.w
	rail := l.rail
	l.w = full - rail
	_, cont, blocks := l.section(si, s)
	l.w = full
	if len(blocks) == 0 {
		return nil
	}
	shift := func(b box) box {
		var o box
		o.add(b.ops, rail, 0)
		o.h = b.h
		return o
	}
	var contR *box
	if cont != nil {
		c := shift(*cont)
		contR = &c
	}
	var its []item
	for i, b := range blocks {
		it := item{b: shift(b), gap: l.mt.gapBlock, sec: si, block: !l.panel(si)}
		switch k := s.Blocks[i].Kind; {
		case cont != nil || k == document.BlockMyth || k == document.BlockQuestion || k == document.BlockShift:
			it.rule = true
			if cont != nil {
				it.gap = l.mt.gapBlock * 0.8
			}
		case k == document.BlockFact || k == document.BlockText:
			it.gap = l.mt.gapBlock * 0.6
		}
		if i > 0 {
			it.cont = contR
		}
		its = append(its, it)
	}
	// The first item: rule, heading and first block.
	var first box
	top := 0.0
	if !l.panel(si) {
		first.ops = append(first.ops, hline(0, 0, full, l.pal.brand.mix(0.55), 0.25))
		top = 2.2
	}
	hh := 0.0
	if s.Heading != "" && !l.panel(si) {
		h := l.railHeading(s.Heading, rail-5)
		first.add(h.ops, 0, top)
		hh = h.h
	}
	y := top
	if contR != nil {
		first.add(contR.ops, 0, y)
		y += contR.h
	}
	first.add(its[0].b.ops, 0, y)
	first.h = max(top+hh, y+its[0].b.h)
	its[0].b = first
	its[0].gap = l.mt.gapSection
	its[0].rule = false
	if len(its) > 1 {
		its[0].keep = true
	}
	return its
}

// columnRun says how many sections from si on a prep sheet sets in two columns: the
// run of sections that are neither panels nor tables. Other documents have none.
func (l *lay) columnRun(si int) int {
	if l.d.Kind != document.Prep {
		return 0
	}
	n := 0
	for _, s := range l.d.Sections[si:] {
		if l.panel(si+n) || len(s.Blocks) == 0 || s.Blocks[0].Kind == document.BlockShift || s.Blocks[0].Kind == document.BlockTerm && l.termsWhy {
			break
		}
		n++
	}
	return n
}

// columns sets sections si to si+n-1 in two columns, as one item: the sections stay
// whole and in order, split where the two columns come out most even.
func (l *lay) columns(si, n int) item {
	gap := 7.0
	w := l.w
	cw := (w - gap) / 2
	l.w = cw
	var secs []box
	for k := si; k < si+n; k++ {
		its := l.sectionItems(k)
		if len(its) > 0 {
			its[0].gap = 0
		}
		pages, _ := paginate(its, math.Inf(1), math.Inf(1))
		var b box
		for _, pl := range pages[0].items {
			b.add(pl.b.ops, 0, pl.y)
			if pl.rule >= 0 {
				b.ops = append(b.ops, hline(0, pl.rule, cw, l.pal.rule.mix(0.75), 0.2))
			}
		}
		b.h = pages[0].used
		secs = append(secs, b)
	}
	l.w = w
	height := func(bs []box) float64 {
		h := 0.0
		for i, b := range bs {
			if i > 0 {
				h += l.mt.gapSection
			}
			h += b.h
		}
		return h
	}
	best, bestH := 1, math.Inf(1)
	for k := 1; k < len(secs); k++ {
		if h := max(height(secs[:k]), height(secs[k:])); h < bestH {
			best, bestH = k, h
		}
	}
	var out box
	for c, part := range [][]box{secs[:best], secs[best:]} {
		y := 0.0
		for i, b := range part {
			if i > 0 {
				y += l.mt.gapSection
			}
			out.add(b.ops, float64(c)*(cw+gap), y)
			y += b.h
		}
		out.grow(y)
	}
	return item{b: out, gap: l.mt.gapSection, sec: -1}
}

// placed is an item at a height on a page, measured from the top of the content area.
type placed struct {
	b    *box
	y    float64
	rule float64 // y of the separating rule, or -1
}

type page struct {
	items []placed
	used  float64
}

// paginate places items on pages whose content areas are capFirst (page 1) and capRest
// (later pages) tall. An item never splits; a heading goes to the next page with its
// first block. over reports an item taller than a whole page.
func paginate(its []item, capFirst, capRest float64) (pages []page, over float64) {
	pages = []page{{}}
	y, capacity := 0.0, capFirst
	const eps = 0.01
	for i := range its {
		it := &its[i]
		gap := it.gap
		if y == 0 {
			gap = 0
		}
		need := gap + it.b.h
		for j := i; j+1 < len(its) && its[j].keep; j++ {
			need += its[j+1].gap + its[j+1].b.h
		}
		pg := &pages[len(pages)-1]
		if it.newPage && (y > 0 || len(pages) == 1) || y > 0 && y+need > capacity+eps {
			pg.used = y
			pages = append(pages, page{})
			pg = &pages[len(pages)-1]
			y, gap, capacity = 0, 0, capRest
			if it.cont != nil {
				pg.items = append(pg.items, placed{b: it.cont, y: 0, rule: -1})
				y = it.cont.h
			}
		}
		rule := -1.0
		if it.rule && gap > 0 {
			rule = y + gap/2
		}
		pg.items = append(pg.items, placed{b: &it.b, y: y + gap, rule: rule})
		y += gap + it.b.h
		if y > capacity+eps {
			over = max(over, y-capacity)
		}
	}
	pages[len(pages)-1].used = y
	return pages, over
}
