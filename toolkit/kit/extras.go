package kit

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // the logo may be a JPEG
	_ "image/png"  // or a PNG
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/presskit/presskit/toolkit/cards"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/people"
	"github.com/presskit/presskit/toolkit/plaintext"
	"github.com/presskit/presskit/toolkit/publish"
	"github.com/presskit/presskit/toolkit/release"
	"github.com/presskit/presskit/toolkit/release/sheet"
)

// The documents a kit holds beside the library's brief, handout and prep sheet.
const (
	Release document.Kind = "release"
	People  document.Kind = "people"
	Cards   document.Kind = "cards"
)

// ExtraKinds are the kit-level documents, made by Extras.
var ExtraKinds = []document.Kind{Release, People, Cards}

// Formats are the formats a kit may name: txt and md are made from the same model.
var Formats = []string{"pdf", "html", "txt", "md"}

// Extras is what the release, spokespeople page and cards are made with.
type Extras struct {
	// Release holds the library, strings, configuration, people, clock and checker.
	Release release.Env
	// Dir is the kit file's folder: release files are named relative to it.
	Dir string
	// ReadFile reads a file (a release) by its path.
	ReadFile func(string) ([]byte, error)
	// Warn receives the cards left out because their text does not fit.
	Warn func(string)
	// CardCache keeps cards drawn by earlier builds; nil draws every card.
	CardCache *cards.Cache

	// made are the cards of the current build, for the index's gallery.
	made []cards.Made
}

func isExtra(k document.Kind) bool {
	for _, e := range ExtraKinds {
		if e == k {
			return true
		}
	}
	return false
}

// splitFormats separates the laid-out formats (pdf, html) from the text ones (txt, md).
func splitFormats(formats []string) (docs, text []string) {
	for _, f := range formats {
		switch f {
		case "txt", "md":
			text = append(text, f)
		default:
			docs = append(docs, f)
		}
	}
	return docs, text
}

// addText adds each document's plain text and Markdown files.
func addText(made []publish.Made, formats []string) {
	for i, m := range made {
		if m.Sides != nil {
			continue // a two-sided handout is a printed sheet: PDF and HTML only
		}
		for _, f := range formats {
			made[i].Files = append(made[i].Files, plaintext.DocFile(m.Doc, plaintext.Format(f)))
		}
	}
}

// rank orders the kit's index as a journalist reads it: the release first.
var rank = map[document.Kind]int{Release: 0, document.Brief: 1, document.Handout: 2, People: 3, Cards: 4, document.Prep: 5}

func sortMade(made []publish.Made) {
	sort.SliceStable(made, func(i, j int) bool { return rank[made[i].Doc.Kind] < rank[made[j].Doc.Kind] })
}

// notSlug is compiled on first use (only a --zip build needs it), not at package init.
var notSlug = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^\p{L}\p{N}]+`) })

// zipFolder is the folder the zip unpacks into: the kit file's name ("press-kit").
func zipFolder(k *Kit) string {
	base := strings.TrimSuffix(path.Base(filepath.ToSlash(k.File)), path.Ext(k.File))
	s := strings.Trim(notSlug().ReplaceAllString(strings.ToLower(base), "-"), "-")
	if s == "" {
		return "press-kit"
	}
	return s
}

// build makes one kit-level document in every language.
func (x *Extras) build(k *Kit, d Doc, langs, formats []string, base document.Options, created time.Time) ([]publish.Made, error) {
	if x == nil {
		return nil, fmt.Errorf("%s:%d: %s documents are not available here", k.File, d.Line, d.Kind)
	}
	env := x.Release
	env.Logo, env.LogoType, env.Paper, env.Config = base.Logo, base.LogoType, base.Paper, base.Config
	var out []publish.Made
	switch d.Kind {
	case Release:
		for _, f := range d.Files {
			p := filepath.Join(x.Dir, f)
			files, err := release.BuildFile(p, x.ReadFile, env, formats)
			if err != nil {
				return nil, err
			}
			lang := strings.TrimSuffix(strings.TrimPrefix(files[0].Name, "release-"), path.Ext(files[0].Name))
			out = append(out, publish.Made{Doc: &document.Doc{Kind: Release, Lang: lang}, Files: files})
		}
	case People:
		for _, lang := range langs {
			loc, err := env.Catalog.Locale(lang)
			if err != nil {
				return nil, err
			}
			if len(env.People) == 0 {
				return nil, fmt.Errorf("%s:%d: the kit has a spokespeople page but presskit.yaml has no people:", k.File, d.Line)
			}
			s := people.Sheet(env.People, loc, people.Page{Config: base.Config, Logo: base.Logo, LogoType: base.LogoType, Paper: base.Paper})
			files, err := sheet.Files(s, "people", formats, created)
			if err != nil {
				return nil, err
			}
			out = append(out, publish.Made{Doc: &document.Doc{Kind: People, Lang: lang}, Files: files})
		}
	case Cards:
		return x.cards(d, langs, base)
	}
	return out, nil
}

// cards draws the kit's social cards and a gallery page per language.
func (x *Extras) cards(d Doc, langs []string, base document.Options) ([]publish.Made, error) {
	env := x.Release
	st := cards.Style{Brand: brandRGBA(base.Config.Brand.Colour)}
	if len(base.Logo) > 0 {
		img, _, err := image.Decode(bytes.NewReader(base.Logo))
		if err != nil {
			return nil, fmt.Errorf("logo: %v", err)
		}
		st.Logo, st.LogoID = img, fmt.Sprintf("%x", sha256.Sum256(base.Logo))
	}
	org := base.Config.Organisation.Name
	res, err := cards.Make(cards.Options{Lib: env.Lib, Catalog: env.Catalog, Langs: langs, IDs: d.IDs, Tags: d.Tags,
		Style: st, Org: org, Strict: d.Strict, Cache: x.CardCache})
	if err != nil {
		return nil, err
	}
	x.made = res.Cards
	if x.Warn != nil {
		for _, w := range res.Warnings {
			x.Warn(w)
		}
	}
	var out []publish.Made
	for i, lang := range langs {
		loc, err := env.Catalog.Locale(lang)
		if err != nil {
			return nil, err
		}
		page, err := cards.Gallery(res.Cards, loc, cards.Page{Org: org, Brand: "#" + strings.TrimPrefix(brandHex(base.Config.Brand.Colour), "#")})
		if err != nil {
			return nil, err
		}
		m := publish.Made{Doc: &document.Doc{Kind: Cards, Lang: lang},
			Files: []output.File{{Name: fmt.Sprintf("cards-%s.html", lang), Data: page}}}
		if i == 0 {
			// The images are listed once, with the first language, and never linked
			// from the index one by one: the gallery pages show them.
			m.Files = append(m.Files, res.Files...)
		}
		out = append(out, m)
	}
	return out, nil
}

func brandHex(s string) string {
	if len(s) == 7 && s[0] == '#' {
		return s
	}
	return "#7a1f5c"
}

func brandRGBA(s string) color.RGBA {
	v, _ := strconv.ParseUint(brandHex(s)[1:], 16, 32)
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// withGallery puts the card gallery at the end of the index page's main content.
func (x *Extras) withGallery(index []byte, cat *i18n.Catalog, langs []string) ([]byte, error) {
	if x == nil || len(x.made) == 0 {
		return index, nil
	}
	var ls []cards.IndexLang
	for _, l := range langs {
		loc, err := cat.Locale(l)
		if err != nil {
			return nil, err
		}
		ls = append(ls, cards.IndexLang{Lang: l, Name: loc.Name, Loc: loc})
	}
	page, err := cat.Locale(langs[0])
	if err != nil {
		return nil, err
	}
	section, err := cards.IndexSection(x.made, ls, page.T("card_gallery"))
	if err != nil {
		return nil, err
	}
	at := bytes.LastIndex(index, []byte("</main>"))
	if at < 0 {
		return index, nil
	}
	return append(append(append([]byte{}, index[:at]...), section...), index[at:]...), nil
}
