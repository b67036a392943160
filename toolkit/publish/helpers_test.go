package publish

import (
	"testing"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
)

// embedded is presskit's own library, in English and Russian, and its interface strings.
func embedded(t *testing.T) (*library.Library, *i18n.Catalog) {
	t.Helper()
	lib, probs := library.Load([]library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}},
		library.Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	return lib, cat
}
