package publish

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func encodePNG(t *testing.T, im image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, im); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A huge logo, a 16-bit PNG, a transparent PNG and a JPEG all come out as a small 8-bit
// PNG the documents can draw; transparency is kept.
func TestLogosAreScaledToWhatThePageNeeds(t *testing.T) {
	huge := image.NewPaletted(image.Rect(0, 0, 6000, 6000), color.Palette{color.White, color.RGBA{0x7a, 0x1f, 0x5c, 0xff}})
	for y := 0; y < 6000; y++ {
		for x := 3000; x < 6000; x++ {
			huge.SetColorIndex(x, y, 1)
		}
	}
	deep := image.NewNRGBA64(image.Rect(0, 0, 400, 100))
	clear := image.NewNRGBA(image.Rect(0, 0, 300, 300))
	for y := 0; y < 100; y++ {
		for x := 0; x < 400; x++ {
			deep.Set(x, y, color.NRGBA64{uint16(x * 160), 0x1f00, 0x5c00, 0xffff})
		}
	}
	for y := 100; y < 200; y++ {
		for x := 0; x < 300; x++ {
			clear.Set(x, y, color.NRGBA{0x7a, 0x1f, 0x5c, 0xff})
		}
	}
	var jp bytes.Buffer
	if err := jpeg.Encode(&jp, deep, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		w, h int
	}{
		{"6000x6000 png", encodePNG(t, huge), logoMaxH, logoMaxH},
		{"16-bit png", encodePNG(t, deep), 400, 100},
		{"transparent png", encodePNG(t, clear), logoMaxH, logoMaxH},
		{"jpeg", jp.Bytes(), 400, 100},
	} {
		if typ, err := CheckLogo("logo", c.data); err != nil || typ == "" {
			t.Errorf("%s: CheckLogo %q, %v", c.name, typ, err)
		}
		out, err := ScaleLogo(c.data)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		im, format, err := image.Decode(bytes.NewReader(out))
		if err != nil || format != "png" {
			t.Errorf("%s: scaled logo is not a PNG: %v %s", c.name, err, format)
			continue
		}
		if b := im.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%s: scaled to %dx%d, want %dx%d", c.name, b.Dx(), b.Dy(), c.w, c.h)
		}
		if !is8bit(im) {
			t.Errorf("%s: scaled logo is %T, want 8 bits a channel", c.name, im)
		}
		if len(out) > 30_000 {
			t.Errorf("%s: scaled logo is %d bytes", c.name, len(out))
		}
		if c.name == "transparent png" {
			if _, _, _, a := im.At(2, 2).RGBA(); a != 0 {
				t.Errorf("transparent corner became opaque (alpha %d)", a)
			}
		}
	}
}

func TestSVGAndOtherPicturesGetOneClearMessage(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`, "SVG drawing; presskit needs a picture: export it as PNG"},
		{`<svg viewBox="0 0 10 10"></svg>`, "SVG drawing"},
		{"just some text, not a picture", "not a PNG or JPEG image"},
		{"", "is empty"},
	} {
		_, err := CheckLogo("brand/logo", []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "brand/logo") {
			t.Errorf("%q: %v, want a message with %q and the file name", c.data, err, c.want)
		}
	}
}

// TestACMYKJPEGLogoWorks: print shops' logos are often CMYK JPEGs (made with ImageMagick:
// convert -size 120x40 xc:'#7a1f5c' … -colorspace CMYK). They are taken and turned into a
// small RGB PNG whose colour is still the brand's.
func TestACMYKJPEGLogoWorks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cmyk-logo.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	typ, err := CheckLogo("cmyk-logo.jpg", data)
	if err != nil || typ != "jpg" {
		t.Fatalf("CheckLogo: %q, %v", typ, err)
	}
	out, err := ScaleLogo(data)
	if err != nil {
		t.Fatal(err)
	}
	im, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the scaled logo is not a PNG: %v", err)
	}
	r, g, b, _ := im.At(110, 35).RGBA()
	if r>>8 < 0x5a || r>>8 > 0x9a || g>>8 > 0x40 || b>>8 < 0x3c || b>>8 > 0x7c {
		t.Errorf("the brand colour came out as #%02x%02x%02x, want about #7a1f5c", r>>8, g>>8, b>>8)
	}
}
