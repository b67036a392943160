package html

import (
	"fmt"
	wcag "github.com/presskit/presskit/toolkit/render"
	"math"
	"strconv"
	"strings"
)

// defaultBrand is the accent colour when a document has none or an unreadable one.
const defaultBrand = "#7a1f5c" // config.DefaultBrandColour

// rgb is a colour with 8-bit channels.
type rgb struct{ r, g, b uint8 }

// parseHex reads "#rrggbb" or "#rgb".
func parseHex(s string) (rgb, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return rgb{}, fmt.Errorf("colour %q: want #rrggbb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return rgb{}, fmt.Errorf("colour %q: want #rrggbb", s)
	}
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

func (c rgb) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// luminance is the WCAG 2.1 relative luminance.
func (c rgb) luminance() float64 { return wcag.Luminance(c.r, c.g, c.b) }

// contrast is the WCAG 2.1 contrast ratio of two colours, from 1 to 21.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// mix returns a blended with b, t of the way from a to b.
func mix(a, b rgb, t float64) rgb {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return rgb{m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)}
}

// minContrast is WCAG 2.1 AA for body text.
const minContrast = 4.5

// readableOn darkens c, keeping its hue, until it has at least minContrast against
// every background; a brand that is already dark enough comes back unchanged.
func readableOn(c rgb, bgs ...rgb) rgb {
	black := rgb{}
	for i := 0; i <= 100; i++ {
		d := mix(c, black, float64(i)/100)
		ok := true
		for _, bg := range bgs {
			if contrast(d, bg) < minContrast {
				ok = false
				break
			}
		}
		if ok {
			return d
		}
	}
	return black
}

// palette is the brand-derived colours a page sets as CSS custom properties.
type palette struct {
	Brand string // the brand as given: rules and borders only, never text
	Ink   string // the brand darkened for text on paper, tint and soft backgrounds
	Soft  string // a pale tint of the brand, a background for call-outs
}

// Fixed colours of documents.css that brand colours must read against.
const (
	paperColour = "#ffffff"
	tintColour  = "#f3f4f6"
)

// brandPalette derives the page colours from the document's brand colour.
func brandPalette(brand string) palette {
	c, err := parseHex(brand)
	if err != nil {
		c, _ = parseHex(defaultBrand)
	}
	paper, _ := parseHex(paperColour)
	tint, _ := parseHex(tintColour)
	soft := mix(paper, c, 0.08)
	ink := readableOn(c, paper, tint, soft)
	return palette{Brand: c.hex(), Ink: ink.hex(), Soft: soft.hex()}
}
