package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

// TooLongError reports a document that does not fit its pages even at the smallest
// readable size.
type TooLongError struct {
	Kind  document.Kind
	Lang  string
	Paper string // "A4" or "Letter"
	Pages int    // the pages the document may have
	// Overflow is how much is too long, in millimetres of text at the smallest size,
	// and as a percentage of the space there is.
	Overflow float64
	Percent  float64
	// Suggest says what to drop or shorten (empty with Options.NoSuggest).
	Suggest string
}

func (e *TooLongError) Error() string {
	where := "one " + e.Paper + " page"
	if e.Pages == 2 {
		where = "two " + e.Paper + " pages"
	} else if e.Pages > 2 {
		where = fmt.Sprintf("%d %s pages", e.Pages, e.Paper)
	}
	msg := fmt.Sprintf("the %s is %.0f mm (%.0f%%) too long for %s in %s",
		kindName(e.Kind), math.Ceil(e.Overflow), math.Ceil(e.Percent), where, e.Lang)
	if e.Suggest != "" {
		msg += ": " + e.Suggest
	}
	return msg
}

func kindName(k document.Kind) string {
	switch k {
	case document.Brief:
		return "press brief"
	case document.Prep:
		return "prep sheet"
	}
	return string(k)
}

// nouns name the blocks of each section in suggestions.
var nouns = map[string][2]string{
	"myths":     {"myth", "myths"},
	"facts":     {"fact", "facts"},
	"quotes":    {"quote", "quotes"},
	"messages":  {"key message", "key messages"},
	"shifts":    {"framework shift", "framework shifts"},
	"terms":     {"term", "terms"},
	"questions": {"question", "questions"},
	"bridges":   {"bridging phrase", "bridging phrases"},
}

// plan is a document laid out at one step of the fit loop.
type plan struct {
	step  int
	mt    metrics
	w     float64
	rail  float64
	its   []item
	pages []page
	geo   geometry
	over  float64 // how far an item taller than a page sticks out
}

// plan lays out l.d at step on pages of pw × ph mm.
func (l *lay) plan(step int, pw, ph float64) plan {
	l.plans++
	l.mt = metricsAt(step)
	l.w = pw - 2*l.mt.margin
	l.rail = 0
	if l.d.Kind == document.Brief {
		l.rail = math.Round(l.w * 0.25)
	}
	pl := plan{step: step, mt: l.mt, w: l.w, rail: l.rail, geo: l.geometry(ph), its: l.items()}
	pl.pages, pl.over = paginate(pl.its, pl.geo.capFirst, pl.geo.capRest)
	return pl
}

// fit finds the largest size at which the document fits maxPages, no larger than step
// minStep (so that two languages can share the step the longer one needs). It starts
// from an estimate made from the height of the whole document at minStep and walks to
// the neighbouring steps from there, so that a document is laid out two or three times,
// not once per step. When nothing fits and back is allowed, the sources (and a
// handout's call to action) move to a page of their own, printed on the back, and the
// search runs again from minStep: larger type on two sides rather than small type on
// one. It leaves l set up for drawing the plan it returns.
func (l *lay) fit(pw, ph float64, maxPages, minStep int, back bool) (plan, error) {
	minStep = max(0, min(minStep, len(steps)-1))
	if l.knownBack && back && l.hasBackMatter() {
		// Known to need its back page (Options.KnownBack): look for a size with it first.
		l.back = true
		if pl, ok := l.search(pw, ph, maxPages+1, minStep); ok {
			l.mt, l.w, l.rail = pl.mt, pl.w, pl.rail
			return pl, nil
		}
		l.back = false
	}
	best, ok := l.search(pw, ph, maxPages, minStep)
	if !ok && back && l.hasBackMatter() {
		l.back = true
		if pl, ok2 := l.search(pw, ph, maxPages+1, minStep); ok2 {
			best, ok = pl, true
		} else {
			l.back = false
		}
	}
	if !ok {
		return best, l.tooLong(best, maxPages, pw, ph)
	}
	// The plan found need not be the last one laid out: set l up for drawing it.
	l.mt, l.w, l.rail = best.mt, best.w, best.rail
	return best, nil
}

// search returns the plan at the largest step from minStep on that fits, or the plan at
// the last step and false.
//
// Smaller steps never take more room, so a document that does not fit at the last step
// fits at none. One layout gives the height of the whole document at its step; text
// takes room about as the square of its size, so the step that fits is guessed from it,
// laid out, and the walk goes on to the neighbouring steps from there.
//
// The first layout is at minStep: most documents fit at the largest size. Without
// suggestions (Options.NoSuggest) the caller is trying ever leaner versions of a
// document, most of which do not fit: then the first layout is at the last step, and a
// version that does not fit there costs one layout; one that does is guessed from it.
func (l *lay) search(pw, ph float64, maxPages, minStep int) (plan, bool) {
	last := len(steps) - 1
	var from plan    // the plan the guess is made from
	known := minStep // the walk back stops above this step (known not to fit)
	if l.noSuggest && minStep < last {
		from = l.plan(last, pw, ph)
		if !from.fits(maxPages) {
			return from, false
		}
		known = minStep - 1
	} else {
		from = l.plan(minStep, pw, ph)
		if from.fits(maxPages) || minStep == last {
			return from, from.fits(maxPages)
		}
	}
	planAt := func(s int) plan {
		if s == from.step {
			return from
		}
		return l.plan(s, pw, ph)
	}
	est := guess(from, maxPages, known+1)
	pl := planAt(est)
	if pl.fits(maxPages) {
		// Walk back to larger steps while they fit.
		for s := est - 1; s > known; s-- {
			q := planAt(s)
			if !q.fits(maxPages) {
				break
			}
			pl = q
		}
		return pl, true
	}
	for s := est + 1; s <= last; s++ {
		if pl = planAt(s); pl.fits(maxPages) {
			return pl, true
		}
	}
	return pl, false
}

// guess is the largest step from lo on at which a document laid out as from is expected
// to fit maxPages: its whole height at from's step, scaled by how much taller the
// library's documents are at each step (steps[].height), against the room on its pages,
// which grows by the margins a step saves.
func guess(from plan, maxPages, lo int) int {
	all, _ := paginate(from.its, math.Inf(1), math.Inf(1))
	h0, m0 := steps[from.step].height, steps[from.step].margin
	last := len(steps) - 1
	for s := max(lo, 0); s < last; s++ {
		room := from.geo.capFirst + float64(maxPages-1)*from.geo.capRest + float64(maxPages)*2*(m0-steps[s].margin)
		if all[0].used*steps[s].height/h0 <= room {
			return s
		}
	}
	return last
}

// hasBackMatter reports whether there is anything to move to a back page.
func (l *lay) hasBackMatter() bool {
	if len(l.d.References) > 0 {
		return true
	}
	for si, s := range l.d.Sections {
		if s.ID == "cta" && l.panel(si) {
			return true
		}
	}
	return false
}

func (pl plan) fits(maxPages int) bool { return len(pl.pages) <= maxPages && pl.over == 0 }

// overflow is how much of the document does not fit, in mm: for one page, the height
// of everything stacked less the page; for more, what went past the last page.
func (pl plan) overflow(maxPages int) float64 {
	if maxPages == 1 {
		all, _ := paginate(pl.its, math.Inf(1), math.Inf(1))
		return all[0].used - pl.geo.capFirst
	}
	// Past one page, the stacked height less the room on all pages; where that is
	// not positive, page breaks before unsplittable blocks are what costs the room,
	// and what went onto the extra pages is the measure.
	all, _ := paginate(pl.its, math.Inf(1), math.Inf(1))
	room := pl.geo.capFirst + float64(maxPages-1)*pl.geo.capRest
	if o := all[0].used - room; o > 0 {
		return o
	}
	var o float64
	for _, pg := range pl.pages[min(maxPages, len(pl.pages)):] {
		o += pg.used
	}
	return o + pl.over
}

// tooLong makes the error for a plan at the last step that does not fit.
func (l *lay) tooLong(pl plan, maxPages int, pw, ph float64) error {
	paper := "A4"
	if strings.EqualFold(l.d.Paper, "letter") {
		paper = "Letter"
	}
	o := pl.overflow(maxPages)
	room := pl.geo.capFirst + float64(maxPages-1)*pl.geo.capRest
	e := &TooLongError{
		Kind: l.d.Kind, Lang: l.d.Lang, Paper: paper, Pages: maxPages,
		Overflow: o, Percent: 100 * o / room,
	}
	if !l.noSuggest {
		e.Suggest = l.suggest(pl, maxPages, pw, ph)
	}
	return e
}

// suggest finds the section whose blocks take the most room and how many of its last
// blocks must go for the rest to fit, by laying the shorter document out again.
func (l *lay) suggest(pl plan, maxPages int, pw, ph float64) string {
	room := map[int]float64{}
	count := map[int]int{}
	best := -1
	for _, it := range pl.its {
		if !it.block {
			continue
		}
		room[it.sec] += it.gap + it.b.h
		count[it.sec]++
		if count[it.sec] > 1 && (best < 0 || room[it.sec] > room[best]) {
			best = it.sec
		}
	}
	if best < 0 {
		return "shorten the title, introduction and texts"
	}
	id := l.d.Sections[best].ID
	fitsWithout := func(k int) bool {
		short := *l
		short.d = dropLast(l.d, best, k)
		return short.plan(pl.step, pw, ph).fits(maxPages)
	}
	// Dropping more never takes more room: bisect for the fewest, so that a selection of
	// thousands is answered in a few layouts, not thousands.
	lo, hi := 1, count[best]-1
	if hi < lo || !fitsWithout(hi) {
		return "select fewer items (for example with --ids) or shorten their texts"
	}
	for lo < hi {
		if mid := (lo + hi) / 2; fitsWithout(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	noun := nouns[id]
	if noun[0] == "" {
		noun = [2]string{"item", "items"}
	}
	n := noun[1]
	if lo == 1 {
		n = noun[0]
	}
	return fmt.Sprintf("drop %d %s (for example with --ids) or shorten the intro", lo, n)
}

// dropLast returns a copy of d without the last k blocks of section sec, and without
// the references only those blocks cited.
func dropLast(d *document.Doc, sec, k int) *document.Doc {
	c := *d
	c.Sections = append([]document.Section(nil), d.Sections...)
	s := &c.Sections[sec]
	s.Blocks = s.Blocks[:len(s.Blocks)-k]
	cited := map[int]bool{}
	var walk func(bs []document.Block)
	walk = func(bs []document.Block) {
		for _, b := range bs {
			for _, n := range b.Refs {
				cited[n] = true
			}
			walk(b.Proof)
		}
	}
	for _, s := range c.Sections {
		walk(s.Blocks)
	}
	c.References = nil
	for _, r := range d.References {
		if cited[r.N] {
			c.References = append(c.References, r)
		}
	}
	return &c
}
