// Copyright ©2026 The presskit Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"math"
	"reflect"
	"slices"
	"testing"
)

// upstreamSCCS is upstream's generateSCCSDictionaries, kept as the reference for
// readCmap4: maps grown from empty, a slice per glyph.
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

// upstreamHMTX is parseHMTXTable as it was before patch 19 (upstream's, with the
// widths cut at the highest character, patch 4): the widths decoded into a slice,
// the characters from a map of glyph → characters.
func (utf *utf8FontFile) upstreamHMTX(numberOfHMetrics, numSymbols int, symbolToChar map[int][]int, scale float64) {
	start := utf.SeekTable("hmtx")
	maxChar := 255
	for _, chars := range symbolToChar {
		for _, c := range chars {
			if c != 65535 && c > maxChar && c < 196608 {
				maxChar = c
			}
		}
	}
	utf.CharWidths = make([]int32, maxChar+1)
	charCount := 0
	arr := []int{0}
	for _, b := range slices.Collect(slices.Chunk(utf.getRange(start, numberOfHMetrics*4), 2)) {
		arr = append(arr, int(b[0])<<8|int(b[1]))
	}
	arrayWidths := 0
	set := func(symbol int) {
		for _, char := range symbolToChar[symbol] {
			if char != 0 && char != 65535 {
				widths := int(math.Round(scale * float64(arrayWidths)))
				if widths == 0 {
					widths = 65535
				}
				if char < 196608 {
					utf.CharWidths[char] = int32(widths)
					charCount++
				}
			}
		}
	}
	for symbol := 0; symbol < numberOfHMetrics; symbol++ {
		arrayWidths = arr[(symbol*2)+1]
		if _, OK := symbolToChar[symbol]; OK || symbol == 0 {
			if arrayWidths >= (1 << 15) {
				arrayWidths = 0
			}
			if symbol == 0 {
				utf.DefaultWidth = scale * float64(arrayWidths)
				continue
			}
			set(symbol)
		}
	}
	for symbol := numberOfHMetrics; symbol < numSymbols; symbol++ {
		if _, OK := symbolToChar[symbol]; OK {
			set(symbol)
		}
	}
	utf.CharWidths[0] = int32(charCount)
}

// format4 finds the format 4 subtable of the font's cmap, as parseCMAPTable does.
func format4(t *testing.T, utf *utf8FontFile) int {
	cmap := utf.SeekTable("cmap")
	utf.skip(2)
	for i, n := 0, utf.readUint16(); i < n; i++ {
		system, coder, off := utf.readUint16(), utf.readUint16(), utf.readUint32()
		if ((system == 3 && coder == 1) || system == 0) && utf.getUint16(cmap+off) == 4 {
			return cmap + off
		}
	}
	t.Fatal("no format 4 cmap")
	return 0
}

// TestCmapAsUpstream: for each of presskit's six faces, the character map and
// the widths are those upstream's code reads.
func TestCmapAsUpstream(t *testing.T) {
	for _, name := range faces {
		utf := newUTF8Font(&fileReader{array: font(t, name)})
		if err := utf.parseFile(); err != nil {
			t.Fatal(err)
		}
		pos := format4(t, utf)
		wantSC, wantCS := utf.upstreamSCCS(pos)
		got := map[int]int{}
		for c := 0; c <= 0xFFFF; c++ {
			if g, ok := utf.glyphOf(c); ok {
				got[c] = g
			}
		}
		if len(got) < 600 || !reflect.DeepEqual(got, wantCS) {
			t.Fatalf("%s: %d characters; character map differs from upstream's", name, len(got))
		}
		widths, dw := utf.CharWidths, utf.DefaultWidth
		utf.SeekTable("maxp")
		utf.skip(4)
		numGlyphs := utf.readUint16()
		utf.upstreamHMTX(utf.hMetrics, numGlyphs, wantSC, 1000.0/float64(utf.fontElementSize))
		if !slices.Equal(widths, utf.CharWidths) || dw != utf.DefaultWidth {
			t.Fatalf("%s: widths differ from upstream's", name)
		}
	}
}

// TestCmapRepeats: a character that two segments map (a broken font) gets the
// glyph upstream's map kept (the last) and the width upstream's loop over glyphs
// left (the highest glyph's), and widths count every pair as upstream did.
func TestCmapRepeats(t *testing.T) {
	// Two hmtx tables of six glyphs, the first with advances 100, 200, … and two
	// past 32,767, the second with glyph 0's past 32,767 too; two character maps,
	// the second without the characters of glyphs 0 and 5.
	var hmtxs [2][]byte
	for i, ws := range [][]int{{100, 200, 300, 40000, 500, 40000}, {40000, 200, 300, 40000, 500, 600}} {
		for _, w := range ws {
			hmtxs[i] = append(hmtxs[i], byte(w>>8), byte(w), 0, 0)
		}
	}
	all := [][2]int{{65, 1}, {66, 2}, {67, 4}, {65, 3}, {300, 2}, {66, 1}, {67, 7}, {68, 0}, {69, 5}, {70, 6}, {65535, 2}}
	maps := [][][2]int{all, slices.Delete(slices.Clone(all), 7, 9)}
	for _, hmtx := range hmtxs {
		for _, pairs := range maps {
			for _, tc := range []struct{ nHM, glyphs int }{{6, 8}, {5, 8}, {6, 6}, {1, 8}, {1, 1}, {4, 4}} {
				var chars, glyphs []uint16
				symbolToChar, charToSymbol := map[int][]int{}, map[int]int{}
				for _, p := range pairs {
					chars, glyphs = append(chars, uint16(p[0])), append(glyphs, uint16(p[1]))
					symbolToChar[p[1]] = append(symbolToChar[p[1]], p[0])
					charToSymbol[p[0]] = p[1]
				}
				utf := &utf8FontFile{fileReader: &fileReader{array: hmtx},
					tableDescriptions: map[string]*tableDescription{"hmtx": {name: "hmtx"}}}
				utf.parseHMTXTable(tc.nHM, tc.glyphs, chars, glyphs, 0.5)
				got, gotDW := utf.CharWidths, utf.DefaultWidth
				utf.upstreamHMTX(tc.nHM, tc.glyphs, symbolToChar, 0.5)
				if !slices.Equal(got, utf.CharWidths) || gotDW != utf.DefaultWidth {
					t.Errorf("%d metrics, %d glyphs: widths %v (%g), upstream's %v (%g)", tc.nHM, tc.glyphs,
						got[60:80], gotDW, utf.CharWidths[60:80], utf.DefaultWidth)
				}
				utf.setCmap(chars, glyphs)
				for c, want := range charToSymbol {
					if g, ok := utf.glyphOf(c); !ok || g != want {
						t.Errorf("glyphOf(%d) = %d, %v; want %d", c, g, ok, want)
					}
				}
				if len(utf.cmapChars) != len(charToSymbol) {
					t.Errorf("%d characters in the map, want %d", len(utf.cmapChars), len(charToSymbol))
				}
			}
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
