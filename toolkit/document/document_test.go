package document

import (
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/typography"
)

// testLocale is a small English or Russian locale for builder tests.
type testLocale struct{ lang string }

func (l testLocale) Lang() string { return l.lang }
func (l testLocale) String(key string) string {
	if key == "embargo" {
		return "EMBARGOED UNTIL {datetime}"
	}
	return "«" + key + "»"
}
func (l testLocale) Date(t time.Time) string { return t.Format("2 January 2006") }
func (l testLocale) Typography() typography.Rules {
	if l.lang == "ru" {
		return typography.Rules{Quotes: [4]rune{'«', '»', '„', '“'}, NbspAfter: []string{"в"}, NbspBeforeDash: true}
	}
	return typography.Rules{Quotes: [4]rune{'“', '”', '‘', '’'}, Apostrophe: '’'}
}

const lib1 = `sources:
  - id: s1
    type: guide
    publisher: SWAN
    year: 2020
    passages: ["Say sex worker.", "The core message holds."]
    en: {title: First}
    ru: {title: Первый}
  - id: s2
    type: research
    author: A. Author
    passages: ["A short fact, and it is not so."]
    en: {title: "Is it wrong?"}
    ru: {title: "Верно ли?"}
facts:
  - id: f1
    sources: [s2]
    claim: finding
    evidence: [{source: s2, passage: A short fact}]
    en: {text: A short fact.}
    ru: {text: Короткий факт.}
  - id: f-unrelated
    tags: [msg]
    sources: [s1]
    claim: report
    evidence: [{source: s1, passage: The core message holds.}]
    en: {text: A fact sharing only a tag.}
    ru: {text: Факт с общим тегом.}
points:
  - id: p-core
    tags: [msg]
    sources: [s1]
    claim: report
    evidence: [{source: s1, passage: The core message holds.}]
    en: {headline: Core, leave: Old, use: The core message., explanation: Why.}
    ru: {headline: Главное, leave: Старое, use: Главный тезис., explanation: Почему.}
  - id: p-long
    tags: [msg]
    sources: [s1]
    related: [f1]
    claim: report
    evidence: [{source: s1, passage: The core message holds.}]
    en: {headline: Long, leave: Old, use: "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight", explanation: Why.}
    ru: {headline: Длинный, leave: Старое, use: Коротко., explanation: Почему.}
myths:
  - id: m1
    sources: [s2, s1]
    claim: finding
    evidence: [{source: s2, passage: A short fact}]
    en: {myth: "They say \"rescue\".", fact: "It's *not* <b>so</b> [see](javascript:alert(1)) and [here](https://example.org)."}
    ru: {myth: "Говорят \"спасение\".", fact: "Это не так — в Торонто."}
terms:
  - id: t1
    severity: avoid
    sources: [s1]
    claim: position
    evidence: [{source: s1, passage: Say sex worker.}]
    en: {avoid: [a, b, c, d], say: [x], why: Because., examples: ["a"]}
    ru: {avoid: [а, б], say: [х], why: Потому., examples: ["а"]}
`

func load(t *testing.T) *library.Library {
	t.Helper()
	lib, probs := library.Load([]library.Source{{FS: fstest.MapFS{"a.yaml": {Data: []byte(lib1)}}, Name: "lib"}},
		library.Options{Languages: []string{"en", "ru"}})
	if probs = append(probs, lib.Validate()...); len(probs) > 0 {
		t.Fatal(probs)
	}
	return lib
}

func opts() Options {
	return Options{Paper: "a4", Config: config.Config{Paper: "a4"}, Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
}

func TestHandoutTypesetsSanitisesAndNumbersSources(t *testing.T) {
	d, err := BuildHandout(load(t), testLocale{"en"}, opts())
	if err != nil {
		t.Fatal(err)
	}
	b := d.Sections[0].Blocks[0]
	if got := b.Head.Plain(); got != "They say “rescue”." {
		t.Errorf("myth = %q", got)
	}
	fact := b.Body
	if got := fact.Plain(); got != "It’s not so see and here." {
		t.Errorf("fact = %q (raw HTML must go, quotes must curl)", got)
	}
	links := fact.Links()
	if len(links) != 1 || links[0] != "https://example.org" {
		t.Errorf("links = %v, want only the https one", links)
	}
	if len(b.Refs) != 2 || b.Refs[0] != 1 || b.Refs[1] != 2 {
		t.Errorf("refs = %v, want [1 2] in order", b.Refs)
	}
	if d.References[0].ID != "s2" || d.References[0].Text != "A. Author. Is it wrong?" {
		t.Errorf("first reference = %+v", d.References[0])
	}
	if d.References[1].Short != "SWAN. First. 2020." {
		t.Errorf("short entry = %q", d.References[1].Short)
	}
}

func TestRussianTypography(t *testing.T) {
	d, err := BuildHandout(load(t), testLocale{"ru"}, opts())
	if err != nil {
		t.Fatal(err)
	}
	b := d.Sections[0].Blocks[0]
	if got := b.Head.Plain(); got != "Говорят «спасение»." {
		t.Errorf("myth = %q", got)
	}
	if got := b.Body.Plain(); got != "Это не так\u00a0— в\u00a0Торонто." {
		t.Errorf("fact = %q", got)
	}
	if d.OpenQuote != "«" {
		t.Errorf("open quote %q", d.OpenQuote)
	}
}

func TestPrepWarnsOfLongKeyMessagesAndProvesOnlyWithRelatedItems(t *testing.T) {
	d, err := BuildPrep(load(t), testLocale{"en"}, opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 1 || d.Warnings[0].ItemID != "p-long" || d.Warnings[0].Words <= MessageMapWords {
		t.Fatalf("warnings = %+v", d.Warnings)
	}
	var msgs *Section
	for i := range d.Sections {
		if d.Sections[i].ID == "messages" {
			msgs = &d.Sections[i]
		}
	}
	if msgs == nil || len(msgs.Blocks) != 1 {
		t.Fatalf("key messages: %+v", d.Sections)
	}
	proof := msgs.Blocks[0].Proof
	if len(proof) != 1 || proof[0].ItemID != "f1" {
		t.Fatalf("proof = %+v, want only the related f1", proof)
	}
	if !strings.Contains(proof[0].Body.Plain(), "(A. Author)") {
		t.Errorf("proof point does not name its source: %q", proof[0].Body.Plain())
	}
	if len(d.References) != 0 {
		t.Errorf("the one-page prep sheet has no numbered references, got %d", len(d.References))
	}
}

func TestBriefShowsTheFirstThreeWordsOfATerm(t *testing.T) {
	d, err := BuildBrief(load(t), testLocale{"en"}, opts())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Sections {
		if s.ID == "terms" {
			if got := strings.Join(s.Blocks[0].Avoid, ","); got != "a,b,c" {
				t.Errorf("avoid = %s", got)
			}
			return
		}
	}
	t.Fatal("no language guide")
}

func TestEmptySelectionAndUnknownIDs(t *testing.T) {
	o := opts()
	o.Selection = library.Selection{Tags: []string{"nothing"}}
	_, err := BuildHandout(load(t), testLocale{"en"}, o)
	var es *EmptySelectionError
	if !errors.As(err, &es) || !strings.Contains(err.Error(), "--tag nothing") {
		t.Fatalf("err = %v", err)
	}
	o.Selection = library.Selection{IDs: []string{"m2"}}
	if _, err := BuildHandout(load(t), testLocale{"en"}, o); err == nil || !strings.Contains(err.Error(), `"m2"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestEmbargoBanner(t *testing.T) {
	o := opts()
	when := time.Date(2026, 12, 3, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	o.Embargo, o.EmbargoZone = &when, "CET"
	d, err := BuildHandout(load(t), testLocale{"en"}, o)
	if err != nil {
		t.Fatal(err)
	}
	if d.Embargo != "EMBARGOED UNTIL 3 December 2026, 09:00 CET" {
		t.Fatalf("embargo = %q", d.Embargo)
	}
}

// TestRichCacheGivesTheSameDocuments: documents built with a RichCache, at every
// leanness and again, are the documents built without one; the second round parses
// nothing new.
func TestRichCacheGivesTheSameDocuments(t *testing.T) {
	lib := load(t)
	for _, build := range []func(*library.Library, Locale, Options) (*Doc, error){BuildHandout, BuildBrief, BuildPrep} {
		for _, lang := range []string{"en", "ru"} {
			cache := NewRichCache()
			size := 0
			for round := 0; round < 2; round++ {
				for lean := 0; lean <= MaxLean; lean++ {
					o := opts()
					o.Lean = lean
					want, err := build(lib, testLocale{lang}, o)
					if err != nil {
						t.Fatal(err)
					}
					o.Parsed = cache
					got, err := build(lib, testLocale{lang}, o)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s %s lean %d: the document differs with the cache", want.Kind, lang, lean)
					}
				}
				if round == 0 {
					size = len(cache.m)
				} else if len(cache.m) != size || size == 0 {
					t.Errorf("%s: %d texts parsed, then %d", lang, size, len(cache.m))
				}
			}
		}
	}
}

// TestSharedRichCache: documents built side by side with one RichCache (as a kit's are)
// are the documents built each with its own (go test -race: the cache is shared safely).
func TestSharedRichCache(t *testing.T) {
	lib := load(t)
	builds := []func(*library.Library, Locale, Options) (*Doc, error){BuildHandout, BuildBrief, BuildPrep}
	want := make([]*Doc, len(builds))
	for i, build := range builds {
		o := opts()
		o.Parsed = NewRichCache()
		d, err := build(lib, testLocale{"en"}, o)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = d
	}
	shared := NewRichCache()
	got := make([]*Doc, len(builds))
	var wg sync.WaitGroup
	for i, build := range builds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := opts()
			o.Parsed = shared
			got[i], _ = build(lib, testLocale{"en"}, o)
		}()
	}
	wg.Wait()
	for i := range builds {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s built with a shared cache differs", want[i].Kind)
		}
	}
}
