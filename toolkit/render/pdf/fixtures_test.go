package pdf

import (
	"sync"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/typography"
)

// created is the fixed date of every test render.
var created = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// locale adapts an i18n.Locale to what the document builder needs.
type locale struct{ l *i18n.Locale }

func (x locale) Lang() string { return x.l.Lang }
func (x locale) String(k string) string {
	if s := x.l.T(k); s != k {
		return s
	}
	return ""
}
func (x locale) Date(t time.Time) string                        { return x.l.Date(t) }
func (x locale) Typography() typography.Rules                   { return x.l.Typography }
func (x locale) rich(s string) document.Rich                    { return document.ParseRich(s, x.l.Typography) }
func (x locale) plainText(s string) string                      { return x.rich(s).Plain() }
func (x locale) richf(it *library.Item, f string) document.Rich { return x.rich(it.Get(x.l.Lang, f)) }

// The embedded library and locales, loaded once for all tests (read only).
var corpus = sync.OnceValues(func() (*library.Library, *i18n.Catalog) {
	lib, probs := library.Load([]library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}},
		library.Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		panic(probs)
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		panic(err)
	}
	return lib, cat
})

func testConfig() config.Config {
	return config.Config{
		Organisation: config.Organisation{
			Name:  "Sex Workers' Rights Advocacy Network (SWAN)",
			URL:   "https://swannet.org",
			Email: "press@swannet.example",
			Phone: "+36 1 555 0100",
		},
		Contacts: []config.Contact{
			{Name: "Anna Kovács", Role: "Communications officer", Email: "anna@swannet.example", Phone: "+36 1 555 0101"},
		},
		Brand: config.Brand{Colour: config.DefaultBrandColour},
		Paper: "a4",
	}
}

func loc(t testing.TB, lang string) locale {
	t.Helper()
	_, cat := corpus()
	l, err := cat.Locale(lang)
	if err != nil {
		t.Fatal(err)
	}
	return locale{l}
}

// realDoc builds a document from the embedded library with the real builder.
func realDoc(t testing.TB, kind document.Kind, lang, paper string) *document.Doc {
	t.Helper()
	var sel library.Selection
	if kind == document.Handout {
		sel.IDs = mythIDs(t, handoutMyths)
	}
	return selectedDoc(t, kind, lang, paper, sel)
}

// handoutMyths is how many myths the test handouts have.
const handoutMyths = 3

// mythIDs returns the ids of the first n myths of the library.
func mythIDs(t testing.TB, n int) []string {
	lib, _ := corpus()
	var ids []string
	for _, it := range lib.Items(library.KindMyth) {
		if len(ids) < n {
			ids = append(ids, it.ID)
		}
	}
	return ids
}

// selectedDoc builds a document of the selected items.
func selectedDoc(t testing.TB, kind document.Kind, lang, paper string, sel library.Selection) *document.Doc {
	t.Helper()
	lib, _ := corpus()
	lc := loc(t, lang)
	opt := document.Options{Paper: paper, Config: testConfig(), Date: created, Selection: sel, Lean: document.MaxLean}
	var (
		d   *document.Doc
		err error
	)
	switch kind {
	case document.Handout:
		d, err = document.BuildHandout(lib, lc, opt)
	case document.Brief:
		d, err = document.BuildBrief(lib, lc, opt)
	case document.Prep:
		d = prepDoc(t, lib, lc, opt)
	}
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// prepDoc builds a prep sheet by hand from library items, the way the builder is
// expected to: core message, supporting points with proof, bridges, tough questions,
// words to avoid.
func prepDoc(t testing.TB, lib *library.Library, lc locale, opt document.Options) *document.Doc {
	t.Helper()
	get := func(id string) *library.Item {
		it := lib.Get(id)
		if it == nil {
			t.Fatalf("no item %s", id)
		}
		return it
	}
	d, err := document.BuildHandout(lib, lc, opt) // for masthead, labels and references
	if err != nil {
		t.Fatal(err)
	}
	d.Kind, d.Sections, d.References = document.Prep, nil, nil
	d.Title = lc.String("prep_title")
	d.Intro = nil
	refs := map[string]int{}
	cite := func(it *library.Item) []int {
		var out []int
		for _, id := range it.Sources {
			n, ok := refs[id]
			if !ok {
				src := get(id)
				n = len(d.References) + 1
				refs[id] = n
				d.References = append(d.References, document.Reference{N: n, ID: id,
					Text: lc.plainText(src.Get(lc.Lang(), "title")), Title: src.Get(lc.Lang(), "title"), URL: src.URL})
			}
			out = append(out, n)
		}
		return out
	}
	core := get("migrant-sex-work-is-not-trafficking")
	d.Sections = append(d.Sections, document.Section{ID: "messages", Heading: lc.String("core_message"),
		Blocks: []document.Block{{Kind: document.BlockText, ItemID: core.ID, Body: lc.richf(core, "use")}}})
	sup := document.Section{ID: "messages", Heading: lc.String("supporting_points")}
	facts := []string{"", "", ""}
	for i, it := range lib.Items() {
		if it.Kind == library.KindFact && i%2 == 0 {
			for j := range facts {
				if facts[j] == "" {
					facts[j] = it.ID
					break
				}
			}
		}
	}
	n := 0
	for _, it := range lib.Items() {
		if it.Kind != library.KindPoint || it.ID == core.ID || n == 2 {
			continue
		}
		b := document.Block{Kind: document.BlockPoint, ItemID: it.ID, Head: lc.richf(it, "headline"),
			Body: lc.richf(it, "use"), Refs: cite(it)}
		if f := facts[n]; f != "" && n < 1 {
			fi := get(f)
			b.Proof = []document.Block{{Kind: document.BlockFact, ItemID: f, Body: lc.richf(fi, "text"), Refs: cite(fi)}}
		}
		sup.Blocks = append(sup.Blocks, b)
		n++
	}
	d.Sections = append(d.Sections, sup)
	qs := document.Section{ID: "questions", Heading: lc.String("tough_questions")}
	br := document.Section{ID: "bridges", Heading: lc.String("bridges")}
	for _, id := range []string{"q-defending-pimps-and-traffickers", "q-average-age-of-entry-13"} {
		it := get(id)
		qs.Blocks = append(qs.Blocks, document.Block{Kind: document.BlockQuestion, ItemID: id,
			Head: lc.richf(it, "question"), Body: lc.richf(it, "answer"), Refs: cite(it)})
		br.Blocks = append(br.Blocks, document.Block{Kind: document.BlockText, ItemID: id,
			Body: document.Rich{{Spans: lc.richf(it, "bridge")[0].Spans, Bullet: true}}})
	}
	d.Sections = append(d.Sections, br, qs)
	tm := document.Section{ID: "terms", Heading: lc.String("words_to_avoid")}
	for _, id := range []string{"prostitute", "hooker"} {
		it := get(id)
		b := document.Block{Kind: document.BlockTerm, ItemID: id, Body: lc.richf(it, "why"), Refs: cite(it)}
		b.Avoid = it.List(lc.Lang(), "avoid")
		b.Say = it.List(lc.Lang(), "say")
		tm.Blocks = append(tm.Blocks, b)
	}
	d.Sections = append(d.Sections, tm)
	// A prep sheet is for the spokesperson: the numbers stay, the list of sources goes,
	// as there is no room for it on one page in Russian.
	d.References = nil
	return d
}
