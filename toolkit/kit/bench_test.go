package kit

import (
	"testing"
)

// BenchmarkBuildExampleKit builds examples/kits/migrant-sex-work-framing.yaml in process:
// three documents, two languages, PDF and HTML, and the index.
func BenchmarkBuildExampleKit(b *testing.B) {
	e := loadExampleKit(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(e.lib, e.cat, e.kit, e.opt); err != nil {
			b.Fatal(err)
		}
	}
}
