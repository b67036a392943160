package kit

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// TestBuildSameOnAnyCores: the example kit's documents are made side by side; on one
// core or several the files, their bytes and their order are the same.
func TestBuildSameOnAnyCores(t *testing.T) {
	e := loadExampleKit(t)
	lib, cat, k := e.lib, e.cat, e.kit
	var seen []document.Kind
	opt := e.opt
	opt.Progress = func(kind document.Kind, _ string) { seen = append(seen, kind) }
	build := func(procs int) *Built {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		b, err := Build(lib, cat, k, opt)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	one, many := build(1), build(4)
	if len(seen) != 2*len(k.Documents) {
		t.Errorf("progress called %d times for %d documents twice", len(seen), len(k.Documents))
	}
	if len(one.Files) != len(many.Files) {
		t.Fatalf("%d files on one core, %d on four", len(one.Files), len(many.Files))
	}
	for i := range one.Files {
		if one.Files[i].Name != many.Files[i].Name || !bytes.Equal(one.Files[i].Data, many.Files[i].Data) {
			t.Errorf("file %d: %s on one core, %s on four, or their bytes differ", i, one.Files[i].Name, many.Files[i].Name)
		}
	}
	// Made is in the same order on any number of cores, every document of the kit
	// in every language.
	if len(one.Made) != len(many.Made) || len(many.Made) != 2*len(k.Documents) {
		t.Fatalf("made %d documents on one core, %d on four, for %d in two languages", len(one.Made), len(many.Made), len(k.Documents))
	}
	for i := range many.Made {
		a, b := one.Made[i].Doc, many.Made[i].Doc
		if a.Kind != b.Kind || a.Lang != b.Lang {
			t.Errorf("made[%d] is %s [%s] on one core, %s [%s] on four", i, a.Kind, a.Lang, b.Kind, b.Lang)
		}
	}
}
