package publish

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"testing"
)

// TestRowByRowScalingMatchesTheWholeImage scales PNGs of every colour type and depth the
// encoder writes both ways, row by row and from the decoded image, and compares them.
func TestRowByRowScalingMatchesTheWholeImage(t *testing.T) {
	const w, h = 900, 260
	paint := func(set func(x, y int, c color.NRGBA)) {
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x + y) % 256), uint8(255 - x*200/w)})
			}
		}
	}
	gray, gray16 := image.NewGray(image.Rect(0, 0, w, h)), image.NewGray16(image.Rect(0, 0, w, h))
	rgba, rgba64 := image.NewNRGBA(image.Rect(0, 0, w, h)), image.NewNRGBA64(image.Rect(0, 0, w, h))
	opaque := image.NewNRGBA(image.Rect(0, 0, w, h))
	pal := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.NRGBA{255, 255, 255, 0}, color.NRGBA{0x7a, 0x1f, 0x5c, 255}, color.NRGBA{10, 200, 30, 128}})
	bits := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	paint(func(x, y int, c color.NRGBA) {
		gray.Set(x, y, c)
		gray16.Set(x, y, c)
		rgba.Set(x, y, c)
		rgba64.Set(x, y, c)
		opaque.Set(x, y, color.NRGBA{c.R, c.G, c.B, 255})
		pal.SetColorIndex(x, y, uint8((x/7+y/5)%3))
		bits.SetColorIndex(x, y, uint8((x/3+y/3)%2))
	})
	for name, im := range map[string]image.Image{"gray 8": gray, "gray 16": gray16, "rgba 8": rgba, "rgba 16": rgba64,
		"rgb 8": opaque, "palette with alpha": pal, "palette 1 bit": bits} {
		var buf bytes.Buffer
		if err := png.Encode(&buf, im); err != nil {
			t.Fatal(err)
		}
		p, err := readPNG(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		nw, nh := logoSize(w, h)
		streamed := image.NewNRGBA(image.Rect(0, 0, nw, nh))
		rows := newRowScaler(streamed, w, h)
		if err := pngRows(p, rows.add); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		whole := image.NewNRGBA(image.Rect(0, 0, nw, nh))
		decoded, _ := png.Decode(bytes.NewReader(buf.Bytes()))
		boxScale(whole, decoded)
		// Compared as premultiplied colour, as the eye sees it over white: where a pixel is
		// nearly transparent, one level of rounding in either method is many levels of
		// its unpremultiplied colour.
		worst := 0
		for i := 0; i < len(whole.Pix); i += 4 {
			a, b := whole.Pix[i:i+4], streamed.Pix[i:i+4]
			for c := 0; c < 3; c++ {
				worst = max(worst, abs(int(a[c])*int(a[3])/255-int(b[c])*int(b[3])/255))
			}
			worst = max(worst, abs(int(a[3])-int(b[3])))
		}
		if worst > 2 {
			t.Errorf("%s (depth %d, colour type %d): row-by-row differs from the whole image by up to %d levels", name, p.depth, p.ctype, worst)
		}
	}
}

// TestAHugeLogoIsReadInLittleMemory: a 6000 × 6000 PNG decoded whole takes 144 MB; read
// row by row it must take a small fraction of that (bytes allocated, not time).
func TestAHugeLogoIsReadInLittleMemory(t *testing.T) {
	huge := image.NewNRGBA(image.Rect(0, 0, 6000, 6000))
	for y := 0; y < 6000; y += 3 {
		for x := 0; x < 6000; x += 5 {
			huge.Set(x, y, color.NRGBA{0x7a, 0x1f, 0x5c, 255})
		}
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, huge); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	huge = nil
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, err := scaleLogo(data)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("scaling a 6000 × 6000 logo allocated %d MB; row by row it should take a few", alloc>>20)
	}
	cfg, _ := png.DecodeConfig(bytes.NewReader(out))
	if cfg.Width > logoMaxW || cfg.Height > logoMaxH {
		t.Errorf("scaled to %d × %d", cfg.Width, cfg.Height)
	}
}
