package plaintext

import (
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

func testDoc() *document.Doc {
	return &document.Doc{
		Kind: document.Handout, Lang: "en", Title: "Myths and facts", DateText: "3 December 2026",
		Masthead: document.Masthead{Org: "Org_name"},
		Labels:   map[string]string{"myth": "Myth", "fact": "Fact", "sources": "Sources", "say_this": "Say", "not_this": "Not", "why": "Why", "media_contacts": "Media contacts"},
		Sections: []document.Section{
			{ID: "myths", Heading: "Myths and facts", Blocks: []document.Block{{Kind: document.BlockMyth,
				Head: document.Rich{{Spans: []document.Span{{Text: "All are *trafficked*."}}}},
				Body: document.Rich{{Spans: []document.Span{{Text: "Not so, says "}, {Text: "The Atlantic", Em: true}, {Text: "."}}}},
				Refs: []int{1}}}},
			{ID: "terms", Heading: "Words", Blocks: []document.Block{{Kind: document.BlockTerm, Say: []string{"sex worker"}, Avoid: []string{"prostitute"}}}},
		},
		References: []document.Reference{{N: 1, Short: "The Atlantic, 2014", URL: "https://example.org/a"}},
		Contacts:   []document.Contact{{Name: "Ann", Role: "Media", Email: "ann@example.org"}},
	}
}

func TestMarkdownKeepsHeadingsListsAndEmphasis(t *testing.T) {
	md := string(Doc(testDoc(), Markdown))
	for _, want := range []string{"Org\\_name", "# Myths and facts\n", "## Myths and facts", "**Myth:** All are \\*trafficked\\*.",
		"**Fact:** Not so, says *The Atlantic*. \\[1\\]", "- **Say:** sex worker\n- **Not:** prostitute", "## Sources",
		"- \\[1\\] The Atlantic, 2014 <https://example.org/a>", "- **Ann** · Media · ann@example.org"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestPlainTextHasNoMarkup(t *testing.T) {
	txt := string(Doc(testDoc(), Text))
	for _, want := range []string{"Org_name", "Myths and facts\n===============", "Myth: All are *trafficked*.", "Fact: Not so, says The Atlantic. [1]",
		"• Say: sex worker", "[1] The Atlantic, 2014 https://example.org/a"} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "**") || strings.Contains(txt, "\\[") {
		t.Errorf("markup in plain text:\n%s", txt)
	}
}

func TestMarkdownLinkAndLineStart(t *testing.T) {
	w := New(Markdown)
	got := w.Spans([]Span{{Text: "see "}, {Text: "the kit", Href: "https://example.org"}, {Text: " now", Bold: true}})
	if got != "see [the kit](https://example.org) **now**" {
		t.Errorf("got %q", got)
	}
	if EscapeMD("# not a heading") != `\# not a heading` || EscapeMD("- not a list") != `\- not a list` {
		t.Error("line-start markup not escaped")
	}
}
