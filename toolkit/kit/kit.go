// Package kit reads press-kit files: which documents to make, in which languages and
// formats, from which items, with which titles, and under what embargo.
package kit

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/library"
)

// Kit is a parsed kit file.
type Kit struct {
	File    string
	Title   map[string]string
	Intro   map[string]string
	Langs   []string
	Formats []string
	Paper   string
	Output  string
	// Embargo is the moment the kit may be published; nil when there is none.
	Embargo *time.Time
	// Zone is the label printed after the embargo time ("CET").
	Zone      string
	Zip       bool
	Documents []Doc
	// Date, when set, is the date every document carries instead of the build's.
	Date *time.Time
	// CallToAction replaces the handout's call to action, per language.
	CallToAction map[string]string
}

// Doc is one document of a kit.
type Doc struct {
	Kind  document.Kind
	IDs   []string
	Tags  []string
	Title map[string]string
	Intro map[string]string
	Line  int
	// Files are a release's Markdown files, one per language, relative to the kit file.
	Files []string
	// Strict makes a card that is too long an error instead of a warning.
	Strict bool
	// Bilingual adds, to a handout, the two-sided handout of the kit's first two
	// languages (handout-en-ru: the first on the front, the second on the back).
	Bilingual bool
}

// Error is a problem in a kit file, at a line and column.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Errors is every problem found in a kit.
type Errors []*Error

func (es Errors) Error() string {
	var lines []string
	for _, e := range es {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// Env is what a kit is checked against.
type Env struct {
	Lib *library.Library
	// Langs are the languages the library has interface strings for.
	Langs []string
	// LoadLocation resolves a time zone name (time.LoadLocation).
	LoadLocation func(string) (*time.Location, error)
	// Covered reports whether the fonts can draw a character; nil skips the check.
	Covered func(rune) bool
}

type parser struct {
	file    string
	errs    Errors
	covered func(rune) bool
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// Parse reads a kit file and checks it against the library. All problems are returned.
func Parse(file string, data []byte, env Env) (*Kit, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, library.YAMLError(file, data, err)
	}
	library.ExpandAliases(&root)
	p := &parser{file: file, covered: env.Covered}
	k := &Kit{File: file, Title: map[string]string{}, Intro: map[string]string{}}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: 1, Col: 1, Msg: "a kit file is a mapping with title:, documents: and other settings; see presskit help kit"}
	}
	var embargoNode, zoneNode *yaml.Node
	var embargoText, zoneName string
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, v := m.Content[i], m.Content[i+1]
		switch key.Value {
		case "title":
			k.Title = p.perLang(v, "title", env.Langs)
		case "intro":
			k.Intro = p.perLang(v, "intro", env.Langs)
		case "lang", "langs", "languages":
			k.Langs = p.list(v, key.Value)
			for j, l := range k.Langs {
				l = strings.ToLower(l)
				k.Langs[j] = l
				if strings.Contains(l, "+") {
					p.errorf(nodeAt(v, j), "language %q: a kit lists each language once; for a two-sided handout, add bilingual: true to the handout", l)
				} else if !contains(env.Langs, l) {
					p.errorf(nodeAt(v, j), "language %q: the library has no interface strings for it (languages: %s)", l, strings.Join(env.Langs, ", "))
				}
			}
		case "formats", "format":
			k.Formats = p.list(v, key.Value)
			for j, f := range k.Formats {
				f = strings.ToLower(f)
				k.Formats[j] = f
				if !contains(Formats, f) {
					p.errorf(nodeAt(v, j), "format %q: use pdf, html, txt or md", f)
				}
			}
		case "paper":
			k.Paper = strings.ToLower(p.scalar(v, "paper"))
			if k.Paper != "a4" && k.Paper != "letter" {
				p.errorf(v, "paper %q: use a4 or letter", k.Paper)
			}
		case "output":
			k.Output = p.scalar(v, "output")
		case "zip":
			k.Zip = p.scalar(v, "zip") == "true"
		case "embargo":
			embargoNode, embargoText = v, p.scalar(v, "embargo")
		case "timezone":
			zoneNode, zoneName = v, p.scalar(v, "timezone")
		case "date":
			text := p.scalar(v, "date")
			if t, err := time.Parse("2006-01-02", text); err == nil {
				k.Date = &t
			} else {
				p.errorf(v, "date %q: write the documents' date as 2026-12-03 (year, month, day)", text)
			}
		case "call_to_action":
			k.CallToAction = p.perLang(v, "call_to_action", env.Langs)
		case "documents":
			if v.Kind != yaml.SequenceNode {
				p.errorf(v, "documents: expected a list of documents (- type: brief …)")
				continue
			}
			for _, dn := range v.Content {
				if d, ok := p.doc(dn, env); ok {
					k.Documents = append(k.Documents, d)
				}
			}
		default:
			p.errorf(key, "unknown setting %q; a kit has title, intro, lang, formats, paper, output, zip, date, embargo, timezone, call_to_action and documents", key.Value)
		}
	}
	seenKind := map[document.Kind]int{}
	for _, d := range k.Documents {
		if line, dup := seenKind[d.Kind]; dup {
			p.errs = append(p.errs, &Error{File: file, Line: d.Line, Col: 1,
				Msg: fmt.Sprintf("document %s appears twice (first at line %d); a kit has one of each", d.Kind, line)})
		}
		seenKind[d.Kind] = d.Line
	}
	if len(k.Documents) == 0 && len(p.errs) == 0 {
		p.errorf(m, "the kit names no documents: add documents: with - type: brief, handout or prep")
	}
	if embargoNode != nil {
		p.embargo(k, embargoNode, embargoText, zoneNode, zoneName, env)
	} else if zoneNode != nil {
		p.errorf(zoneNode, "timezone is only used with embargo:")
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return k, nil
}

func (p *parser) embargo(k *Kit, n *yaml.Node, text string, zn *yaml.Node, zone string, env Env) {
	t, err := time.Parse(time.RFC3339, text)
	if err != nil {
		p.errorf(n, "embargo %q is not a date and time: write it as 2026-12-03T09:00:00+01:00 (date, T, time, offset from UTC)", text)
		return
	}
	k.Zone = "UTC" + t.Format("-07:00")
	if t.Format("-07:00") == "+00:00" {
		k.Zone = "UTC"
	}
	if zone != "" {
		load := env.LoadLocation
		if load == nil {
			load = time.LoadLocation
		}
		loc, err := load(zone)
		if err != nil {
			p.errorf(zn, "timezone %q is not a time zone name such as Europe/Budapest or America/Toronto", zone)
			return
		}
		t = t.In(loc)
		k.Zone = t.Format("MST")
		if _, off := t.Zone(); off != offsetOf(text, t) {
			p.errorf(n, "embargo %q has another offset than %s has on that day (%s); fix the offset or the timezone", text, zone, t.Format("-07:00"))
			return
		}
	}
	k.Embargo = &t
}

func offsetOf(text string, in time.Time) int {
	t, _ := time.Parse(time.RFC3339, text)
	_, off := t.Zone()
	return off
}

func (p *parser) doc(n *yaml.Node, env Env) (Doc, bool) {
	d := Doc{Line: n.Line, Title: map[string]string{}, Intro: map[string]string{}}
	if n.Kind == yaml.ScalarNode {
		n = &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Value: "type", Line: n.Line, Column: n.Column}, n}}
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "a document is a mapping such as {type: handout, tags: [policing]}")
		return d, false
	}
	var idsNode *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i], n.Content[i+1]
		switch key.Value {
		case "type", "kind":
			d.Kind = document.Kind(p.scalar(v, "type"))
			ok := false
			for _, k := range append(document.Kinds, ExtraKinds...) {
				ok = ok || k == d.Kind
			}
			if !ok {
				p.errorf(v, "unknown document %q: use brief, handout or prep; or release, people or cards", d.Kind)
				return d, false
			}
		case "ids", "items":
			idsNode = v
			d.IDs = p.list(v, key.Value)
		case "tags", "tag":
			d.Tags = p.list(v, key.Value)
		case "title":
			d.Title = p.perLang(v, "title", env.Langs)
		case "intro":
			d.Intro = p.perLang(v, "intro", env.Langs)
		case "files", "file":
			d.Files = p.list(v, key.Value)
		case "strict":
			d.Strict = p.scalar(v, "strict") == "true"
		case "bilingual":
			switch b := p.scalar(v, "bilingual"); b {
			case "true", "false":
				d.Bilingual = b == "true"
			default:
				p.errorf(v, "bilingual %q: write true or false", b)
			}
		default:
			p.errorf(key, "unknown field %q in a document; use type, ids, tags, title, intro (bilingual for a handout, files for a release)", key.Value)
		}
	}
	if d.Kind == "" {
		p.errorf(n, "the document has no type: add type: brief, handout or prep")
		return d, false
	}
	if d.Bilingual && d.Kind != document.Handout {
		p.errorf(n, "bilingual: only a handout is made two-sided; remove bilingual: from the %s", d.Kind)
	}
	if d.Kind == Release && len(d.Files) == 0 {
		p.errorf(n, "a release names its Markdown files: add files: [releases/launch.en.md, releases/launch.ru.md]")
	}
	if env.Lib != nil && idsNode != nil {
		for j, id := range d.IDs {
			if env.Lib.Get(id) == nil {
				msg := fmt.Sprintf("unknown item id %q", id)
				if sug := env.Lib.Closest(id, 3); len(sug) > 0 {
					msg += " (did you mean " + strings.Join(quoted(sug), " or ") + "?)"
				}
				p.errorf(nodeAt(idsNode, j), "%s", msg)
			}
		}
	}
	if env.Lib != nil && len(d.Tags) > 0 {
		tags := env.Lib.Tags()
		for _, t := range d.Tags {
			if !contains(tags, t) {
				p.errorf(n, "no item has tag %q (tags: %s)", t, strings.Join(tags, ", "))
			}
		}
	}
	return d, true
}

// perLang reads either one string for every language or a mapping of language to string.
func (p *parser) perLang(n *yaml.Node, what string, langs []string) map[string]string {
	out := map[string]string{}
	switch n.Kind {
	case yaml.ScalarNode:
		for _, l := range langs {
			out[l] = n.Value
		}
		p.glyphs(n, what, "")
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			l := n.Content[i].Value
			if !contains(langs, l) {
				p.errorf(n.Content[i], "%s: language %q has no interface strings (languages: %s)", what, l, strings.Join(langs, ", "))
				continue
			}
			out[l] = p.scalar(n.Content[i+1], what)
			p.glyphs(n.Content[i+1], what, l)
		}
	default:
		p.errorf(n, "%s: give a text, or one per language ({en: …, ru: …})", what)
	}
	return out
}

// glyphs reports a character of a text that the fonts cannot draw, at the text's position.
func (p *parser) glyphs(n *yaml.Node, what, lang string) {
	if p.covered == nil {
		return
	}
	for _, r := range n.Value {
		if r < 0x20 || r == '\u00a0' || r == '\u00ad' || p.covered(r) {
			continue
		}
		where := what
		if lang != "" {
			where += " [" + lang + "]"
		}
		p.errorf(n, "%s: character U+%04X (%c) cannot be drawn by the PDF fonts; remove or replace it", where, r, r)
		return
	}
}

func (p *parser) scalar(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s: expected a value", what)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *parser) list(n *yaml.Node, what string) []string {
	if n.Kind == yaml.ScalarNode {
		var out []string
		for _, s := range strings.Split(n.Value, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: expected a list", what)
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, p.scalar(c, what))
	}
	return out
}

func nodeAt(n *yaml.Node, i int) *yaml.Node {
	if n.Kind == yaml.SequenceNode && i < len(n.Content) {
		return n.Content[i]
	}
	return n
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func quoted(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// Kinds returns the kit's document kinds in order, each once.
func (k *Kit) Kinds() []document.Kind {
	seen := map[document.Kind]bool{}
	var out []document.Kind
	for _, d := range k.Documents {
		if !seen[d.Kind] {
			seen[d.Kind] = true
			out = append(out, d.Kind)
		}
	}
	return out
}

// Doc returns the kit's entry for kind.
func (k *Kit) Doc(kind document.Kind) *Doc {
	for i := range k.Documents {
		if k.Documents[i].Kind == kind {
			return &k.Documents[i]
		}
	}
	return nil
}

// SortedLangs returns the kit's languages, or all languages when it names none.
func (k *Kit) SortedLangs(all []string) []string {
	if len(k.Langs) > 0 {
		return k.Langs
	}
	out := append([]string(nil), all...)
	sort.Strings(out)
	return out
}
