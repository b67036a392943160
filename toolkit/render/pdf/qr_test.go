package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

const testPressURL = "https://swannet.org/press/2026-12"

// qrRuns counts the runs of dark modules, row by row, of the code of s: the rectangles
// the PDF draws for it.
func qrRuns(t *testing.T, s string) int {
	mods := qrModules(s)
	if len(mods) < 21 {
		t.Fatalf("a QR code of %d modules", len(mods))
	}
	n := 0
	for _, row := range mods {
		for x := range row {
			if row[x] && (x == 0 || !row[x-1]) {
				n++
			}
		}
	}
	return n
}

// The QR code is one black rectangle per run of dark modules, in an 18 mm square,
// with the short address under it.
func TestQRCodeIsDrawnModuleByModule(t *testing.T) {
	l, done := testLay(t, "a4", 0)
	defer done()
	l.d = &document.Doc{Kind: document.Handout, Lang: "en", HTMLURL: testPressURL + "/handout-en.html"}
	b, ok := l.qrBox()
	if !ok {
		t.Fatal("no QR code")
	}
	rects, text := 0, ""
	for _, o := range b.ops {
		switch o.k {
		case opRect:
			rects++
			if o.x < 0 || o.y < 0 || o.x+o.w > qrSize+1e-9 || o.y+o.h > qrSize+0.03 || o.fill == nil || *o.fill != (rgb{0, 0, 0}) {
				t.Fatalf("module %+v outside the %g mm square or not black", o, qrSize)
			}
		case opText:
			text += o.s
			if o.w > qrSize+1e-9 {
				t.Errorf("address line %q is %.1f mm wide, wider than the code", o.s, o.w)
			}
		}
	}
	if want := qrRuns(t, l.d.HTMLURL); rects != want {
		t.Errorf("%d rectangles, want %d (one per run of dark modules)", rects, want)
	}
	if text != "swannet.org/press/2026-12/handout-en.html" {
		t.Errorf("address under the code %q", text)
	}
	// Only the handout and the brief carry it; the prep sheet is not published.
	l.d.Kind = document.Prep
	if _, ok := l.qrBox(); ok {
		t.Error("a prep sheet with a QR code")
	}
}

// The printed handout and brief carry the code and the address, and stay within their
// pages in both languages on A4 and Letter.
func TestQRCodeOnTheHandoutAndBrief(t *testing.T) {
	qpdf, _ := exec.LookPath("qpdf")
	for _, k := range []struct {
		kind  document.Kind
		pages int
	}{{document.Handout, 1}, {document.Brief, 2}} {
		for _, lang := range []string{"en", "ru"} {
			for _, paper := range []string{"a4", "letter"} {
				name := string(k.kind) + "-" + lang + "-" + paper
				t.Run(name, func(t *testing.T) {
					d := realDoc(t, k.kind, lang, paper)
					d.HTMLURL = testPressURL + "/" + string(k.kind) + "-" + lang + ".html"
					b, st := renderDoc(t, d)
					keep(t, "qr-"+name+".pdf", b)
					if st.Pages > k.pages {
						t.Errorf("%d pages with the QR code, want at most %d", st.Pages, k.pages)
					}
					text := strings.Join(strings.Fields(pdftotext(t, b)), "")
					if want := "swannet.org/press/2026-12/" + string(k.kind) + "-" + lang + ".html"; !strings.Contains(text, want) {
						t.Errorf("the PDF's text lacks %s", want)
					}
					if qpdf == "" {
						return
					}
					d.HTMLURL = ""
					plain, _ := renderDoc(t, d)
					with, without := countRects(t, qpdf, b), countRects(t, qpdf, plain)
					if want := qrRuns(t, testPressURL+"/"+string(k.kind)+"-"+lang+".html"); with-without != want {
						t.Errorf("%d rectangles with the code, %d without: %d more, want %d", with, without, with-without, want)
					}
				})
			}
		}
	}
}

// countRects counts the rectangle operators in a PDF's uncompressed content streams.
func countRects(t *testing.T, qpdf string, b []byte) int {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return len(regexp.MustCompile(`\bre\b`).FindAll(data, -1))
}
