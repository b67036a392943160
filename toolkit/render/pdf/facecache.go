package pdf

import (
	"bytes"
	"sync"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/fonts"
)

//go:generate go run gen_facts.go

// Fonts are read once per process: the embedded faces' bytes are loaded once and
// handed out as the same slices (fpdf, patched in third_party/fpdf, parses a font
// once per process and recognises a slice it has seen), and their widths and
// coverage come from facts_embedded.go, made at build time. A face given by the
// caller has its facts read from the file the first time and kept.

// faceFacts are what presskit measures and checks with, for one font file.
type faceFacts struct {
	File   string
	SHA256 string
	Widths []runeWidth // advance widths in thousandths of an em, by character
}

type runeWidth struct {
	R rune
	W int32
}

var embeddedFaces = sync.OnceValues(func() ([]Face, error) {
	var out []Face
	for _, f := range fonts.Faces() {
		b, err := f.Shared() // read-only, and never written: fpdf reads it where it lies
		if err != nil {
			return nil, err
		}
		out = append(out, Face{Family: f.Family, Style: f.Style, Name: f.File, Data: b})
	}
	return out, nil
})

// embeddedIndex is the index in embeddedFacts of f when f is an embedded face
// (the very bytes EmbeddedFaces hands out), or -1.
func embeddedIndex(f Face) int {
	faces, err := embeddedFaces()
	if err != nil || len(f.Data) == 0 {
		return -1
	}
	for i, e := range faces {
		if i < len(embeddedFacts) && len(e.Data) == len(f.Data) && &e.Data[0] == &f.Data[0] {
			return i
		}
	}
	return -1
}

// allEmbedded reports whether every face of fs is an embedded face.
func (fs *faceSet) allEmbedded() bool {
	for _, f := range fs.byKey {
		if embeddedIndex(f) < 0 {
			return false
		}
	}
	return true
}

// checkFace is fonts.Check, skipped for the embedded faces (checked when the facts
// were generated) and remembered for others.
func checkFace(f Face) error {
	if embeddedIndex(f) >= 0 {
		return nil
	}
	e := userFacts(f)
	e.checkOnce.Do(func() { e.checkErr = fonts.Check(f.Name, f.Data) })
	return e.checkErr
}

// coverageOf is fonts.CoverageOf, remembered.
func coverageOf(f Face) (map[rune]bool, error) {
	e := userFacts(f)
	e.covOnce.Do(func() { e.cov, e.covErr = fonts.CoverageOf(f.Name, f.Data) })
	return e.cov, e.covErr
}

// widthsOf is f's table of advance widths, from the generated facts for an embedded
// face and read from the font file for others (so that measuring, which the fit loop
// does at every size step, never loads the font into fpdf: a face is added to a PDF
// only when text is drawn in it). It is built once per process and shared: it is never
// written after. Zero-width marks are left out: fpdf measures them its own way
// (meter.missedWidth). A face whose widths cannot be read gets an empty table, every
// character asked of fpdf.
func widthsOf(f Face) *widths {
	if i := embeddedIndex(f); i >= 0 {
		e := &embeddedTables[i]
		e.once.Do(func() {
			e.w = &widths{high: map[rune]int32{}}
			for _, rw := range embeddedFacts[i].Widths {
				e.w.set(rw.R, int(rw.W))
			}
		})
		return e.w
	}
	e := userFacts(f)
	e.tabOnce.Do(func() {
		e.tab = &widths{high: map[rune]int32{}}
		adv, err := fonts.AdvanceWidths(f.Name, f.Data)
		if err != nil {
			return
		}
		for r, u := range adv {
			e.tab.set(r, u)
		}
	})
	return e.tab
}

// set records r's advance width u (in thousandths of an em), plus one; a zero width is
// left out.
func (w *widths) set(r rune, u int) {
	switch {
	case u <= 0:
	case r >= 0 && int(r) < len(w.low):
		w.low[r] = int32(u) + 1
	default:
		w.high[r] = int32(u) + 1
	}
}

var embeddedTables [len(embeddedFacts)]struct {
	once sync.Once
	w    *widths
}

// embeddedCovered reports whether every embedded face draws r.
func embeddedCovered(r rune) bool {
	return r >= 0 && r < 0x10000 && embeddedCoverage[r/64]&(1<<(r%64)) != 0
}

// facts of faces the caller gave, by their bytes: a few fonts per process.
type factsEntry struct {
	data                        []byte
	checkOnce, covOnce, tabOnce sync.Once
	checkErr, covErr            error
	cov                         map[rune]bool
	tab                         *widths
}

var (
	userMu    sync.Mutex
	userCache []*factsEntry
)

const maxUserFaces = 32

func userFacts(f Face) *factsEntry {
	userMu.Lock()
	defer userMu.Unlock()
	for _, e := range userCache {
		if bytes.Equal(e.data, f.Data) {
			return e
		}
	}
	e := &factsEntry{data: f.Data}
	if len(userCache) < maxUserFaces {
		userCache = append(userCache, e)
	}
	return e
}

// Preload parses the embedded faces for drawing, as the first document drawn in them
// would (fpdf.PreparseUTF8FontShared), so that a command with a core to spare while it
// loads the library can run it in its own goroutine and find the faces parsed when it
// draws. Drawing waits for a face Preload is still parsing rather than parse it twice;
// nothing else changes.
func Preload() {
	faces, err := embeddedFaces()
	if err != nil {
		return // the render reports it
	}
	for _, f := range faces {
		fpdf.PreparseUTF8FontShared(f.Data)
	}
}
