package html

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/typography"
	"github.com/presskit/presskit/toolkit/workspace"
)

// libraryLocale adapts an i18n.Locale to what the document builder needs.
type libraryLocale struct{ l *i18n.Locale }

func (x libraryLocale) Lang() string                 { return x.l.Lang }
func (x libraryLocale) Date(t time.Time) string      { return x.l.Date(t) }
func (x libraryLocale) Typography() typography.Rules { return x.l.Typography }
func (x libraryLocale) String(key string) string {
	if s := x.l.T(key); s != key {
		return s
	}
	return ""
}

// libraryDocs builds every document in English and Russian from the embedded library,
// with a fixed date and organisation, as `presskit build` would.
func libraryDocs(t testing.TB) map[string]*document.Doc {
	t.Helper()
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	lib, _, err := workspace.Open([]library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}}, []string{"en", "ru"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{
		Organisation: config.Organisation{Name: "SWAN", URL: "https://swannet.org/", Email: "press@swannet.org", Phone: "+36 1 234 5678"},
		Contacts:     []config.Contact{{Name: "Anna Kovács", Role: "Communications", Email: "anna@swannet.org", Phone: "+36 30 123 4567"}},
		Brand:        config.Brand{Colour: config.DefaultBrandColour},
	}
	// A handout takes the myths that fit one page; the others take the defaults.
	myths := library.Selection{IDs: []string{"myth-all-migrant-sex-workers-are-trafficked",
		"myth-police-raids-rescue-victims", "myth-sex-workers-cannot-speak-for-themselves",
		"myth-prostitute-is-a-neutral-word", "myth-criminal-laws-keep-sex-workers-safe"}}
	docs := map[string]*document.Doc{}
	for _, lang := range []string{"en", "ru"} {
		loc, err := cat.Locale(lang)
		if err != nil {
			t.Fatal(err)
		}
		l := libraryLocale{loc}
		opt := document.Options{Paper: "a4", Config: cfg, Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
		hopt := opt
		hopt.Selection = myths
		build := []struct {
			kind document.Kind
			f    func() (*document.Doc, error)
		}{
			{document.Handout, func() (*document.Doc, error) { return document.BuildHandout(lib, l, hopt) }},
			{document.Brief, func() (*document.Doc, error) { return document.BuildBrief(lib, l, opt) }},
			{document.Prep, func() (*document.Doc, error) { return document.BuildPrep(lib, l, opt) }},
		}
		for _, b := range build {
			d, err := b.f()
			if err != nil {
				t.Fatalf("build %s %s: %v", b.kind, lang, err)
			}
			docs[string(b.kind)+"-"+lang] = d
		}
	}
	return docs
}

func TestLibraryDocumentsMatchGoldenFiles(t *testing.T) {
	for name, d := range libraryDocs(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, d, Options{}); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "library-"+name+".golden.html"), buf.String())
		})
	}
}

// webFonts matches an @font-face rule with its data.
var webFonts = regexp.MustCompile(`@font-face \{ font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+);[^\n]*\}`)

// golden compares got with the file at path, or rewrites the file with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	// The embedded faces are tested in package webfont; here they would be noise.
	got = webFonts.ReplaceAllString(got, "@font-face { /* $1 $2 $3, cut to the page */ }")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; run go test -update and review the diff", path)
	}
}
