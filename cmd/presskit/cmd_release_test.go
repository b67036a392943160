package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const releaseCfg = `organisation:
  name: Org
  email: media@example.org
  about: {en: "Org is an example.", ru: "Org — пример."}
people:
  - id: ann
    name: Ann Lee
    consent: first-name-only
    role: {en: Organiser, ru: организатор}
    email: ann@example.org
`

const releaseMD = `---
lang: en
headline: A headline
city: Toronto
date: 2026-12-03
contacts: [ann]
---
The lede.
`

func TestReleaseWritesEveryFormatAndObeysConsent(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"presskit.yaml": releaseCfg, "r.md": releaseMD})
	code, _, errs := runCmd(t, dir, map[string]string{"SOURCE_DATE_EPOCH": "1795772800"}, "release", "r.md", "-o", filepath.Join(dir, "out"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{"release-en.pdf", "release-en.html", "release-en.txt", "release-en.md"} {
		if _, err := os.Stat(filepath.Join(dir, "out", f)); err != nil {
			t.Errorf("no %s", f)
		}
	}
	txt, _ := os.ReadFile(filepath.Join(dir, "out", "release-en.txt"))
	for _, want := range []string{"FOR IMMEDIATE RELEASE", "TORONTO, 3 December 2026\u00a0— The lede.", "About Org", "Ann, Organiser · ann@example.org", "###"} {
		if !strings.Contains(string(txt), want) {
			t.Errorf("release-en.txt lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(string(txt), "Lee") {
		t.Error("a first-name-only surname is printed")
	}
}

func TestReleaseFormatFlagAndFindings(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"presskit.yaml": releaseCfg,
		"r.md": strings.Replace(releaseMD, "The lede.", "Police rescued prostitutes.", 1)})
	code, _, errs := runCmd(t, dir, nil, "release", "r.md", "-o", filepath.Join(dir, "out"))
	if code != 1 || !strings.Contains(errs, "r.md:8:8:") || !strings.Contains(errs, "--allow-findings") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		entries, _ := os.ReadDir(filepath.Join(dir, "out"))
		if len(entries) > 0 {
			t.Errorf("files written despite findings: %v", entries)
		}
	}
	code, _, errs = runCmd(t, dir, nil, "release", "r.md", "--allow-findings", "--format", "txt", "-o", filepath.Join(dir, "out"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	if len(entries) != 1 || entries[0].Name() != "release-en.txt" {
		t.Errorf("--format txt wrote %v", entries)
	}
	code, _, errs = runCmd(t, dir, nil, "release", "r.md", "--allow-findings", "--format", "docx", "-o", filepath.Join(dir, "out2"))
	if code == 0 || !strings.Contains(errs, `unknown format "docx"`) {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestServeRefusesAPortInUse(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runCmd(t, dir, nil, "serve", "--port", "-1")
	if code == 0 || !strings.Contains(errs, "presskit:") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}
