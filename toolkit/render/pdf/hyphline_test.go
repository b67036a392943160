package pdf

import (
	"strings"
	"testing"
)

func lineTexts(ls [][]word) []string {
	var out []string
	for _, ln := range ls {
		var b strings.Builder
		for i, w := range ln {
			if i > 0 && !w.glue {
				b.WriteString(" ")
			}
			for _, f := range w.frags {
				b.WriteString(f.text)
			}
		}
		out = append(out, b.String())
	}
	return out
}

// A hyphenated word's rest shares its line with the words after it, and a word wider
// than the column is hyphenated rather than cut anywhere.
func TestHyphenatedLinesFill(t *testing.T) {
	lay, done := testLay(t, "a4", 0)
	defer done()
	st := lay.body()
	st.bold = true
	w := 36.0
	for _, text := range []string{
		"секс-работница, секс-работник, секс-работа, оказание сексуальных услуг",
		"проституированные женщины, проституированные лица",
	} {
		lines := lineTexts(lay.breakLines(lay.words(para{runs: []run{{text: text, st: st}}, size: st.size}), w))
		for i, ln := range lines {
			if i < len(lines)-1 && len([]rune(ln)) < 8 {
				t.Errorf("%q: a short line %q in %q", text, ln, lines)
			}
			if strings.HasSuffix(ln, "-") && i+1 < len(lines) {
				next := lines[i+1]
				if !strings.Contains("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", string([]rune(next)[0])) {
					t.Errorf("%q: %q then %q", text, ln, next)
				}
			}
		}
		for _, ln := range lines {
			if strings.Contains(ln, "нн ые") || strings.HasPrefix(ln, "ые") {
				t.Errorf("%q: a word cut where it may not break: %q", text, lines)
			}
			if lay.m.width(st, ln) > w+0.5 {
				t.Errorf("%q: line %q is wider than the column", text, ln)
			}
		}
		t.Log(lines)
	}
}

// Binding a paragraph's last two words never leaves a hyphenated word's rest alone on
// the line before them (the brief's language table had «секс-работа, про-/дажа/
// сексуальных услуг»): the word is kept whole instead.
func TestHyphenatedRestNotLeftAloneByTheLastLine(t *testing.T) {
	lay, done := testLay(t, "a4", 0)
	defer done()
	st := lay.body()
	st.bold = true
	texts := []string{
		"секс-работа, продажа сексуальных услуг",
		"секс-работница, секс-работа, продажа сексуальных услуг",
		"проституированные женщины, проституированные лица",
	}
	checked := 0
	for _, text := range texts {
		for w := 30.0; w <= 60; w += 0.5 {
			lines := lineTexts(lay.breakLines(lay.words(para{runs: []run{{text: text, st: st}}, size: st.size}), w))
			n := len(lines)
			if n < 3 || !strings.HasSuffix(lines[n-3], "-") {
				continue
			}
			checked++
			if !strings.Contains(lines[n-2], " ") {
				t.Errorf("%q at %.1f mm: the rest %q stands alone in %q", text, w, lines[n-2], lines)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no width hyphenated before the last lines: the test checks nothing")
	}
}
