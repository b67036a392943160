package document

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/typography"
)

// Locale is what the builder needs of a language: interface strings, its date form and
// its typography.
type Locale interface {
	Lang() string
	// String returns the interface string for key, "" when the locale has none.
	String(key string) string
	Date(t time.Time) string
	Typography() typography.Rules
}

// Options are what every document is built from besides the library.
type Options struct {
	Selection library.Selection
	Paper     string
	Config    config.Config
	// Logo is the organisation's logo, already read and checked.
	Logo     []byte
	LogoType string
	Date     time.Time
	// Embargo, when set, is printed as a banner.
	Embargo *time.Time
	// EmbargoZone is the zone label printed after the embargo time ("CET").
	EmbargoZone string
	// Title and Intro override the document's title and introduction.
	Title, Intro string
	// Strings replace interface strings of the document's language for this document
	// only: a kit's own call to action (call_to_action_text), say.
	Strings map[string]string
	// Lean makes a document built from the library's defaults shorter, step by step
	// (0 full, then 1, 2): fewer myths, facts, terms or proof points. Items chosen by id
	// are never dropped.
	Lean int
	// Parsed, when set, remembers the library texts parsed as Rich text, so that the
	// leaner versions of one document, built one after another, parse each text once.
	// It must serve one language only.
	Parsed *RichCache
}

// RichCache remembers what ParseRich made of each text, for one language's rules: the
// leaner versions of a document, and the documents of a kit, share most of their
// texts. It may be used from several goroutines (a kit's documents are built side by
// side), and the Rich values it hands out are shared: they are never changed (nothing
// in a document's construction or rendering changes one).
type RichCache struct {
	mu sync.Mutex
	m  map[string]Rich
}

// NewRichCache returns an empty cache.
func NewRichCache() *RichCache { return &RichCache{m: map[string]Rich{}} }

// labelKeys are the interface strings every document's renderers may need.
var labelKeys = []string{
	"myth", "fact", "sources", "page_of", "key_messages", "say_this", "not_this", "language_guide",
	"instead", "why", "quotes", "facts", "media_contacts", "contact", "email", "phone", "website",
	"translation", "call_to_action", "core_message", "supporting_points", "proof_points", "bridges",
	"tough_questions", "suggested_answer", "bridge", "words_to_avoid", "say_instead", "published", "date",
	"embargo", "turn_over", "generated_by",
	// Layout (issue 12): the prep sheet's band and fields, the masthead's contact, the
	// back page, the link to the sources online.
	"internal_band", "media_contact", "field_outlet", "field_journalist", "field_when", "field_format",
	"field_deadline", "sources_online", "on_back",
	// The HTML page's top nav names the kit's index.
	"documents",
}

// builder carries what one document's construction shares.
type builder struct {
	lib  *library.Library
	loc  Locale
	doc  *Doc
	refs map[string]int
	// lean is Options.Lean.
	lean int
	// parsed is Options.Parsed.
	parsed *RichCache
}

// MaxLean is the leanest step Options.Lean takes.
const MaxLean = 3

// leaner returns n less step for each step of leanness, never below floor.
func (b *builder) leaner(n, step, floor int) int {
	return max(floor, n-step*b.lean)
}

func newBuilder(kind Kind, lib *library.Library, loc Locale, opt Options) *builder {
	cfg := opt.Config
	d := &Doc{
		Kind: kind, Lang: loc.Lang(), Paper: opt.Paper, Labels: map[string]string{},
		Brand: cfg.Brand.Colour, Date: opt.Date, DateText: loc.Date(opt.Date),
		Masthead: Masthead{Org: cfg.Organisation.Name, URL: cfg.Organisation.URL, Email: cfg.Organisation.Email,
			Phone: cfg.Organisation.Phone, Logo: opt.Logo, LogoType: opt.LogoType},
	}
	if d.Paper == "" {
		d.Paper = cfg.Paper
	}
	if u := cfg.Organisation.PressURL; u != "" {
		d.HTMLURL = strings.TrimRight(u, "/") + "/" + string(kind) + "-" + d.Lang + ".html"
	}
	d.OpenQuote = "\u201c"
	if q := loc.Typography().Quotes[0]; q != 0 {
		d.OpenQuote = string(q)
	}
	if d.Brand == "" {
		d.Brand = config.DefaultBrandColour
	}
	for _, k := range labelKeys {
		d.Labels[k] = loc.String(k)
	}
	for _, c := range cfg.Contacts {
		d.Contacts = append(d.Contacts, Contact{Name: c.Name, Role: c.RoleIn(loc.Lang()), Email: c.Email, Phone: c.Phone})
	}
	if opt.Embargo != nil {
		when := loc.Date(*opt.Embargo) + ", " + opt.Embargo.Format("15:04")
		if opt.EmbargoZone != "" {
			when += " " + opt.EmbargoZone
		}
		d.Embargo = strings.ReplaceAll(loc.String("embargo"), "{datetime}", when)
	}
	return &builder{lib: lib, loc: loc, doc: d, refs: map[string]int{}, lean: min(max(opt.Lean, 0), MaxLean), parsed: opt.Parsed}
}

func (b *builder) rich(s string) Rich {
	if b.parsed == nil {
		return ParseRich(s, b.loc.Typography())
	}
	c := b.parsed
	c.mu.Lock()
	r, ok := c.m[s]
	c.mu.Unlock()
	if !ok {
		r = ParseRich(s, b.loc.Typography()) // outside the lock: another text may be parsed meanwhile
		c.mu.Lock()
		c.m[s] = r
		c.mu.Unlock()
	}
	return r
}

func (b *builder) plain(s string) string { return b.rich(s).Plain() }

// text returns the item's field in the document's language as Rich text.
func (b *builder) text(it *library.Item, field string) Rich {
	return b.rich(it.Get(b.loc.Lang(), field))
}

// cite numbers the item's sources in order of first citation.
func (b *builder) cite(it *library.Item) []int {
	var out []int
	for _, id := range it.Sources {
		n, ok := b.refs[id]
		if !ok {
			src := b.lib.Get(id)
			if src == nil {
				continue
			}
			n = len(b.doc.References) + 1
			b.refs[id] = n
			b.doc.References = append(b.doc.References, b.reference(n, src))
		}
		out = append(out, n)
	}
	sort.Ints(out) // "[1, 3]", not "[3, 1]"
	b.passages(it)
	return out
}

func (b *builder) reference(n int, src *library.Item) Reference {
	lang := b.loc.Lang()
	title := b.plain(src.Get(lang, "title"))
	note := b.plain(src.Get(lang, "note"))
	who := src.Author
	if who == "" {
		who = src.Publisher
	}
	var parts []string
	if who != "" {
		parts = append(parts, who)
	}
	parts = append(parts, title)
	if src.Publisher != "" && src.Publisher != who && !strings.Contains(note, src.Publisher) {
		parts = append(parts, src.Publisher)
	}
	if src.Year != "" && !strings.Contains(note, src.Year) && !strings.Contains(title, src.Year) {
		parts = append(parts, src.Year)
	}
	short := sentences(parts)
	if who == "" && note != "" {
		short = sentences(append(parts, note)) // "quoted in …" is how such a source is known
	}
	if note != "" {
		parts = append(parts, note)
	}
	return Reference{N: n, ID: src.ID, Text: b.plain(sentences(parts)), Short: b.plain(short), Title: title, URL: src.URL}
}

// sentences joins bibliographic parts with full stops, without doubling a part's own
// closing punctuation ("Wrong?." becomes "Wrong?").
func sentences(parts []string) string {
	var sb strings.Builder
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if i > 0 && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(p)
		if !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "?") && !strings.HasSuffix(p, "!") {
			sb.WriteByte('.')
		}
	}
	return sb.String()
}

func (b *builder) title(def string, opt Options) {
	t := opt.Title
	if t == "" {
		t = b.loc.String(def)
	}
	b.doc.Title = b.plain(t)
}

func (b *builder) intro(def string, opt Options) {
	t := opt.Intro
	if t == "" {
		t = b.loc.String(def)
	}
	b.doc.Intro = b.rich(t)
}

func (b *builder) meta(subject string) {
	d := b.doc
	author := d.Masthead.Org
	if author == "" {
		author = "presskit"
	}
	kw := map[string]bool{}
	var keywords []string
	for _, s := range d.Sections {
		for _, bl := range s.Blocks {
			if it := b.lib.Get(bl.ItemID); it != nil {
				for _, t := range it.Tags {
					if !kw[t] {
						kw[t] = true
						keywords = append(keywords, t)
					}
				}
			}
		}
	}
	d.Meta = Meta{Title: d.Title, Author: author, Subject: b.plain(subject), Keywords: keywords, Lang: d.Lang}
}

// EmptySelectionError says a selection matched nothing a document can use.
type EmptySelectionError struct {
	Doc  Kind
	What string
	Sel  library.Selection
}

func (e *EmptySelectionError) Error() string {
	by := "the library"
	switch {
	case len(e.Sel.IDs) > 0:
		by = "--ids " + strings.Join(e.Sel.IDs, ",")
	case len(e.Sel.Tags) > 0:
		by = "--tag " + strings.Join(e.Sel.Tags, ",")
	}
	return fmt.Sprintf("%s: %s has no %s; choose other items (presskit list %s shows them)", e.Doc, by, e.What, e.What)
}

func (b *builder) selectKind(sel library.Selection, kinds ...library.Kind) ([]*library.Item, error) {
	return b.lib.Select(sel, kinds...)
}

func firstN(items []*library.Item, n int) []*library.Item {
	if n > 0 && len(items) > n {
		return items[:n]
	}
	return items
}
