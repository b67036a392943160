package pdf

import (
	"fmt"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/fonts"
)

// Face is one font file: family "sans" or "serif", style "" (regular), "B" (bold) or
// "I" (italic), a name for messages (usually the file name) and the TrueType bytes.
type Face struct {
	Family string
	Style  string
	Name   string
	Data   []byte
}

// EmbeddedFaces returns the faces embedded in package fonts. They are read once
// per process (facecache.go): the slice is new, the bytes are shared.
func EmbeddedFaces() ([]Face, error) {
	faces, err := embeddedFaces()
	if err != nil {
		return nil, fmt.Errorf("embedded font: %w", err)
	}
	return append([]Face(nil), faces...), nil
}

// faceSet is the fonts of one render, checked, with the characters every face covers.
type faceSet struct {
	byKey map[string]Face // family+style
}

// newFaceSet checks every face with fonts.Check, so that fpdf never sees a font it
// would print complaints about on stdout, and requires a sans regular face.
func newFaceSet(faces []Face) (*faceSet, error) {
	fs := &faceSet{byKey: map[string]Face{}}
	for _, f := range faces {
		switch f.Family {
		case fonts.Sans, fonts.Serif:
		default:
			return nil, fmt.Errorf("font %s: unknown family %q (want %q or %q)", f.Name, f.Family, fonts.Sans, fonts.Serif)
		}
		switch f.Style {
		case "", "B", "I":
		default:
			return nil, fmt.Errorf("font %s: unknown style %q (want \"\", \"B\" or \"I\")", f.Name, f.Style)
		}
		if err := checkFace(f); err != nil {
			return nil, err
		}
		fs.byKey[f.Family+f.Style] = f
	}
	if _, ok := fs.byKey[fonts.Sans]; !ok {
		return nil, fmt.Errorf("no regular sans font given")
	}
	return fs, nil
}

// resolve maps a wanted family and style to a face that exists: the same family in
// regular style, then sans in the wanted style, then sans regular.
func (fs *faceSet) resolve(family, st string) string {
	for _, k := range []string{family + st, family, fonts.Sans + st, fonts.Sans} {
		if _, ok := fs.byKey[k]; ok {
			return k
		}
	}
	return fonts.Sans
}

// covered returns a function reporting whether every face can draw a character.
func (fs *faceSet) covered() (func(rune) bool, error) {
	if len(fs.byKey) == len(embeddedFacts) && fs.allEmbedded() {
		return embeddedCovered, nil
	}
	var sets []map[rune]bool
	for _, k := range []string{"sans", "sansB", "sansI", "serif", "serifB", "serifI"} {
		f, ok := fs.byKey[k]
		if !ok {
			continue
		}
		c, err := coverageOf(f)
		if err != nil {
			return nil, err
		}
		sets = append(sets, c)
	}
	return func(r rune) bool {
		for _, s := range sets {
			if !s[r] {
				return false
			}
		}
		return true
	}, nil
}

// meter selects fonts on an fpdf document and measures text. Fonts are added to the
// document the first time they are used, so the output embeds only the faces drawn.
// Widths are kept per face and character in font units (fpdf has no kerning, so a
// string's width is the sum of its characters'), which makes measuring the same text
// again at another size, as the fit loop does, cheap.
type meter struct {
	pdf   *fpdf.Fpdf
	faces *faceSet
	added map[string]bool
	// keys and tabs are, by family (sans, serif) and style (regular, bold, italic), the
	// face that sets it (faceSet.resolve) and its widths (shared, never written).
	keys [2][3]string
	tabs [2][3]*widths
	// missed holds the widths of characters a face's table lacks (zero-width marks),
	// asked of fpdf for this document.
	missed map[missKey]int32
	cur    struct {
		key  string
		size float64
	}
}

type missKey struct {
	key string
	r   rune
}

// widths are the advance widths of one face in thousandths of an em, plus one: an array
// for the first characters (Latin and Cyrillic) and a map for the rest. Zero means the
// face's table lacks the character. A face's table is built once per process
// (widthsOf) and shared by every meter: every layout of every document measures with it.
type widths struct {
	low  [0x530]int32
	high map[rune]int32
}

func newMeter(p *fpdf.Fpdf, faces *faceSet) *meter {
	return &meter{pdf: p, faces: faces, added: map[string]bool{}}
}

// slot is the index of s's family and style in meter.keys and meter.tabs. There is no
// bold-italic face: bold wins, as in style.fstyle.
func slot(s style) (family, st int) {
	if s.serif {
		family = 1
	}
	switch {
	case s.bold:
		st = 1
	case s.italic:
		st = 2
	}
	return family, st
}

// key is the face that sets s (faceSet.resolve), looked up once per meter.
func (m *meter) key(s style) string {
	f, st := slot(s)
	k := m.keys[f][st]
	if k == "" {
		k = m.faces.resolve(s.family(), s.fstyle())
		m.keys[f][st] = k
	}
	return k
}

// use selects the font of s on the document.
func (m *meter) use(s style) {
	key := m.key(s)
	if key == m.cur.key && s.size == m.cur.size {
		return
	}
	family, st := splitKey(key)
	if !m.added[key] {
		if f := m.faces.byKey[key]; embeddedIndex(f) >= 0 {
			// The embedded faces' bytes never change: fpdf parses them where they lie.
			m.pdf.AddUTF8FontFromSharedBytes(family, st, f.Data)
		} else {
			m.pdf.AddUTF8FontFromBytes(family, st, f.Data)
		}
		m.added[key] = true
	}
	m.pdf.SetFont(family, st, s.size)
	m.cur.key, m.cur.size = key, s.size
}

// width is the width of t in style s, in millimetres.
func (m *meter) width(s style, t string) float64 {
	f, st := slot(s)
	w := m.tabs[f][st]
	if w == nil {
		w = widthsOf(m.faces.byKey[m.key(s)])
		m.tabs[f][st] = w
	}
	var sum int64
	for _, r := range t {
		var u int32
		if r >= 0 && int(r) < len(w.low) {
			u = w.low[r]
		} else {
			u = w.high[r]
		}
		if u == 0 {
			u = m.missedWidth(s, r)
		}
		sum += int64(u) - 1
	}
	return float64(sum) * s.size / 1000 * 25.4 / 72
}

// missedWidth is the width of a character s's face's table lacks, asked of fpdf once
// per document.
func (m *meter) missedWidth(s style, r rune) int32 {
	k := missKey{m.key(s), r}
	u, ok := m.missed[k]
	if !ok {
		u = m.measure(s, r)
		if m.missed == nil {
			m.missed = map[missKey]int32{}
		}
		m.missed[k] = u
	}
	return u
}

// measure asks fpdf for the width of r, plus one so that zero means "not looked up".
func (m *meter) measure(s style, r rune) int32 {
	m.use(s)
	return int32(m.pdf.GetStringSymbolWidth(string(r))) + 1
}

// splitKey splits a face key such as "serifB" into family and style.
func splitKey(key string) (family, st string) {
	if n := len(key); n > 0 && (key[n-1] == 'B' || key[n-1] == 'I') {
		return key[:n-1], key[n-1:]
	}
	return key, ""
}
