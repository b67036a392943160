package pdf

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/library"
)

var updateHyph = flag.Bool("update-hyph", false, "rewrite hyph/ru.table from hyph/hyph_ru_RU.dic")

//go:embed hyph/hyph_ru_RU.dic
var ruDic []byte

// dicPatterns is the dictionary as read from the LibreOffice file: pattern letters to the
// digits between them, exception words to their break offsets.
type dicPatterns struct {
	patterns   map[string][]uint8
	exceptions map[string][]int
	maxLen     int
}

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

// readDic reads a hyphenation dictionary in the LibreOffice format: the charset on the
// first line, then one pattern a line ("1ба", ".аб1р"); a TeX \hyphenation{…} block of
// words with their hyphens is read as exceptions.
func readDic(data []byte) *dicPatterns {
	h := &dicPatterns{patterns: map[string][]uint8{}, exceptions: map[string][]int{}}
	text := string(data)
	if strings.HasPrefix(text, "KOI8-R") {
		text = fromKOI8R(data)
	}
	inExc := false
	for _, ln := range strings.Split(text, "\n")[1:] {
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
		h.patterns[string(letters)] = append(vals, pending)
		h.maxLen = max(h.maxLen, len(letters))
	}
	return h
}

// table encodes the dictionary as hyphenator reads it.
func (d *dicPatterns) table() string {
	var lines []string
	for k, v := range d.patterns {
		var b strings.Builder
		for _, x := range v {
			b.WriteByte('0' + x)
		}
		lines = append(lines, k+"\t"+b.String())
	}
	for w, pos := range d.exceptions {
		var ps []string
		for _, p := range pos {
			ps = append(ps, strconv.Itoa(p))
		}
		lines = append(lines, "!"+w+"\t"+strings.Join(ps, ","))
	}
	sort.Strings(lines) // keys never contain a tab, so this is the order of the keys
	return fmt.Sprintf("maxlen %d\n%s\n", d.maxLen, strings.Join(lines, "\n"))
}

// TestHyphenationTable: hyph/ru.table is hyph_ru_RU.dic re-encoded; -update-hyph
// rewrites it.
func TestHyphenationTable(t *testing.T) {
	want := readDic(ruDic).table()
	if *updateHyph {
		if err := os.WriteFile("hyph/ru.table", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if ruTable != want {
		t.Fatal("hyph/ru.table does not match hyph/hyph_ru_RU.dic: run go test ./toolkit/render/pdf -run HyphenationTable -update-hyph")
	}
}

// pointsFromDic is Liang's algorithm over the dictionary's maps: the reference the table
// lookup must agree with.
func (d *dicPatterns) points(word string) []int {
	rs := []rune(word)
	n := len(rs)
	if n < hyphMinWord {
		return nil
	}
	if pos, ok := d.exceptions[word]; ok {
		return pos
	}
	w := []rune("." + word + ".")
	score := make([]uint8, len(w)+1)
	for i := range w {
		for l := 1; l <= d.maxLen && i+l <= len(w); l++ {
			if p, ok := d.patterns[string(w[i:i+l])]; ok {
				for k, v := range p {
					score[i+k] = max(score[i+k], v)
				}
			}
		}
	}
	var out []int
	for i := hyphMin; i <= n-hyphMinRight; i++ {
		if score[i+1]%2 == 1 {
			out = append(out, i)
		}
	}
	return out
}

// TestHyphenationTableAgreesWithTheDictionary: every Russian word of the embedded library
// and every exception breaks the same with the table as with the dictionary's maps, and
// every pattern is found.
func TestHyphenationTableAgreesWithTheDictionary(t *testing.T) {
	d := readDic(ruDic)
	h := newHyphenator(ruTable)
	for k, v := range d.patterns {
		got, ok := h.find(k)
		if !ok || len(got) != len(v) {
			t.Fatalf("pattern %q: found %v, %q", k, ok, got)
		}
	}
	if _, ok := h.find("несловарное"); ok {
		t.Fatal("found a key the table does not have")
	}
	lib, probs := library.Load([]library.Source{{FS: content.FS, Name: "content", Snapshot: content.Snapshot}},
		library.Options{Languages: []string{"ru"}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	words := map[string]bool{}
	for w := range d.exceptions {
		words[w] = true
	}
	for _, it := range lib.Items() {
		for _, f := range it.FieldNames() {
			for _, w := range strings.FieldsFunc(strings.ToLower(it.Get("ru", f)), func(r rune) bool { return !unicode.Is(unicode.Cyrillic, r) }) {
				words[w] = true
			}
		}
	}
	if len(words) < 2000 {
		t.Fatalf("only %d words to compare", len(words))
	}
	for w := range words {
		if got, want := h.points(w), d.points(w); !slices.Equal(got, want) {
			t.Errorf("%s: table %v, dictionary %v", w, got, want)
		}
	}
}

// BenchmarkHyphenatorStart is what a process pays before its first hyphenation.
func BenchmarkHyphenatorStart(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		h := newHyphenator(ruTable)
		h.points("эксплуатацией")
	}
}

// BenchmarkDictionaryStart is what it paid when the dictionary was read into maps.
func BenchmarkDictionaryStart(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d := readDic(ruDic)
		d.points("эксплуатацией")
	}
}
