package plaintext

import (
	"fmt"
	"strings"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/output"
)

// DocFile is d as a file in format f, named as its PDF and HTML are: handout-ru.txt.
func DocFile(d *document.Doc, f Format) output.File {
	return output.File{Name: fmt.Sprintf("%s-%s.%s", d.Kind, d.Lang, f), Data: Doc(d, f)}
}

// Doc writes a brief, handout or prep sheet in the same order as its PDF and HTML:
// masthead, embargo, title, introduction, sections, references and contacts.
func Doc(d *document.Doc, f Format) []byte {
	w := New(f)
	if d.Masthead.Org != "" {
		w.Para(w.Escape(d.Masthead.Org))
	}
	if d.Embargo != "" {
		w.Para(w.Strong(d.Embargo))
	}
	w.Heading(1, w.Escape(d.Title))
	if d.DateText != "" {
		w.Para(w.Escape(d.DateText))
	}
	w.rich(d.Intro)
	for si, s := range d.Sections {
		if s.Heading != "" {
			w.Heading(2, w.Escape(s.Heading))
		}
		for _, b := range s.Blocks {
			w.block(d, b, d.IsPanel(si))
		}
	}
	if len(d.References) > 0 {
		w.Heading(2, w.Escape(d.Label("sources")))
		var items []string
		for _, r := range d.References {
			t := r.Short
			if t == "" {
				t = r.Text
			}
			t = fmt.Sprintf("[%d] %s", r.N, t)
			if w.MD {
				t = EscapeMD(t)
				if r.URL != "" {
					t += " <" + r.URL + ">"
				}
			} else if r.URL != "" {
				t += " " + r.URL
			}
			items = append(items, t)
		}
		w.List(items)
	}
	if len(d.Contacts) > 0 {
		w.Heading(2, w.Escape(d.Label("media_contacts")))
		var items []string
		for _, c := range d.Contacts {
			parts := []string{w.Strong(c.Name)}
			for _, p := range []string{c.Role, c.Email, c.Phone} {
				if p != "" {
					parts = append(parts, w.Escape(p))
				}
			}
			items = append(items, strings.Join(parts, " · "))
		}
		w.List(items)
	}
	return w.Bytes()
}

// block writes one library item as its document shows it.
func (w *Writer) block(d *document.Doc, b document.Block, panel bool) {
	refs := ""
	if len(b.Refs) > 0 {
		var ns []string
		for _, n := range b.Refs {
			ns = append(ns, fmt.Sprint(n))
		}
		refs = " [" + strings.Join(ns, ", ") + "]"
		if w.MD {
			refs = " \\[" + strings.Join(ns, ", ") + "\\]"
		}
	}
	switch b.Kind {
	case document.BlockMyth:
		w.Para(w.Strong(d.Label("myth")+":") + " " + w.richLine(b.Head))
		w.Para(w.Strong(d.Label("fact")+":") + " " + w.richLine(b.Body) + refs)
	case document.BlockPoint, document.BlockQuestion:
		if !b.Head.Empty() && !panel {
			w.Heading(3, w.richLine(b.Head))
		}
		w.Para(w.richLine(b.Body) + refs)
		if len(b.Proof) > 0 {
			var items []string
			for _, p := range b.Proof {
				items = append(items, w.richLine(p.Body))
			}
			w.List(items)
		}
		if !b.Bridge.Empty() {
			w.Para(w.Strong(d.Label("bridge")+":") + " " + w.richLine(b.Bridge))
		}
	case document.BlockShift:
		w.Heading(3, w.richLine(b.Head))
		w.List([]string{w.Strong(d.Label("not_this")+":") + " " + w.richLine(b.Leave),
			w.Strong(d.Label("say_this")+":") + " " + w.richLine(b.Use)})
	case document.BlockQuote:
		by := "— " + b.Speaker
		if b.Role != "" {
			by += ", " + b.Role
		}
		if b.Translation {
			by += " (" + d.Label("translation") + ")"
		}
		w.Quote(w.richLine(b.Body)+refs, by)
	case document.BlockTerm:
		items := []string{w.Strong(d.Label("say_this")+":") + " " + w.Escape(strings.Join(b.Say, ", ")),
			w.Strong(d.Label("not_this")+":") + " " + w.Escape(strings.Join(b.Avoid, ", "))}
		if !b.Body.Empty() {
			items = append(items, w.Strong(d.Label("why")+":")+" "+w.richLine(b.Body)+refs)
		}
		w.List(items)
	case document.BlockFact:
		w.Para(w.richLine(b.Body) + refs)
	default:
		w.rich(b.Body)
	}
}

// rich writes paragraphs, a run of bullet paragraphs as one list.
func (w *Writer) rich(r document.Rich) {
	var items []string
	for _, p := range r {
		if p.Bullet {
			items = append(items, w.Spans(spans(p.Spans)))
			continue
		}
		if len(items) > 0 {
			w.List(items)
			items = nil
		}
		w.Para(w.Spans(spans(p.Spans)))
	}
	if len(items) > 0 {
		w.List(items)
	}
}

// richLine writes rich text on one line, paragraphs joined by a space.
func (w *Writer) richLine(r document.Rich) string {
	var parts []string
	for _, p := range r {
		parts = append(parts, w.Spans(spans(p.Spans)))
	}
	return strings.Join(parts, " ")
}

func spans(ss []document.Span) []Span {
	out := make([]Span, len(ss))
	for i, s := range ss {
		out[i] = Span{Text: s.Text, Bold: s.Strong, Italic: s.Em || s.Code, Href: s.Link}
	}
	return out
}
