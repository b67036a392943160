// Package publish makes documents: for each document kind and language it builds the
// model from the library, checks that the fonts can draw it, and renders it to PDF and
// HTML in memory. Writing the files is package output's job, so that a failure in any
// document leaves no file behind.
package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/render"
	"github.com/presskit/presskit/toolkit/render/html"
	"github.com/presskit/presskit/toolkit/render/pdf"
	"github.com/presskit/presskit/toolkit/typography"
)

// Formats lists the output formats.
var Formats = []string{"pdf", "html"}

// Request says what to make.
type Request struct {
	Docs    []document.Kind
	Langs   []string
	Formats []string
	// Options are shared by every document; PerDoc overrides them for one kind.
	Options document.Options
	PerDoc  map[document.Kind]func(lang string, o *document.Options)
	// Created is written into PDFs; fixed by SOURCE_DATE_EPOCH for identical output.
	Created time.Time
	// Index says the documents are listed on an index.html beside them (a kit): every
	// page links to it.
	Index bool
	// noBack keeps every handout on one page (the sides of a two-sided handout).
	noBack bool
	// Ctx, when set, stops the work between documents once it is cancelled (Ctrl-C).
	Ctx context.Context
	// Parsed, when set, is shared with other requests (a kit's documents), so that
	// each text of the library is parsed once per language for all of them.
	Parsed *Parsed
}

// Parsed is what the documents of several requests parsed of the library's texts, a
// document.RichCache for each language. Safe for concurrent use.
type Parsed struct {
	mu     sync.Mutex
	byLang map[string]*document.RichCache
}

// NewParsed returns an empty Parsed.
func NewParsed() *Parsed { return &Parsed{byLang: map[string]*document.RichCache{}} }

// For returns the cache of lang; with no Parsed, a new cache for one request.
func (p *Parsed) For(lang string) *document.RichCache {
	if p == nil {
		return document.NewRichCache()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.byLang[lang]
	if c == nil {
		c = document.NewRichCache()
		p.byLang[lang] = c
	}
	return c
}

// Made is one document made in one language, with its files.
type Made struct {
	Doc   *document.Doc
	Files []output.File
	Pages int
	// Sides lists the languages of a two-sided handout, front first; nil otherwise.
	// Doc is then the front's document.
	Sides []string
}

// DocError says which document and language failed.
type DocError struct {
	Kind document.Kind
	Lang string
	Err  error
}

func (e *DocError) Error() string { return fmt.Sprintf("%s [%s]: %v", e.Kind, e.Lang, e.Err) }
func (e *DocError) Unwrap() error { return e.Err }

// Make builds and renders every document of the request. It returns nothing but an
// error when any document fails. A language "en+ru" makes a two-sided handout: one PDF
// of two pages (English on the front, Russian on the back, the same items with the same
// numbers) and one HTML page holding both, named handout-en-ru.pdf and .html: a "-",
// not a "+", which some hosts read as a space in an address and WordPress drops.
func Make(lib *library.Library, cat *i18n.Catalog, req Request) ([]Made, error) {
	var plain, union []string
	var groups [][]string
	seen := map[string]bool{}
	addUnion := func(l string) {
		if !seen[l] {
			seen[l] = true
			union = append(union, l)
		}
	}
	for _, l := range req.Langs {
		if !strings.Contains(l, "+") {
			plain = append(plain, l)
			addUnion(l)
			continue
		}
		var g []string
		for _, part := range strings.Split(l, "+") {
			if part = strings.TrimSpace(part); part != "" {
				g = append(g, part)
				addUnion(part)
			}
		}
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return makeDocs(lib, cat, req)
	}
	for _, k := range req.Docs {
		if k != document.Handout {
			return nil, fmt.Errorf("two languages on one sheet (%s) make a handout only; make the %s with separate languages, for example --lang en,ru", strings.Join(groups[0], "+"), k)
		}
	}
	inner := req
	inner.Langs, inner.noBack = union, true
	inner.Langs = union
	made, err := makeDocs(lib, cat, inner)
	if err != nil {
		return nil, err
	}
	byLang := map[string]Made{}
	for _, m := range made {
		byLang[m.Doc.Lang] = m
	}
	var out []Made
	for _, l := range plain {
		out = append(out, byLang[l])
	}
	for _, g := range groups {
		m, err := sides(req, g, byLang)
		if err != nil {
			return nil, &DocError{Kind: document.Handout, Lang: strings.Join(g, "+"), Err: err}
		}
		out = append(out, m)
	}
	return out, nil
}

// sides makes the two-sided handout of the languages g from their documents.
func sides(req Request, g []string, byLang map[string]Made) (Made, error) {
	name := SidesName(g)
	var docs []*document.Doc
	for _, l := range g {
		d := *byLang[l].Doc
		// Each side's QR code leads to the page holding both sides.
		if i := strings.LastIndex(d.HTMLURL, "/"); i >= 0 {
			d.HTMLURL = d.HTMLURL[:i+1] + name + ".html"
		}
		docs = append(docs, &d)
	}
	m := Made{Doc: docs[0], Sides: g}
	for _, f := range req.Formats {
		var buf bytes.Buffer
		switch f {
		case "pdf":
			var st pdf.Stats
			if err := pdf.RenderSides(&buf, docs, pdf.Options{Created: req.Created, Stats: &st}); err != nil {
				return Made{}, err
			}
			m.Pages = st.Pages
		case "html":
			pdfToo := false
			for _, f := range req.Formats {
				pdfToo = pdfToo || f == "pdf"
			}
			if err := html.RenderSides(&buf, docs, html.Options{PDF: pdfToo, Index: req.Index}); err != nil {
				return Made{}, err
			}
		}
		m.Files = append(m.Files, output.File{Name: name + "." + f, Data: buf.Bytes()})
	}
	return m, nil
}

// SidesName is the file name, without extension, of the two-sided handout of langs:
// handout-en-ru.
func SidesName(langs []string) string { return "handout-" + strings.Join(langs, "-") }

// makeDocs makes every document of the request in every language of req.Langs.
func makeDocs(lib *library.Library, cat *i18n.Catalog, req Request) ([]Made, error) {
	for _, f := range req.Formats {
		if f != "pdf" && f != "html" {
			return nil, fmt.Errorf("unknown format %q: use pdf, html or pdf,html", f)
		}
	}
	covered, err := fonts.Coverage(fonts.Faces()[0].File)
	if err != nil {
		return nil, err
	}
	cov := func(r rune) bool { return covered[r] }
	if len(req.Options.Logo) > 0 {
		// The logo is drawn small: scaled once here, a 6000-pixel logo costs the
		// documents a few kilobytes, not megabytes.
		logo, err := ScaleLogo(req.Options.Logo)
		if err != nil {
			return nil, fmt.Errorf("logo: %v; export it again as PNG or JPEG", err)
		}
		req.Options.Logo, req.Options.LogoType = logo, "png"
	}
	var out []Made
	for _, kind := range req.Docs {
		if req.Ctx != nil && req.Ctx.Err() != nil {
			return nil, req.Ctx.Err()
		}
		// Every language holds the same items: the leanest any language needed is used
		// for all of them, so a Russian reader never gets less than an English one.
		// Languages are laid out side by side, one per core.
		fits := make([]*fitted, len(req.Langs))
		if err := each(req.Langs, func(i int, lang string) error {
			fd, err := fitOne(lib, cat, req, kind, lang, 0, cov)
			fits[i] = fd
			return err
		}); err != nil {
			return nil, err.withKind(kind)
		}
		lean := 0
		for _, fd := range fits {
			lean = max(lean, fd.lean)
		}
		made := make([]Made, len(req.Langs))
		if err := each(req.Langs, func(i int, lang string) error {
			if fits[i].lean < lean {
				fd, err := fitOne(lib, cat, req, kind, lang, lean, cov)
				if err != nil {
					return err
				}
				fits[i] = fd
			}
			return nil
		}); err != nil {
			return nil, err.withKind(kind)
		}
		// Every language is set at the same size: the smallest any of them needed, so
		// that a Russian reader never gets smaller type than an English one.
		step, back := 0, false
		for _, fd := range fits {
			step, back = max(step, fd.step), back || fd.back
		}
		if err := each(req.Langs, func(i int, lang string) error {
			if fd := fits[i]; fd.step != step || (fd.laid == nil && back) {
				// Laid out again at the shared size; only this layout is drawn. A language
				// that needed its back page at a larger size needs it at this one too.
				fd.minStep, fd.allowBack, fd.knownBack = step, back || fd.allowBack, fd.back
				if err := fd.layout(req.Created, false); err != nil {
					return err
				}
			}
			m, err := renderFiles(req, kind, lang, fits[i])
			made[i] = m
			return err
		}); err != nil {
			return nil, err.withKind(kind)
		}
		out = append(out, made...)
	}
	return out, nil
}

// langError is the first failure of a parallel step, with its language.
type langError struct {
	lang string
	err  error
}

func (e *langError) withKind(k document.Kind) error {
	return &DocError{Kind: k, Lang: e.lang, Err: e.err}
}

// each runs f for every language, at most one per core at a time, and returns the
// failure of the first language (in order) that failed.
func each(langs []string, f func(i int, lang string) error) *langError {
	errs := make([]error, len(langs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = f(i, lang)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return &langError{lang: langs[i], err: err}
		}
	}
	return nil
}

// fitOne builds one document in one language, no leaner than lean, lean enough to fit.
func fitOne(lib *library.Library, cat *i18n.Catalog, req Request, kind document.Kind, lang string, lean int, covered func(rune) bool) (*fitted, error) {
	loc, err := cat.Locale(lang)
	if err != nil {
		return nil, err
	}
	opt := req.Options
	if f := req.PerDoc[kind]; f != nil {
		f(lang, &opt)
	}
	opt.Lean = lean
	opt.Parsed = req.Parsed.For(lang)
	build, ok := builders[kind]
	if !ok {
		return nil, fmt.Errorf("unknown document %q: use brief, handout or prep", kind)
	}
	// One document in one language leaves the other cores idle: the search may use one.
	spare := len(req.Docs) == 1 && len(req.Langs) == 1 && req.Parsed == nil && runtime.GOMAXPROCS(0) > 1
	return fit(lib, locale{loc, opt.Strings}, opt, req.Created, covered, build, req.noBack, spare)
}

// renderFiles renders a fitted document to each requested format.
func renderFiles(req Request, kind document.Kind, lang string, fd *fitted) (Made, error) {
	d := fd.doc
	d.BackPage, d.PrintStep = fd.back, fd.step
	m := Made{Doc: d}
	base := fmt.Sprintf("%s-%s", kind, lang)
	for _, f := range req.Formats {
		var buf bytes.Buffer
		switch f {
		case "pdf":
			if fd.laid == nil {
				if err := fd.layout(req.Created, false); err != nil {
					return Made{}, err
				}
			}
			if _, err := fd.laid.WriteTo(&buf); err != nil {
				return Made{}, err
			}
			m.Pages = fd.pages
		case "html":
			pdfToo := false
			for _, f := range req.Formats {
				pdfToo = pdfToo || f == "pdf"
			}
			if err := html.Render(&buf, d, html.Options{Langs: req.Langs, PDF: pdfToo, Index: req.Index}); err != nil {
				return Made{}, err
			}
		}
		m.Files = append(m.Files, output.File{Name: base + "." + f, Data: buf.Bytes()})
	}
	return m, nil
}

// locale adapts an i18n.Locale to what the document builder needs, with the strings a
// kit sets for one document laid over it.
type locale struct {
	l    *i18n.Locale
	over map[string]string
}

func (x locale) Lang() string                 { return x.l.Lang }
func (x locale) Date(t time.Time) string      { return x.l.Date(t) }
func (x locale) Typography() typography.Rules { return x.l.Typography }
func (x locale) String(key string) string {
	if s, ok := x.over[key]; ok {
		return s
	}
	if s := x.l.T(key); s != key {
		return s
	}
	return ""
}

// ParseKinds parses a comma list of document kinds.
func ParseKinds(list []string) ([]document.Kind, error) {
	var out []document.Kind
	for _, s := range list {
		k := document.Kind(strings.TrimSpace(s))
		ok := false
		for _, known := range document.Kinds {
			ok = ok || known == k
		}
		if !ok {
			return nil, fmt.Errorf("unknown document %q: use brief, handout or prep", s)
		}
		out = append(out, k)
	}
	return out, nil
}

var builders = map[document.Kind]func(*library.Library, document.Locale, document.Options) (*document.Doc, error){
	document.Handout: document.BuildHandout,
	document.Brief:   document.BuildBrief,
	document.Prep:    document.BuildPrep,
}

// fitted is a document and, once laid out, its layout, drawn only when its PDF is
// written.
type fitted struct {
	doc   *document.Doc
	lean  int
	laid  *pdf.Laid
	pages int
	// step is the fit loop's step used; back is set when the sources went to a back
	// page. minStep, allowBack and knownBack are what the layout may use
	// (pdf.Options).
	step      int
	back      bool
	minStep   int
	allowBack bool
	knownBack bool
}

// layout lays out f.doc (the PDF is drawn when written). probe says that a
// *pdf.TooLongError will not be shown (a leaner document is tried next), so it need
// not say what to drop.
func (f *fitted) layout(created time.Time, probe bool) error {
	opt := pdf.Options{Created: created, MinStep: f.minStep, Back: f.allowBack, KnownBack: f.knownBack, NoSuggest: probe}
	laid, err := pdf.Layout(f.doc, opt)
	if err != nil {
		return err
	}
	st := laid.Stats()
	f.laid, f.pages, f.step, f.back = laid, st.Pages, st.Step, st.Back
	return nil
}

// fit builds a document from the library's defaults, as little lean as fits its pages
// (measured by laying it out; the layout made then is kept). The HTML uses the same
// model, so both formats hold the same items. Items chosen by id are never dropped:
// then the renderer's error says what to drop.
//
// A leaner version never takes more room, so the least lean that fits is found by
// halving: two probes for the library's documents (which need lean 1 or 2) instead of
// up to three one after the other. The leanest version is laid out last, and only when
// no other fits: it may put the sources on the back, or fail saying what to drop.
//
// With a core to spare (spare), the probe of the next leaner version runs beside each
// probe, so that a document which needs it (the Russian handout needs lean 2) is found
// in the time of one probe, not two. Which version is chosen does not change.
func fit(lib *library.Library, l locale, opt document.Options, created time.Time, covered func(rune) bool,
	build func(*library.Library, document.Locale, document.Options) (*document.Doc, error), noBack, spare bool) (*fitted, error) {
	// The leaner versions share most of their texts: each is parsed once.
	if opt.Parsed == nil {
		opt.Parsed = document.NewRichCache()
	}
	try := func(lean int, probe bool) (*fitted, error) {
		o := opt
		o.Lean = lean
		d, err := build(lib, l, o)
		if err != nil {
			return nil, err
		}
		if err := render.CheckGlyphs(d, covered); err != nil {
			return nil, err
		}
		f := &fitted{doc: d, lean: lean}
		// Nothing more can be left out: the sources may go on the back.
		f.allowBack = !probe && !noBack
		// Always laid out as a PDF, whatever the formats: the page limits hold for the
		// HTML too, which prints the same document.
		return f, f.layout(created, probe)
	}
	if len(opt.Selection.IDs) > 0 {
		return try(opt.Lean, false)
	}
	lo, hi := min(opt.Lean, document.MaxLean), document.MaxLean // every lean below lo is too long
	var best *fitted                                            // the version at hi, once one fits
	// fits says whether a probe's version fits, or its error when it failed otherwise.
	fits := func(err error) (bool, error) {
		var tl *pdf.TooLongError
		if errors.As(err, &tl) {
			return false, nil
		}
		return err == nil, err
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		var next *fitted
		var nextErr error
		beside := spare && mid+1 < hi
		done := make(chan struct{})
		if beside {
			go func() { next, nextErr = try(mid+1, true); close(done) }()
		} else {
			close(done)
		}
		f, err := try(mid, true)
		<-done
		ok, err := fits(err)
		switch {
		case err != nil:
			return nil, err
		case ok:
			best, hi = f, mid
			continue
		}
		lo = mid + 1
		if !beside {
			continue
		}
		ok, err = fits(nextErr)
		switch {
		case err != nil:
			return nil, err
		case ok:
			best, hi = next, mid+1
		default:
			lo = mid + 2
		}
	}
	if best != nil {
		return best, nil
	}
	return try(document.MaxLean, false)
}
