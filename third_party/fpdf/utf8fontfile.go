// Copyright ©2023 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

/*
 * Copyright (c) 2019 Arteom Korotkiy (Gmail: arteomkorotkiy)
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

package fpdf

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// flags
const symbolWords = 1 << 0
const symbolScale = 1 << 3
const symbolContinue = 1 << 5
const symbolAllScale = 1 << 6
const symbol2x2 = 1 << 7

// CID map Init
const toUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

type utf8FontFile struct {
	fileReader         *fileReader
	LastRune           int
	tableDescriptions  map[string]*tableDescription
	outTables          []outTable
	symbolPosition     []int
	Ascent             int
	Descent            int
	fontElementSize    int
	Bbox               fontBoxType
	CapHeight          int
	StemV              int
	ItalicAngle        int
	Flags              int
	UnderlinePosition  float64
	UnderlineThickness float64
	CharWidths         []int32 // presskit patch: int32, was int (twice the memory)
	DefaultWidth       float64
	// CutCodes are the characters other than 0 of the last subset cut
	// (GenerateCutFont) that the font maps, ascending, and their glyphs in it. (presskit patch:
	// upstream's CodeSymbolDictionary, a map.)
	CutCodes []cutCode

	// What subsetting needs, read once by prepareCut (presskit patch): a parsed
	// font is shared read-only by every document of the process, each of which
	// cuts its subset from a clone.
	cutReady   bool
	locaFormat int
	hMetrics   int // numberOfHMetrics in hhea
	numGlyphs  int // numGlyphs in maxp

	// psName is the font's PostScript name (name ID 6) as a PDF name may hold
	// it, or "" (presskit patch: the subset's BaseFont).
	psName string

	// cutName and cutPost are the name and post tables of every subset (made
	// by prepareCut, presskit patch).
	cutName []byte
	cutPost []byte

	// cmapChars and cmapGlyphs are the font's character map: the characters in
	// ascending order, each once, and the glyph of each (presskit patch: two
	// slices searched instead of a map, see readCmap4).
	cmapChars  []uint16
	cmapGlyphs []uint16
}

// clone returns a copy of a parsed font for one document: the parsed tables
// are shared, the reader and everything subsetting writes are its own.
// (presskit patch)
func (utf *utf8FontFile) clone() *utf8FontFile {
	c := *utf
	c.fileReader = &fileReader{array: utf.fileReader.array}
	c.outTables = nil
	c.CutCodes = nil
	c.LastRune = 0
	return &c
}

// prepareCut reads what GenerateCutFont needs: table directory, loca format,
// metric and glyph counts, the character-to-glyph map and glyph offsets.
// (presskit patch)
func (utf *utf8FontFile) prepareCut() bool {
	if utf.tableDescriptions == nil {
		utf.fileReader.readerPosition = 0
		utf.skip(4)
		utf.generateTableDescriptions()
	}
	utf.SeekTable("head")
	utf.skip(50)
	utf.locaFormat = utf.readUint16()
	utf.SeekTable("hhea")
	utf.skip(34)
	utf.hMetrics = utf.readUint16()
	utf.SeekTable("maxp")
	utf.skip(4)
	utf.numGlyphs = utf.readUint16()
	if len(utf.cmapChars) == 0 && !utf.generateCMAP() {
		return false
	}
	utf.parseLOCATable(utf.locaFormat, utf.numGlyphs)
	utf.cutName = shortNameTable(utf.getTableData("name"))
	if post := utf.getTableData("post"); len(post) >= 16 {
		utf.cutPost = postTable(post)
	}
	utf.cutReady = true
	return true
}

type tableDescription struct {
	name     string
	checksum [2]int
	position int
	size     int
}

type fileReader struct {
	readerPosition int64
	array          []byte
}

func (fr *fileReader) Read(s int) []byte {
	b := fr.array[fr.readerPosition : fr.readerPosition+int64(s)]
	fr.readerPosition += int64(s)
	return b
}

func (fr *fileReader) seek(shift int64, flag int) (int64, error) {
	if flag == 0 {
		fr.readerPosition = shift
	} else if flag == 1 {
		fr.readerPosition += shift
	} else if flag == 2 {
		fr.readerPosition = int64(len(fr.array)) - shift
	}
	return int64(fr.readerPosition), nil
}

func newUTF8Font(reader *fileReader) *utf8FontFile {
	utf := utf8FontFile{
		fileReader: reader,
	}
	return &utf
}

func (utf *utf8FontFile) parseFile() error {
	utf.fileReader.readerPosition = 0
	utf.symbolPosition = make([]int, 0)
	utf.tableDescriptions = make(map[string]*tableDescription)
	utf.Ascent = 0
	utf.Descent = 0
	codeType := uint32(utf.readUint32())
	if codeType == 0x4F54544F {
		return fmt.Errorf("not supported\n ")
	}
	if codeType == 0x74746366 {
		return fmt.Errorf("not supported\n ")
	}
	if codeType != 0x00010000 && codeType != 0x74727565 {
		return fmt.Errorf("not a TrueType font: codeType=%v\n ", codeType)
	}
	utf.generateTableDescriptions()
	utf.parseTables()
	return nil
}

func (utf *utf8FontFile) generateTableDescriptions() {

	tablesCount := utf.readUint16()
	_ = utf.readUint16()
	_ = utf.readUint16()
	_ = utf.readUint16()
	utf.tableDescriptions = make(map[string]*tableDescription, tablesCount)
	// presskit patch: the records in one slice, not an allocation each.
	records := make([]tableDescription, tablesCount)
	for i := range records {
		records[i] = tableDescription{
			name:     utf.readTableName(),
			checksum: [2]int{utf.readUint16(), utf.readUint16()},
			position: utf.readUint32(),
			size:     utf.readUint32(),
		}
		utf.tableDescriptions[records[i].name] = &records[i]
	}
}

func (utf *utf8FontFile) readTableName() string {
	return string(utf.fileReader.Read(4))
}

func (utf *utf8FontFile) readUint16() int {
	s := utf.fileReader.Read(2)
	return (int(s[0]) << 8) + int(s[1])
}

func (utf *utf8FontFile) readUint32() int {
	s := utf.fileReader.Read(4)
	return (int(s[0]) * 16777216) + (int(s[1]) << 16) + (int(s[2]) << 8) + int(s[3]) // 	16777216  = 1<<24
}

func (utf *utf8FontFile) calcInt32(x, y []int) []int {
	answer := make([]int, 2)
	if y[1] > x[1] {
		x[1] += 1 << 16
		x[0]++
	}
	answer[1] = x[1] - y[1]
	if y[0] > x[0] {
		x[0] += 1 << 16
	}
	answer[0] = x[0] - y[0]
	answer[0] = answer[0] & 0xFFFF
	return answer
}

func (utf *utf8FontFile) seek(shift int) {
	_, _ = utf.fileReader.seek(int64(shift), 0)
}

func (utf *utf8FontFile) skip(delta int) {
	_, _ = utf.fileReader.seek(int64(delta), 1)
}

// SeekTable position
func (utf *utf8FontFile) SeekTable(name string) int {
	return utf.seekTable(name, 0)
}

func (utf *utf8FontFile) seekTable(name string, offsetInTable int) int {
	_, _ = utf.fileReader.seek(int64(utf.tableDescriptions[name].position+offsetInTable), 0)
	return int(utf.fileReader.readerPosition)
}

func (utf *utf8FontFile) readInt16() int16 {
	s := utf.fileReader.Read(2)
	a := (int16(s[0]) << 8) + int16(s[1])
	if (int(a) & (1 << 15)) == 0 {
		a = int16(int(a) - (1 << 16))
	}
	return a
}

func (utf *utf8FontFile) getUint16(pos int) int {
	_, _ = utf.fileReader.seek(int64(pos), 0)
	s := utf.fileReader.Read(2)
	return (int(s[0]) << 8) + int(s[1])
}

func (utf *utf8FontFile) splice(stream []byte, offset int, value []byte) []byte {
	stream = append([]byte{}, stream...)
	return append(append(stream[:offset], value...), stream[offset+len(value):]...)
}

func (utf *utf8FontFile) insertUint16(stream []byte, offset int, value int) []byte {
	up := make([]byte, 2)
	binary.BigEndian.PutUint16(up, uint16(value))
	return utf.splice(stream, offset, up)
}

func (utf *utf8FontFile) getRange(pos, length int) []byte {
	_, _ = utf.fileReader.seek(int64(pos), 0)
	if length < 1 {
		return make([]byte, 0)
	}
	s := utf.fileReader.Read(length)
	return s
}

func (utf *utf8FontFile) getTableData(name string) []byte {
	desckrip := utf.tableDescriptions[name]
	if desckrip == nil {
		return nil
	}
	if desckrip.size == 0 {
		return nil
	}
	_, _ = utf.fileReader.seek(int64(desckrip.position), 0)
	s := utf.fileReader.Read(desckrip.size)
	return s
}

// setOutTable adds a table to the subset, unless data is nil. (presskit patch:
// to a slice, not a map; the caller zeroes head's checksum adjustment.)
func (utf *utf8FontFile) setOutTable(name string, data []byte) {
	if data == nil {
		return
	}
	utf.outTables = append(utf.outTables, outTable{name, data})
}

// outTable is a table of a subset: its tag and bytes.
type outTable struct {
	tag  string
	data []byte
}

func arrayKeys(arr map[int]string) []int {
	answer := make([]int, len(arr))
	i := 0
	for key := range arr {
		answer[i] = key
		i++
	}
	return answer
}

func inArray(s int, arr []int) bool {
	for _, i := range arr {
		if s == i {
			return true
		}
	}
	return false
}

func (utf *utf8FontFile) parseNAMETable() int {
	namePosition := utf.SeekTable("name")
	format := utf.readUint16()
	if format != 0 {
		fmt.Printf("Illegal format %d\n", format)
		return format
	}
	nameCount := utf.readUint16()
	stringDataPosition := namePosition + utf.readUint16()
	names := map[int]string{1: "", 2: "", 3: "", 4: "", 6: ""}
	keys := arrayKeys(names)
	counter := len(names)
	for i := 0; i < nameCount; i++ {
		system := utf.readUint16()
		code := utf.readUint16()
		local := utf.readUint16()
		nameID := utf.readUint16()
		size := utf.readUint16()
		position := utf.readUint16()
		if !inArray(nameID, keys) {
			continue
		}
		currentName := ""
		if system == 3 && code == 1 && local == 0x409 {
			oldPos := utf.fileReader.readerPosition
			utf.seek(stringDataPosition + position)
			if size%2 != 0 {
				fmt.Printf("name is not binar byte format\n")
				return format
			}
			size /= 2
			// presskit patch: appended to one slice, not a string a character.
			name := make([]byte, 0, size)
			for size > 0 {
				char := utf.readUint16()
				name = utf8.AppendRune(name, rune(char))
				size--
			}
			currentName = string(name)
			utf.fileReader.readerPosition = oldPos
			utf.seek(int(oldPos))
		} else if system == 1 && code == 0 && local == 0 {
			oldPos := utf.fileReader.readerPosition
			currentName = string(utf.getRange(stringDataPosition+position, size))
			utf.fileReader.readerPosition = oldPos
			utf.seek(int(oldPos))
		}
		if currentName != "" && names[nameID] == "" {
			names[nameID] = currentName
			if nameID == 6 {
				utf.psName = pdfNameChars(currentName)
			}
			counter--
			if counter == 0 {
				break
			}
		}
	}
	return format
}

func (utf *utf8FontFile) parseHEADTable() {
	utf.SeekTable("head")
	utf.skip(18)
	utf.fontElementSize = utf.readUint16()
	scale := 1000.0 / float64(utf.fontElementSize)
	utf.skip(16)
	xMin := utf.readInt16()
	yMin := utf.readInt16()
	xMax := utf.readInt16()
	yMax := utf.readInt16()
	utf.Bbox = fontBoxType{int(float64(xMin) * scale), int(float64(yMin) * scale), int(float64(xMax) * scale), int(float64(yMax) * scale)}
	utf.skip(3 * 2)
	_ = utf.readUint16()
	symbolDataFormat := utf.readUint16()
	if symbolDataFormat != 0 {
		fmt.Printf("Unknown symbol data format %d\n", symbolDataFormat)
		return
	}
}

func (utf *utf8FontFile) parseHHEATable() int {
	metricsCount := 0
	if _, OK := utf.tableDescriptions["hhea"]; OK {
		scale := 1000.0 / float64(utf.fontElementSize)
		utf.SeekTable("hhea")
		utf.skip(4)
		hheaAscender := utf.readInt16()
		hheaDescender := utf.readInt16()
		utf.Ascent = int(float64(hheaAscender) * scale)
		utf.Descent = int(float64(hheaDescender) * scale)
		utf.skip(24)
		metricDataFormat := utf.readUint16()
		if metricDataFormat != 0 {
			fmt.Printf("Unknown horizontal metric data format %d\n", metricDataFormat)
			return 0
		}
		metricsCount = utf.readUint16()
		if metricsCount == 0 {
			fmt.Printf("Number of horizontal metrics is 0\n")
			return 0
		}
	}
	return metricsCount
}

func (utf *utf8FontFile) parseOS2Table() int {
	var weightType int
	scale := 1000.0 / float64(utf.fontElementSize)
	if _, OK := utf.tableDescriptions["OS/2"]; OK {
		utf.SeekTable("OS/2")
		version := utf.readUint16()
		utf.skip(2)
		weightType = utf.readUint16()
		utf.skip(2)
		fsType := utf.readUint16()
		if fsType == 0x0002 || (fsType&0x0300) != 0 {
			fmt.Printf("ERROR - copyright restrictions.\n")
			return 0
		}
		utf.skip(20)
		_ = utf.readInt16()

		utf.skip(36)
		sTypoAscender := utf.readInt16()
		sTypoDescender := utf.readInt16()
		if utf.Ascent == 0 {
			utf.Ascent = int(float64(sTypoAscender) * scale)
		}
		if utf.Descent == 0 {
			utf.Descent = int(float64(sTypoDescender) * scale)
		}
		if version > 1 {
			utf.skip(16)
			sCapHeight := utf.readInt16()
			utf.CapHeight = int(float64(sCapHeight) * scale)
		} else {
			utf.CapHeight = utf.Ascent
		}
	} else {
		weightType = 500
		if utf.Ascent == 0 {
			utf.Ascent = int(float64(utf.Bbox.Ymax) * scale)
		}
		if utf.Descent == 0 {
			utf.Descent = int(float64(utf.Bbox.Ymin) * scale)
		}
		utf.CapHeight = utf.Ascent
	}
	utf.StemV = 50 + int(math.Pow(float64(weightType)/65.0, 2))
	return weightType
}

func (utf *utf8FontFile) parsePOSTTable(weight int) {
	utf.SeekTable("post")
	utf.skip(4)
	utf.ItalicAngle = int(utf.readInt16()) + utf.readUint16()/65536.0
	scale := 1000.0 / float64(utf.fontElementSize)
	utf.UnderlinePosition = float64(utf.readInt16()) * scale
	utf.UnderlineThickness = float64(utf.readInt16()) * scale
	fixed := utf.readUint32()

	utf.Flags = 4

	if utf.ItalicAngle != 0 {
		utf.Flags = utf.Flags | 64
	}
	if weight >= 600 {
		utf.Flags = utf.Flags | 262144
	}
	if fixed != 0 {
		utf.Flags = utf.Flags | 1
	}
}

func (utf *utf8FontFile) parseCMAPTable(format int) int {
	cmapPosition := utf.SeekTable("cmap")
	utf.skip(2)
	cmapTableCount := utf.readUint16()
	cidCMAPPosition := 0
	for i := 0; i < cmapTableCount; i++ {
		system := utf.readUint16()
		coded := utf.readUint16()
		position := utf.readUint32()
		oldReaderPosition := utf.fileReader.readerPosition
		if (system == 3 && coded == 1) || system == 0 { // Microsoft, Unicode
			v := utf.getUint16(cmapPosition + position)
			if v == 4 {
				if cidCMAPPosition == 0 {
					cidCMAPPosition = cmapPosition + position
				}
				break
			}
		}
		utf.seek(int(oldReaderPosition))
	}
	if cidCMAPPosition == 0 {
		fmt.Printf("Font does not have cmap for Unicode\n")
		return cidCMAPPosition
	}
	return cidCMAPPosition
}

func (utf *utf8FontFile) parseTables() {
	f := utf.parseNAMETable()
	utf.parseHEADTable()
	n := utf.parseHHEATable()
	w := utf.parseOS2Table()
	utf.parsePOSTTable(w)
	runeCMAPPosition := utf.parseCMAPTable(f)

	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()

	chars, glyphs := utf.readCmap4(runeCMAPPosition)
	utf.setCmap(chars, glyphs)

	scale := 1000.0 / float64(utf.fontElementSize)
	utf.parseHMTXTable(n, numSymbols, chars, glyphs, scale)
	utf.prepareCut()
}

// generateCMAP reads the font's character map, and says whether it has one.
func (utf *utf8FontFile) generateCMAP() bool {
	cmapPosition := utf.SeekTable("cmap")
	utf.skip(2)
	cmapTableCount := utf.readUint16()
	runeCmapPosition := 0
	for i := 0; i < cmapTableCount; i++ {
		system := utf.readUint16()
		coder := utf.readUint16()
		position := utf.readUint32()
		oldPosition := utf.fileReader.readerPosition
		if (system == 3 && coder == 1) || system == 0 {
			format := utf.getUint16(cmapPosition + position)
			if format == 4 {
				runeCmapPosition = cmapPosition + position
				break
			}
		}
		utf.seek(int(oldPosition))
	}

	if runeCmapPosition == 0 {
		fmt.Printf("Font does not have cmap for Unicode\n")
		return false
	}
	utf.setCmap(utf.readCmap4(runeCmapPosition))
	return true
}

// subsetGlyphs are the glyphs of a subset and the characters that map to them.
// (presskit patch: slices indexed by glyph, where upstream kept four maps.)
type subsetGlyphs struct {
	// old lists the font's glyphs in the subset's order: glyph 0 and those of
	// the characters in ascending order, then the components of composite
	// glyphs as they are found.
	old []int
	// index is each glyph's place in the subset, plus one; 0 when not in it.
	index []int32
	// codes are the characters other than 0 the font maps, ascending, each
	// with its glyph in the subset.
	codes []cutCode
}

// cutCode is a character and its glyph in a subset.
type cutCode struct{ char, glyph int }

// parseSymbols collects the glyphs of chars (in any order, repeats allowed)
// and of their components, and sets LastRune and CutCodes.
//
// presskit patch: glyphs are marked in slices indexed by glyph and the
// composites read in place; upstream built and sorted maps of glyphs and
// characters, and read every glyph it reached again for each composite that
// used it. The order of the glyphs is upstream's.
func (utf *utf8FontFile) parseSymbols(chars []int) subsetGlyphs {
	numGlyphs := len(utf.symbolPosition) - 1
	sub := subsetGlyphs{index: make([]int32, numGlyphs)}
	mark := func(glyph int) {
		if glyph >= numGlyphs {
			panic(fmt.Sprintf("fpdf: glyph %d of a font with %d", glyph, numGlyphs))
		}
		sub.index[glyph] = 1
	}
	mark(0)
	codes := make([]cutCode, 0, len(chars))
	for _, char := range chars {
		if glyph, OK := utf.glyphOf(char); OK {
			mark(glyph)
			codes = append(codes, cutCode{char, glyph})
		}
		utf.LastRune = max(utf.LastRune, char)
	}
	sub.old = make([]int, 0, len(codes)+16)
	for glyph, in := range sub.index {
		if in != 0 {
			sub.old = append(sub.old, glyph)
			sub.index[glyph] = int32(len(sub.old))
		}
	}
	// Several entries may hold one character (a document's first 57 hold 0).
	slices.SortFunc(codes, func(a, b cutCode) int { return a.char - b.char })
	codes = slices.CompactFunc(codes, func(a, b cutCode) bool { return a.char == b.char })
	for i := range codes {
		codes[i].glyph = int(sub.index[codes[i].glyph]) - 1
	}
	// Character 0 keeps its glyph in the subset but is in neither map (upstream
	// deleted it from the one map both were).
	if len(codes) > 0 && codes[0].char == 0 {
		codes = codes[1:]
	}
	sub.codes = codes
	utf.CutCodes = codes

	// Components, depth first from each glyph in turn, as upstream's getSymbols
	// found them; a glyph is read once (upstream read it again each time it
	// was reached, and recursed for ever on a composite that contains itself).
	glyf := utf.fileReader.array[utf.tableDescriptions["glyf"].position:]
	read := make([]bool, numGlyphs)
	var components func(glyph int)
	components = func(glyph int) {
		if read[glyph] {
			return
		}
		read[glyph] = true
		pos := utf.symbolPosition[glyph]
		if utf.symbolPosition[glyph+1] == pos || int16(binary.BigEndian.Uint16(glyf[pos:])) >= 0 {
			return
		}
		p := pos + 10
		for flags := symbolContinue; flags&symbolContinue != 0; {
			flags = int(binary.BigEndian.Uint16(glyf[p:]))
			component := int(binary.BigEndian.Uint16(glyf[p+2:]))
			if component >= numGlyphs {
				panic(fmt.Sprintf("fpdf: glyph %d of a font with %d", component, numGlyphs))
			}
			if sub.index[component] == 0 {
				sub.old = append(sub.old, component)
				sub.index[component] = int32(len(sub.old))
			}
			components(component)
			p += 4 + componentArgs(flags)
		}
	}
	for _, glyph := range sub.old[:len(sub.old):len(sub.old)] {
		components(glyph)
	}
	return sub
}

// postTable is a subset's post table: version 3 (no glyph names), with the
// italic angle, underline and fixed pitch of the font's post table, p.
func postTable(p []byte) []byte {
	out := make([]byte, 32)
	copy(out, []byte{0x00, 0x03, 0x00, 0x00})
	copy(out[4:16], p[4:16])
	return out
}

// componentArgs is the size of a composite glyph's component record after its
// flags and glyph index: the offsets and the scale its flags give.
func componentArgs(flags int) int {
	n := 2
	if flags&symbolWords != 0 {
		n = 4
	}
	if flags&symbolScale != 0 {
		n += 2
	} else if flags&symbolAllScale != 0 {
		n += 4
	} else if flags&symbol2x2 != 0 {
		n += 8
	}
	return n
}

// generateCMAPTable writes the subset's format 4 cmap for codes (characters
// other than 0, ascending, and their glyphs in the subset).
//
// presskit patch: written into a slice of its size; upstream gathered the
// segments in a map of slices and packed the table a number at a time. The
// bytes are upstream's, its quirks kept: the length counts numSymbols, and the
// segments' glyphs follow the offsets, though no offset points to them.
func generateCMAPTable(codes []cutCode, numSymbols int) []byte {
	// Segments: runs of consecutive characters with consecutive glyphs.
	var starts []int
	for i, c := range codes {
		if i == 0 || c.char != codes[i-1].char+1 || c.glyph != codes[i-1].glyph+1 {
			starts = append(starts, i)
		}
	}
	segCount := len(starts) + 1
	searchRange := 1
	entrySelector := 0
	for searchRange*2 <= segCount {
		searchRange = searchRange * 2
		entrySelector = entrySelector + 1
	}
	searchRange = searchRange * 2
	rangeShift := segCount*2 - searchRange
	length := 16 + (8 * segCount) + (numSymbols + 1)

	out := make([]byte, 0, 2*(13+4*segCount+2+len(codes)))
	put := func(v int) { out = binary.BigEndian.AppendUint16(out, uint16(v)) }
	for _, v := range [...]int{0, 1, 3, 1, 0, 12, 4, length, 0, segCount * 2, searchRange, entrySelector, rangeShift} {
		put(v)
	}
	end := func(k int) int { // the index past segment k
		if k+1 < len(starts) {
			return starts[k+1]
		}
		return len(codes)
	}
	for k := range starts {
		put(codes[end(k)-1].char)
	}
	put(0xFFFF)
	put(0)
	for _, i := range starts {
		put(codes[i].char)
	}
	put(0xFFFF)
	for _, i := range starts {
		put(codes[i].glyph - codes[i].char)
	}
	put(1)
	for range starts {
		put(0)
	}
	put(0)
	for _, c := range codes {
		put(c.glyph)
	}
	put(0)
	return out
}

// GenerateCutFont fill utf8FontFile from .utf file, only with runes from usedRunes
//
// presskit patch: the tables, cmap and glyph offsets are read once, when the
// font is parsed (prepareCut), not again for every subset; the glyphs and
// metrics are copied from where they lie in the font, each once, and the
// tables every subset shares (the short name table, post) made once.
func (utf *utf8FontFile) GenerateCutFont(usedRunes map[int]int) []byte {
	chars := make([]int, 0, len(usedRunes))
	for _, c := range usedRunes {
		chars = append(chars, c)
	}
	return utf.cutFont(chars)
}

// cutFont is GenerateCutFont for the characters chars (the values of its map).
// (presskit patch)
func (utf *utf8FontFile) cutFont(chars []int) []byte {
	utf.fileReader.readerPosition = 0
	utf.outTables = utf.outTables[:0]
	utf.LastRune = 0
	if !utf.cutReady && !utf.prepareCut() {
		return nil
	}
	oldMetrics := utf.hMetrics

	sub := utf.parseSymbols(chars)
	numSymbols := len(sub.old)

	// presskit patch: only the name records a reader may show (copyright,
	// family, style, full and PostScript names, the licence's address), not the
	// licence text, version and vendor strings (~1.4 KB a face).
	utf.setOutTable("name", utf.cutName)
	utf.setOutTable("cvt ", utf.getTableData("cvt "))
	utf.setOutTable("fpgm", utf.getTableData("fpgm"))
	utf.setOutTable("prep", utf.getTableData("prep"))
	utf.setOutTable("gasp", utf.getTableData("gasp"))
	if utf.cutPost != nil {
		utf.setOutTable("post", utf.cutPost)
	} else {
		// A post table too short: upstream's failure, at the same time.
		utf.setOutTable("post", postTable(utf.getTableData("post")))
	}

	utf.setOutTable("cmap", generateCMAPTable(sub.codes, numSymbols))

	font := utf.fileReader.array
	glyf := font[utf.tableDescriptions["glyf"].position:]
	hmtx := utf.tableDescriptions["hmtx"].position

	// presskit patch: the glyph, metrics and offset arrays made at their size.
	glyfSize := 0
	for _, old := range sub.old {
		glyfSize += (utf.symbolPosition[old+1] - utf.symbolPosition[old] + 3) &^ 3
	}
	offsets := make([]int, 0, numSymbols+1)
	glyfData := make([]byte, 0, glyfSize)
	hmtxData := make([]byte, 0, 4*numSymbols)
	for _, old := range sub.old {
		// Positions in the file, as upstream's: a font without metrics
		// (numberOfHMetrics 0) reads before the table, as it did.
		if old < oldMetrics {
			p := hmtx + 4*old
			hmtxData = append(hmtxData, font[p:p+4]...)
		} else {
			// The last advance, then the glyph's own left side bearing.
			p, q := hmtx+4*oldMetrics-4, hmtx+2*oldMetrics+2*old
			hmtxData = append(hmtxData, font[p:p+2]...)
			hmtxData = append(hmtxData, font[q:q+2]...)
		}

		offsets = append(offsets, len(glyfData))
		start := utf.symbolPosition[old]
		data := glyf[start:utf.symbolPosition[old+1]]
		at := len(glyfData)
		glyfData = append(glyfData, data...)
		if len(data) > 2 && int16(binary.BigEndian.Uint16(data)) < 0 {
			// A composite: its components renumbered, in the copy.
			p := at + 10
			for flags := symbolContinue; flags&symbolContinue != 0; {
				flags = int(binary.BigEndian.Uint16(glyfData[p:]))
				component := binary.BigEndian.Uint16(glyfData[p+2:])
				binary.BigEndian.PutUint16(glyfData[p+2:], uint16(sub.index[component]-1))
				p += 4 + componentArgs(flags)
			}
		}
		for len(glyfData)%4 != 0 {
			glyfData = append(glyfData, 0)
		}
	}
	pos := len(glyfData)
	offsets = append(offsets, pos)
	utf.setOutTable("glyf", glyfData)
	utf.setOutTable("hmtx", hmtxData)

	locaFormat := 0
	var locaData []byte
	if ((pos + 1) >> 1) > 0xFFFF {
		locaFormat = 1
		locaData = make([]byte, 0, 4*len(offsets))
		for _, offset := range offsets {
			locaData = binary.BigEndian.AppendUint32(locaData, uint32(offset))
		}
	} else {
		locaData = make([]byte, 0, 2*len(offsets))
		for _, offset := range offsets {
			locaData = binary.BigEndian.AppendUint16(locaData, uint16(offset/2))
		}
	}
	utf.setOutTable("loca", locaData)

	// head with the loca format and its checksum adjustment zeroed, hhea and
	// maxp with the subset's counts: copies, the font's own are shared.
	head := slices.Clone(utf.getTableData("head"))
	binary.BigEndian.PutUint16(head[50:], uint16(locaFormat))
	copy(head[8:12], []byte{0, 0, 0, 0})
	utf.setOutTable("head", head)
	hhea := slices.Clone(utf.getTableData("hhea"))
	binary.BigEndian.PutUint16(hhea[34:], uint16(numSymbols))
	utf.setOutTable("hhea", hhea)
	maxp := slices.Clone(utf.getTableData("maxp"))
	binary.BigEndian.PutUint16(maxp[4:], uint16(numSymbols))
	utf.setOutTable("maxp", maxp)

	utf.setOutTable("OS/2", utf.getTableData("OS/2"))

	return utf.assembleTables()
}

// parseHMTXTable sets the widths of the characters of the map (chars and
// glyphs, in the order of the cmap's segments) from the hmtx table.
//
// presskit patch: the widths are read where they lie in the font, not decoded
// into a slice first, and the characters come from the cmap's own order instead
// of a map of glyph → characters. Upstream set the widths glyph by glyph in
// ascending order; a character that two segments map (a broken font) gets the
// width of the higher glyph, as it did.
func (utf *utf8FontFile) parseHMTXTable(numberOfHMetrics, numSymbols int, chars, glyphs []uint16, scale float64) {
	start := utf.SeekTable("hmtx")
	hmtx := utf.getRange(start, numberOfHMetrics*4)
	advance := func(glyph int) int {
		return int(hmtx[4*glyph])<<8 | int(hmtx[4*glyph+1])
	}
	// presskit patch: as long as the highest character the font maps (at least
	// 256), not 65,536 entries.
	maxChar := 255
	for _, c := range chars {
		if c != 65535 && int(c) > maxChar {
			maxChar = int(c)
		}
	}
	utf.CharWidths = make([]int32, maxChar+1)
	// Glyphs past the metrics take the last advance; upstream zeroed one of
	// 32,768 or more only if a character maps that glyph.
	lastWidth := 0
	if numberOfHMetrics > 0 {
		w := advance(0)
		if w >= 1<<15 {
			w = 0
		}
		utf.DefaultWidth = scale * float64(w)
		lastWidth = advance(numberOfHMetrics - 1)
		if lastWidth >= 1<<15 && (numberOfHMetrics == 1 || slices.Contains(glyphs, uint16(numberOfHMetrics-1))) {
			lastWidth = 0
		}
	}
	glyphEnd := max(numberOfHMetrics, numSymbols)
	charCount := 0
	set := func(c, glyph int) {
		if glyph == 0 || glyph >= glyphEnd || c == 0 || c == 65535 {
			return
		}
		w := lastWidth
		if glyph < numberOfHMetrics {
			if w = advance(glyph); w >= 1<<15 {
				w = 0
			}
		}
		width := int(math.Round(scale * float64(w)))
		if width == 0 {
			width = 65535
		}
		utf.CharWidths[c] = int32(width)
		charCount++
	}
	if slices.IsSorted(chars) && !hasRepeat(chars) {
		for i, c := range chars {
			set(int(c), int(glyphs[i]))
		}
	} else {
		// A character mapped twice: in upstream's order, by glyph.
		order := make([]int, len(chars))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return glyphs[order[a]] < glyphs[order[b]] })
		for _, i := range order {
			set(int(chars[i]), int(glyphs[i]))
		}
	}
	utf.CharWidths[0] = int32(charCount)
}

// hasRepeat says whether two neighbours of s are equal.
func hasRepeat(s []uint16) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			return true
		}
	}
	return false
}

func (utf *utf8FontFile) parseLOCATable(format, numSymbols int) {
	start := utf.SeekTable("loca")
	// presskit patch: the offsets decoded from the font into a slice of their
	// size, not through a slice of them grown an element at a time.
	if format == 0 {
		data := utf.getRange(start, (numSymbols*2)+2)
		utf.symbolPosition = make([]int, numSymbols+1)
		for n := range utf.symbolPosition {
			utf.symbolPosition[n] = int(binary.BigEndian.Uint16(data[2*n:])) * 2
		}
	} else if format == 1 {
		data := utf.getRange(start, (numSymbols*4)+4)
		utf.symbolPosition = make([]int, numSymbols+1)
		for n := range utf.symbolPosition {
			utf.symbolPosition[n] = int(binary.BigEndian.Uint32(data[4*n:]))
		}
	} else {
		utf.symbolPosition = make([]int, 0)
		fmt.Printf("Unknown loca table format %d\n", format)
		return
	}
}

// readCmap4 reads the format 4 character map at pos: every character its
// segments cover and the glyph of each, in the segments' order.
//
// presskit patch: read where they lie in the font into two slices of their
// size; upstream (and patch 18) built a map of character → glyph and one of
// glyph → characters, which cost most of a font's parse.
func (utf *utf8FontFile) readCmap4(pos int) (chars, glyphs []uint16) {
	b := utf.fileReader.array
	u16 := func(p int) int { return int(b[p])<<8 | int(b[p+1]) }
	rim := pos + u16(pos+2)
	segments := u16(pos+6) / 2
	ends := pos + 14
	starts := ends + 2*segments + 2
	deltas := starts + 2*segments
	offsets := deltas + 2*segments
	total := 0
	for n := 0; n < segments; n++ {
		total += max(0, u16(ends+2*n)+1-u16(starts+2*n))
	}
	if total > 1<<17 {
		total = 1 << 17 // a hint: a broken font may claim far more
	}
	chars = make([]uint16, 0, total)
	glyphs = make([]uint16, 0, total)
	for n := 0; n < segments; n++ {
		first, last := u16(starts+2*n), u16(ends+2*n)
		delta := int(int16(u16(deltas + 2*n)))
		offset := u16(offsets + 2*n)
		for c := first; c <= last; c++ {
			var glyph int
			if offset == 0 {
				glyph = (c + delta) & 0xFFFF
			} else if p := offsets + 2*n + 2*(c-first) + offset; p < rim {
				if glyph = u16(p); glyph != 0 {
					glyph = (glyph + delta) & 0xFFFF
				}
			}
			chars = append(chars, uint16(c))
			glyphs = append(glyphs, uint16(glyph))
		}
	}
	return chars, glyphs
}

// setCmap keeps the character map read by readCmap4 for glyphOf: as it is when
// every character comes once in ascending order (a well-formed font), or else
// sorted with the last glyph of each character, the one upstream's map kept.
func (utf *utf8FontFile) setCmap(chars, glyphs []uint16) {
	if slices.IsSorted(chars) && !hasRepeat(chars) {
		utf.cmapChars, utf.cmapGlyphs = chars, glyphs
		return
	}
	order := make([]int, len(chars))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return chars[order[a]] < chars[order[b]] })
	utf.cmapChars, utf.cmapGlyphs = make([]uint16, 0, len(chars)), make([]uint16, 0, len(chars))
	for k, i := range order {
		if k+1 < len(order) && chars[order[k+1]] == chars[i] {
			continue
		}
		utf.cmapChars = append(utf.cmapChars, chars[i])
		utf.cmapGlyphs = append(utf.cmapGlyphs, glyphs[i])
	}
}

// glyphOf is the glyph the font's character map gives c, and whether it maps c.
func (utf *utf8FontFile) glyphOf(c int) (int, bool) {
	if c < 0 || c > 0xFFFF {
		return 0, false
	}
	i, ok := slices.BinarySearch(utf.cmapChars, uint16(c))
	if !ok {
		return 0, false
	}
	return int(utf.cmapGlyphs[i]), true
}

func max(i, n int) int {
	if n > i {
		return n
	}
	return i
}

// assembleTables writes the font file: the table directory, then the tables in
// the order of their tags, each padded to four bytes.
//
// presskit patch: the file is written into one slice of its final size and its
// checksum adjustment set in place; upstream copied every table twice, grew the
// file append by append and copied it once more to set the adjustment. Tables
// are read, never padded in place: some are slices of the shared parsed font.
func (utf *utf8FontFile) assembleTables() []byte {
	tables := utf.outTables
	slices.SortFunc(tables, func(a, b outTable) int { return strings.Compare(a.tag, b.tag) })
	tablesCount := len(tables)
	findSize := 1
	writer := 0
	for findSize*2 <= tablesCount {
		findSize = findSize * 2
		writer = writer + 1
	}
	findSize = findSize * 16
	rOffset := tablesCount*16 - findSize

	size := 12 + tablesCount*16
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	answer := make([]byte, 0, size)
	answer = append(answer, packHeader(0x00010000, tablesCount, findSize, writer, rOffset)...)

	offset := 12 + tablesCount*16
	begin := 0
	// The file's checksum is the sum of the directory's and of the tables'
	// (each padded to four bytes): no second pass over the file.
	var sum uint32
	for _, t := range tables {
		if t.tag == "head" {
			begin = offset
		}
		answer = append(answer, t.tag...)
		tableSum := tableSum(t.data)
		sum += tableSum
		answer = binary.BigEndian.AppendUint32(answer, tableSum)
		answer = binary.BigEndian.AppendUint32(answer, uint32(offset))
		answer = binary.BigEndian.AppendUint32(answer, uint32(len(t.data)))
		offset += (len(t.data) + 3) &^ 3
	}
	sum += tableSum(answer)
	var pad [3]byte
	for _, t := range tables {
		answer = append(answer, t.data...)
		answer = append(answer, pad[:((len(t.data)+3)&^3)-len(t.data)]...)
	}

	checksum := utf.calcInt32([]int{0xB1B0, 0xAFBA}, []int{int(sum >> 16), int(sum & 0xFFFF)})
	binary.BigEndian.PutUint16(answer[begin+8:], uint16(checksum[0]))
	binary.BigEndian.PutUint16(answer[begin+10:], uint16(checksum[1]))
	return answer
}

// tableChecksum is generateChecksum of data padded with zeros to four bytes,
// without padding data itself. (presskit patch)
func tableChecksum(data []byte) (hi, lo int) {
	sum := tableSum(data)
	return int(sum >> 16), int(sum & 0xFFFF)
}

// tableSum is the TrueType checksum of data: the sum of its big-endian 32-bit
// words, the last padded with zeros. (presskit patch: upstream summed the
// halves of each word and carried between them, the same number.)
func tableSum(data []byte) uint32 {
	var sum uint32
	n := len(data) &^ 3
	for i := 0; i < n; i += 4 {
		sum += binary.BigEndian.Uint32(data[i:])
	}
	if n < len(data) {
		var b [4]byte
		copy(b[:], data[n:])
		sum += binary.BigEndian.Uint32(b[:])
	}
	return sum
}

func unpackUint16(data []byte) int {
	return int(binary.BigEndian.Uint16(data))
}

func packHeader(N uint32, n1, n2, n3, n4 int) []byte {
	answer := make([]byte, 0)
	bs4 := make([]byte, 4)
	binary.BigEndian.PutUint32(bs4, N)
	answer = append(answer, bs4...)
	bs := make([]byte, 2)
	binary.BigEndian.PutUint16(bs, uint16(n1))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n2))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n3))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n4))
	answer = append(answer, bs...)
	return answer
}

func pack2Uint16(n1, n2 int) []byte {
	answer := make([]byte, 0)
	bs := make([]byte, 2)
	binary.BigEndian.PutUint16(bs, uint16(n1))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n2))
	answer = append(answer, bs...)
	return answer
}

func pack2Uint32(n1, n2 int) []byte {
	answer := make([]byte, 0)
	bs := make([]byte, 4)
	binary.BigEndian.PutUint32(bs, uint32(n1))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint32(bs, uint32(n2))
	answer = append(answer, bs...)
	return answer
}

func packUint32(n1 int) []byte {
	bs := make([]byte, 4)
	binary.BigEndian.PutUint32(bs, uint32(n1))
	return bs
}

func packUint16(n1 int) []byte {
	bs := make([]byte, 2)
	binary.BigEndian.PutUint16(bs, uint16(n1))
	return bs
}

func keySortInt(s map[int]int) []int {
	keys := make([]int, len(s))
	i := 0
	for key := range s {
		keys[i] = key
		i++
	}
	sort.Ints(keys)
	return keys
}

func keySortArrayRangeMap(s map[int][]int) []int {
	keys := make([]int, len(s))
	i := 0
	for key := range s {
		keys[i] = key
		i++
	}
	sort.Ints(keys)
	return keys
}

// UTF8CutFont is a utility function that generates a TrueType font composed
// only of the runes included in cutset. The rune glyphs are copied from This
// function is demonstrated in ExampleUTF8CutFont().
func UTF8CutFont(inBuf []byte, cutset string) (outBuf []byte) {
	f := newUTF8Font(&fileReader{readerPosition: 0, array: inBuf})
	runes := map[int]int{}
	for i, r := range cutset {
		runes[i] = int(r)
	}
	outBuf = f.GenerateCutFont(runes)
	return
}

// keptNames are the name IDs shortNameTable keeps: copyright (0), family (1),
// subfamily (2), full name (4), PostScript name (6) and the licence URL (14).
var keptNames = [...]bool{0: true, 1: true, 2: true, 4: true, 6: true, 14: true}

// shortNameTable returns a format 0 "name" table with only the records of
// keptNames, their strings in record order. A table it cannot read is returned
// as it is. (presskit patch)
func shortNameTable(name []byte) []byte {
	if len(name) < 6 || unpackUint16(name[0:2]) != 0 {
		return name
	}
	count := unpackUint16(name[2:4])
	strOff := unpackUint16(name[4:6])
	if 6+12*count > len(name) || strOff > len(name) {
		return name
	}
	type rec struct{ head, str []byte }
	var recs []rec
	for i := 0; i < count; i++ {
		r := name[6+12*i : 18+12*i]
		id := unpackUint16(r[6:8])
		ln, off := unpackUint16(r[8:10]), unpackUint16(r[10:12])
		if strOff+off+ln > len(name) {
			return name
		}
		if id < len(keptNames) && keptNames[id] {
			recs = append(recs, rec{r, name[strOff+off : strOff+off+ln]})
		}
	}
	if len(recs) == 0 {
		return name
	}
	out := make([]byte, 0, len(name))
	out = append(out, packUint16(0)...)
	out = append(out, packUint16(len(recs))...)
	out = append(out, packUint16(6+12*len(recs))...)
	pos := 0
	for _, r := range recs {
		out = append(out, r.head[:8]...)
		out = append(out, packUint16(len(r.str))...)
		out = append(out, packUint16(pos)...)
		pos += len(r.str)
	}
	for _, r := range recs {
		out = append(out, r.str...)
	}
	return out
}

// pdfNameChars keeps the characters of s that a PostScript name, and a PDF name
// without escapes, may hold: ASCII letters, digits, '-' and '_'. (presskit patch)
func pdfNameChars(s string) string {
	b := make([]byte, 0, len(s))
	for _, c := range []byte(s) {
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			b = append(b, c)
		}
	}
	return string(b)
}
