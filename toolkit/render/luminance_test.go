package render

import (
	"math"
	"testing"
)

func TestLuminanceAtKnownPoints(t *testing.T) {
	for _, c := range []struct {
		r, g, b uint8
		want    float64
	}{
		{0, 0, 0, 0}, {255, 255, 255, 1}, {255, 0, 0, 0.2126}, {0x77, 0x77, 0x77, 0.1845},
	} {
		if got := Luminance(c.r, c.g, c.b); math.Abs(got-c.want) > 0.0005 {
			t.Errorf("Luminance(%d, %d, %d) = %.4f, want %.4f", c.r, c.g, c.b, got, c.want)
		}
	}
}
