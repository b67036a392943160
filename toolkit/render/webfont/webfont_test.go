package webfont

import (
	"encoding/base64"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tdewolff/font"
)

var src = regexp.MustCompile(`font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+);.*?base64,([A-Za-z0-9+/=]+)\)`)

// TestFacesHoldThePagesCharactersAndNoOthers decodes every embedded face back and checks
// that it maps each character of the page, Russian included, and leaves others out.
func TestFacesHoldThePagesCharactersAndNoOthers(t *testing.T) {
	css, err := CSS("Мифы и факты — «13 лет» Myths & facts")
	if err != nil {
		t.Fatal(err)
	}
	rules := src.FindAllStringSubmatch(css, -1)
	if len(rules) != 6 {
		t.Fatalf("%d @font-face rules, want 6 (sans and serif: regular, bold, italic):\n%.300s", len(rules), css)
	}
	for _, m := range rules {
		data, err := base64.StdEncoding.DecodeString(m[4])
		if err != nil {
			t.Fatal(err)
		}
		sf, err := font.ParseFont(data, 0)
		if err != nil {
			t.Fatalf("%s %s %s: the cut face does not parse: %v", m[1], m[2], m[3], err)
		}
		for _, r := range "МифыактлMythsfc«»—13&" {
			if sf.GlyphIndex(r) == 0 {
				t.Errorf("%s %s %s: no glyph for %q", m[1], m[2], m[3], r)
			}
		}
		for _, r := range "ЖzQ" {
			if sf.GlyphIndex(r) != 0 {
				t.Errorf("%s %s %s: %q is not on the page but is in the face", m[1], m[2], m[3], r)
			}
		}
		if len(data) > 20000 {
			t.Errorf("%s %s %s: %d bytes for a few dozen characters", m[1], m[2], m[3], len(data))
		}
	}
	if !strings.Contains(css, `font-family: "Noto Serif"; font-weight: 700; font-style: normal`) {
		t.Error("no bold Noto Serif face for the titles")
	}
}

func BenchmarkCSS(b *testing.B) {
	text := strings.Repeat("Мифы и факты о секс-работе мигрантов. Myths and facts about migrant sex work, 2018–2026. ", 40)
	for i := 0; i < b.N; i++ {
		if _, err := CSS(text); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSameTextSameBytes: the pages are byte-identical on repeat (SOURCE_DATE_EPOCH), so the
// faces must be too.
func TestSameTextSameBytes(t *testing.T) {
	a, _ := CSS("Мифы и факты Myths")
	for i := 0; i < 3; i++ {
		time.Sleep(600 * time.Millisecond) // the library stamps the time of writing, in seconds
		if b, _ := CSS("Мифы и факты Myths"); b != a {
			t.Fatal("the same text gave different font bytes")
		}
	}
}
