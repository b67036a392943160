package kit

import (
	"bytes"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/workspace"
)

// TestBuildSameOnAnyCores: the example kit's documents are made side by side; on one
// core or several the files, their bytes and their order are the same, in the kit's
// order of documents.
func TestBuildSameOnAnyCores(t *testing.T) {
	data, err := os.ReadFile("../../examples/kits/migrant-sex-work-framing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	srcs := []library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}}
	lib, probs, err := workspace.Open(srcs, []string{"en", "ru"})
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	k, err := Parse("kit.yaml", data, Env{Lib: lib, Langs: []string{"en", "ru"}})
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{Paper: "a4", Lang: []string{"en", "ru"}, Brand: config.Brand{Colour: config.DefaultBrandColour}}
	when := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	var seen []document.Kind
	opt := BuildOptions{Base: document.Options{Paper: "a4", Config: cfg, Date: when}, Formats: []string{"pdf", "html"}, Created: when,
		Progress: func(kind document.Kind, _ string) { seen = append(seen, kind) }}
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
	// Made follows the kit: each document in every language before the next.
	langs := 2
	for i, m := range many.Made {
		if want := k.Documents[i/langs].Kind; m.Doc.Kind != want {
			t.Errorf("made[%d] is a %s, want a %s", i, m.Doc.Kind, want)
		}
	}
}
