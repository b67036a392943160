package sheet

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func testSheet() *Sheet {
	return &Sheet{Kind: "release", Lang: "en", Title: "T <x>", Org: "Org & Co", Paper: "letter", Brand: "#7a1f5c",
		Labels: map[string]string{"page_of": "Page {n} of {total}"},
		Blocks: []Block{
			{Kind: Headline, Text: Plain("Head <script>")},
			{Kind: Para, Lead: "CITY —", Text: []Span{{Text: "see ("}, {Text: "The Atlantic", Italic: true}, {Text: ")."},
				{Text: " bad", Href: "javascript:alert(1)"}, {Text: " good", Href: "https://example.org"}}},
			{Kind: Quote, Text: Plain("“Words.”"), Attribution: "— Ann"},
			{Kind: EndMark, Text: Plain("###")},
		}}
}

func TestHTMLEscapesTextAndKeepsOnlySafeLinks(t *testing.T) {
	var b bytes.Buffer
	if err := RenderHTML(&b, testSheet()); err != nil {
		t.Fatal(err)
	}
	h := b.String()
	for _, want := range []string{`<html lang="en">`, "Head &lt;script&gt;", "Org &amp; Co", `<a href="https://example.org"> good</a>`, `data-pages="flow"`, "<blockquote>"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(h, "javascript:") || strings.Contains(h, "<script>") {
		t.Error("unsafe link or script in the page")
	}
}

func TestPDFIsTheSameBytesForTheSameInput(t *testing.T) {
	var a, b bytes.Buffer
	s := testSheet()
	s.Created = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if err := RenderPDF(&a, s); err != nil {
		t.Fatal(err)
	}
	RenderPDF(&b, s)
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("not a PDF, or not the same bytes twice")
	}
}

func TestGlueKeepsBracketsWithTheirWords(t *testing.T) {
	got := glue([]Span{{Text: "see ("}, {Text: "The Atlantic", Italic: true}, {Text: "), 2014"}})
	if got[0].Text != "see " || got[1].Text != "(The Atlantic)," || got[2].Text != " 2014" {
		t.Errorf("%q %q %q", got[0].Text, got[1].Text, got[2].Text)
	}
}
