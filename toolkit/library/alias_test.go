package library

import (
	"strings"
	"testing"
)

func TestAnchorsAliasesAndMergeKeysAreAccepted(t *testing.T) {
	const file = `sources:
  - id: src
    publisher: Me
    en: {title: T}
    ru: {title: Т}
myths:
  - id: myth-one
    tags: &police [policing, raids]
    sources: &ours [src]
    en: &en-one
      myth: Raids rescue victims.
      fact: Raids push work underground.
    ru:
      myth: Рейды спасают жертв.
      fact: Рейды загоняют работу в тень.
  - id: myth-two
    tags: *police
    sources: *ours
    en:
      <<: *en-one
      myth: Police protect sex workers.
    ru:
      myth: Полиция защищает секс-работников.
      fact: Рейды загоняют работу в тень.
`
	items, probs := ParseFile("a.yaml", []byte(file), []string{"en", "ru"})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	var two *Item
	for _, it := range items {
		if it.ID == "myth-two" {
			two = it
		}
	}
	if two == nil {
		t.Fatal("myth-two not read")
	}
	if strings.Join(two.Tags, ",") != "policing,raids" || strings.Join(two.Sources, ",") != "src" {
		t.Errorf("aliases not followed: tags %v, sources %v", two.Tags, two.Sources)
	}
	if two.Get("en", "myth") != "Police protect sex workers." || two.Get("en", "fact") != "Raids push work underground." {
		t.Errorf("merge key: myth %q, fact %q", two.Get("en", "myth"), two.Get("en", "fact"))
	}
}
