package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

// contacts lists the media contacts: name, role, e-mail and phone, only those given.
// With inline, the first line starts with the label "MEDIA CONTACTS" instead of having a
// heading of its own, to save room on one-page documents.
func (l *lay) contacts(inline bool) []box {
	var out []box
	for i, c := range l.d.Contacts {
		st := l.body()
		var rs []run
		if inline && i == 0 {
			lab := l.labelSt(l.pal.brand)
			rs = append(rs, run{text: strings.ToUpper(l.label("media_contacts", "contacts")) + "\u2003", st: lab})
		}
		if n := strings.TrimSpace(c.Name); n != "" {
			b := st
			b.bold = true
			rs = append(rs, run{text: n, st: b})
		}
		if r := strings.TrimSpace(c.Role); r != "" {
			m := st
			m.colour = l.pal.muted
			if len(rs) > 0 {
				rs = append(rs, run{text: ", ", st: m})
			}
			rs = append(rs, run{text: r, st: m})
		}
		for _, f := range []struct{ key, val, link string }{
			{"email", c.Email, mailLink(c.Email)},
			{"phone", c.Phone, telLink(c.Phone)},
		} {
			v := strings.TrimSpace(f.val)
			if v == "" {
				continue
			}
			if len(rs) > 0 {
				rs = append(rs, run{text: "  ·  ", st: style{size: st.size, colour: l.pal.rule}})
			}
			lab := style{size: l.mt.small, colour: l.pal.muted}
			ls := st
			ls.link, ls.colour = f.link, l.pal.brand
			// A label and its value, and a phone number, never break across lines.
			rs = append(rs, run{text: nobreak(l.label(f.key)) + "\u00a0", st: lab}, run{text: nobreak(v), st: ls})
		}
		if len(rs) == 0 || inline && i == 0 && len(rs) == 1 {
			continue
		}
		out = append(out, l.text([]para{{runs: rs, size: st.size}}, l.w))
	}
	return out
}

// reference is one entry of the numbered list of sources, in small dark-grey type with
// the title in italics and a short address as a link, and the target of the "[n]"
// links in the text. Russian print drops the bracketed translations of titles (the HTML
// keeps them).
func (l *lay) reference(r document.Reference, width float64) box {
	st := style{size: l.mt.ref, colour: rgb{0x33, 0x33, 0x33}}
	num := l.line(strconv.Itoa(r.N)+".", st, 0, 0)
	indent := 6.0
	num.x = indent - 1.5 - num.w
	// One-page documents have room for the short entry; the brief gives the whole one.
	text := strings.TrimSpace(r.Text)
	if l.d.Kind != document.Brief && strings.TrimSpace(r.Short) != "" {
		text = strings.TrimSpace(r.Short)
	}
	title := strings.TrimSpace(r.Title)
	if l.d.Lang == "ru" {
		text, title = dropBrackets(text), dropBrackets(title)
	}
	if text == "" {
		text = title
	}
	if text != "" && !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "?") && !strings.HasSuffix(text, "!") {
		text += "."
	}
	var rs []run
	if i := strings.Index(text, title); title != "" && i >= 0 {
		it := st
		it.italic = true
		rs = append(rs, run{text: text[:i], st: st}, run{text: title, st: it}, run{text: text[i+len(title):], st: st})
	} else {
		rs = append(rs, run{text: text, st: st})
	}
	if u := strings.TrimSpace(r.URL); u != "" {
		ls := st
		ls.link, ls.colour = u, l.pal.brand
		if text != "" {
			rs = append(rs, run{text: " ", st: st})
		}
		rs = append(rs, run{text: shortURL(u), st: ls})
	}
	t := l.text([]para{{runs: rs, size: st.size}}, width-indent)
	b := box{ops: make([]op, 0, 2+len(t.ops))}
	b.ops = append(b.ops, op{k: opAnchor, n: r.N}, num)
	b.add(t.ops, indent, 0)
	b.h = t.h
	return b
}

// dropBrackets removes bracketed parts, " [Перевод названия]", from a reference.
func dropBrackets(s string) string {
	for {
		i := strings.Index(s, "[")
		if i < 0 {
			// "Wrong? [Неверна ли…]." loses its bracket, not the question mark.
			return strings.NewReplacer("?.", "?", "!.", "!").Replace(s)
		}
		j := strings.Index(s[i:], "]")
		if j < 0 {
			return s
		}
		s = strings.TrimRight(s[:i], " \u00a0") + s[i+j+1:]
	}
}

// shortURLMax is the longest address printed in a list of sources (design review fix 5).
const shortURLMax = 45

// shortURL is an address as printed: host and path without "https://" or "www.", cut at
// a "/" or "-" and marked "…" when longer than shortURLMax characters. The link keeps the
// whole address.
func shortURL(u string) string {
	s := displayURL(u)
	s = strings.TrimPrefix(s, "www.")
	if i := strings.IndexAny(s, "?#"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, "/")
	rs := []rune(s)
	if len(rs) <= shortURLMax {
		return s
	}
	cut := shortURLMax - 1
	for k := cut; k > shortURLMax/2; k-- {
		if rs[k-1] == '/' || rs[k] == '-' {
			cut = k
			break
		}
	}
	return string(rs[:cut]) + "…"
}

// referenceColumns sets the references in two columns of about equal height, numbered
// down the first column and then the second.
func (l *lay) referenceColumns() box {
	gap := 6.0
	cw := (l.w - gap) / 2
	bs := make([]box, 0, len(l.d.References))
	total := 0.0
	nops := 0
	vgap := l.mt.gapPara * 0.5
	for _, r := range l.d.References {
		b := l.reference(r, cw)
		bs = append(bs, b)
		total += b.h + vgap
		nops += len(b.ops)
	}
	// The split that makes the taller column shortest.
	best, bestH := len(bs), math.Inf(1)
	left := 0.0
	for k := 0; k <= len(bs); k++ {
		if k > 0 {
			left += bs[k-1].h + vgap
		}
		if h := max(left, total-left); h < bestH {
			best, bestH = k, h
		}
	}
	out := box{ops: make([]op, 0, nops)}
	for c, part := range [][]box{bs[:best], bs[best:]} {
		y := 0.0
		for i, b := range part {
			if i > 0 {
				y += vgap
			}
			out.add(b.ops, float64(c)*(cw+gap), y)
			y += b.h
		}
		out.grow(y)
	}
	return out
}

// minorHeading is a small heading for the list of sources: upper-case label type over a
// thin rule.
func (l *lay) minorHeading(text string) box {
	var b box
	b.ops = append(b.ops, l.line(strings.ToUpper(text), l.labelSt(l.pal.brand), 0, 0))
	h := l.mt.lineH(l.mt.label) + 0.5
	b.ops = append(b.ops, hline(0, h, l.w, l.pal.rule, 0.2))
	b.h = h + 1.8
	return b
}

// nobreak joins the words of s with no-break spaces.
func nobreak(s string) string { return strings.Join(strings.Fields(s), "\u00a0") }
