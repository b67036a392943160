package publish

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// errNotStreamable says a PNG needs the whole-image decoder: interlaced, or a colour key
// (tRNS on a grey or RGB image).
var errNotStreamable = errors.New("png: not streamable")

// pngHeader is a PNG's IHDR.
type pngHeader struct {
	w, h             int
	depth, ctype     byte
	interlaced       bool
	palette          [][4]uint8 // RGBA, tRNS applied
	colourKey        bool
	idat             [][]byte
	channels, bitsPx int
}

// readPNG reads a PNG's chunks without inflating them.
func readPNG(data []byte) (*pngHeader, error) {
	if len(data) < 8 || string(data[:8]) != "\x89PNG\r\n\x1a\n" {
		return nil, errors.New("png: not a PNG")
	}
	p := &pngHeader{}
	for at := 8; at+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[at:]))
		typ := string(data[at+4 : at+8])
		if n < 0 || at+12+n > len(data) {
			return nil, errors.New("png: truncated chunk")
		}
		body := data[at+8 : at+8+n]
		switch typ {
		case "IHDR":
			if n < 13 {
				return nil, errors.New("png: short IHDR")
			}
			p.w, p.h = int(binary.BigEndian.Uint32(body)), int(binary.BigEndian.Uint32(body[4:]))
			p.depth, p.ctype, p.interlaced = body[8], body[9], body[12] != 0
		case "PLTE":
			for i := 0; i+3 <= n; i += 3 {
				p.palette = append(p.palette, [4]uint8{body[i], body[i+1], body[i+2], 255})
			}
		case "tRNS":
			if p.ctype == 3 {
				for i := 0; i < n && i < len(p.palette); i++ {
					p.palette[i][3] = body[i]
				}
			} else {
				p.colourKey = true
			}
		case "IDAT":
			p.idat = append(p.idat, body)
		case "IEND":
			at = len(data)
			continue
		}
		at += 12 + n
	}
	p.channels = map[byte]int{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[p.ctype]
	if p.channels == 0 || p.w <= 0 || p.h <= 0 {
		return nil, fmt.Errorf("png: colour type %d", p.ctype)
	}
	p.bitsPx = p.channels * int(p.depth)
	return p, nil
}

// pngRows inflates a non-interlaced PNG one row at a time and calls row with each row
// as 8-bit RGBA (not premultiplied), keeping two rows in memory, not the image: a
// 6000-pixel logo is read in a few hundred kilobytes.
func pngRows(p *pngHeader, row func(y int, rgba []byte)) error {
	if p.interlaced || p.colourKey {
		return errNotStreamable
	}
	z, err := zlib.NewReader(io.MultiReader(readers(p.idat)...))
	if err != nil {
		return err
	}
	defer z.Close()
	stride := (p.w*p.bitsPx + 7) / 8
	bpp := max(1, p.bitsPx/8) // bytes per complete pixel, for the filters
	prev, cur := make([]byte, stride), make([]byte, stride)
	out := make([]byte, 4*p.w)
	ft := make([]byte, 1)
	for y := 0; y < p.h; y++ {
		if _, err := io.ReadFull(z, ft); err != nil {
			return err
		}
		if _, err := io.ReadFull(z, cur); err != nil {
			return err
		}
		if err := unfilter(ft[0], cur, prev, bpp); err != nil {
			return err
		}
		p.toRGBA(cur, out)
		row(y, out)
		prev, cur = cur, prev
	}
	return nil
}

func readers(bs [][]byte) []io.Reader {
	rs := make([]io.Reader, len(bs))
	for i, b := range bs {
		rs[i] = bytes.NewReader(b)
	}
	return rs
}

// unfilter undoes a row's PNG filter in place (None, Sub, Up, Average, Paeth).
func unfilter(f byte, cur, prev []byte, bpp int) error {
	switch f {
	case 0:
	case 1:
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2:
		for i := range cur {
			cur[i] += prev[i]
		}
	case 3:
		for i := range cur {
			var a int
			if i >= bpp {
				a = int(cur[i-bpp])
			}
			cur[i] += byte((a + int(prev[i])) / 2)
		}
	case 4:
		for i := range cur {
			var a, c int
			if i >= bpp {
				a, c = int(cur[i-bpp]), int(prev[i-bpp])
			}
			cur[i] += paeth(a, int(prev[i]), c)
		}
	default:
		return fmt.Errorf("png: bad filter %d", f)
	}
	return nil
}

func paeth(a, b, c int) byte {
	p := a + b - c
	pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
	if pa <= pb && pa <= pc {
		return byte(a)
	}
	if pb <= pc {
		return byte(b)
	}
	return byte(c)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// toRGBA turns one unfiltered row into 8-bit RGBA.
func (p *pngHeader) toRGBA(row, out []byte) {
	sample := func(i int) uint8 { // the i-th sample of the row, scaled to 8 bits
		switch p.depth {
		case 16:
			return row[2*i]
		case 8:
			return row[i]
		default:
			d := int(p.depth)
			bit := i * d
			v := (row[bit/8] >> (8 - d - bit%8)) & (1<<d - 1)
			if p.ctype == 3 {
				return v
			}
			return uint8(int(v) * 255 / (1<<d - 1))
		}
	}
	for x := 0; x < p.w; x++ {
		o := out[4*x : 4*x+4]
		switch p.ctype {
		case 0:
			g := sample(x)
			o[0], o[1], o[2], o[3] = g, g, g, 255
		case 2:
			o[0], o[1], o[2], o[3] = sample(3*x), sample(3*x+1), sample(3*x+2), 255
		case 3:
			i := int(sample(x))
			if i < len(p.palette) {
				c := p.palette[i]
				o[0], o[1], o[2], o[3] = c[0], c[1], c[2], c[3]
			} else {
				o[0], o[1], o[2], o[3] = 0, 0, 0, 255
			}
		case 4:
			g := sample(2 * x)
			o[0], o[1], o[2], o[3] = g, g, g, sample(2*x+1)
		case 6:
			o[0], o[1], o[2], o[3] = sample(4*x), sample(4*x+1), sample(4*x+2), sample(4*x+3)
		}
	}
}
