package check

import (
	"fmt"
	"strings"
)

// Severity is how strongly a term asks writers to change a word: avoid it always (an
// error), consider another (a warning), or mind the context it is used in (a suggestion).
type Severity int

// The severities, weakest first, so that `sev >= min` filters.
const (
	SeverityContext Severity = iota + 1
	SeverityConsider
	SeverityAvoid
)

var severityNames = map[Severity]string{SeverityAvoid: "avoid", SeverityConsider: "consider", SeverityContext: "context"}

func (s Severity) String() string { return severityNames[s] }

// Level is the linter level the severity reads as: error, warning or note.
func (s Severity) Level() string {
	switch s {
	case SeverityAvoid:
		return "error"
	case SeverityConsider:
		return "warning"
	}
	return "note"
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a term's severity; "" is avoid.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "avoid", "error":
		return SeverityAvoid, nil
	case "consider", "warning":
		return SeverityConsider, nil
	case "context", "suggestion", "note":
		return SeverityContext, nil
	}
	return 0, fmt.Errorf("severity %q: use avoid, consider or context", s)
}
