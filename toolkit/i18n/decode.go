package i18n

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/presskit/presskit/toolkit/typography"
)

// decoder turns the YAML of one locale file into a Locale, collecting every problem
// with its line and column rather than stopping at the first.
type decoder struct {
	file string
	errs []error
}

// decode reads one locale file. It returns the locale and the language named by its
// fallback key, if any.
func decode(file string, data []byte) (*Locale, string, error) {
	l, fallback, _, err := decodeFile(file, data, false)
	return l, fallback, err
}

// decodeFile reads one locale file. A partial file, laid over a locale already loaded,
// needs none of the keys a whole locale must have; seen says which keys it gave.
func decodeFile(file string, data []byte, partial bool) (*Locale, string, map[string]bool, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, "", nil, syntaxError(file, err)
	}
	if len(doc.Content) == 0 {
		return nil, "", nil, &Error{File: file, Msg: "empty locale file"}
	}
	d := &decoder{file: file}
	l := &Locale{messages: map[string]message{}}
	var fallback string
	var langNode *yaml.Node
	seen := map[string]bool{}
	mark := func(key string, f func(*yaml.Node)) func(*yaml.Node) {
		return func(n *yaml.Node) { seen[key] = true; f(n) }
	}
	required := []string{"lang", "name", "dates", "strings"}
	if partial {
		required = nil
	}
	d.mapping(doc.Content[0], "the locale", map[string]func(*yaml.Node){
		"lang":       mark("lang", func(n *yaml.Node) { langNode, l.Lang = n, d.str(n) }),
		"name":       mark("name", func(n *yaml.Node) { l.Name = d.str(n) }),
		"fallback":   mark("fallback", func(n *yaml.Node) { fallback = d.str(n) }),
		"plural":     mark("plural", func(n *yaml.Node) { l.plural = d.plural(n) }),
		"dates":      mark("dates", func(n *yaml.Node) { l.dates = d.dates(n) }),
		"typography": mark("typography", func(n *yaml.Node) { l.Typography = d.typography(n) }),
		"strings":    mark("strings", func(n *yaml.Node) { l.messages = d.messages(n) }),
	}, required...)
	stem := strings.TrimSuffix(path.Base(file), ".yaml")
	if langNode != nil && l.Lang != stem {
		d.errf(langNode, "lang %q does not match the file name %s", l.Lang, path.Base(file))
	}
	if l.Lang == "" {
		l.Lang = stem
	}
	if len(d.errs) > 0 {
		return nil, "", nil, errors.Join(d.errs...)
	}
	return l, fallback, seen, nil
}

// syntaxError places a YAML error ("yaml: line 3: …") in the file. The YAML
// library counts lines from 0 in parser errors and from 1 in scanner errors, and
// omits a line 0; parser errors are recognised by their fixed messages.
func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				line, msg = n, text
			}
		}
	}
	switch msg {
	case "did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected '-' indicator", "did not find expected <document start>",
		"did not find expected key", "did not find expected node content",
		"found duplicate %TAG directive", "found duplicate %YAML directive",
		"found incompatible YAML document", "found undefined tag handle":
		line++
	}
	return &Error{File: file, Line: line, Msg: msg}
}

func (d *decoder) errf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)})
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// mapping walks a YAML mapping, calling the field function of each key and reporting
// unknown, repeated and missing keys.
func (d *decoder) mapping(n *yaml.Node, what string, fields map[string]func(*yaml.Node), required ...string) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.errf(n, "%s: want a mapping", what)
		return
	}
	seen := map[string]bool{}
	d.pairs(n, what, func(k, v *yaml.Node) {
		f, ok := fields[k.Value]
		if !ok {
			known := make([]string, 0, len(fields))
			for key := range fields {
				known = append(known, key)
			}
			slices.Sort(known)
			d.errf(k, "unknown key %q in %s (known: %s)", k.Value, what, strings.Join(known, ", "))
			return
		}
		seen[k.Value] = true
		f(v)
	})
	for _, key := range required {
		if !seen[key] {
			d.errf(n, "%s: missing key %q", what, key)
		}
	}
}

// pairs calls f for each key and value of mapping n, reporting repeated keys.
func (d *decoder) pairs(n *yaml.Node, what string, f func(k, v *yaml.Node)) {
	first := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if prev, ok := first[k.Value]; ok {
			d.errf(k, "key %q repeated in %s (first at line %d)", k.Value, what, prev.Line)
			continue
		}
		first[k.Value] = k
		f(k, v)
	}
}

func (d *decoder) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errf(n, "want a string")
		return ""
	}
	return n.Value
}

func (d *decoder) strs(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		d.errf(n, "want a list")
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, d.str(resolve(c)))
	}
	return out
}

// words reads a list of single words, such as the short words that typography binds.
func (d *decoder) words(n *yaml.Node) []string {
	ws := d.strs(n)
	for i, w := range ws {
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			d.errf(resolve(n.Content[i]), "want a single word, got %q", w)
		}
	}
	return ws
}

func (d *decoder) rune1(n *yaml.Node) rune {
	s := d.str(n)
	if utf8.RuneCountInString(s) != 1 {
		d.errf(n, "want exactly one character, got %q", s)
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// plural reads the CLDR plural rules, "category: condition @integer samples", and
// checks the rules against their own integer samples.
func (d *decoder) plural(n *yaml.Node) []pluralRule {
	if n.Kind != yaml.MappingNode {
		d.errf(n, "plural: want a mapping of category to CLDR rule")
		return nil
	}
	var rules []pluralRule
	before := len(d.errs)
	d.pairs(n, "plural", func(k, v *yaml.Node) {
		if categoryRank(k.Value) < 0 {
			d.errf(k, "%q is not a plural category (zero, one, two, few, many, other)", k.Value)
			return
		}
		r, err := compileRule(k.Value, d.str(v))
		if err != nil {
			// Point at the offending character when the rule is on one line.
			col := v.Column
			var re *ruleError
			if errors.As(err, &re) {
				col += re.at
				if v.Style == yaml.DoubleQuotedStyle || v.Style == yaml.SingleQuotedStyle {
					col++
				}
			}
			d.errs = append(d.errs, &Error{File: d.file, Line: v.Line, Column: col, Msg: fmt.Sprintf("plural %s: %v", k.Value, err)})
			return
		}
		rules = append(rules, r)
	})
	slices.SortFunc(rules, func(a, b pluralRule) int { return categoryRank(a.category) - categoryRank(b.category) })
	if len(d.errs) == before {
		if err := checkSamples(rules); err != nil {
			d.errf(n, "plural: %v", err)
		}
	}
	return rules
}

// dateFormats are a language's date patterns and month and weekday names.
type dateFormats struct {
	date, time, datetime string
	months               []string // in the form used in dates (Russian genitive)
	monthsNominative     []string // in the form used alone, as in headings
	weekdays             []string // from Sunday, as time.Weekday
}

func (d *decoder) dates(n *yaml.Node) dateFormats {
	var f dateFormats
	format := func(dst *string, known ...string) func(*yaml.Node) {
		return func(v *yaml.Node) {
			*dst = d.str(v)
			for _, p := range placeholders(*dst) {
				if !slices.Contains(known, p) {
					d.errf(v, "unknown placeholder {%s} (known: {%s})", p, strings.Join(known, "}, {"))
				}
			}
		}
	}
	names := func(dst *[]string, count int) func(*yaml.Node) {
		return func(v *yaml.Node) {
			*dst = d.strs(v)
			if *dst != nil && len(*dst) != count {
				d.errf(v, "want %d names, got %d", count, len(*dst))
			}
		}
	}
	var weekdayNode *yaml.Node
	d.mapping(n, "dates", map[string]func(*yaml.Node){
		"date_format":       format(&f.date, "day", "day2", "month", "month_nominative", "month_number", "year", "weekday"),
		"time_format":       format(&f.time, "hour", "minute"),
		"datetime_format":   format(&f.datetime, "date", "time", "zone"),
		"months":            names(&f.months, 12),
		"months_nominative": names(&f.monthsNominative, 12),
		"weekdays": func(v *yaml.Node) {
			weekdayNode = v
			names(&f.weekdays, 7)(v)
		},
	}, "date_format", "time_format", "datetime_format", "months")
	if weekdayNode == nil && slices.Contains(placeholders(f.date), "weekday") {
		d.errf(n, "date_format uses {weekday} but there are no weekdays")
	}
	return f
}

func (d *decoder) typography(n *yaml.Node) typography.Rules {
	var r typography.Rules
	d.mapping(n, "typography", map[string]func(*yaml.Node){
		"quotes": func(v *yaml.Node) {
			if v.Kind != yaml.SequenceNode || len(v.Content) != 4 {
				d.errf(v, "quotes: want a list of 4 marks (outer open, outer close, inner open, inner close)")
				return
			}
			for i, c := range v.Content {
				r.Quotes[i] = d.rune1(resolve(c))
			}
		},
		"apostrophe":  func(v *yaml.Node) { r.Apostrophe = d.rune1(v) },
		"nbsp_after":  func(v *yaml.Node) { r.NbspAfter = d.words(v) },
		"nbsp_before": func(v *yaml.Node) { r.NbspBefore = d.words(v) },
		"nbsp_before_dash": func(v *yaml.Node) {
			if err := v.Decode(&r.NbspBeforeDash); err != nil {
				d.errf(v, "nbsp_before_dash: want true or false")
			}
		},
		"stop_after_quote": func(v *yaml.Node) {
			if err := v.Decode(&r.StopAfterQuote); err != nil {
				d.errf(v, "stop_after_quote: want true or false")
			}
		},
	})
	return r
}

// messages reads the strings: each key is a string or a mapping of plural category
// to string, which must include other.
func (d *decoder) messages(n *yaml.Node) map[string]message {
	if n.Kind != yaml.MappingNode {
		d.errf(n, "strings: want a mapping")
		return map[string]message{}
	}
	out := make(map[string]message, len(n.Content)/2)
	d.pairs(n, "strings", func(k, v *yaml.Node) {
		switch v.Kind {
		case yaml.ScalarNode:
			out[k.Value] = message{text: d.str(v)}
		case yaml.MappingNode:
			forms := make(map[string]string, len(v.Content)/2)
			d.pairs(v, k.Value, func(ck, cv *yaml.Node) {
				if categoryRank(ck.Value) < 0 {
					d.errf(ck, "%s: %q is not a plural category (zero, one, two, few, many, other)", k.Value, ck.Value)
					return
				}
				forms[ck.Value] = d.str(cv)
			})
			if _, ok := forms["other"]; !ok {
				d.errf(v, "%s: plural forms lack other", k.Value)
			}
			out[k.Value] = message{forms: forms}
		default:
			d.errf(v, "%s: want a string or plural forms", k.Value)
		}
	})
	return out
}
