package library

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"
	"go.yaml.in/yaml/v3"
)

// Source is one library to load: a file system and the name used in messages.
type Source struct {
	FS fs.FS
	// Name prefixes file paths in messages ("content", "./my-library").
	Name string
	// Origin is recorded on each item ("embedded" or the folder).
	Origin string
	// Snapshot, when set, is a snapshot of this library's files (MakeSnapshot): its items
	// are used instead of parsing the files, as long as the files are the ones it was made
	// from; otherwise the files are parsed as without it.
	Snapshot string
}

// Options control loading.
type Options struct {
	// Languages every item must have. Language blocks of other known languages are
	// accepted; keys that are not a known language are unknown fields.
	Languages []string
	// Known lists every language that may appear as a block (those with interface strings).
	Known []string
}

// Load reads every library in order, later ones overlaying earlier ones, and returns the
// library with every problem found while reading (syntax, unknown fields, duplicate ids).
// Cross-item checks are Validate's.
func Load(srcs []Source, opt Options) (*Library, Problems) {
	lib := New(opt.Languages)
	known := map[string]bool{}
	for _, l := range opt.Known {
		known[l] = true
	}
	for _, l := range opt.Languages {
		known[l] = true
	}
	var all Problems
	// The library is known valid when its items all come from one snapshot validated for
	// the languages asked for: then Validate has nothing to find.
	withItems, validated := 0, 0
	for _, src := range srcs {
		items, probs, fromSnap := loadSource(src, known, opt.Languages)
		all = append(all, probs...)
		if len(items) > 0 || len(probs) > 0 {
			withItems++
			if fromSnap {
				validated++
			}
		}
		seen := map[string]Pos{}
		for _, it := range items {
			if prev, ok := seen[it.ID]; ok {
				all = append(all, Problem{Pos: it.Pos, ID: it.ID,
					Msg: fmt.Sprintf("duplicate id: already defined at %s; give one of them another id", prev)})
				continue
			}
			seen[it.ID] = it.Pos
			it.Origin = src.Origin
			lib.put(it)
		}
	}
	lib.validated = withItems == 1 && validated == 1
	lib.ruleSrcs = srcs
	if !lib.validated {
		lib.readRules() // a snapshot's library reads them only if Validate is called
	}
	return lib, all
}

// readRules reads each language's rules from the libraries' i18n strings, once.
func (l *Library) readRules() {
	for _, lang := range l.Languages {
		r := &Rules{}
		for _, src := range l.ruleSrcs {
			readRules(src.FS, lang, r)
		}
		l.Rules[lang] = r
	}
	l.ruleSrcs = nil
}

// loadSource reads one library: from its snapshot when it has one made from its files and
// validated for langs (fromSnap), else from its files.
func loadSource(src Source, known map[string]bool, langs []string) (items []*Item, probs Problems, fromSnap bool) {
	if src.Snapshot != "" {
		items, snapLangs, err := snapshotItems(src)
		if err == nil && subset(langs, snapLangs) && subset(sortedKeys(known), snapLangs) {
			return items, nil, true
		}
	}
	items, probs = loadOne(src, known)
	return items, probs, false
}

// subset reports whether every one of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// libraryFiles lists the YAML files of a library, sorted, skipping i18n/ and hidden folders.
func libraryFiles(fsys fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && skippedDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if isYAML(p) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// skippedDir reports whether a library's folder of this name holds no items: i18n/ (the
// interface strings) and hidden folders (.git).
func skippedDir(name string) bool { return name == "i18n" || strings.HasPrefix(name, ".") }

func isYAML(p string) bool {
	ext := path.Ext(p)
	return ext == ".yaml" || ext == ".yml"
}

// loadOne reads one library's files, in parallel, and returns items in file order.
func loadOne(src Source, known map[string]bool) ([]*Item, Problems) {
	files, err := libraryFiles(src.FS)
	if err != nil {
		return nil, Problems{{Pos: Pos{File: src.Name}, Msg: "cannot read library: " + plainFSError(err)}}
	}
	type result struct {
		items []*Item
		probs Problems
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			name := path.Join(src.Name, f)
			data, err := fs.ReadFile(src.FS, f)
			if err != nil {
				results[i].probs = Problems{{Pos: Pos{File: name}, Msg: "cannot read file: " + plainFSError(err)}}
				return
			}
			results[i].items, results[i].probs = parseFile(name, data, known)
		}()
	}
	wg.Wait()
	var items []*Item
	var probs Problems
	for _, r := range results {
		items = append(items, r.items...)
		probs = append(probs, r.probs...)
	}
	return items, probs
}

func plainFSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ParseFile parses one library file. It is exported for fuzzing and for tools.
func ParseFile(name string, data []byte, languages []string) ([]*Item, Problems) {
	known := map[string]bool{}
	for _, l := range languages {
		known[l] = true
	}
	return parseFile(name, data, known)
}

func parseFile(name string, data []byte, known map[string]bool) ([]*Item, Problems) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Problems{syntaxProblem(name, data, err)}
	}
	ExpandAliases(&doc)
	p := &parser{file: name, known: known}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file is an empty library
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil // a document with nothing in it ("---" alone) is an empty library
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "", "", "a library file is a mapping of kinds (points:, myths:, …) to lists of items; found %s", describe(root))
		return nil, p.probs
	}
	var items []*Item
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		kind, ok := ParseKind(k.Value)
		if !ok || kindSchemas[kind].plural != k.Value {
			p.errorf(k, "", "", "unknown field %q: a library file holds %s", k.Value, pluralList())
			continue
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			p.errorf(v, "", "", "%s: expected a list of items, found %s", k.Value, describe(v))
			continue
		}
		for _, n := range v.Content {
			if it := p.item(kind, n); it != nil {
				items = append(items, it)
			}
		}
	}
	return items, p.probs
}

func pluralList() string {
	var ps []string
	for _, k := range AllKinds {
		ps = append(ps, kindSchemas[k].plural)
	}
	return strings.Join(ps, ", ")
}

// syntaxProblem turns a YAML syntax error into a positioned problem. go.yaml.in/yaml/v3 is
// the fast parser but names only the line; goccy/go-yaml is asked again, on failure only,
// for the column.
func syntaxProblem(name string, data []byte, err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	pos := Pos{File: name, Line: 1, Col: 1}
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &pos.Line)
		msg = strings.TrimPrefix(msg, m[0])
	}
	lines := strings.Split(string(data), "\n")
	within := func(line, col int) bool {
		return line >= 1 && line <= len(lines) && col >= 1 && col <= len([]rune(lines[line-1]))+1
	}
	if _, gerr := goccyparser.ParseBytes(data, 0); gerr != nil {
		var se *goccy.SyntaxError
		// goccy gives the column, and its line is usually the better one (yaml.v3 counts
		// some lines from 0); but after a tab inside a quoted string it miscounts, which
		// shows as a column past the end of its line: then yaml.v3's line stands.
		if errors.As(gerr, &se) && se.Token != nil && se.Token.Position != nil {
			gl, gc := se.Token.Position.Line, se.Token.Position.Column
			if within(gl, gc) {
				pos.Line, pos.Col = gl, gc
				msg = se.Message
			}
		}
	}
	if !within(pos.Line, pos.Col) {
		pos.Line, pos.Col = max(1, min(pos.Line, len(lines))), 1
	}
	if strings.Contains(msg, "'\t'") || strings.Contains(msg, "\t") {
		return Problem{Pos: pos, Msg: "broken YAML: a tab here; YAML indents with spaces, never tabs: replace the tab with spaces"}
	}
	return Problem{Pos: pos, Msg: "broken YAML: " + msg + " (check indentation, colons and quotes on this line)"}
}

// YAMLError turns a YAML parse error of the file name into a message with the line and
// column ("presskit.yaml:2:9: broken YAML: …"), for any YAML file presskit reads.
func YAMLError(name string, data []byte, err error) error {
	return fmt.Errorf("%s", syntaxProblem(name, data, err).String())
}

var lineRe = regexp.MustCompile(`^line (\d+): `)

var idRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

type parser struct {
	file  string
	known map[string]bool
	probs Problems
}

func (p *parser) pos(n *yaml.Node) Pos { return Pos{File: p.file, Line: n.Line, Col: n.Column} }

func (p *parser) errorf(n *yaml.Node, id, lang, format string, args ...any) {
	p.probs = append(p.probs, Problem{Pos: p.pos(n), ID: id, Lang: lang, Msg: fmt.Sprintf(format, args...)})
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func (p *parser) item(kind Kind, n *yaml.Node) *Item {
	s := kindSchemas[kind]
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "", "", "a %s must be a mapping with id: and its fields, found %s", kind, describe(n))
		return nil
	}
	it := &Item{Kind: kind, Pos: p.pos(n), Text: map[string]*Text{}}
	// The id first, so that every later message can name the item.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" {
			v := n.Content[i+1]
			it.ID = p.scalar(v, "", "", "id")
			if it.ID != "" && !idRe.MatchString(it.ID) {
				p.errorf(v, it.ID, "", "id %q: use lower-case letters, digits and single hyphens (for example %q)", it.ID, suggestID(it.ID))
			}
		}
	}
	if it.ID == "" {
		p.errorf(n, "", "", "%s has no id: add `id: some-stable-name`", kind)
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !p.known[k.Value] {
			it.TopPos = append(it.TopPos, NamedPos{k.Value, p.pos(v)})
		}
		before := len(p.probs)
		switch key := k.Value; {
		case key == "id":
		case key == "tags":
			it.Tags = p.list(v, it.ID, "", key)
		case key == "sources":
			it.Sources = p.list(v, it.ID, "", key)
		case key == "related":
			it.Related = p.list(v, it.ID, "", key)
		case key == "passages" && s.passages:
			it.Passages = p.passages(v, it.ID)
		case key == "evidence" && s.claims:
			it.Evidence = p.evidence(v, it.ID)
		case s.hasClaim(key):
			val := p.scalar(v, it.ID, "", key)
			switch key {
			case "claim":
				it.Claim = val
			case "as_of":
				it.AsOf = val
			}
		case s.hasTop(key):
			val := p.scalar(v, it.ID, "", key)
			switch key {
			case "type":
				it.Type = val
			case "original":
				it.Original = val
			case "author":
				it.Author = val
			case "publisher":
				it.Publisher = val
			case "year":
				it.Year = val
			case "date":
				it.Date = val
			case "url":
				it.URL = val
			case "accessed":
				it.Accessed = val
			case "severity":
				it.Severity = val
			}
		case p.known[key]:
			if _, dup := it.Text[key]; dup {
				p.errorf(k, it.ID, key, "language %q given twice", key)
				continue
			}
			it.Text[key] = p.text(s, it.ID, key, v)
		default:
			p.errorf(k, it.ID, "", "unknown field %q for a %s%s", key, kind, hint(s, key, p.known))
		}
		if len(p.probs) > before && !p.known[k.Value] {
			if it.malformed == nil {
				it.malformed = map[string]bool{}
			}
			it.malformed[k.Value] = true // reported here; validation does not repeat it
		}
	}
	return it
}

func hint(s *schema, key string, known map[string]bool) string {
	if len(key) == 2 && strings.ToLower(key) == key {
		return fmt.Sprintf(" (no interface strings for language %q: add i18n/%s.yaml to the library)", key, key)
	}
	if s.hasField(key) || s.hasList(key) {
		return fmt.Sprintf(" (%q goes inside a language block such as en:)", key)
	}
	fields := []string{"id", "tags", "sources", "related"}
	fields = append(fields, s.topFields()...)
	var langs []string
	for l := range known {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	fields = append(fields, langs...)
	if best := closest(key, fields); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; fields are " + strings.Join(fields, ", ")
}

func (p *parser) text(s *schema, id, lang string, n *yaml.Node) *Text {
	t := &Text{Lang: lang, Pos: p.pos(n), Fields: map[string]string{}, Lists: map[string][]string{}}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, id, lang, "the %s text must be a mapping of fields (%s), found %s", lang, strings.Join(s.allLangFields(), ", "), describe(n))
		return t
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		switch {
		case s.hasField(key):
			t.Fields[key] = p.scalar(v, id, lang, key)
		case s.hasList(key):
			t.Lists[key] = p.list(v, id, lang, key)
		default:
			msg := fmt.Sprintf("unknown field %q", key)
			if best := closest(key, s.allLangFields()); best != "" {
				msg += fmt.Sprintf("; did you mean %q?", best)
			} else {
				msg += "; fields are " + strings.Join(s.allLangFields(), ", ")
				if other := kindWithField(key); other != "" {
					msg += fmt.Sprintf(" (%q belongs to a %s: is this item under %s: by mistake? %s go under %s:)",
						key, other, s.plural, kindSchemas[other].plural, kindSchemas[other].plural)
				}
			}
			p.errorf(k, id, lang, "%s", msg)
			t.misspelt = true
			continue
		}
		t.FieldPos = append(t.FieldPos, NamedPos{key, p.pos(v)})
	}
	return t
}

func (p *parser) scalar(n *yaml.Node, id, lang, key string) string {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, id, lang, "%s: expected text, found %s", key, describe(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *parser) list(n *yaml.Node, id, lang, key string) []string {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			return nil
		}
		// A single value where a list is expected is forgiven: `tags: trafficking`.
		return []string{strings.TrimSpace(n.Value)}
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, id, lang, "%s: expected a list, found %s", key, describe(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if v := p.scalar(c, id, lang, key); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// passages reads a source's list of stored passages.
func (p *parser) passages(n *yaml.Node, id string) []Passage {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, id, "", "passages: expected a list of passages, each the source's exact words, found %s", describe(n))
		return nil
	}
	out := make([]Passage, 0, len(n.Content))
	for _, c := range n.Content {
		if v := p.scalar(c, id, "", "passages"); v != "" {
			out = append(out, Passage{Text: v, Pos: p.pos(c)})
		}
	}
	return out
}

// evidence reads a claim's list of {source, passage} entries.
func (p *parser) evidence(n *yaml.Node, id string) []Evidence {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, id, "", "evidence: expected a list of entries such as `- {source: platt-2018, passage: \"…\"}`, found %s", describe(n))
		return nil
	}
	out := make([]Evidence, 0, len(n.Content))
	for _, c := range n.Content {
		if c.Kind != yaml.MappingNode {
			p.errorf(c, id, "", "evidence: each entry is a mapping with source: and passage:, found %s", describe(c))
			continue
		}
		e := Evidence{Pos: p.pos(c), SourcePos: p.pos(c), PassagePos: p.pos(c)}
		before := len(p.probs)
		for i := 0; i+1 < len(c.Content); i += 2 {
			k, v := c.Content[i], c.Content[i+1]
			switch k.Value {
			case "source":
				e.Source, e.SourcePos = p.scalar(v, id, "", "evidence source"), p.pos(v)
			case "passage":
				e.Passage, e.PassagePos = p.scalar(v, id, "", "evidence passage"), p.pos(v)
			default:
				msg := fmt.Sprintf("evidence: unknown field %q", k.Value)
				if best := closest(k.Value, []string{"source", "passage"}); best != "" {
					msg += fmt.Sprintf("; did you mean %q?", best)
				} else {
					msg += "; an entry has source: and passage:"
				}
				p.errorf(k, id, "", "%s", msg)
			}
		}
		e.malformed = len(p.probs) > before
		out = append(out, e)
	}
	return out
}

// kindWithField names a kind whose language blocks have the field, or "".
func kindWithField(name string) Kind {
	for _, k := range AllKinds {
		if kindSchemas[k].hasField(name) || kindSchemas[k].hasList(name) {
			return k
		}
	}
	return ""
}

func suggestID(s string) string {
	s = strings.ToLower(s)
	s = regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(s, "-")
	return strings.Trim(s, "-")
}
