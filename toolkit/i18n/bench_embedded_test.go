package i18n_test

import (
	"testing"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/i18n"
)

// BenchmarkLoadEmbedded loads presskit's own interface strings, as every document command does.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := i18n.LoadLayers(i18n.Layer{FS: content.FS, Dir: "i18n"}); err != nil {
			b.Fatal(err)
		}
	}
}
