// Package cards draws social media cards: PNG images of a myth with its fact, a quote, or
// a "say this, not that" term, square (1080×1080) and landscape (1200×675), in the brand
// colour with the logo and the source named. Text is fitted by size and never clipped:
// when it cannot fit at the smallest size the card is refused with a *TooLongError that
// says by how much. Drawing uses golang.org/x/image (opentype faces rasterised by its
// vector package) with the embedded Noto fonts; the same input gives the same bytes.
package cards

import (
	"bytes"
	"fmt"
	"github.com/presskit/presskit/toolkit/render"
	"image"
	"image/color"
	"image/png"
	"math"
	"sort"
	"strings"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/presskit/presskit/fonts"
)

// Size is a card's format.
type Size struct {
	Name string // "square", "landscape"
	W, H int
}

// The sizes every card is drawn in.
var (
	Square    = Size{"square", 1080, 1080}
	Landscape = Size{"landscape", 1200, 675}
	Sizes     = []Size{Square, Landscape}
)

// Run is a part of a card's text: a small label ("MYTH") over a text, set in a weight and
// at a scale of the card's main type size.
type Run struct {
	Label string
	Text  string
	Bold  bool
	Serif bool
	Scale float64 // 1 for the main text
	Dim   bool    // drawn in the secondary colour
}

// Card is what one card says.
type Card struct {
	ID   string // the library item
	Kind string // "myth", "quote", "term"
	Lang string
	// Tag is the kind's name in the card's language, top right ("Myth and fact").
	Tag    string
	Runs   []Run
	Source string // "Source: SWAN, 2015"
	Org    string // organisation name or address, bottom right
	Alt    string
}

// TooLongError says that a card's text does not fit even at the smallest type size.
type TooLongError struct {
	ID, Lang string
	Size     Size
	// Need and Have are the heights in pixels the text needs and the card has for it.
	Need, Have int
	Words      int // about how many words to cut
}

func (e *TooLongError) Error() string {
	pct := int(math.Ceil(float64(e.Need-e.Have) * 100 / float64(e.Have)))
	return fmt.Sprintf("card %s [%s] %s %d×%d: the text is %d%% too long for the card even at the smallest type (%d px needed, %d px available); cut about %d words",
		e.ID, e.Lang, e.Size.Name, e.Size.W, e.Size.H, pct, e.Need, e.Have, e.Words)
}

// Style is the look shared by every card of a kit.
type Style struct {
	Brand color.RGBA
	// Logo is the decoded logo, nil for none; LogoID names its content (a hash), for Cache.
	Logo   image.Image
	LogoID string
}

// Drawer draws cards. It holds the parsed fonts and the scaled logo; one Drawer may be
// used from several goroutines.
type Drawer struct {
	style              Style
	bold, regular, ser *opentype.Font
	fg, dim            color.RGBA

	mu    sync.Mutex
	logos map[int]*logoPlate // scaled logo plates by height
}

// NewDrawer parses the embedded fonts.
func NewDrawer(st Style) (*Drawer, error) {
	load := func(file string) (*opentype.Font, error) {
		b, err := fonts.FS.ReadFile(file)
		if err != nil {
			return nil, err
		}
		return opentype.Parse(b)
	}
	d := &Drawer{style: st, logos: map[int]*logoPlate{}}
	var err error
	if d.bold, err = load("NotoSans-Bold.ttf"); err != nil {
		return nil, err
	}
	if d.regular, err = load("NotoSans-Regular.ttf"); err != nil {
		return nil, err
	}
	if d.ser, err = load("NotoSerif-Regular.ttf"); err != nil {
		return nil, err
	}
	d.fg, d.dim = textColours(st.Brand)
	return d, nil
}

// textColours picks white text on a dark brand colour and near-black on a light one, so
// that text keeps a contrast of at least 4.5:1.
func textColours(bg color.RGBA) (fg, dim color.RGBA) {
	if luminance(bg) > 0.18 {
		return color.RGBA{0x14, 0x14, 0x14, 0xff}, color.RGBA{0x2e, 0x2e, 0x2e, 0xff}
	}
	return color.RGBA{0xff, 0xff, 0xff, 0xff}, color.RGBA{0xf0, 0xe6, 0xee, 0xff}
}

func luminance(c color.RGBA) float64 { return render.Luminance(c.R, c.G, c.B) }

func (d *Drawer) font(r Run) *opentype.Font {
	switch {
	case r.Serif:
		return d.ser
	case r.Bold:
		return d.bold
	}
	return d.regular
}

func face(f *opentype.Font, px float64) font.Face {
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // only for a size <= 0, which layout never asks for
	}
	return fc
}

// line is one set line of a run.
type line struct {
	text string
	f    *opentype.Font
	px   float64
	col  color.RGBA
	y    float64 // baseline
}

const (
	lineGap  = 1.22 // line height in type sizes
	labelGap = 0.35 // space under a label, in its size
	runGap   = 0.75 // space between runs, in the main size
)

// layout sets runs into width at main size px and returns the lines and the height used.
func (d *Drawer) layout(runs []Run, px float64, width float64) ([]line, float64, bool) {
	var out []line
	y := 0.0
	ok := true
	for i, r := range runs {
		if i > 0 {
			y += runGap * px
		}
		if r.Label != "" {
			lp := math.Max(px*0.42, 20)
			y += lp
			out = append(out, line{text: r.Label, f: d.bold, px: lp, col: d.dim, y: y})
			y += labelGap * lp
		}
		rp := px * r.Scale
		f := d.font(r)
		fc := face(f, rp)
		col := d.fg
		if r.Dim {
			col = d.dim
		}
		lines, fits := wrap(fc, r.Text, width)
		ok = ok && fits
		for _, l := range lines {
			y += rp * lineGap
			out = append(out, line{text: l, f: f, px: rp, col: col, y: y - rp*(lineGap-1) - rp*0.22})
		}
		fc.Close()
	}
	return out, y, ok
}

// wrap breaks text into lines no wider than width, at spaces (never at a no-break
// space). fits is false when a single word is wider than the line.
func wrap(fc font.Face, text string, width float64) (lines []string, fits bool) {
	fits = true
	limit := fixed.Int26_6(width * 64)
	space := font.MeasureString(fc, " ")
	var cur strings.Builder
	var curW fixed.Int26_6
	for _, w := range strings.Split(text, " ") {
		if w == "" {
			continue
		}
		ww := font.MeasureString(fc, w)
		if ww > limit {
			fits = false
		}
		if cur.Len() > 0 && curW+space+ww > limit {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
			curW += space
		}
		cur.WriteString(w)
		curW += ww
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines, fits
}

// geometry of a card, in pixels.
type geometry struct {
	pad, top, bottom float64 // body box top and bottom
	maxPx, minPx     float64
}

func geometryOf(s Size) geometry {
	short := float64(min(s.W, s.H))
	pad := short * 0.075
	head := short * 0.085
	foot := short * 0.06
	g := geometry{pad: pad, top: pad + head + short*0.04, bottom: float64(s.H) - pad - foot - short*0.03}
	g.maxPx = short * 0.075
	g.minPx = math.Max(short*0.036, 24)
	return g
}

// Draw renders c at size s as PNG bytes.
func (d *Drawer) Draw(c Card, s Size) ([]byte, error) {
	g := geometryOf(s)
	width := float64(s.W) - 2*g.pad
	short := float64(min(s.W, s.H))
	// The source is set first, on as many lines as it needs; the body takes what is left.
	srcPx := short * 0.026
	var srcLines []string
	if c.Source != "" {
		fc := face(d.regular, srcPx)
		srcLines, _ = wrap(fc, c.Source, width)
		fc.Close()
		g.bottom -= float64(len(srcLines)-1) * srcPx * lineGap
	}
	have := g.bottom - g.top
	var lines []line
	var used float64
	fitted := false
	// From the largest size down by 5% a step, the last step at the smallest size itself
	// (the steps need not land on it).
	for px := g.maxPx; ; px = math.Max(px*0.95, g.minPx) {
		ls, h, ok := d.layout(c.Runs, px, width*0.99)
		if ok && h <= have {
			lines, used, fitted = ls, h, true
			break
		}
		if px <= g.minPx {
			break
		}
	}
	if !fitted {
		_, h, _ := d.layout(c.Runs, g.minPx, width*0.99)
		words := 0
		total := 0
		for _, r := range c.Runs {
			total += len(strings.Fields(r.Text))
		}
		if h > 0 {
			words = int(math.Ceil(float64(total) * (h - have) / h))
		}
		return nil, &TooLongError{ID: c.ID, Lang: c.Lang, Size: s, Need: int(math.Ceil(h)), Have: int(have), Words: max(words, 1)}
	}
	// The card is drawn straight into a paletted image: the background, 64 shades of
	// each text colour over it, and the logo's colours. A paletted PNG is a quarter of
	// the data of an RGBA one and needs no filtering, which keeps a card within 30 ms.
	headH := int(short * 0.085)
	var plate *logoPlate
	if d.style.Logo != nil {
		plate = d.logoPlate(headH)
	}
	img := image.NewPaletted(image.Rect(0, 0, s.W, s.H), d.palette(plate))
	x0, y0 := int(g.pad), int(g.pad)
	if plate != nil {
		r := plate.img.Bounds()
		for y := 0; y < r.Dy(); y++ {
			copy(img.Pix[(y0+y)*img.Stride+x0:(y0+y)*img.Stride+x0+r.Dx()], plate.img.Pix[y*plate.img.Stride:y*plate.img.Stride+r.Dx()])
		}
	}
	tagW := 0.0
	if c.Tag != "" {
		px := short * 0.03
		fc := face(d.bold, px)
		tagW = float64(font.MeasureString(fc, c.Tag)) / 64
		fc.Close()
		d.text(img, c.Tag, d.bold, px, dimBase, float64(s.W)-g.pad-tagW, float64(y0)+short*0.05)
	}
	if plate == nil && c.Org != "" {
		// The organisation's name takes the room the kind's name leaves, smaller if it must.
		room := width - tagW - short*0.05
		px := short * 0.032
		for px > short*0.018 {
			fc := face(d.bold, px)
			w := float64(font.MeasureString(fc, c.Org)) / 64
			fc.Close()
			if w <= room {
				break
			}
			px *= 0.94
		}
		d.text(img, c.Org, d.bold, px, fgBase, float64(x0), float64(y0)+short*0.05)
	}
	// Body, centred in its box.
	off := g.top + (have-used)/2
	for _, l := range lines {
		base := uint8(fgBase)
		if l.col == d.dim {
			base = dimBase
		}
		d.text(img, l.text, l.f, l.px, base, g.pad, off+l.y)
	}
	// Footer: the source, left, its last line on the bottom margin.
	for i, l := range srcLines {
		y := float64(s.H) - g.pad - float64(len(srcLines)-1-i)*srcPx*lineGap
		d.text(img, l, d.regular, srcPx, dimBase, g.pad, y)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Palette layout: index 0 is the background, then the shades of the two text colours,
// then the logo's colours.
const (
	shades  = 64
	fgBase  = 1
	dimBase = fgBase + shades
	logoAt  = dimBase + shades
)

func (d *Drawer) palette(plate *logoPlate) color.Palette {
	p := make(color.Palette, 0, 256)
	p = append(p, d.style.Brand)
	for _, c := range []color.RGBA{d.fg, d.dim} {
		for i := 1; i <= shades; i++ {
			p = append(p, blend(d.style.Brand, c, float64(i)/shades))
		}
	}
	if plate != nil {
		p = append(p, plate.colours...)
	}
	return p
}

func blend(bg, fg color.RGBA, a float64) color.RGBA {
	mix := func(b, f uint8) uint8 { return uint8(math.Round(float64(b) + (float64(f)-float64(b))*a)) }
	return color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 0xff}
}

// text draws s with its baseline at (x, baseline), each glyph's coverage turned into one
// of the shades that start at palette index base.
func (d *Drawer) text(img *image.Paletted, s string, f *opentype.Font, px float64, base uint8, x, baseline float64) {
	fc := face(f, px)
	defer fc.Close()
	dot := fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(baseline * 64)}
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += fc.Kern(prev, r)
		}
		dr, mask, mp, adv, ok := fc.Glyph(dot, r)
		if !ok {
			dr, mask, mp, adv, _ = fc.Glyph(dot, '\ufffd')
		}
		if a, isAlpha := mask.(*image.Alpha); isAlpha {
			dr = dr.Intersect(img.Rect)
			for y := dr.Min.Y; y < dr.Max.Y; y++ {
				for xx := dr.Min.X; xx < dr.Max.X; xx++ {
					cov := a.AlphaAt(mp.X+xx-dr.Min.X, mp.Y+y-dr.Min.Y).A
					if cov == 0 {
						continue
					}
					i := img.PixOffset(xx, y)
					shade := base + uint8((int(cov)*shades+254)/255) - 1
					if old := img.Pix[i]; old == 0 || (old >= base && old < base+shades && old < shade) {
						img.Pix[i] = shade
					}
				}
			}
		}
		dot.X += adv
		prev = r
	}
}

// logoPlate is the logo on a white plate, as palette indexes from logoAt on.
type logoPlate struct {
	img     *image.Paletted
	colours []color.Color
}

// logoPlate is the logo scaled to height h on a white plate, reduced to the colours
// the palette has room for; made once per height.
func (d *Drawer) logoPlate(h int) *logoPlate {
	d.mu.Lock()
	defer d.mu.Unlock()
	if p := d.logos[h]; p != nil {
		return p
	}
	b := d.style.Logo.Bounds()
	inner := h - h/5
	w := max(1, inner*b.Dx()/max(1, b.Dy()))
	if w > inner*4 {
		w = inner * 4
	}
	pad := h / 10
	rgba := image.NewRGBA(image.Rect(0, 0, w+2*pad, h))
	xdraw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, xdraw.Src)
	xdraw.CatmullRom.Scale(rgba, image.Rect(pad, pad, pad+w, pad+inner), d.style.Logo, b, xdraw.Over, nil)
	// The most frequent colours, 4 bits a channel, make the logo's palette.
	count := map[uint16]int{}
	key := func(c color.RGBA) uint16 { return uint16(c.R>>4)<<8 | uint16(c.G>>4)<<4 | uint16(c.B>>4) }
	for i := 0; i+3 < len(rgba.Pix); i += 4 {
		count[key(color.RGBA{rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2], 0xff})]++
	}
	keys := make([]uint16, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	room := 256 - logoAt
	if len(keys) > room {
		keys = keys[:room]
	}
	var cols color.Palette
	for _, k := range keys {
		c := color.RGBA{uint8(k>>8) * 17, uint8(k>>4&15) * 17, uint8(k&15) * 17, 0xff}
		cols = append(cols, c)
	}
	out := image.NewPaletted(rgba.Bounds(), nil)
	nearest := map[uint16]uint8{}
	for y := 0; y < h; y++ {
		for x := 0; x < rgba.Rect.Dx(); x++ {
			c := rgba.RGBAAt(x, y)
			k := key(c)
			idx, ok := nearest[k]
			if !ok {
				idx = uint8(cols.Index(c))
				nearest[k] = idx
			}
			out.Pix[out.PixOffset(x, y)] = logoAt + idx
		}
	}
	p := &logoPlate{img: out}
	for _, c := range cols {
		p.colours = append(p.colours, c)
	}
	d.logos[h] = p
	return p
}
