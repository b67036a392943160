package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const showLibrary = `sources:
  - id: our-review
    type: research
    author: Our Research Group
    year: "2019"
    passages:
      - "Of the 120 workers we interviewed, 97 said   police
        checks made them move to less safe places."
    en: {title: Police checks and safety}
    ru: {title: "Police checks and safety [Полицейские проверки и безопасность]"}
myths:
  - id: our-myth-checks
    sources: [our-review]
    claim: finding
    as_of: "2019"
    evidence:
      - source: our-review
        passage: "97 said police checks made them move to less safe places"
    en:
      myth: Police checks keep workers safe.
      fact: In a 2019 survey of 120 workers, 97 said checks pushed them to less safe places.
    ru:
      myth: Полицейские проверки защищают работников.
      fact: В опросе 2019 года 97 из 120 работников сказали, что проверки вытесняют их в менее безопасные места.
`

func TestShowPrintsTheClaimAndEachEvidencePassageWithItsSource(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"lib/ours.yaml": showLibrary})
	code, out, errs := runCmd(t, dir, nil, "show", "our-myth-checks", "--library", filepath.Join(dir, "lib"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"our-myth-checks (myth)\n  claim: finding, as of 2019\n",
		"[en]\n  myth: Police checks keep workers safe.\n  fact: In a 2019 survey",
		"[ru]\n  myth: Полицейские проверки защищают работников.\n  fact: В опросе",
		"evidence:\n  1. \"97 said police checks made them move to less safe places\"\n     our-review, research\n" +
			"     en: Police checks and safety\n     ru: Police checks and safety [Полицейские проверки и безопасность]\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, out)
		}
	}
	if strings.Contains(errs, "our-myth-checks") {
		t.Errorf("the item is valid, yet problems were reported: %s", errs)
	}

	code, out, errs = runCmd(t, dir, nil, "show", "our-review", "--library", filepath.Join(dir, "lib"))
	if code != 0 || !strings.Contains(out, "  type: research\n") ||
		!strings.Contains(out, "passages:\n  1. \"Of the 120 workers we interviewed, 97 said police checks made them move to less safe places.\"\n") {
		t.Errorf("source: exit %d\n%s%s", code, out, errs)
	}

	code, out, errs = runCmd(t, dir, nil, "show", "our-myth-checks", "--library", filepath.Join(dir, "lib"), "--json")
	var j struct {
		Claim    string `json:"claim"`
		AsOf     string `json:"as_of"`
		Evidence []struct {
			Source, Type, Passage string
			Title                 map[string]string
		}
	}
	if err := json.Unmarshal([]byte(out), &j); code != 0 || err != nil {
		t.Fatalf("json: exit %d, %v\n%s%s", code, err, out, errs)
	}
	if j.Claim != "finding" || j.AsOf != "2019" || len(j.Evidence) != 1 || j.Evidence[0].Type != "research" || j.Evidence[0].Title["ru"] == "" {
		t.Errorf("json = %+v", j)
	}
}

func TestShowNamesTheItemsOwnProblems(t *testing.T) {
	dir := t.TempDir()
	broken := strings.Replace(showLibrary, "97 said police checks", "97 said the police checks", 1)
	writeFiles(t, dir, map[string]string{"lib/ours.yaml": broken})
	code, out, errs := runCmd(t, dir, nil, "show", "our-myth-checks", "--library", filepath.Join(dir, "lib"))
	if code != 0 || !strings.Contains(out, "fact: In a 2019 survey") {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if want := `lib/ours.yaml:18:18: our-myth-checks: evidence passage not found verbatim in source "our-review"`; !strings.Contains(errs, want) {
		t.Errorf("stderr lacks %s:\n%s", want, errs)
	}
}

func TestShowUnknownIDSuggestsEvenWhenTheLibraryHasProblems(t *testing.T) {
	dir := t.TempDir()
	broken := strings.Replace(showLibrary, "    type: research\n", "", 1)
	writeFiles(t, dir, map[string]string{"lib/ours.yaml": broken})
	code, _, errs := runCmd(t, dir, nil, "show", "our-myth-check", "--library", filepath.Join(dir, "lib"))
	if code == 0 || !strings.Contains(errs, `unknown item id "our-myth-check" (did you mean "our-myth-checks"?)`) ||
		!strings.Contains(errs, "problem(s) in the library: run presskit validate") {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
}
