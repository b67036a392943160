package html

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/workspace"
)

// Temporary calibration harness. Deleted before hand-off.
func TestZZCalib(t *testing.T) {
	dir := os.Getenv("HTMLCALIB")
	if dir == "" {
		t.Skip()
	}
	docs := map[string]*document.Doc{}
	for _, k := range document.Kinds {
		for _, l := range []string{"en", "ru"} {
			docs["fx-"+string(k)+"-"+l] = fixtureDoc(k, l)
		}
	}
	cat, _ := i18n.Load(content.FS, "i18n")
	lib, _, _ := workspace.Open([]library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}}, []string{"en", "ru"})
	cfg := config.Config{Organisation: config.Organisation{Name: "SWAN", URL: "https://swannet.org/", Email: "press@swannet.org", Phone: "+36 1 234 5678"},
		Contacts: []config.Contact{{Name: "Anna Kovács", Role: "Communications", Email: "anna@swannet.org", Phone: "+36 30 123 4567"}}}
	for _, l := range []string{"en", "ru"} {
		loc, _ := cat.Locale(l)
		for _, n := range []int{4, 6, 9} {
			d, _ := document.BuildHandout(lib, zzLoc{loc}, document.Options{Paper: "a4", Config: cfg, Date: time.Now(), Selection: library.Selection{IDs: zzMyths[:n]}})
			docs[fmt.Sprintf("real-handout%d-%s", n, l)] = d
		}
		d, _ := document.BuildBrief(lib, zzLoc{loc}, document.Options{Paper: "a4", Config: cfg, Date: time.Now()})
		docs["real-brief-"+l] = d
	}
	var tsv strings.Builder
	re := regexp.MustCompile(`(class="doc [a-z]+ )fit-\d`)
	for name, d := range docs {
		for _, paper := range []string{"a4", "letter"} {
			d.Paper = paper
			var buf bytes.Buffer
			if err := Render(&buf, d, Options{}); err != nil {
				t.Fatal(err)
			}
			p, _ := newDocPage(d, Options{}.fsys())
			w, _ := paperMM(paper)
			for _, step := range []int{0, 4, 8} {
				s := buf.String()
				s = re.ReplaceAllString(s, fmt.Sprintf("${1}fit-%d", step))
				s = regexp.MustCompile(`@page \{ size: [A-Za-z0-9]+;`).ReplaceAllString(s, fmt.Sprintf("@page { size: %.1fmm 3000mm;", w+36))
				s = regexp.MustCompile(`@bottom-right \{[^}]*\}`).ReplaceAllString(s, "")
				f := fmt.Sprintf("c-%s-%s-%d", name, paper, step)
				os.WriteFile(filepath.Join(dir, f+".html"), []byte(s), 0o644)
				fmt.Fprintf(&tsv, "%s\t%.1f\n", f, estimateHeight(d, p.Sections, fitSteps[step], w))
			}
		}
	}
	os.WriteFile(filepath.Join(dir, "est.tsv"), []byte(tsv.String()), 0o644)
}
