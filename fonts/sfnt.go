package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
)

// sfnt version tags (first four bytes of a font file).
const (
	tagTrueType = 0x00010000
	tagTrue     = 0x74727565 // "true" (old Apple TrueType)
	tagOTTO     = 0x4F54544F // "OTTO": OpenType with CFF outlines
	tagTTCF     = 0x74746366 // "ttcf": font collection
)

// maxRune is the largest Unicode code point.
const maxRune = 0x10FFFF

// table is one entry of an sfnt table directory.
type table struct {
	off, len uint32
}

// parseDirectory reads the sfnt header and table directory of data. It
// accepts TrueType-outline fonts and, if allowCFF, CFF-outline ("OTTO") ones.
func parseDirectory(name string, data []byte, allowCFF bool) (map[string]table, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("font %s: file too short (%d bytes)", name, len(data))
	}
	switch v := binary.BigEndian.Uint32(data); {
	case v == tagTrueType || v == tagTrue || v == tagOTTO && allowCFF:
	case v == tagOTTO:
		return nil, fmt.Errorf("font %s has CFF outlines; fpdf needs TrueType (glyf) outlines", name)
	case v == tagTTCF:
		return nil, fmt.Errorf("font %s is a font collection (.ttc); fpdf needs a single TrueType font", name)
	default:
		return nil, fmt.Errorf("font %s is not a TrueType font (sfnt version 0x%08x)", name, v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("font %s: truncated table directory", name)
	}
	tables := make(map[string]table, n)
	for i := range n {
		rec := data[12+16*i:]
		t := table{off: binary.BigEndian.Uint32(rec[8:]), len: binary.BigEndian.Uint32(rec[12:])}
		if uint64(t.off)+uint64(t.len) > uint64(len(data)) {
			return nil, fmt.Errorf("font %s: table %q extends past end of file", name, rec[:4])
		}
		tables[string(rec[:4])] = t
	}
	return tables, nil
}

// Check reports whether data (a font file called name, used in messages) is
// a font github.com/go-pdf/fpdf can embed: a single, static font with
// TrueType (glyf) outlines, a Unicode format 4 cmap and no embedding
// restrictions. fpdf's AddUTF8FontFromBytes does not return an error for
// such fonts: it prints a message to stdout and either skips the font or
// produces a broken PDF, so callers loading user-supplied fonts should call
// Check first.
func Check(name string, data []byte) error {
	tables, err := parseDirectory(name, data, false)
	if err != nil {
		return err
	}
	if _, ok := tables["CFF "]; ok {
		return fmt.Errorf("font %s has CFF outlines; fpdf needs TrueType (glyf) outlines", name)
	}
	if _, ok := tables["CFF2"]; ok {
		return fmt.Errorf("font %s has CFF2 outlines; fpdf needs TrueType (glyf) outlines", name)
	}
	if _, ok := tables["fvar"]; ok {
		return fmt.Errorf("font %s is a variable font; fpdf needs a static font", name)
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf", "cmap", "post"} {
		if _, ok := tables[tag]; !ok {
			return fmt.Errorf("font %s has no %q table, which fpdf needs", name, tag)
		}
	}
	if t, ok := tables["OS/2"]; ok && t.len >= 10 {
		fsType := binary.BigEndian.Uint16(data[t.off+8:])
		if fsType == 0x0002 || fsType&0x0300 != 0 {
			return fmt.Errorf("font %s does not permit embedding (OS/2 fsType %#04x)", name, fsType)
		}
	}
	sub, err := findCmap(name, data, tables["cmap"], true)
	if err != nil {
		return err
	}
	if _, err := parseCmap(name, sub); err != nil {
		return err
	}
	return nil
}

// CoverageOf returns the set of characters that the font data (called name
// in messages) maps to a glyph other than .notdef, read from its Unicode
// cmap: format 12 if present, else format 4. Unlike Check it also accepts
// CFF-outline fonts; font collections are rejected.
//
// fpdf itself reads only the format 4 (Basic Multilingual Plane) subtable,
// so a character above U+FFFF cannot be drawn with fpdf even if it is in
// the set; the embedded fonts have no such characters.
func CoverageOf(name string, data []byte) (map[rune]bool, error) {
	tables, err := parseDirectory(name, data, true)
	if err != nil {
		return nil, err
	}
	t, ok := tables["cmap"]
	if !ok {
		return nil, fmt.Errorf("font %s has no cmap table", name)
	}
	sub, err := findCmap(name, data, t, false)
	if err != nil {
		return nil, err
	}
	return parseCmap(name, sub)
}

// findCmap returns the preferred Unicode subtable of the cmap table t. With
// fpdfOnly it returns the subtable fpdf uses: the first format 4 subtable
// with platform 0 (Unicode) or platform 3 encoding 1 (Windows BMP).
// Otherwise a format 12 subtable (platform 3 encoding 10, or platform 0) is
// preferred, falling back to format 4.
func findCmap(name string, data []byte, t table, fpdfOnly bool) ([]byte, error) {
	cmap := data[t.off : t.off+t.len]
	if len(cmap) < 4 {
		return nil, fmt.Errorf("font %s: cmap table too short", name)
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return nil, fmt.Errorf("font %s: truncated cmap table", name)
	}
	var best []byte
	bestRank := 0
	for i := range n {
		rec := cmap[4+8*i:]
		platform := binary.BigEndian.Uint16(rec)
		encoding := binary.BigEndian.Uint16(rec[2:])
		off := binary.BigEndian.Uint32(rec[4:])
		if uint64(off)+2 > uint64(len(cmap)) {
			return nil, fmt.Errorf("font %s: cmap subtable offset out of range", name)
		}
		sub := cmap[off:]
		format := binary.BigEndian.Uint16(sub)
		rank := 0
		switch {
		case format == 4 && (platform == 0 || platform == 3 && encoding == 1):
			rank = 1
		case fpdfOnly:
		case format == 12 && (platform == 0 || platform == 3 && encoding == 10):
			rank = 2
		}
		if fpdfOnly && rank > 0 {
			return sub, nil
		}
		if rank > bestRank {
			best, bestRank = sub, rank
		}
	}
	if best == nil {
		if fpdfOnly {
			return nil, fmt.Errorf("font %s has no Unicode format 4 cmap, which fpdf needs", name)
		}
		return nil, fmt.Errorf("font %s has no Unicode cmap (format 4 or 12)", name)
	}
	return best, nil
}

// parseCmap returns the characters that the cmap subtable sub (format 4 or
// 12) maps to a glyph other than 0 (.notdef).
func parseCmap(name string, sub []byte) (map[rune]bool, error) {
	glyphs, err := parseCmapGlyphs(name, sub)
	if err != nil {
		return nil, err
	}
	set := make(map[rune]bool, len(glyphs))
	for r := range glyphs {
		set[r] = true
	}
	return set, nil
}

// parseCmapGlyphs returns the glyph of each character that the cmap subtable
// sub (format 4 or 12) maps to a glyph other than 0 (.notdef).
func parseCmapGlyphs(name string, sub []byte) (map[rune]uint32, error) {
	short := fmt.Errorf("font %s: truncated cmap subtable", name)
	u16 := func(off int) uint16 { return binary.BigEndian.Uint16(sub[off:]) }
	u32 := func(off int) uint32 { return binary.BigEndian.Uint32(sub[off:]) }
	set := make(map[rune]uint32)
	switch format := u16(0); format {
	case 4:
		if len(sub) < 14 {
			return nil, short
		}
		segs := int(u16(6)) / 2
		// endCode[segs], reservedPad, startCode[segs], idDelta[segs], idRangeOffset[segs]
		ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
		if len(sub) < ranges+2*segs {
			return nil, short
		}
		for i := range segs {
			start, end := int(u16(starts+2*i)), int(u16(ends+2*i))
			delta, ro := u16(deltas+2*i), int(u16(ranges+2*i))
			for c := start; c <= end && c != 0xFFFF; c++ {
				var g uint16
				if ro == 0 {
					g = uint16(c) + delta
				} else {
					// idRangeOffset is relative to its own position.
					p := ranges + 2*i + ro + 2*(c-start)
					if p+2 > len(sub) {
						return nil, short
					}
					if g = u16(p); g != 0 {
						g += delta
					}
				}
				if g != 0 {
					set[rune(c)] = uint32(g)
				}
			}
		}
	case 12:
		if len(sub) < 16 {
			return nil, short
		}
		n := int(u32(12))
		if n > (len(sub)-16)/12 {
			return nil, short
		}
		budget := uint32(maxRune + 1) // bounds work on overlapping groups
		for i := range n {
			rec := 16 + 12*i
			start, end, glyph := u32(rec), u32(rec+4), u32(rec+8)
			if start > end || end > maxRune {
				return nil, fmt.Errorf("font %s: bad cmap range %#x-%#x", name, start, end)
			}
			if end-start >= budget {
				return nil, fmt.Errorf("font %s: cmap ranges overlap", name)
			}
			budget -= end - start + 1
			for c := start; c <= end; c++ {
				if glyph+(c-start) != 0 {
					set[rune(c)] = glyph + (c - start)
				}
			}
		}
	default:
		return nil, fmt.Errorf("font %s: unsupported cmap format %d", name, format)
	}
	return set, nil
}

// AdvanceWidths returns the advance width of every character the font maps, in
// thousandths of an em, rounded as fpdf rounds them, so that text can be measured
// without loading the font into a PDF (which costs fpdf several milliseconds a face).
// Like fpdf, it reads the format 4 cmap.
func AdvanceWidths(name string, data []byte) (map[rune]int, error) {
	tables, err := parseDirectory(name, data, false)
	if err != nil {
		return nil, err
	}
	need := func(tag string, min uint32) ([]byte, error) {
		t, ok := tables[tag]
		if !ok || t.len < min {
			return nil, fmt.Errorf("font %s: missing or short %s table", name, tag)
		}
		return data[t.off : t.off+t.len], nil
	}
	head, err := need("head", 54)
	if err != nil {
		return nil, err
	}
	hhea, err := need("hhea", 36)
	if err != nil {
		return nil, err
	}
	hmtx, err := need("hmtx", 4)
	if err != nil {
		return nil, err
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if upem == 0 || nh == 0 || len(hmtx) < 4*nh {
		return nil, fmt.Errorf("font %s: bad head, hhea or hmtx table", name)
	}
	sub, err := findCmap(name, data, tables["cmap"], true)
	if err != nil {
		return nil, err
	}
	glyphs, err := parseCmapGlyphs(name, sub)
	if err != nil {
		return nil, err
	}
	scale := 1000 / upem
	out := make(map[rune]int, len(glyphs))
	for r, g := range glyphs {
		i := min(int(g), nh-1) // glyphs past numberOfHMetrics share the last advance
		adv := binary.BigEndian.Uint16(hmtx[4*i:])
		out[r] = int(math.Round(scale * float64(adv)))
	}
	return out, nil
}
