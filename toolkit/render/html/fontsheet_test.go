package html

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/tdewolff/font"
)

var fontData = regexp.MustCompile(`font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+);.*?base64,([A-Za-z0-9+/=]+)\)`)

// cutFaces decodes the @font-face rules of css.
func cutFaces(t *testing.T, css string) map[string]*font.SFNT {
	t.Helper()
	out := map[string]*font.SFNT{}
	for _, m := range fontData.FindAllStringSubmatch(css, -1) {
		data, err := base64.StdEncoding.DecodeString(m[4])
		if err != nil {
			t.Fatal(err)
		}
		sf, err := font.ParseFont(data, 0)
		if err != nil {
			t.Fatalf("%s %s %s: %v", m[1], m[2], m[3], err)
		}
		out[m[1]+" "+m[2]+" "+m[3]] = sf
	}
	return out
}

// TestKitPageLinksTheFontSheet: a kit's page (Index) links fonts.css beside it instead
// of holding the faces, and the sheet made for several pages has every face, each with
// the characters of all of them.
func TestKitPageLinksTheFontSheet(t *testing.T) {
	var pages [][]byte
	for _, lang := range []string{"en", "ru"} {
		var buf bytes.Buffer
		if err := Render(&buf, fixtureDoc(document.Handout, lang), Options{Index: true, Langs: []string{"en", "ru"}}); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		if strings.Contains(page, "@font-face") || !strings.Contains(page, `<link rel="stylesheet" href="fonts.css">`+"\n<style>") {
			t.Fatalf("%s: a kit's page holds its own faces or does not link %s:\n%.800s", lang, FontSheet, page)
		}
		if !LinksFontSheet(buf.Bytes()) {
			t.Errorf("%s: LinksFontSheet does not see the link", lang)
		}
		pages = append(pages, buf.Bytes())
	}
	var alone bytes.Buffer
	if err := Render(&alone, fixtureDoc(document.Handout, "ru"), Options{}); err != nil {
		t.Fatal(err)
	}
	if LinksFontSheet(alone.Bytes()) || !strings.Contains(alone.String(), "@font-face") {
		t.Error("a page made alone must hold its own faces")
	}
	css, err := FontSheetFor(pages)
	if err != nil {
		t.Fatal(err)
	}
	faces := cutFaces(t, string(css))
	if len(faces) != 6 {
		t.Fatalf("%d faces in the sheet, want 6", len(faces))
	}
	for name, sf := range faces {
		for _, r := range "MythFactМифФакт«»—" {
			if sf.GlyphIndex(r) == 0 {
				t.Errorf("%s: no glyph for %q, on one of the pages", name, r)
			}
		}
	}
}

// TestTwoSidedPageHasTheFontsOfBothSides: the faces of a two-sided page made alone are
// cut to the text of both sides, not of the first alone.
func TestTwoSidedPageHasTheFontsOfBothSides(t *testing.T) {
	var buf bytes.Buffer
	docs := []*document.Doc{fixtureDoc(document.Handout, "en"), fixtureDoc(document.Handout, "ru")}
	if err := RenderSides(&buf, docs, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(page, "@font-face"); n != 6 {
		t.Fatalf("%d @font-face rules, want 6", n)
	}
	for name, sf := range cutFaces(t, page) {
		for _, r := range "MythМиф" {
			if sf.GlyphIndex(r) == 0 {
				t.Errorf("%s: no glyph for %q", name, r)
			}
		}
	}
	buf.Reset()
	if err := RenderSides(&buf, docs, Options{Index: true}); err != nil {
		t.Fatal(err)
	}
	if !LinksFontSheet(buf.Bytes()) || strings.Contains(buf.String(), "@font-face") {
		t.Error("a kit's two-sided page must link the font sheet")
	}
}
