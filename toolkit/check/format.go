package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// FormatText writes one line per finding:
//
//	file:line:col: term-id: "matched text": message (say instead: a, b)
func FormatText(w io.Writer, fs []Finding) error {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %q", f.File, f.Line, f.Column, f.Rule, f.Match)
		if f.Message != "" {
			b.WriteString(": ")
			b.WriteString(f.Message)
		}
		if len(f.Suggestions) > 0 {
			fmt.Fprintf(&b, " (say instead: %s)", strings.Join(f.Suggestions, ", "))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonReport is the JSON output; Version changes when a field changes meaning or goes away.
type jsonReport struct {
	Version  int       `json:"version"`
	Findings []Finding `json:"findings"`
}

// FormatJSON writes {"version": 2, "findings": [...]}, indented, with an empty list (not
// null) when the draft is clean and for a finding without suggestions.
func FormatJSON(w io.Writer, fs []Finding) error {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		if f.Suggestions == nil {
			f.Suggestions = []string{}
		}
		out[i] = f
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonReport{Version: 2, Findings: out})
}
