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

import "embed"

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

// Data returns the font file's bytes.
func (f Face) Data() ([]byte, error) {
	return FS.ReadFile(f.File)
}

// Faces lists the embedded faces. The slice is freshly allocated on every
// call, so callers may modify it.
//
// There is no bold-italic face: fpdf's SetFont(family, "BI") fails for these
// families unless the caller maps it to "B" or "I".
func Faces() []Face {
	return []Face{
		{Sans, "", "NotoSans-Regular.ttf"},
		{Sans, "B", "NotoSans-Bold.ttf"},
		{Sans, "I", "NotoSans-Italic.ttf"},
		{Serif, "", "NotoSerif-Regular.ttf"},
		{Serif, "B", "NotoSerif-Bold.ttf"},
		{Serif, "I", "NotoSerif-Italic.ttf"},
	}
}

// Coverage returns the set of characters the embedded font file (a Face.File
// name) maps to a glyph. See CoverageOf.
func Coverage(file string) (map[rune]bool, error) {
	b, err := FS.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return CoverageOf(file, b)
}
