package fonts

import (
	"bytes"
	"encoding/binary"
	"maps"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

const sampleText = "Press kit — “Presskit” renders English and Russian. " +
	"Пресс-релиз: «ёлочки», „лапки“, Ё, ж, № 5, 10\u00a0000 €… " +
	"Съешь же ещё этих мягких французских булок, да выпей чаю."

func TestFacesLoadInFpdf(t *testing.T) {
	seen := map[[2]string]bool{}
	for _, f := range Faces() {
		t.Run(f.File, func(t *testing.T) {
			key := [2]string{f.Family, f.Style}
			if seen[key] {
				t.Fatalf("duplicate face %q %q", f.Family, f.Style)
			}
			seen[key] = true

			data, err := f.Data()
			if err != nil {
				t.Fatal(err)
			}
			if err := Check(f.File, data); err != nil {
				t.Fatal(err)
			}
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes(f.Family, f.Style, data)
			pdf.AddPage()
			pdf.SetFont(f.Family, f.Style, 12)
			pdf.MultiCell(0, 6, sampleText, "", "L", false)
			var buf bytes.Buffer
			if err := pdf.Output(&buf); err != nil {
				t.Fatal(err)
			}
			if err := pdf.Error(); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatalf("output is not a PDF")
			}
		})
	}
}

// TestRussianPDFSize logs the size of a typical document using two faces;
// run with -v to see it.
func TestRussianPDFSize(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	for _, f := range Faces() {
		if f.Family != Sans || f.Style == "I" {
			continue
		}
		data, err := f.Data()
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddUTF8FontFromBytes(f.Family, f.Style, data)
	}
	pdf.AddPage()
	pdf.SetFont(Sans, "B", 16)
	pdf.Cell(0, 10, "Пресс-релиз")
	pdf.Ln(12)
	pdf.SetFont(Sans, "", 11)
	pdf.MultiCell(0, 5.5, strings.Repeat("Компания «Прессkit» объявляет о выпуске новой версии — "+
		"с поддержкой документов на русском и английском языках. ", 5), "", "J", false)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("PDF with sans regular+bold and a Russian paragraph: %d bytes", buf.Len())
}

func TestCoverage(t *testing.T) {
	for _, f := range Faces() {
		cov, err := Coverage(f.File)
		if err != nil {
			t.Fatalf("%s: %v", f.File, err)
		}
		for _, r := range "жЁ«»“”„—–…•№€\u00a0\u202fAzéŁ" {
			if !cov[r] {
				t.Errorf("%s: %U %q not covered", f.File, r, r)
			}
		}
		for r := 'А'; r <= 'я'; r++ {
			if !cov[r] {
				t.Errorf("%s: %U %q not covered", f.File, r, r)
			}
		}
		for _, r := range []rune{0x1F600, '中', 'あ', '\u0000'} {
			if cov[r] {
				t.Errorf("%s: %U %q reported as covered", f.File, r, r)
			}
		}
	}
	if _, err := Coverage("missing.ttf"); err == nil {
		t.Error("Coverage of a missing file: no error")
	}
}

func TestCheckRejects(t *testing.T) {
	regular, err := FS.ReadFile("NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	// renameTable returns a copy of regular with table tag from renamed to.
	renameTable := func(from, to string) []byte {
		b := bytes.Clone(regular)
		n := int(binary.BigEndian.Uint16(b[4:]))
		for i := range n {
			if rec := b[12+16*i:]; string(rec[:4]) == from {
				copy(rec, to)
				return b
			}
		}
		t.Fatalf("no %q table", from)
		return nil
	}
	withHeader := func(h string) []byte { return append([]byte(h), regular[4:]...) }
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"otto", withHeader("OTTO"), "font otto has CFF outlines; fpdf needs TrueType (glyf) outlines"},
		{"ttc", withHeader("ttcf"), "font collection"},
		{"text", withHeader("<htm"), "not a TrueType font"},
		{"short", []byte{0, 1, 0, 0}, "too short"},
		{"truncated", regular[:400], "past end of file"},
		{"cff", renameTable("gasp", "CFF "), "CFF outlines"},
		{"variable", renameTable("gasp", "fvar"), "variable font"},
		{"noglyf", renameTable("glyf", "zzzz"), `no "glyf" table`},
	} {
		err := Check(tc.name, tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Check(%s) = %v, want error containing %q", tc.name, err, tc.want)
		}
	}
}

// sfnt assembles a minimal font file holding only the given tables.
func sfnt(version uint32, tables map[string][]byte) []byte {
	var tags []string
	for tag := range tables {
		tags = append(tags, tag)
	}
	b := binary.BigEndian.AppendUint32(nil, version)
	b = binary.BigEndian.AppendUint16(b, uint16(len(tags)))
	b = append(b, make([]byte, 6)...)
	off := 12 + 16*len(tags)
	var body []byte
	for _, tag := range tags {
		b = append(b, tag...)
		b = binary.BigEndian.AppendUint32(b, 0)
		b = binary.BigEndian.AppendUint32(b, uint32(off+len(body)))
		b = binary.BigEndian.AppendUint32(b, uint32(len(tables[tag])))
		body = append(body, tables[tag]...)
	}
	return append(b, body...)
}

// u16s encodes big-endian 16-bit values.
func u16s(v ...int) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint16(b, uint16(x))
	}
	return b
}

func TestCoverageOfSyntheticCmaps(t *testing.T) {
	// Format 4: 'A'..'C' via idRangeOffset -> glyphs 7, 0, 9; 'a'..'b' via
	// idDelta -> glyphs 1, 2; terminating 0xFFFF segment.
	f4 := u16s(4, 0, 0, 6, 0, 0, 0, // format, length, language, segCountX2, search params
		'C', 'b', 0xFFFF, // endCode
		0,                // reservedPad
		'A', 'a', 0xFFFF, // startCode
		0, 1-'a', 1, // idDelta
		6, 0, 0, // idRangeOffset: from its own slot to glyphIdArray
		7, 0, 9) // glyphIdArray
	// Format 12 (header: format, reserved, length, language, numGroups):
	// U+1F600..U+1F601 -> glyphs 5, 6; U+4E2D -> glyph 0 (.notdef).
	f12 := append(u16s(12, 0), binary.BigEndian.AppendUint32(nil, 0)...)
	for _, v := range []uint32{0, 2, 0x1F600, 0x1F601, 5, 0x4E2D, 0x4E2D, 0} {
		f12 = binary.BigEndian.AppendUint32(f12, v)
	}
	binary.BigEndian.PutUint32(f12[4:], uint32(len(f12)))
	cmap := func(recs ...[]byte) []byte {
		b := u16s(0, len(recs))
		off := 4 + 8*len(recs)
		var subs []byte
		for _, r := range recs {
			b = append(b, r[:4]...)
			b = binary.BigEndian.AppendUint32(b, uint32(off+len(subs)))
			subs = append(subs, r[4:]...)
		}
		return append(b, subs...)
	}
	rec := func(platform, encoding int, sub []byte) []byte { return append(u16s(platform, encoding), sub...) }

	cov, err := CoverageOf("f4", sfnt(0x00010000, map[string][]byte{"cmap": cmap(rec(3, 1, f4))}))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[rune]bool{'A': true, 'C': true, 'a': true, 'b': true}; !maps.Equal(cov, want) {
		t.Errorf("format 4 coverage = %v, want %v", cov, want)
	}

	cov, err = CoverageOf("f12", sfnt(0x4F54544F, map[string][]byte{"cmap": cmap(rec(3, 1, f4), rec(3, 10, f12))}))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[rune]bool{0x1F600: true, 0x1F601: true}; !maps.Equal(cov, want) {
		t.Errorf("format 12 coverage = %v, want %v", cov, want)
	}

	if _, err := CoverageOf("none", sfnt(0x00010000, map[string][]byte{"cmap": cmap(rec(1, 0, f4))})); err == nil {
		t.Error("Macintosh-only cmap: no error")
	}
}

// TestSharedIsDataWithoutACopy: each face's shared bytes are its file, read in place
// (no allocation), and an unknown file is an error.
func TestSharedIsDataWithoutACopy(t *testing.T) {
	for _, f := range Faces() {
		want, err := f.Data()
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.Shared()
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: shared bytes differ from the file (%v)", f.File, err)
		}
		if n := testing.AllocsPerRun(10, func() { f.Shared() }); n != 0 {
			t.Errorf("%s: Shared allocates %v times", f.File, n)
		}
	}
	if _, err := (Face{File: "OFL.txt"}).Shared(); err == nil {
		t.Error("a file that is no face was shared")
	}
}
