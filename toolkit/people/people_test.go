package people

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/release/sheet"
)

func pngBytes() []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 20, 20)))
	return b.Bytes()
}

func files(name string) ([]byte, error) {
	switch name {
	case "sam.png":
		return pngBytes(), nil
	case "notes.txt":
		return []byte("not an image"), nil
	}
	return nil, errors.New("no such file")
}

const cfg = `people:
  - id: sam
    name: Sam Rivera
    pronouns: {en: they/them}
    role: {en: Outreach coordinator, ru: Координатор}
    photo: sam.png
    languages: [en, ru]
  - id: ana
    name: Ana Petrova
    consent: first-name-only
    role: {en: Peer worker, ru: Равный консультант}
  - id: peer
    consent: anonymous
    alias: {en: A migrant sex worker in Toronto, ru: Секс-работница-мигрантка из Торонто}
    role: {en: Peer organiser, ru: Организаторка}
`

func TestConsentIsObeyedOnThePage(t *testing.T) {
	ps, err := Parse("presskit.yaml", []byte(cfg), files)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		loc, _ := cat.Locale(lang)
		s := Sheet(ps, loc, Page{Config: config.Config{Organisation: config.Organisation{Name: "Org", Email: "m@example.org"}}})
		var names []string
		for _, b := range s.Blocks {
			if b.Kind == sheet.Person {
				names = append(names, b.Name)
				if b.Name != "Sam Rivera" && b.Photo != nil {
					t.Errorf("%s has a photo", b.Name)
				}
			}
		}
		want := map[string]string{"en": "Sam Rivera|Ana|A migrant sex worker in Toronto", "ru": "Sam Rivera|Ana|Секс-работница-мигрантка из Торонто"}[lang]
		if strings.Join(names, "|") != want {
			t.Errorf("%s: names %q, want %q", lang, names, want)
		}
		text := string(sheet.RenderText(s, "txt"))
		if strings.Contains(text, "Petrova") {
			t.Errorf("%s: a first-name-only surname is printed", lang)
		}
	}
}

func TestPeopleBadInput(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"anonymous with photo", "people:\n  - id: p\n    consent: anonymous\n    role: {en: r}\n    photo: sam.png\n",
			"presskit.yaml:5:12: p: consent is anonymous, so no photo may be printed"},
		{"photo not an image", "people:\n  - id: p\n    name: P Q\n    photo: notes.txt\n", "presskit.yaml:4:12: p: photo notes.txt is not a PNG or JPEG image"},
		{"missing photo", "people:\n  - id: p\n    name: P Q\n    photo: gone.png\n", "presskit.yaml:4:12: p: photo gone.png cannot be read"},
		{"bad consent", "people:\n  - id: p\n    name: P Q\n    consent: private\n", `consent "private": use public, first-name-only or anonymous`},
		{"unknown field", "people:\n  - id: p\n    name: P Q\n    nmae: x\n", `presskit.yaml:4:5: unknown field "nmae"`},
		{"no name", "people:\n  - id: p\n", "p: no name; add name:, or set consent: anonymous"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("presskit.yaml", []byte(tc.yaml), files)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestLargePhotoIsScaledDown(t *testing.T) {
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 3000, 2000)))
	big := b.Bytes()
	ps, err := Parse("p.yaml", []byte("people:\n  - id: p\n    name: P Q\n    photo: big.png\n"), func(string) ([]byte, error) { return big, nil })
	if err != nil {
		t.Fatal(err)
	}
	img, format, err := image.Decode(bytes.NewReader(ps[0].Photo))
	if err != nil || format != "jpeg" || ps[0].PhotoType != "jpg" {
		t.Fatalf("%v %s %s", err, format, ps[0].PhotoType)
	}
	if r := img.Bounds(); r.Dx() != 600 || r.Dy() != 400 {
		t.Errorf("scaled to %v", r)
	}
}
