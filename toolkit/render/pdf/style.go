package pdf

import (
	"strconv"
	"strings"
)

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

// mix blends c with white: t = 0 is white, t = 1 is c.
func (c rgb) mix(t float64) rgb {
	f := func(v uint8) uint8 { return uint8(255 - t*(255-float64(v)) + 0.5) }
	return rgb{f(c.r), f(c.g), f(c.b)}
}

// parseColour reads "#rrggbb"; ok is false for anything else.
func parseColour(s string) (rgb, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, false
	}
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// defaultBrand is used when the document has no valid brand colour (config's default).
var defaultBrand = rgb{0x7a, 0x1f, 0x5c}

// palette holds the few colours a document uses. The brand colour is kept for rules,
// headings, labels and links; text is near-black or grey.
type palette struct {
	ink, muted, faint, rule, brand, tint rgb
}

func newPalette(brand string) palette {
	b, ok := parseColour(brand)
	if !ok {
		b = defaultBrand
	}
	return palette{
		ink:   rgb{0x1c, 0x1c, 0x1c},
		muted: rgb{0x55, 0x55, 0x55},
		faint: rgb{0x6b, 0x6b, 0x6b},
		rule:  rgb{0xc8, 0xc8, 0xc8},
		brand: b,
		tint:  b.mix(0.07),
	}
}

// style is how a run of text is drawn.
// Its fields are in the order that packs them best: 40 bytes, not 56, in every word,
// fragment and op of a layout.
type style struct {
	size      float64 // points
	link      string  // external address
	ref       int     // internal link to reference number ref
	colour    rgb
	serif     bool
	bold      bool
	italic    bool
	underline bool
	// whole keeps words whole: a heading is never hyphenated.
	whole bool
}

// family and fstyle name the fpdf font. There is no bold-italic face: bold wins.
func (s style) family() string {
	if s.serif {
		return "serif"
	}
	return "sans"
}

func (s style) fstyle() string {
	switch {
	case s.bold:
		return "B"
	case s.italic:
		return "I"
	}
	return ""
}

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt * 25.4 / 72 }

// metrics are the sizes and spaces of one step of the fit loop. Step 0 is the
// comfortable size; later steps shrink type and spacing within readable bounds.
type metrics struct {
	step   int
	margin float64 // mm, left, right, top and bottom

	title, stand, heading, body, small, label, ref, quote, footer float64 // points
	lead                                                          float64 // line height / font size

	gapPara, gapInner, gapBlock, gapSection float64 // mm
}

// The fit loop's steps: font scale, spacing scale and margin. Body text is 10.5 pt at
// step 0 and 9.5 pt at the last step; notes (sources, labels, proof points) never go
// under 7.5 pt and margins never under 16 mm. A document that does not fit at the last
// step moves its sources (and a handout's call to action) to a second page, printed on
// the back, rather than shrink further.
//
// height is how much taller a document is at a step than at the last one: the mean over
// the library's documents (TestStepHeights; single documents differ from it by up to
// 9%), which the fit loop guesses from.
var steps = []struct{ font, space, margin, height float64 }{
	{1.00, 1.00, 18, 1.289},
	{1.00, 0.86, 18, 1.246},
	{0.98, 0.78, 17, 1.170},
	{0.96, 0.70, 16, 1.099},
	{0.94, 0.63, 16, 1.060},
	{0.92, 0.56, 16, 1.025},
	{9.5 / 10.5, 0.50, 16, 1},
}

// Floors of the fit loop, in points and millimetres.
const (
	floorBody   = 9.5
	floorNote   = 7.5
	floorMargin = 16.0
)

func metricsAt(step int) metrics {
	s := steps[step]
	size := func(base, floor float64) float64 {
		v := base * s.font
		if v < floor {
			v = floor
		}
		return float64(int(v*100+0.5)) / 100
	}
	return metrics{
		step:       step,
		margin:     max(s.margin, floorMargin),
		title:      size(24, 20),
		stand:      size(11.5, 10),
		heading:    size(11.5, 10.5),
		body:       size(10.5, floorBody),
		small:      size(8.8, 8.5),
		label:      size(7.6, floorNote),
		ref:        size(7.8, floorNote),
		quote:      size(11, 10),
		footer:     floorNote,
		lead:       1.26 + 0.14*s.space,
		gapPara:    1.6 * s.space,
		gapInner:   1.4 * s.space,
		gapBlock:   4.2 * s.space,
		gapSection: 7.5 * s.space,
	}
}

// lineH is the height of one line of text of size pt.
func (m metrics) lineH(pt float64) float64 { return mm(pt) * m.lead }

// baseline is where the baseline sits below the top of a line box of size pt: the
// capitals are centred in the box.
func (m metrics) baseline(pt float64) float64 {
	return (m.lineH(pt)-mm(pt))/2 + 0.86*mm(pt)
}
