package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

const baseEN = `lang: en
name: English
plural:
  one: "i = 1 and v = 0 @integer 1"
  other: "@integer 0, 2~16"
dates:
  date_format: "{day} {month} {year}"
  time_format: "{hour}:{minute}"
  datetime_format: "{date}, {time} {zone}"
  months: [January, February, March, April, May, June, July, August, September, October, November, December]
strings:
  myth: Myth
  cta: Talk to us.
  pages:
    one: "{n} page"
    other: "{n} pages"
`

func TestLayersAddALanguageAndChangeStrings(t *testing.T) {
	embedded := fstest.MapFS{"i18n/en.yaml": {Data: []byte(baseEN)}}
	user := fstest.MapFS{
		"i18n/en.yaml": {Data: []byte("strings:\n  cta: Call the hotline.\n")},
		"i18n/fr.yaml": {Data: []byte(strings.NewReplacer("lang: en", "lang: fr", "name: English", "name: Français",
			`one: "i = 1 and v = 0 @integer 1"`, `one: "i = 0,1 @integer 0, 1"`, "@integer 0, 2~16", "@integer 2~16", "Myth", "Mythe", "January", "janvier",
			"{n} page\"", "{n} page\"").Replace(baseEN))},
	}
	cat, err := LoadLayers(Layer{FS: embedded, Dir: "i18n"}, Layer{FS: user, Dir: "i18n", Name: "lib"}, Layer{FS: fstest.MapFS{}, Dir: "i18n"})
	if err != nil {
		t.Fatal(err)
	}
	en, _ := cat.Locale("en")
	if en.T("cta") != "Call the hotline." || en.T("myth") != "Myth" || en.Name != "English" {
		t.Fatalf("en: cta %q, myth %q, name %q", en.T("cta"), en.T("myth"), en.Name)
	}
	fr, err := cat.Locale("fr")
	if err != nil {
		t.Fatal(err)
	}
	if fr.T("myth") != "Mythe" || fr.Plural("pages", 0) != "0 page" || fr.Plural("pages", 2) != "2 pages" {
		t.Fatalf("fr: %q, %q, %q", fr.T("myth"), fr.Plural("pages", 0), fr.Plural("pages", 2))
	}
	if fr.Fallback() != en {
		t.Fatal("fr does not fall back to English")
	}
}

func TestANewLanguageMustBeWhole(t *testing.T) {
	embedded := fstest.MapFS{"i18n/en.yaml": {Data: []byte(baseEN)}}
	user := fstest.MapFS{"i18n/fr.yaml": {Data: []byte("strings:\n  myth: Mythe\n")}}
	_, err := LoadLayers(Layer{FS: embedded, Dir: "i18n"}, Layer{FS: user, Dir: "i18n", Name: "lib"})
	if err == nil || !strings.Contains(err.Error(), `lib/i18n/fr.yaml:1:1: the locale: missing key "lang"`) {
		t.Fatalf("err = %v", err)
	}
}
