package release

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/check"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/people"
	"github.com/presskit/presskit/toolkit/plaintext"
	"github.com/presskit/presskit/toolkit/release/sheet"
)

func testEnv(t *testing.T) Env {
	t.Helper()
	lib, _ := library.Load([]library.Source{{FS: content.FS, Name: "content"}}, library.Options{Languages: []string{"en", "ru"}, Known: []string{"en", "ru"}})
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{Organisation: config.Organisation{Name: "Example Collective", Email: "media@example.org",
		About: map[string]string{"en": "Example Collective is a fictional group.", "ru": "«Пример» — вымышленная группа."}}}
	ps, err := people.Parse("presskit.yaml", []byte(`people:
  - id: sam
    name: Sam Rivera
    role: {en: Outreach coordinator, ru: Координатор}
    email: sam@example.org
  - id: peer
    consent: anonymous
    alias: {en: A peer organiser, ru: Организаторка сообщества}
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	checker, err := check.Compile(lib.Items(library.KindTerm), []string{"en", "ru"})
	if err != nil {
		t.Fatal(err)
	}
	return Env{Lib: lib, Catalog: cat, Config: cfg, People: ps, Paper: "a4", Checker: checker,
		Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)}
}

const good = `---
lang: ru
headline: Заголовок релиза
subhead: Подзаголовок
city: Торонто
date: 2026-12-03
embargo: 2026-12-03T09:00:00-05:00
zone: EST
contacts: [sam]
quotes:
  - swan-not-the-same-as-trafficking
  - id: ours
    person: peer
    text: "Спросите нас."
---
Первый абзац с **важным** словом.

{{quote ours}}

## Раздел

- пункт один
- пункт два
`

func TestReleaseLaysOutANewsRelease(t *testing.T) {
	env := testEnv(t)
	files, err := BuildFile("r.md", func(string) ([]byte, error) { return []byte(good), nil }, env, []string{"pdf", "html", "txt", "md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 || files[0].Name != "release-ru.pdf" || files[3].Name != "release-ru.md" {
		t.Fatalf("files: %v", files)
	}
	txt := string(files[2].Data)
	for _, want := range []string{"ЭМБАРГО ДО 3 декабря 2026\u00a0г., 09:00 EST", "ТОРОНТО, 3 декабря 2026\u00a0г.\u00a0— Первый абзац",
		"«Спросите нас».\n— Организаторка сообщества", "«Секс-работа мигрантов", "Об организации Example Collective",
		"Sam Rivera, Координатор · sam@example.org", "###"} {
		if !strings.Contains(txt, want) {
			t.Errorf("plain text lacks %q:\n%s", want, txt)
		}
	}
	// The body quote comes where the body places it, before the section; the unplaced
	// library quote after the body.
	if strings.Index(txt, "Спросите") > strings.Index(txt, "Раздел") || strings.Index(txt, "Секс-работа мигрантов") < strings.Index(txt, "пункт два") {
		t.Errorf("quotes out of place:\n%s", txt)
	}
	md := string(files[3].Data)
	for _, want := range []string{"# Заголовок релиза", "## Раздел", "- пункт один", "**важным**", "\\###"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if !bytes.HasPrefix(files[0].Data, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(files[0].Data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "ТОРОНТО, 3 декабря 2026") || !strings.Contains(string(out), "Заголовок релиза") {
			t.Errorf("pdftotext:\n%s", out)
		}
	}
	// Same input, same bytes.
	again, _ := BuildFile("r.md", func(string) ([]byte, error) { return []byte(good), nil }, env, []string{"pdf"})
	if !bytes.Equal(again[0].Data, files[0].Data) {
		t.Error("PDF differs between two builds")
	}
}

func TestReleaseBadInput(t *testing.T) {
	env := testEnv(t)
	for _, tc := range []struct{ name, edit, from, want string }{
		{"no headline", "headline: Заголовок релиза\n", "", "r.md:1:1: the release has no headline"},
		{"past embargo", "2026-12-03T09", "2025-12-03T09", "r.md:7:10: the embargo 2025-12-03 09:00 -05:00 has already passed"},
		{"unknown quote id", "  - swan-not-the-same-as-trafficking", "  - swan-not-the-same", `r.md:11:5: unknown quote id "swan-not-the-same"`},
		{"anonymous contact", "contacts: [sam]", "contacts: [peer]", "peer speaks anonymously and cannot be the media contact"},
		{"avoided word", "Первый абзац", "Проститутки: первый абзац", "r.md:16:1: \"Проститутки\""},
		{"quote without speaker", "    person: peer\n", "", `quote "ours" is written here but has no speaker`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(good, tc.edit, tc.from, 1)
			_, err := BuildFile("r.md", func(string) ([]byte, error) { return []byte(src), nil }, env, []string{"txt"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestAllowFindingsBuildsAnyway(t *testing.T) {
	env := testEnv(t)
	env.AllowFindings = true
	src := strings.Replace(good, "Первый абзац", "Проститутки: первый абзац", 1)
	if _, err := BuildFile("r.md", func(string) ([]byte, error) { return []byte(src), nil }, env, []string{"txt"}); err != nil {
		t.Fatal(err)
	}
	env.AllowFindings = false
	_, err := BuildFile("r.md", func(string) ([]byte, error) { return []byte(src), nil }, env, []string{"txt"})
	var fe *FindingsError
	if !errors.As(err, &fe) || len(fe.Findings) == 0 {
		t.Fatalf("want findings, got %v", err)
	}
}

func TestMarkdownKeepsEndMarkFromBecomingAHeading(t *testing.T) {
	s := &sheet.Sheet{Blocks: []sheet.Block{{Kind: sheet.EndMark, Text: sheet.Plain("###")}}}
	if got := string(sheet.RenderText(s, plaintext.Markdown)); got != "\\###\n" {
		t.Fatalf("got %q", got)
	}
}
