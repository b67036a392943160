// Package search finds library items by words in any language. Words are compared by
// Snowball stem, so «мигрантки» finds items about «мигранты» and "migrants" finds "migrant".
package search

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/words"
)

// Hit is one item found, with its score and the languages in which it matched.
type Hit struct {
	Item  *library.Item
	Score float64
	// Matched is how many of the query's words the item matched.
	Matched int
	Langs   []string
}

// Index holds the stems of every item's text.
type Index struct {
	docs []doc
}

type doc struct {
	item *library.Item
	// stems maps a stem to its weight in each language.
	stems map[string]map[string]float64
}

// Weight of a word by the field it appears in: names count most.
const (
	titleWeight = 3
	textWeight  = 1
	tagWeight   = 2
	idWeight    = 2
)

// New indexes every item of lib.
func New(lib *library.Library) *Index {
	items := lib.Items()
	ix := &Index{docs: make([]doc, 0, len(items))}
	for _, it := range items {
		d := doc{item: it, stems: map[string]map[string]float64{}}
		add := func(lang, s string, w float64) {
			for _, st := range words.Stems(s) {
				m := d.stems[st]
				if m == nil {
					m = map[string]float64{}
					d.stems[st] = m
				}
				m[lang] += w
			}
		}
		add("", strings.ReplaceAll(it.ID, "-", " "), idWeight)
		for _, t := range it.Tags {
			add("", t, tagWeight)
		}
		for _, lang := range it.Langs() {
			title := it.Title(lang)
			add(lang, title, titleWeight-textWeight)
			t := it.Text[lang]
			for _, v := range t.Fields {
				add(lang, v, textWeight)
			}
			for _, vs := range t.Lists {
				for _, v := range vs {
					add(lang, v, textWeight)
				}
			}
		}
		ix.docs = append(ix.docs, d)
	}
	return ix
}

// Search returns the items matching any word of query, best first: items matching more
// of the query's words first, then by weight. With langs, only matches in those languages
// (and in ids and tags) count.
func (ix *Index) Search(query string, langs []string) []Hit {
	q := uniqueStems(query)
	if len(q) == 0 {
		return nil
	}
	var hits []Hit
	for _, d := range ix.docs {
		h := Hit{Item: d.item}
		seenLang := map[string]bool{}
		for _, qs := range q {
			best := 0.0
			for st, byLang := range d.stems {
				if !stemMatch(qs, st) {
					continue
				}
				for lang, w := range byLang {
					if lang != "" && len(langs) > 0 && !contains(langs, lang) {
						continue
					}
					if st != qs {
						w *= 0.8 // a prefix match counts a little less than the same stem
					}
					if w > best {
						best = w
					}
					if lang != "" {
						seenLang[lang] = true
					}
				}
			}
			if best > 0 {
				h.Matched++
				h.Score += best
			}
		}
		if h.Matched == 0 {
			continue
		}
		for l := range seenLang {
			h.Langs = append(h.Langs, l)
		}
		sort.Strings(h.Langs)
		hits = append(hits, h)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Matched != b.Matched {
			return a.Matched > b.Matched
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Item.ID < b.Item.ID
	})
	return hits
}

// stemMatch compares a query stem with an indexed stem: equal, or one a prefix of the
// other when the shorter has at least five letters (мигрантк ~ мигрант).
func stemMatch(q, s string) bool {
	if q == s {
		return true
	}
	short, long := q, s
	if len(short) > len(long) {
		short, long = long, short
	}
	return utf8.RuneCountInString(short) >= 5 && strings.HasPrefix(long, short)
}

func uniqueStems(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range words.Stems(s) {
		if st != "" && !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
