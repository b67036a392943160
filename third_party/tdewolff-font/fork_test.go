package font

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoGob: the presskit patch keeps encoding/gob (and its package initialiser) out of
// every program that imports this package.
func TestNoGob(t *testing.T) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gocmd, "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, d := range strings.Fields(string(out)) {
		if d == "encoding/gob" {
			t.Error("the font package imports encoding/gob")
		}
	}
}

// TestSubsetNoto is what presskit's web fonts do with this package: parse a face,
// subset it to the glyphs of a text and write it again (the patch leaves this code as it
// was; the test shows the fork builds and works on presskit's faces).
func TestSubsetNoto(t *testing.T) {
	b, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip(err)
	}
	sf, err := ParseSFNT(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	ids, seen := []uint16{0}, map[uint16]bool{0: true}
	for _, r := range " Pacekimprst" + "Памятк" { // sorted, as toolkit/render/webfont does
		if g := sf.GlyphIndex(r); g != 0 && !seen[g] {
			seen[g] = true
			ids = append(ids, g)
		}
	}
	sub, err := sf.Subset(ids, SubsetOptions{Tables: KeepMinTables})
	if err != nil {
		t.Fatal(err)
	}
	out := sub.Write()
	if len(out) == 0 || len(out) >= len(b) {
		t.Fatalf("subset is %d bytes, the face %d", len(out), len(b))
	}
	if string(out[:4]) != "\x00\x01\x00\x00" {
		t.Errorf("subset starts % x, not a TrueType header", out[:4])
	}
	if sub.GlyphIndex('П') == 0 {
		t.Error("subset lost П")
	}
}

// TestSubsetLeavesTheFontAlone: subsetting does not change the parsed font (upstream
// wrote the subset's glyph count, loca format and metrics count into the original's
// maxp, head and hhea), so one parsed face can be subset again, and from several
// goroutines at once (go test -race).
func TestSubsetLeavesTheFontAlone(t *testing.T) {
	b, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip(err)
	}
	sf, err := ParseSFNT(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	glyphs, hmetrics, loca := sf.Maxp.NumGlyphs, sf.Hhea.NumberOfHMetrics, sf.Head.IndexToLocFormat
	subset := func(text string) []byte {
		ids, seen := []uint16{0}, map[uint16]bool{0: true}
		for _, r := range text {
			if g := sf.GlyphIndex(r); g != 0 && !seen[g] {
				seen[g] = true
				ids = append(ids, g)
			}
		}
		sub, err := sf.Subset(ids, SubsetOptions{Tables: KeepMinTables})
		if err != nil {
			t.Error(err)
			return nil
		}
		return sub.Write()
	}
	first := subset("Памятка")
	done := make(chan bool)
	for _, text := range []string{"abc", "Пресс-релиз", "xyz", "Памятка"} {
		go func() {
			subset(text)
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	if sf.Maxp.NumGlyphs != glyphs || sf.Hhea.NumberOfHMetrics != hmetrics || sf.Head.IndexToLocFormat != loca {
		t.Fatalf("the parsed font changed: glyphs %d → %d, hmetrics %d → %d, loca %d → %d",
			glyphs, sf.Maxp.NumGlyphs, hmetrics, sf.Hhea.NumberOfHMetrics, loca, sf.Head.IndexToLocFormat)
	}
	if again := subset("Памятка"); string(again) != string(first) {
		t.Fatal("the same subset made again differs")
	}
}

// TestStoredGlyphsAsReencoded: for every face presskit embeds, a subset of all its
// glyphs, and of each glyph alone, is the same bytes with SubsetOptions.StoredGlyphs
// (simple glyphs copied as stored) as re-encoded (patch 4): the faces are stored in the
// compact form the re-encoding makes, so the copy changes nothing but the time.
func TestStoredGlyphsAsReencoded(t *testing.T) {
	for _, name := range []string{"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic"} {
		b, err := os.ReadFile("../../fonts/" + name + ".ttf")
		if err != nil {
			t.Fatal(err)
		}
		sf, err := ParseSFNT(b, 0)
		if err != nil {
			t.Fatal(err)
		}
		all := []uint16{0}
		subsets := [][]uint16{}
		for g := uint16(1); g < sf.NumGlyphs(); g++ {
			all = append(all, g)
			subsets = append(subsets, []uint16{0, g})
		}
		for _, ids := range append(subsets, all) {
			a, errA := sf.Subset(ids, SubsetOptions{Tables: KeepMinTables})
			c, errC := sf.Subset(ids, SubsetOptions{Tables: KeepMinTables, StoredGlyphs: true})
			if errA != nil || errC != nil {
				t.Fatalf("%s %v: %v, %v", name, ids[1:min(len(ids), 4)], errA, errC)
			}
			if !bytes.Equal(a.Write(), c.Write()) {
				t.Errorf("%s: glyphs %v differ copied as stored", name, ids[1:min(len(ids), 4)])
			}
		}
	}
}

// BenchmarkSubsetStored is the web font of a page's 120 characters, re-encoded and
// copied as stored.
func BenchmarkSubsetStored(b *testing.B) {
	data, err := os.ReadFile("../../fonts/NotoSerif-Regular.ttf")
	if err != nil {
		b.Fatal(err)
	}
	sf, err := ParseSFNT(data, 0)
	if err != nil {
		b.Fatal(err)
	}
	ids := []uint16{0}
	for g := uint16(1); g < sf.NumGlyphs() && len(ids) < 120; g += 3 {
		ids = append(ids, g)
	}
	for _, stored := range []bool{false, true} {
		b.Run(map[bool]string{false: "reencoded", true: "stored"}[stored], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sub, err := sf.Subset(ids, SubsetOptions{Tables: KeepMinTables, StoredGlyphs: stored})
				if err != nil {
					b.Fatal(err)
				}
				sub.Write()
			}
		})
	}
}
