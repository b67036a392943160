package cards

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
)

func env(t testing.TB) (*library.Library, *i18n.Catalog) {
	t.Helper()
	langs := []string{"en", "ru"}
	lib, _ := library.Load([]library.Source{{FS: content.FS, Name: "content"}}, library.Options{Languages: langs, Known: langs})
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	return lib, cat
}

var plum = color.RGBA{0x7a, 0x1f, 0x5c, 0xff}

func TestEveryCardDecodesAtItsSizeAndHasAltText(t *testing.T) {
	lib, cat := env(t)
	res, err := Make(Options{Lib: lib, Catalog: cat, Langs: []string{"en", "ru"}, Style: Style{Brand: plum}, Org: "Org", Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cards) == 0 {
		t.Fatal("no cards")
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Name] = f.Data
	}
	for _, m := range res.Cards {
		if len(m.Files) != 2 {
			t.Errorf("%s [%s]: %d sizes", m.Card.ID, m.Card.Lang, len(m.Files))
		}
		for _, f := range m.Files {
			img, err := png.Decode(bytes.NewReader(files[f.PNG]))
			if err != nil {
				t.Fatalf("%s: %v", f.PNG, err)
			}
			if b := img.Bounds(); b.Dx() != f.Size.W || b.Dy() != f.Size.H {
				t.Errorf("%s is %v", f.PNG, b)
			}
			if alt := string(files[f.Alt]); len(alt) < 20 {
				t.Errorf("%s: alt text %q", f.Alt, alt)
			}
		}
	}
	alt := string(files["cards/myth-average-age-13-ru-square.alt.txt"])
	if !strings.Contains(alt, "Миф: ") || !strings.Contains(alt, "Факт: ") || !strings.Contains(alt, "Источник") {
		t.Errorf("alt text: %q", alt)
	}
}

func TestSameInputSameBytes(t *testing.T) {
	lib, cat := env(t)
	opt := Options{Lib: lib, Catalog: cat, Langs: []string{"ru"}, IDs: []string{"myth-average-age-13"}, Style: Style{Brand: plum}}
	a, err := Make(opt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Make(opt)
	for i := range a.Files {
		if !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs", a.Files[i].Name)
		}
	}
}

func TestTextIsDrawnInsideTheCardOnly(t *testing.T) {
	lib, cat := env(t)
	loc, _ := cat.Locale("en")
	d, _ := NewDrawer(Style{Brand: plum})
	c := Describe(lib, lib.Get("myth-average-age-13"), loc, "Org")
	for _, s := range Sizes {
		b, err := d.Draw(c, s)
		if err != nil {
			t.Fatal(err)
		}
		img, _ := png.Decode(bytes.NewReader(b))
		g := geometryOf(s)
		// The margins hold nothing but the brand colour, apart from header and footer rows.
		for y := int(g.top); y < int(g.bottom); y++ {
			for x := 0; x < int(g.pad)-2; x++ {
				if r, gg, bb, _ := img.At(x, y).RGBA(); r>>8 != 0x7a || gg>>8 != 0x1f || bb>>8 != 0x5c {
					t.Fatalf("%s: ink in the left margin at %d,%d", s.Name, x, y)
				}
			}
		}
		_ = image.Point{}
	}
}

func TestTooLongSaysWhichAndByHowMuch(t *testing.T) {
	lib, cat := env(t)
	loc, _ := cat.Locale("en")
	d, _ := NewDrawer(Style{Brand: plum})
	c := Describe(lib, lib.Get("myth-average-age-13"), loc, "Org")
	c.Runs[1].Text = strings.Repeat("An overlong fact that goes on and on. ", 40)
	_, err := d.Draw(c, Landscape)
	var tl *TooLongError
	if !errors.As(err, &tl) {
		t.Fatalf("err = %v", err)
	}
	msg := tl.Error()
	for _, want := range []string{"card myth-average-age-13 [en] landscape 1200×675", "% too long", "cut about"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if tl.Words < 100 || tl.Need <= tl.Have {
		t.Errorf("%+v", tl)
	}
}

func BenchmarkCard(b *testing.B) {
	lib, cat := env(b)
	loc, _ := cat.Locale("ru")
	d, _ := NewDrawer(Style{Brand: plum})
	c := Describe(lib, lib.Get("myth-average-age-13"), loc, "Org")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := d.Draw(c, Sizes[i%2]); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTooLongCardIsSkippedWithAWarningOrFailsWhenStrict(t *testing.T) {
	_, cat := env(t)
	long := strings.Repeat("A fact that keeps going well past what any card can hold. ", 30)
	fsys := fstest.MapFS{"m.yaml": {Data: []byte("sources:\n  - id: s\n    publisher: P\n    en: {title: T}\n    ru: {title: Т}\nmyths:\n  - id: myth-long\n    sources: [s]\n    en: {myth: M, fact: \"" + long + "\"}\n    ru: {myth: М, fact: Ф}\n  - id: myth-short\n    sources: [s]\n    en: {myth: M, fact: F}\n    ru: {myth: М, fact: Ф}\n")}}
	lib, probs := library.Load([]library.Source{{FS: fsys, Name: "lib"}}, library.Options{Languages: []string{"en", "ru"}, Known: []string{"en", "ru"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	opt := Options{Lib: lib, Catalog: cat, Langs: []string{"en"}, Style: Style{Brand: plum}}
	res, err := Make(opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cards) != 1 || res.Cards[0].Card.ID != "myth-short" || len(res.Warnings) != 2 ||
		!strings.Contains(res.Warnings[0], "card myth-long [en] square 1080×1080") || !strings.Contains(res.Warnings[0], "left out") {
		t.Fatalf("cards %d, warnings %q", len(res.Cards), res.Warnings)
	}
	opt.Strict = true
	if _, err := Make(opt); err == nil || !strings.Contains(err.Error(), "card myth-long [en]") {
		t.Fatalf("strict: %v", err)
	}
}

// The gallery templates are compiled on first use; a mistake in them panics there, not at
// start-up, so compile them here.
func TestGalleryTemplatesCompile(t *testing.T) {
	if gallery() == nil || indexSection() == nil || gallery() != gallery() {
		t.Fatal("templates not compiled once")
	}
	out, err := IndexSection(nil, nil, "Cards")
	if err != nil || out != nil {
		t.Fatalf("no cards: %q, %v", out, err)
	}
}

// TestRefusedOnlyWhenTooLongAtTheSmallestSize: a card is refused only when its text does
// not fit even at the smallest type, for texts of every length around that limit (the
// sizes tried step down by 5%, and the smallest is tried even when a step skips it).
func TestRefusedOnlyWhenTooLongAtTheSmallestSize(t *testing.T) {
	lib, cat := env(t)
	loc, _ := cat.Locale("ru")
	d, _ := NewDrawer(Style{Brand: plum})
	words := strings.Fields(strings.Repeat("Секс-работа мигрантов — не торговля людьми, и полиция это знает. ", 12))
	refused := 0
	for _, s := range Sizes {
		for n := 20; n <= len(words); n += 2 {
			c := Describe(lib, lib.Get("myth-average-age-13"), loc, "Org")
			c.Runs[1].Text = strings.Join(words[:n], " ")
			_, err := d.Draw(c, s)
			var tl *TooLongError
			if errors.As(err, &tl) {
				refused++
				if tl.Need <= tl.Have {
					t.Errorf("%s, %d words: refused, yet %d px needed and %d px available", s.Name, n, tl.Need, tl.Have)
				}
			} else if err != nil {
				t.Fatal(err)
			}
		}
	}
	if refused == 0 {
		t.Error("no text was long enough to be refused: the test does not reach the limit")
	}
}
