package pdf

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Russian hyphenation (design review fix 8): Liang's algorithm with the patterns of
// Alexander Lebedev's ruhyphal (the TeX Russian patterns as LibreOffice ships them in
// the Debian package hyphen-ru), kept verbatim in hyph/hyph_ru_RU.dic, LPPL 1.2 or
// later: see hyph/hyph_ru_RU.copyright.
//
// The patterns are read from hyph/ru.table, the same patterns and exceptions re-encoded
// (in UTF-8, sorted, one to a line; TestHyphenationTable makes it from the .dic, which is
// kept as shipped), so that a process looks up the few words it hyphenates in place
// instead of building a map of 4,500 patterns first (about 5% of a Russian handout).
//
//go:embed hyph/ru.table
var ruTable string

// Hyphenation limits: words of at least hyphMinWord letters, at least hyphMin letters
// before a break and hyphMinRight after it (a two-letter tail such as «прода-/жа» reads
// as a stray fragment in a narrow table cell), at most hyphMaxRun hyphenated lines in a row, and
// only in columns narrower than hyphColumn mm.
const (
	hyphMinWord  = 6
	hyphMin      = 2
	hyphMinRight = 3
	hyphMaxRun   = 2
	hyphColumn   = 100.0
)

// hyphenator looks patterns up in a table: after a first line "maxlen N", one entry a
// line, "key<TAB>value", sorted by key. A pattern's key is its letters ("." at a word's
// edge) and its value the digit before each letter and after the last ("аб1р" is "абр"
// with "0010"); an exception's key is "!" and the word, its value the break offsets
// ("!бизнесмен" with "3,6").
//
// The break points of a word are kept once found: the fit loop lays a document out at
// several sizes, and a kit lays out the same texts several times, so the same words
// come to a line's end again and again, and a lookup costs some hundred binary searches.
type hyphenator struct {
	table  string
	maxLen int

	mu   sync.Mutex
	memo map[string][]int // word -> points; never changed once stored
}

// maxMemo bounds the words kept (a long-running preview server meets new ones).
const maxMemo = 1 << 15

var ruHyph = sync.OnceValue(func() *hyphenator { return newHyphenator(ruTable) })

func newHyphenator(table string) *hyphenator {
	head, rest, _ := strings.Cut(table, "\n")
	n, _ := strconv.Atoi(strings.TrimPrefix(head, "maxlen "))
	return &hyphenator{table: rest, maxLen: n}
}

// find returns the value of key, by binary search over the table's lines.
func (h *hyphenator) find(key string) (string, bool) {
	t := h.table
	lo, hi := 0, len(t) // both always at the start of a line (or the end)
	for lo < hi {
		mid := lo + (hi-lo)/2
		s := lo + strings.LastIndexByte(t[lo:mid], '\n') + 1
		e := s + strings.IndexByte(t[s:], '\n')
		k, v, _ := strings.Cut(t[s:e], "\t")
		switch {
		case k == key:
			return v, true
		case k < key:
			lo = e + 1
		default:
			hi = s
		}
	}
	return "", false
}

// points returns the rune offsets in word (lower-case letters only) where it may
// break. The slice is shared: callers must not change it.
func (h *hyphenator) points(word string) []int {
	h.mu.Lock()
	pts, ok := h.memo[word]
	h.mu.Unlock()
	if ok {
		return pts
	}
	pts = h.findPoints(word)
	h.mu.Lock()
	if h.memo == nil || len(h.memo) >= maxMemo {
		h.memo = make(map[string][]int)
	}
	h.memo[word] = pts
	h.mu.Unlock()
	return pts
}

// findPoints is points without the memo.
func (h *hyphenator) findPoints(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < hyphMinWord {
		return nil
	}
	if v, ok := h.find("!" + word); ok {
		var pos []int
		for _, f := range strings.Split(v, ",") {
			if p, err := strconv.Atoi(f); err == nil {
				pos = append(pos, p)
			}
		}
		return pos
	}
	w := []rune("." + word + ".")
	score := make([]uint8, len(w)+1)
	for i := range w {
		for l := 1; l <= h.maxLen && i+l <= len(w); l++ {
			if p, ok := h.find(string(w[i : i+l])); ok {
				for k := 0; k < len(p); k++ {
					if v := p[k] - '0'; v > score[i+k] {
						score[i+k] = v
					}
				}
			}
		}
	}
	var out []int
	for i := hyphMin; i <= n-hyphMinRight; i++ {
		// score[k] is the value before w[k]; the break before word[i] is before w[i+1].
		if score[i+1]%2 == 1 {
			out = append(out, i)
		}
	}
	return out
}

// hyphenate splits w so that its head and a hyphen fit room, at the last hyphenation
// point that does; ok is false when the word is not a plain Russian word or no point fits.
func (l *lay) hyphenate(w word, room float64) (head, rest word, ok bool) {
	if len(w.frags) == 0 {
		return w, w, false
	}
	f := w.frags[0]
	if f.st.whole {
		return w, w, false
	}
	// The letters of the first fragment; a word with a hyphen already, digits or Latin
	// letters is left whole.
	rs := []rune(f.text)
	end := 0
	for end < len(rs) && unicode.Is(unicode.Cyrillic, rs[end]) {
		end++
	}
	if end < hyphMinWord || end < len(rs) && rs[end] == '-' {
		return w, w, false
	}
	pts := ruHyph().points(strings.ToLower(string(rs[:end])))
	for i := len(pts) - 1; i >= 0; i-- {
		k := pts[i]
		ht := string(rs[:k]) + "-"
		hw := l.m.width(f.st, ht)
		if hw > room {
			continue
		}
		head = word{frags: []frag{{st: f.st, text: ht, w: hw}}, w: hw, space: w.space, spaceSt: w.spaceSt, glue: w.glue, hyph: true}
		rt := string(rs[k:])
		rw := l.m.width(f.st, rt)
		rest = word{frags: append([]frag{{st: f.st, text: rt, w: rw}}, w.frags[1:]...), glue: true}
		rest.w = rw
		for _, g := range w.frags[1:] {
			rest.w += g.w
		}
		return head, rest, true
	}
	return w, w, false
}
