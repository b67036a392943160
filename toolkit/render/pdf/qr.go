package pdf

import (
	"strings"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/presskit/presskit/toolkit/document"
)

const (
	// qrSize is the printed QR code's side, mm: large enough for a phone to read from
	// a sheet held in the hand, small enough to sit beside the sources.
	qrSize = 18.0
	// qrGap separates the code from the sources to its left; with the white paper
	// around it, it is the code's quiet zone.
	qrGap = 5.0
)

// qrModules is the QR code of s as rows of dark modules, without its quiet zone;
// nil when s cannot be encoded.
func qrModules(s string) [][]bool {
	q, err := qrcode.New(s, qrcode.Medium)
	if err != nil {
		return nil
	}
	q.DisableBorder = true
	return q.Bitmap()
}

// qrBox is the QR code to the document's HTML version, with its short address (host
// and path, no "https://") under it, for the printed handout and brief. The modules are
// drawn as filled rectangles, one per run of dark modules in a row: vector, crisp at
// any size, a few kilobytes. ok is false when there is nothing to draw.
func (l *lay) qrBox() (b box, ok bool) {
	if l.d.HTMLURL == "" || (l.d.Kind != document.Handout && l.d.Kind != document.Brief) {
		return box{}, false
	}
	mods := qrModules(l.d.HTMLURL)
	if len(mods) == 0 {
		return box{}, false
	}
	m := qrSize / float64(len(mods))
	ink := rgb{0, 0, 0}
	for y, row := range mods {
		// Rows overlap a hair, so that no viewer shows seams between them.
		h := m
		if y < len(mods)-1 {
			h += 0.02
		}
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			x0 := x
			for x < len(row) && row[x] {
				x++
			}
			b.ops = append(b.ops, rect(float64(x0)*m, float64(y)*m, float64(x-x0)*m, h, &ink, nil, 0))
		}
	}
	st := style{size: l.mt.ref, colour: l.pal.muted, link: l.d.HTMLURL}
	y := qrSize + 1.2
	for _, s := range l.breakURL(qrURL(l.d.HTMLURL), st, qrSize) {
		o := l.line(s, st, 0, y)
		b.ops = append(b.ops, o)
		y += o.h
	}
	b.h = y
	return b, true
}

// qrURL is the address printed under the code: host and path, without the scheme.
func qrURL(u string) string {
	s := strings.TrimPrefix(displayURL(u), "www.")
	if i := strings.IndexAny(s, "?#"); i > 0 {
		s = s[:i]
	}
	return s
}

// breakURL breaks an address into lines no wider than width, as addresses are broken
// in print: after a "/", before a "." or "-", so that no line ends in what reads as a
// hyphen (a piece wider than width stands on its own line).
func (l *lay) breakURL(s string, st style, width float64) []string {
	var pieces []string
	start := 0
	for i, r := range s {
		switch {
		case r == '/':
			pieces = append(pieces, s[start:i+1])
			start = i + 1
		case (r == '.' || r == '-') && i > start:
			pieces = append(pieces, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		pieces = append(pieces, s[start:])
	}
	var lines []string
	cur := ""
	for _, p := range pieces {
		if cur != "" && l.m.width(st, cur+p) > width {
			lines = append(lines, cur)
			cur = ""
		}
		cur += p
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// sourcesBlock is the list of sources in two columns at the current width, with the
// QR code to the HTML version at its right when the document has one.
func (l *lay) sourcesBlock() box {
	q, ok := l.qrBox()
	if !ok {
		return l.referenceColumns()
	}
	full := l.w
	l.w = full - qrSize - qrGap
	refs := l.referenceColumns()
	l.w = full
	var b box
	b.add(refs.ops, 0, 0)
	b.add(q.ops, full-qrSize, 0)
	b.h = max(refs.h, q.h)
	return b
}
