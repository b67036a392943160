// Package sheet is the model of presskit's free-flowing documents — the press release and
// the spokespeople page — and draws it as PDF and HTML. Unlike the handout and the brief,
// which are laid out to fit a page, a sheet is read top to bottom: blocks of text set one
// after another, running onto a second page when they must.
package sheet

import (
	"strings"
	"time"

	"github.com/presskit/presskit/toolkit/plaintext"
)

// Sheet is one document in one language.
type Sheet struct {
	// Kind names the document ("release", "people"); it is the CSS class and file stem.
	Kind  string
	Lang  string
	Title string // the HTML title and the PDF's title
	// Subject is a one-line description for the PDF and the HTML head.
	Subject string
	Author  string
	Paper   string // "a4" or "letter"
	Brand   string // "#rrggbb"
	// Org is the organisation's name, website and logo for the masthead.
	Org      string
	OrgURL   string
	Logo     []byte
	LogoType string // "png" or "jpg"
	Created  time.Time
	Blocks   []Block
	// Labels: "page_of" ("Page {n} of {total}").
	Labels map[string]string
}

// Kind of a block.
type Kind string

// Block kinds, in the order a release uses them.
const (
	ReleaseLine Kind = "release-line" // FOR IMMEDIATE RELEASE / EMBARGOED UNTIL …
	Headline    Kind = "headline"     // the title, h1
	Subhead     Kind = "subhead"      // the line under the headline
	Heading     Kind = "heading"      // a section heading, h2
	Para        Kind = "para"         // a paragraph; Lead is printed before it in bold
	List        Kind = "list"         // Items, each a paragraph
	Quote       Kind = "quote"        // Text, then Attribution
	Person      Kind = "person"       // Name (h2), Meta lines, Text (bio), Photo
	EndMark     Kind = "end"          // ### centred
	Small       Kind = "small"        // small print (a note under a person)
)

// Span is a run of text with one style.
type Span = plaintext.Span

// Block is one part of a sheet.
type Block struct {
	Kind Kind
	// Lead is a bold run before the text (a release's dateline "TORONTO, 3 December 2026 —").
	Lead string
	Text []Span
	// Items are the entries of a List.
	Items [][]Span
	// Attribution follows a Quote ("— Name, role").
	Attribution string
	// Name, Meta, Photo, PhotoType are a Person's.
	Name      string
	Meta      []string
	Photo     []byte
	PhotoType string
	// ID is a stable anchor ("about", "contact").
	ID string
}

// Plain is text with one style.
func Plain(s string) []Span { return []Span{{Text: s}} }

// PlainText returns the spans' text without styles.
func PlainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Label returns the label key, or the key when missing.
func (s *Sheet) Label(key string) string {
	if v := s.Labels[key]; v != "" {
		return v
	}
	return key
}
