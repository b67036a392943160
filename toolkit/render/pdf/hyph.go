package pdf

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Russian hyphenation (design review fix 8): Liang's algorithm with the patterns of
// Alexander Lebedev's ruhyphal (the TeX Russian patterns as LibreOffice ships them in
// the Debian package hyphen-ru), embedded verbatim, LPPL 1.2 or later: see
// hyph/hyph_ru_RU.copyright.
//
//go:embed hyph/hyph_ru_RU.dic
var ruPatterns []byte

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

type hyphenator struct {
	patterns   map[string][]uint8
	exceptions map[string][]int
	maxLen     int
}

var ruHyph = sync.OnceValue(func() *hyphenator { return loadPatterns(ruPatterns) })

// koi8r maps KOI8-R bytes 0xC0–0xFF to Cyrillic letters (0xA3 and 0xB3 are ё, Ё).
const koi8r = "юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ"

func fromKOI8R(b []byte) string {
	upper := []rune(koi8r)
	var sb strings.Builder
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c >= 0xC0:
			sb.WriteRune(upper[c-0xC0])
		case c == 0xA3:
			sb.WriteRune('ё')
		case c == 0xB3:
			sb.WriteRune('Ё')
		}
	}
	return sb.String()
}

// loadPatterns reads a hyphenation dictionary in the LibreOffice format: the charset on
// the first line, then one pattern a line ("1ба", ".аб1р"); a TeX \hyphenation{…} block
// of words with their hyphens is read as exceptions.
func loadPatterns(data []byte) *hyphenator {
	h := &hyphenator{patterns: map[string][]uint8{}, exceptions: map[string][]int{}}
	text := string(data)
	if strings.HasPrefix(text, "KOI8-R") {
		text = fromKOI8R(data)
	}
	lines := strings.Split(text, "\n")
	inExc := false
	for _, ln := range lines[1:] {
		ln = strings.TrimSpace(ln)
		switch {
		case ln == "" || strings.HasPrefix(ln, "%"):
			continue
		case strings.HasPrefix(ln, `\hyphenation{`):
			inExc = true
			continue
		case ln == "}":
			inExc = false
			continue
		}
		if inExc {
			var pos []int
			n := 0
			for _, r := range ln {
				if r == '-' {
					pos = append(pos, n)
				} else {
					n++
				}
			}
			h.exceptions[strings.ReplaceAll(ln, "-", "")] = pos
			continue
		}
		var letters []rune
		var vals []uint8
		pending := uint8(0)
		ok := true
		for _, r := range ln {
			switch {
			case r >= '0' && r <= '9':
				pending = uint8(r - '0')
			case r == '.' || unicode.Is(unicode.Cyrillic, r):
				vals = append(vals, pending)
				letters = append(letters, r)
				pending = 0
			default:
				ok = false
			}
		}
		if !ok || len(letters) == 0 {
			continue
		}
		vals = append(vals, pending)
		key := string(letters)
		h.patterns[key] = vals
		h.maxLen = max(h.maxLen, len(letters))
	}
	return h
}

// points returns the rune offsets in word (lower-case letters only) where it may break.
func (h *hyphenator) points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < hyphMinWord {
		return nil
	}
	if pos, ok := h.exceptions[word]; ok {
		return pos
	}
	w := []rune("." + word + ".")
	score := make([]uint8, len(w)+1)
	for i := range w {
		for l := 1; l <= h.maxLen && i+l <= len(w); l++ {
			if p, ok := h.patterns[string(w[i:i+l])]; ok {
				for k, v := range p {
					if v > score[i+k] {
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
