package check

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// DraftFormat is the kind of a draft, which says how its text is read and how positions count.
type DraftFormat int

// The formats a draft can be in.
const (
	DraftText DraftFormat = iota
	DraftMarkdown
	DraftHTML
	DraftDOCX // Word: positions are paragraph:character
	DraftODT  // OpenDocument text: positions are paragraph:character
)

var formatNames = map[DraftFormat]string{DraftText: "text", DraftMarkdown: "Markdown", DraftHTML: "HTML",
	DraftDOCX: "Word (.docx)", DraftODT: "OpenDocument (.odt)"}

func (f DraftFormat) String() string { return formatNames[f] }

// ParagraphPositions reports whether findings in the format count paragraphs, not lines.
func (f DraftFormat) ParagraphPositions() bool { return f == DraftDOCX || f == DraftODT }

// FormatOf tells a draft's format by its file name: .md and the like are Markdown, .html
// and .htm HTML, .docx Word, .odt OpenDocument, anything else text. Draft extensions
// lists the names a folder is searched for.
func FormatOf(name string) DraftFormat {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mdx":
		return DraftMarkdown
	case ".html", ".htm", ".xhtml":
		return DraftHTML
	case ".docx":
		return DraftDOCX
	case ".odt":
		return DraftODT
	}
	return DraftText
}

// DraftExtensions are the file name endings a folder is searched for.
var DraftExtensions = []string{".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx", ".odt"}

// IsDraftName reports whether a file in a folder is a draft to check.
func IsDraftName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range DraftExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Draft is a draft's text ready to check: for a Word or OpenDocument file, one line per
// paragraph, and which paragraphs are quotations.
type Draft struct {
	Text   []byte
	Format DraftFormat
	// Quoted marks, by 1-based line, the paragraphs styled as quotations.
	Quoted map[int]bool
}

var zipMagic = []byte("PK\x03\x04")

// ReadDraft turns a file's bytes into a Draft. A Word or OpenDocument file that is damaged,
// or a zip that is not one, is an *InputError; so is a binary file given as text.
func ReadDraft(name string, data []byte, f DraftFormat) (*Draft, error) {
	if f == DraftText && bytes.HasPrefix(data, zipMagic) {
		return nil, &InputError{File: name, Msg: "a zip archive, not a text draft; give a Word file a .docx name, an OpenDocument file .odt"}
	}
	switch f {
	case DraftDOCX:
		return readZipXML(name, data, f, "word/document.xml", "a Word document")
	case DraftODT:
		return readZipXML(name, data, f, "content.xml", "an OpenDocument text")
	}
	return &Draft{Text: data, Format: f}, nil
}

func readZipXML(name string, data []byte, f DraftFormat, member, what string) (*Draft, error) {
	ext := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
	if !bytes.HasPrefix(data, zipMagic) {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("not %s: a .%s file is a zip archive, and this is not one; open it in its editor and save it again", what, ext)}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("damaged or cut short (%v); open it in its editor and save it again", err)}
	}
	var zf *zip.File
	for _, x := range zr.File {
		if x.Name == member {
			zf = x
		}
	}
	if zf == nil {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("a zip archive but not %s (it has no %s)", what, member)}
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("damaged or cut short (%v); open it in its editor and save it again", err)}
	}
	defer rc.Close()
	var d *Draft
	if f == DraftDOCX {
		d, err = docxText(rc)
	} else {
		d, err = odtText(rc)
	}
	if err != nil {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("damaged or cut short: %s is not well-formed (%v); open it in its editor and save it again", member, plainXMLErr(err))}
	}
	d.Format = f
	return d, nil
}

func plainXMLErr(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("line %d: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "it ends too early"
	}
	return err.Error()
}

// paragraphs collects text one paragraph per line.
type paragraphs struct {
	buf    bytes.Buffer
	n      int
	quoted map[int]bool
}

func (p *paragraphs) end(quote bool) {
	p.n++
	if quote {
		if p.quoted == nil {
			p.quoted = map[int]bool{}
		}
		p.quoted[p.n] = true
	}
	p.buf.WriteByte('\n')
}

func (p *paragraphs) text(s []byte) {
	for _, c := range s {
		if c == '\n' || c == '\r' {
			c = ' '
		}
		p.buf.WriteByte(c)
	}
}

func isQuoteStyle(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "quote") || strings.Contains(s, "quotation") || strings.Contains(s, "цитат")
}

// docxText reads the paragraphs of word/document.xml: w:p, with its w:t text, w:tab and
// w:br; a paragraph styled Quote or Intense Quote is quoted.
func docxText(r io.Reader) (*Draft, error) {
	dec := xml.NewDecoder(r)
	var p paragraphs
	inText, depth, quote := false, 0, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				depth++
				quote = false
			case "t":
				inText = true
			case "tab":
				p.buf.WriteByte('\t')
			case "br", "cr":
				p.buf.WriteByte(' ')
			case "pStyle":
				for _, a := range t.Attr {
					if a.Name.Local == "val" && isQuoteStyle(a.Value) {
						quote = true
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				depth--
				p.end(quote)
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText && depth > 0 {
				p.text(t)
			}
		}
	}
	return &Draft{Text: p.buf.Bytes(), Quoted: p.quoted}, nil
}

// odtText reads the paragraphs and headings of content.xml (text:p, text:h), with text:s
// spaces, tabs and line breaks; a paragraph styled as a quotation is quoted.
func odtText(r io.Reader) (*Draft, error) {
	dec := xml.NewDecoder(r)
	var p paragraphs
	var stack []bool // open paragraphs, each quoted or not
	inBody := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "body":
				inBody = true
			case "p", "h":
				if !inBody {
					continue
				}
				q := false
				for _, a := range t.Attr {
					if a.Name.Local == "style-name" && isQuoteStyle(a.Value) {
						q = true
					}
				}
				if len(stack) > 0 {
					// A paragraph inside another (a note) ends the outer line first.
					p.end(stack[len(stack)-1])
				}
				stack = append(stack, q)
			case "s":
				n := 1
				for _, a := range t.Attr {
					if a.Name.Local == "c" {
						fmt.Sscan(a.Value, &n)
					}
				}
				p.buf.WriteString(strings.Repeat(" ", min(max(n, 1), 1000)))
			case "tab":
				p.buf.WriteByte('\t')
			case "line-break":
				p.buf.WriteByte(' ')
			}
		case xml.EndElement:
			if (t.Name.Local == "p" || t.Name.Local == "h") && len(stack) > 0 {
				p.end(stack[len(stack)-1])
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				p.text(t)
			}
		}
	}
	return &Draft{Text: p.buf.Bytes(), Quoted: p.quoted}, nil
}
