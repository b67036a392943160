// Package release reads a press release written in Markdown with front matter and lays it
// out as news releases are: the release line (for immediate release, or the embargo), the
// headline and subhead, the dateline leading the first paragraph, the body with its
// quotes, the organisation's "About" boilerplate, the media contact and the end mark.
package release

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Release is a parsed release file in one language.
type Release struct {
	File     string
	Lang     string
	Headline string
	Subhead  string
	City     string
	Date     *time.Time
	// Embargo is when the release may be published; nil means "for immediate release".
	Embargo *time.Time
	// Zone is the label printed after the embargo time.
	Zone     string
	Quotes   []QuoteRef
	Contacts []string // people ids
	Body     []Part
	// BodyLine is the file line the body starts on (1-based).
	BodyLine int

	headlineAt, embargoAt, contactsAt pos
}

type pos struct{ line, col int }

// QuoteRef is a quote named in the front matter: a library quote by id, or one written
// in place with its speaker (or a spokesperson's id) and role.
type QuoteRef struct {
	ID              string
	Text            string
	Speaker, Person string
	Role            string
	Line, Col       int
}

// Part is one block of the body.
type Part struct {
	Kind  string // "para", "heading", "list", "quote"
	Text  string
	Items []string
	Quote string // a quote's id for Kind "quote"
	Line  int
}

// Error is a problem in a release file, at a line and column.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Errors is every problem found.
type Errors []*Error

func (es Errors) Error() string {
	var s []string
	for _, e := range es {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

// Parse reads a release file: front matter between --- lines, then the Markdown body.
func Parse(file string, data []byte) (*Release, error) {
	var errs Errors
	at := func(line, col int, format string, args ...any) {
		errs = append(errs, &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return nil, &Error{File: file, Line: 1, Col: 1, Msg: "a release starts with front matter between --- lines (headline:, city:, date:, …); see docs/release-format.md"}
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, &Error{File: file, Line: 1, Col: 1, Msg: "the front matter is not closed: add a line with --- after it"}
	}
	r := &Release{File: file, BodyLine: end + 2}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &root); err != nil {
		return nil, &Error{File: file, Line: 2, Col: 1, Msg: "front matter: " + err.Error()}
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: 2, Col: 1, Msg: "the front matter is empty: give headline:, city:, date: and lang:"}
	}
	m := root.Content[0]
	// Front matter positions are counted from its first line, the line after ---.
	lineOf := func(n *yaml.Node) int { return n.Line + 1 }
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch k.Value {
		case "lang":
			r.Lang = v.Value
		case "headline":
			r.Headline, r.headlineAt = strings.TrimSpace(v.Value), pos{lineOf(v), v.Column}
		case "subhead":
			r.Subhead = strings.TrimSpace(v.Value)
		case "city", "dateline":
			r.City = strings.TrimSpace(v.Value)
		case "date":
			t, err := time.Parse("2006-01-02", v.Value)
			if err != nil {
				at(lineOf(v), v.Column, "date %q: write it as 2026-12-03", v.Value)
				continue
			}
			r.Date = &t
		case "embargo":
			r.embargoAt = pos{lineOf(v), v.Column}
			if s := strings.ToLower(v.Value); s == "" || s == "none" || s == "immediate" || s == "false" {
				continue
			}
			t, err := time.Parse(time.RFC3339, v.Value)
			if err != nil {
				at(lineOf(v), v.Column, "embargo %q is not a date and time: write it as 2026-12-03T09:00:00-05:00, or embargo: immediate", v.Value)
				continue
			}
			r.Embargo = &t
		case "zone":
			r.Zone = v.Value
		case "contacts", "contact":
			r.contactsAt = pos{lineOf(v), v.Column}
			if v.Kind == yaml.SequenceNode {
				for _, c := range v.Content {
					r.Contacts = append(r.Contacts, c.Value)
				}
			} else if v.Value != "" {
				r.Contacts = append(r.Contacts, v.Value)
			}
		case "quotes":
			if v.Kind != yaml.SequenceNode {
				at(lineOf(v), v.Column, "quotes: expected a list (- id: a-library-quote, or - text: … speaker: … role: …)")
				continue
			}
			for _, qn := range v.Content {
				q := QuoteRef{Line: lineOf(qn), Col: qn.Column}
				if qn.Kind == yaml.ScalarNode {
					q.ID = qn.Value
				} else {
					for j := 0; j+1 < len(qn.Content); j += 2 {
						qk, qv := qn.Content[j], qn.Content[j+1]
						switch qk.Value {
						case "id":
							q.ID, q.Line, q.Col = qv.Value, lineOf(qv), qv.Column
						case "text":
							q.Text = strings.TrimSpace(qv.Value)
						case "speaker":
							q.Speaker = strings.TrimSpace(qv.Value)
						case "person":
							q.Person = qv.Value
						case "role":
							q.Role = strings.TrimSpace(qv.Value)
						default:
							at(lineOf(qk), qk.Column, "unknown field %q in a quote; use id, text, speaker, person and role", qk.Value)
						}
					}
				}
				if q.ID == "" {
					at(q.Line, q.Col, "a quote has no id: give id: (a library quote's id, or a name for a quote written here)")
				}
				if q.Text != "" && q.Speaker == "" && q.Person == "" {
					at(q.Line, q.Col, "quote %q is written here but has no speaker: add speaker: and role:, or person: a spokesperson's id", q.ID)
				}
				r.Quotes = append(r.Quotes, q)
			}
		default:
			at(lineOf(k), k.Column, "unknown field %q; a release has lang, headline, subhead, city, date, embargo, zone, quotes and contacts", k.Value)
		}
	}
	if r.Headline == "" {
		l, c := r.headlineAt.line, r.headlineAt.col
		if l == 0 {
			l, c = 1, 1
		}
		at(l, c, "the release has no headline: add headline: to the front matter")
	}
	if r.Lang == "" {
		at(1, 1, "the release does not say its language: add lang: en (or ru) to the front matter")
	}
	r.Body = parseBody(lines[end+1:], end+2)
	if len(r.Body) == 0 {
		at(r.BodyLine, 1, "the release has no body: write the lede and the story after the front matter")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

// parseBody splits the Markdown body into paragraphs, ## headings, - lists and
// {{quote id}} lines.
func parseBody(lines []string, first int) []Part {
	var out []Part
	var cur *Part
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for i, raw := range lines {
		ln := first + i
		s := strings.TrimSpace(raw)
		switch {
		case s == "":
			flush()
		case strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->"):
			// A comment, such as presskit check's <!-- presskit-ignore -->, is not printed.
		case strings.HasPrefix(s, "{{") && strings.HasSuffix(s, "}}"):
			flush()
			f := strings.Fields(strings.Trim(s, "{} "))
			if len(f) == 2 && f[0] == "quote" {
				out = append(out, Part{Kind: "quote", Quote: f[1], Line: ln})
			}
		case strings.HasPrefix(s, "#"):
			flush()
			out = append(out, Part{Kind: "heading", Text: strings.TrimSpace(strings.TrimLeft(s, "#")), Line: ln})
		case strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* "):
			if cur == nil || cur.Kind != "list" {
				flush()
				cur = &Part{Kind: "list", Line: ln}
			}
			cur.Items = append(cur.Items, strings.TrimSpace(s[2:]))
		default:
			if cur != nil && cur.Kind == "list" && len(cur.Items) > 0 && raw != s {
				cur.Items[len(cur.Items)-1] += " " + s // a continuation line of an item
				continue
			}
			if cur == nil || cur.Kind != "para" {
				flush()
				cur = &Part{Kind: "para", Line: ln}
				cur.Text = s
				continue
			}
			cur.Text += " " + s
		}
	}
	flush()
	return out
}
