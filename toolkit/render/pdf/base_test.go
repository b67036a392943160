package pdf

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

// BenchmarkFpdfFloor is what fpdf alone takes to load the four faces a handout uses
// and write a page of a few words with them: the floor under BenchmarkRenderHandoutRU.
func BenchmarkFpdfFloor(b *testing.B) {
	faces, err := EmbeddedFaces()
	if err != nil {
		b.Fatal(err)
	}
	var used []Face
	for _, f := range faces {
		if f.Style != "I" {
			used = append(used, f)
		}
	}
	for b.Loop() {
		p := fpdf.New("P", "mm", "A4", "")
		for _, f := range used {
			p.AddUTF8FontFromBytes(f.Family, f.Style, f.Data)
		}
		p.AddPage()
		for _, f := range used {
			p.SetFont(f.Family, f.Style, 10)
			p.Text(10, 10, "Мифы и факты about migrant sex work")
		}
		var buf bytes.Buffer
		if err := p.Output(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
