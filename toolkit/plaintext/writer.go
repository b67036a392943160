// Package plaintext writes presskit's documents as plain text, for the body of an email,
// and as Markdown, for pasting into Google Docs or Word with headings and lists intact.
// Neither is wrapped at a fixed width: mail programs and editors flow paragraphs.
package plaintext

import "strings"

// Span is a run of text with one style.
type Span struct {
	Text         string
	Bold, Italic bool
	Href         string // a link, http(s) or mailto only
}

// Format is "txt" or "md".
type Format string

// The formats.
const (
	Text     Format = "txt"
	Markdown Format = "md"
)

// Writer collects blocks separated by blank lines, as plain text or Markdown.
type Writer struct {
	MD    bool
	parts []string
}

// Bytes is everything written.
func (w *Writer) Bytes() []byte { return []byte(w.String()) }

func (w *Writer) String() string { return strings.Join(w.parts, "\n\n") + "\n" }

func (w *Writer) Para(s string) {
	if s = strings.TrimSpace(s); s != "" {
		w.parts = append(w.parts, s)
	}
}

func (w *Writer) Heading(level int, s string) {
	if w.MD {
		w.Para(strings.Repeat("#", level) + " " + s)
		return
	}
	if level == 1 {
		w.Para(s + "\n" + strings.Repeat("=", min(len([]rune(s)), 72)))
		return
	}
	w.Para(s + "\n" + strings.Repeat("-", min(len([]rune(s)), 72)))
}

func (w *Writer) List(items []string) {
	var lines []string
	for _, it := range items {
		if w.MD {
			lines = append(lines, "- "+it)
		} else {
			lines = append(lines, "• "+it)
		}
	}
	w.Para(strings.Join(lines, "\n"))
}

func (w *Writer) Quote(text, by string) {
	if !w.MD {
		s := text
		if by != "" {
			s += "\n" + by
		}
		w.Para(s)
		return
	}
	s := "> " + text
	if by != "" {
		s += "\n>\n> " + EscapeMD(by)
	}
	w.Para(s)
}

func (w *Writer) Strong(s string) string {
	if w.MD {
		return "**" + EscapeMD(s) + "**"
	}
	return s
}

func (w *Writer) Em(s string) string {
	if w.MD && s != "" {
		return "*" + s + "*"
	}
	return s
}

// spans writes styled runs: Markdown marks and links, or plain text with a link's
// address after it in brackets when it is not the text itself.
func (w *Writer) Spans(ss []Span) string {
	var b strings.Builder
	for _, s := range ss {
		t := s.Text
		if !w.MD {
			b.WriteString(t)
			if s.Href != "" && s.Href != t && strings.TrimPrefix(s.Href, "mailto:") != t {
				b.WriteString(" <" + s.Href + ">")
			}
			continue
		}
		t = EscapeMD(t)
		lead, core, trail := splitSpace(t)
		if core != "" && s.Bold {
			core = "**" + core + "**"
		} else if core != "" && s.Italic {
			core = "*" + core + "*"
		}
		if core != "" && s.Href != "" {
			core = "[" + core + "](" + s.Href + ")"
		}
		b.WriteString(lead + core + trail)
	}
	return b.String()
}

// splitSpace separates leading and trailing spaces, which Markdown emphasis must not hold.
func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	c2 := strings.TrimRight(core, " ")
	return lead, c2, core[len(c2):]
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`)

// EscapeMD escapes s for Markdown, or leaves it in plain text.
func EscapeMD(s string) string {
	s = mdEscaper.Replace(s)
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "+ ") || strings.HasPrefix(s, ">") {
		s = `\` + s
	}
	return s
}

// New returns a writer for f.
func New(f Format) *Writer { return &Writer{MD: f == Markdown} }

// Escape escapes s in Markdown; plain text is left as it is.
func (w *Writer) Escape(s string) string {
	if w.MD {
		return EscapeMD(s)
	}
	return s
}
