package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// organisation.press_url puts a QR code and the short address of the document's HTML
// on the printed handout; presskit config shows the setting; a bad one is named.
func TestPressURLPrintsTheHTMLAddress(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"presskit.yaml": "organisation:\n  name: Butterfly\n  press_url: https://example.org/press/\n"})
	code, out, errs := runCmd(t, dir, nil, "config")
	if code != 0 || !strings.Contains(out, "organisation.press_url") || !strings.Contains(out, "https://example.org/press") {
		t.Errorf("config: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = runCmd(t, dir, fixedDate, "handout", "--lang", "ru", "--format", "pdf", "-o", filepath.Join(dir, "out"))
	if code != 0 {
		t.Fatalf("handout: exit %d\n%s", code, errs)
	}
	text := strings.Join(strings.Fields(pdfPageText(t, filepath.Join(dir, "out", "handout-ru.pdf"), 1)), "")
	if !strings.Contains(text, "example.org/press/handout-ru.html") || strings.Contains(text, "https://example.org/press") {
		t.Errorf("the handout does not print example.org/press/handout-ru.html:\n%s", text)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		if n, _ := exec.Command("pdfinfo", filepath.Join(dir, "out", "handout-ru.pdf")).Output(); strings.Contains(string(n), "Pages:") && !strings.Contains(string(n), "Pages:           1") {
			t.Errorf("the handout is longer than one page:\n%s", n)
		}
	}
	writeFiles(t, dir, map[string]string{"presskit.yaml": "organisation:\n  press_url: example.org/press\n"})
	if code, _, errs := runCmd(t, dir, fixedDate, "handout", "-o", filepath.Join(dir, "out2")); code == 0 || !strings.Contains(errs, "press_url") {
		t.Errorf("a press_url without https://: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "out2")); err == nil {
		entries, _ := os.ReadDir(filepath.Join(dir, "out2"))
		if len(entries) > 0 {
			t.Errorf("wrote %d files with a bad configuration", len(entries))
		}
	}
}
