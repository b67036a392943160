package check

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// TextOptions shape the text output.
type TextOptions struct {
	Color bool // ANSI colours, for a terminal
	Quiet bool // findings only: no explanations
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// Label is how a finding's kind reads in the output: the severity's linter level, or
// "mention".
func (f Finding) Label() string {
	if f.Mention {
		return "mention"
	}
	return f.Severity.Level()
}

// FormatText writes one line per finding, as linters do:
//
//	file:line:col: level term-id: "matched text" → say: a, b
//
// and, unless quiet, the term's explanation indented under its first finding only.
func FormatText(w io.Writer, fs []Finding, opt TextOptions) error {
	b := bufio.NewWriterSize(w, 64<<10)
	explained := map[string]bool{}
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, f := range fs {
		level := f.Label()
		switch level {
		case "error":
			level = paint(ansiRed+ansiBold, level)
		case "warning":
			level = paint(ansiYellow+ansiBold, level)
		default:
			level = paint(ansiCyan, level)
		}
		fmt.Fprintf(b, "%s:%d:%d: %s %s: %s", f.File, f.Line, f.Column, level, paint(ansiBold, f.Rule), quoteMatch(f.Match, f.Lang))
		if len(f.Suggestions) > 0 {
			fmt.Fprintf(b, " → say: %s", strings.Join(f.Suggestions, ", "))
		}
		b.WriteByte('\n')
		key := f.Rule + "\x00" + f.Lang
		if !opt.Quiet && !explained[key] && f.Message != "" {
			explained[key] = true
			b.WriteString(paint(ansiDim, "    "+f.Message))
			b.WriteByte('\n')
		}
	}
	return b.Flush()
}

func quoteMatch(m, lang string) string {
	if lang == "ru" {
		return "«" + m + "»"
	}
	return "“" + m + "”"
}

// Summary counts findings by term, for the end of a text report.
type Summary struct {
	Findings int            // uses shown
	Mentions int            // mentions shown
	Hidden   int            // mentions left out (shown with --mentions)
	Files    int            // files with findings shown
	ByLevel  map[string]int // error, warning, note
	ByTerm   map[string]int
}

// Summarise counts the findings shown and the mentions hidden.
func Summarise(shown []Finding, hidden int) Summary {
	s := Summary{Hidden: hidden, ByLevel: map[string]int{}, ByTerm: map[string]int{}}
	files := map[string]bool{}
	for _, f := range shown {
		files[f.File] = true
		if f.Mention {
			s.Mentions++
			continue
		}
		s.Findings++
		s.ByLevel[f.Severity.Level()]++
		s.ByTerm[f.Rule]++
	}
	s.Files = len(files)
	return s
}

// FormatSummary writes the summary by term:
//
//	7 findings in 2 files (3 errors, 2 warnings, 2 notes); 4 mentions not shown (--mentions)
//	  prostitute   3
//	  rescue       2
func FormatSummary(w io.Writer, s Summary, color bool) error {
	var b strings.Builder
	plural := func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	if s.Findings == 0 {
		b.WriteString("no findings")
	} else {
		b.WriteString(plural(s.Findings, "finding", "findings"))
		b.WriteString(" in " + plural(s.Files, "file", "files"))
		var parts []string
		for _, l := range []struct{ key, one, many string }{{"error", "error", "errors"}, {"warning", "warning", "warnings"}, {"note", "note", "notes"}} {
			if n := s.ByLevel[l.key]; n > 0 {
				parts = append(parts, plural(n, l.one, l.many))
			}
		}
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	if s.Mentions > 0 {
		b.WriteString("; " + plural(s.Mentions, "mention", "mentions") + " (quoted or named, not counted)")
	}
	if s.Hidden > 0 {
		b.WriteString("; " + plural(s.Hidden, "mention", "mentions") + " not shown (--mentions shows them)")
	}
	b.WriteByte('\n')
	terms := make([]string, 0, len(s.ByTerm))
	width := 0
	for t := range s.ByTerm {
		terms = append(terms, t)
		width = max(width, len(t))
	}
	sort.Slice(terms, func(i, j int) bool {
		if s.ByTerm[terms[i]] != s.ByTerm[terms[j]] {
			return s.ByTerm[terms[i]] > s.ByTerm[terms[j]]
		}
		return terms[i] < terms[j]
	})
	for _, t := range terms {
		fmt.Fprintf(&b, "  %-*s %3d\n", width, t, s.ByTerm[t])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// FormatJSON writes {"version": 2, "findings": [...]}, indented, with an empty list (not
// null) when the draft is clean and for a finding without suggestions. Version 2 added
// severity and mention; docs/check.md describes every field. The version changes when a
// field changes meaning or goes away.
func FormatJSON(w io.Writer, fs []Finding) error {
	// Written finding by finding, so that a large report is never held whole.
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("{\n  \"version\": 2,\n  \"findings\": [")
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for i, f := range fs {
		if f.Suggestions == nil {
			f.Suggestions = []string{}
		}
		one.Reset()
		if err := enc.Encode(f); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
	}
	if len(fs) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// FormatGitHub writes GitHub Actions workflow commands, which a CI run shows as
// annotations on the lines of the draft: ::error, ::warning or ::notice.
func FormatGitHub(w io.Writer, fs []Finding) error {
	var b strings.Builder
	for _, f := range fs {
		level := map[string]string{"error": "error", "warning": "warning"}[f.Label()]
		if level == "" {
			level = "notice"
		}
		msg := fmt.Sprintf("%s: %s", quoteMatch(f.Match, f.Lang), f.Message)
		if len(f.Suggestions) > 0 {
			msg += " Say: " + strings.Join(f.Suggestions, ", ") + "."
		}
		if f.Mention {
			msg = "(mention) " + msg
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endColumn=%d,title=%s::%s\n", level,
			ghProperty(f.File), f.Line, f.Column, f.EndColumn, ghProperty("presskit "+f.Rule), ghData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// SARIF 2.1.0, the static analysis results format editors and code hosts read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifText          `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   map[string]any     `json:"properties"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndColumn   int `json:"endColumn"`
}

// FormatSARIF writes a SARIF 2.1.0 log. Columns count Unicode code points
// ("columnKind": "unicodeCodePoints"); a mention carries an in-source suppression, so
// viewers show it apart from the findings.
func FormatSARIF(w io.Writer, fs []Finding, toolVersion string) error {
	var rules []sarifRule
	index := map[string]int{}
	results := []sarifResult{}
	for _, f := range fs {
		key := f.Rule
		i, ok := index[key]
		if !ok {
			i = len(rules)
			index[key] = i
			rules = append(rules, sarifRule{ID: f.Rule, ShortDescription: sarifText{"presskit term " + f.Rule},
				FullDescription: sarifText{f.Message}, DefaultConfiguration: sarifConfig{f.Severity.Level()}})
		}
		msg := fmt.Sprintf("%s: %s", quoteMatch(f.Match, f.Lang), f.Message)
		if len(f.Suggestions) > 0 {
			msg += " Say: " + strings.Join(f.Suggestions, ", ") + "."
		}
		r := sarifResult{RuleID: f.Rule, RuleIndex: i, Level: f.Severity.Level(), Message: sarifText{msg},
			Locations: []sarifLocation{{sarifPhysical{sarifArtifact{sarifURI(f.File)},
				sarifRegion{f.Line, f.Column, f.EndColumn}}}},
			Properties: map[string]any{"match": f.Match, "lang": f.Lang, "severity": f.Severity.String(),
				"mention": f.Mention, "suggestions": slices.Clone(append([]string{}, f.Suggestions...))}}
		if f.Mention {
			r.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: "quoted or named as a word: a mention, not the writer's own use"}}
		}
		results = append(results, r)
	}
	if rules == nil {
		rules = []sarifRule{}
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0",
		Runs: []sarifRun{{Tool: sarifTool{sarifDriver{Name: "presskit check", Version: toolVersion,
			InformationURI: "https://github.com/presskit/presskit", Rules: rules}},
			ColumnKind: "unicodeCodePoints", Results: results}}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifURI writes a file name as a relative URI reference: forward slashes, spaces and
// other reserved bytes escaped.
func sarifURI(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("%#?[]", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
