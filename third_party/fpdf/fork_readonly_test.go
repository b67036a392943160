// Copyright ©2026 The presskit Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

//go:build unix

package fpdf

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSharedReadOnlyFont: a face in read-only memory, as presskit's embedded
// ones are, subsets for characters whose glyphs lie past its horizontal metrics
// ("Ç" in Noto Serif). Before patch 20 this wrote into the font and the process
// died with "unexpected fault address".
func TestSharedReadOnlyFont(t *testing.T) {
	// A copy whose first table record's checksum (which nothing reads) is
	// changed: bytes of their own, not parsed before by another test into a
	// writable copy.
	b := bytes.Clone(font(t, "NotoSerif-Regular.ttf"))
	b[16] ^= 0xFF
	path := filepath.Join(t.TempDir(), "serif.ttf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer syscall.Munmap(data)
	p := New("P", "mm", "A4", "")
	p.AddUTF8FontFromSharedBytes("serif", "", data)
	p.AddPage()
	p.SetFont("serif", "", 12)
	p.Text(10, 10, "ÇA VA, Ę Į Ţ Ų ‿")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() < 1000 {
		t.Errorf("%d bytes of PDF", buf.Len())
	}
}
