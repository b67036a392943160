package document_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/check"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/typography"
)

// mentionAllowed lists where a document mentions an avoided word on purpose, by section
// and field, never by sentence: a word named there is not a finding. Every other part of
// every document must be free of avoided words.
var mentionAllowed = map[string]map[string]string{
	// The language guide (brief) and the words to avoid (prep sheet) name the words.
	"terms": {"avoid": "the words to avoid, named as words", "body": "why a word is avoided names it", "say": "what to say instead"},
	// Say this, not that: the "not" column quotes the frame being left.
	"shifts": {"leave": "the frame to leave, quoted to be answered"},
	// A myth is the frame the fact answers; a tough question is the journalist's frame.
	"myths":     {"head": "the myth, quoted to be answered"},
	"questions": {"head": "the hostile question, quoted to be answered"},
	// Exact words of others, and titles of sources: quoted, never reworded.
	"quotes":     {"body": "a quotation, verbatim"},
	"references": {"text": "a source's own title"},
}

// docLocale adapts an i18n.Locale for the builder, as publish does, with month names.
type docLocale struct{ l *i18n.Locale }

func (x docLocale) Lang() string                 { return x.l.Lang }
func (x docLocale) Date(t time.Time) string      { return x.l.Date(t) }
func (x docLocale) Typography() typography.Rules { return x.l.Typography }
func (x docLocale) Month(m time.Month) string    { return x.l.Month(m) }
func (x docLocale) String(key string) string {
	if s := x.l.T(key); s != key {
		return s
	}
	return ""
}

// docText is one field of one block of a built document, with where it stands.
type docText struct {
	doc, section, field, item, text string
}

// texts lists every printed text of d, by section and field.
func texts(name string, d *document.Doc) []docText {
	var out []docText
	add := func(section, field, item, text string) {
		if strings.TrimSpace(text) != "" {
			out = append(out, docText{name, section, field, item, text})
		}
	}
	add("title", "text", "", d.Title)
	add("intro", "text", "", d.Intro.Plain())
	for _, s := range d.Sections {
		add(s.ID, "heading", "", s.Heading)
		var blocks func(bs []document.Block, section string)
		blocks = func(bs []document.Block, section string) {
			for _, b := range bs {
				add(section, "head", b.ItemID, b.Head.Plain())
				add(section, "body", b.ItemID, b.Body.Plain())
				add(section, "leave", b.ItemID, b.Leave.Plain())
				add(section, "use", b.ItemID, b.Use.Plain())
				add(section, "bridge", b.ItemID, b.Bridge.Plain())
				add(section, "background", b.ItemID, b.Background.Plain())
				add(section, "speaker", b.ItemID, b.Speaker)
				add(section, "role", b.ItemID, b.Role)
				add(section, "avoid", b.ItemID, strings.Join(b.Avoid, "\n\n"))
				add(section, "say", b.ItemID, strings.Join(b.Say, "\n\n"))
				blocks(b.Proof, section)
			}
		}
		blocks(s.Blocks, s.ID)
	}
	for _, r := range d.References {
		add("references", "text", r.ID, r.Text)
	}
	return out
}

// isMention reports a finding the checker itself marks as a mention (a word quoted or
// named as a word). The field exists on branch i10-check's checker; reading it by name
// keeps this test building against both the current checker and that one.
func isMention(f check.Finding) bool {
	v := reflect.ValueOf(f).FieldByName("Mention")
	return v.IsValid() && v.Kind() == reflect.Bool && v.Bool()
}

// TestEveryDocumentPassesCheck builds every document (handout, brief, prep sheet, in
// English and Russian) from the embedded library, once with the defaults and once with
// every item of the library chosen, and runs presskit check over every text printed in
// them. Words named in mentionAllowed's sections are deliberate; any other is a finding.
func TestEveryDocumentPassesCheck(t *testing.T) {
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"en", "ru"}
	lib, _ := library.Load([]library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}},
		library.Options{Languages: langs, Known: langs}) // TestEmbeddedLibraryValidates judges the library itself
	checker, err := check.Compile(lib.Items(library.KindTerm), langs)
	if err != nil {
		t.Fatal(err)
	}
	all := func(kinds ...library.Kind) library.Selection {
		var ids []string
		for _, it := range lib.Items(kinds...) {
			ids = append(ids, it.ID)
		}
		return library.Selection{IDs: ids}
	}
	type build struct {
		name  string
		f     func(*library.Library, document.Locale, document.Options) (*document.Doc, error)
		sel   library.Selection
		paper string
	}
	builds := []build{
		{"handout", document.BuildHandout, library.Selection{}, "a4"},
		{"brief", document.BuildBrief, library.Selection{}, "a4"},
		{"prep", document.BuildPrep, library.Selection{}, "a4"},
		{"handout-every-myth", document.BuildHandout, all(library.KindMyth), "a4"},
		{"brief-every-item", document.BuildBrief, all(library.KindPoint, library.KindQuote, library.KindFact, library.KindTerm), "a4"},
		{"prep-every-point", document.BuildPrep, all(library.KindPoint), "a4"},
	}
	var findings []string
	checked := 0
	for _, lang := range langs {
		loc, err := cat.Locale(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range builds {
			opt := document.Options{Paper: b.paper, Config: config.Config{Paper: b.paper, Organisation: config.Organisation{Name: "SWAN"}},
				Date: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), Selection: b.sel}
			d, err := b.f(lib, docLocale{loc}, opt)
			if err != nil {
				t.Fatalf("%s %s: %v", b.name, lang, err)
			}
			for _, x := range texts(b.name+"-"+lang, d) {
				if _, ok := mentionAllowed[x.section][x.field]; ok {
					continue
				}
				checked++
				fs, err := checker.Check(x.doc, []byte(x.text), check.Options{})
				if err != nil {
					t.Fatalf("%s: %v", x.doc, err)
				}
				for _, f := range fs {
					if isMention(f) {
						continue
					}
					findings = append(findings, fmt.Sprintf("%s, %s %s (%s): %q (%s)", x.doc, x.section, x.field, x.item, f.Match, f.Rule))
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d texts checked: the documents came out nearly empty", checked)
	}
	sort.Strings(findings)
	findings = uniq(findings)
	if len(findings) == 0 {
		return
	}
	report := strings.Join(findings, "\n")
	t.Errorf("%d findings in the built documents (avoided words outside the sections in mentionAllowed):\n%s", len(findings), report)
}

func uniq(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
