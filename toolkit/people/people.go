// Package people reads an organisation's spokespeople (people: in presskit.yaml) and
// enforces their consent everywhere they appear: a person who agreed to "first-name-only"
// is printed by first name, and an "anonymous" one by a description, never by name and
// never with a photo.
package people

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // photos may be PNG
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
	xdraw "golang.org/x/image/draw"
)

// Consent says how a person may be named.
type Consent string

// The consent settings.
const (
	Public        Consent = "public"
	FirstNameOnly Consent = "first-name-only"
	Anonymous     Consent = "anonymous"
)

// Person is one spokesperson.
type Person struct {
	ID      string
	Name    string // the full name; printed only with consent public
	Consent Consent
	// Per language: pronouns, role, bio, and for an anonymous person the description
	// printed instead of a name (alias; the role when there is none).
	Pronouns, Role, Bio, Alias map[string]string
	// Languages are the languages the person speaks to journalists in (codes).
	Languages    []string
	Email, Phone string
	// Photo is the image file's bytes and type ("png", "jpg"), nil when none.
	Photo     []byte
	PhotoType string
	Line, Col int
}

// DisplayName is the name the person's consent allows in lang.
func (p *Person) DisplayName(lang string) string {
	switch p.Consent {
	case FirstNameOnly:
		if f := strings.Fields(p.Name); len(f) > 0 {
			return f[0]
		}
	case Anonymous:
		if a := In(p.Alias, lang); a != "" {
			return a
		}
		return In(p.Role, lang)
	}
	return p.Name
}

// PrintablePhoto is the photo when consent allows one.
func (p *Person) PrintablePhoto() ([]byte, string) {
	if p.Consent == Anonymous {
		return nil, ""
	}
	return p.Photo, p.PhotoType
}

// Error is a problem with a person, at a position in the configuration file.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Errors is every problem found.
type Errors []*Error

func (es Errors) Error() string {
	var s []string
	for _, e := range es {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

// Parse reads people: from a configuration file's YAML. readFile reads a photo, whose
// path is relative to the file's folder. Every problem is returned, each with its place.
func Parse(file string, data []byte, readFile func(string) ([]byte, error)) ([]*Person, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, nil // the configuration loader reports broken YAML
	}
	var list *yaml.Node
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "people" {
			list = m.Content[i+1]
		}
	}
	if list == nil || list.Tag == "!!null" {
		return nil, nil
	}
	var errs Errors
	at := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &Error{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
	}
	if list.Kind != yaml.SequenceNode {
		at(list, "people: expected a list of people (- id: …, name: …, consent: public)")
		return nil, errs
	}
	var out []*Person
	seen := map[string]bool{}
	for _, n := range list.Content {
		if n.Kind != yaml.MappingNode {
			at(n, "a person is a mapping of id, name, consent, role, bio, …")
			continue
		}
		p := &Person{Line: n.Line, Col: n.Column, Consent: Public,
			Pronouns: map[string]string{}, Role: map[string]string{}, Bio: map[string]string{}, Alias: map[string]string{}}
		var photoNode, consentNode *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "id":
				p.ID = v.Value
			case "name":
				p.Name = strings.TrimSpace(v.Value)
			case "consent":
				consentNode = v
				p.Consent = Consent(v.Value)
			case "pronouns":
				p.Pronouns = perLang(v, at)
			case "role":
				p.Role = perLang(v, at)
			case "bio":
				p.Bio = perLang(v, at)
			case "alias":
				p.Alias = perLang(v, at)
			case "languages":
				if v.Kind == yaml.SequenceNode {
					for _, c := range v.Content {
						p.Languages = append(p.Languages, c.Value)
					}
				} else {
					p.Languages = strings.Split(strings.ReplaceAll(v.Value, " ", ""), ",")
				}
			case "email":
				p.Email = v.Value
			case "phone":
				p.Phone = v.Value
			case "photo":
				photoNode = v
			default:
				at(k, "unknown field %q in a person; use id, name, pronouns, role, bio, alias, photo, languages, consent, email and phone", k.Value)
			}
		}
		who := p.ID
		switch {
		case p.ID == "":
			at(n, "a person has no id: add id: (a short name such as maria-k) so kits and releases can name them")
			who = "person"
		case seen[p.ID]:
			at(n, "person %q appears twice", p.ID)
		}
		seen[p.ID] = true
		switch p.Consent {
		case Public, FirstNameOnly, Anonymous:
		default:
			at(consentNode, "%s: consent %q: use public, first-name-only or anonymous", who, p.Consent)
		}
		if p.Name == "" && p.Consent != Anonymous {
			at(n, "%s: no name; add name:, or set consent: anonymous", who)
		}
		if p.Consent == Anonymous && len(p.Role) == 0 && len(p.Alias) == 0 {
			at(n, "%s: an anonymous person needs role: or alias: (per language), printed instead of a name", who)
		}
		if photoNode != nil && photoNode.Value != "" {
			if p.Consent == Anonymous {
				at(photoNode, "%s: consent is anonymous, so no photo may be printed: remove photo: (or change consent)", who)
			} else {
				p.Photo, p.PhotoType = readPhoto(photoNode, who, readFile, at)
			}
		}
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

func readPhoto(n *yaml.Node, who string, readFile func(string) ([]byte, error), at func(*yaml.Node, string, ...any)) ([]byte, string) {
	data, err := readFile(n.Value)
	if err != nil {
		at(n, "%s: photo %s cannot be read (%v)", who, n.Value, err)
		return nil, ""
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		at(n, "%s: photo %s is not a PNG or JPEG image; export it again as PNG or JPEG", who, filepath.Base(n.Value))
		return nil, ""
	}
	if format == "jpeg" {
		format = "jpg"
	}
	return shrink(img, data, format)
}

// photoSide is the longest side a photo needs: 28 mm at 300 dpi is 330 pixels, and the
// HTML shows it at 7rem; 600 leaves room for sharp screens.
const photoSide = 600

// shrink scales a photo larger than photoSide down and writes it as JPEG, so that a
// phone's 12-megapixel picture does not make a 5 MB page. Smaller photos are kept as
// they are. The result depends only on the input.
func shrink(img image.Image, data []byte, format string) ([]byte, string) {
	b := img.Bounds()
	if b.Dx() <= photoSide && b.Dy() <= photoSide {
		return data, format
	}
	w, h := photoSide, photoSide*b.Dy()/b.Dx()
	if b.Dy() > b.Dx() {
		w, h = photoSide*b.Dx()/b.Dy(), photoSide
	}
	dst := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	xdraw.Draw(dst, dst.Bounds(), image.White, image.Point{}, xdraw.Src) // transparency on white
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, b, xdraw.Over, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 85}); err != nil {
		return data, format
	}
	return out.Bytes(), "jpg"
}

func perLang(n *yaml.Node, at func(*yaml.Node, string, ...any)) map[string]string {
	out := map[string]string{}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = strings.TrimSpace(n.Content[i+1].Value)
		}
	case yaml.ScalarNode:
		out[""] = strings.TrimSpace(n.Value)
	default:
		at(n, "expected a text, or one per language ({en: …, ru: …})")
	}
	return out
}

// In returns a per-language field in lang, or the text given for every language.
func In(m map[string]string, lang string) string {
	if s, ok := m[lang]; ok {
		return s
	}
	return m[""]
}

// Find returns the person with id, or nil.
func Find(ps []*Person, id string) *Person {
	for _, p := range ps {
		if p.ID == id {
			return p
		}
	}
	return nil
}
