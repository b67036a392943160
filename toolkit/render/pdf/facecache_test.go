package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"maps"
	"testing"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/document"
)

// TestEmbeddedFactsCurrent: facts_embedded.go says what the font files say. After
// changing a font, run `go generate ./toolkit/render/pdf`.
func TestEmbeddedFactsCurrent(t *testing.T) {
	faces := fonts.Faces()
	if len(faces) != len(embeddedFacts) {
		t.Fatalf("%d embedded faces, %d in facts_embedded.go: run go generate ./toolkit/render/pdf", len(faces), len(embeddedFacts))
	}
	all := map[rune]int{}
	for i, f := range faces {
		data, err := f.Data()
		if err != nil {
			t.Fatal(err)
		}
		facts := embeddedFacts[i]
		if facts.File != f.File || facts.SHA256 != fmt.Sprintf("%x", sha256.Sum256(data)) {
			t.Fatalf("facts_embedded.go is stale for %s: run go generate ./toolkit/render/pdf", f.File)
		}
		adv, err := fonts.AdvanceWidths(f.File, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(adv) != len(facts.Widths) {
			t.Errorf("%s: %d widths, generated %d", f.File, len(adv), len(facts.Widths))
		}
		for _, rw := range facts.Widths {
			if adv[rw.R] != int(rw.W) {
				t.Errorf("%s: %U is %d wide, generated %d", f.File, rw.R, adv[rw.R], rw.W)
			}
		}
		cov, err := fonts.CoverageOf(f.File, data)
		if err != nil {
			t.Fatal(err)
		}
		for r, ok := range cov {
			if ok {
				all[r]++
			}
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		if want := all[r] == len(faces); embeddedCovered(r) != want {
			t.Errorf("coverage of %U: generated %v, fonts say %v", r, embeddedCovered(r), want)
		}
	}
}

// TestFacesShared: the embedded faces are read once; widths and checks for them
// come from the generated facts and agree with reading the files.
func TestFacesShared(t *testing.T) {
	a, err := EmbeddedFaces()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := EmbeddedFaces()
	if &a[0].Data[0] != &b[0].Data[0] {
		t.Error("embedded font bytes read twice")
	}
	a[0].Name = "changed"
	if b[0].Name == "changed" {
		t.Error("callers share the slice of faces")
	}
	fs, err := newFaceSet(b)
	if err != nil {
		t.Fatal(err)
	}
	if !fs.allEmbedded() {
		t.Error("embedded faces not recognised")
	}
	// A copy of the bytes is a face of the caller's: read from the file, same widths.
	own := b[0]
	own.Data = append([]byte(nil), own.Data...)
	if embeddedIndex(own) >= 0 {
		t.Error("a copy taken for an embedded face")
	}
	w1, w2 := widthsOf(b[0]), widthsOf(own)
	if w1.low != w2.low || !maps.Equal(w1.high, w2.high) || w1.low['Ж'] == 0 {
		t.Errorf("widths differ: generated Ж=%d, read Ж=%d", w1.low['Ж'], w2.low['Ж'])
	}
	if err := checkFace(Face{Name: "bad.ttf", Data: []byte("not a font")}); err == nil {
		t.Error("a bad face passed the check")
	}
}

// BenchmarkFontFacts is what a render spends on font facts: the embedded faces,
// checked, their coverage and the widths of the four faces a handout uses.
func BenchmarkFontFacts(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		faces, err := EmbeddedFaces()
		if err != nil {
			b.Fatal(err)
		}
		fs, err := newFaceSet(faces)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := fs.covered(); err != nil {
			b.Fatal(err)
		}
		for _, f := range faces[:4] {
			widthsOf(f)
		}
	}
}

// TestPreloadWhileDrawing: faces preloaded while a document is drawn in them give the
// same PDF as without (run under go test -race: the parse is shared, not repeated).
func TestPreloadWhileDrawing(t *testing.T) {
	d := realDoc(t, document.Handout, "ru", "a4")
	var want bytes.Buffer
	if err := Render(&want, d, Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		done := make(chan struct{})
		go func() { Preload(); close(done) }()
		var got bytes.Buffer
		if err := Render(&got, d, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		<-done
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("with Preload beside it: %d bytes, want %d", got.Len(), want.Len())
		}
	}
}
