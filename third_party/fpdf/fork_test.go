// Copyright ©2026 The presskit Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// Tests and benchmarks of presskit's patches (README.md lists them). The fonts are
// presskit's own, two folders up.

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const sample = "Пресс-релиз: «ёлочки», № 5 — 10\u00a0000 €. Press kit: “quotes”, fi ﬁ, Ёжик."

func font(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "fonts", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// doc makes a small two-face document with text and returns its bytes.
func doc(t testing.TB, regular, bold []byte, text string) []byte {
	t.Helper()
	p := New("P", "mm", "A4", "")
	p.SetCompression(true)
	p.SetCatalogSort(true)
	when := time.Date(2026, 11, 18, 11, 6, 40, 0, time.UTC)
	p.SetCreationDate(when)
	p.SetModificationDate(when)
	p.AddUTF8FontFromBytes("sans", "", regular)
	p.AddUTF8FontFromBytes("sans", "B", bold)
	p.AddPage()
	p.SetFont("sans", "B", 14)
	p.Text(20, 20, "Заголовок — Heading")
	p.SetFont("sans", "", 11)
	for i, line := range strings.Split(text, "\n") {
		p.Text(20, 30+float64(i)*6, line)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSameBytes: the same document made twice, and made on several goroutines at
// once from one parsed font, gives the same bytes.
func TestSameBytes(t *testing.T) {
	reg, bold := font(t, "NotoSans-Regular.ttf"), font(t, "NotoSans-Bold.ttf")
	want := doc(t, reg, bold, sample)
	if got := doc(t, reg, bold, sample); !bytes.Equal(got, want) {
		t.Fatal("second render differs from the first")
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// A fresh copy of the bytes: the cache is by content, not by slice.
			r := append([]byte(nil), reg...)
			if got := doc(t, r, bold, sample); !bytes.Equal(got, want) {
				errs <- "concurrent render " + strconv.Itoa(i) + " differs"
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestParsedOnce: adding the same bytes twice parses them once; each document gets
// its own reader and subset state.
func TestParsedOnce(t *testing.T) {
	reg := font(t, "NotoSans-Regular.ttf")
	a, ha, err := parseUTF8Font(reg, false)
	if err != nil {
		t.Fatal(err)
	}
	b, hb, err := parseUTF8Font(append([]byte(nil), reg...), false)
	if err != nil {
		t.Fatal(err)
	}
	if ha != hb {
		t.Fatalf("hashes differ: %s %s", ha, hb)
	}
	if &a.CharWidths[0] != &b.CharWidths[0] {
		t.Error("widths parsed twice")
	}
	if a.fileReader == b.fileReader {
		t.Error("clones share a reader")
	}
	if len(a.CharWidths) >= 65536 {
		t.Errorf("width array has %d entries; want it cut at the highest character", len(a.CharWidths))
	}
	if _, _, err := parseUTF8Font([]byte("not a font at all"), false); err == nil {
		t.Error("garbage parsed as a font")
	}
}

// TestFontIDs: distinct faces, and one file under two names, get distinct IDs.
func TestFontIDs(t *testing.T) {
	reg, bold := font(t, "NotoSans-Regular.ttf"), font(t, "NotoSans-Bold.ttf")
	p := New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("sans", "", reg)
	p.AddUTF8FontFromBytes("sans", "B", bold)
	p.AddUTF8FontFromBytes("serif", "", reg)
	seen := map[string]string{}
	for k, f := range p.fonts {
		if o, dup := seen[f.i]; dup {
			t.Errorf("fonts %s and %s share the ID %s", o, k, f.i)
		}
		seen[f.i] = k
	}
}

var (
	streamObj = regexp.MustCompile(`(?s)<</Length (\d+)/Filter /FlateDecode>>\nstream\n`)
)

// wArray returns what is inside the brackets of the first /W array.
func wArray(t *testing.T, pdf string) string {
	i := strings.Index(pdf, "/W [")
	if i < 0 {
		t.Fatal("no /W array")
	}
	i += len("/W [")
	depth := 1
	for j := i; j < len(pdf); j++ {
		switch pdf[j] {
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return pdf[i:j]
			}
		}
	}
	t.Fatal("/W array not closed")
	return ""
}

// parseW reads a /W array into character → width.
func parseW(t *testing.T, s string) map[int]int {
	t.Helper()
	toks := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ").Replace(s))
	out := map[int]int{}
	atoi := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("/W: %q: %v", s, err)
		}
		return n
	}
	for i := 0; i < len(toks); {
		c := atoi(toks[i])
		if toks[i+1] == "[" {
			j := i + 2
			for ; toks[j] != "]"; j++ {
				out[c+j-i-2] = atoi(toks[j])
			}
			i = j + 1
			continue
		}
		last, w := atoi(toks[i+1]), atoi(toks[i+2])
		for x := c; x <= last; x++ {
			out[x] = w
		}
		i += 3
	}
	return out
}

// TestWidthsAndCIDMap: /W holds exactly the characters drawn, each with the
// font's own width, and the CIDToGIDMap ends at the highest of them.
func TestWidthsAndCIDMap(t *testing.T) {
	reg := font(t, "NotoSans-Regular.ttf")
	p := New("P", "mm", "A4", "")
	p.SetCompression(true)
	p.AddUTF8FontFromBytes("sans", "", reg)
	p.AddPage()
	p.SetFont("sans", "", 11)
	p.Text(10, 10, sample)
	cw := p.fonts["sans"].Cw
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	got := parseW(t, wArray(t, out))
	want := map[int]int{}
	maxRune := 0
	for _, r := range sample {
		w := cwAt(cw, int(r))
		if w == 0 {
			continue // not in the font (ﬁ): neither in /W nor in the map
		}
		if w == 65535 {
			w = 0
		}
		want[int(r)] = w
		maxRune = max(maxRune, int(r))
	}
	for r, w := range want {
		if got[r] != w {
			t.Errorf("/W: %q has width %d, want %d", rune(r), got[r], w)
		}
	}
	for r := range got {
		if _, ok := want[r]; !ok {
			t.Errorf("/W lists %q, which is not drawn", rune(r))
		}
	}
	// The CIDToGIDMap is the first Flate stream after the font descriptor: find
	// the one that inflates to an even length with glyphs at the used characters.
	found := false
	for _, loc := range streamObj.FindAllStringSubmatchIndex(out, -1) {
		n, _ := strconv.Atoi(out[loc[2]:loc[3]])
		zr, err := zlib.NewReader(strings.NewReader(out[loc[1] : loc[1]+n]))
		if err != nil {
			continue
		}
		b, err := io.ReadAll(zr)
		if err != nil || len(b) != 2*(maxRune+1) {
			continue
		}
		found = true
		for r := range want {
			if b[2*r] == 0 && b[2*r+1] == 0 {
				t.Errorf("CIDToGIDMap: %q maps to glyph 0", rune(r))
			}
		}
	}
	if !found {
		t.Errorf("no CIDToGIDMap of %d bytes (up to %U)", 2*(maxRune+1), maxRune)
	}
}

// TestCompressPool: pooled zlib writers give streams that inflate to their input,
// the same bytes as a new writer.
func TestCompressPool(t *testing.T) {
	inputs := [][]byte{nil, []byte("x"), bytes.Repeat([]byte("BT /F1 11 Tf ET\n"), 5000), font(t, "NotoSans-Bold.ttf")}
	for round := 0; round < 3; round++ {
		for _, in := range inputs {
			mem := xmem.compress(in)
			var ref bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&ref, zlib.BestSpeed)
			zw.Write(in)
			zw.Close()
			if !bytes.Equal(mem.bytes(), ref.Bytes()) {
				t.Fatalf("pooled writer output differs from a new writer's (%d bytes in)", len(in))
			}
			back, err := xmem.uncompress(mem.bytes())
			if err != nil || !bytes.Equal(back.bytes(), in) {
				t.Fatalf("round trip of %d bytes failed: %v", len(in), err)
			}
			back.release()
			mem.release()
		}
	}
}

// TestReaders: the output passes qpdf --check, and pdftotext gives back the text.
// Skipped without the tools unless PRESSKIT_REQUIRE_TOOLS=1.
func TestReaders(t *testing.T) {
	need := func(name string) string {
		p, err := exec.LookPath(name)
		if err != nil {
			if os.Getenv("PRESSKIT_REQUIRE_TOOLS") == "1" {
				t.Fatalf("%s not installed", name)
			}
			t.Skipf("%s not installed", name)
		}
		return p
	}
	qpdf, pdftotext := need("qpdf"), need("pdftotext")
	lines := []string{"Пресс-релиз: «ёлочки», № 5 — 10 000 €.", "Press kit: “quotes”, Ёжик, ½ § © ™ …"}
	b := doc(t, font(t, "NotoSans-Regular.ttf"), font(t, "NotoSans-Bold.ttf"), strings.Join(lines, "\n"))
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, l := range append([]string{"Заголовок — Heading"}, lines...) {
		if !strings.Contains(text, strings.Join(strings.Fields(l), " ")) {
			t.Errorf("pdftotext lost %q; got %q", l, text)
		}
	}
}

// TestNoGob: importing fpdf links neither encoding/gob nor encoding/xml (their
// inits cost every process). Needs the go command.
func TestNoGob(t *testing.T) {
	no := map[string]bool{"encoding/gob": true, "encoding/xml": true}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gocmd, "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	sort.Strings(deps)
	for _, d := range deps {
		if no[d] {
			t.Errorf("fpdf imports %s", d)
		}
	}
}

// BenchmarkTwoFaceDocument is the cost of one small document with two faces, after
// the first has parsed the fonts.
func BenchmarkTwoFaceDocument(b *testing.B) {
	reg, bold := font(b, "NotoSans-Regular.ttf"), font(b, "NotoSans-Bold.ttf")
	b.ReportAllocs()
	for b.Loop() {
		doc(b, reg, bold, sample)
	}
}

// BenchmarkCompress64K is one stream through the pooled zlib writers.
func BenchmarkCompress64K(b *testing.B) {
	in := bytes.Repeat([]byte("0.000 0.000 0.000 rg BT 56.69 785.20 Td (text) Tj ET\n"), 1300)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		xmem.compress(in).release()
	}
}

// TestCutPanicReturns: a font that breaks while its subset is cut (here, its bytes
// cut short after parsing) panics in the goroutine that writes the document, as
// upstream did, instead of killing the process from a goroutine of its own.
func TestCutPanicReturns(t *testing.T) {
	p := New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("sans", "", font(t, "NotoSans-Regular.ttf"))
	p.AddPage()
	p.SetFont("sans", "", 11)
	p.Text(10, 10, sample)
	r := p.fonts["sans"].utf8File.fileReader
	r.array = r.array[:200:200]
	defer func() {
		if recover() == nil {
			t.Error("no panic from a broken font")
		}
	}()
	var buf bytes.Buffer
	_ = p.Output(&buf)
}

// nameRecords reads a format 0 "name" table into name ID → strings (one a record).
func nameRecords(t *testing.T, name []byte) map[int][]string {
	t.Helper()
	if len(name) < 6 {
		t.Fatalf("name table of %d bytes", len(name))
	}
	count, strOff := unpackUint16(name[2:4]), unpackUint16(name[4:6])
	out := map[int][]string{}
	for i := 0; i < count; i++ {
		r := name[6+12*i : 18+12*i]
		ln, off := unpackUint16(r[8:10]), unpackUint16(r[10:12])
		out[unpackUint16(r[6:8])] = append(out[unpackUint16(r[6:8])], string(name[strOff+off:strOff+off+ln]))
	}
	return out
}

// fontTables splits a TrueType font program into its tables.
func fontTables(t *testing.T, font []byte) map[string][]byte {
	t.Helper()
	n := unpackUint16(font[4:6])
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		e := font[12+16*i : 28+16*i]
		off := unpackUint16(e[8:10])<<16 | unpackUint16(e[10:12])
		ln := unpackUint16(e[12:14])<<16 | unpackUint16(e[14:16])
		if off+ln > len(font) {
			t.Fatalf("table %q runs past the end of the font", e[:4])
		}
		tables[string(e[:4])] = font[off : off+ln]
	}
	return tables
}

// TestShortNameTable: a subset's "name" table keeps the copyright, family, style,
// full and PostScript names and the licence URL, word for word, and nothing else;
// the other tables a subset had are all there.
func TestShortNameTable(t *testing.T) {
	reg := font(t, "NotoSans-Regular.ttf")
	orig := fontTables(t, reg)
	all := nameRecords(t, orig["name"])
	p := New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("sans", "", reg)
	utf := p.fonts["sans"].utf8File
	cut := fontTables(t, utf.GenerateCutFont(map[int]int{'A': 'A', 'Ж': 'Ж'}))
	got := nameRecords(t, cut["name"])
	for id := range all {
		keep := id < len(keptNames) && keptNames[id]
		if keep && strings.Join(got[id], "|") != strings.Join(all[id], "|") {
			t.Errorf("name %d: %q, want %q", id, got[id], all[id])
		}
		if !keep && got[id] != nil {
			t.Errorf("name %d kept: %q", id, got[id])
		}
	}
	if len(cut["name"]) >= len(orig["name"]) {
		t.Errorf("name table %d bytes, no shorter than the font's %d", len(cut["name"]), len(orig["name"]))
	}
	for _, tag := range []string{"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post"} {
		if cut[tag] == nil {
			t.Errorf("subset has no %q table", tag)
		}
	}
	// A table shortNameTable cannot read comes back as it was.
	for _, bad := range [][]byte{nil, {0, 1, 0, 0, 0, 0}, {0, 0, 0, 9, 0, 6}} {
		if got := shortNameTable(bad); !bytes.Equal(got, bad) {
			t.Errorf("shortNameTable(%v) = %v", bad, got)
		}
	}
}

// TestOneToUnicode: the UTF-8 faces of a document share one compressed ToUnicode
// CMap object, and their CIDSystemInfo is inline.
func TestOneToUnicode(t *testing.T) {
	out := string(doc(t, font(t, "NotoSans-Regular.ttf"), font(t, "NotoSans-Bold.ttf"), sample))
	refs := regexp.MustCompile(`/ToUnicode (\d+) 0 R`).FindAllStringSubmatch(out, -1)
	if len(refs) != 2 {
		t.Fatalf("%d /ToUnicode entries, want 2 (two faces)", len(refs))
	}
	if refs[0][1] != refs[1][1] {
		t.Errorf("faces have ToUnicode objects %s and %s, want one", refs[0][1], refs[1][1])
	}
	obj := regexp.MustCompile(`(?s)\n` + refs[0][1] + ` 0 obj\n<</Length (\d+)/Filter /FlateDecode>>\nstream\n`).FindStringSubmatchIndex(out)
	if obj == nil {
		t.Fatal("the ToUnicode object is not a compressed stream")
	}
	n, _ := strconv.Atoi(out[obj[2]:obj[3]])
	zr, err := zlib.NewReader(strings.NewReader(out[obj[1] : obj[1]+n]))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(zr); err != nil || string(b) != toUnicode {
		t.Errorf("ToUnicode stream inflates to %q, %v", b, err)
	}
	if c := strings.Count(out, "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>>"); c != 2 {
		t.Errorf("%d inline CIDSystemInfo dictionaries, want 2", c)
	}
}

// TestSharedBytes: a font added from shared bytes is parsed where they lie; one added
// from ordinary bytes is parsed from a copy, so that changing the caller's slice later
// changes nothing. The same bytes give the same document either way.
func TestSharedBytes(t *testing.T) {
	reg := font(t, "NotoSerif-Regular.ttf")
	// Bytes no earlier run parsed (fonts are parsed once per process): the font with
	// a few bytes after its tables that no table points to.
	shared := binary.BigEndian.AppendUint64(append([]byte(nil), reg...), uint64(time.Now().UnixNano()))
	a, _, err := parseUTF8Font(shared, true)
	if err != nil {
		t.Fatal(err)
	}
	if &a.fileReader.array[0] != &shared[0] {
		t.Error("shared bytes were copied")
	}
	own := append([]byte(nil), font(t, "NotoSerif-Bold.ttf")...)
	b, _, err := parseUTF8Font(own, false)
	if err != nil {
		t.Fatal(err)
	}
	if &b.fileReader.array[0] == &own[0] {
		t.Error("bytes not marked shared were kept, not copied")
	}
	make1 := func(add func(p *Fpdf)) []byte {
		p := New("P", "mm", "A4", "")
		p.SetCompression(true)
		p.SetCatalogSort(true)
		when := time.Date(2026, 11, 18, 11, 6, 40, 0, time.UTC)
		p.SetCreationDate(when)
		p.SetModificationDate(when)
		add(p)
		p.AddPage()
		p.SetFont("serif", "", 11)
		p.Text(10, 10, sample)
		var buf bytes.Buffer
		if err := p.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	x := make1(func(p *Fpdf) { p.AddUTF8FontFromSharedBytes("serif", "", shared) })
	y := make1(func(p *Fpdf) { p.AddUTF8FontFromBytes("serif", "", append([]byte(nil), shared...)) })
	if !bytes.Equal(x, y) {
		t.Error("shared and copied bytes give different documents")
	}
}

// TestPreparse: a font parsed ahead (patch 23) is found by the document that adds the
// same slice, which then neither parses nor hashes it, and gives the same document as
// one that parsed it itself; a slice that is not a font is an error.
func TestPreparse(t *testing.T) {
	reg := font(t, "NotoSerif-Regular.ttf")
	ahead := binary.BigEndian.AppendUint64(append([]byte(nil), reg...), uint64(time.Now().UnixNano()))
	itself := append([]byte(nil), ahead...)
	if err := PreparseUTF8FontShared(ahead); err != nil {
		t.Fatal(err)
	}
	before := nSlices.Load()
	doc := func(b []byte) []byte {
		p := New("P", "mm", "A4", "")
		p.SetCreationDate(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
		p.AddUTF8FontFromSharedBytes("serif", "", b)
		p.AddPage()
		p.SetFont("serif", "", 11)
		p.Text(10, 10, sample)
		var buf bytes.Buffer
		if err := p.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	x := doc(ahead)
	if nSlices.Load() != before {
		t.Error("the document parsed a font that was parsed ahead")
	}
	if y := doc(itself); !bytes.Equal(x, y) {
		t.Error("a font parsed ahead gives another document")
	}
	if err := PreparseUTF8FontShared([]byte("not a font at all")); err == nil {
		t.Error("bytes that are not a font parsed")
	}
}

// TestSubsetNames: a UTF-8 font's BaseFont and FontName are its PostScript name after
// a six-letter subset tag, the same for the same text and different for another.
func TestSubsetNames(t *testing.T) {
	reg, bold := font(t, "NotoSans-Regular.ttf"), font(t, "NotoSans-Bold.ttf")
	names := func(pdf []byte) []string {
		var out []string
		for _, m := range regexp.MustCompile(`/(?:BaseFont|FontName) /(\S+)`).FindAllSubmatch(pdf, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	a := names(doc(t, reg, bold, sample))
	if len(a) != 6 { // Type0, CIDFont and descriptor of each face
		t.Fatalf("names %q, want six", a)
	}
	tagged := regexp.MustCompile(`^[A-Z]{6}\+NotoSans-(Regular|Bold)$`)
	for _, n := range a {
		if !tagged.MatchString(n) {
			t.Errorf("font name %q, want ABCDEF+NotoSans-…", n)
		}
	}
	if b := names(doc(t, reg, bold, sample)); strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("the same document names its fonts %q, then %q", a, b)
	}
	if c := names(doc(t, reg, bold, sample+" Щ")); c[0][:6] == a[0][:6] && c[3][:6] == a[3][:6] {
		t.Errorf("another subset kept the tags: %q, %q", a, c)
	}
}

// TestShortFontID: a font's resource name is eight hex digits unless another font of
// the document has them already.
func TestShortFontID(t *testing.T) {
	p := New("P", "mm", "A4", "")
	id := utf8FontID("sans", "0123")
	if got := p.shortFontID(id); got != id[:8] {
		t.Errorf("shortFontID = %q, want %q", got, id[:8])
	}
	p.fonts["other"] = fontDefType{i: id[:8]}
	if got := p.shortFontID(id); got != id {
		t.Errorf("with %q taken, shortFontID = %q, want the whole ID", id[:8], got)
	}
}

// upstreamChecksum is upstream's generateChecksum, which padded data in place.
func upstreamChecksum(data []byte) []int {
	if (len(data) % 4) != 0 {
		for i := 0; (len(data) % 4) != 0; i++ {
			data = append(data, 0)
		}
	}
	answer := []int{0x0000, 0x0000}
	for i := 0; i < len(data); i += 4 {
		answer[0] += (int(data[i]) << 8) + int(data[i+1])
		answer[1] += (int(data[i+2]) << 8) + int(data[i+3])
		answer[0] += answer[1] >> 16
		answer[1] = answer[1] & 0xFFFF
		answer[0] = answer[0] & 0xFFFF
	}
	return answer
}

// TestTableChecksum: tableChecksum gives upstream's checksums without writing past
// the end of a table that is a slice of a larger one (a table of the shared parsed
// font), and a subset's checksums hold: every table's, and the whole file's
// 0xB1B0AFBA.
func TestTableChecksum(t *testing.T) {
	reg := font(t, "NotoSans-Regular.ttf")
	for n := 0; n < 64; n++ {
		whole := append([]byte(nil), reg[:n+8]...)
		part := whole[:n]
		hi, lo := tableChecksum(part)
		if want := upstreamChecksum(append([]byte(nil), part...)); hi != want[0] || lo != want[1] {
			t.Errorf("%d bytes: checksum %04x%04x, want %04x%04x", n, hi, lo, want[0], want[1])
		}
		if !bytes.Equal(whole, reg[:n+8]) {
			t.Errorf("%d bytes: checksum wrote past the table", n)
		}
	}
	p := New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("sans", "", reg)
	cut := p.fonts["sans"].utf8File.GenerateCutFont(map[int]int{'A': 'A', 'Ж': 'Ж', 'ё': 'ё'})
	for tag, table := range fontTables(t, cut) {
		hi, lo := tableChecksum(table)
		if tag == "head" {
			continue // its checksum is taken with the adjustment zeroed
		}
		e := bytes.Index(cut, []byte(tag))
		if got := binary.BigEndian.Uint32(cut[e+4:]); got != uint32(hi)<<16|uint32(lo) {
			t.Errorf("%s: directory checksum %08x, table sums to %04x%04x", tag, got, hi, lo)
		}
	}
	if hi, lo := tableChecksum(cut); uint32(hi)<<16|uint32(lo) != 0xB1B0AFBA {
		t.Errorf("file checksum %04x%04x, want b1b0afba", hi, lo)
	}
}
