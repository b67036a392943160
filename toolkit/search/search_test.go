package search

import (
	"testing"
	"testing/fstest"

	"github.com/presskit/presskit/toolkit/library"
)

const items = `sources:
  - id: s
    publisher: P
    en: {title: Sources}
    ru: {title: Источники}
myths:
  - id: myth-migrants
    tags: [migration]
    sources: [s]
    en: {myth: All migrants are trafficked., fact: Migrant workers face exploitation in many jobs.}
    ru: {myth: Все мигранты — жертвы., fact: Мигранты сталкиваются с эксплуатацией.}
  - id: myth-police
    tags: [policing]
    sources: [s]
    en: {myth: Police raids help., fact: Raids harm migrants.}
    ru: {myth: Рейды помогают., fact: Рейды вредят.}
`

func index(t *testing.T) *Index {
	t.Helper()
	lib, probs := library.Load([]library.Source{{FS: fstest.MapFS{"a.yaml": {Data: []byte(items)}}, Name: "t"}},
		library.Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return New(lib)
}

func TestRussianInflectionsFindTheirStem(t *testing.T) {
	hits := index(t).Search("мигрантки", nil)
	if len(hits) == 0 || hits[0].Item.ID != "myth-migrants" {
		t.Fatalf("«мигрантки»: %v", ids(hits))
	}
	if hits[0].Langs[0] != "ru" {
		t.Errorf("matched in %v, want ru", hits[0].Langs)
	}
}

func TestItemsMatchingMoreWordsComeFirst(t *testing.T) {
	hits := index(t).Search("raids migrants", nil)
	if len(hits) < 2 || hits[0].Item.ID != "myth-police" || hits[0].Matched != 2 {
		t.Fatalf("hits = %v", ids(hits))
	}
}

func TestLanguageFilterAndNoMatch(t *testing.T) {
	if hits := index(t).Search("рейды", []string{"en"}); len(hits) != 0 {
		t.Errorf("Russian word matched in English only: %v", ids(hits))
	}
	if hits := index(t).Search("zebra", nil); len(hits) != 0 {
		t.Errorf("zebra found %v", ids(hits))
	}
}

func ids(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Item.ID)
	}
	return out
}
