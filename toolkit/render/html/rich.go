package html

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
)

// richHTML renders rich text as block HTML: consecutive bullet paragraphs become one
// <ul>, every other paragraph a <p>. Text is escaped here, so nothing in the library can
// inject markup. Reference markers for refs go at the end of the last paragraph.
func richHTML(r document.Rich, refs []int, known map[int]bool) template.HTML {
	var b strings.Builder
	inList := false
	if len(r) == 0 && len(refs) > 0 {
		return template.HTML("<p>" + string(refMarkers(refs, known)) + "</p>")
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
			b.WriteString("<p>")
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
		b.WriteString(template.HTMLEscapeString(s.Text))
		for i := len(close) - 1; i >= 0; i-- {
			b.WriteString(close[i])
		}
	}
}

// safeHref returns a normalised http, https or mailto address, or "" for anything else
// (javascript:, data:, relative or unparsable). The document model already drops such
// links; this is the renderer's own line of defence.
func safeHref(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
		if u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u.String()
}

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
