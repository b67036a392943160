// Package fonts embeds the TrueType fonts presskit uses to render PDF
// documents: Noto Sans and Noto Serif (regular, bold, italic), subset to
// Latin, Latin-1, Latin Extended-A, Cyrillic and General Punctuation so that
// English and Russian text renders without missing glyphs.
//
// The fonts are licensed under the SIL Open Font License 1.1 (OFL.txt, also
// embedded); README.md records where they came from and how they were
// subset (subset.sh reproduces it).
//
// The files are static TrueType (glyf) fonts, as github.com/go-pdf/fpdf
// requires. Check tests arbitrary font bytes for the same requirements, and
// Coverage reports which characters a font can draw, so callers can warn
// about text (emoji, CJK, ...) that would otherwise print as empty boxes.
package fonts

import (
	"embed"
	"fmt"
	"unsafe"
)

// FS holds the embedded font files (*.ttf) and their licence (OFL.txt).
//
//go:embed *.ttf OFL.txt
var FS embed.FS

// Family names used by Faces.
const (
	Sans  = "sans"
	Serif = "serif"
)

// Face names one embedded font file.
type Face struct {
	Family string // Sans or Serif
	Style  string // "" (regular), "B" (bold) or "I" (italic), as fpdf's SetFont uses
	File   string // file name in FS
}

// Data returns the font file's bytes, a copy the caller may change.
func (f Face) Data() ([]byte, error) {
	return FS.ReadFile(f.File)
}

// The faces' files again, as strings: the linker keeps one copy of a file embedded
// twice, so these cost nothing beside FS and can be read without copying.
var (
	//go:embed NotoSans-Regular.ttf
	sansRegular string
	//go:embed NotoSans-Bold.ttf
	sansBold string
	//go:embed NotoSans-Italic.ttf
	sansItalic string
	//go:embed NotoSerif-Regular.ttf
	serifRegular string
	//go:embed NotoSerif-Bold.ttf
	serifBold string
	//go:embed NotoSerif-Italic.ttf
	serifItalic string
)

// Shared returns the font file's bytes where they lie in the program, without the
// copy Data makes (~70 KB a face, a page fault for every 4 KB of it). The slice is
// read-only: writing to it crashes the program. For readers that never write, such
// as fpdf's AddUTF8FontFromSharedBytes.
func (f Face) Shared() ([]byte, error) {
	for _, e := range faces {
		if e.face.File == f.File {
			return unsafe.Slice(unsafe.StringData(*e.data), len(*e.data)), nil
		}
	}
	return nil, fmt.Errorf("fonts: no embedded face %q", f.File)
}

// faces are the embedded faces with their files' data, in Faces' order.
var faces = [...]struct {
	face Face
	data *string
}{
	{Face{Sans, "", "NotoSans-Regular.ttf"}, &sansRegular},
	{Face{Sans, "B", "NotoSans-Bold.ttf"}, &sansBold},
	{Face{Sans, "I", "NotoSans-Italic.ttf"}, &sansItalic},
	{Face{Serif, "", "NotoSerif-Regular.ttf"}, &serifRegular},
	{Face{Serif, "B", "NotoSerif-Bold.ttf"}, &serifBold},
	{Face{Serif, "I", "NotoSerif-Italic.ttf"}, &serifItalic},
}

// Faces lists the embedded faces. The slice is freshly allocated on every
// call, so callers may modify it.
//
// There is no bold-italic face: fpdf's SetFont(family, "BI") fails for these
// families unless the caller maps it to "B" or "I".
func Faces() []Face {
	out := make([]Face, len(faces))
	for i, e := range faces {
		out[i] = e.face
	}
	return out
}

// Coverage returns the set of characters the embedded font file (a Face.File
// name) maps to a glyph. See CoverageOf.
func Coverage(file string) (map[rune]bool, error) {
	b, err := Face{File: file}.Shared() // CoverageOf only reads
	if err != nil {
		return nil, err
	}
	return CoverageOf(file, b)
}
