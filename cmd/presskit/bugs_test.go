package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// Rows of ../shared/reviews/newcomer-test.md's bug table that end in success; those that
// end in an error are cases of testdata/bad.

func TestVersionFlagAsGhHasIt(t *testing.T) {
	code, out, errs := runCmd(t, t.TempDir(), nil, "--version")
	if code != 0 || out != "presskit "+version+" ("+runtime.Version()+")\n" {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
}

func TestEnumValuesIgnoreCase(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runCmd(t, dir, fixedDate, "handout", "--paper", "LETTER", "--format", "PDF", "--lang", "EN", "-o", filepath.Join(dir, "o"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "o", "handout-en.pdf")); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(dir, "draft.md")
	os.WriteFile(draft, []byte("Police rescued the prostitutes.\n"), 0o644)
	code, out, errs := runCmd(t, dir, fixedDate, "check", "--format", "JSON", "--min-severity", "AVOID", draft)
	if code != 1 || !strings.Contains(out, `"version": 2`) {
		t.Fatalf("check --format JSON: exit %d\n%s%s", code, out, errs)
	}
}

func TestIDAndLanguageListsAreTrimmedAndDeduplicated(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "o")
	code, _, errs := runCmd(t, dir, fixedDate, "handout", "--ids", "myth-average-age-13, myth-average-age-13,myth-police-raids-rescue-victims",
		"--lang", "en, en", "--format", "html,html", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(errs, "wrote "); n != 1 {
		t.Errorf("%d files reported, want 1 (one language, one format):\n%s", n, errs)
	}
	html, _ := os.ReadFile(filepath.Join(out, "handout-en.html"))
	if n := strings.Count(string(html), "average age of entry into sex work is 13"); n != 1 {
		t.Errorf("the myth appears %d times, want once", n)
	}
	if !strings.Contains(string(html), "13") {
		t.Error("the chosen myth is missing")
	}
}

func TestConfigTableStaysNarrowWithContacts(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"presskit.yaml": "contacts:\n" +
		"  - {name: Alexandra Spokesperson-Longname, role: Media relations and outreach coordination, email: media@example.org, phone: \"+1 416 555 0100\"}\n" +
		"  - {name: B. Second, role: {en: Press, ru: Пресса}, email: b@example.org}\nlang: [en, ru]\n"})
	code, out, errs := runCmd(t, dir, nil, "config")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > 120 && !strings.HasPrefix(line, "Workspace:") && !strings.Contains(line, dir) {
			t.Errorf("line of %d characters:\n%s", n, line)
		}
		if strings.HasPrefix(line, "lang ") && !strings.Contains(line, "en, ru") {
			t.Errorf("lang not shown as a plain list: %s", line)
		}
		if strings.HasPrefix(line, "contacts ") && (!strings.Contains(line, "2: Alexandra") || strings.Contains(line, "{")) {
			t.Errorf("contacts not summarised: %s", line)
		}
	}
	// The default lang is shown the same way as one from a file.
	_, out, _ = runCmd(t, t.TempDir(), nil, "config")
	if !strings.Contains(out, "en, ru") {
		t.Errorf("default lang:\n%s", out)
	}
}

func TestInitBesideAReadmeAndSaysThePathOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"README.md": "my project\n"})
	code, _, errs := runCmd(t, dir, nil, "init")
	if code != 0 {
		t.Fatalf("init in a folder with a README.md: exit %d\n%s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(b) != "my project\n" {
		t.Fatal("README.md overwritten")
	}
	if !strings.Contains(errs, "created PRESSKIT.md") {
		t.Errorf("stderr:\n%s", errs)
	}
	file := filepath.Join(dir, "README.md")
	code, _, errs = runCmd(t, dir, nil, "init", filepath.Join(file, "ws"))
	if code != 1 || strings.Count(errs, file) != 1 {
		t.Fatalf("exit %d; the path should appear once:\n%s", code, errs)
	}
}

func TestYAMLAnchorsInAUserLibrary(t *testing.T) {
	ws := newWorkspace(t)
	writeFiles(t, ws, map[string]string{"library/more.yaml": "myths:\n  - id: ws-myth-2\n    sources: &s [ws-src]\n" +
		"    claim: &c report\n    evidence: &e [{source: ws-src, passage: Workspace fact here}]\n" +
		"    en: &en {myth: Another myth here., fact: Workspace fact here.}\n    ru: {myth: Ещё миф., fact: Ещё факт.}\n" +
		"  - id: ws-myth-3\n    sources: *s\n    claim: *c\n    evidence: *e\n    en: *en\n    ru: {myth: Третий миф., fact: Третий факт.}\n"})
	code, out, errs := runCmd(t, ws, nil, "validate")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
}

func TestHelpPrintsTheFormatsFromTheBinary(t *testing.T) {
	for topic, want := range map[string]string{
		"kit":        "# The kit format",
		"library":    "# The library format",
		"settings":   "organisation:",
		"exit-codes": "130  interrupted",
	} {
		code, out, errs := runCmd(t, t.TempDir(), nil, "help", topic)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help %s: exit %d, %q not in\n%.300s%s", topic, code, want, out, errs)
		}
	}
}

func TestSampleDraftHasFindingsInBothLanguages(t *testing.T) {
	draft, _ := filepath.Abs(filepath.Join("..", "..", "examples", "drafts", "op-ed.md"))
	code, out, errs := runCmd(t, t.TempDir(), nil, "check", draft)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (findings)\n%s", code, errs)
	}
	for _, want := range []string{"prostitute", "нелегалов"} {
		if !strings.Contains(out, want) {
			t.Errorf("no finding %s in\n%s", want, out)
		}
	}
}

func TestListShowsTagsAndIsTabSeparatedWhenPiped(t *testing.T) {
	code, out, errs := runCmd(t, t.TempDir(), nil, "list", "myths")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if strings.HasPrefix(lines[0], "ID") {
		t.Errorf("a header line in piped output: %q", lines[0])
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 4 || f[1] != "myth" || strings.HasSuffix(f[3], "…") {
			t.Fatalf("not id, kind, tags, whole title: %q", l)
		}
	}
	if !strings.Contains(out, "\tmyth\tpolicing") {
		t.Errorf("no tags in\n%s", out)
	}
}
