//go:build benchfloor

package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/library"
)

// pdfFloor is the floor under a one-page handout that scripts/bench.sh measures: the
// library read from its snapshot and the text of the handout's six myths written in
// Russian with fpdf and the handout's five faces, one paragraph after another, with no
// layout, no typography and no fit search. What a handout takes beyond it is presskit's
// own work.
func pdfFloor(dir string) error {
	lib, probs := library.Load([]library.Source{{FS: content.FS, Name: "content", Snapshot: content.Snapshot}},
		library.Options{Languages: []string{"ru"}})
	if len(probs) > 0 {
		return probs
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(time.Unix(0, 0).UTC())
	for _, f := range fonts.Faces() {
		if f.Style == "I" && f.Family == fonts.Serif {
			continue // the handout uses five faces
		}
		data, err := f.Data()
		if err != nil {
			return err
		}
		pdf.AddUTF8FontFromBytes(f.Family, f.Style, data)
	}
	pdf.AddPage()
	myths := lib.Items(library.KindMyth)
	for _, it := range myths[:min(6, len(myths))] {
		pdf.SetFont(fonts.Sans, "B", 11)
		pdf.MultiCell(0, 5, it.Get("ru", "myth"), "", "L", false)
		pdf.SetFont(fonts.Serif, "", 9.5)
		pdf.MultiCell(0, 4.5, it.Get("ru", "fact"), "", "L", false)
		pdf.SetFont(fonts.Sans, "I", 8)
		pdf.MultiCell(0, 4, fmt.Sprint(it.Sources), "", "L", false)
	}
	return pdf.OutputFileAndClose(filepath.Join(dir, "floor-ru.pdf"))
}
