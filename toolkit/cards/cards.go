package cards

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/typography"
)

// Options say which cards to make.
type Options struct {
	Lib     *library.Library
	Catalog *i18n.Catalog
	Langs   []string
	// IDs and Tags choose items; with neither, every myth, quote and term is drawn.
	IDs, Tags []string
	Style     Style
	Org       string
	// Strict makes a card whose text does not fit an error; otherwise it is skipped
	// with a warning.
	Strict bool
	// Cache, when set, keeps drawn cards between builds (presskit serve): a card whose
	// text, size and style are unchanged is not drawn again.
	Cache *Cache
}

// Cache holds drawn cards by what they show.
type Cache struct {
	mu sync.Mutex
	m  map[string]cached
}

type cached struct {
	png []byte
	err error
}

func (c *Cache) get(key string) (cached, bool) {
	if c == nil {
		return cached{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *Cache) put(key string, v cached) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]cached{}
	}
	c.m[key] = v
}

// Made is one card in one language, in every size, with its files.
type Made struct {
	Card  Card
	Files []File
}

// File is one size of a card: its PNG and alt text file names.
type File struct {
	Size     Size
	PNG, Alt string
	Bytes    int
}

// Result is every card made, their files, and the cards skipped.
type Result struct {
	Cards    []Made
	Files    []output.File
	Warnings []string
}

// cardKinds are the library kinds a card is made of.
var cardKinds = []library.Kind{library.KindMyth, library.KindQuote, library.KindTerm}

// Select returns the items the options choose, in library order.
func Select(opt Options) ([]*library.Item, error) {
	if len(opt.IDs) > 0 {
		var out []*library.Item
		for _, id := range opt.IDs {
			it := opt.Lib.Get(id)
			switch {
			case it == nil:
				return nil, fmt.Errorf("cards: unknown item id %q", id)
			case it.Kind != library.KindMyth && it.Kind != library.KindQuote && it.Kind != library.KindTerm:
				return nil, fmt.Errorf("cards: %s is a %s; cards are made of myths, quotes and terms", id, it.Kind)
			}
			out = append(out, it)
		}
		return out, nil
	}
	var out []*library.Item
	for _, it := range opt.Lib.Items(cardKinds...) {
		if len(opt.Tags) == 0 {
			out = append(out, it)
			continue
		}
		for _, t := range opt.Tags {
			if it.HasTag(t) {
				out = append(out, it)
				break
			}
		}
	}
	return out, nil
}

// Make draws every chosen card in every language and size. It returns nothing but an
// error when a card fails, or (Strict) does not fit.
func Make(opt Options) (*Result, error) {
	items, err := Select(opt)
	if err != nil {
		return nil, err
	}
	d, err := NewDrawer(opt.Style)
	if err != nil {
		return nil, err
	}
	var cards []Card
	for _, lang := range opt.Langs {
		loc, err := opt.Catalog.Locale(lang)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.Text[lang] == nil {
				continue
			}
			cards = append(cards, Describe(opt.Lib, it, loc, opt.Org))
		}
	}
	type job struct {
		ci int
		s  Size
	}
	type done struct {
		png []byte
		err error
	}
	results := make([][]done, len(cards))
	for i := range results {
		results[i] = make([]done, len(Sizes))
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				key := fmt.Sprintf("%+v|%v|%v|%s", cards[j.ci], j.s, opt.Style.Brand, opt.Style.LogoID)
				v, ok := opt.Cache.get(key)
				if !ok {
					v.png, v.err = d.Draw(cards[j.ci], j.s)
					opt.Cache.put(key, v)
				}
				b, err := v.png, v.err
				si := 0
				if j.s == Landscape {
					si = 1
				}
				results[j.ci][si] = done{b, err}
			}
		}()
	}
	for ci := range cards {
		for _, s := range Sizes {
			jobs <- job{ci, s}
		}
	}
	close(jobs)
	wg.Wait()

	res := &Result{}
	for ci, c := range cards {
		m := Made{Card: c}
		var tooLong []string
		for si, s := range Sizes {
			r := results[ci][si]
			var tl *TooLongError
			if errors.As(r.err, &tl) {
				tooLong = append(tooLong, tl.Error())
				continue
			}
			if r.err != nil {
				return nil, fmt.Errorf("card %s [%s] %s: %w", c.ID, c.Lang, s.Name, r.err)
			}
			stem := fmt.Sprintf("cards/%s-%s-%s", c.ID, c.Lang, s.Name)
			m.Files = append(m.Files, File{Size: s, PNG: stem + ".png", Alt: stem + ".alt.txt", Bytes: len(r.png)})
			res.Files = append(res.Files, output.File{Name: stem + ".png", Data: r.png},
				output.File{Name: stem + ".alt.txt", Data: []byte(c.Alt + "\n")})
		}
		if len(tooLong) > 0 {
			if opt.Strict {
				return nil, errors.New(strings.Join(tooLong, "\n"))
			}
			for _, t := range tooLong {
				res.Warnings = append(res.Warnings, t+"; the card is left out")
			}
		}
		if len(m.Files) > 0 {
			res.Cards = append(res.Cards, m)
		}
	}
	return res, nil
}

// Describe says what the card of item it shows in loc's language, and its alt text.
func Describe(lib *library.Library, it *library.Item, loc *i18n.Locale, org string) Card {
	lang := loc.Lang
	ty := func(s string) string { return typography.Apply(loc.Typography, plain(s)) }
	label := func(key string) string { return strings.ToUpper(loc.T(key)) }
	c := Card{ID: it.ID, Kind: string(it.Kind), Lang: lang, Org: org}
	var alt []string
	switch it.Kind {
	case library.KindMyth:
		c.Tag = loc.T("card_myth")
		myth, fact := ty(it.Get(lang, "myth")), ty(it.Get(lang, "fact"))
		c.Runs = []Run{{Label: label("myth"), Text: myth, Scale: 0.62, Dim: true}, {Label: label("fact"), Text: fact, Bold: true, Scale: 1}}
		alt = append(alt, loc.T("myth")+": "+myth, loc.T("fact")+": "+fact)
	case library.KindQuote:
		c.Tag = loc.T("card_quote")
		text := typography.Quote(loc.Typography, ty(it.Get(lang, "text")))
		by := "— " + it.Get(lang, "speaker")
		if r := it.Get(lang, "role"); r != "" {
			by += ", " + r
		}
		if it.Original != "" && it.Original != lang {
			by += " (" + loc.T("translation") + ")"
		}
		by = ty(by)
		c.Runs = []Run{{Text: text, Serif: true, Scale: 1}, {Text: by, Scale: 0.5, Dim: true}}
		alt = append(alt, text, by)
	case library.KindTerm:
		c.Tag = loc.T("card_term")
		say, avoid := ty(strings.Join(it.List(lang, "say"), "\u00a0· ")), ty(strings.Join(it.List(lang, "avoid"), "\u00a0· "))
		c.Runs = []Run{{Label: label("say_this"), Text: say, Bold: true, Scale: 1}, {Label: label("not_this"), Text: avoid, Scale: 0.62, Dim: true}}
		alt = append(alt, loc.T("say_this")+": "+say, loc.T("not_this")+": "+avoid)
	}
	if src := sourceName(lib, it, lang); src != "" {
		key := "card_source"
		if strings.Contains(src, "; ") {
			key = "card_sources"
		}
		c.Source = ty(loc.T(key, "source", src))
		alt = append(alt, c.Source)
	}
	c.Alt = c.Tag + ". " + strings.Join(alt, " ")
	return c
}

// sourceName names an item's sources briefly, each by its publisher or author and year,
// in the item's order.
func sourceName(lib *library.Library, it *library.Item, lang string) string {
	var names []string
	for _, id := range it.Sources {
		s := lib.Get(id)
		if s == nil {
			continue
		}
		name := s.Publisher
		if name == "" {
			name = s.Author
		}
		if name == "" {
			// A title with its translation in brackets is named by the original.
			name, _, _ = strings.Cut(s.Get(lang, "title"), " [")
		}
		if s.Year != "" {
			name += ", " + s.Year
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return strings.Join(names, "; ")
}

// plain drops Markdown emphasis marks, which a card does not set.
func plain(s string) string {
	return strings.NewReplacer("**", "", "*", "", "`", "").Replace(s)
}
