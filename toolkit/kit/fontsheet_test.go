package kit

import (
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/render/html"
	"github.com/tdewolff/font"
)

// TestKitPagesShareOneFontSheet: the example kit's pages, the landing pages included,
// link one fonts.css and hold no faces of their own; each of its six faces maps every
// character of every page that the whole face maps (Russian included).
func TestKitPagesShareOneFontSheet(t *testing.T) {
	e := loadExampleKit(t)
	b, err := Build(e.lib, e.cat, e.kit, e.opt)
	if err != nil {
		t.Fatal(err)
	}
	var sheet string
	var text strings.Builder
	pages := 0
	for _, f := range b.Files {
		switch {
		case f.Name == html.FontSheet:
			if sheet != "" {
				t.Fatal("two font sheets")
			}
			sheet = string(f.Data)
		case strings.HasSuffix(f.Name, ".html"):
			pages++
			if !html.LinksFontSheet(f.Data) || strings.Contains(string(f.Data), "@font-face") {
				t.Errorf("%s: does not link %s, or holds faces of its own", f.Name, html.FontSheet)
			}
			text.Write(f.Data)
		}
	}
	if pages != 8 || sheet == "" {
		t.Fatalf("%d pages, font sheet %d bytes; want 8 pages (3 documents and the landing page × en, ru) and a sheet", pages, len(sheet))
	}
	rules := regexp.MustCompile(`font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+);.*?base64,([A-Za-z0-9+/=]+)\)`).FindAllStringSubmatch(sheet, -1)
	if len(rules) != len(fonts.Faces()) {
		t.Fatalf("%d faces in the sheet, want %d", len(rules), len(fonts.Faces()))
	}
	for i, m := range rules {
		cut, err := base64.StdEncoding.DecodeString(m[4])
		if err != nil {
			t.Fatal(err)
		}
		sub, err := font.ParseFont(cut, 0)
		if err != nil {
			t.Fatalf("%s %s %s: %v", m[1], m[2], m[3], err)
		}
		whole, err := fonts.FS.ReadFile(fonts.Faces()[i].File)
		if err != nil {
			t.Fatal(err)
		}
		full, err := font.ParseFont(whole, 0)
		if err != nil {
			t.Fatal(err)
		}
		missing := map[rune]bool{}
		for _, r := range text.String() {
			if r >= ' ' && full.GlyphIndex(r) != 0 && sub.GlyphIndex(r) == 0 {
				missing[r] = true
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s %s %s: %d characters of the pages missing, e.g. %q", m[1], m[2], m[3], len(missing), firstRunes(missing))
		}
		if sub.GlyphIndex('ж') == 0 {
			t.Errorf("%s %s %s: no Cyrillic", m[1], m[2], m[3])
		}
	}
}

func firstRunes(m map[rune]bool) string {
	var b strings.Builder
	for r := range m {
		if b.Len() > 20 {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}
