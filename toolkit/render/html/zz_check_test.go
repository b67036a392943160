package html

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// Temporary: writes pages for looking at in a browser. Deleted before hand-off.
func TestZZWriteCheck(t *testing.T) {
	dir := os.Getenv("HTMLCHECK")
	if dir == "" {
		t.Skip()
	}
	for _, kind := range document.Kinds {
		for _, lang := range []string{"en", "ru"} {
			for _, paper := range []string{"a4", "letter"} {
				d := fixtureDoc(kind, lang)
				d.Paper = paper
				f, _ := os.Create(filepath.Join(dir, string(kind)+"-"+lang+"-"+paper+".html"))
				if err := Render(f, d, Options{}); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
		}
	}
}
