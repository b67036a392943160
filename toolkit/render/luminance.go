package render

import "math"

// Luminance is the WCAG 2.1 relative luminance of an 8-bit sRGB colour, from 0 (black)
// to 1 (white): the one formula behind every contrast check of the PDF, the HTML and the
// social cards.
func Luminance(r, g, b uint8) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
