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

// BenchmarkBuildExampleKit builds examples/kits/migrant-sex-work-framing.yaml in process:
// three documents, two languages, PDF and HTML, and the index.
func BenchmarkBuildExampleKit(b *testing.B) {
	data, err := os.ReadFile("../../examples/kits/migrant-sex-work-framing.yaml")
	if err != nil {
		b.Fatal(err)
	}
	srcs := []library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}}
	lib, probs, err := workspace.Open(srcs, []string{"en", "ru"})
	if err != nil || len(probs) > 0 {
		b.Fatal(err, probs)
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		b.Fatal(err)
	}
	k, err := Parse("kit.yaml", data, Env{Lib: lib, Langs: []string{"en", "ru"}})
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Config{Paper: "a4", Lang: []string{"en", "ru"}, Brand: config.Brand{Colour: config.DefaultBrandColour}}
	when := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	opt := BuildOptions{Base: document.Options{Paper: "a4", Config: cfg, Date: when}, Formats: []string{"pdf", "html"}, Created: when}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(lib, cat, k, opt); err != nil {
			b.Fatal(err)
		}
	}
}
