package pdf

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// Greyscale thresholds (design review fix 3, issue 12 "Greyscale and print"): printed on
// an office laser printer in black and white,
//   - white tag text on a tag's fill must keep a WCAG contrast of at least 4.5:1, and
//   - the MYTH and FACT tags must stay apart: their greys at least 25 levels (of 255) apart,
//     about what a laser printer's halftone still shows as two different greys.
//
// The smallest text (7.5 pt) is checked by e2e's measurement test.
const (
	greyMinContrast = 4.5
	greyMinApart    = 25
)

// luminance is a grey level's relative luminance (sRGB).
func luminance(v float64) float64 {
	c := v / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func contrast(a, b float64) float64 {
	la, lb := luminance(a)+0.05, luminance(b)+0.05
	return max(la, lb) / min(la, lb)
}

// TestTagsSurviveGreyscale renders the handout in both languages to greyscale with
// pdftoppm -gray and finds the MYTH and FACT tag fills among the page's greys.
func TestTagsSurviveGreyscale(t *testing.T) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		if os.Getenv("PRESSKIT_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftoppm is not installed and PRESSKIT_REQUIRE_TOOLS=1")
		}
		t.Skip("pdftoppm is not installed (poppler-utils)")
	}
	for _, brand := range []string{"#7a1f5c", "#1f5c7a", "#8a8a8a"} {
		for _, lang := range []string{"en", "ru"} {
			d := realDoc(t, document.Handout, lang, "a4")
			d.Brand = brand
			b, _ := renderDoc(t, d)
			dir := t.TempDir()
			in := filepath.Join(dir, "h.pdf")
			if err := os.WriteFile(in, b, 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(bin, "-gray", "-r", "100", "-png", "-f", "1", "-l", "1", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			f, err := os.ReadFile(filepath.Join(dir, "p-1.png"))
			if err != nil {
				t.Fatal(err)
			}
			im, err := png.Decode(bytes.NewReader(f))
			if err != nil {
				t.Fatal(err)
			}
			hist := map[uint8]int{}
			bd := im.Bounds()
			for y := bd.Min.Y; y < bd.Max.Y; y++ {
				for x := bd.Min.X; x < bd.Max.X; x++ {
					g := color.GrayModel.Convert(im.At(x, y)).(color.Gray).Y
					hist[g]++
				}
			}
			pal := newPalette(brand)
			grey := func(c rgb) float64 { return 0.3*float64(c.r) + 0.59*float64(c.g) + 0.11*float64(c.b) }
			// A tag's fill is the most common grey near its expected level.
			found := func(want float64) (float64, int) {
				best, n := 0.0, 0
				for g := int(want) - 4; g <= int(want)+4; g++ {
					if g >= 0 && g < 256 && hist[uint8(g)] > n {
						best, n = float64(g), hist[uint8(g)]
					}
				}
				return best, n
			}
			myth, nm := found(grey(tagGrey))
			fact, nf := found(grey(pal.brand.forWhite()))
			if nm < 50 || nf < 50 {
				t.Errorf("%s %s: tag fills not found in the greyscale page (MYTH %d px, FACT %d px)", brand, lang, nm, nf)
				continue
			}
			if c := contrast(255, myth); c < greyMinContrast {
				t.Errorf("%s %s: white on the MYTH tag (grey %.0f) has contrast %.1f, want %.1f", brand, lang, myth, c, greyMinContrast)
			}
			if c := contrast(255, fact); c < greyMinContrast {
				t.Errorf("%s %s: white on the FACT tag (grey %.0f) has contrast %.1f, want %.1f", brand, lang, fact, c, greyMinContrast)
			}
			apart := math.Abs(myth - fact)
			if apart < greyMinApart {
				t.Errorf("%s %s: MYTH and FACT tags print %.0f grey levels apart, want %d", brand, lang, apart, greyMinApart)
			}
			t.Logf("brand %s %s: MYTH grey %.0f (white %.1f:1), FACT grey %.0f (white %.1f:1), %.0f apart",
				brand, lang, myth, contrast(255, myth), fact, contrast(255, fact), apart)
		}
	}
}
