package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The French fixture adds a language presskit does not ship: its interface strings and
// items, in a library folder of a workspace. All three documents are made in French.
func TestFrenchLibraryBuildsEveryDocumentInFrench(t *testing.T) {
	ws, err := filepath.Abs(filepath.Join("..", "..", "testdata", "fr-workspace"))
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCmd(t, ws, nil, "validate"); code != 0 {
		t.Fatalf("validate: exit %d\n%s%s", code, out, errs)
	}
	out := t.TempDir()
	want := map[string][]string{
		"handout": {`lang="fr"`, "Mythes et réalités", "Mythe", "Réalité", "Ce que vous pouvez faire", "27 novembre 2026"},
		"brief":   {`lang="fr"`, "Dossier de presse", "Messages clés", "Dites ceci, pas cela", "Contacts presse", "Relations avec les médias"},
		"prep":    {`lang="fr"`, "Fiche de préparation à l’entrevue", "Message central", "Questions difficiles", "Phrases de transition"},
	}
	for doc, wants := range want {
		code, _, errs := runCmd(t, ws, fixedDate, doc, "-o", out)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", doc, code, errs)
		}
		html, err := os.ReadFile(filepath.Join(out, doc+"-fr.html"))
		if err != nil {
			t.Fatal(err)
		}
		html = []byte(visibleText(string(html)))
		for _, w := range wants {
			if !strings.Contains(string(html), w) {
				t.Errorf("%s-fr.html lacks %q", doc, w)
			}
		}
		for _, english := range []string{"Key messages", "Myth</", "What you can do", "Media contacts", "November"} {
			if strings.Contains(string(html), english) {
				t.Errorf("%s-fr.html has English %q", doc, english)
			}
		}
		if st, err := os.Stat(filepath.Join(out, doc+"-fr.pdf")); err != nil || st.Size() == 0 {
			t.Errorf("%s-fr.pdf: %v", doc, err)
		}
	}
}

// A user's i18n/en.yaml needs only the strings it changes, and they are used.
func TestUserStringsOverrideTheEmbeddedOnes(t *testing.T) {
	ws := newWorkspace(t)
	writeFiles(t, ws, map[string]string{"library/i18n/en.yaml": "strings:\n  call_to_action_text: Call the Butterfly hotline.\n"})
	code, _, errs := runCmd(t, ws, fixedDate, "handout", "--lang", "en", "--format", "html")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	html, _ := os.ReadFile(filepath.Join(ws, "out", "handout-en.html"))
	if !strings.Contains(string(html), "Call the Butterfly hotline.") {
		t.Fatal("the user's call_to_action_text was ignored")
	}
	if !strings.Contains(string(html), "Myths and facts") {
		t.Fatal("the other English strings were lost")
	}
}

// A broken strings file of the user's is reported by validate, with its place.
func TestValidateChecksTheUsersStrings(t *testing.T) {
	ws := newWorkspace(t)
	writeFiles(t, ws, map[string]string{"library/i18n/fr.yaml": "lang: fr\nname: Français\nstrings:\n  myth: Mythe\n"})
	code, out, errs := runCmd(t, ws, nil, "validate")
	if code != 1 || !strings.Contains(out+errs, `library/i18n/fr.yaml:1:1: the locale: missing key "dates"`) {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
}

// The call to action and the date are set in the kit, per language; contact roles per
// language in presskit.yaml.
func TestKitSetsCallToActionDateAndRolesPerLanguage(t *testing.T) {
	ws := newWorkspace(t)
	writeFiles(t, ws, map[string]string{
		"presskit.yaml": "organisation: {name: Butterfly}\ncontacts:\n  - {name: A. Person, role: {en: Media relations, ru: Связи со СМИ}, email: a@example.org}\nlibrary: [library]\n",
		"kits/press-kit.yaml": "title: Kit\nlang: [en, ru]\nformats: [html]\ndate: 2026-12-03\n" +
			"call_to_action: {en: Come to the rally on 3 December., ru: Приходите на акцию 3 декабря.}\ndocuments: [handout, brief]\n",
	})
	code, _, errs := runCmd(t, ws, fixedDate, "build")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(ws, "out", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for name, wants := range map[string][]string{
		"handout-en.html": {"Come to the rally on 3 December.", "3 December 2026"},
		"handout-ru.html": {"Приходите на акцию 3 декабря.", "3 декабря 2026"},
		"brief-en.html":   {"Media relations"},
		"brief-ru.html":   {"Связи со СМИ"},
		"index.html":      {"Media relations"},
	} {
		got := visibleText(read(name))
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
}

// visibleText drops the style sheet (whose comments are English) and turns no-break
// spaces, which typography puts after short words, into plain ones.
func visibleText(html string) string {
	if i, j := strings.Index(html, "<style"), strings.Index(html, "</style>"); i >= 0 && j > i {
		html = html[:i] + html[j:]
	}
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ", "&nbsp;", " ").Replace(html)
}
