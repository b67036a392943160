package publish

import (
	"errors"
	"testing"
	"time"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/render/pdf"
)

// TestFitFindsTheLeastLean: for every document of the library, in both languages and on
// both papers, the version fit settles on is the least lean one that fits when every
// lean is laid out one after the other, and leaner versions never stop fitting (which
// the halving search relies on), with a core to spare for the next probe and without.
func TestFitFindsTheLeastLean(t *testing.T) {
	lib, cat := embedded(t)
	covered, err := fonts.Coverage(fonts.Faces()[0].File)
	if err != nil {
		t.Fatal(err)
	}
	cov := func(r rune) bool { return covered[r] }
	created := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	seen := map[int]bool{}
	for kind, build := range builders {
		for _, lang := range []string{"en", "ru"} {
			loc, err := cat.Locale(lang)
			if err != nil {
				t.Fatal(err)
			}
			for _, paper := range []string{"a4", "letter"} {
				opt := document.Options{Paper: paper, Date: created}
				want, fitting := document.MaxLean, false
				for lean := 0; lean < document.MaxLean; lean++ {
					o := opt
					o.Lean = lean
					d, err := build(lib, locale{loc, nil}, o)
					if err != nil {
						t.Fatal(err)
					}
					_, err = pdf.Layout(d, pdf.Options{Created: created, NoSuggest: true})
					var tl *pdf.TooLongError
					switch {
					case err == nil && !fitting:
						want, fitting = lean, true
					case errors.As(err, &tl) && fitting:
						t.Errorf("%s %s %s: lean %d is too long, lean %d fits", kind, lang, paper, lean, want)
					case err != nil && !errors.As(err, &tl):
						t.Fatal(err)
					}
				}
				for _, spare := range []bool{false, true} {
					f, err := fit(lib, locale{loc, nil}, opt, created, cov, build, false, spare)
					if err != nil {
						t.Fatalf("%s %s %s: %v", kind, lang, paper, err)
					}
					if f.lean != want {
						t.Errorf("%s %s %s (spare core %v): fit chose lean %d, want %d", kind, lang, paper, spare, f.lean, want)
					}
				}
				seen[want] = true
			}
		}
	}
	if len(seen) < 2 {
		t.Errorf("every document needed the same lean (%v): the test does not tell the searches apart", seen)
	}
}
