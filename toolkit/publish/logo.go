package publish

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg" // the logo may be a JPEG
	"image/png"
	"strings"
	"sync"
)

// The most pixels a logo keeps: the masthead draws it at most 12 mm high and 45 mm
// wide, which at 300 dpi is about 140 × 530 pixels; the HTML shows it smaller still.
const (
	logoMaxH = 160
	logoMaxW = 600
	// logoMaxPixels refuses images whose decoding alone would take too much memory.
	logoMaxPixels = 40_000_000
)

// CheckLogo reads the logo's header and returns its type ("png" or "jpg"), or an error
// that says what is wrong with it and what to do. name is the path used in messages.
// It does not decode the pixels: ScaleLogo does, once, for the documents.
func CheckLogo(name string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("logo %s is empty; use a PNG or JPEG file, or remove organisation.logo", name)
	}
	if isSVG(data) {
		return "", fmt.Errorf("logo %s is an SVG drawing; presskit needs a picture: export it as PNG, at least 600 pixels wide", name)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("logo %s is not a PNG or JPEG image (%v); export it again as PNG or JPEG", name, err)
	}
	if cfg.Width < 16 || cfg.Height < 16 {
		return "", fmt.Errorf("logo %s is only %dx%d pixels; use one at least 200 pixels wide", name, cfg.Width, cfg.Height)
	}
	if cfg.Width*cfg.Height > logoMaxPixels {
		return "", fmt.Errorf("logo %s is %dx%d pixels, too large to read; export it at most 2000 pixels wide", name, cfg.Width, cfg.Height)
	}
	switch format {
	case "png":
		_, err = ScaleLogo(data)
	case "jpeg":
		_, err = ScaleLogo(data)
	default:
		return "", fmt.Errorf("logo %s is a %s image; use PNG or JPEG", name, format)
	}
	if err != nil {
		return "", fmt.Errorf("logo %s: %v; export it again as PNG or JPEG", name, err)
	}
	if format == "jpeg" {
		return "jpg", nil
	}
	return format, nil
}

func isSVG(data []byte) bool {
	head := strings.ToLower(string(data[:min(len(data), 512)]))
	return strings.Contains(head, "<svg") || strings.HasPrefix(strings.TrimSpace(head), "<?xml")
}

// ScaleLogo decodes a PNG or JPEG logo and returns it as an 8-bit PNG no larger than the
// documents draw it, transparency kept: a 16-bit PNG, a CMYK JPEG or a 6000-pixel logo
// all come out as a small PNG that the PDF and HTML renderers take as it is.
func ScaleLogo(data []byte) ([]byte, error) {
	key := sha256.Sum256(data)
	if v, ok := scaled.Load(key); ok {
		return v.([]byte), nil
	}
	out, err := scaleLogo(data)
	if err == nil {
		scaled.Store(key, out)
	}
	return out, err
}

// scaled keeps the logos scaled in this run, so that checking a logo and making the
// documents decode it once.
var scaled sync.Map

func scaleLogo(data []byte) ([]byte, error) {
	if p, err := readPNG(data); err == nil && !p.interlaced && !p.colourKey {
		// A PNG is read row by row: a 6000-pixel logo never sits whole in memory.
		nw, nh := logoSize(p.w, p.h)
		if nw == p.w && nh == p.h && p.depth == 8 {
			return data, nil
		}
		dst := image.NewNRGBA(image.Rect(0, 0, nw, nh))
		rows := newRowScaler(dst, p.w, p.h)
		if err := pngRows(p, rows.add); err != nil {
			return nil, fmt.Errorf("a damaged image (%v)", err)
		}
		return encodeLogo(dst)
	}
	src, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("a damaged image (%v)", err)
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	nw, nh := logoSize(w, h)
	if format == "png" && nw == w && nh == h && is8bit(src) {
		return data, nil
	}
	dst := image.NewNRGBA(image.Rect(0, 0, nw, nh))
	boxScale(dst, src)
	return encodeLogo(dst)
}

// logoSize is the size a w × h logo is kept at: no larger than the documents draw it.
func logoSize(w, h int) (int, int) {
	scale := min(1, float64(logoMaxH)/float64(h), float64(logoMaxW)/float64(w))
	return max(1, int(float64(w)*scale+0.5)), max(1, int(float64(h)*scale+0.5))
}

// encodeLogo writes the scaled logo as a small 8-bit PNG.
func encodeLogo(dst *image.NRGBA) ([]byte, error) {
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, dst); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func is8bit(im image.Image) bool {
	switch im.(type) {
	case *image.RGBA, *image.NRGBA, *image.Gray, *image.Paletted:
		return true
	}
	return false
}

// boxScale shrinks src into dst by averaging every source pixel that falls in a
// destination pixel, in premultiplied colour so that transparent edges stay clean.
// Source rows are read one at a time through image/draw's fast paths.
func boxScale(dst *image.NRGBA, src image.Image) {
	sb := src.Bounds()
	dw, dh := dst.Bounds().Dx(), dst.Bounds().Dy()
	sw, sh := sb.Dx(), sb.Dy()
	row := image.NewRGBA(image.Rect(0, 0, sw, 1))
	acc := make([][5]uint64, dw) // r, g, b, a, count of one destination row
	sy := 0
	for dy := 0; dy < dh; dy++ {
		y1 := (dy + 1) * sh / dh
		for i := range acc {
			acc[i] = [5]uint64{}
		}
		for ; sy < y1; sy++ {
			draw.Draw(row, row.Bounds(), src, image.Pt(sb.Min.X, sb.Min.Y+sy), draw.Src)
			for sx := 0; sx < sw; sx++ {
				px := row.Pix[4*sx : 4*sx+4]
				p := &acc[sx*dw/sw]
				p[0] += uint64(px[0])
				p[1] += uint64(px[1])
				p[2] += uint64(px[2])
				p[3] += uint64(px[3])
				p[4]++
			}
		}
		for dx := 0; dx < dw; dx++ {
			p := acc[dx]
			if p[4] == 0 {
				continue
			}
			n := p[4]
			c := color.RGBA{uint8(p[0] / n), uint8(p[1] / n), uint8(p[2] / n), uint8(p[3] / n)}
			dst.Set(dx, dy, color.NRGBAModel.Convert(c))
		}
	}
}

// rowScaler box-scales an image given one source row at a time (8-bit RGBA, not
// premultiplied) into dst, averaging in premultiplied colour as boxScale does.
type rowScaler struct {
	dst      *image.NRGBA
	sw, sh   int
	acc      [][5]uint64
	dy, next int // the destination row being filled, and the source row that ends it
}

func newRowScaler(dst *image.NRGBA, sw, sh int) *rowScaler {
	r := &rowScaler{dst: dst, sw: sw, sh: sh, acc: make([][5]uint64, dst.Bounds().Dx())}
	r.next = sh / dst.Bounds().Dy()
	return r
}

func (r *rowScaler) add(y int, rgba []byte) {
	dw, dh := r.dst.Bounds().Dx(), r.dst.Bounds().Dy()
	for sx := 0; sx < r.sw; sx++ {
		px := rgba[4*sx : 4*sx+4]
		a := uint64(px[3])
		p := &r.acc[sx*dw/r.sw]
		p[0] += (uint64(px[0])*a + 127) / 255
		p[1] += (uint64(px[1])*a + 127) / 255
		p[2] += (uint64(px[2])*a + 127) / 255
		p[3] += a
		p[4]++
	}
	for r.dy < dh && y+1 >= (r.dy+1)*r.sh/dh {
		for dx := 0; dx < dw; dx++ {
			p := r.acc[dx]
			if p[4] > 0 {
				n := p[4]
				c := color.RGBA{uint8(p[0] / n), uint8(p[1] / n), uint8(p[2] / n), uint8(p[3] / n)}
				r.dst.Set(dx, r.dy, color.NRGBAModel.Convert(c))
			}
			r.acc[dx] = [5]uint64{}
		}
		r.dy++
	}
}
