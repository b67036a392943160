// Package webfont makes the @font-face rules that embed presskit's Noto faces in an HTML
// page, each face cut to the characters the page holds, so the page looks the same on
// every machine (and as the PDF does) without fetching anything. The faces are parsed
// once per process; cutting one to a page's characters takes about a millisecond.
//
// The subsetting and the TrueType writer are github.com/tdewolff/font's (MIT): a kept
// library does this better than code of our own would.
package webfont

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/presskit/presskit/fonts"
	"github.com/tdewolff/font"
)

// face is one embedded font file as CSS names it.
type face struct {
	family, weight, style, file string
}

// faces are the embedded Noto faces, with the CSS family names the stylesheet uses.
func faces() []face {
	var out []face
	for _, f := range fonts.Faces() {
		family := map[string]string{fonts.Sans: "Noto Sans", fonts.Serif: "Noto Serif"}[f.Family]
		weight, style := "400", "normal"
		switch f.Style {
		case "B":
			weight = "700"
		case "I":
			style = "italic"
		}
		out = append(out, face{family, weight, style, f.File})
	}
	return out
}

var parsed sync.Map // file name → *parsedFace

type parsedFace struct {
	once sync.Once
	sf   *font.SFNT
	err  error
}

func load(file string) (*font.SFNT, error) {
	v, _ := parsed.LoadOrStore(file, &parsedFace{})
	p := v.(*parsedFace)
	p.once.Do(func() {
		b, err := fonts.FS.ReadFile(file)
		if err != nil {
			p.err = err
			return
		}
		p.sf, p.err = font.ParseSFNT(b, 0)
	})
	return p.sf, p.err
}

// CSS returns @font-face rules for every embedded face, each holding only the glyphs of
// the characters in text (and the glyphs they are built from), as TrueType data URLs.
func CSS(text string) (string, error) {
	runes := map[rune]bool{' ': true, '\u00a0': true}
	for _, r := range text {
		if r >= ' ' {
			runes[r] = true
		}
	}
	sorted := make([]rune, 0, len(runes))
	for r := range runes {
		sorted = append(sorted, r)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	var b strings.Builder
	for _, f := range faces() {
		sf, err := load(f.file)
		if err != nil {
			return "", fmt.Errorf("web font %s: %w", f.file, err)
		}
		ids, seen := []uint16{0}, map[uint16]bool{0: true}
		for _, r := range sorted {
			if g := sf.GlyphIndex(r); g != 0 && !seen[g] {
				seen[g] = true
				ids = append(ids, g)
			}
		}
		sub, err := sf.Subset(ids, font.SubsetOptions{Tables: font.KeepMinTables})
		if err != nil {
			return "", fmt.Errorf("web font %s: %w", f.file, err)
		}
		fmt.Fprintf(&b, "@font-face { font-family: %q; font-weight: %s; font-style: %s; font-display: block; src: url(data:font/ttf;base64,%s) format(\"truetype\"); }\n",
			f.family, f.weight, f.style, base64.StdEncoding.EncodeToString(write(sub)))
	}
	return b.String(), nil
}

// write writes the cut face with the original face's "modified" date in its head table:
// the library stamps the time of writing there, and pages must be the same bytes on every
// run. The head table's checksum and the file's checksum adjustment are made anew.
func write(sf *font.SFNT) []byte {
	buf := sf.Write()
	head := sf.Tables["head"]
	if len(buf) < 12 || len(head) < 36 {
		return buf
	}
	n := int(binary.BigEndian.Uint16(buf[4:6]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(buf) || string(buf[rec:rec+4]) != "head" {
			continue
		}
		off := int(binary.BigEndian.Uint32(buf[rec+8:]))
		length := int(binary.BigEndian.Uint32(buf[rec+12:]))
		end := off + (length+3)&^3
		if off+36 > len(buf) || end > len(buf) {
			return buf
		}
		binary.BigEndian.PutUint32(buf[off+8:], 0)
		copy(buf[off+28:off+36], head[28:36])
		binary.BigEndian.PutUint32(buf[rec+4:], checksum(buf[off:end]))
		binary.BigEndian.PutUint32(buf[off+8:], 0xB1B0AFBA-checksum(buf))
	}
	return buf
}

// checksum is the OpenType table checksum: the sum of the big-endian 32-bit words.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}
