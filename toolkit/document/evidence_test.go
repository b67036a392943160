package document

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/typography"
)

// asOfLocale is testLocale with the as_of strings of content/i18n and month names.
type asOfLocale struct{ testLocale }

func (l asOfLocale) String(key string) string {
	m := map[string]map[string]string{
		"en": {"as_of_year": "(as of {year})", "as_of_month": "(as of {month} {year})", "as_of_date": "(as of {date})"},
		"ru": {"as_of_year": "(данные {year}\u00a0г.)", "as_of_month": "(данные на {month} {year}\u00a0г.)", "as_of_date": "(данные на {date})"},
	}
	if s, ok := m[l.lang][key]; ok {
		return s
	}
	return l.testLocale.String(key)
}

func (l asOfLocale) Month(m time.Month) string {
	if l.lang == "ru" {
		return []string{"январь", "февраль", "март"}[m-1]
	}
	return m.String()
}

const evidenceLib = `sources:
  - id: lam
    type: research
    author: E. Lam
    passages: ["Butterfly runs a hotline in English, Mandarin and Cantonese.", "It was founded in 2014."]
    en: {title: Butterfly}
    ru: {title: Butterfly}
myths:
  - id: m-hotline
    sources: [lam]
    claim: report
    as_of: "2019"
    evidence: [{source: lam, passage: "Butterfly runs a   hotline"}]
    en: {myth: Nobody helps., fact: "Butterfly runs a hotline in three languages."}
    ru: {myth: Никто не помогает., fact: "Butterfly ведёт горячую линию на трёх языках."}
  - id: m-founded
    sources: [lam]
    claim: report
    as_of: "2014"
    evidence: [{source: lam, passage: "It was founded in 2014."}, {source: lam, passage: "Butterfly runs a hotline"}]
    en: {myth: It is new., fact: "Butterfly was founded in 2014."}
    ru: {myth: Она новая., fact: "Butterfly основана в 2014 году."}
  - id: m-month
    sources: [lam]
    claim: report
    as_of: "2020-03"
    evidence: [{source: lam, passage: "It was founded"}]
    en: {myth: Old news., fact: "The strategy is *funded*!"}
    ru: {myth: Старое., fact: "Стратегия профинансирована"}
`

func TestClaimsPrintTheirDateAndReferencesCarryTheirPassages(t *testing.T) {
	lib, probs := library.Load([]library.Source{{FS: fstest.MapFS{"a.yaml": {Data: []byte(evidenceLib)}}, Name: "lib"}},
		library.Options{Languages: []string{"en", "ru"}})
	if probs = append(probs, lib.Validate()...); len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, c := range []struct {
		lang  string
		facts []string
	}{
		{"en", []string{
			"Butterfly runs a hotline in three languages (as of 2019).",
			"Butterfly was founded in 2014.", // the text names its year already
			"The strategy is funded (as of March 2020)!"}},
		{"ru", []string{
			"Butterfly ведёт горячую линию на трёх языках (данные 2019\u00a0г.).",
			"Butterfly основана в\u00a02014 году.",
			"Стратегия профинансирована (данные на март 2020\u00a0г.)"}}, // the test locale binds only «в»
	} {
		d, err := BuildHandout(lib, asOfLocale{testLocale{c.lang}}, opts())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, bl := range d.Sections[0].Blocks {
			got = append(got, bl.Body.Plain())
		}
		if !reflect.DeepEqual(got, c.facts) {
			t.Errorf("%s facts:\n got %q\nwant %q", c.lang, got, c.facts)
		}
		if len(d.References) != 1 {
			t.Fatalf("references: %+v", d.References)
		}
		// Each passage once, white space collapsed, in order of first citation; "It was
		// founded" is within "It was founded in 2014.".
		want := []string{"Butterfly runs a hotline", "It was founded in 2014."}
		if !reflect.DeepEqual(d.References[0].Passages, want) {
			t.Errorf("%s passages = %q, want %q", c.lang, d.References[0].Passages, want)
		}
	}
	// Without a month name from the locale, a month falls back to the year.
	d, _ := BuildHandout(lib, yearOnlyLocale{asOfLocale{testLocale{"en"}}}, opts())
	if got := d.Sections[0].Blocks[2].Body.Plain(); !strings.Contains(got, "(as of 2020)") {
		t.Errorf("year fallback: %q", got)
	}
}

// yearOnlyLocale hides asOfLocale's Month.
type yearOnlyLocale struct{ l asOfLocale }

func (y yearOnlyLocale) Lang() string                 { return y.l.Lang() }
func (y yearOnlyLocale) String(k string) string       { return y.l.String(k) }
func (y yearOnlyLocale) Date(t time.Time) string      { return y.l.Date(t) }
func (y yearOnlyLocale) Typography() typography.Rules { return y.l.Typography() }

func TestAddPassageKeepsNoPassageAnotherHolds(t *testing.T) {
	for _, c := range []struct {
		have []string
		add  string
		want []string
	}{
		{nil, "a b", []string{"a b"}},
		{[]string{"a b c"}, "b", []string{"a b c"}},
		{[]string{"x", "b", "y", "c"}, "a b c", []string{"x", "a b c", "y"}},
		{[]string{"x"}, "y", []string{"x", "y"}},
	} {
		if got := addPassage(append([]string(nil), c.have...), c.add); !reflect.DeepEqual(got, c.want) {
			t.Errorf("addPassage(%q, %q) = %q, want %q", c.have, c.add, got, c.want)
		}
	}
}
