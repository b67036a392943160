package sheet

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/plaintext"
)

// RenderText writes s as plain text (for an email body) or Markdown.
func RenderText(s *Sheet, f plaintext.Format) []byte {
	w := plaintext.New(f)
	if s.Org != "" {
		w.Para(w.Escape(s.Org))
	}
	for _, b := range s.Blocks {
		switch b.Kind {
		case ReleaseLine:
			w.Para(w.Strong(PlainText(b.Text)))
		case Headline:
			w.Heading(1, w.Spans(b.Text))
		case Subhead:
			w.Para(w.Em(w.Spans(b.Text)))
		case Heading:
			w.Heading(2, w.Spans(b.Text))
		case Para, Small:
			t := w.Spans(b.Text)
			if b.Lead != "" {
				t = w.Strong(b.Lead) + " " + t
			}
			w.Para(t)
		case List:
			var items []string
			for _, it := range b.Items {
				items = append(items, w.Spans(it))
			}
			w.List(items)
		case Quote:
			w.Quote(w.Spans(b.Text), b.Attribution)
		case Person:
			w.Heading(2, w.Escape(b.Name))
			var lines []string
			for i, m := range b.Meta {
				m = w.Escape(m)
				if w.MD && i+1 < len(b.Meta) {
					m += "\\" // a hard line break
				}
				lines = append(lines, m)
			}
			w.Para(strings.Join(lines, "\n"))
			if len(b.Text) > 0 {
				w.Para(w.Spans(b.Text))
			}
		case EndMark:
			w.Para(w.Escape(PlainText(b.Text)))
		}
	}
	return w.Bytes()
}

// Files renders s in each format ("pdf", "html", "txt", "md") as stem-lang.format.
func Files(s *Sheet, stem string, formats []string, created time.Time) ([]output.File, error) {
	s.Created = created
	var out []output.File
	for _, f := range formats {
		var buf bytes.Buffer
		switch f {
		case "pdf":
			if err := RenderPDF(&buf, s); err != nil {
				return nil, err
			}
		case "html":
			if err := RenderHTML(&buf, s); err != nil {
				return nil, err
			}
		case "txt", "md":
			buf.Write(RenderText(s, plaintext.Format(f)))
		default:
			return nil, fmt.Errorf("unknown format %q: use pdf, html, txt or md", f)
		}
		out = append(out, output.File{Name: fmt.Sprintf("%s-%s.%s", stem, s.Lang, f), Data: buf.Bytes()})
	}
	return out, nil
}
