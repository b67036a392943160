package kit

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/people"
	"github.com/presskit/presskit/toolkit/release"
)

const releaseEN = `---
lang: en
headline: A headline
city: Toronto
date: 2026-12-03
---
The lede.
`

func TestKitWithReleaseAndPeopleListsTheReleaseFirstAndZipsIntoAFolder(t *testing.T) {
	langs := []string{"en", "ru"}
	lib, _ := library.Load([]library.Source{{FS: content.FS, Name: "content"}}, library.Options{Languages: langs, Known: langs})
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	k, err := Parse("kits/launch.yaml", []byte(`formats: [pdf, html, txt, md]
documents:
  - handout
  - people
  - type: release
    files: [launch.en.md]
`), Env{Lib: lib, Langs: langs})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := people.Parse("p.yaml", []byte("people:\n  - id: a\n    name: Ann Lee\n    consent: first-name-only\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	read := func(name string) ([]byte, error) {
		if name == "kits/launch.en.md" {
			return []byte(releaseEN), nil
		}
		return nil, errors.New("no file " + name)
	}
	cfg := config.Config{Organisation: config.Organisation{Name: "Org"}, Brand: config.Brand{Colour: "#7a1f5c"}}
	b, err := Build(lib, cat, k, BuildOptions{Base: document.Options{Paper: "a4", Config: cfg, Date: when}, Langs: langs,
		Created: when, Zip: true, Extras: &Extras{Release: release.Env{Lib: lib, Catalog: cat, People: ps, Now: when},
			Dir: "kits", ReadFile: read}})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, m := range b.Made {
		kinds = append(kinds, string(m.Doc.Kind)+"-"+m.Doc.Lang)
	}
	if got := strings.Join(kinds, " "); got != "release-en handout-en handout-ru people-en people-ru" {
		t.Errorf("order: %s", got)
	}
	names := map[string][]byte{}
	for _, f := range b.Files {
		names[f.Name] = f.Data
	}
	for _, n := range []string{"release-en.txt", "handout-ru.md", "handout-en.txt", "people-ru.pdf", "index.html", ZipName} {
		if names[n] == nil {
			t.Errorf("no %s", n)
		}
	}
	if !strings.Contains(string(names["people-en.txt"]), "Ann") || strings.Contains(string(names["people-en.txt"]), "Lee") {
		t.Errorf("people page ignores consent:\n%s", names["people-en.txt"])
	}
	if !strings.Contains(string(names["handout-en.md"]), "**Myth:**") {
		t.Errorf("handout markdown:\n%s", names["handout-en.md"])
	}
	if !strings.Contains(string(names["index.html"]), `href="press-kit.zip"`) {
		t.Error("index does not link the zip")
	}
	zr, err := zip.NewReader(bytes.NewReader(names[ZipName]), int64(len(names[ZipName])))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "launch/") {
			t.Errorf("zip entry %s is outside the kit's folder", f.Name)
		}
	}
}

// TestIndexLabelsAreAllTranslated: every label the index asks for exists in every
// embedded language, so no raw key such as "download_zip" reaches a journalist.
func TestIndexLabelsAreAllTranslated(t *testing.T) {
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		loc, err := cat.Locale(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range indexLabels {
			if loc.T(key) == key {
				t.Errorf("[%s] index label %q has no text", lang, key)
			}
		}
	}
}

func TestZipFolderIsASlugOfTheKitName(t *testing.T) {
	for file, want := range map[string]string{
		"kits/press-kit.yaml":        "press-kit",
		"kits/Пресс Кит 2026.yaml":   "пресс-кит-2026",
		"/a/b/__Spring  Launch!.yml": "spring-launch",
		"kits/---.yaml":              "press-kit",
	} {
		if got := zipFolder(&Kit{File: file}); got != want {
			t.Errorf("zipFolder(%q) = %q, want %q", file, got, want)
		}
	}
}

// TestEveryLanguageHasItsOwnLandingPage: a bilingual kit has index.html in its first
// language and index-ru.html in Russian, each titled and labelled in its language and
// linking the other; a Russian document's top nav leads to the Russian landing page.
func TestEveryLanguageHasItsOwnLandingPage(t *testing.T) {
	langs := []string{"en", "ru"}
	lib, _ := library.Load([]library.Source{{FS: content.FS, Name: "content"}}, library.Options{Languages: langs, Known: langs})
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	k, err := Parse("kits/k.yaml", []byte("title: {en: A press kit, ru: Пресс-кит акции}\nformats: [html]\ndocuments: [handout]\n"), Env{Lib: lib, Langs: langs})
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	cfg := config.Config{Organisation: config.Organisation{Name: "Org"}, Brand: config.Brand{Colour: "#7a1f5c"}}
	b, err := Build(lib, cat, k, BuildOptions{Base: document.Options{Paper: "a4", Config: cfg, Date: when}, Langs: langs, Created: when})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range b.Files {
		files[f.Name] = string(f.Data)
	}
	en, ru := files["index.html"], files["index-ru.html"]
	for _, c := range []struct{ page, want string }{
		{en, `<html lang="en"`}, {en, "A press kit"}, {en, `href="index-ru.html" hreflang="ru"`},
		{ru, `<html lang="ru"`}, {ru, "акции"}, {ru, "Документы"}, {ru, `href="index.html" hreflang="en"`},
		{files["handout-ru.html"], `<a href="index-ru.html">Документы</a>`},
		{files["handout-en.html"], `<a href="index.html">Documents</a>`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("no %q", c.want)
		}
	}
}
