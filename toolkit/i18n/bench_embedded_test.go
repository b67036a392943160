package i18n_test

import (
	"testing"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/i18n"
)

// BenchmarkLoadEmbedded loads presskit's own interface strings, as every document command
// does: parsing the files, and walking the trees of their snapshot.
func BenchmarkLoadEmbedded(b *testing.B) {
	for _, c := range []struct {
		name string
		snap string
	}{{"files", ""}, {"snapshot", content.StringsSnapshot}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := i18n.LoadLayers(i18n.Layer{FS: content.FS, Dir: "i18n", Snapshot: c.snap}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
