package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/presskit/presskit/toolkit/document"
)

// "en+ru" makes one two-page PDF and one HTML page of the handout, English first, with
// the same items in the same order in both languages.
func TestTwoSidedHandout(t *testing.T) {
	lib, cat := embedded(t)
	for _, paper := range []string{"a4", "letter"} {
		made, err := Make(lib, cat, Request{Docs: []document.Kind{document.Handout}, Langs: []string{"en+ru"},
			Formats: []string{"pdf", "html"}, Options: document.Options{Paper: paper, Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)},
			Created: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatalf("%s: %v", paper, err)
		}
		if len(made) != 1 || len(made[0].Files) != 2 {
			t.Fatalf("%s: made %d documents, want one with a PDF and an HTML file", paper, len(made))
		}
		m := made[0]
		if dir := os.Getenv("PRESSKIT_SIDES_OUT"); dir != "" {
			for _, f := range m.Files {
				_ = os.WriteFile(filepath.Join(dir, paper+"-"+f.Name), f.Data, 0o644)
			}
		}
		if m.Files[0].Name != "handout-en-ru.pdf" || m.Files[1].Name != "handout-en-ru.html" {
			t.Errorf("files %s, %s", m.Files[0].Name, m.Files[1].Name)
		}
		if m.Pages != 2 {
			t.Errorf("%s: %d pages, want 2 (English front, Russian back)", paper, m.Pages)
		}
		if n := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(m.Files[0].Data, -1)); n != 2 {
			t.Errorf("%s: the PDF has %d pages", paper, n)
		}
		h := string(m.Files[1].Data)
		en, ru := strings.Index(h, `<article class="side" lang="en">`), strings.Index(h, `<article class="side" lang="ru">`)
		if en < 0 || ru < en {
			t.Errorf("%s: the HTML does not hold the English side then the Russian one", paper)
		}
		// The same items: as many myths on each side.
		if a, b := strings.Count(h[en:ru], `class="block myth"`), strings.Count(h[ru:], `class="block myth"`); a == 0 || a != b {
			t.Errorf("%s: %d myths in English, %d in Russian", paper, a, b)
		}
		ids := map[string]int{}
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(h, -1) {
			ids[m[1]]++
			if ids[m[1]] == 2 {
				t.Errorf("%s: id %q twice in the page", paper, m[1])
			}
		}
		if !bytes.Contains(m.Files[1].Data, []byte(`href="handout-en-ru.pdf"`)) {
			t.Errorf("%s: the page does not link to its PDF", paper)
		}
	}
	if _, err := Make(lib, cat, Request{Docs: []document.Kind{document.Brief}, Langs: []string{"en+ru"}, Formats: []string{"pdf"}}); err == nil ||
		!strings.Contains(err.Error(), "handout only") {
		t.Errorf("a two-sided brief: %v, want an error saying only a handout is two-sided", err)
	}
}
