package kit

import (
	"os"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/workspace"
)

// exampleKit is examples/kits/migrant-sex-work-framing.yaml over the embedded library and
// strings, with the options a build of it takes (A4, en and ru, PDF and HTML, a fixed date).
type exampleKit struct {
	lib *library.Library
	cat *i18n.Catalog
	kit *Kit
	opt BuildOptions
}

func loadExampleKit(tb testing.TB) exampleKit {
	tb.Helper()
	data, err := os.ReadFile("../../examples/kits/migrant-sex-work-framing.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	srcs := []library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}}
	lib, probs, err := workspace.Open(srcs, []string{"en", "ru"})
	if err != nil || len(probs) > 0 {
		tb.Fatal(err, probs)
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		tb.Fatal(err)
	}
	k, err := Parse("kit.yaml", data, Env{Lib: lib, Langs: []string{"en", "ru"}})
	if err != nil {
		tb.Fatal(err)
	}
	cfg := config.Config{Paper: "a4", Lang: []string{"en", "ru"}, Brand: config.Brand{Colour: config.DefaultBrandColour}}
	when := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	return exampleKit{lib: lib, cat: cat, kit: k,
		opt: BuildOptions{Base: document.Options{Paper: "a4", Config: cfg, Date: when}, Formats: []string{"pdf", "html"}, Created: when}}
}
