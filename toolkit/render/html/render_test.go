package html

import (
	"bytes"
	"flag"
	"path/filepath"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func render(t *testing.T, d *document.Doc) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.String()
}

func TestRenderMatchesGoldenFiles(t *testing.T) {
	for _, kind := range document.Kinds {
		for _, lang := range []string{"en", "ru"} {
			name := string(kind) + "-" + lang
			t.Run(name, func(t *testing.T) {
				got := render(t, fixtureDoc(kind, lang))
				golden(t, filepath.Join("testdata", name+".golden.html"), got)
			})
		}
	}
}
