package pdf

import (
	"bytes"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// BenchmarkRenderHandoutRU renders the Russian A4 handout (seven myths, several steps
// of the fit loop) and reports the size of the PDF.
func BenchmarkRenderHandoutRU(b *testing.B) {
	d := realDoc(b, document.Handout, "ru", "a4")
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

func BenchmarkRenderBriefEN(b *testing.B) {
	d := realDoc(b, document.Brief, "en", "letter")
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}
