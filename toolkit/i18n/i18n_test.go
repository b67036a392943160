package i18n

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// content loads the project's own locale files.
func content(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load(os.DirFS("../../content"), "i18n")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func locale(t *testing.T, c *Catalog, lang string) *Locale {
	t.Helper()
	l, err := c.Locale(lang)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestContentLocalesAreCompleteAndAgree(t *testing.T) {
	c := content(t)
	if got, want := c.Languages(), []string{"en", "ru"}; !slices.Equal(got, want) {
		t.Fatalf("Languages() = %v, want %v", got, want)
	}
	en := locale(t, c, "en")
	for _, lang := range c.Languages() {
		l := locale(t, c, lang)
		if m := Missing(en, l); len(m) > 0 {
			t.Errorf("%s lacks %v", lang, m)
		}
		if m := Missing(l, en); len(m) > 0 {
			t.Errorf("en lacks %v of %s", m, lang)
		}
		if l.Name == "" || l.Typography.Quotes[0] == 0 || l.Typography.Apostrophe == 0 {
			t.Errorf("%s: incomplete locale: %+v", lang, l)
		}
	}
	if got := locale(t, c, "ru").Fallback(); got != en {
		t.Errorf("ru falls back to %v, want en", got)
	}
	if got := en.Fallback(); got != nil {
		t.Errorf("en falls back to %s, want nothing", got.Lang)
	}
}

func TestPluralCategory(t *testing.T) {
	c := content(t)
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "other"}, {"en", 1, "one"}, {"en", 2, "other"}, {"en", 21, "other"}, {"en", -1, "one"},
		{"ru", 0, "many"}, {"ru", 1, "one"}, {"ru", 2, "few"}, {"ru", 4, "few"}, {"ru", 5, "many"},
		{"ru", 11, "many"}, {"ru", 12, "many"}, {"ru", 14, "many"}, {"ru", 21, "one"}, {"ru", 22, "few"},
		{"ru", 25, "many"}, {"ru", 101, "one"}, {"ru", 111, "many"}, {"ru", 112, "many"}, {"ru", 1002, "few"},
		{"ru", -3, "few"},
	}
	for _, tt := range tests {
		if got := locale(t, c, tt.lang).PluralCategory(tt.n); got != tt.want {
			t.Errorf("%s PluralCategory(%d) = %s, want %s", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestPluralRulesPastedFromCLDR(t *testing.T) {
	tests := []struct {
		name  string
		rules map[string]string
		want  map[int]string
	}{
		{"arabic", map[string]string{
			"zero": "n = 0", "one": "n = 1", "two": "n = 2",
			"few": "n % 100 = 3..10 @integer 3~10, 103~110, 1003, …", "many": "n % 100 = 11..99 @integer 11~26, 111, 1011, …",
		}, map[int]string{0: "zero", 1: "one", 2: "two", 3: "few", 110: "few", 11: "many", 199: "many", 100: "other", 102: "other"}},
		{"polish", map[string]string{
			"one":  "i = 1 and v = 0 @integer 1",
			"few":  "v = 0 and i % 10 = 2..4 and i % 100 != 12..14 @integer 2~4, 22~24, 32~34",
			"many": "v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14 @integer 0, 5~19, 100, 1000",
		}, map[int]string{1: "one", 21: "many", 22: "few", 12: "many", 0: "many"}},
		{"french", map[string]string{
			"one":  "i = 0,1 @integer 0, 1 @decimal 0.0~1.5",
			"many": "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5 @integer 1000000, 1c6, 2c6, …",
		}, map[int]string{0: "one", 1: "one", 2: "other", 1000000: "many", 2000000: "many"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rules []pluralRule
			for cat, src := range tt.rules {
				r, err := compileRule(cat, src)
				if err != nil {
					t.Fatalf("%s: %v", cat, err)
				}
				rules = append(rules, r)
			}
			slices.SortFunc(rules, func(a, b pluralRule) int { return categoryRank(a.category) - categoryRank(b.category) })
			if err := checkSamples(rules); err != nil {
				t.Fatal(err)
			}
			for n, want := range tt.want {
				if got := category(rules, n); got != want {
					t.Errorf("category(%d) = %s, want %s", n, got, want)
				}
			}
		})
	}
}

func TestPluralAndT(t *testing.T) {
	c := content(t)
	en, ru := locale(t, c, "en"), locale(t, c, "ru")
	tests := []struct {
		name, got, want string
	}{
		{"ru one", ru.Plural("sources_count", 1), "1 источник"},
		{"ru few", ru.Plural("sources_count", 3), "3 источника"},
		{"ru many", ru.Plural("sources_count", 5), "5 источников"},
		{"ru eleven", ru.Plural("findings_count", 11), "11 замечаний"},
		{"ru twenty-one", ru.Plural("findings_count", 21), "21 замечание"},
		{"ru zero", ru.Plural("questions_count", 0), "0 вопросов"},
		{"en one", en.Plural("pages_count", 1), "1 page"},
		{"en other", en.Plural("pages_count", 2), "2 pages"},
		{"T picks the plural form from n", ru.T("pages_count", "n", 2), "2 страницы"},
		{"T without n takes other", ru.T("pages_count"), "{n} страницы"},
		{"pairs", ru.T("page_of", "n", 2, "total", 5), "Стр. 2 из 5"},
		{"map", en.T("page_of", map[string]any{"n": 2, "total": 5}), "Page 2 of 5"},
		{"string map", en.T("generated_by", map[string]string{"tool": "presskit"}), "Made with presskit"},
		{"placeholder without value stays", en.T("page_of", "n", 1), "Page 1 of {total}"},
		{"plain message", ru.T("myth"), "Миф"},
		{"unknown key is returned as is", ru.T("no_such_key"), "no_such_key"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestFallbackChain(t *testing.T) {
	fsys := fstest.MapFS{
		"l/en.yaml": {Data: []byte(minimal("en", `
  only_en: English only
  shared: shared en
  count: {one: "{n} item", other: "{n} items"}`) + "plural: {one: \"i = 1 and v = 0\"}\n")},
		"l/ru.yaml": {Data: []byte(minimal("ru", `
  shared: общее`))},
		"l/uk.yaml": {Data: []byte(minimal("uk", `
  only_uk: лише українською`) + "fallback: ru\n")},
	}
	c, err := Load(fsys, "l")
	if err != nil {
		t.Fatal(err)
	}
	uk := locale(t, c, "uk")
	tests := []struct{ key, want string }{
		{"only_uk", "лише українською"},
		{"shared", "общее"},
		{"only_en", "English only"},
		{"nowhere", "nowhere"},
	}
	for _, tt := range tests {
		if got := uk.T(tt.key); got != tt.want {
			t.Errorf("uk.T(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
	// A plural message found in English takes English's categories.
	if got := uk.Plural("count", 1); got != "1 item" {
		t.Errorf("uk.Plural(count, 1) = %q", got)
	}
}

func TestDates(t *testing.T) {
	c := content(t)
	en, ru := locale(t, c, "en"), locale(t, c, "ru")
	cet := time.FixedZone("CET", 3600)
	d := time.Date(2026, time.November, 27, 15, 4, 0, 0, time.UTC)
	e := time.Date(2026, time.December, 3, 9, 0, 0, 0, cet)
	tests := []struct {
		name, got, want string
	}{
		{"en date", en.Date(d), "27 November 2026"},
		{"ru date", ru.Date(d), "27 ноября 2026\u00a0г."},
		{"ru date in May", ru.Date(time.Date(2026, time.May, 1, 0, 0, 0, 0, time.UTC)), "1 мая 2026\u00a0г."},
		{"en date time", en.DateTime(e, "CET"), "3 December 2026, 09:00 CET"},
		{"ru date time", ru.DateTime(e, "CET"), "3 декабря 2026\u00a0г., 09:00 CET"},
		{"no zone", en.DateTime(e, ""), "3 December 2026, 09:00"},
		{"ru month alone", ru.Month(time.November), "ноябрь"},
		{"en month alone", en.Month(time.March), "March"},
		{"month out of range", en.Month(13), ""},
		{"embargo", ru.T("embargo", "datetime", ru.DateTime(e, "CET")), "ЭМБАРГО ДО 3 декабря 2026\u00a0г., 09:00 CET"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	_, err := content(t).Locale("uk")
	var ule *UnknownLanguageError
	if !errors.As(err, &ule) {
		t.Fatalf("error %v is not an *UnknownLanguageError", err)
	}
	if want := `unknown language "uk" (known: en, ru)`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestMissing(t *testing.T) {
	fsys := fstest.MapFS{
		"en.yaml": {Data: []byte(minimal("en", `
  a: A
  b: B
  count: {one: "{n} x", other: "{n} xs"}
  plain_here: {one: "one", other: "many"}`))},
		"ru.yaml": {Data: []byte(minimal("ru", `
  a: А
  count: {one: "{n} икс", other: "{n} икса"}
  plain_here: просто
  extra: лишнее`) + `plural:
  one: "v = 0 and i % 10 = 1 and i % 100 != 11"
  few: "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"
  many: "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14"
`)},
	}
	c, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	en, ru := locale(t, c, "en"), locale(t, c, "ru")
	want := []string{"b", "count.few", "count.many", "plain_here.plural"}
	if got := Missing(en, ru); !slices.Equal(got, want) {
		t.Errorf("Missing(en, ru) = %q, want %q", got, want)
	}
	if got := Missing(ru, en); !slices.Equal(got, []string{"extra"}) {
		t.Errorf("Missing(ru, en) = %q, want [extra]", got)
	}
}

// minimal returns a valid locale file for lang with the given lines under strings.
func minimal(lang, strs string) string {
	return `lang: ` + lang + `
name: Test
dates:
  date_format: "{day} {month} {year}"
  time_format: "{hour}:{minute}"
  datetime_format: "{date}, {time} {zone}"
  months: [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12]
strings:` + strs + "\n"
}

// loadErrorTests are locale files with problems, each with what its error says.
var loadErrorTests = []struct {
	name string
	file string // the content of l/xx.yaml
	want []string
}{
	{"syntax error in a flow list points at its start", "lang: xx\nname: [unclosed\n", []string{"l/xx.yaml:2: did not find expected ',' or ']'"}},
	{"parser error", "lang: xx\nname: X\n- x\n", []string{"l/xx.yaml:3: did not find expected key"}},
	{"parser error on the first line", "- a\nb: c\n", []string{"l/xx.yaml:2: did not find expected '-' indicator"}},
	{"scanner error", "lang: xx\n\tname: X\n", []string{"l/xx.yaml:2: found a tab character"}},
	{"unknown top-level key", strings.Replace(minimal("xx", "\n  a: A"), "name: Test", "name: Test\ntitel: X", 1),
		[]string{`l/xx.yaml:3:1: unknown key "titel" in the locale (known: dates, fallback, lang, name, plural, strings, typography)`}},
	{"unknown dates key", strings.Replace(minimal("xx", "\n  a: A"), "  months:", "  mnths: []\n  months:", 1),
		[]string{`l/xx.yaml:7:3: unknown key "mnths" in dates`}},
	{"missing key", "lang: xx\nname: X\nstrings: {}\n", []string{`l/xx.yaml:1:1: the locale: missing key "dates"`}},
	{"lang does not match file", minimal("yy", "\n  a: A"), []string{`l/xx.yaml:1:7: lang "yy" does not match the file name xx.yaml`}},
	{"repeated key", minimal("xx", "\n  a: A\n  a: B"), []string{`l/xx.yaml:10:3: key "a" repeated in strings (first at line 9)`}},
	{"plural forms without other", minimal("xx", "\n  c: {one: x}"), []string{`l/xx.yaml:9:6: c: plural forms lack other`}},
	{"bad plural category in message", minimal("xx", "\n  c: {single: x, other: y}"), []string{`l/xx.yaml:9:7: c: "single" is not a plural category`}},
	{"message of the wrong shape", minimal("xx", "\n  c: [x]"), []string{`l/xx.yaml:9:6: c: want a string or plural forms`}},
	{"bad plural rule points at the column", minimal("xx", "\n  a: A") + "plural:\n  one: \"i = 1 and q = 2\"\n",
		[]string{`l/xx.yaml:11:19: plural one: want an operand (n, i, v, w, f, t, c, e), got "q"`}},
	{"plural rule against its samples", minimal("xx", "\n  a: A") + "plural:\n  one: \"i = 1 @integer 1, 2\"\n",
		[]string{`l/xx.yaml:11:3: plural: sample 2 of one falls in other`}},
	{"other with a condition", minimal("xx", "\n  a: A") + "plural:\n  other: \"i = 1\"\n",
		[]string{`l/xx.yaml:11:10: plural other: the other category takes no condition`}},
	{"wrong number of months", strings.Replace(minimal("xx", "\n  a: A"), "m11, m12", "m11", 1),
		[]string{`l/xx.yaml:7:11: want 12 names, got 11`}},
	{"unknown date placeholder", strings.Replace(minimal("xx", "\n  a: A"), "{year}", "{yaer}", 1),
		[]string{`l/xx.yaml:4:16: unknown placeholder {yaer}`}},
	{"quotes not four marks", minimal("xx", "\n  a: A") + "typography:\n  quotes: [«, »]\n",
		[]string{`l/xx.yaml:11:11: quotes: want a list of 4 marks`}},
	{"apostrophe longer than a character", minimal("xx", "\n  a: A") + "typography:\n  apostrophe: \"''\"\n",
		[]string{`l/xx.yaml:11:15: want exactly one character, got "''"`}},
	{"nbsp word with a space", minimal("xx", "\n  a: A") + "typography:\n  nbsp_after: [в, \"и т\"]\n",
		[]string{`l/xx.yaml:11:19: want a single word, got "и т"`}},
	{"several problems at once", strings.Replace(minimal("xx", "\n  c: {one: x}"), "name: Test", "name: Test\ntitel: X", 1),
		[]string{`l/xx.yaml:3:1: unknown key "titel"`, `l/xx.yaml:10:6: c: plural forms lack other`}},
	{"unknown fallback", minimal("xx", "\n  a: A") + "fallback: de\n", []string{`locale xx: fallback unknown language "de" (known: en, xx)`}},
}

func TestLoadErrorsNamePlace(t *testing.T) {
	for _, tt := range loadErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"l/en.yaml": {Data: []byte(minimal("en", "\n  a: A"))},
				"l/xx.yaml": {Data: []byte(tt.file)},
			}
			_, err := Load(fsys, "l")
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain\n%s", err, w)
				}
			}
		})
	}
}

func TestLoadWithoutFilesFails(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"missing folder", fstest.MapFS{}, "read locales: open nowhere"},
		{"no yaml", fstest.MapFS{"nowhere/readme.txt": {}}, "no locale files (*.yaml) in nowhere"},
		{"empty file", fstest.MapFS{"nowhere/en.yaml": {}}, "nowhere/en.yaml: empty locale file"},
		{"fallback loop", fstest.MapFS{
			"nowhere/ru.yaml": {Data: []byte(minimal("ru", "\n  a: A") + "fallback: uk\n")},
			"nowhere/uk.yaml": {Data: []byte(minimal("uk", "\n  a: A") + "fallback: ru\n")},
		}, "fallback chain loops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.fsys, "nowhere")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
