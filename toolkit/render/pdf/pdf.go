// Package pdf draws a document model (package document) as a print-ready PDF with
// github.com/go-pdf/fpdf: embedded, subset Noto fonts, a masthead, numbered and linked
// references, page numbers in the document's language and a footer on every page.
//
// Layout is done before drawing: every block is set into lines and measured, then
// placed on pages so that no block splits and no heading is left at a page's foot.
// A handout and a prep sheet must fit one page and a press brief two; if they do not,
// type and spacing shrink step by step down to 9 pt body text, and past that Render
// returns a *TooLongError saying by how much and what to drop (or, with Options.Back,
// puts the sources on a second page printed on the back).
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/render"
)

// Options are the settings of one render.
type Options struct {
	// Fonts are the faces to use; nil means the embedded Noto faces. A sans regular
	// face is required; missing styles fall back to the family's regular face, then to
	// sans.
	Fonts []Face
	// Created is the creation and modification date written into the PDF. The same
	// document rendered with the same Created gives the same bytes.
	Created time.Time
	// Stats, when not nil, is filled in with facts about the output.
	Stats *Stats
	// MinStep is the largest size the fit loop may use (0 is the largest): a step
	// another language of the same document needed, so that both are set alike.
	MinStep int
	// Back lets a one-page document whose text does not fit at the smallest sizes put
	// its sources (and a handout's call to action) on a second page, printed on the
	// back. Without it such a document is a *TooLongError.
	Back bool
	// NoSuggest leaves TooLongError.Suggest empty: for a caller that will not show the
	// error (it tries a shorter document instead). Finding what to drop takes several
	// more layouts.
	NoSuggest bool
	// KnownBack says that an earlier layout of the same document, at a MinStep no
	// larger than this one, fitted only with its back page: the search for a size at
	// which it fits without one is skipped, since it would find none. Only with Back.
	KnownBack bool
}

// Stats describes a rendered document.
type Stats struct {
	Pages int
	// Step is the step of the fit loop used: 0 is the comfortable size, higher steps
	// are smaller; BodySize is the body text size at that step, in points.
	Step     int
	BodySize float64
	// Back is set when the sources went to a page printed on the back.
	Back bool
}

const logoName = "logo"

// Render lays out d and writes it to w as a PDF. Nothing is written unless the whole
// document was made without error.
func Render(w io.Writer, d *document.Doc, opt Options) error {
	x, err := Layout(d, opt)
	if err != nil {
		return err
	}
	if opt.Stats != nil {
		*opt.Stats = x.Stats()
	}
	_, err = x.WriteTo(w)
	return err
}

// Laid is a document laid out at the size its pages allow, not yet drawn. A caller
// that lays out several versions or languages of a document (a kit, which sets every
// language at the same size) draws and compresses only the one it keeps.
type Laid struct {
	d     *document.Doc
	p     *fpdf.Fpdf
	l     *lay
	pl    plan
	drawn bool
}

// Layout lays out d as Render would, without drawing it: the layout's Stats say how
// many pages it takes and at what size; WriteTo draws it.
func Layout(d *document.Doc, opt Options) (x *Laid, err error) {
	if d == nil {
		return nil, fmt.Errorf("render pdf: no document")
	}
	defer func() {
		// fpdf panics on some malformed input (images, fonts); never let that escape.
		if r := recover(); r != nil {
			x, err = nil, fmt.Errorf("render pdf: %s (%s): %v", d.Kind, d.Lang, r)
		}
	}()
	maxPages := 1
	switch d.Kind {
	case document.Handout, document.Prep:
	case document.Brief:
		maxPages = 2
	default:
		return nil, fmt.Errorf("render pdf: unknown document kind %q", d.Kind)
	}
	paper, err := paperSize(d.Paper)
	if err != nil {
		return nil, err
	}
	faces := opt.Fonts
	if faces == nil {
		if faces, err = EmbeddedFaces(); err != nil {
			return nil, err
		}
	}
	fs, err := newFaceSet(faces)
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	covered, err := fs.covered()
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	if err := render.CheckGlyphs(d, covered); err != nil {
		return nil, err
	}

	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: paper})
	p.SetAutoPageBreak(false, 0)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(opt.Created)
	p.SetModificationDate(opt.Created)
	setMeta(p, d)

	l := &lay{d: d, m: newMeter(p, fs), pal: newPalette(d.Brand), termsWhy: anyWhy(d)}
	if len(d.Masthead.Logo) > 0 {
		if l.logo, err = registerLogo(p, d.Masthead); err != nil {
			return nil, err
		}
	}
	pw, ph := p.GetPageSize()

	l.noSuggest = opt.NoSuggest
	l.knownBack = opt.KnownBack
	pl, err := l.fit(pw, ph, maxPages, opt.MinStep, opt.Back && maxPages == 1)
	if p.Err() {
		return nil, fmt.Errorf("render pdf: %w", p.Error())
	}
	if err != nil {
		return nil, err
	}
	return &Laid{d: d, p: p, l: l, pl: pl}, nil
}

// Stats describes the document as laid out.
func (x *Laid) Stats() Stats {
	return Stats{Pages: len(x.pl.pages), Step: x.l.mt.step, BodySize: x.l.mt.body, Back: x.l.back}
}

// WriteTo draws the laid-out document and writes the PDF to w. Nothing is written
// unless the whole PDF was made. A Laid is drawn once: a second call is an error.
func (x *Laid) WriteTo(w io.Writer) (n int64, err error) {
	if x.drawn {
		return 0, fmt.Errorf("render pdf: %s (%s) already drawn", x.d.Kind, x.d.Lang)
	}
	x.drawn = true
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, fmt.Errorf("render pdf: %s (%s): %v", x.d.Kind, x.d.Lang, r)
		}
	}()
	x.l.draw(x.p, x.pl.pages, x.pl.geo)
	if x.p.Err() {
		return 0, fmt.Errorf("render pdf: %w", x.p.Error())
	}
	var buf bytes.Buffer
	if err := x.p.Output(&buf); err != nil {
		return 0, fmt.Errorf("render pdf: %w", err)
	}
	return buf.WriteTo(w)
}

// geometry is where content and footer go on a page, for one step.
type geometry struct {
	capFirst, capRest float64 // content height on page 1 and later pages
	footerTop         float64
	head              box // the running head of later pages
}

func (l *lay) geometry(ph float64) geometry {
	f := l.footer(9, 9)
	head := l.runningHead()
	g := geometry{footerTop: ph - l.mt.margin - f.h, head: head}
	g.capFirst = g.footerTop - 2 - 2*l.mt.gapInner/1.4 - l.mt.margin
	g.capRest = g.capFirst - head.h
	return g
}

func paperSize(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return "A4", nil
	case "letter":
		return "Letter", nil
	}
	return "", fmt.Errorf("render pdf: unknown paper size %q (want a4 or letter)", s)
}

func setMeta(p *fpdf.Fpdf, d *document.Doc) {
	title := d.Meta.Title
	if title == "" {
		title = d.Title
	}
	author := d.Meta.Author
	if author == "" {
		author = d.Masthead.Org
	}
	lang := d.Meta.Lang
	if lang == "" {
		lang = d.Lang
	}
	p.SetTitle(title, true)
	p.SetAuthor(author, true)
	p.SetSubject(d.Meta.Subject, true)
	p.SetKeywords(strings.Join(d.Meta.Keywords, ", "), true)
	p.SetCreator("presskit", true)
	if lang != "" {
		p.SetLang(lang)
	}
}

// registerLogo adds the logo image and returns its width/height ratio.
func registerLogo(p *fpdf.Fpdf, m document.Masthead) (ratio float64, err error) {
	tp := sniffImage(m.Logo)
	if tp == "" {
		return 0, fmt.Errorf("logo: not a PNG or JPEG image")
	}
	defer func() {
		// fpdf's image decoders panic on some truncated files.
		if r := recover(); r != nil {
			ratio, err = 0, fmt.Errorf("logo: corrupt or unsupported %s image: %v", strings.ToUpper(tp), r)
		}
	}()
	info := p.RegisterImageOptionsReader(logoName, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(m.Logo))
	if p.Err() || info == nil {
		err := p.Error()
		if err == nil {
			err = fmt.Errorf("cannot read it")
		}
		return 0, fmt.Errorf("logo: corrupt or unsupported %s image: %v", strings.ToUpper(tp), err)
	}
	if info.Height() <= 0 || info.Width() <= 0 {
		return 0, fmt.Errorf("logo: %s image has no size", strings.ToUpper(tp))
	}
	return info.Width() / info.Height(), nil
}

func sniffImage(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		return "jpg"
	}
	return ""
}

// anyWhy reports whether any term of d explains why it is to be avoided.
func anyWhy(d *document.Doc) bool {
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if b.Kind == document.BlockTerm && !b.Body.Empty() {
				return true
			}
		}
	}
	return false
}
