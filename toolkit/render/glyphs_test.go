package render

import (
	"errors"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// latin covers what a Latin and Cyrillic font covers, roughly: everything in the Basic
// Multilingual Plane below U+2100 but the controls.
func latin(r rune) bool { return r >= 0x20 && r < 0x2100 }

func doc() *document.Doc {
	return &document.Doc{
		Kind: document.Handout, Lang: "ru", Title: "Мифы и факты",
		Intro:    document.Rich{{Spans: []document.Span{{Text: "Вступление\u00a0— коротко."}}}},
		Labels:   map[string]string{"myth": "Миф", "page_of": "Стр. {n} из {total}"},
		Masthead: document.Masthead{Org: "SWAN", Email: "info@swannet.org"},
		Contacts: []document.Contact{{Name: "Анна", Phone: "+36 1 555 0100"}},
		Sections: []document.Section{{ID: "myths", Heading: "Мифы", Blocks: []document.Block{
			{Kind: document.BlockMyth, ItemID: "myth-one", Head: document.Rich{{Spans: []document.Span{{Text: "Миф"}}}},
				Body: document.Rich{{Spans: []document.Span{{Text: "Факт", Strong: true}, {Text: " ссылка", Link: "https://example.org/"}}}}},
			{Kind: document.BlockTerm, ItemID: "term-one", Avoid: []string{"слово"}, Say: []string{"другое"}},
		}}},
		References: []document.Reference{{N: 1, ID: "src-one", Text: "SWAN. Заголовок.", URL: "https://swannet.org/"}},
	}
}

func TestCheckGlyphsNamesWhereTheCharacterIs(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(d *document.Doc)
		where string
		char  string
	}{
		{"clean", func(d *document.Doc) {}, "", ""},
		{"invisible characters are fine", func(d *document.Doc) { d.Title += "\u00ad\u200b\ufeff\n" }, "", ""},
		{"emoji in a block", func(d *document.Doc) {
			d.Sections[0].Blocks[0].Body[0].Spans[0].Text += " 😀"
		}, "myth-one (ru)", "U+1F600 (😀)"},
		{"chinese in a term", func(d *document.Doc) { d.Sections[0].Blocks[1].Say = []string{"中"} }, "term-one (ru)", "U+4E2D (中)"},
		{"title", func(d *document.Doc) { d.Title = "☃" }, "document title (ru)", "U+2603"},
		{"organisation", func(d *document.Doc) { d.Masthead.Org = "SWAN ✊" }, "configuration organisation.name (ru)", "U+270A"},
		{"contact", func(d *document.Doc) { d.Contacts[0].Name = "Анна 🙂" }, "configuration contacts[0].name (ru)", "U+1F642"},
		{"interface string", func(d *document.Doc) { d.Labels["myth"] = "★" }, "interface string myth (ru)", "U+2605"},
		{"reference", func(d *document.Doc) { d.References[0].Text = "𝔄" }, "source src-one (ru)", "U+1D504"},
		{"proof point", func(d *document.Doc) {
			d.Sections[0].Blocks[0].Proof = []document.Block{{Kind: document.BlockFact, ItemID: "fact-one",
				Body: document.Rich{{Spans: []document.Span{{Text: "∞"}}}}}}
		}, "fact-one (ru)", "U+221E"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc()
			tt.edit(d)
			err := CheckGlyphs(d, latin)
			if tt.where == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ge *GlyphError
			if !errors.As(err, &ge) {
				t.Fatalf("got %v, want a *GlyphError", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tt.where) || !strings.Contains(msg, tt.char) {
				t.Errorf("error %q, want it to start with %q and name %q", msg, tt.where, tt.char)
			}
		})
	}
}

func TestCheckGlyphsRejectsCharactersAboveTheBMPEvenIfCovered(t *testing.T) {
	d := doc()
	d.Title = "😀"
	if err := CheckGlyphs(d, func(rune) bool { return true }); err == nil {
		t.Fatal("no error for U+1F600")
	}
}

func TestRuneName(t *testing.T) {
	for r, want := range map[rune]string{'😀': "U+1F600 (😀)", 'я': "U+044F (я)", '\u0007': "U+0007", '\ufffd': "U+FFFD"} {
		if got := RuneName(r); got != want {
			t.Errorf("RuneName(%q) = %q, want %q", r, got, want)
		}
	}
}
