package i18n

import (
	"slices"
)

// Missing lists, sorted, what other lacks of base's strings, counting only other's
// own file and not its fallbacks: the keys it does not have, and "key.category" for
// each plural category of other's language that a plural message of other lacks
// (Russian needs one, few, many and other where English has one and other). A
// message that is plural in base but plain in other is listed as "key.plural".
func Missing(base, other *Locale) []string {
	var out []string
	cats := other.categories()
	for key, bm := range base.messages {
		om, ok := other.messages[key]
		switch {
		case !ok:
			out = append(out, key)
		case bm.forms != nil && om.forms == nil:
			out = append(out, key+".plural")
		case om.forms != nil:
			for _, c := range cats {
				if _, ok := om.forms[c]; !ok {
					out = append(out, key+"."+c)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// categories returns the plural categories that l's rules can produce, in CLDR
// order, always ending with other.
func (l *Locale) categories() []string {
	var cats []string
	for _, r := range l.plural {
		if r.category != "other" {
			cats = append(cats, r.category)
		}
	}
	return append(cats, "other")
}

// Keys returns the keys of l's own strings, sorted.
func (l *Locale) Keys() []string {
	keys := make([]string, 0, len(l.messages))
	for k := range l.messages {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
