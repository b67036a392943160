package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pdfPageText is pdftotext's text of one page; the test is skipped without pdftotext
// unless PRESSKIT_REQUIRE_TOOLS=1.
func pdfPageText(t *testing.T, file string, page int) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("PRESSKIT_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftotext is not installed and PRESSKIT_REQUIRE_TOOLS=1")
		}
		t.Skip("pdftotext is not installed")
	}
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-f", p, "-l", p, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s page %d: %v", file, page, err)
	}
	return string(out)
}

// `handout --lang en+ru` makes one two-page PDF, English on the front and Russian on
// the back, and one HTML page with both.
func TestTwoSidedHandoutFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runCmd(t, dir, fixedDate, "handout", "--lang", "en+ru", "-o", filepath.Join(dir, "out"))
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	if strings.Join(names, " ") != "handout-en-ru.html handout-en-ru.pdf" {
		t.Fatalf("wrote %v, want handout-en-ru.pdf and .html only", names)
	}
	if !strings.Contains(errs, "handout-en-ru.pdf") || !strings.Contains(errs, "2 page(s)") {
		t.Errorf("the report does not say the PDF has two pages:\n%s", errs)
	}
	pdf := filepath.Join(dir, "out", "handout-en-ru.pdf")
	front, back := pdfPageText(t, pdf, 1), pdfPageText(t, pdf, 2)
	if !strings.Contains(front, "Myth") || strings.ContainsAny(front, "ЖжЫы") {
		t.Errorf("page 1 is not the English side:\n%.300s", front)
	}
	if !strings.Contains(back, "Миф") || strings.Contains(back, "Myth") {
		t.Errorf("page 2 is not the Russian side:\n%.300s", back)
	}
	if p3 := exec.Command("pdftotext", "-f", "3", "-l", "3", pdf, "-"); p3.Run() == nil {
		t.Errorf("the PDF has a third page")
	}
	html, _ := os.ReadFile(filepath.Join(dir, "out", "handout-en-ru.html"))
	if !bytes.Contains(html, []byte(`lang="en"`)) || !bytes.Contains(html, []byte(`<article class="side" lang="ru">`)) {
		t.Errorf("the HTML does not hold both sides")
	}
}

// A brief or prep sheet is made one language at a time: en+ru is a usage error, and
// nothing is written. So is a text format of a two-sided handout.
func TestTwoSidedIsForTheHandoutOnly(t *testing.T) {
	for _, args := range [][]string{
		{"brief", "--lang", "en+ru"},
		{"prep", "--lang", "en+ru"},
		{"handout", "--lang", "en+ru", "--format", "txt"},
		{"handout", "--lang", "en+en"},
	} {
		dir := t.TempDir()
		code, _, errs := runCmd(t, dir, fixedDate, append(args, "-o", filepath.Join(dir, "out"))...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, errs)
		}
		if !strings.Contains(errs, "--lang") {
			t.Errorf("%v: the message does not name --lang:\n%s", args, errs)
		}
		if entries, _ := os.ReadDir(filepath.Join(dir, "out")); len(entries) > 0 {
			t.Errorf("%v: wrote %d files", args, len(entries))
		}
	}
}

// bilingual: true on a kit's handout adds the two-sided handout, listed in the index.
func TestKitBilingualHandout(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"presskit.yaml":       "organisation:\n  name: Butterfly\ncontacts:\n  - {name: A. Person, role: Media, email: a@example.org}\n",
		"kits/press-kit.yaml": "title: Kit\nlang: [en, ru]\nformats: [pdf, html, txt]\ndocuments:\n  - type: handout\n    bilingual: true\n  - brief\n",
	})
	code, _, errs := runCmd(t, dir, fixedDate, "build")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, f := range []string{"handout-en.pdf", "handout-ru.pdf", "handout-en-ru.pdf", "handout-en-ru.html", "handout-en.txt", "brief-ru.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, "out", f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "out", "index.html"))
	for _, want := range []string{`href="handout-en-ru.pdf"`, `href="handout-en-ru.html"`, "English &#43; Русский"} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if bytes.Contains(index, []byte(`lang="en+ru"`)) {
		t.Errorf("index.html has lang=\"en+ru\", not a language tag")
	}
	// A two-sided handout needs two languages.
	writeFiles(t, dir, map[string]string{"kits/press-kit.yaml": "title: Kit\nlang: [en]\ndocuments:\n  - {type: handout, bilingual: true}\n"})
	if code, _, errs := runCmd(t, dir, fixedDate, "build"); code == 0 || !strings.Contains(errs, "needs two languages") {
		t.Errorf("a bilingual handout in one language: exit %d\n%s", code, errs)
	}
	// Only a handout is two-sided.
	writeFiles(t, dir, map[string]string{"kits/press-kit.yaml": "title: Kit\nlang: [en, ru]\ndocuments:\n  - {type: brief, bilingual: true}\n"})
	if code, _, errs := runCmd(t, dir, fixedDate, "build"); code == 0 || !strings.Contains(errs, "only a handout") {
		t.Errorf("a bilingual brief: exit %d\n%s", code, errs)
	}
}
