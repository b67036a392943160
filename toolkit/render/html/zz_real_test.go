package html

import (
	"os"
	"path/filepath"
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

type zzLoc struct{ l *i18n.Locale }

func (z zzLoc) Lang() string { return z.l.Lang }
func (z zzLoc) String(k string) string {
	s := z.l.T(k)
	if s == k {
		return ""
	}
	return s
}
func (z zzLoc) Date(t time.Time) string      { return z.l.Date(t) }
func (z zzLoc) Typography() typography.Rules { return z.l.Typography }

var zzMyths = []string{"myth-all-migrant-sex-workers-are-trafficked", "myth-trafficking-is-only-about-the-sex-industry", "myth-police-raids-rescue-victims",
	"myth-more-policing-fewer-trafficked-people", "myth-average-age-13", "myth-sex-workers-cannot-speak-for-themselves", "myth-illegal-is-a-neutral-word",
	"myth-prostitute-is-a-neutral-word", "myth-decriminalisation-helps-traffickers"}

// Temporary: real documents from the embedded library, as HTML and PDF. Deleted before hand-off.
func TestZZWriteReal(t *testing.T) {
	dir := os.Getenv("HTMLCHECK")
	if dir == "" {
		t.Skip()
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	lib, _, err := workspace.Open([]library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}}, []string{"en", "ru"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{Organisation: config.Organisation{Name: "SWAN", URL: "https://swannet.org/", Email: "press@swannet.org", Phone: "+36 1 234 5678"},
		Contacts: []config.Contact{{Name: "Anna Kovács", Role: "Communications", Email: "anna@swannet.org", Phone: "+36 30 123 4567"}}, Brand: config.Brand{Colour: config.DefaultBrandColour}}
	date := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	type job struct {
		name  string
		build func(*library.Library, document.Locale, document.Options) (*document.Doc, error)
		sel   library.Selection
	}
	jobs := []job{
		{"handout4", document.BuildHandout, library.Selection{IDs: zzMyths[:4]}},
		{"handout6", document.BuildHandout, library.Selection{IDs: zzMyths[:6]}},
		{"handout8", document.BuildHandout, library.Selection{IDs: zzMyths[:8]}},
		{"brief", document.BuildBrief, library.Selection{}},
		{"prep", document.BuildPrep, library.Selection{}},
		{"prepcrim", document.BuildPrep, library.Selection{Tags: []string{"criminalisation"}}},
		{"preppol", document.BuildPrep, library.Selection{Tags: []string{"policing"}}},
	}
	for _, lang := range []string{"en", "ru"} {
		l, _ := cat.Locale(lang)
		for _, paper := range []string{"a4", "letter"} {
			for _, j := range jobs {
				d, err := j.build(lib, zzLoc{l}, document.Options{Paper: paper, Config: cfg, Date: date, Selection: j.sel})
				if err != nil {
					t.Fatal(err)
				}
				base := filepath.Join(dir, "real-"+j.name+"-"+lang+"-"+paper)
				f, _ := os.Create(base + ".html")
				if err := Render(f, d, Options{}); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
		}
	}
}
