package html

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"github.com/presskit/presskit/templates"
)

// stylesheet is the file in the templates FS inlined into every page.
const stylesheet = "documents.css"

// pageNumberColour is documents.css's --muted, for the page numbers in the page margin,
// where custom properties are not reliably inherited.
const pageNumberColour = "#4b5563"

// pageStyle returns documents.css followed by the page's own rules: the brand colours as
// custom properties, the paper size and the page numbers of print.
func pageStyle(fsys fs.FS, brand, paper, pageOf string) (template.CSS, error) {
	var css string
	var err error
	if fsys == fs.FS(templates.FS) {
		css, err = embeddedStyle()
	} else {
		css, err = readStyle(fsys)
	}
	if err != nil {
		return "", err
	}
	pal := brandPalette(brand)
	var b strings.Builder
	b.Grow(len(css) + 512)
	b.WriteString(css)
	fmt.Fprintf(&b, "\n:root { --brand: %s; --brand-ink: %s; --brand-soft: %s; }\n", pal.Brand, pal.Ink, pal.Soft)
	fmt.Fprintf(&b, "@page { size: %s; margin: 18mm;", pageSize(paper))
	if c := pageCounter(pageOf); c != "" {
		fmt.Fprintf(&b, " @bottom-right { content: %s; font: 7.5pt \"Noto Sans\", Arial, sans-serif; color: %s; }", c, pageNumberColour)
	}
	b.WriteString(" }")
	return template.CSS(b.String()), nil
}

// embeddedStyle is the embedded documents.css, read and checked once per process.
var embeddedStyle = sync.OnceValues(func() (string, error) { return readStyle(templates.FS) })

// readStyle reads documents.css from fsys and checks that it cannot end the <style>
// element it is inlined into.
func readStyle(fsys fs.FS) (string, error) {
	css, err := fs.ReadFile(fsys, stylesheet)
	if err != nil {
		return "", fmt.Errorf("templates: %w", err)
	}
	if strings.Contains(strings.ToLower(string(css)), "</style") {
		return "", fmt.Errorf("templates: %s must not contain \"</style\"", stylesheet)
	}
	return string(css), nil
}

// pageSize is the CSS @page size for a paper name.
func pageSize(paper string) string {
	if strings.EqualFold(strings.TrimSpace(paper), "letter") {
		return "letter"
	}
	return "A4"
}

// pageCounter turns "Page {n} of {total}" into CSS content with page counters, or ""
// when the label has no {n}.
func pageCounter(label string) string {
	if !strings.Contains(label, "{n}") {
		return ""
	}
	var parts []string
	for label != "" {
		i := strings.Index(label, "{")
		if i < 0 {
			parts = append(parts, cssString(label))
			break
		}
		switch {
		case strings.HasPrefix(label[i:], "{n}"):
			parts = append(parts, cssString(label[:i]), "counter(page)")
			label = label[i+3:]
		case strings.HasPrefix(label[i:], "{total}"):
			parts = append(parts, cssString(label[:i]), "counter(pages)")
			label = label[i+7:]
		default:
			parts = append(parts, cssString(label[:i+1]))
			label = label[i+1:]
		}
	}
	var out []string
	for _, p := range parts {
		if p != `""` {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// cssString quotes s as a CSS string, escaping what could end the string or the
// <style> element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\', '<', '>', '&':
			fmt.Fprintf(&b, "\\%x ", r)
		case '\n', '\r', '\f':
			b.WriteString("\\a ")
		default:
			if r < 0x20 || r == 0x7f {
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteStyle sets the decorative quote mark of quotes to the language's opening mark, as
// the PDF draws it; guillemets are set smaller and lower than “, whose glyph is small
// and high.
func quoteStyle(open string) template.CSS {
	open = strings.TrimSpace(open)
	if open == "" {
		open = "\u201c"
	}
	css := "\n:root { --quote-open: " + cssString(open) + ";"
	if open == "\u00ab" || open == "\u00bb" || open == "\u201e" {
		css += " --quote-size: 2rem; --quote-top: 0;"
	}
	return template.CSS(css + " }")
}

// marginStyle sets the page margin of the fit step when it is not the 18 mm of the
// first steps: like the PDF, the later steps give the text a little more of the page.
func marginStyle(mm float64) template.CSS {
	if mm == 18 {
		return ""
	}
	return template.CSS(fmt.Sprintf("\n@page { margin: %gmm; }", mm))
}
