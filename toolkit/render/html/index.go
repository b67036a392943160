package html

import (
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

// Index is a press kit's index page: every document of the kit in every language, with
// links to its files.
type Index struct {
	// Lang is the language of the page itself (its labels and title).
	Lang  string
	Title string
	// Intro is an optional line under the title, plain text.
	Intro    string
	Org      document.Masthead
	Contacts []document.Contact
	// Embargo is the banner text, "" for none.
	Embargo  string
	DateText string
	// Labels are interface strings in Lang: "languages", "media_contacts", "email",
	// "phone", "website", "size_kb", "size_mb".
	Labels map[string]string
	Brand  string // "#rrggbb"
	Paper  string // "a4" or "letter", for printing the page
	// Languages lists the kit's languages in the order to show them; documents in a
	// language not listed here come after, under their language code.
	Languages []IndexLang
	Documents []IndexDoc
	// Zip is the address of the archive of the whole kit, ZipSize its size; "" when
	// there is none.
	Zip     string
	ZipSize int64
	// Others link the same page in the kit's other languages.
	Others []IndexLink
}

// IndexLink is the landing page in another language.
type IndexLink struct {
	Lang, Name, Href string
}

// IndexLang names a language in itself ("English", "Русский").
type IndexLang struct {
	Lang string
	Name string
}

// IndexDoc is one document in one language.
type IndexDoc struct {
	Kind  document.Kind
	Lang  string
	Title string
	Files []IndexFile
	// Pages is the PDF's number of pages; 0 when unknown.
	Pages int
}

// IndexFile is one output file of a document.
type IndexFile struct {
	Format string // "pdf" or "html"
	// Href is the file's address relative to the index page.
	Href string
	Size int64
	// SizeText is the size for reading ("48 KB"); when empty it is made from Size.
	SizeText string
}

type indexPage struct {
	chrome
	Kit    *Index
	Intro  string
	Groups []indexGroup
	// The table of documents × languages: public documents, then internal ones (the
	// prep sheet) under "For our spokespeople".
	Langs            []IndexLang
	Public, Internal []indexRow
	ZipHref, ZipSize string
}

// indexRow is one document kind in every language.
type indexRow struct {
	Title, Desc string
	Cells       []indexCell
}

// indexCell is one document in one language.
type indexCell struct {
	Lang, LangName string
	Files          []indexFile
	Pages          string
}

// Tag is the cell's lang attribute: none for a two-sided handout ("en+ru"), whose
// cell holds two languages.
func (c indexCell) Tag() string { return langTag(c.Lang) }

// Tag is the column head's lang attribute; see indexCell.Tag.
func (l IndexLang) Tag() string { return langTag(l.Lang) }

func langTag(l string) string {
	if strings.Contains(l, "+") {
		return ""
	}
	return l
}

type indexGroup struct {
	Lang, Name, Anchor, HeadingID string
	Docs                          []indexDoc
}

type indexDoc struct {
	Title string
	Files []indexFile
}

type indexFile struct {
	Format, Label, Type, Href, SizeText string
}

// RenderIndex writes a press kit's index page to w. Nothing is written when rendering
// fails.
func RenderIndex(w io.Writer, idx *Index, opt Options) error {
	if idx == nil {
		return fmt.Errorf("render html: index: no index")
	}
	style, err := pageStyle(opt.fsys(), idx.Brand, idx.Paper, "")
	if err != nil {
		return fmt.Errorf("render html: index: %w", err)
	}
	title := idx.Title
	if title == "" {
		title = idx.Org.Org
	}
	p := &indexPage{
		chrome: newChrome(idx.Lang, title, idx.Org, idx.Contacts, idx.Embargo, idx.DateText, style),
		Kit:    idx,
		Intro:  strings.TrimSpace(idx.Intro),
	}
	p.Class = "kit"
	p.Description = p.Intro

	byLang := map[string]int{}
	used := map[string]int{"h-contacts": 1}
	addGroup := func(lang, name string) int {
		if i, ok := byLang[lang]; ok {
			return i
		}
		if name == "" {
			name = lang
		}
		anchor := unique(used, "lang-"+slug(lang))
		p.Groups = append(p.Groups, indexGroup{Lang: lang, Name: name, Anchor: anchor, HeadingID: "h-" + anchor})
		byLang[lang] = len(p.Groups) - 1
		return byLang[lang]
	}
	for _, l := range idx.Languages {
		addGroup(l.Lang, l.Name)
	}
	for _, d := range idx.Documents {
		g := addGroup(d.Lang, "")
		doc := indexDoc{Title: d.Title}
		if doc.Title == "" {
			doc.Title = string(d.Kind)
		}
		for _, f := range d.Files {
			href, err := relativeHref(f.Href)
			if err != nil {
				return fmt.Errorf("render html: index: %s %s: %w", d.Kind, d.Lang, err)
			}
			format := strings.ToLower(f.Format)
			size := f.SizeText
			if size == "" && f.Size > 0 {
				size = sizeText(f.Size, idx.Labels)
			}
			doc.Files = append(doc.Files, indexFile{
				Format: slug(format), Label: strings.ToUpper(format), Type: mediaType(format),
				Href: href, SizeText: size,
			})
		}
		p.Groups[g].Docs = append(p.Groups[g].Docs, doc)
	}
	// A language with nothing in it is left out, so the switcher never leads nowhere.
	p.table(idx)
	groups := p.Groups[:0]
	for _, g := range p.Groups {
		if len(g.Docs) > 0 {
			groups = append(groups, g)
		}
	}
	p.Groups = groups

	if err := execute(w, opt.fsys(), "index.tmpl", idx.Labels, nil, p, opt.fonts()); err != nil {
		return fmt.Errorf("render html: index: %w", err)
	}
	return nil
}

// relativeHref accepts a path relative to the index page (the kit's own files) and
// refuses anything with a scheme or a host, so the page links only to its neighbours.
// table fills the documents × languages table: one row per kind, in the order the kit
// lists them, one cell per language; the prep sheet, an internal document, apart.
func (p *indexPage) table(idx *Index) {
	lab := func(k string) string {
		if v, ok := idx.Labels[k]; ok && v != "" {
			return v
		}
		return ""
	}
	var kinds []document.Kind
	zipHref, zipSize := idx.Zip, idx.ZipSize
	docs := map[document.Kind]map[string]IndexDoc{}
	langSeen := map[string]bool{}
	for _, d := range idx.Documents {
		if d.Kind == "zip" {
			// The archive of the whole kit: the primary button, not a row.
			if len(d.Files) > 0 && zipHref == "" {
				zipHref, zipSize = d.Files[0].Href, d.Files[0].Size
			}
			continue
		}
		if docs[d.Kind] == nil {
			docs[d.Kind] = map[string]IndexDoc{}
			kinds = append(kinds, d.Kind)
		}
		docs[d.Kind][d.Lang] = d
		langSeen[d.Lang] = true
	}
	for _, l := range idx.Languages {
		if langSeen[l.Lang] {
			p.Langs = append(p.Langs, l)
			delete(langSeen, l.Lang)
		}
	}
	for _, d := range idx.Documents {
		if langSeen[d.Lang] {
			p.Langs = append(p.Langs, IndexLang{Lang: d.Lang, Name: d.Lang})
			delete(langSeen, d.Lang)
		}
	}
	for _, k := range kinds {
		row := indexRow{Desc: lab("desc_" + string(k))}
		if d, ok := docs[k][idx.Lang]; ok {
			row.Title = d.Title
		}
		for _, l := range p.Langs {
			d, ok := docs[k][l.Lang]
			if !ok {
				row.Cells = append(row.Cells, indexCell{Lang: l.Lang, LangName: l.Name})
				continue
			}
			if row.Title == "" {
				row.Title = d.Title
			}
			c := indexCell{Lang: l.Lang, LangName: l.Name}
			for _, f := range d.Files {
				href, err := relativeHref(f.Href)
				if err != nil {
					continue
				}
				format := strings.ToLower(f.Format)
				size := f.SizeText
				if size == "" && f.Size > 0 {
					size = sizeText(f.Size, idx.Labels)
				}
				c.Files = append(c.Files, indexFile{Format: slug(format), Label: strings.ToUpper(format),
					Type: mediaType(format), Href: href, SizeText: size})
			}
			if d.Pages > 0 {
				if t := lab("pages_short"); t != "" {
					c.Pages = strings.ReplaceAll(t, "{n}", strconv.Itoa(d.Pages))
				} else {
					c.Pages = strconv.Itoa(d.Pages) + " pp."
				}
			}
			row.Cells = append(row.Cells, c)
		}
		if row.Title == "" {
			row.Title = string(k)
		}
		if k == document.Prep {
			p.Internal = append(p.Internal, row)
		} else {
			p.Public = append(p.Public, row)
		}
	}
	if zipHref != "" {
		if h, err := relativeHref(zipHref); err == nil {
			p.ZipHref = h
			if zipSize > 0 {
				p.ZipSize = sizeText(zipSize, idx.Labels)
			}
		}
	}
}

func relativeHref(h string) (string, error) {
	h = strings.TrimSpace(h)
	u, err := url.Parse(h)
	if err != nil || h == "" || u.Scheme != "" || u.Host != "" || strings.HasPrefix(h, "/") {
		return "", fmt.Errorf("file address %q: want a path relative to the index", h)
	}
	return u.String(), nil
}

func mediaType(format string) string {
	switch format {
	case "pdf":
		return "application/pdf"
	case "html":
		return "text/html"
	case "txt":
		return "text/plain"
	case "md":
		return "text/markdown"
	case "zip":
		return "application/zip"
	case "png":
		return "image/png"
	}
	return ""
}

// sizeText writes a file size in kilobytes or megabytes (1 KB = 1024 bytes), with the
// units from the labels "size_kb" and "size_mb" and a decimal comma where the labels ask
// for one ("decimal_sep").
func sizeText(n int64, labels map[string]string) string {
	unit := func(key, def string) string {
		if s := labels[key]; s != "" {
			return s
		}
		return def
	}
	sep := unit("decimal_sep", ".")
	if n < 1024*1024 {
		kb := (n + 1023) / 1024
		return strconv.FormatInt(kb, 10) + "\u00a0" + unit("size_kb", "KB")
	}
	tenths := (n*10 + 1024*1024/2) / (1024 * 1024)
	s := strconv.FormatInt(tenths/10, 10) + sep + strconv.FormatInt(tenths%10, 10)
	return s + "\u00a0" + unit("size_mb", "MB")
}
