package document

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/presskit/presskit/toolkit/typography"
)

// Span is a run of text with one style. A span with Link set is a hyperlink.
type Span struct {
	Text   string `json:"text"`
	Strong bool   `json:"strong,omitempty"`
	Em     bool   `json:"em,omitempty"`
	Code   bool   `json:"code,omitempty"`
	Link   string `json:"link,omitempty"`
}

// Para is a paragraph of spans; Bullet marks an item of a short list.
type Para struct {
	Spans  []Span `json:"spans"`
	Bullet bool   `json:"bullet,omitempty"`
}

// Rich is inline Markdown parsed once, with the language's typography applied, for both
// renderers.
type Rich []Para

// Plain returns the text without styles, paragraphs joined by a space.
func (r Rich) Plain() string {
	var b strings.Builder
	for i, p := range r {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, s := range p.Spans {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Empty reports whether r has no text.
func (r Rich) Empty() bool { return strings.TrimSpace(r.Plain()) == "" }

// Links returns the addresses of every link in r.
func (r Rich) Links() []string {
	var out []string
	for _, p := range r {
		for _, s := range p.Spans {
			if s.Link != "" {
				out = append(out, s.Link)
			}
		}
	}
	return out
}

var md = goldmark.New() // CommonMark: raw HTML is parsed as such, and then dropped below.

// ParseRich parses inline Markdown (emphasis, strong, links, code, short lists) into
// Rich text and applies typography. Raw HTML is dropped, never passed through; links
// keep only http, https and mailto addresses (others become plain text); soft hyphens go.
func ParseRich(src string, rules typography.Rules) Rich {
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var out Rich
	var walkBlock func(n ast.Node, bullet bool)
	walkBlock = func(n ast.Node, bullet bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
				p := Para{Bullet: bullet}
				inline(c, source, style{}, &p)
				if len(p.Spans) > 0 {
					out = append(out, p)
				}
				bullet = false // a second paragraph in one list item is not a new bullet
			case ast.KindList:
				for li := c.FirstChild(); li != nil; li = li.NextSibling() {
					walkBlock(li, true)
				}
			case ast.KindHTMLBlock, ast.KindThematicBreak:
				// dropped
			case ast.KindFencedCodeBlock, ast.KindCodeBlock:
				p := Para{}
				lines := c.Lines()
				var b strings.Builder
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(source))
				}
				p.Spans = append(p.Spans, Span{Text: strings.TrimSpace(b.String()), Code: true})
				out = append(out, p)
			default:
				walkBlock(c, bullet)
			}
		}
	}
	walkBlock(doc, false)
	for i := range out {
		out[i] = typeset(out[i], rules)
	}
	return out
}

type style struct {
	strong, em bool
	link       string
}

func inline(n ast.Node, source []byte, st style, p *Para) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			s := string(v.Segment.Value(source))
			if v.SoftLineBreak() || v.HardLineBreak() {
				s += " "
			}
			p.add(Span{Text: s, Strong: st.strong, Em: st.em, Link: st.link})
		case *ast.String:
			p.add(Span{Text: string(v.Value), Strong: st.strong, Em: st.em, Link: st.link})
		case *ast.CodeSpan:
			var b strings.Builder
			for cc := v.FirstChild(); cc != nil; cc = cc.NextSibling() {
				if t, ok := cc.(*ast.Text); ok {
					b.Write(t.Segment.Value(source))
				}
			}
			p.add(Span{Text: b.String(), Code: true, Link: st.link})
		case *ast.Emphasis:
			inner := st
			if v.Level >= 2 {
				inner.strong = true
			} else {
				inner.em = true
			}
			inline(v, source, inner, p)
		case *ast.Link:
			inner := st
			inner.link = SafeLink(string(v.Destination))
			inline(v, source, inner, p)
		case *ast.AutoLink:
			u := string(v.URL(source))
			label := string(v.Label(source))
			if v.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(u, "mailto:") {
				u = "mailto:" + u
			}
			p.add(Span{Text: label, Strong: st.strong, Em: st.em, Link: SafeLink(u)})
		case *ast.RawHTML, *ast.Image:
			// Raw HTML is never passed through; images have no place in library text.
		default:
			inline(c, source, st, p)
		}
	}
}

// add appends a span, merging it with the previous one when the style is the same.
func (p *Para) add(s Span) {
	if s.Text == "" {
		return
	}
	if n := len(p.Spans); n > 0 {
		last := &p.Spans[n-1]
		if last.Strong == s.Strong && last.Em == s.Em && last.Code == s.Code && last.Link == s.Link {
			last.Text += s.Text
			return
		}
	}
	p.Spans = append(p.Spans, s)
}

// SafeLink returns a normalised http, https or mailto address, or "" for anything else
// (javascript:, data:, file:, relative or unparsable). Library text goes through it when
// parsed; the HTML renderer asks it again before writing any href.
func SafeLink(dest string) string {
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return ""
	}
	u, err := url.Parse(dest)
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

// typeset applies typography across the spans of one paragraph, code spans untouched.
func typeset(p Para, rules typography.Rules) Para {
	runs := make([]string, len(p.Spans))
	for i, s := range p.Spans {
		if s.Code {
			runs[i] = "`" + s.Text + "`"
		} else {
			runs[i] = s.Text
		}
	}
	runs = typography.ApplyRuns(rules, runs)
	out := Para{Bullet: p.Bullet}
	for i, s := range p.Spans {
		if s.Code {
			s.Text = strings.TrimSuffix(strings.TrimPrefix(runs[i], "`"), "`")
		} else {
			s.Text = runs[i]
		}
		// Collapse white space as HTML would, so both renderers show the same text.
		s.Text = collapseSpaces(s.Text)
		out.Spans = append(out.Spans, s)
	}
	if n := len(out.Spans); n > 0 {
		out.Spans[0].Text = strings.TrimLeft(out.Spans[0].Text, " ")
		out.Spans[n-1].Text = strings.TrimRight(out.Spans[n-1].Text, " ")
	}
	return out
}

func collapseSpaces(s string) string {
	if !strings.ContainsAny(s, "\n\t\r") && !strings.Contains(s, "  ") {
		return s
	}
	s = strings.NewReplacer("\n", " ", "\t", " ", "\r", " ").Replace(s)
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}
