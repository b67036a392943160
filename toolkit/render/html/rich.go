package html

import (
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/document"
)

// richHTML renders rich text as block HTML: consecutive bullet paragraphs become one
// <ul>, every other paragraph a <p>. Text is escaped here, so nothing in the library can
// inject markup. Reference markers for refs go at the end of the last paragraph.
func richHTML(r document.Rich, refs []int, known map[int]bool) template.HTML {
	return richLead("", r, refs, known)
}

// leadHTML is richHTML led by a panel's name in bold, "Core message." and an en space,
// at the start of its first paragraph, as the PDF sets a panel. The section's heading
// names the panel for assistive technology, so the lead is hidden from it.
func leadHTML(lead string, r document.Rich, refs []int, known map[int]bool) template.HTML {
	lead = strings.TrimSpace(lead)
	if lead == "" {
		return richHTML(r, refs, known)
	}
	return richLead(`<span class="lead" aria-hidden="true">`+string(textHTML(lead))+".</span>\u2002", r, refs, known)
}

// richLead is richHTML with lead, which is HTML, at the start of the first paragraph.
func richLead(lead string, r document.Rich, refs []int, known map[int]bool) template.HTML {
	var b strings.Builder
	inList := false
	if len(r) == 0 && (len(refs) > 0 || lead != "") {
		return template.HTML("<p>" + lead + string(refMarkers(refs, known)) + "</p>")
	}
	if lead != "" && r[0].Bullet {
		b.WriteString("<p>" + strings.TrimSuffix(lead, "\u2002") + "</p>")
		lead = ""
	}
	for i, p := range r {
		last := i == len(r)-1
		if p.Bullet != inList {
			if inList {
				b.WriteString("</ul>")
			} else {
				b.WriteString("<ul>")
			}
			inList = p.Bullet
		}
		if p.Bullet {
			b.WriteString("<li>")
			writeSpans(&b, p.Spans)
			if last {
				b.WriteString(string(refMarkers(refs, known)))
			}
			b.WriteString("</li>")
		} else {
			b.WriteString("<p>" + lead)
			lead = ""
			writeSpans(&b, p.Spans)
			if last {
				b.WriteString(string(refMarkers(refs, known)))
			}
			b.WriteString("</p>")
		}
	}
	if inList {
		b.WriteString("</ul>")
	}
	return template.HTML(b.String())
}

// inlineHTML renders rich text without block elements, paragraphs joined by a space,
// for headings, table cells and captions; reference markers for refs follow.
func inlineHTML(r document.Rich, refs []int, known map[int]bool) template.HTML {
	var b strings.Builder
	for i, p := range r {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeSpans(&b, p.Spans)
	}
	b.WriteString(string(refMarkers(refs, known)))
	return template.HTML(b.String())
}

func writeSpans(b *strings.Builder, spans []document.Span) {
	for _, s := range spans {
		var open, close []string
		if href := safeHref(s.Link); href != "" {
			open = append(open, `<a href="`+template.HTMLEscapeString(href)+`">`)
			close = append(close, "</a>")
		}
		if s.Strong {
			open = append(open, "<strong>")
			close = append(close, "</strong>")
		}
		if s.Em {
			open = append(open, "<em>")
			close = append(close, "</em>")
		}
		if s.Code {
			open = append(open, "<code>")
			close = append(close, "</code>")
		}
		for _, o := range open {
			b.WriteString(o)
		}
		writeText(b, s.Text)
		for i := len(close) - 1; i >= 0; i-- {
			b.WriteString(close[i])
		}
	}
}

// hyphenated matches a word with a hyphen between letters or digits: "секс-работники",
// "sex-worker-led".
// It is compiled on first use, not at start-up: commands that make no HTML never pay.
var hyphenated = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)+`)
})

// maxNobr is the longest hyphenated word kept on one line: anything longer (an address
// set in text) may still break, so that it cannot overflow a phone's screen.
const maxNobr = 32

// writeText writes s escaped, with each hyphenated word in a span that does not break,
// as the PDF sets it: a browser would otherwise break "секс-работники" after the hyphen.
// The characters are untouched, so copying and searching see an ordinary hyphen-minus.
func writeText(b *strings.Builder, s string) {
	last := 0
	for _, m := range hyphenated().FindAllStringIndex(s, -1) {
		w := s[m[0]:m[1]]
		if utf8.RuneCountInString(w) > maxNobr || strings.IndexFunc(w, unicode.IsLetter) < 0 {
			continue
		}
		b.WriteString(template.HTMLEscapeString(s[last:m[0]]))
		b.WriteString(`<span class="nobr">`)
		b.WriteString(template.HTMLEscapeString(w))
		b.WriteString(`</span>`)
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
}

// textHTML is plain text (a title, a heading, a term) escaped for a template, its
// hyphenated words kept whole.
func textHTML(s string) template.HTML {
	var b strings.Builder
	writeText(&b, s)
	return template.HTML(b.String())
}

// telHref returns the href attribute of a tel: link for a phone number, digits and a
// leading + only, or "" when it has too few digits to be one. The attribute is built
// here because html/template would escape the "+"; nothing else in it needs escaping.
func telHref(phone string) template.HTMLAttr {
	var b strings.Builder
	digits := 0
	for _, r := range strings.TrimSpace(phone) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r == '+' && b.Len() == 0:
			b.WriteRune(r)
		}
	}
	if digits < 3 {
		return ""
	}
	return template.HTMLAttr(`href="tel:` + b.String() + `"`)
}

// safeHref is the address to write in an href: document.SafeLink, asked again here as
// the renderer's own line of defence, whatever built the model.
func safeHref(raw string) string { return document.SafeLink(raw) }

// mailto returns a mailto: address for an email address, or "" when it is not one.
func mailto(email string) string {
	email = strings.TrimSpace(email)
	if email == "" || strings.ContainsAny(email, " <>\"'") || !strings.Contains(email, "@") {
		return ""
	}
	return safeHref("mailto:" + email)
}

// displayURL shortens a web address for reading: no scheme, no trailing slash.
func displayURL(u string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(s, "/")
}

// refMarkers renders reference numbers as "[1, 3]", each linked to its entry in the
// list of references when there is one.
func refMarkers(refs []int, known map[int]bool) template.HTML {
	if len(refs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<sup class="refs">[`)
	for i, n := range refs {
		if i > 0 {
			b.WriteString(", ")
		}
		num := strconv.Itoa(n)
		if known[n] {
			b.WriteString(`<a href="#ref-` + num + `">` + num + `</a>`)
		} else {
			b.WriteString(num)
		}
	}
	b.WriteString(`]</sup>`)
	return template.HTML(b.String())
}
