package pdf

import (
	"strconv"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

const logoH = 12.0 // mm, the most a logo may be high

// mastheadContacts is how many media contacts the masthead shows; a brief lists the
// rest at its end.
const mastheadContacts = 2

// band is a solid bar across the page with one centred line of white bold capitals: the
// embargo, or a prep sheet's "not for distribution".
func (l *lay) band(text string, size float64, fill rgb) box {
	var b box
	st := style{size: size, bold: true, colour: rgb{0xff, 0xff, 0xff}}
	pad := 1.5
	t := l.textLead(plain(text, st), l.w-2*pad, 1.2)
	h := t.h + 2*pad
	b.ops = append(b.ops, rect(0, 0, l.w, h, &fill, nil, 0))
	b.add(centre(t.ops, l.w-2*pad), pad, pad)
	b.h = h
	return b
}

// dark is the brand colour darkened, for bars with white text.
func (l *lay) dark() rgb {
	c := l.pal.brand
	f := func(v uint8) uint8 { return uint8(float64(v) * 0.8) }
	return rgb{f(c.r), f(c.g), f(c.b)}
}

// front is the top of page 1: the embargo or not-for-distribution band, the masthead
// (logo, organisation and date on the left, the media contact on the right) over a brand
// rule, the title and the standfirst.
func (l *lay) front() box {
	var b box
	y := 0.0
	e := strings.TrimSpace(l.d.Embargo)
	if l.d.Kind == document.Prep {
		// One bar for both: not for distribution, and the embargo.
		text := strings.ToUpper(l.label("internal_band"))
		if e != "" {
			text += "\u2002·\u2002" + e
			e = ""
		}
		bd := l.band(text, 8, rgb{0x33, 0x33, 0x33})
		b.add(bd.ops, 0, y)
		y += bd.h + 2.5
	}
	if e != "" {
		bd := l.band(e, 9, l.dark())
		b.add(bd.ops, 0, y)
		y += bd.h + 3.5
	}

	// The media contact, right-aligned, set first to know how much room it takes.
	contact := l.mastheadContact()
	cw := 0.0
	for _, o := range contact.ops {
		cw = max(cw, o.x+o.w)
	}
	for i := range contact.ops {
		contact.ops[i].x += l.w - cw
	}

	// Logo, organisation and date on the left.
	org := style{size: 9, bold: true, colour: l.pal.ink}
	date := style{size: 8.5, colour: l.pal.muted}
	x, left := 0.0, 0.0
	if l.logo > 0 {
		h := logoH
		w := min(h*l.logo, 45)
		h = w / l.logo
		b.ops = append(b.ops, op{k: opImage, x: 0, y: y, w: w, h: h, s: logoName})
		x = w + 3.5
		left = h
	}
	ty := 0.0
	avail := l.w - x - cw - 6
	if name := strings.TrimSpace(l.d.Masthead.Org); name != "" {
		t := l.textLead(plain(name, org), avail, 11.0/9)
		b.add(t.ops, x, y+ty)
		ty += t.h
	}
	if l.d.DateText != "" {
		t := l.text(plain(l.d.DateText, date), avail)
		b.add(t.ops, x, y+ty)
		ty += t.h
	}
	b.add(contact.ops, 0, y)
	y += max(left, ty, contact.h) + 2
	c := l.pal.brand
	b.ops = append(b.ops, rect(0, y, l.w, 0.7, &c, nil, 0))
	y += 0.7 + 6.5*(0.5+l.mt.gapInner/2.8)

	if l.d.Title != "" {
		st := style{serif: true, bold: true, size: l.mt.title, colour: l.pal.ink}
		if l.d.Kind == document.Prep {
			// A working sheet: the core message, not the title, is its largest text.
			st.size = max(16, l.mt.title*0.75)
		}
		// Titles set tighter than text.
		t := l.textLead(plain(l.d.Title, st), l.w, 1.18)
		tw := 0.0
		for _, o := range t.ops {
			tw = max(tw, o.x+o.w)
		}
		b.add(t.ops, 0, y)
		if l.d.Kind == document.Prep && tw+8+l.fieldsWidth() <= l.w && len(t.ops) > 0 && t.ops[0].y == t.ops[len(t.ops)-1].y {
			// A short one-line title: the fields to fill in sit beside it, their writing
			// lines on its baseline.
			x := tw + 8
			f := l.fields(l.w - x)
			b.add(f.ops, x, y+t.ops[0].y-f.h+0.3)
			y += t.h + 2.5*(0.5+l.mt.gapInner/2.8)
		} else {
			y += t.h + 2.5*(0.5+l.mt.gapInner/2.8)
			if l.d.Kind == document.Prep {
				f := l.fields(l.w)
				b.add(f.ops, 0, y)
				y += f.h
			}
		}
	}
	if !l.d.Intro.Empty() {
		st := style{serif: true, size: l.mt.stand, colour: rgb{0x33, 0x33, 0x33}}
		t := l.text(l.paras(l.d.Intro, st), l.measure(st.size, l.w))
		b.add(t.ops, 0, y)
		y += t.h
	}
	b.h = y
	return b
}

// fields is the prep sheet's row of fields to fill in before an interview: outlet,
// journalist, date and time, format, deadline; each a small label over a writing line.
func (l *lay) fields(width float64) box {
	keys := []string{"field_outlet", "field_journalist", "field_when", "field_format", "field_deadline"}
	// Each field is as wide as its label and a share of what is left, the outlet and
	// the journalist a larger share.
	weights := []float64{1.5, 1.5, 1, 0.6, 0.6}
	gap := 3.5
	lab := style{size: floorNote, bold: true, colour: l.pal.muted}
	var texts []string
	need, total := gap*float64(len(keys)-1), 0.0
	ws := make([]float64, len(keys))
	for i, k := range keys {
		texts = append(texts, strings.ToUpper(l.label(k)))
		ws[i] = l.m.width(lab, texts[i]) + 1
		need += ws[i]
		total += weights[i]
	}
	spare := max(0, width-need)
	var b box
	x := 0.0
	h := l.mt.lineH(lab.size) + 4.2
	for i := range keys {
		w := ws[i] + spare*weights[i]/total
		b.ops = append(b.ops, l.line(texts[i], lab, x, 0), hline(x, h, w, rgb{0x99, 0x99, 0x99}, 0.25))
		x += w + gap
	}
	b.h = h + 0.3
	return b
}

// fieldsWidth is the least width the fields take.
func (l *lay) fieldsWidth() float64 {
	lab := style{size: floorNote, bold: true}
	w := 3.5 * 4
	for _, k := range []string{"field_outlet", "field_journalist", "field_when", "field_format", "field_deadline"} {
		w += l.m.width(lab, strings.ToUpper(l.label(k))) + 1 + 12 // a label and room to write
	}
	return w
}

// measure is the widest a column of running text of size pt may be: about 78
// characters, so that no line runs past 80–90.
func (l *lay) measure(pt, w float64) float64 {
	return min(w, 78*0.5*mm(pt))
}

// textLead sets paragraphs with the line height lead × size.
func (l *lay) textLead(ps []para, width, lead float64) box {
	old := l.mt.lead
	l.mt.lead = lead
	t := l.text(ps, width)
	l.mt.lead = old
	return t
}

// mastheadContact is the masthead's right-hand block: "MEDIA CONTACT", then name and
// role, e-mail and phone of the first contacts, 8.5/11 pt, each line right-aligned; the
// organisation's e-mail and phone when no contact is given. Ops start at x = 0.
func (l *lay) mastheadContact() box {
	type entry struct{ name, role, email, phone string }
	var es []entry
	for _, c := range l.d.Contacts {
		if len(es) == mastheadContacts {
			break
		}
		e := entry{strings.TrimSpace(c.Name), strings.TrimSpace(c.Role), strings.TrimSpace(c.Email), strings.TrimSpace(c.Phone)}
		if e != (entry{}) {
			es = append(es, e)
		}
	}
	if len(es) == 0 {
		m := l.d.Masthead
		if e := (entry{email: strings.TrimSpace(m.Email), phone: strings.TrimSpace(m.Phone)}); e != (entry{}) {
			es = append(es, e)
		}
	}
	var b box
	if len(es) == 0 {
		return b
	}
	const size, lineH = 8.5, 11.0 * 25.4 / 72
	lab := style{size: floorNote, bold: true, colour: l.pal.brand}
	st := style{size: size, colour: l.pal.ink}
	var lines [][]run
	lines = append(lines, []run{{text: strings.ToUpper(l.label("media_contact")), st: lab}})
	for _, e := range es {
		var rs []run
		if e.name != "" {
			n := st
			n.bold = true
			rs = append(rs, run{text: nobreak(e.name), st: n})
		}
		if e.role != "" {
			m := st
			m.colour = l.pal.muted
			if len(rs) > 0 {
				rs = append(rs, run{text: ", ", st: m})
			}
			rs = append(rs, run{text: e.role, st: m})
		}
		if len(rs) > 0 {
			lines = append(lines, rs)
		}
		rs = nil
		if e.email != "" {
			ls := st
			ls.link = mailLink(e.email)
			rs = append(rs, run{text: e.email, st: ls})
		}
		if e.phone != "" {
			if len(rs) > 0 {
				rs = append(rs, run{text: "  ·  ", st: style{size: size, colour: l.pal.muted}})
			}
			ls := st
			ls.link = telLink(e.phone)
			rs = append(rs, run{text: nobreak(e.phone), st: ls})
		}
		if len(rs) > 0 {
			lines = append(lines, rs)
		}
	}
	y := 0.0
	for _, rs := range lines {
		x := 0.0
		var ops []op
		for _, r := range rs {
			w := l.m.width(r.st, clean(r.text))
			ops = append(ops, op{k: opText, x: x, y: y + (lineH-mm(size))/2 + 0.86*mm(size), w: w, h: lineH, st: r.st, s: clean(r.text)})
			x += w
		}
		// Right-align each line on the block's right edge: shift by the line's width
		// now, and by the block's width when it is placed.
		for i := range ops {
			ops[i].x -= x
		}
		b.ops = append(b.ops, ops...)
		y += lineH
	}
	minX := 0.0
	for _, o := range b.ops {
		minX = min(minX, o.x)
	}
	for i := range b.ops {
		b.ops[i].x -= minX
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
