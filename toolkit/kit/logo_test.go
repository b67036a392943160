package kit

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/publish"
)

// The index embeds the logo scaled as the documents' is: a 3000 × 3000 logo of
// several megabytes makes an index of a few tens of kilobytes.
func TestIndexEmbedsTheScaledLogo(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 3000, 3000))
	seed := uint32(1)
	for i := range img.Pix {
		// Noise, so that the PNG stays large as a photograph's would.
		seed = seed*1664525 + 1013904223
		img.Pix[i] = uint8(seed >> 24)
		if i%4 == 3 {
			img.Pix[i] = 0xff
		}
	}
	img.Set(0, 0, color.NRGBA{0x7a, 0x1f, 0x5c, 0xff})
	var logo bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&logo, img); err != nil {
		t.Fatal(err)
	}
	if logo.Len() < 1<<20 {
		t.Fatalf("the test logo is only %d bytes", logo.Len())
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	k := &Kit{File: "kit.yaml", Title: map[string]string{"en": "Kit"}, Intro: map[string]string{}}
	base := document.Options{Paper: "a4", Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), Logo: logo.Bytes(), LogoType: "png",
		Config: config.Config{Organisation: config.Organisation{Name: "Butterfly"}, Brand: config.Brand{Colour: config.DefaultBrandColour}}}
	made := []publish.Made{{Doc: &document.Doc{Kind: document.Handout, Lang: "en"}}}
	index, err := renderIndex(cat, k, []string{"en"}, "en", base, made, false)
	if err != nil {
		t.Fatal(err)
	}
	base.Logo = nil
	plain, err := renderIndex(cat, k, []string{"en"}, "en", base, made, false)
	if err != nil {
		t.Fatal(err)
	}
	// At most 140 × 140 pixels of noise, the worst case for PNG: under 64 KB in base64.
	t.Logf("index.html %d KB, %d KB without the logo", len(index)>>10, len(plain)>>10)
	if len(index)-len(plain) > 64<<10 {
		t.Errorf("the logo adds %d KB to index.html (a %d KB file); want under 64 KB", (len(index)-len(plain))>>10, logo.Len()>>10)
	}
	if !bytes.Contains(index, []byte("data:image/png;base64,")) {
		t.Error("the index has no logo")
	}
}
