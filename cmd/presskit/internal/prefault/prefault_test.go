//go:build linux

package prefault

import (
	"os"
	"testing"
)

func TestCodeMapping(t *testing.T) {
	maps := []byte("00400000-00b3a000 r-xp 00000000 fd:01 123 /usr/bin/presskit\n" +
		"00b3a000-013b3000 r--p 0073a000 fd:01 123 /usr/bin/presskit\n" +
		"7f0000000000-7f0000001000 r-xp 00000000 00:00 0 [vdso]\n")
	lo, hi, ok := codeMapping(maps, "/usr/bin/presskit")
	if !ok || lo != 0x400000 || hi != 0xb3a000 {
		t.Errorf("codeMapping = %#x, %#x, %v", lo, hi, ok)
	}
	if _, _, ok := codeMapping(maps, "/usr/bin/other"); ok {
		t.Error("found a mapping of another file")
	}
}

// TestPopulate runs both on this process (the test binary): the code is found, and on a
// kernel with MADV_POPULATE_* both populate something.
func TestPopulate(t *testing.T) {
	exe, _ := os.Executable()
	if _, err := os.Stat(exe); err != nil {
		t.Skip(err)
	}
	code, heap := populateCode(), populateHeap()
	t.Logf("code %d KB, heap %d KB populated", code>>10, heap>>10)
	if code == 0 && heap != 0 {
		t.Error("the heap was populated but not the code: the code mapping was not found")
	}
}
