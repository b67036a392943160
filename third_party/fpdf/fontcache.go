// Copyright ©2026 The presskit Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// presskit patch: a TrueType font is parsed once per process. Every document that
// adds the same bytes gets a clone of the parsed font (its own reader and subset
// state) sharing the tables, widths and character map read the first time.

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"sync"
	"sync/atomic"
	"unsafe"
)

type parsedUTF8Font struct {
	hash string // hex SHA-1 of the font bytes
	utf  *utf8FontFile
	err  error
}

var utf8Fonts sync.Map // [sha1.Size]byte → *parsedUTF8Font, or a *sync.Once wrapper while parsing

type utf8FontEntry struct {
	once sync.Once
	font parsedUTF8Font
}

// bySlice finds the entry for a slice seen before without hashing it again:
// the key is the address of the slice's first byte (as a number, so that it
// keeps nothing alive) and its length, and a hit is confirmed by comparing the
// bytes (a memcmp, far cheaper than SHA-1). At most maxSlices are remembered.
var (
	bySlice   sync.Map // sliceKey → *utf8FontEntry
	nSlices   atomic.Int32
	maxSlices = int32(64)
)

type sliceKey struct {
	p uintptr
	n int
}

// PreparseUTF8FontShared parses the UTF-8 font in b into the process's cache, as
// AddUTF8FontFromSharedBytes would on first use, without a document: a program with a
// core to spare can parse its fonts ahead, and the first document that adds the same
// slice finds it parsed, or waits for the parse under way rather than repeat it. b must
// never change, as for AddUTF8FontFromSharedBytes. (presskit patch 23)
func PreparseUTF8FontShared(b []byte) error {
	_, _, err := parseUTF8Font(b, true)
	return err
}

// parseUTF8Font returns a document's own copy of the parsed font in b, parsing
// b only the first time these bytes are seen in the process.
//
// shared says that b never changes: the parsed font then keeps b itself, not a
// copy (presskit patch; embedded font files are parsed where they lie).
func parseUTF8Font(b []byte, shared bool) (*utf8FontFile, string, error) {
	if len(b) == 0 {
		return nil, "", errEmptyFont
	}
	sk := sliceKey{uintptr(unsafe.Pointer(&b[0])), len(b)}
	if v, ok := bySlice.Load(sk); ok {
		e := v.(*utf8FontEntry)
		if e.font.err == nil && e.font.utf != nil && bytes.Equal(e.font.utf.fileReader.array, b) {
			return e.font.utf.clone(), e.font.hash, nil
		}
	}
	sum := sha1.Sum(b)
	v, _ := utf8Fonts.LoadOrStore(sum, &utf8FontEntry{})
	e := v.(*utf8FontEntry)
	e.once.Do(func() {
		// Keep a private copy unless shared: the caller may change its slice later.
		data := b
		if !shared {
			data = append([]byte(nil), b...)
		}
		utf := newUTF8Font(&fileReader{array: data})
		e.font = parsedUTF8Font{hash: hex.EncodeToString(sum[:]), utf: utf, err: utf.parseFile()}
	})
	if e.font.err != nil {
		// Forget a failure, so that the same bytes give the same error again.
		utf8Fonts.Delete(sum)
		return nil, "", e.font.err
	}
	if nSlices.Load() < maxSlices {
		if _, loaded := bySlice.LoadOrStore(sk, e); !loaded {
			nSlices.Add(1)
		}
	}
	return e.font.utf.clone(), e.font.hash, nil
}

var errEmptyFont = errors.New("empty font data")

// utf8FontID names a UTF-8 font in the PDF's resources: a hash of its key
// (family and style) and of its bytes, instead of upstream's SHA-1 of the JSON
// encoding of its whole definition, 65,536 widths included. Distinct fonts, and
// the same file added under two names, get distinct IDs.
func utf8FontID(fontKey, bytesHash string) string {
	h := sha1.New()
	h.Write([]byte(fontKey))
	h.Write([]byte{0})
	h.Write([]byte(bytesHash))
	return hex.EncodeToString(h.Sum(nil))
}

// shortFontID is the first 8 hex digits of id, which name the font in the PDF's
// resources and in every font change of its content streams, unless another font
// of f already has them; then it is the whole of id. (presskit patch)
func (f *Fpdf) shortFontID(id string) string {
	if len(id) <= 8 {
		return id
	}
	short := id[:8]
	for _, other := range f.fonts {
		if other.i == short {
			return id
		}
	}
	return short
}
