package html

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

// RenderSides writes one HTML page holding a handout in several languages, one after
// the other, each in an <article> marked with its language; printed, each starts a new
// page, as the sides of the two-sided PDF. The chrome (masthead, footer) is the first
// document's; the top navigation links to the PDF and the index.
func RenderSides(w io.Writer, docs []*document.Doc, opt Options) error {
	if len(docs) == 0 {
		return fmt.Errorf("render html: no document")
	}
	var pages []string
	for _, d := range docs {
		if d == nil || d.Kind != document.Handout {
			return fmt.Errorf("render html: only a handout is made two-sided")
		}
		var buf bytes.Buffer
		// Each side without fonts: the page gets them once, for both sides' text.
		one := Options{Templates: opt.Templates}
		if err := renderPage(&buf, d, one, fontsNone); err != nil {
			return err
		}
		pages = append(pages, buf.String())
	}
	mains := make([]string, len(pages))
	step := 0
	for i, p := range pages {
		a := strings.Index(p, "<main>")
		b := strings.LastIndex(p, "</main>")
		if a < 0 || b < a {
			return fmt.Errorf("render html: the handout template has no <main>")
		}
		mains[i] = p[a+len("<main>") : b]
		if m := fitClass.FindStringSubmatch(p); m != nil {
			n, _ := strconv.Atoi(m[1])
			step = max(step, n)
		}
		if i > 0 {
			// Anchors stay unique: the second side's get its language as a prefix.
			pre := docs[i].Lang + "-"
			mains[i] = idAttr.ReplaceAllString(mains[i], `$1="`+pre)
			mains[i] = strings.ReplaceAll(mains[i], `href="#`, `href="#`+pre)
		}
	}
	var body strings.Builder
	for i, m := range mains {
		fmt.Fprintf(&body, "\n<article class=\"side\" lang=\"%s\">%s</article>", docs[i].Lang, m)
	}
	out := pages[0]
	a := strings.Index(out, "<main>") + len("<main>")
	b := strings.LastIndex(out, "</main>")
	out = out[:a] + body.String() + "\n" + out[b:]
	// Every side prints at the size the longest needs.
	out = fitClass.ReplaceAllString(out, "fit-"+strconv.Itoa(step))
	nav := docNav(docs[0], Options{PDF: opt.PDF, Index: opt.Index})
	if len(nav) > 0 {
		var n strings.Builder
		n.WriteString(`<nav class="doc-nav" aria-label="` + docs[0].Label("documents") + `">`)
		for i, l := range nav {
			if i > 0 {
				n.WriteString(`<span class="sep" aria-hidden="true"> · </span>`)
			}
			href := l.Href
			if l.Text == "PDF" {
				var langs []string
				for _, d := range docs {
					langs = append(langs, d.Lang)
				}
				href = "handout-" + strings.Join(langs, "-") + ".pdf"
			}
			fmt.Fprintf(&n, `<a href="%s">%s</a>`, href, l.Text)
		}
		n.WriteString("</nav>")
		out = strings.Replace(out, `<div class="page">`, `<div class="page">`+"\n"+n.String(), 1)
	}
	return writeWithFonts(w, []byte(out), opt.fonts())
}

var (
	fitClass = regexp.MustCompile(`fit-(\d+)`)
	idAttr   = regexp.MustCompile(`\b(id|aria-labelledby|aria-describedby)="`)
)
