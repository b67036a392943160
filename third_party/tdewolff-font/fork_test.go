package font

import (
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
