package i18n

import (
	"fmt"
	"strings"
)

// T returns the message key with its {name} placeholders filled from args, which
// are either one map[string]any (or map[string]string) or name, value pairs:
//
//	l.T("page_of", "n", 2, "total", 5) // "Стр. 2 из 5"
//
// A key missing from l is looked up along the fallback chain and, missing there
// too, returned as it is, so that a gap shows in the document instead of failing
// it. Placeholders without a value stay as they are. A message with plural forms
// takes the form for the integer argument n, or other without one.
func (l *Locale) T(key string, args ...any) string {
	vals := argMap(args)
	m, owner := l.lookup(key)
	if owner == nil {
		return key
	}
	text := m.text
	if m.forms != nil {
		cat := "other"
		if n, ok := integer(vals["n"]); ok {
			cat = owner.PluralCategory(n)
		}
		text = m.form(cat)
	}
	return expand(text, vals)
}

// Plural returns the form of the message key for the count n, with {n} and any
// other placeholders filled: l.Plural("sources_count", 3) is "3 источника".
func (l *Locale) Plural(key string, n int, args ...any) string {
	vals := argMap(args)
	vals["n"] = n
	return l.T(key, vals)
}

// PluralCategory returns the CLDR plural category of n in l's language: zero, one,
// two, few, many or other.
func (l *Locale) PluralCategory(n int) string {
	return category(l.plural, n)
}

// lookup finds key along the fallback chain and returns it with the locale that
// holds it, or a nil locale.
func (l *Locale) lookup(key string) (message, *Locale) {
	for loc := l; loc != nil; loc = loc.fallback {
		if m, ok := loc.messages[key]; ok {
			return m, loc
		}
	}
	return message{}, nil
}

func integer(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(n), true
	case uint:
		return int(n), true
	}
	return 0, false
}

func (m message) form(cat string) string {
	if s, ok := m.forms[cat]; ok {
		return s
	}
	return m.forms["other"]
}

func argMap(args []any) map[string]any {
	vals := map[string]any{}
	if len(args) == 1 {
		switch m := args[0].(type) {
		case map[string]any:
			for k, v := range m {
				vals[k] = v
			}
			return vals
		case map[string]string:
			for k, v := range m {
				vals[k] = v
			}
			return vals
		}
	}
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			vals[k] = args[i+1]
		}
	}
	return vals
}

// expand replaces each {name} in s that has a value in vals.
func expand(s string, vals map[string]any) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		v, ok := vals[name]
		if !ok || !isName(name) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		fmt.Fprint(&b, v)
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// placeholders returns the names of the {name} placeholders in s, in order.
func placeholders(s string) []string {
	var names []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return names
		}
		if name := s[i+1 : i+j]; isName(name) {
			names = append(names, name)
			s = s[i+j+1:]
		} else {
			s = s[i+1:]
		}
	}
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
