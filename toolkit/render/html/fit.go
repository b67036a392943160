package html

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/document"
)

// A browser lays out the page, so the renderer cannot measure it the way the PDF
// renderer does. Instead it estimates the printed height of the document at each fit
// step of documents.css (html.fit-0 … fit-8, the same steps as the PDF's fit loop) from
// the length of its text, and picks the first step at which the document fills its
// pages: one for a handout or a prep sheet, two for a brief. The estimate is
// deliberately a little pessimistic; the constants were calibrated against Chromium's
// print of the embedded library's documents.

// estimateBias corrects the estimate of a brief, which came out 0–8 % short of
// Chromium's layout. The handout's estimate came out 0–7 % long with a machine's
// fallback fonts; with the Noto faces embedded as web fonts (wider than Liberation or
// DejaVu) a Russian handout's contact footer spilled onto a second printed page, so its
// bias was raised until every handout printed on one page (Chromium 156); the prep sheet's
// within 6 % either way: its narrow columns of short paragraphs gain or lose whole lines
// from one step to the next, so its bias leaves room for the worst of them.
const (
	estimateBias = 1.04
	handoutBias  = 1.16
	prepBias     = 1.07
)

// fitMetrics mirrors one html.fit-N rule of documents.css, and the page margin the
// renderer sets with it.
type fitMetrics struct {
	font   float64 // root font size, pt
	space  float64 // --sp
	lead   float64 // --lh
	margin float64 // @page margin, mm: the PDF's margin at the same step
}

var fitSteps = []fitMetrics{
	{10.5, 1, 1.4, 18},
	{10.5, 0.85, 1.38, 18},
	{10.2, 0.78, 1.36, 18},
	{10, 0.7, 1.35, 17},
	{9.75, 0.64, 1.33, 16},
	{9.5, 0.58, 1.32, 16},
	{9.3, 0.54, 1.3, 15},
	{9.1, 0.5, 1.29, 15},
	{9, 0.45, 1.27, 14},
}

// paperMM is the size of the paper.
func paperMM(paper string) (w, h float64) {
	if pageSize(paper) == "letter" {
		return 215.9, 279.4
	}
	return 210, 297
}

// area is the printable area of the paper inside the margins of step m.
func area(paper string, m fitMetrics) (w, h float64) {
	w, h = paperMM(paper)
	return w - 2*m.margin, h - 2*m.margin
}

// fitStep returns the fit step for d: the first whose estimated height fits the pages
// the document may take, or the last step.
func fitStep(d *document.Doc, sections []section) int {
	for i, m := range fitSteps {
		w, h := area(d.Paper, m)
		capacity := h
		if d.Kind == document.Brief {
			// A block never splits, so the first page ends short by up to a block.
			capacity = 2*h - 20
		}
		if estimateHeight(d, sections, m, w)*bias(d) <= capacity*0.96 {
			return i
		}
	}
	return len(fitSteps) - 1
}

// bias is estimateBias for d.
func bias(d *document.Doc) float64 {
	switch d.Kind {
	case document.Prep:
		return prepBias
	case document.Handout:
		return handoutBias
	}
	return estimateBias
}

// est measures text at one fit step.
type est struct {
	kind  document.Kind
	rem   float64 // mm per rem
	sp    float64
	lead  float64
	width float64 // content width, mm
}

// Average advance of a character in em, by font style; Cyrillic letters are wider.
const (
	advRegular = 0.50
	advBold    = 0.545
	advSerif   = 0.50
	cyrillicX  = 1.09
	// lineSlack is the part of a line lost to breaking between words.
	lineSlack = 1.06
)

// lines estimates how many lines s takes at size (rem) in a column width mm wide.
func (e est) lines(s string, size, width, adv float64) float64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	var ems float64
	for _, r := range s {
		a := adv
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			a *= cyrillicX
		case r == ' ' || r == '\u00a0':
			a *= 0.55
		case unicode.IsUpper(r) || r == 'm' || r == 'w' || r == '—':
			a *= 1.3
		case r == 'i' || r == 'l' || r == '.' || r == ',' || r == 'j' || r == 't' || r == 'f' || r == 'r':
			a *= 0.6
		}
		ems += a
	}
	perLine := width / (size * e.rem)
	if perLine <= 1 {
		return float64(utf8.RuneCountInString(s))
	}
	return math.Ceil(ems * lineSlack / perLine)
}

// text is the height of s set at size with line height lead.
func (e est) text(s string, size, width, adv, lead float64) float64 {
	return e.lines(s, size, width, adv) * size * lead * e.rem
}

func (e est) para(r document.Rich, size, width, adv, lead float64) float64 {
	var h float64
	for i, p := range r {
		var b strings.Builder
		for _, s := range p.Spans {
			b.WriteString(s.Text)
		}
		h += e.text(b.String(), size, width, adv, lead)
		if i > 0 {
			h += 0.35 * size * e.rem * e.sp
		}
	}
	return h
}

// refsText is what reference markers add to a line.
func refsText(refs []int) string {
	if len(refs) == 0 {
		return ""
	}
	return strings.Repeat("0, ", len(refs))
}

func withRefs(r document.Rich, refs []int) document.Rich {
	if len(refs) == 0 || len(r) == 0 {
		return r
	}
	out := append(document.Rich(nil), r...)
	last := out[len(out)-1]
	last.Spans = append(append([]document.Span(nil), last.Spans...), document.Span{Text: " " + refsText(refs)})
	out[len(out)-1] = last
	return out
}

// estimateHeight is the printed height of the document in mm at metrics m.
func estimateHeight(d *document.Doc, sections []section, m fitMetrics, width float64) float64 {
	e := est{kind: d.Kind, rem: m.font * 25.4 / 72, sp: m.space, lead: m.lead, width: width}
	r := e.rem
	h := 0.0
	// Masthead and embargo.
	head := 1.0 * 1.5
	if len(d.Masthead.Logo) > 0 {
		head = 2.6
	}
	h += head*r + 0.45*r + 0.6
	if strings.TrimSpace(d.Embargo) != "" {
		h += 0.75*r + 0.8*r + e.text(d.Embargo, 0.8125*1.1, width-1.5*r, advBold, m.lead)
	}
	// Title and standfirst.
	h += (1.1+0.35)*r*m.space + e.text(d.Title, 2.29, width, advBold, 1.15)
	h += e.para(d.Intro, 1.095, width, advSerif, 1.38)
	// Sections; a prep sheet sets runs of them in two columns.
	if d.Kind == document.Prep {
		for _, f := range prepFlow(d, sections) {
			if !f.Columns {
				h += e.section(f.Section, width)
				continue
			}
			col := (width - prepColumnGap) / 2
			h += math.Max(e.stack(f.Left, col), e.stack(f.Right, col))
		}
	} else {
		for _, s := range sections {
			h += e.section(s, width)
		}
	}
	// Sources, in two columns.
	if len(d.References) > 0 {
		h += (1.4+0.45)*r*m.space + 0.75*1.3*r
		col := (width-1.5*r)/2 - 1.7*0.76*r
		var refs, tallest float64
		for _, ref := range d.References {
			t := referenceText(d, ref) + " " + displayURL(ref.URL)
			if ref.URL != "" {
				t += strings.Repeat(" ", 2) // a long address rarely breaks evenly
			}
			one := e.text(t, 0.76, col, advRegular*0.98, 1.32) + 0.15*0.76*r*m.space
			refs += one
			tallest = math.Max(tallest, one)
		}
		h += refs/2 + tallest/2
	}
	// Footer: contacts, then the organisation's line.
	h += (1.5+0.5)*r*m.space + 0.6
	if n := len(d.Contacts); n > 0 {
		// The heading sits at the left of the contacts, as in the PDF.
		heading := float64(utf8.RuneCountInString(d.Label("media_contacts"))) * 0.75 * r * advBold * 1.35
		avail := width - heading - r
		cols := math.Min(float64(n), math.Max(1, math.Floor((avail+1.5*r)/(17*r+1.5*r))))
		colW := (avail - (cols-1)*1.5*r) / cols
		rows := int(math.Ceil(float64(n) / cols))
		var tallest float64
		for _, c := range d.Contacts {
			t := c.Name + ", " + c.Role + " · " + d.Label("email") + ": " + c.Email + " · " + d.Label("phone") + ": " + c.Phone
			tallest = math.Max(tallest, e.text(t, 0.76, colW, advRegular, 1.35))
		}
		h += float64(rows)*tallest + 0.1*r*float64(rows-1) + 0.85*r*m.space
	}
	org := d.Masthead.Org + " · " + d.Label("website") + ": " + displayURL(d.Masthead.URL) + " · " + d.Label("email") + ": " +
		d.Masthead.Email + " · " + d.Label("phone") + ": " + d.Masthead.Phone + " · " + d.DateText
	h += e.text(org, 0.76, width, advRegular, 1.35)
	return h
}

// prepColumnGap is the space between the prep sheet's two columns, mm, as in the PDF
// and documents.css.
const prepColumnGap = 7.0

// stack is the height of sections one under the other in a column.
func (e est) stack(ss []section, width float64) float64 {
	var h float64
	for _, s := range ss {
		h += e.section(s, width)
	}
	return h
}

// splitColumns says where a run of sections splits into two columns: the first k go
// left. Like the PDF, it takes the split at which the taller column is shortest; the
// estimate is made at a middle fit step, as the split hardly depends on it.
func splitColumns(d *document.Doc, run []section) int {
	m := fitSteps[len(fitSteps)/2]
	w, _ := area(d.Paper, m)
	e := est{kind: d.Kind, rem: m.font * 25.4 / 72, sp: m.space, lead: m.lead}
	col := (w - prepColumnGap) / 2
	best, bestH := 1, math.Inf(1)
	for k := 1; k < len(run); k++ {
		if h := math.Max(e.stack(run[:k], col), e.stack(run[k:], col)); h < bestH {
			best, bestH = k, h
		}
	}
	return best
}

// proofSize is the size of proof points, rem: the PDF's small type, 8.8 pt to 10.5 pt.
const proofSize = 0.84

// point estimates a key message: headline, text and proof points.
func (e est) point(b document.Block, col float64) float64 {
	r := e.rem
	h := e.para(b.Head, 1, col, advBold, 1.35) + 0.2*r
	h += e.para(withRefs(b.Body, b.Refs), 1, col, advRegular, e.lead)
	if len(b.Proof) > 0 {
		h += 0.25 * r * e.sp
		for _, p := range b.Proof {
			t := append(append(document.Rich(nil), p.Head...), withRefs(p.Body, p.Refs)...)
			if p.Kind == document.BlockQuote {
				t = withRefs(append(t, document.Para{Spans: []document.Span{{Text: "“” — " + p.Speaker + " (translation)"}}}), nil)
			}
			// Proof points are small print, as in the PDF.
			h += e.para(t, proofSize, col-1.1*proofSize*r, advRegular, e.lead) + 0.2*proofSize*r*e.sp
		}
	}
	return h
}

// section estimates one section at a column width.
func (e est) section(s section, width float64) float64 {
	r, sp, lead := e.rem, e.sp, e.lead
	h := 0.0
	if !s.HiddenHeading {
		h += (1.4+0.45)*r*sp + e.text(s.Heading, 1.125, width, advBold, 1.3)
	} else {
		h += 1.4 * r * sp // the space a heading would have above it
	}
	if s.Panel {
		// A tinted panel led by the section's name: "Core message. …".
		col := width - 1.7*r - 1.1
		for i, b := range s.Blocks {
			if i > 0 {
				h += 0.7 * r * sp
			}
			lead := document.Rich{{Spans: []document.Span{{Text: s.Lead + ". "}}}}
			body := withRefs(b.Body, b.Refs)
			if len(body) > 0 && !body[0].Bullet {
				lead = append(document.Rich{{Spans: append(append([]document.Span(nil), lead[0].Spans...), body[0].Spans...)}}, body[1:]...)
			} else if s.Lead != "" {
				lead = append(lead, body...)
			} else {
				lead = body
			}
			h += 1.1*r*sp + e.para(lead, 1, col, advRegular, e.lead)
		}
		return h
	}
	switch s.Kind {
	case document.BlockShift:
		cell := (width-0.6)/2 - 1.2*r
		h += 0.6875 * 1.4 * r
		for _, b := range s.Blocks {
			h += 0.55*r*sp + e.para(b.Head, 0.95, width, advBold, 1.4)
			h += math.Max(e.para(withRefs(b.Use, b.Refs), 0.95, cell, advRegular, 1.4), e.para(b.Leave, 0.95, cell, advRegular, 1.4))
			h += 1.05 * r * sp
		}
		return h
	case document.BlockTerm:
		h += 0.6875 * 1.4 * r
		if !s.Why {
			for _, b := range s.Blocks {
				not := e.text(strings.Join(b.Avoid, ", "), 0.95, 0.45*width-1.2*r, advRegular, 1.4)
				ins := e.text(strings.Join(b.Say, ", ")+" "+refsText(b.Refs), 0.95, 0.55*width-1.2*r, advBold, 1.4)
				h += math.Max(not, ins) + 0.6*r*sp
			}
			return h
		}
		for _, b := range s.Blocks {
			not := e.text(strings.Join(b.Avoid, ", "), 0.95, 0.28*width-1.2*r, advRegular, 1.4)
			ins := e.text(strings.Join(b.Say, ", "), 0.95, 0.30*width-1.2*r, advBold, 1.4)
			why := e.para(withRefs(b.Body, b.Refs), 0.875*0.95, 0.42*width-1.2*r, advRegular, 1.4)
			h += math.Max(not, math.Max(ins, why)) + 0.6*r*sp
		}
		return h
	}
	if s.List {
		// Bridging phrases: short paragraphs.
		for i, b := range s.Blocks {
			if i > 0 {
				h += 0.45 * r * sp
			}
			h += e.para(withRefs(b.Body, b.Refs), 1, width, advRegular, lead)
		}
		return h
	}
	for i, b := range s.Blocks {
		switch b.Kind {
		case document.BlockMyth:
			col := width - 4.1*r
			if i > 0 {
				h += 0.55 * r * sp
			}
			h += 0.55*r*sp + e.para(b.Head, 1, col, advBold, 1.35) + 0.15*r*sp
			h += e.para(withRefs(b.Body, b.Refs), 1, col, advRegular, lead)
		case document.BlockPoint:
			col := width
			if s.ID == "messages" {
				col -= 1.6 * r
			}
			if i > 0 {
				h += 0.7 * r * sp
			}
			h += e.point(b, col)
		case document.BlockQuote:
			col := width - 2*r
			if i > 0 {
				h += 0.7 * r * sp
			}
			h += e.para(b.Body, 1.0625, col, advSerif*1.02, 1.42)
			h += 0.2*r*sp + e.text("— "+b.Speaker+", "+b.Role+" (translation) "+refsText(b.Refs), 0.8125, col, advRegular, lead)
		case document.BlockQuestion:
			// Numbered like the PDF, with a rule between questions.
			col := width - 1.6*r
			if i > 0 {
				h += 1.1*r*sp + 0.3
			}
			h += e.para(b.Head, 1, col, advBold, 1.35) + 0.15*r*sp
			h += e.para(withRefs(b.Body, b.Refs), 1, col, advRegular, lead)
			if !b.Bridge.Empty() {
				h += 0.2*r*sp + e.para(b.Bridge, 0.84, col-0.6*r-1, advRegular, lead)
			}
		case document.BlockFact:
			h += e.para(withRefs(b.Body, b.Refs), 1, width-1.2*r, advRegular, lead) + 0.2*r*sp
		default: // text
			if i > 0 {
				h += 0.7 * r * sp
			}
			h += e.para(b.Head, 1, width, advBold, 1.35) + e.para(withRefs(b.Body, b.Refs), 1, width, advRegular, lead)
		}
	}
	return h
}
