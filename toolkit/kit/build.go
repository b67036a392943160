package kit

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/publish"
	"github.com/presskit/presskit/toolkit/render/html"
)

// BuildOptions are what a kit is built with besides the kit itself.
type BuildOptions struct {
	// Base holds the configuration, logo, date and paper every document shares.
	Base    document.Options
	Formats []string // used when the kit names none
	Langs   []string // used when the kit names none
	Created time.Time
	Zip     bool
	// Progress, when set, is called as each document is made.
	Progress func(kind document.Kind, lang string)
	// Ctx, when set, stops the build between documents once it is cancelled.
	Ctx context.Context
	// Extras build the release, spokespeople page and cards; nil leaves them out.
	Extras *Extras
	// Files, when set, is given each document's files as soon as they are made (from
	// the goroutine that made them), before the kit is done: to start writing them
	// (output.Stage). Built.Files still holds every file.
	Files func([]output.File)
}

// Built is every file of a kit, ready to be written.
type Built struct {
	Files []output.File
	Made  []publish.Made
}

// IndexName is the kit's index page.
const IndexName = "index.html"

// ZipName is the archive of the whole kit.
const ZipName = "press-kit.zip"

// Build makes every document of the kit in every language and format, the index page,
// and the zip archive when asked. Nothing is returned but an error if any part fails.
func Build(lib *library.Library, cat *i18n.Catalog, k *Kit, opt BuildOptions) (*Built, error) {
	langs := k.Langs
	if len(langs) == 0 {
		langs = opt.Langs
	}
	formats := k.Formats
	if len(formats) == 0 {
		formats = opt.Formats
	}
	base := opt.Base
	if k.Paper != "" {
		base.Paper = k.Paper
	}
	base.Embargo, base.EmbargoZone = k.Embargo, k.Zone
	if k.Date != nil {
		base.Date = *k.Date
	}
	docFormats, textFormats := splitFormats(formats)
	// Documents are made side by side, all at once (each also lays its languages out
	// side by side, and renders its HTML in the same pass as its PDF): a document waits
	// between its steps for its slowest language, and another document's work fills the
	// cores meanwhile. The results and the first error keep the kit's order.
	perDoc := make([][]publish.Made, len(k.Documents))
	parsed := publish.NewParsed() // texts the documents share are parsed once per language
	errs := make([]error, len(k.Documents))
	var progress sync.Mutex
	var wg sync.WaitGroup
	for i, d := range k.Documents {
		if opt.Ctx != nil && opt.Ctx.Err() != nil {
			errs[i] = opt.Ctx.Err()
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if errs[i] == nil && opt.Files != nil {
					var files []output.File
					for _, m := range perDoc[i] {
						files = append(files, m.Files...)
					}
					opt.Files(files)
				}
			}()
			if opt.Progress != nil {
				progress.Lock()
				opt.Progress(d.Kind, strings.Join(langs, ","))
				progress.Unlock()
			}
			if isExtra(d.Kind) {
				perDoc[i], errs[i] = opt.Extras.build(k, d, langs, formats, base, opt.Created)
				return
			}
			o := base
			o.Selection = library.Selection{IDs: d.IDs, Tags: d.Tags}
			perLang := func(lang string, o *document.Options) {
				o.Title, o.Intro = d.Title[lang], d.Intro[lang]
				if cta, ok := k.CallToAction[lang]; ok {
					o.Strings = map[string]string{"call_to_action_text": cta}
				}
			}
			docLangs := langs
			if d.Bilingual {
				if len(langs) < 2 {
					errs[i] = fmt.Errorf("%s:%d: bilingual: a two-sided handout needs two languages; the kit has %s", k.File, d.Line, strings.Join(langs, ", "))
					return
				}
				docLangs = append(append([]string{}, langs...), langs[0]+"+"+langs[1])
			}
			m, err := publish.Make(lib, cat, publish.Request{Docs: []document.Kind{d.Kind}, Langs: docLangs,
				Formats: docFormats, Options: o, Created: opt.Created, Ctx: opt.Ctx, Index: true, Parsed: parsed,
				PerDoc: map[document.Kind]func(string, *document.Options){d.Kind: perLang}})
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", k.File, err)
				return
			}
			addText(m, textFormats)
			perDoc[i] = m
		}()
	}
	wg.Wait()
	var made []publish.Made
	for i, err := range errs {
		if err != nil {
			return nil, err
		}
		made = append(made, perDoc[i]...)
	}
	sortMade(made)
	b := &Built{Made: made}
	for _, m := range made {
		b.Files = append(b.Files, m.Files...)
	}
	// One landing page per language, each in its reader's language and linking the
	// others: index.html in the kit's first language, index-ru.html and so on.
	for _, l := range langs {
		index, err := renderIndex(cat, k, langs, l, base, made, opt.Zip || k.Zip)
		if err != nil {
			return nil, err
		}
		if index, err = opt.Extras.withGallery(index, cat, langs); err != nil {
			return nil, err
		}
		b.Files = append(b.Files, output.File{Name: indexFile(langs, l), Data: index})
	}
	// The pages link one font sheet, every face cut once to the characters of them all.
	var pages [][]byte
	for _, f := range b.Files {
		if strings.HasSuffix(f.Name, ".html") && html.LinksFontSheet(f.Data) {
			pages = append(pages, f.Data)
		}
	}
	if len(pages) > 0 {
		css, err := html.FontSheetFor(pages)
		if err != nil {
			return nil, err
		}
		b.Files = append(b.Files, output.File{Name: html.FontSheet, Data: css})
	}
	if opt.Zip || k.Zip {
		z, err := zipFiles(zipFolder(k), b.Files, opt.Created)
		if err != nil {
			return nil, err
		}
		b.Files = append(b.Files, output.File{Name: ZipName, Data: z})
	}
	return b, nil
}

var indexLabels = []string{"languages", "media_contacts", "email", "phone", "website", "size_kb", "size_mb",
	"decimal_sep", "documents", "download_pdf", "download_html", "kit_index_title", "date", "published",
	"download_zip", "pages_short", "media_contact", "for_spokespeople", "desc_brief", "desc_handout", "desc_prep"}

// indexFile is the name of the kit's landing page in lang: index.html for the first of
// the kit's languages, index-LANG.html for the others.
func indexFile(langs []string, lang string) string {
	if len(langs) == 0 || lang == langs[0] {
		return IndexName
	}
	return "index-" + lang + ".html"
}

func renderIndex(cat *i18n.Catalog, k *Kit, langs []string, pageLang string, base document.Options, made []publish.Made, zip bool) ([]byte, error) {
	loc, err := cat.Locale(pageLang)
	if err != nil {
		return nil, err
	}
	cfg := base.Config
	if len(base.Logo) > 0 {
		// Scaled as the documents' logo is (publish.Make), and from the same cache: the
		// page embeds the logo, and a 6000-pixel one would make it megabytes.
		logo, err := publish.ScaleLogo(base.Logo)
		if err != nil {
			return nil, fmt.Errorf("logo: %v; export it again as PNG or JPEG", err)
		}
		base.Logo, base.LogoType = logo, "png"
	}
	idx := &html.Index{
		Lang: pageLang, Title: k.Title[pageLang], Intro: k.Intro[pageLang],
		Org: document.Masthead{Org: cfg.Organisation.Name, URL: cfg.Organisation.URL, Email: cfg.Organisation.Email,
			Phone: cfg.Organisation.Phone, Logo: base.Logo, LogoType: base.LogoType},
		DateText: loc.Date(base.Date), Labels: map[string]string{}, Brand: cfg.Brand.Colour, Paper: base.Paper,
	}
	if idx.Title == "" {
		idx.Title = loc.T("kit_index_title")
	}
	for _, key := range indexLabels {
		idx.Labels[key] = loc.T(key)
	}
	for _, c := range cfg.Contacts {
		idx.Contacts = append(idx.Contacts, document.Contact{Name: c.Name, Role: c.RoleIn(pageLang), Email: c.Email, Phone: c.Phone})
	}
	if k.Embargo != nil {
		for _, m := range made {
			if m.Doc.Lang == pageLang && m.Doc.Embargo != "" {
				idx.Embargo = m.Doc.Embargo
				break
			}
		}
	}
	for _, l := range langs {
		ll, err := cat.Locale(l)
		if err != nil {
			return nil, err
		}
		idx.Languages = append(idx.Languages, html.IndexLang{Lang: l, Name: ll.Name})
		if l != pageLang {
			idx.Others = append(idx.Others, html.IndexLink{Lang: l, Name: ll.Name, Href: indexFile(langs, l)})
		}
	}
	for _, m := range made {
		if m.Sides == nil {
			continue
		}
		// The two-sided handout gets a column of its own, after the languages.
		var names []string
		for _, l := range m.Sides {
			ll, err := cat.Locale(l)
			if err != nil {
				return nil, err
			}
			names = append(names, ll.Name)
		}
		idx.Languages = append(idx.Languages, html.IndexLang{Lang: strings.Join(m.Sides, "+"), Name: strings.Join(names, " + ")})
	}
	for _, m := range made {
		doc := html.IndexDoc{Kind: m.Doc.Kind, Lang: m.Doc.Lang, Title: m.Doc.Title, Pages: m.Pages}
		if m.Sides != nil {
			doc.Lang = strings.Join(m.Sides, "+")
		}
		ll, _ := cat.Locale(m.Doc.Lang)
		if t := ll.T("doc_" + string(m.Doc.Kind)); t != "doc_"+string(m.Doc.Kind) && m.Doc.Title == "" {
			doc.Title = t
		}
		for _, f := range m.Files {
			if strings.Contains(f.Name, "/") {
				continue // a card image: its gallery page shows it
			}
			doc.Files = append(doc.Files, html.IndexFile{Format: path.Ext(f.Name)[1:], Href: f.Name, Size: int64(len(f.Data))})
		}
		idx.Documents = append(idx.Documents, doc)
	}
	if zip {
		idx.Zip = ZipName
	}
	var buf bytes.Buffer
	if err := html.RenderIndex(&buf, idx, html.Options{Index: true}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipFiles packs files into a zip, inside folder, with fixed times, so the archive is
// reproducible and unpacks into one folder.
func zipFiles(folder string, files []output.File, created time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: path.Join(folder, f.Name), Method: zip.Deflate, Modified: created.UTC()})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
