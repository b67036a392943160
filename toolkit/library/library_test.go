package library

import (
	"strings"
	"testing"
	"testing/fstest"
)

const goodSources = `sources:
  - id: src
    type: position
    publisher: SWAN
    passages:
      - "Not all migrants are trafficked, and not all who have been trafficked are sex workers."
    en: {title: Framework shifts}
    ru: {title: Сдвиги}
`

const goodMyth = `myths:
  - id: myth-one
    tags: [trafficking]
    sources: [src]
    claim: position
    evidence: [{source: src, passage: Not all migrants are trafficked}]
    en:
      myth: All migrants are trafficked.
      fact: Not all migrants are trafficked, SWAN argues.
    ru:
      myth: Все мигранты — жертвы торговли людьми.
      fact: Не все мигранты — жертвы торговли людьми, считает SWAN.
`

func load(t *testing.T, files map[string]string, overlays ...map[string]string) (*Library, Problems) {
	t.Helper()
	srcs := []Source{{FS: mapFS(files), Name: "lib", Origin: "embedded"}}
	for i, o := range overlays {
		srcs = append(srcs, Source{FS: mapFS(o), Name: "user" + string(rune('0'+i)), Origin: "user"})
	}
	lib, probs := Load(srcs, Options{Languages: []string{"en", "ru"}})
	probs = append(probs, lib.Validate()...)
	return lib, probs
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, body := range files {
		m[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return m
}

func TestCleanLibraryHasNoProblems(t *testing.T) {
	lib, probs := load(t, map[string]string{"sources.yaml": goodSources, "myths.yaml": goodMyth})
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%v", probs)
	}
	if lib.Len() != 2 {
		t.Fatalf("got %d items, want 2", lib.Len())
	}
	it := lib.Get("myth-one")
	if it.Get("ru", "myth") != "Все мигранты — жертвы торговли людьми." || it.Title("en") != "All migrants are trafficked." {
		t.Fatalf("wrong text: %+v", it.Text["ru"])
	}
	if got := strings.Join(it.Langs(), ","); got != "en,ru" {
		t.Fatalf("langs = %s", got)
	}
}

func TestBadInputIsReportedWithFileLineColumnAndID(t *testing.T) {
	cases := []struct {
		name, file, body string
		want             string // substring of the one problem expected
	}{
		{"broken YAML", "myths.yaml", "myths:\n  - id: a\n    en: {myth: \"unclosed\n", "lib/myths.yaml:3:"},
		{"unknown field", "myths.yaml", strings.Replace(goodMyth, "    tags:", "    tagz: [x]\n    tags:", 1),
			`lib/myths.yaml:3:5: myth-one: unknown field "tagz" for a myth; did you mean "tags"?`},
		{"unknown field in a language", "myths.yaml", strings.Replace(goodMyth, "      fact: Not", "      fakt: Not", 1),
			`lib/myths.yaml:9:7: myth-one [en]: unknown field "fakt"; did you mean "fact"?`},
		{"duplicate id", "myths.yaml", goodMyth + strings.TrimPrefix(goodMyth, "myths:\n"),
			`lib/myths.yaml:13:5: myth-one: duplicate id: already defined at lib/myths.yaml:2:5`},
		{"missing translation", "myths.yaml", goodMyth[:strings.Index(goodMyth, "    ru:")],
			`lib/myths.yaml:2:5: myth-one [ru]: missing translation: add a ru: block with myth, fact`},
		{"missing field", "myths.yaml", strings.Replace(goodMyth, "      fact: Не все мигранты — жертвы торговли людьми, считает SWAN.\n", "", 1),
			`lib/myths.yaml:11:7: myth-one [ru]: missing fact`},
		{"unknown source", "myths.yaml", strings.Replace(goodMyth, "sources: [src]", "sources: [src, srcc]", 1),
			`lib/myths.yaml:2:5: myth-one: unknown source "srcc"; did you mean "src"?`},
		{"no source", "myths.yaml", strings.Replace(goodMyth, "    sources: [src]\n", "", 1),
			`lib/myths.yaml:2:5: myth-one: a myth must cite at least one source`},
		{"unknown kind", "myths.yaml", "mythz: []\n", `lib/myths.yaml:1:1: unknown field "mythz"`},
		{"bad id", "myths.yaml", strings.Replace(goodMyth, "id: myth-one", "id: Myth One", 1), `id "Myth One": use lower-case letters`},
		{"quote without speaker", "quotes.yaml", "quotes:\n  - id: q\n    original: en\n    sources: [src]\n    en: {text: Hi}\n    ru: {text: Привет, speaker: Кто-то}\n",
			`lib/quotes.yaml:5:9: q [en]: missing speaker`},
		{"unknown language block", "myths.yaml", strings.Replace(goodMyth, "    ru:", "    uk:\n      myth: x\n    ru:", 1),
			`unknown field "uk" for a myth (no interface strings for language "uk"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, probs := load(t, map[string]string{"sources.yaml": goodSources, c.file: c.body})
			if len(probs) != 1 {
				t.Fatalf("want exactly one problem, got %d:\n%v", len(probs), probs)
			}
			if got := probs[0].String(); !strings.Contains(got, c.want) {
				t.Fatalf("problem:\n  %s\nwant it to contain:\n  %s", got, c.want)
			}
		})
	}
}

func TestOverlayReplacesSameIDAndAddsNewOnes(t *testing.T) {
	user := strings.Replace(goodMyth, "All migrants are trafficked.", "Replaced.", 1) +
		strings.Replace(strings.TrimPrefix(goodMyth, "myths:\n"), "myth-one", "myth-two", 1)
	lib, probs := load(t, map[string]string{"sources.yaml": goodSources, "myths.yaml": goodMyth}, map[string]string{"mine/more.yaml": user})
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%v", probs)
	}
	if got := lib.Get("myth-one").Get("en", "myth"); got != "Replaced." {
		t.Fatalf("overlay did not replace: %q", got)
	}
	if lib.Get("myth-two") == nil || lib.Len() != 3 {
		t.Fatalf("overlay did not add: %v", lib.IDs())
	}
	if lib.Get("myth-one").Origin != "user" {
		t.Fatalf("origin not recorded")
	}
}

func TestI18nFolderIsNotReadAsLibrary(t *testing.T) {
	_, probs := load(t, map[string]string{"sources.yaml": goodSources, "i18n/en.yaml": "strings: {myth: Myth}\n"})
	if len(probs) > 0 {
		t.Fatalf("i18n read as library:\n%v", probs)
	}
}

func TestSelectByIDsReportsUnknownWithSuggestions(t *testing.T) {
	lib, _ := load(t, map[string]string{"sources.yaml": goodSources, "myths.yaml": goodMyth})
	_, err := lib.Select(Selection{IDs: []string{"myth-one", "myth-onee"}})
	if err == nil || !strings.Contains(err.Error(), `unknown item id "myth-onee" (did you mean "myth-one"?)`) {
		t.Fatalf("err = %v", err)
	}
	items, err := lib.Select(Selection{Tags: []string{"trafficking"}}, KindMyth)
	if err != nil || len(items) != 1 {
		t.Fatalf("select by tag: %v %v", items, err)
	}
}
