// Package webfont makes the @font-face rules that embed presskit's Noto faces in an HTML
// page, each face cut to the characters the page holds, so the page looks the same on
// every machine (and as the PDF does) without fetching anything. The faces are parsed
// once per process; cutting one to a page's characters takes about a millisecond.
//
// The subsetting and the TrueType writer are github.com/tdewolff/font's (MIT): a kept
// library does this better than code of our own would.
package webfont

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

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
	var rs runeSet
	rs.addString(text)
	b, err := rs.css()
	return string(b), err
}

// Sheet is CSS for the characters of all the texts at once: a stylesheet of its own
// that every page of a kit links, each face cut once for the whole kit.
func Sheet(texts ...[]byte) ([]byte, error) {
	var rs runeSet
	for _, t := range texts {
		rs.addBytes(t)
	}
	return rs.css()
}

// runeSet gathers the characters the faces are cut to: the space and the no-break space
// always, and every other character at or above the space.
type runeSet struct {
	ascii [128]bool
	other map[rune]bool
}

func (s *runeSet) add(r rune) {
	switch {
	case r < ' ':
	case r < 128:
		s.ascii[r] = true
	default:
		if s.other == nil {
			s.other = map[rune]bool{}
		}
		s.other[r] = true
	}
}

func (s *runeSet) addString(t string) {
	for _, r := range t {
		s.add(r)
	}
}

func (s *runeSet) addBytes(t []byte) {
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf {
			s.add(rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRune(t[i:])
		s.add(r)
		i += n
	}
}

// sorted lists the set's characters in order.
func (s *runeSet) sorted() []rune {
	s.add(' ')
	s.add('\u00a0')
	out := make([]rune, 0, 128+len(s.other))
	for r, ok := range s.ascii {
		if ok {
			out = append(out, rune(r))
		}
	}
	more := make([]rune, 0, len(s.other))
	for r := range s.other {
		more = append(more, r)
	}
	slices.Sort(more)
	return append(out, more...)
}

// css cuts every face to the set's characters, the faces side by side, and writes
// their rules in the faces' order.
func (s *runeSet) css() ([]byte, error) {
	sorted := s.sorted()
	fs := faces()
	rules := make([][]byte, len(fs))
	errs := make([]error, len(fs))
	var wg sync.WaitGroup
	for i, f := range fs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rules[i], errs[i] = rule(f, sorted)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return bytes.Join(rules, nil), nil
}

// rule is the @font-face rule of one face cut to the characters sorted.
func rule(f face, sorted []rune) ([]byte, error) {
	sf, err := load(f.file)
	if err != nil {
		return nil, fmt.Errorf("web font %s: %w", f.file, err)
	}
	ids, seen := make([]uint16, 1, len(sorted)+1), map[uint16]bool{0: true}
	for _, r := range sorted {
		if g := sf.GlyphIndex(r); g != 0 && !seen[g] {
			seen[g] = true
			ids = append(ids, g)
		}
	}
	sub, err := sf.Subset(ids, font.SubsetOptions{Tables: font.KeepMinTables, StoredGlyphs: true})
	if err != nil {
		return nil, fmt.Errorf("web font %s: %w", f.file, err)
	}
	data := write(sub)
	head := fmt.Sprintf("@font-face { font-family: %q; font-weight: %s; font-style: %s; font-display: block; src: url(data:font/ttf;base64,",
		f.family, f.weight, f.style)
	const tail = ") format(\"truetype\"); }\n"
	out := make([]byte, len(head), len(head)+base64.StdEncoding.EncodedLen(len(data))+len(tail))
	copy(out, head)
	out = base64.StdEncoding.AppendEncode(out, data)
	return append(out, tail...), nil
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
