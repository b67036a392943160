package pdf

import (
	"strconv"
	"strings"
)

const logoH = 11.0 // mm

// front is the top of page 1: the embargo banner, the masthead (logo, organisation,
// date) over a brand rule, the title and the standfirst.
func (l *lay) front() box {
	var b box
	y := 0.0
	if e := strings.TrimSpace(l.d.Embargo); e != "" {
		st := style{size: l.mt.body, bold: true, colour: l.pal.brand}
		pad := 2.2
		t := l.text(plain(e, st), l.w-2*pad)
		// Centre each line of the banner.
		lines := centre(t.ops, l.w-2*pad)
		h := t.h + 2*pad*0.75
		c := l.pal.brand
		b.ops = append(b.ops, rect(0, y, l.w, h, nil, &c, 0.5))
		b.add(lines, pad, y+pad*0.75)
		y += h + 4.5*l.mt.gapInner/1.4
	}

	// Masthead row.
	date := style{size: l.mt.small, colour: l.pal.muted}
	org := style{size: l.mt.heading * 1.05, bold: true, colour: l.pal.ink}
	rowH := l.mt.lineH(org.size)
	if l.logo > 0 {
		rowH = max(rowH, logoH)
	}
	x := 0.0
	if l.logo > 0 {
		w := min(logoH*l.logo, 50)
		b.ops = append(b.ops, op{k: opImage, x: 0, y: y, w: w, h: w / l.logo, s: logoName})
		x = w + 4
	}
	var dateOp *op
	dw := 0.0
	if l.d.DateText != "" {
		o := l.line(l.d.DateText, date, 0, 0)
		dw = o.w
		o.x = l.w - o.w
		dateOp = &o
	}
	if name := strings.TrimSpace(l.d.Masthead.Org); name != "" {
		t := l.text(plain(name, org), l.w-x-dw-6)
		b.add(t.ops, x, y+max(0, (rowH-t.h)/2))
		rowH = max(rowH, t.h)
	}
	if dateOp != nil {
		dateOp.y = y + (rowH-l.mt.lineH(date.size))/2 + l.mt.baseline(date.size)
		b.ops = append(b.ops, *dateOp)
	}
	y += rowH + 2
	c := l.pal.brand
	b.ops = append(b.ops, rect(0, y, l.w, 0.7, &c, nil, 0))
	y += 0.7 + 6.5*(0.5+l.mt.gapInner/2.8)

	if l.d.Title != "" {
		st := style{serif: true, bold: true, size: l.mt.title, colour: l.pal.ink}
		// Titles set tighter than text.
		lead := l.mt.lead
		l.mt.lead = 1.18
		t := l.text(plain(l.d.Title, st), l.w)
		l.mt.lead = lead
		b.add(t.ops, 0, y)
		y += t.h + 2.5*(0.5+l.mt.gapInner/2.8)
	}
	if !l.d.Intro.Empty() {
		st := style{serif: true, size: l.mt.stand, colour: rgb{0x33, 0x33, 0x33}}
		t := l.text(l.paras(l.d.Intro, st), l.w)
		b.add(t.ops, 0, y)
		y += t.h
	}
	b.h = y
	return b
}

// centre shifts each line's text ops so the line is centred in width.
func centre(ops []op, width float64) []op {
	out := append([]op(nil), ops...)
	i := 0
	for i < len(out) {
		j := i
		right := 0.0
		for j < len(out) && out[j].y == out[i].y {
			right = max(right, out[j].x+out[j].w)
			j++
		}
		dx := (width - right) / 2
		for k := i; k < j; k++ {
			out[k].x += dx
		}
		i = j
	}
	return out
}

// runningHead is the small line at the top of pages after the first: the title and
// the date over a thin rule.
func (l *lay) runningHead() box {
	var b box
	st := style{size: l.mt.footer, colour: l.pal.faint}
	date := ""
	if l.d.DateText != "" {
		o := l.line(l.d.DateText, st, 0, 0)
		o.x = l.w - o.w
		b.ops = append(b.ops, o)
		date = l.d.DateText
	}
	left := l.d.Title
	if org := strings.TrimSpace(l.d.Masthead.Org); org != "" {
		left = org + " · " + left
	}
	avail := l.w - l.m.width(st, date) - 8
	if l.m.width(st, left) > avail {
		// Too long for one line: shorten at a word and mark the cut.
		words := strings.Fields(left)
		for len(words) > 1 && l.m.width(st, strings.Join(words, " ")+"…") > avail {
			words = words[:len(words)-1]
		}
		left = strings.Join(words, " ") + "…"
		if l.m.width(st, left) > avail {
			left = ""
		}
	}
	if left != "" {
		b.ops = append(b.ops, l.line(left, st, 0, 0))
	}
	h := l.mt.lineH(st.size) + 0.5
	b.ops = append(b.ops, hline(0, h, l.w, l.pal.rule, 0.2))
	b.h = h + 2 + 3*l.mt.gapInner/1.4
	return b
}

// footer is the foot of page n of total: the organisation and its contacts (only those
// given) on the left, the page number on the right, under a thin rule.
func (l *lay) footer(n, total int) box {
	var b box
	st := style{size: l.mt.footer, colour: l.pal.faint}
	pageText := strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(total)).Replace(l.label("page_of"))
	if pageText == "page_of" {
		pageText = strconv.Itoa(n) + " / " + strconv.Itoa(total)
	}
	top := 1.6
	pg := l.line(pageText, st, 0, top)
	pg.x = l.w - pg.w
	b.ops = append(b.ops, hline(0, 0, l.w, l.pal.rule, 0.2), pg)

	m := l.d.Masthead
	var rs []run
	add := func(text, link string) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		s := st
		if link != "" {
			s.link = link
		}
		if len(rs) > 0 {
			rs = append(rs, run{text: "  ·  ", st: st})
		}
		rs = append(rs, run{text: text, st: s})
	}
	if org := strings.TrimSpace(m.Org); org != "" {
		bst := st
		bst.bold, bst.colour = true, l.pal.muted
		rs = append(rs, run{text: org, st: bst})
	}
	add(displayURL(m.URL), webLink(m.URL))
	add(m.Email, mailLink(m.Email))
	add(nobreak(m.Phone), telLink(m.Phone))
	h := l.mt.lineH(st.size)
	if len(rs) > 0 {
		t := l.text([]para{{runs: rs, size: st.size}}, l.w-pg.w-8)
		b.add(t.ops, 0, top)
		h = max(h, t.h)
	}
	b.h = top + h
	return b
}

func displayURL(u string) string {
	u = strings.TrimSpace(u)
	for _, p := range []string{"https://", "http://"} {
		u = strings.TrimPrefix(u, p)
	}
	return strings.TrimSuffix(u, "/")
}

func webLink(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	if !strings.Contains(u, "://") {
		return "https://" + u
	}
	return u
}

func mailLink(e string) string {
	if e = strings.TrimSpace(e); e == "" {
		return ""
	}
	return "mailto:" + e
}

func telLink(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r == '+' && b.Len() == 0 || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 3 {
		return ""
	}
	return "tel:" + b.String()
}
