// Copyright ©2026 The presskit Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/cuts.golden from the code as it is")

// faces are presskit's six font files, two folders up.
var faces = []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
	"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf"}

// cutSets are the characters subsets are cut for in TestCutsAsRecorded: a
// document's (with the 56 entries of value 0 every UTF-8 font had), ASCII
// alone, and every character up to U+2FFF (all of the font's glyphs, composites
// and their components included).
func cutSets() map[string]map[int]int {
	// Upstream's map of a document's characters: entries 1 to 56 of value 0
	// (its entry 0 deleted before the cut), then c → c for each drawn.
	doc := map[int]int{}
	for c := 1; c < 57; c++ {
		doc[c] = 0
	}
	for _, r := range sample + "Заголовок — Heading" {
		doc[int(r)] = int(r)
	}
	ascii := map[int]int{}
	for r := 0x20; r < 0x7F; r++ {
		ascii[r] = r
	}
	all := map[int]int{}
	for r := 1; r < 0x3000; r++ {
		all[r] = r
	}
	return map[string]map[int]int{"doc": doc, "ascii": ascii, "all": all}
}

// digest is the hex SHA-256 of what is written to it, cut to 16 digits.
type digest struct{ bytes.Buffer }

func (d *digest) String() string {
	s := sha256.Sum256(d.Bytes())
	return hex.EncodeToString(s[:8])
}

func (d *digest) ints(v ...int) {
	for _, n := range v {
		d.Write(binary.BigEndian.AppendUint64(nil, uint64(n)))
	}
}

// parsedFacts is one line of what parsing a face gives: its widths, metrics and
// character map, hashed.
func parsedFacts(utf *utf8FontFile) string {
	var d digest
	for _, w := range utf.CharWidths {
		d.ints(int(w))
	}
	d.ints(int(math.Float64bits(utf.DefaultWidth)), utf.Ascent, utf.Descent, utf.CapHeight, utf.Flags, utf.ItalicAngle, utf.StemV)
	d.ints(utf.symbolPosition...)
	n := 0
	for c := 0; c <= 0xFFFF; c++ {
		if g, ok := utf.glyphOf(c); ok {
			d.ints(c, g)
			n++
		}
	}
	return fmt.Sprintf("%d widths, %d characters mapped, %s", len(utf.CharWidths), n, d.String())
}

// cutFacts is one line of what cutting a subset gives: the font file, the
// character → glyph map of the subset and the last character, hashed.
func cutFacts(utf *utf8FontFile, runes map[int]int) string {
	var d digest
	cut := utf.GenerateCutFont(runes)
	d.Write(cut)
	codes := utf.CutCodes
	if !sort.SliceIsSorted(codes, func(i, j int) bool { return codes[i].char < codes[j].char }) {
		panic("CutCodes not in order")
	}
	for _, c := range codes {
		d.ints(c.char, c.glyph)
	}
	d.ints(utf.LastRune)
	return fmt.Sprintf("%d bytes, %d codes, %s", len(cut), len(codes), d.String())
}

// TestCutsAsRecorded: parsing presskit's six faces, cutting subsets of them and
// writing a document with each gives what the code gave before patches 19 and 20
// (testdata/cuts.golden, recorded before them; -update rewrites it).
func TestCutsAsRecorded(t *testing.T) {
	var out strings.Builder
	sets := cutSets()
	names := []string{"all", "ascii", "doc"}
	for _, face := range faces {
		data := font(t, face)
		utf := newUTF8Font(&fileReader{array: data})
		if err := utf.parseFile(); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "%s parse: %s\n", face, parsedFacts(utf))
		for _, name := range names {
			runes := map[int]int{}
			for k, v := range sets[name] {
				runes[k] = v
			}
			fmt.Fprintf(&out, "%s cut %s: %s\n", face, name, cutFacts(utf.clone(), runes))
		}
		// Upstream's UTF8CutFont, which reads the font without parsing it first.
		fmt.Fprintf(&out, "%s UTF8CutFont: %x\n", face, sha256.Sum256(UTF8CutFont(data, sample)))
	}
	for i := 0; i < len(faces); i += 3 {
		var d digest
		d.Write(doc(t, font(t, faces[i]), font(t, faces[i+1]), sample))
		fmt.Fprintf(&out, "document %s %s: %s\n", faces[i], faces[i+1], d.String())
	}
	path := filepath.Join("testdata", "cuts.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(out.String(), "\n")
	for i, w := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != w {
			g := "(missing)"
			if i < len(got) {
				g = got[i]
			}
			t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
		}
	}
	if len(got) > len(strings.Split(string(want), "\n")) {
		t.Errorf("%d lines, want %d", len(got), len(strings.Split(string(want), "\n")))
	}
}

// TestCutLeavesFontAlone: cutting a subset whose glyphs lie past the font's
// horizontal metrics (Ç in Noto Serif is glyph 707 of 716, past its 707 metrics)
// writes nothing into the font, and gives each glyph the last advance and its
// own left side bearing. Upstream appended the bearing to a slice of the font's
// bytes, over the bearing of the last glyph with metrics: a crash when the bytes
// are read-only (AddUTF8FontFromSharedBytes with an embedded file), and that
// glyph's bearing wrong in later subsets.
func TestCutLeavesFontAlone(t *testing.T) {
	data := font(t, "NotoSerif-Regular.ttf")
	keep := bytes.Clone(data)
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		t.Fatal(err)
	}
	runes := map[int]int{}
	for _, r := range "ÇĘĮŢŲ‿⁀ A" {
		runes[int(r)] = int(r)
	}
	c := utf.clone()
	cut := c.GenerateCutFont(runes)
	if !bytes.Equal(data, keep) {
		t.Fatal("cutting a subset changed the font's bytes")
	}
	var chars []int
	for _, r := range runes {
		chars = append(chars, r)
	}
	sub := c.parseSymbols(chars)
	past := 0
	hmtx := fontTables(t, cut)["hmtx"]
	fontHmtx := fontTables(t, data)["hmtx"]
	m := utf.hMetrics
	for i, old := range sub.old {
		want := fontHmtx[4*old : 4*old+4]
		if old >= m {
			past++
			want = append(bytes.Clone(fontHmtx[4*m-4:4*m-2]), fontHmtx[2*m+2*old:2*m+2*old+2]...)
		}
		if got := hmtx[4*i : 4*i+4]; !bytes.Equal(got, want) {
			t.Errorf("glyph %d (subset %d): metrics % x, want % x", old, i, got, want)
		}
	}
	if past < 3 {
		t.Errorf("only %d glyphs past the metrics; the test needs some", past)
	}
}

// BenchmarkCutFont is one subset of Noto Serif for a document's characters, as
// each document cuts one per face.
func BenchmarkCutFont(b *testing.B) {
	utf := newUTF8Font(&fileReader{array: font(b, "NotoSerif-Regular.ttf")})
	if err := utf.parseFile(); err != nil {
		b.Fatal(err)
	}
	runes := cutSets()["doc"]
	for _, r := range "Ёжик — «ёлочки», № 5. Пресс-релиз: РКН, ФСБ, МВД; “quotes” — €, ½ § © ™ …" {
		runes[int(r)] = int(r)
	}
	b.ReportAllocs()
	for b.Loop() {
		utf.clone().GenerateCutFont(runes)
	}
}

// TestRuneSetAsMap: a runeSet gives what upstream's map of used runes gave, for
// characters drawn at random (0, the reserved ones, and others up to U+1F600):
// the keys with a value other than 0, and the values once entry 0 is deleted.
func TestRuneSetAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		reserved := []int{57, 32}[round%2]
		m := map[int]int{}
		for c := 0; c < reserved; c++ {
			m[c] = 0
		}
		s := newRuneSet(reserved)
		if round%50 == 49 { // every reserved character drawn: no 0 in the values
			for r := 0; r < reserved; r++ {
				m[r] = r
				s.add(r)
			}
		}
		for i, n := 0, rng.IntN(300); i < n; i++ {
			var c int
			switch rng.IntN(4) {
			case 0:
				c = rng.IntN(reserved + 8)
			case 1:
				c = rng.IntN(0x500)
			case 2:
				c = 0x2000 + rng.IntN(0x600)
			default:
				c = rng.IntN(0x1F600)
			}
			m[c] = c
			s.add(c)
		}
		var keys []int
		for k, v := range m {
			if v != 0 {
				keys = append(keys, k)
			}
		}
		sort.Ints(keys)
		if got := s.drawn(); !slices.Equal(got, keys) {
			t.Fatalf("round %d: drawn %v, want %v", round, got, keys)
		}
		delete(m, 0)
		want := map[int]bool{}
		for _, v := range m {
			want[v] = true
		}
		got := map[int]bool{}
		for _, v := range s.values() {
			if got[v] {
				t.Fatalf("round %d: %d twice in values", round, v)
			}
			got[v] = true
		}
		if !maps.Equal(got, want) {
			t.Fatalf("round %d: values differ from the map's (0: %v, want %v)", round, got[0], want[0])
		}
	}
}
