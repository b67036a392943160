package kit

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presskit/presskit/toolkit/library"
)

func testLib(t *testing.T) *library.Library {
	t.Helper()
	fs := fstest.MapFS{"a.yaml": {Data: []byte(`sources:
  - id: src
    publisher: P
    en: {title: T}
    ru: {title: Т}
myths:
  - id: myth-average-age-13
    tags: [statistics]
    sources: [src]
    en: {myth: M, fact: F}
    ru: {myth: М, fact: Ф}
`)}}
	lib, probs := library.Load([]library.Source{{FS: fs, Name: "lib"}}, library.Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return lib
}

func parse(t *testing.T, body string) (*Kit, error) {
	return Parse("kit.yaml", []byte(body), Env{Lib: testLib(t), Langs: []string{"en", "ru"}})
}

func TestParseGoodKit(t *testing.T) {
	k, err := parse(t, `title: {en: Kit, ru: Кит}
lang: [en, ru]
embargo: 2026-12-03T09:00:00+01:00
timezone: Europe/Budapest
documents:
  - type: handout
    ids: [myth-average-age-13]
  - brief
`)
	if err != nil {
		t.Fatal(err)
	}
	if k.Title["ru"] != "Кит" || len(k.Documents) != 2 || k.Documents[1].Kind != "brief" {
		t.Fatalf("kit = %+v", k)
	}
	if k.Documents[0].Bilingual || k.Documents[1].Bilingual {
		t.Error("bilingual without bilingual: true")
	}
	if k.Zone != "CET" || k.Embargo.Hour() != 9 {
		t.Fatalf("embargo %v zone %q", k.Embargo, k.Zone)
	}
}

func TestKitErrorsNameLineAndSuggest(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"unknown id", "documents:\n  - type: handout\n    ids: [myth-average-age-14]\n",
			`kit.yaml:3:11: unknown item id "myth-average-age-14" (did you mean "myth-average-age-13"?)`},
		{"unknown document", "documents:\n  - type: leaflet\n", `kit.yaml:2:11: unknown document "leaflet"`},
		{"bad embargo", "embargo: next tuesday\ndocuments: [brief]\n", `kit.yaml:1:10: embargo "next tuesday" is not a date and time`},
		{"bad zone", "embargo: 2026-12-03T09:00:00+01:00\ntimezone: Mars/Olympus\ndocuments: [brief]\n", `kit.yaml:2:11: timezone "Mars/Olympus"`},
		{"offset disagrees", "embargo: 2026-12-03T09:00:00+03:00\ntimezone: Europe/Budapest\ndocuments: [brief]\n", `another offset than Europe/Budapest`},
		{"unknown language", "lang: [en, uk]\ndocuments: [brief]\n", `kit.yaml:1:12: language "uk": the library has no interface strings`},
		{"unknown setting", "colour: red\ndocuments: [brief]\n", `kit.yaml:1:1: unknown setting "colour"`},
		{"broken YAML", "documents: [brief\n", "kit.yaml:"},
		{"no documents", "title: Kit\n", "names no documents"},
		{"twice", "documents: [brief, brief]\n", "appears twice"},
		{"two-sided language", "lang: [en+ru]\ndocuments: [handout]\n", `kit.yaml:1:8: language "en+ru": a kit lists each language once; for a two-sided handout, add bilingual: true`},
		{"bilingual brief", "documents:\n  - {type: brief, bilingual: true}\n", `kit.yaml:2:5: bilingual: only a handout is made two-sided`},
		{"bilingual not a boolean", "documents:\n  - {type: handout, bilingual: yes please}\n", `bilingual "yes please": write true or false`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parse(t, c.body)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v\nwant %q", err, c.want)
			}
		})
	}
}
