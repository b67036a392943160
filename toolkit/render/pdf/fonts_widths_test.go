package pdf

import (
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/fonts"
)

// The widths read from the font files must be fpdf's own, or layout and drawing disagree.
func TestAdvanceWidthsAgreeWithFpdf(t *testing.T) {
	for _, face := range fonts.Faces() {
		data, err := face.Data()
		if err != nil {
			t.Fatal(err)
		}
		adv, err := fonts.AdvanceWidths(face.File, data)
		if err != nil {
			t.Fatal(err)
		}
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("f", "", data)
		p.SetFont("f", "", 10)
		bad := 0
		for r, u := range adv {
			if r > 0xFFFF || u <= 0 {
				continue
			}
			if got := p.GetStringSymbolWidth(string(r)); got != u {
				if bad++; bad < 5 {
					t.Errorf("%s U+%04X: file says %d, fpdf %d", face.File, r, u, got)
				}
			}
		}
		if len(adv) < 600 {
			t.Errorf("%s: only %d widths", face.File, len(adv))
		}
	}
}
