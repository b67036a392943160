// Copyright ©2026 The presskit Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"reflect"
	"testing"
)

// upstreamSCCS is upstream's generateSCCSDictionaries, kept as the reference for the
// presized one: maps grown from empty, a slice per glyph.
func (utf *utf8FontFile) upstreamSCCS(runeCmapPosition int) (map[int][]int, map[int]int) {
	symbolCharDictionary, charSymbolDictionary := map[int][]int{}, map[int]int{}
	utf.seek(runeCmapPosition + 2)
	size := utf.readUint16()
	rim := runeCmapPosition + size
	utf.skip(2)
	segmentSize := utf.readUint16() / 2
	utf.skip(6)
	var completers, beginners, sizes, positions []int
	for i := 0; i < segmentSize; i++ {
		completers = append(completers, utf.readUint16())
	}
	utf.skip(2)
	for i := 0; i < segmentSize; i++ {
		beginners = append(beginners, utf.readUint16())
	}
	for i := 0; i < segmentSize; i++ {
		sizes = append(sizes, int(utf.readInt16()))
	}
	readerPositionStart := utf.fileReader.readerPosition
	for i := 0; i < segmentSize; i++ {
		positions = append(positions, utf.readUint16())
	}
	var symbol int
	for n := 0; n < segmentSize; n++ {
		for char := beginners[n]; char < completers[n]+1; char++ {
			if positions[n] == 0 {
				symbol = (char + sizes[n]) & 0xFFFF
			} else {
				position := int(readerPositionStart) + 2*n + (char-beginners[n])*2 + positions[n]
				if position >= rim {
					symbol = 0
				} else if symbol = utf.getUint16(position); symbol != 0 {
					symbol = (symbol + sizes[n]) & 0xFFFF
				}
			}
			charSymbolDictionary[char] = symbol
			symbolCharDictionary[symbol] = append(symbolCharDictionary[symbol], char)
		}
	}
	return symbolCharDictionary, charSymbolDictionary
}

// TestPresizedCmap: for each of presskit's six faces, the character maps are those
// upstream's code reads, glyph lists in the same order.
func TestPresizedCmap(t *testing.T) {
	for _, name := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
		"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf"} {
		utf := newUTF8Font(&fileReader{array: font(t, name)})
		if err := utf.parseFile(); err != nil {
			t.Fatal(err)
		}
		pos := 0
		// The format 4 subtable parseTables used: find it as generateCMAP does.
		cmap := utf.SeekTable("cmap")
		utf.skip(2)
		for i, n := 0, utf.readUint16(); i < n; i++ {
			system, coder, off := utf.readUint16(), utf.readUint16(), utf.readUint32()
			if ((system == 3 && coder == 1) || system == 0) && utf.getUint16(cmap+off) == 4 {
				pos = cmap + off
				break
			}
		}
		if pos == 0 {
			t.Fatalf("%s: no format 4 cmap", name)
		}
		gotSC, gotCS := utf.generateSCCSDictionaries(pos)
		wantSC, wantCS := utf.upstreamSCCS(pos)
		if len(gotCS) < 600 || !reflect.DeepEqual(gotCS, wantCS) || !reflect.DeepEqual(gotSC, wantSC) {
			t.Fatalf("%s: %d characters; maps differ from upstream's (%v %v)", name, len(gotCS),
				reflect.DeepEqual(gotCS, wantCS), reflect.DeepEqual(gotSC, wantSC))
		}
	}
}

// BenchmarkParseFont is the parse of one face, as each process does once per face.
func BenchmarkParseFont(b *testing.B) {
	data := font(b, "NotoSerif-Regular.ttf")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		utf := newUTF8Font(&fileReader{array: data})
		if err := utf.parseFile(); err != nil {
			b.Fatal(err)
		}
	}
}
