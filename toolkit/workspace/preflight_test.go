package workspace

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/presskit/presskit/examples"
	"github.com/presskit/presskit/toolkit/library"
)

// TestExampleItemsAreReadOnlyForALibraryOfOnesOwn: the warning about presskit init's
// example items left in a library names them when a folder of the user's holds them,
// and the example ids are not even read when the library is the embedded one alone.
func TestExampleItemsAreReadOnlyForALibraryOfOnesOwn(t *testing.T) {
	load := func(origin string) *library.Library {
		sub, err := fs.Sub(examples.Workspace, "workspace/library")
		if err != nil {
			t.Fatal(err)
		}
		lib, probs := library.Load([]library.Source{{FS: sub, Name: "library", Origin: origin}},
			library.Options{Languages: []string{"en", "ru"}})
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		return lib
	}
	calls := 0
	ids := func() []string { calls++; return []string{"my-org-report"} }
	got := Preflight{Lib: load("embedded"), Examples: ids}.Warnings()
	if calls != 0 || len(got) != 0 {
		t.Errorf("embedded library only: examples read %d times, warnings %q", calls, got)
	}
	got = Preflight{Lib: load("my-library"), Examples: ids, Show: func(s string) string { return s }}.Warnings()
	if calls != 1 || len(got) != 1 || !strings.Contains(got[0], "my-org-report") {
		t.Errorf("a library of one's own: examples read %d times, warnings %q", calls, got)
	}
}
