// Package render holds what the PDF and HTML renderers share: checks on a document model
// before it is drawn. The renderers themselves live in render/pdf and render/html.
package render

import (
	"fmt"
	"sort"
	"strconv"
	"unicode"

	"github.com/presskit/presskit/toolkit/document"
)

// GlyphError reports a character that the fonts cannot draw.
type GlyphError struct {
	// Where names the item or setting that holds the character: an item id such as
	// "myth-average-age-13", "source lam-lepp-2019", "configuration organisation.name".
	Where string
	Lang  string
	Rune  rune
	// Text is the string the character was found in, for context.
	Text string
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("%s (%s): cannot draw character %s: the PDF fonts have no glyph for it; remove or replace it",
		e.Where, e.Lang, RuneName(e.Rune))
}

// RuneName writes r as "U+1F600 (😀)", or without the character itself when it is
// not printable.
func RuneName(r rune) string {
	name := fmt.Sprintf("U+%04X", r)
	if unicode.IsPrint(r) && r != unicode.ReplacementChar {
		name += " (" + string(r) + ")"
	}
	return name
}

// Invisible reports whether r is a character that is never drawn: soft hyphens,
// zero-width spaces and joiners, direction marks, byte order marks and control
// characters. Renderers strip them (or, for a zero-width space, break the line there).
func Invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff':
		return true
	}
	return r < 0x20 || (r >= 0x7f && r < 0xa0)
}

// CheckGlyphs walks every string the renderers draw from d (title, introduction,
// embargo, interface strings, masthead, contacts, every block and every reference)
// and returns a *GlyphError for the first character that covered reports false for.
// Characters above U+FFFF always fail: the PDF library reads only the Basic
// Multilingual Plane of a font. Invisible characters (see Invisible) and ordinary
// white space are ignored.
func CheckGlyphs(d *document.Doc, covered func(rune) bool) error {
	c := checker{lang: d.Lang, covered: covered}
	// The configuration first: the organisation's name is also the metadata's author,
	// and the user should be told to fix presskit.yaml, not the metadata.
	m := d.Masthead
	c.str("configuration organisation.name", m.Org)
	c.str("configuration organisation.url", m.URL)
	c.str("configuration organisation.email", m.Email)
	c.str("configuration organisation.phone", m.Phone)
	for i, ct := range d.Contacts {
		at := "configuration contacts[" + strconv.Itoa(i) + "]."
		c.str(at+"name", ct.Name)
		c.str(at+"role", ct.Role)
		c.str(at+"email", ct.Email)
		c.str(at+"phone", ct.Phone)
	}
	c.str("document title", d.Title)
	c.rich("document introduction", d.Intro)
	c.str("document embargo", d.Embargo)
	c.str("document date", d.DateText)
	c.str("document metadata title", d.Meta.Title)
	c.str("document metadata author", d.Meta.Author)
	c.str("document metadata subject", d.Meta.Subject)
	for _, k := range d.Meta.Keywords {
		c.str("document metadata keywords", k)
	}
	keys := make([]string, 0, len(d.Labels))
	for k := range d.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.str("interface string "+k, d.Labels[k])
	}
	for _, s := range d.Sections {
		c.str("section "+s.ID+" heading", s.Heading)
		for _, b := range s.Blocks {
			c.block(s.ID, b)
		}
	}
	for _, r := range d.References {
		where := "source " + r.ID
		if r.ID == "" {
			where = "reference " + strconv.Itoa(r.N)
		}
		c.str(where, r.Text)
		c.str(where, r.Title)
		c.str(where, r.URL)
	}
	return c.err
}

type checker struct {
	lang    string
	covered func(rune) bool
	err     error
}

func (c *checker) block(section string, b document.Block) {
	where := b.ItemID
	if where == "" {
		where = "section " + section
	}
	for _, r := range []document.Rich{b.Head, b.Body, b.Leave, b.Use, b.Bridge} {
		c.rich(where, r)
	}
	for _, s := range b.Avoid {
		c.str(where, s)
	}
	for _, s := range b.Say {
		c.str(where, s)
	}
	c.str(where, b.Speaker)
	c.str(where, b.Role)
	for _, p := range b.Proof {
		c.block(section, p)
	}
}

func (c *checker) rich(where string, r document.Rich) {
	for _, p := range r {
		for _, s := range p.Spans {
			c.str(where, s.Text)
			c.str(where, s.Link)
		}
	}
}

func (c *checker) str(where, s string) {
	if c.err != nil {
		return
	}
	for _, r := range s {
		if r == ' ' || r == '\u00a0' || Invisible(r) {
			continue
		}
		if r > 0xFFFF || !c.covered(r) {
			c.err = &GlyphError{Where: where, Lang: c.lang, Rune: r, Text: s}
			return
		}
	}
}
