package html

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presskit/presskit/templates"
	"github.com/presskit/presskit/toolkit/document"
)

func allFixtures() map[string]*document.Doc {
	out := map[string]*document.Doc{}
	for _, k := range document.Kinds {
		for _, l := range []string{"en", "ru"} {
			out[string(k)+"-"+l] = fixtureDoc(k, l)
		}
	}
	return out
}

func TestEveryPageIsSelfContainedSemanticHTML(t *testing.T) {
	external := regexp.MustCompile(`(?i)(src|href)\s*=\s*"?(https?:)?//[^"]*"?[^>]*>|url\((?:[^d]|d[^a]|da[^t]|dat[^a]|data[^:])|@import|<link\b|<script|<iframe|<object|<embed`)
	for name, d := range allFixtures() {
		d.Masthead.Logo, d.Masthead.LogoType = pngLogo(t), "png"
		got := render(t, d)
		for _, want := range []string{
			"<!doctype html>", `<html lang="` + d.Lang + `"`, `<meta charset="utf-8">`,
			`<meta name="viewport" content="width=device-width, initial-scale=1">`,
			"<title>" + d.Title, "<header", "<main>", "<footer", "<style>", "@page { size: A4; margin: 18mm;",
			`<section id="sources"`, `aria-labelledby="h-`, `<img class="logo" src="data:image/png;base64,`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
		for _, m := range external.FindAllString(got, -1) {
			// Links the reader follows are fine; nothing may be fetched.
			if strings.HasPrefix(strings.ToLower(m), "href") {
				continue
			}
			t.Errorf("%s: external resource or script: %q", name, m)
		}
		if regexp.MustCompile(`(?i)\ssrc\s*=\s*"https?:`).MatchString(got) {
			t.Errorf("%s: an image or script is loaded over the network", name)
		}
	}
}

func TestRussianPageDeclaresItsLanguage(t *testing.T) {
	got := render(t, fixtureDoc(document.Handout, "ru"))
	if !strings.Contains(got, `<html lang="ru"`) {
		t.Fatal(`no <html lang="ru">`)
	}
	if !strings.Contains(got, "«Проститутка»\u00a0— обычное нейтральное слово.") {
		t.Error("Russian typography (ёлочки, dash) did not come through")
	}
	if !strings.Contains(got, `content: "Страница " counter(page) " из " counter(pages)`) {
		t.Error("page numbers are not in Russian")
	}
}

func TestHeadingsDescendOneLevelAtATime(t *testing.T) {
	re := regexp.MustCompile(`<h([1-6])[ >]`)
	for name, d := range allFixtures() {
		prev := 0
		for i, m := range re.FindAllStringSubmatch(render(t, d), -1) {
			level := int(m[1][0] - '0')
			if i == 0 && level != 1 {
				t.Errorf("%s: first heading is h%d", name, level)
			}
			if level > prev+1 {
				t.Errorf("%s: h%d follows h%d", name, level, prev)
			}
			prev = level
		}
	}
}

func TestSectionWithoutHeadingIsStillNamed(t *testing.T) {
	d := fixtureDoc(document.Handout, "en")
	d.Sections[0].Heading = ""
	got := render(t, d)
	if !strings.Contains(got, `<h2 id="h-myths" class="visually-hidden">Myth / Fact</h2>`) {
		t.Errorf("no hidden heading for a section without one")
	}
}

func TestTextIsEscapedNotInterpreted(t *testing.T) {
	d := fixtureDoc(document.Handout, "en")
	evil := "<script>alert(1)</script>"
	d.Title = evil
	d.Sections[0].Blocks[0].Head = document.Rich{{Spans: []document.Span{{Text: evil, Strong: true}}}}
	d.Sections[0].Blocks[0].Body = document.Rich{{Spans: []document.Span{{Text: `"><img src=x onerror=alert(1)>`}}}}
	d.Masthead.Org = evil
	d.Contacts[0].Name = evil
	d.References[0].Text = evil
	got := render(t, d)
	if strings.Contains(got, "<script") || strings.Contains(got, "<img src=x") {
		t.Fatal("raw HTML from the document reached the page")
	}
	if !strings.Contains(got, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the text is not shown escaped")
	}
}

func TestOnlyWebAndMailLinksAreLinked(t *testing.T) {
	bad := []string{"javascript:alert(1)", " JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html,<b>x</b>",
		"file:///etc/passwd", "//evil.example/x", "/relative", "https://", "java\tscript:alert(1)"}
	for _, link := range bad {
		d := fixtureDoc(document.Brief, "en")
		d.Intro = document.Rich{{Spans: []document.Span{{Text: "click me", Link: link}}}}
		d.References[0].URL = link
		d.Masthead.URL = link
		d.Contacts[0].Email = link
		got := render(t, d)
		for _, m := range attrURL.FindAllStringSubmatch(got, -1) {
			if !safeAttr(m[1], m[2]) {
				t.Errorf("link %q: output has %s=%q", link, m[1], m[2])
			}
		}
		if low := strings.ToLower(got); strings.Contains(low, "javascript:") || strings.Contains(low, "vbscript:") {
			t.Errorf("link %q: a script address is in the output", link)
		}
		if !strings.Contains(got, "click me") {
			t.Errorf("link %q: the link's text is gone", link)
		}
	}
	for link, want := range map[string]string{
		"https://swannet.org/a b":  `href="https://swannet.org/a%20b"`,
		"HTTP://Example.org/":      `href="http://Example.org/"`,
		"mailto:press@swannet.org": `href="mailto:press@swannet.org"`,
	} {
		d := fixtureDoc(document.Brief, "en")
		d.Intro = document.Rich{{Spans: []document.Span{{Text: "x", Link: link}}}}
		if got := render(t, d); !strings.Contains(got, want) {
			t.Errorf("link %q: no %s", link, want)
		}
	}
}

var telLink = regexp.MustCompile(`^tel:\+?[0-9]{3,}$`)

var attrURL = regexp.MustCompile(`(?i)\s(href|src|action|formaction|poster)\s*=\s*"([^"]*)"`)

// safeAttr reports whether an address in an attribute is one a page may have: a web or
// mail link, an anchor, or (for images only) an inline PNG or JPEG.
func safeAttr(attr, v string) bool {
	v = strings.ToLower(v)
	if strings.EqualFold(attr, "src") {
		return strings.HasPrefix(v, "data:image/png;base64,") || strings.HasPrefix(v, "data:image/jpeg;base64,")
	}
	// A phone number is a tel: link of digits and a leading "+" only.
	if attr == "href" && telLink.MatchString(v) {
		return true
	}
	for _, p := range []string{"https://", "http://", "mailto:", "#"} {
		if strings.HasPrefix(v, p) && len(v) > len(p) {
			return true
		}
	}
	return false
}

func TestEveryAddressOnEveryPageIsSafe(t *testing.T) {
	for name, d := range allFixtures() {
		d.Masthead.Logo = pngLogo(t)
		for _, m := range attrURL.FindAllStringSubmatch(render(t, d), -1) {
			if !safeAttr(m[1], m[2]) {
				t.Errorf("%s: %s=%q", name, m[1], m[2])
			}
		}
	}
}

func TestRichTextBecomesParagraphsAndLists(t *testing.T) {
	r := document.Rich{
		{Spans: []document.Span{{Text: "A "}, {Text: "b", Strong: true}, {Text: " & ", Em: true}, {Text: "c<d", Code: true}}},
		{Bullet: true, Spans: []document.Span{{Text: "one", Link: "https://x.org/?a=1&b=2", Strong: true}}},
		{Bullet: true, Spans: []document.Span{{Text: "two"}}},
		{Spans: []document.Span{{Text: "end"}}},
	}
	got := string(richHTML(r, []int{2}, map[int]bool{2: true}))
	want := `<p>A <strong>b</strong><em> &amp; </em><code>c&lt;d</code></p>` +
		`<ul><li><a href="https://x.org/?a=1&amp;b=2"><strong>one</strong></a></li><li>two</li></ul>` +
		`<p>end<sup class="refs">[<a href="#ref-2">2</a>]</sup></p>`
	if got != want {
		t.Errorf("richHTML:\n got %s\nwant %s", got, want)
	}
	if got := string(inlineHTML(r[:1], nil, nil)); strings.Contains(got, "<p>") {
		t.Errorf("inlineHTML made a paragraph: %s", got)
	}
}

func TestReferenceMarkersLinkToTheirEntries(t *testing.T) {
	d := fixtureDoc(document.Handout, "en")
	d.Sections[0].Blocks[0].Refs = []int{1, 99}
	got := render(t, d)
	for _, r := range d.References {
		id := `id="ref-` + itoa(r.N) + `"`
		if !strings.Contains(got, id) {
			t.Errorf("no %s", id)
		}
	}
	if !strings.Contains(got, `[<a href="#ref-1">1</a>, 99]`) {
		t.Error("markers: want 1 linked and the unknown 99 unlinked")
	}
	if !strings.Contains(got, `<ol class="references">`) {
		t.Error("references are not an ordered list")
	}
}

func TestQuotesAndTablesAreMarkedUp(t *testing.T) {
	got := render(t, fixtureDoc(document.Brief, "ru"))
	for _, want := range []string{
		`<figure class="block quote">`, "<blockquote>", "<figcaption>", "<cite>", `<span class="note">(перевод)</span>`,
		`<table class="saynot">`, `<th scope="col" class="say">Говорите</th>`, `<th scope="rowgroup" colspan="2">`,
		`<table class="saynot terms">`, `<th scope="col" class="why">Почему</th>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s", want)
		}
	}
}

func TestMissingContactDetailsLeaveNoEmptyLabels(t *testing.T) {
	d := fixtureDoc(document.Handout, "en")
	d.Masthead.Email, d.Masthead.Phone, d.Masthead.URL = "", "", ""
	d.Contacts = []document.Contact{{Name: "Anna Kovács"}, {Name: "", Email: "", Phone: ""}}
	got := render(t, d)
	for _, s := range []string{"Email:", "Phone:", "Website:", `<span class="ways">`} {
		if strings.Contains(got, s) {
			t.Errorf("output has %q with nothing after it", s)
		}
	}
	if !strings.Contains(got, "Anna Kovács") || !strings.Contains(got, "27 November 2026") {
		t.Error("the contact's name or the date is missing")
	}
	d.Contacts = nil
	if got := render(t, d); strings.Contains(got, "Media contacts") {
		t.Error("a contacts heading with no contacts")
	}
}

func TestEmbargoBannerOnlyWhenSet(t *testing.T) {
	d := fixtureDoc(document.Brief, "en")
	if got := render(t, d); !strings.Contains(got, `<p class="embargo" role="note">Embargoed until 1 December 2026, 09:00 CET</p>`) {
		t.Error("no embargo banner")
	}
	d.Embargo = "  "
	if got := render(t, d); strings.Contains(got, `class="embargo"`) {
		t.Error("an embargo banner with no embargo")
	}
}

func TestLogoIsInlinedOnlyWhenItIsAnImage(t *testing.T) {
	d := fixtureDoc(document.Handout, "en")
	d.Masthead.Logo = pngLogo(t)
	if got := render(t, d); !strings.Contains(got, `src="data:image/png;base64,`+base64.StdEncoding.EncodeToString(d.Masthead.Logo)+`"`) {
		t.Error("PNG logo not inlined as a data: URI")
	}
	d.Masthead.Logo = []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	if got := render(t, d); strings.Contains(got, "<img") {
		t.Error("an SVG logo was inlined")
	}
}

func TestPaperSizeFollowsTheDocument(t *testing.T) {
	d := fixtureDoc(document.Handout, "en")
	d.Paper = "letter"
	if got := render(t, d); !strings.Contains(got, "@page { size: letter; margin: 18mm;") {
		t.Error("no letter @page")
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	for name, d := range allFixtures() {
		if a, b := render(t, d), render(t, d); a != b {
			t.Errorf("%s: two renders differ", name)
		}
	}
}

func TestTemplatesCanBeOverlaid(t *testing.T) {
	fsys := fstest.MapFS{"handout.tmpl": {Data: []byte(`{{define "main"}}<h1>Custom {{.Doc.Title}}</h1>{{end}}`)}}
	for _, name := range []string{"base.tmpl", "blocks.tmpl", "documents.css"} {
		b, err := templates.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	var buf bytes.Buffer
	if err := Render(&buf, fixtureDoc(document.Handout, "en"), Options{Templates: fsys}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "<h1>Custom Migrant sex work: myths and facts</h1>") {
		t.Error("the overlaid template was not used")
	}
	buf.Reset()
	err := Render(&buf, fixtureDoc(document.Brief, "en"), Options{Templates: fsys})
	if err == nil || !strings.Contains(err.Error(), "brief.tmpl") {
		t.Errorf("missing brief.tmpl: err = %v", err)
	}
	if buf.Len() != 0 {
		t.Error("a failed render wrote output")
	}
}

func TestBadInputIsRefused(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, nil, Options{}); err == nil {
		t.Error("nil document: no error")
	}
	d := fixtureDoc(document.Handout, "en")
	d.Kind = "poster"
	if err := Render(&buf, d, Options{}); err == nil {
		t.Error("unknown kind: no error")
	}
	if buf.Len() != 0 {
		t.Error("output written for bad input")
	}
}

func TestPageCounterFollowsTheLabel(t *testing.T) {
	for label, want := range map[string]string{
		"Page {n} of {total}":     `"Page " counter(page) " of " counter(pages)`,
		"Стр. {n} из {total}":     `"Стр. " counter(page) " из " counter(pages)`,
		"{n}/{total}":             `counter(page) "/" counter(pages)`,
		`Seite {n} "von" {total}`: `"Seite " counter(page) " \22 von\22  " counter(pages)`,
		"page_of":                 "",
	} {
		if got := pageCounter(label); got != want {
			t.Errorf("pageCounter(%q) = %s, want %s", label, got, want)
		}
	}
}

func TestLongDocumentsPrintSmaller(t *testing.T) {
	short := fixtureDoc(document.Handout, "en")
	short.Sections[0].Blocks = short.Sections[0].Blocks[:2]
	if got := render(t, short); !strings.Contains(got, `class="doc handout fit-0"`) {
		t.Error("a short handout is not at the comfortable size")
	}
	long := fixtureDoc(document.Handout, "ru")
	long.Sections[0].Blocks = append(long.Sections[0].Blocks, long.Sections[0].Blocks...)
	if got := render(t, long); !strings.Contains(got, `class="doc handout fit-8"`) {
		t.Error("a handout far too long is not at the smallest size")
	}
	prev := -1
	for n := 1; n <= len(fixtureMyths); n++ {
		d := fixtureDoc(document.Handout, "en")
		d.Sections[0].Blocks = d.Sections[0].Blocks[:n]
		p, err := newDocPage(d, templates.FS)
		if err != nil {
			t.Fatal(err)
		}
		step := fitStep(d, p.Sections)
		if step < prev {
			t.Errorf("%d myths print larger (step %d) than %d (step %d)", n, step, n-1, prev)
		}
		prev = step
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// pngLogo is a 1×1 PNG.
func pngLogo(t *testing.T) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAD/gH+2kV5XwAAAABJRU5ErkJggg==")
	if err != nil {
		t.Fatal(err)
	}
	return b
}
