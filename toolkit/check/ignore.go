package check

import (
	"bytes"
	"strings"
)

// ignorer follows the comments that silence the checker, in any draft:
//
//	<!-- presskit-ignore -->                 alone on a line: the next line; after text: this line
//	<!-- presskit-ignore rescue victims -->  the same, for those terms only
//	<!-- presskit-ignore-start [terms] -->   every line up to
//	<!-- presskit-ignore-end -->
type ignorer struct {
	block      bool
	blockRules []string // nil: every term
	next       bool     // the previous line asked to silence this one
	nextRules  []string

	all   bool            // the current line is silenced
	rules map[string]bool // the terms silenced on the current line
}

// directive is one presskit-ignore comment.
type directive struct {
	kind  string // "", "start" or "end"
	rules []string
}

// directives returns the presskit-ignore comments of a line, and whether the line holds
// nothing else.
func directives(line []byte) (ds []directive, alone bool) {
	rest := line
	alone = true
	for {
		i := bytes.Index(rest, []byte("<!--"))
		if i < 0 {
			if len(bytes.TrimSpace(rest)) > 0 {
				alone = false
			}
			return ds, alone && len(ds) > 0
		}
		if len(bytes.TrimSpace(rest[:i])) > 0 {
			alone = false
		}
		j := bytes.Index(rest[i+4:], []byte("-->"))
		if j < 0 {
			return ds, false
		}
		body := strings.Fields(string(rest[i+4 : i+4+j]))
		rest = rest[i+4+j+3:]
		if len(body) == 0 {
			continue
		}
		var d directive
		switch body[0] {
		case "presskit-ignore":
		case "presskit-ignore-start":
			d.kind = "start"
		case "presskit-ignore-end":
			d.kind = "end"
		default:
			alone = false
			continue
		}
		d.rules = body[1:]
		ds = append(ds, d)
	}
}

// line reads a line's directives and reports whether the whole line is silenced; rule then
// says whether one term is. out, the line's blanked copy, has the directives blanked, so
// that the term names in them are not checked in a plain-text draft.
func (g *ignorer) line(line, out []byte) bool {
	g.all = false
	clear(g.rules)
	silence := func(rules []string) {
		if len(rules) == 0 {
			g.all = true
			return
		}
		if g.rules == nil {
			g.rules = map[string]bool{}
		}
		for _, r := range rules {
			g.rules[r] = true
		}
	}
	if g.block {
		silence(g.blockRules)
	}
	if g.next {
		silence(g.nextRules)
		g.next, g.nextRules = false, nil
	}
	if !bytes.Contains(line, []byte("presskit-ignore")) {
		return g.all
	}
	ds, alone := directives(line)
	for _, d := range ds {
		switch d.kind {
		case "start":
			g.block, g.blockRules = true, d.rules
		case "end":
			g.block, g.blockRules = false, nil
		default:
			if alone {
				g.next, g.nextRules = true, d.rules
			} else {
				silence(d.rules)
			}
		}
	}
	if alone {
		return true // the directive's own line has nothing to check
	}
	blankDirectives(line, out)
	return g.all
}

// blankDirectives blanks, in out (a copy of line), the presskit-ignore comments.
func blankDirectives(line []byte, out []byte) {
	for i := 0; i < len(line) && len(out) == len(line); {
		j := bytes.Index(line[i:], []byte("<!--"))
		if j < 0 {
			return
		}
		k := bytes.Index(line[i+j:], []byte("-->"))
		if k < 0 {
			return
		}
		if bytes.Contains(line[i+j:i+j+k], []byte("presskit-ignore")) {
			fill(out[i+j : i+j+k+3])
		}
		i += j + k + 3
	}
}

func (g *ignorer) rule(id string) bool { return g.all || g.rules[id] }
