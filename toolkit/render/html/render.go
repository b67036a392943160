// Package html renders presskit documents as single, self-contained HTML5 files: the
// stylesheet is inlined, a logo becomes a data: URI, there are no scripts and no external
// requests, and a print stylesheet makes the browser's print the same document as the PDF.
//
// Templates come from an fs.FS (templates.FS by default) so that a user's folder can
// overlay them; html/template escapes everything the templates print, and rich text is
// escaped by this package before it reaches them.
package html

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"github.com/presskit/presskit/toolkit/render/webfont"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/presskit/presskit/templates"
	"github.com/presskit/presskit/toolkit/document"
)

// Options configure rendering.
type Options struct {
	// Templates holds base.tmpl, blocks.tmpl, one template per document kind, index.tmpl
	// and documents.css. Nil means the embedded templates.FS.
	Templates fs.FS
	// Langs are the languages the document is made in alongside this one: the page's
	// top navigation links to each other language's page, named kind-lang.html.
	Langs []string
	// PDF says a PDF twin, kind-lang.pdf, sits beside the page.
	PDF bool
	// Index says the page is part of a kit: an index.html of the kit sits beside it, and
	// so does the kit's font sheet (FontSheet), which the page links instead of holding
	// its own copy of the fonts.
	Index bool
}

// FontSheet is the stylesheet beside a kit's pages that holds the web fonts of all of
// them, each face cut once for the whole kit (FontSheetFor). A stylesheet of data: URLs,
// not font files: a page opened from disk (file://) loads a stylesheet beside it in
// every browser, where a font file would count as another origin.
const FontSheet = "fonts.css"

// fontLink is how a kit's page links the FontSheet, in its head before its own style.
const fontLink = `<link rel="stylesheet" href="` + FontSheet + `">` + "\n"

// fontMode is where a page's web fonts are.
type fontMode int

const (
	fontsInline fontMode = iota // @font-face rules cut to the page, in its stylesheet
	fontsShared                 // a link to the kit's FontSheet
	fontsNone                   // none yet: a side of a two-sided page, given its fonts whole
)

func (o Options) fonts() fontMode {
	if o.Index {
		return fontsShared
	}
	return fontsInline
}

// LinksFontSheet says page links the kit's FontSheet.
func LinksFontSheet(page []byte) bool {
	return bytes.Contains(page, []byte(fontLink))
}

// FontSheetFor is the FontSheet of a kit's pages: every embedded face, cut to the
// characters of all of them.
func FontSheetFor(pages [][]byte) ([]byte, error) {
	css, err := webfont.Sheet(pages...)
	if err != nil {
		return nil, fmt.Errorf("render html: %w", err)
	}
	return css, nil
}

func (o Options) fsys() fs.FS {
	if o.Templates == nil {
		return templates.FS
	}
	return o.Templates
}

// Render writes d as one HTML page to w. Nothing is written when rendering fails.
func Render(w io.Writer, d *document.Doc, opt Options) error {
	return renderPage(w, d, opt, opt.fonts())
}

func renderPage(w io.Writer, d *document.Doc, opt Options, fonts fontMode) error {
	if d == nil {
		return fmt.Errorf("render html: no document")
	}
	switch d.Kind {
	case document.Handout, document.Brief, document.Prep:
	default:
		return fmt.Errorf("render html: unknown document kind %q", d.Kind)
	}
	p, err := newDocPage(d, opt.fsys())
	if err != nil {
		return fmt.Errorf("render html: %s %s: %w", d.Kind, d.Lang, err)
	}
	p.Nav = docNav(d, opt)
	if err := execute(w, opt.fsys(), string(d.Kind)+".tmpl", d.Labels, p.knownRefs, p, fonts); err != nil {
		return fmt.Errorf("render html: %s %s: %w", d.Kind, d.Lang, err)
	}
	return nil
}

// chrome is what the base layout needs, shared by documents and the kit index.
type chrome struct {
	Lang        string
	Title       string
	Description string
	Author      string
	Keywords    string
	Class       string
	Style       template.CSS
	Logo        template.HTMLAttr // src="data:…" of the logo, or ""
	Org         document.Masthead
	OrgHref     string // the organisation's website, http(s) only
	OrgURLText  string
	OrgMail     string            // mailto: link for Org.Email
	OrgTel      template.HTMLAttr // href="tel:…" for Org.Phone
	Embargo     string
	// Nav is the top navigation: the other languages, the PDF, the kit's index.
	Nav []navLink
	// Band is a prep sheet's "not for distribution" line.
	Band     string
	DateText string
	Contacts []contact
}

// navLink is a link of the top navigation.
type navLink struct {
	Href, Text, Lang string
}

// langNames are languages named in themselves, for links to another language's page.
var langNames = map[string]string{"en": "English", "ru": "Русский"}

// docNav links a document's page to its other languages, its PDF and the kit's index.
func docNav(d *document.Doc, opt Options) []navLink {
	var out []navLink
	for _, l := range opt.Langs {
		if l == d.Lang {
			continue
		}
		name := langNames[l]
		if name == "" {
			name = strings.ToUpper(l)
		}
		out = append(out, navLink{Href: string(d.Kind) + "-" + l + ".html", Text: name, Lang: l})
	}
	if opt.PDF {
		out = append(out, navLink{Href: string(d.Kind) + "-" + d.Lang + ".pdf", Text: "PDF"})
	}
	if opt.Index {
		// The kit's landing page in this document's language (see kit.indexFile).
		href := "index.html"
		if len(opt.Langs) > 0 && d.Lang != opt.Langs[0] {
			href = "index-" + d.Lang + ".html"
		}
		out = append(out, navLink{Href: href, Text: labeler(d.Labels)("documents")})
	}
	return out
}

type contact struct {
	document.Contact
	Mail string            // mailto: link for Email, "" when it is not an address
	Tel  template.HTMLAttr // href="tel:…" for Phone, "" when it is not a number
}

// docPage is the data of a document's templates.
type docPage struct {
	chrome
	Doc        *document.Doc
	Intro      template.HTML
	Sections   []section
	References []reference
	// Flow is the prep sheet's body in the order the PDF sets it: sections across the
	// page, and runs of sections in two columns.
	Flow []flowItem
	// Pairs is kept for templates written for earlier versions; it is always false now
	// that the prep sheet sets its sections as the PDF does (see Flow).
	Pairs bool

	knownRefs map[int]bool
}

// section is a document section with unique anchors for its element and heading.
type section struct {
	ID, Anchor, HeadingID, Heading string
	// HiddenHeading is set when the section has no heading of its own: the page still
	// names it for assistive technology, but shows nothing, as the PDF does.
	HiddenHeading bool
	Kind          document.BlockKind // the kind of its first block
	// List is set for short text entries shown as one list (bridging phrases).
	List bool
	// Why is set for terms that say why, which get a column of their own.
	Why bool
	// Panel is set for a call to action or a core message: a tinted panel led by the
	// section's name in bold (Lead), as in the PDF; its heading is then for assistive
	// technology only, and a block's own headline is not shown.
	Panel  bool
	Lead   string
	Class  string
	Blocks []document.Block
}

// flowItem is a section across the page, or (Columns) two columns of sections.
type flowItem struct {
	Section     section
	Columns     bool
	Left, Right []section
}

type reference struct {
	N             int
	Text          string
	Href, URLText string
	// Passages are the source's words the document's claims rest on.
	Passages []string
}

func newDocPage(d *document.Doc, fsys fs.FS) (*docPage, error) {
	label := labeler(d.Labels)
	style, err := pageStyle(fsys, d.Brand, d.Paper, label("page_of"))
	if err != nil {
		return nil, err
	}
	title := d.Meta.Title
	if title == "" {
		title = d.Title
	}
	lang := d.Meta.Lang
	if lang == "" {
		lang = d.Lang
	}
	p := &docPage{
		chrome: newChrome(lang, title, d.Masthead, d.Contacts, d.Embargo, d.DateText, style),
		Doc:    d,
		Intro:  richHTML(d.Intro, nil, nil),
	}
	p.Description = d.Meta.Subject
	if p.Description == "" {
		p.Description = d.Intro.Plain()
	}
	p.Author = d.Meta.Author
	p.Keywords = strings.Join(d.Meta.Keywords, ", ")

	p.knownRefs = map[int]bool{}
	for _, r := range d.References {
		p.knownRefs[r.N] = true
		ref := reference{N: r.N, Text: referenceText(d, r), Passages: r.Passages}
		if h := safeHref(r.URL); h != "" && !strings.HasPrefix(h, "mailto:") {
			ref.Href, ref.URLText = h, displayURL(h)
		}
		p.References = append(p.References, ref)
	}

	used := map[string]int{"sources": 1, "h-sources": 1, "h-contacts": 1}
	for si, s := range d.Sections {
		if len(s.Blocks) == 0 {
			continue
		}
		id := s.ID
		if id == "" {
			id = "section"
		}
		anchor := unique(used, slug(id))
		heading, hidden := strings.TrimSpace(s.Heading), false
		if heading == "" {
			heading, hidden = fallbackHeading(d, s.Blocks[0].Kind), true
		}
		sec := section{
			ID: slug(id), Anchor: anchor, HeadingID: "h-" + anchor,
			Heading: heading, HiddenHeading: hidden, Kind: s.Blocks[0].Kind, Blocks: s.Blocks,
		}
		sec.List = sec.Kind == document.BlockText && s.ID != "cta"
		if d.IsPanel(si) {
			sec.Panel, sec.List, sec.HiddenHeading = true, false, true
			if !hidden {
				sec.Lead = heading
			}
		}
		for _, b := range s.Blocks {
			sec.List = sec.List && b.Head.Empty()
			sec.Why = sec.Why || (b.Kind == document.BlockTerm && !b.Body.Empty())
		}
		p.Sections = append(p.Sections, sec)
	}
	if d.Kind == document.Prep {
		p.Flow = prepFlow(d, p.Sections)
	}
	step := fitStep(d, p.Sections)
	if d.Kind != document.Brief {
		// A one-page document prints no larger than its PDF was set: the estimate can
		// only err towards a second page, and the languages share the PDF's step.
		step = min(max(step, d.PrintStep), len(fitSteps)-1)
	}
	p.Class = "doc " + string(d.Kind) + " fit-" + strconv.Itoa(step)
	if d.BackPage {
		p.Class += " back"
	}
	if d.Kind == document.Prep {
		p.Band = label("internal_band")
	}
	p.Style += marginStyle(fitSteps[step].margin) + quoteStyle(d.OpenQuote)
	return p, nil
}

// prepFlow lays out a prep sheet's sections as the PDF does: panels and tables across
// the page, and each run of other sections in two columns, the sections whole and in
// order, split where the estimated columns come out most even.
func prepFlow(d *document.Doc, ss []section) []flowItem {
	var out []flowItem
	across := func(s section) bool {
		return s.Panel || s.Kind == document.BlockTerm || s.Kind == document.BlockShift
	}
	for i := 0; i < len(ss); {
		if across(ss[i]) {
			out = append(out, flowItem{Section: ss[i]})
			i++
			continue
		}
		j := i
		for j < len(ss) && !across(ss[j]) {
			j++
		}
		run := ss[i:j]
		if len(run) == 1 {
			out = append(out, flowItem{Section: run[0]})
		} else {
			k := splitColumns(d, run)
			out = append(out, flowItem{Columns: true, Left: run[:k], Right: run[k:]})
		}
		i = j
	}
	return out
}

// referenceText is what the list of sources says of r, as in the PDF: the whole entry
// in a brief, the short one on a one-page document, ending with a full stop.
func referenceText(d *document.Doc, r document.Reference) string {
	text := strings.TrimSpace(r.Text)
	if short := strings.TrimSpace(r.Short); d.Kind != document.Brief && short != "" {
		text = short
	}
	if text == "" {
		text = strings.TrimSpace(r.Title)
	}
	if text != "" && !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "?") && !strings.HasSuffix(text, "!") {
		text += "."
	}
	return text
}

// fallbackHeading names a section that has no heading, from the labels of its blocks
// ("Myth / Fact", "Say / Not") or else the document's title.
func fallbackHeading(d *document.Doc, kind document.BlockKind) string {
	pair := func(a, b string) string {
		if s, t := d.Labels[a], d.Labels[b]; s != "" && t != "" {
			return s + " / " + t
		}
		return ""
	}
	var h string
	switch kind {
	case document.BlockMyth:
		h = pair("myth", "fact")
	case document.BlockShift:
		h = pair("say_this", "not_this")
	case document.BlockTerm:
		h = pair("not_this", "instead")
	}
	if h == "" {
		h = d.Title
	}
	return h
}

func newChrome(lang, title string, m document.Masthead, cs []document.Contact, embargo, date string, style template.CSS) chrome {
	c := chrome{
		Lang: lang, Title: title, Style: style, Org: m,
		Embargo: strings.TrimSpace(embargo), DateText: date,
		Logo: logoURI(m.Logo),
	}
	if h := safeHref(m.URL); h != "" && !strings.HasPrefix(h, "mailto:") {
		c.OrgHref, c.OrgURLText = h, displayURL(h)
	}
	c.OrgMail = mailto(m.Email)
	c.OrgTel = telHref(m.Phone)
	for _, x := range cs {
		x.Name, x.Role = strings.TrimSpace(x.Name), strings.TrimSpace(x.Role)
		x.Email, x.Phone = strings.TrimSpace(x.Email), strings.TrimSpace(x.Phone)
		if x.Name == "" && x.Email == "" && x.Phone == "" {
			continue
		}
		c.Contacts = append(c.Contacts, contact{Contact: x, Mail: mailto(x.Email), Tel: telHref(x.Phone)})
	}
	return c
}

// logoURI embeds a PNG or JPEG logo as a data: URI in a src attribute; anything else
// is left out, because a page must never make a request or carry active content (SVG
// can hold scripts). The attribute is built here because html/template would escape
// every "+" of the base64 text; base64 has nothing else that needs escaping.
func logoURI(b []byte) template.HTMLAttr {
	if len(b) == 0 {
		return ""
	}
	switch ct := http.DetectContentType(b); ct {
	case "image/png", "image/jpeg":
		return template.HTMLAttr(`src="data:` + ct + ";base64," + base64.StdEncoding.EncodeToString(b) + `"`)
	}
	return ""
}

// labeler returns a lookup of interface strings that falls back to the key.
func labeler(labels map[string]string) func(string) string {
	return func(key string) string {
		if s, ok := labels[key]; ok && s != "" {
			return s
		}
		return key
	}
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

func unique(used map[string]int, id string) string {
	used[id]++
	if n := used[id]; n > 1 {
		return id + "-" + strconv.Itoa(n)
	}
	return id
}

// execute parses base.tmpl, blocks.tmpl and the page's own template from fsys and runs
// "base" into a buffer, so that w gets all of the page or none of it.
func execute(w io.Writer, fsys fs.FS, name string, labels map[string]string, known map[int]bool, data any, fonts fontMode) error {
	label := labeler(labels)
	funcs := template.FuncMap{
		"label": label,
		"rich": func(r document.Rich, refs ...[]int) template.HTML {
			return richHTML(r, firstRefs(refs), known)
		},
		"inline": func(r document.Rich, refs ...[]int) template.HTML {
			return inlineHTML(r, firstRefs(refs), known)
		},
		"refs": func(refs []int) template.HTML { return refMarkers(refs, known) },
		// text prints plain text with its hyphenated words kept whole.
		"text": textHTML,
		// dict builds a map for a sub-template: dict "Key" value ….
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				if k, ok := kv[i].(string); ok {
					m[k] = kv[i+1]
				}
			}
			return m
		},
		// fields are the prep sheet's fields to fill in.
		"fields": func() []string {
			return []string{"field_outlet", "field_journalist", "field_when", "field_format", "field_deadline"}
		},
		// fact prints a fact as the handout sets it: its first sentence as a bold lead,
		// then the rest, with the reference markers at the end.
		"fact": func(r document.Rich, refs ...[]int) template.HTML {
			lead, rest := r.SplitLead()
			if rest.Empty() {
				return template.HTML(`<div class="fact-lead">`) + richHTML(lead, firstRefs(refs), known) + "</div>"
			}
			return template.HTML(`<div class="fact-lead">`) + richHTML(lead, nil, known) + "</div>" + richHTML(rest, firstRefs(refs), known)
		},
		// lead prints rich text led by a panel's name.
		"lead": func(lead string, r document.Rich, refs ...[]int) template.HTML {
			return leadHTML(lead, r, firstRefs(refs), known)
		},
	}
	t, done, err := pageTemplate(fsys, name, funcs)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10) // a page is 25-40 KB without its fonts
	err = t.ExecuteTemplate(&buf, "base", data)
	done()
	if err != nil {
		return fmt.Errorf("template %s: %w", name, err)
	}
	return writeWithFonts(w, buf.Bytes(), fonts)
}

// writeWithFonts writes the page with the Noto faces: @font-face rules cut to the page's
// characters at the head of its stylesheet, or a link to the kit's FontSheet before it.
// The page then looks as the PDF does on every machine, with nothing fetched from
// elsewhere. Nothing is written when the faces cannot be made.
func writeWithFonts(w io.Writer, page []byte, fonts fontMode) error {
	at := bytes.Index(page, []byte("<style>"))
	if fonts == fontsNone || at < 0 {
		_, err := w.Write(page)
		return err
	}
	var css []byte
	if fonts == fontsShared {
		css = []byte(fontLink)
	} else {
		at += len("<style>")
		rules, err := webfont.CSS(string(page))
		if err != nil {
			return err
		}
		css = append([]byte{'\n'}, rules...)
	}
	for _, part := range [][]byte{page[:at], css, page[at:]} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// embedded are the embedded templates of each page template, parsed once per process
// (name → *parsedPage): a kit renders eight pages or more from four templates.
var embedded sync.Map

type parsedPage struct {
	once sync.Once
	base *template.Template // parsed, never executed: the pool's templates are its clones
	err  error
	// ready are clones already executed (so escaped), each used by one page at a time
	// and given that page's functions before it runs.
	ready sync.Pool
}

// pageTemplate is the template name with base.tmpl and blocks.tmpl, given funcs, and
// done, to call once it has been executed. A user's folder is parsed anew for every
// page (its files may change while presskit serve runs); the embedded templates are
// parsed once, and escaped once per clone.
func pageTemplate(fsys fs.FS, name string, funcs template.FuncMap) (*template.Template, func(), error) {
	if fsys != fs.FS(templates.FS) {
		t, err := template.New(name).Funcs(funcs).ParseFS(fsys, "base.tmpl", "blocks.tmpl", name)
		return t, func() {}, err
	}
	v, _ := embedded.LoadOrStore(name, &parsedPage{})
	p := v.(*parsedPage)
	p.once.Do(func() {
		p.base, p.err = template.New(name).Funcs(funcs).ParseFS(fsys, "base.tmpl", "blocks.tmpl", name)
	})
	if p.err != nil {
		return nil, nil, p.err
	}
	t, _ := p.ready.Get().(*template.Template)
	if t == nil {
		var err error
		if t, err = p.base.Clone(); err != nil {
			return nil, nil, err
		}
	}
	// Every function is replaced: the template holds none of another page's.
	t.Funcs(funcs)
	return t, func() { p.ready.Put(t) }, nil
}

func firstRefs(refs [][]int) []int {
	if len(refs) == 0 {
		return nil
	}
	return refs[0]
}
