package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// Set PRESSKIT_PDF_OUT to a folder to keep the PDFs the tests make, to look at them.
func keep(t *testing.T, name string, b []byte) {
	dir := os.Getenv("PRESSKIT_PDF_OUT")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func renderDoc(t *testing.T, d *document.Doc) ([]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	var st Stats
	if err := Render(&buf, d, Options{Created: created, Stats: &st}); err != nil {
		t.Fatalf("render %s %s %s: %v", d.Kind, d.Lang, d.Paper, err)
	}
	return buf.Bytes(), st
}

var pageObj = regexp.MustCompile(`/Type /Page\b[^s]`)

// pdftotext returns the text of a PDF, or skips the test when pdftotext is missing.
func pdftotext(t *testing.T, b []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-raw", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// norm collapses white space (no-break spaces included) and joins words broken after
// a hyphen at the end of a line, so that texts compare whatever the line breaks.
func norm(s string) string {
	// A line that ends in a hyphen is a hyphenated Russian word: the layout never breaks a
	// word at its own hyphen ("секс-работники").
	s = regexp.MustCompile(`(\pL)-\n`).ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "- ", "-")
}

// docTexts lists the texts of d that must come out of the PDF.
func docTexts(d *document.Doc) []string {
	out := []string{d.Title, d.Intro.Plain(), d.DateText, d.Masthead.Org}
	for _, s := range d.Sections {
		out = append(out, s.Heading)
		for _, b := range s.Blocks {
			for _, r := range []document.Rich{b.Head, b.Body, b.Use, b.Leave, b.Bridge} {
				for _, p := range r {
					var sb strings.Builder
					for _, sp := range p.Spans {
						sb.WriteString(sp.Text)
					}
					out = append(out, sb.String())
				}
			}
			out = append(out, b.Speaker, b.Role)
			out = append(out, b.Avoid...)
			out = append(out, b.Say...)
		}
	}
	for _, r := range d.References {
		t := r.Title
		if d.Kind == document.Brief {
			t = r.Text
		}
		if d.Lang == "ru" {
			t = dropBrackets(t) // Russian print leaves out the translated titles
		}
		out = append(out, t)
	}
	return out
}

var kinds = []struct {
	kind     document.Kind
	maxPages int
}{{document.Handout, 1}, {document.Brief, 2}, {document.Prep, 1}}

func TestEveryDocumentFitsItsPagesInEveryLanguageAndPaper(t *testing.T) {
	for _, k := range kinds {
		for _, lang := range []string{"en", "ru"} {
			for _, paper := range []string{"a4", "letter"} {
				name := string(k.kind) + "-" + lang + "-" + paper
				t.Run(name, func(t *testing.T) {
					d := realDoc(t, k.kind, lang, paper)
					b, st := renderDoc(t, d)
					keep(t, name+".pdf", b)
					if st.Pages < 1 || st.Pages > k.maxPages {
						t.Errorf("%d pages, want 1..%d", st.Pages, k.maxPages)
					}
					if n := len(pageObj.FindAll(b, -1)); n != st.Pages {
						t.Errorf("PDF has %d page objects, Stats says %d", n, st.Pages)
					}
					if st.BodySize < 9 {
						t.Errorf("body text %.2f pt, want at least 9", st.BodySize)
					}
					t.Logf("%d page(s), step %d, body %.2f pt, %d bytes", st.Pages, st.Step, st.BodySize, len(b))
				})
			}
		}
	}
}

func TestTextComesBackFromThePDF(t *testing.T) {
	for _, k := range kinds {
		for _, lang := range []string{"en", "ru"} {
			t.Run(string(k.kind)+"-"+lang, func(t *testing.T) {
				d := realDoc(t, k.kind, lang, "a4")
				b, _ := renderDoc(t, d)
				got := norm(pdftotext(t, b))
				for _, want := range docTexts(d) {
					// Labels may be set in capitals.
					if w := norm(want); w != "" && !strings.Contains(got, w) && !strings.Contains(got, strings.ToUpper(w)) {
						t.Errorf("text missing from PDF: %q", w)
					}
				}
				pageOf := strings.NewReplacer("{n}", "1", "{total}", "").Replace(d.Label("page_of"))
				if !strings.Contains(got, norm(pageOf)) {
					t.Errorf("no page number %q in %q", pageOf, got)
				}
			})
		}
	}
}
