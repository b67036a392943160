package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// categoryRank orders the CLDR plural categories (zero, one, two, few, many,
// other) in the order they are tried; it is -1 for anything else.
func categoryRank(s string) int {
	switch s {
	case "zero":
		return 0
	case "one":
		return 1
	case "two":
		return 2
	case "few":
		return 3
	case "many":
		return 4
	case "other":
		return 5
	}
	return -1
}

// pluralRule is one compiled CLDR plural rule: its category and its condition, a
// disjunction of conjunctions of relations.
type pluralRule struct {
	category string
	or       [][]relation
	samples  []sampleRange
}

// relation is "operand [% mod] (=|!=) ranges".
type relation struct {
	operand byte
	mod     int64
	negate  bool
	ranges  [][2]int64
}

type sampleRange struct{ lo, hi int64 }

// operands are the CLDR operands of a number. Only integers are supported, so n and
// i are the absolute value and the fraction operands v, w, f, t, c and e are zero.
type operands struct{ i int64 }

func (o operands) get(op byte) int64 {
	if op == 'n' || op == 'i' {
		return o.i
	}
	return 0
}

func (r pluralRule) matches(o operands) bool {
	for _, and := range r.or {
		ok := true
		for _, rel := range and {
			if !rel.holds(o) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func (rel relation) holds(o operands) bool {
	x := o.get(rel.operand)
	if rel.mod > 0 {
		x %= rel.mod
	}
	in := false
	for _, r := range rel.ranges {
		if x >= r[0] && x <= r[1] {
			in = true
			break
		}
	}
	return in != rel.negate
}

// compileRule parses a rule in CLDR syntax, e.g.
// "v = 0 and i % 10 = 2..4 and i % 100 != 12..14 @integer 2~4, 22~24, …".
// Integer samples after @integer are kept so that the rule can be checked against
// them; @decimal samples are ignored.
func compileRule(category, src string) (pluralRule, error) {
	cond, samples, _ := strings.Cut(src, "@")
	r := pluralRule{category: category}
	p := &ruleParser{src: cond}
	p.next()
	if p.tok != "" {
		or, err := p.condition()
		if err != nil {
			return r, err
		}
		r.or = or
	}
	if p.tok != "" {
		return r, p.errorf("unexpected %q", p.tok)
	}
	if category == "other" && r.or != nil {
		return r, fmt.Errorf("the other category takes no condition")
	}
	var err error
	r.samples, err = integerSamples("@" + samples)
	return r, err
}

// integerSamples reads the "@integer 0, 5~19, 100, …" part of a rule.
func integerSamples(s string) ([]sampleRange, error) {
	var out []sampleRange
	for _, part := range strings.Split(s, "@")[1:] {
		kind, list, _ := strings.Cut(part, " ")
		if kind != "integer" {
			continue
		}
		for _, item := range strings.Split(list, ",") {
			item = strings.TrimSpace(item)
			if item == "" || item == "…" || item == "..." {
				continue
			}
			if strings.ContainsAny(item, "ce") {
				continue // compact exponents such as 1c6 are not integers here
			}
			lo, hi, isRange := strings.Cut(item, "~")
			a, err := strconv.ParseInt(lo, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("bad integer sample %q", item)
			}
			b := a
			if isRange {
				if b, err = strconv.ParseInt(hi, 10, 64); err != nil || b < a {
					return nil, fmt.Errorf("bad integer sample %q", item)
				}
			}
			out = append(out, sampleRange{a, b})
		}
	}
	return out, nil
}

type ruleParser struct {
	src string
	pos int    // byte offset of the next token
	tok string // current token; "" at the end
	at  int    // byte offset of the current token
}

// ruleError is a syntax error at byte offset at of a plural rule.
type ruleError struct {
	at  int
	msg string
}

func (e *ruleError) Error() string { return e.msg }

func (p *ruleParser) errorf(format string, args ...any) error {
	return &ruleError{at: p.at, msg: fmt.Sprintf(format, args...)}
}

// next reads the next token: a word, a number, "..", "!=", or one of "%=,".
func (p *ruleParser) next() {
	for p.pos < len(p.src) && unicode.IsSpace(rune(p.src[p.pos])) {
		p.pos++
	}
	p.at = p.pos
	if p.pos >= len(p.src) {
		p.tok = ""
		return
	}
	s := p.src[p.pos:]
	n := 1
	switch {
	case strings.HasPrefix(s, "..") || strings.HasPrefix(s, "!="):
		n = 2
	case s[0] >= '0' && s[0] <= '9':
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
	case s[0] >= 'a' && s[0] <= 'z':
		for n < len(s) && s[n] >= 'a' && s[n] <= 'z' {
			n++
		}
	}
	p.tok = s[:n]
	p.pos += n
}

func (p *ruleParser) condition() ([][]relation, error) {
	var or [][]relation
	for {
		var and []relation
		for {
			rel, err := p.relation()
			if err != nil {
				return nil, err
			}
			and = append(and, rel)
			if p.tok != "and" {
				break
			}
			p.next()
		}
		or = append(or, and)
		if p.tok != "or" {
			return or, nil
		}
		p.next()
	}
}

func (p *ruleParser) relation() (relation, error) {
	var rel relation
	if len(p.tok) != 1 || !strings.Contains("niwvftce", p.tok) {
		return rel, p.errorf("want an operand (n, i, v, w, f, t, c, e), got %q", p.tok)
	}
	rel.operand = p.tok[0]
	p.next()
	if p.tok == "%" {
		p.next()
		m, err := p.number()
		if err != nil {
			return rel, err
		}
		if m == 0 {
			return rel, p.errorf("modulus 0")
		}
		rel.mod = m
	}
	switch p.tok {
	case "=":
	case "!=":
		rel.negate = true
	default:
		return rel, p.errorf("want = or !=, got %q", p.tok)
	}
	p.next()
	for {
		lo, err := p.number()
		if err != nil {
			return rel, err
		}
		hi := lo
		if p.tok == ".." {
			p.next()
			if hi, err = p.number(); err != nil {
				return rel, err
			}
		}
		rel.ranges = append(rel.ranges, [2]int64{lo, hi})
		if p.tok != "," {
			return rel, nil
		}
		p.next()
	}
}

func (p *ruleParser) number() (int64, error) {
	v, err := strconv.ParseInt(p.tok, 10, 64)
	if err != nil {
		return 0, p.errorf("want a number, got %q", p.tok)
	}
	p.next()
	return v, nil
}

// category returns the plural category of n under rules, tried in CLDR order.
func category(rules []pluralRule, n int) string {
	i := int64(n)
	if i < 0 {
		i = -i
	}
	o := operands{i: i}
	for _, r := range rules {
		if r.or != nil && r.matches(o) {
			return r.category
		}
	}
	return "other"
}

// checkSamples reports the first integer sample of a rule that the rules place in
// another category; ranges are checked at both ends and up to 100 values.
func checkSamples(rules []pluralRule) error {
	for _, r := range rules {
		for _, s := range r.samples {
			for n := s.lo; n <= s.hi && n < s.lo+100; n++ {
				if got := category(rules, int(n)); got != r.category {
					return fmt.Errorf("sample %d of %s falls in %s", n, r.category, got)
				}
			}
			if got := category(rules, int(s.hi)); got != r.category {
				return fmt.Errorf("sample %d of %s falls in %s", s.hi, r.category, got)
			}
		}
	}
	return nil
}
