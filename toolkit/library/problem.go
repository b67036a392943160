package library

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong in a library, located as precisely as the library allows.
type Problem struct {
	Pos  Pos
	ID   string // item id, when known
	Lang string // language, when the problem is in one language's text
	Msg  string
}

// String formats the problem as "file:line:col: item-id [lang]: message".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	b.WriteString(": ")
	if p.ID != "" {
		b.WriteString(p.ID)
		if p.Lang != "" {
			fmt.Fprintf(&b, " [%s]", p.Lang)
		}
		b.WriteString(": ")
	} else if p.Lang != "" {
		fmt.Fprintf(&b, "[%s]: ", p.Lang)
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is a list of problems; as an error it reads as all of them, one a line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders problems by file, line and column.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
