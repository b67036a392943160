// Package library holds presskit's curated library: the item model, loading from YAML files
// in an fs.FS, overlaying user folders on the embedded library, validation and selection.
package library

import (
	"fmt"
	"sort"
)

// Kind is the kind of a library item.
type Kind string

// The kinds of item a library holds.
const (
	KindPoint    Kind = "point"
	KindFact     Kind = "fact"
	KindMyth     Kind = "myth"
	KindQuote    Kind = "quote"
	KindTerm     Kind = "term"
	KindQuestion Kind = "question"
	KindSource   Kind = "source"
)

// Pos is a position in a library file; lines and columns start at 1.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	if p.File == "" {
		return "<unknown>"
	}
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Item is one library item. Language-neutral fields sit on the item; every user-visible
// string sits in Text, keyed by language code.
type Item struct {
	ID      string
	Kind    Kind
	Tags    []string
	Sources []string
	Related []string

	// Original is, for a quote, the language of its exact text; other languages are translations.
	Original string

	// Severity is a term's: "avoid", "consider" or "context" ("" reads as avoid).
	Severity string

	// Bibliographic fields of a source.
	Author, Publisher, Year, Date, URL, Accessed string
	// Type is what a source is: research, position, law, news or guide (SourceTypes).
	Type string
	// Passages are a source's stored passages, verbatim, that evidence quotes from.
	Passages []Passage

	// Claim is what a claim-bearing item's statement is: finding, position, law or report
	// (ClaimTypes). AsOf dates a time-bound statement ("2019"); documents print it.
	Claim, AsOf string
	// Evidence names, for a claim-bearing item, the source passages it rests on.
	Evidence []Evidence

	// TopPos gives the position of each top-level field's value ("claim", "type",
	// "sources", …), for messages.
	TopPos Positions
	// malformed holds the top-level fields the loader reported a problem in.
	malformed map[string]bool

	Text map[string]*Text
	Pos  Pos
	// Origin names the library the item came from: "embedded" or a folder.
	Origin string
}

// Positions are the positions of named fields' values, in the order of the file: a few
// per item, so a list is smaller and quicker than a map.
type Positions []NamedPos

// NamedPos is the position of one field's value.
type NamedPos struct {
	Name string
	Pos  Pos
}

// Get returns the position of field name's value.
func (ps Positions) Get(name string) (Pos, bool) {
	for _, p := range ps {
		if p.Name == name {
			return p.Pos, true
		}
	}
	return Pos{}, false
}

// At returns the position of field name's value, or the zero Pos.
func (ps Positions) At(name string) Pos {
	p, _ := ps.Get(name)
	return p
}

// Passage is one stored passage of a source.
type Passage struct {
	Text string
	Pos  Pos
}

// Evidence is one source passage a claim rests on: Passage must occur, whitespace runs
// collapsed, inside one of the passages of source Source.
type Evidence struct {
	Source, Passage string
	// Pos is the entry's; SourcePos and PassagePos its fields' values.
	Pos, SourcePos, PassagePos Pos
	// malformed: the loader reported a problem in the entry, so validation skips it.
	malformed bool
}

// FieldPosition returns the position of a top-level field's value, or the item's.
func (it *Item) FieldPosition(name string) Pos {
	if p, ok := it.TopPos.Get(name); ok {
		return p
	}
	return it.Pos
}

// Text is an item's strings in one language.
type Text struct {
	Lang   string
	Pos    Pos
	Fields map[string]string
	Lists  map[string][]string
	// FieldPos gives the position of each field's value, for messages.
	FieldPos Positions
	// misspelt is set when the block had an unknown field: a missing field is then most
	// likely that one, and is not reported twice.
	misspelt bool
}

// Get returns field name of the item in lang, or "".
func (it *Item) Get(lang, name string) string {
	t := it.Text[lang]
	if t == nil {
		return ""
	}
	return t.Fields[name]
}

// List returns list field name of the item in lang.
func (it *Item) List(lang, name string) []string {
	t := it.Text[lang]
	if t == nil {
		return nil
	}
	return t.Lists[name]
}

// Langs returns the languages the item has text in, sorted.
func (it *Item) Langs() []string {
	out := make([]string, 0, len(it.Text))
	for l := range it.Text {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// HasTag reports whether the item carries tag.
func (it *Item) HasTag(tag string) bool {
	for _, t := range it.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// Title is a short label for the item in lang: a point's headline, a myth, a quote's
// speaker, a term's first avoided word, a question, a source's title.
func (it *Item) Title(lang string) string {
	s := kindSchemas[it.Kind]
	if s == nil {
		return it.ID
	}
	if s.titleList {
		if l := it.List(lang, s.title); len(l) > 0 {
			return l[0]
		}
		return it.ID
	}
	if v := it.Get(lang, s.title); v != "" {
		return v
	}
	return it.ID
}

// FieldNames lists the language fields of the item's kind in their reading order (a
// myth before its fact, a question before its answer), string fields first.
func (it *Item) FieldNames() []string {
	if s := kindSchemas[it.Kind]; s != nil {
		return s.allLangFields()
	}
	return nil
}

// IsTranslation reports whether the item's text in lang is a translation of a quote.
func (it *Item) IsTranslation(lang string) bool {
	return it.Kind == KindQuote && it.Original != "" && it.Original != lang
}

// Library is a loaded, overlaid set of items.
type Library struct {
	items map[string]*Item
	order []string // ids in load order
	// Languages are the languages every item must have (the configured ones).
	Languages []string
	// Rules hold each language's cues for the editorial checks (i18n data); a language
	// without them skips the checks that need them.
	Rules map[string]*Rules
	// validated: the items come from one snapshot validated for these languages (Load).
	validated bool
	// ruleSrcs are the libraries whose i18n strings Rules are still to be read from.
	ruleSrcs []Source
}

// Validated reports whether the library is known to validate without calling Validate:
// its items all came from one snapshot validated for its languages when it was made.
func (l *Library) Validated() bool { return l.validated }

// New returns an empty library requiring the given languages.
func New(langs []string) *Library {
	return &Library{items: map[string]*Item{}, Languages: langs, Rules: map[string]*Rules{}}
}

// Get returns the item with id, or nil.
func (l *Library) Get(id string) *Item { return l.items[id] }

// Len is the number of items.
func (l *Library) Len() int { return len(l.items) }

// Items returns every item in load order, optionally of the given kinds.
func (l *Library) Items(kinds ...Kind) []*Item {
	out := make([]*Item, 0, len(l.order))
	for _, id := range l.order {
		it := l.items[id]
		if len(kinds) == 0 || containsKind(kinds, it.Kind) {
			out = append(out, it)
		}
	}
	return out
}

// IDs returns every id, sorted.
func (l *Library) IDs() []string {
	out := append([]string(nil), l.order...)
	sort.Strings(out)
	return out
}

// Tags returns every tag in use, sorted.
func (l *Library) Tags() []string {
	seen := map[string]bool{}
	for _, it := range l.items {
		for _, t := range it.Tags {
			seen[t] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// put adds or replaces an item, keeping the first position of a replaced id.
func (l *Library) put(it *Item) {
	if _, ok := l.items[it.ID]; !ok {
		l.order = append(l.order, it.ID)
	}
	l.items[it.ID] = it
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// ParseKind accepts a kind in the singular or plural ("myth", "myths").
func ParseKind(s string) (Kind, bool) {
	for _, k := range AllKinds {
		if string(k) == s || kindSchemas[k].plural == s {
			return k, true
		}
	}
	return "", false
}

// AllKinds lists the kinds in the order documents and listings use.
var AllKinds = []Kind{KindPoint, KindFact, KindMyth, KindQuote, KindTerm, KindQuestion, KindSource}
