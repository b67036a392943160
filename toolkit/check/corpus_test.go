package check

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/library"
)

// The check corpus (testdata/check-corpus/*.tsv) holds news-style lines written for this
// test, each labelled with the findings a careful editor expects: term ids, ":en"/":ru" when
// the word is in the other language, "!m" for a mention. The lines marked "dev" are the ones
// rules may be tuned on; "held" lines are only measured.
//
// A finding counts as correct when the line expects its term, language and kind (use or
// mention); precision and recall are counted over (line, term, language, kind).

const corpusGoal = 0.95

type corpusLine struct {
	file, split, text string
	line              int
	want              []string
}

func readCorpus(t *testing.T, lang string) []corpusLine {
	t.Helper()
	name := filepath.Join("..", "..", "testdata", "check-corpus", lang+".tsv")
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		parts := strings.SplitN(l, "\t", 3)
		if len(parts) != 3 || (parts[0] != "dev" && parts[0] != "held" && parts[0] != "blind") {
			t.Fatalf("%s:%d: want split<TAB>labels<TAB>text", name, n)
		}
		cl := corpusLine{file: name, line: n, split: parts[0], text: parts[2]}
		if parts[1] != "-" {
			for _, lab := range strings.Split(parts[1], ",") {
				cl.want = append(cl.want, normLabel(strings.TrimSpace(lab), lang))
			}
		}
		out = append(out, cl)
	}
	return out
}

// normLabel writes a label as "id:lang" or "id:lang!m".
func normLabel(lab, lang string) string {
	mention := strings.HasSuffix(lab, "!m")
	lab = strings.TrimSuffix(lab, "!m")
	if !strings.Contains(lab, ":") {
		lab += ":" + lang
	}
	if mention {
		lab += "!m"
	}
	return lab
}

func curatedChecker(t testing.TB) *Checker {
	t.Helper()
	lib, probs := library.Load([]library.Source{{FS: os.DirFS("../../content"), Name: "content"}},
		library.Options{Languages: langs})
	if len(probs) > 0 {
		t.Fatalf("content: %v", probs)
	}
	c, err := Compile(lib.Items(library.KindTerm), langs)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type score struct{ tp, fp, fn int }

func (s score) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s score) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

// TestCorpus measures precision and recall per language of the matched word, on the dev
// lines (which must reach corpusGoal) and on the held-back lines (printed, and required
// only with PRESSKIT_CORPUS_HELD=1, once rules are final).
func TestCorpus(t *testing.T) {
	c := curatedChecker(t)
	scores := map[string]*score{} // split/lang
	for _, file := range []string{"en", "ru"} {
		for _, cl := range readCorpus(t, file) {
			fs, err := c.Check("corpus", []byte(cl.text), Options{Markdown: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				lab := f.Rule + ":" + f.Lang
				if f.Mention {
					lab += "!m"
				}
				if !slices.Contains(got, lab) {
					got = append(got, lab)
				}
			}
			for _, lang := range langs {
				key := cl.split + "/" + lang
				if scores[key] == nil {
					scores[key] = &score{}
				}
				sc := scores[key]
				for _, g := range got {
					if labelLang(g) != lang {
						continue
					}
					if slices.Contains(cl.want, g) {
						sc.tp++
					} else {
						sc.fp++
						if (cl.split == "dev" || os.Getenv("PRESSKIT_CORPUS_HELD") == "1") && testing.Verbose() {
							t.Logf("%s:%d: false %s: %s", cl.file, cl.line, g, cl.text)
						}
					}
				}
				for _, w := range cl.want {
					if labelLang(w) == lang && !slices.Contains(got, w) {
						sc.fn++
						if (cl.split == "dev" || os.Getenv("PRESSKIT_CORPUS_HELD") == "1") && testing.Verbose() {
							t.Logf("%s:%d: missed %s: %s", cl.file, cl.line, w, cl.text)
						}
					}
				}
			}
		}
	}
	held := os.Getenv("PRESSKIT_CORPUS_HELD") == "1"
	for _, split := range []string{"dev", "held", "blind"} {
		if split != "dev" && !held {
			continue
		}
		for _, lang := range langs {
			sc := scores[split+"/"+lang]
			msg := fmt.Sprintf("%-4s %s: precision %.3f recall %.3f (tp %d, fp %d, fn %d)",
				split, lang, sc.precision(), sc.recall(), sc.tp, sc.fp, sc.fn)
			fmt.Println("corpus", msg)
			if (split == "dev" || held) && (sc.precision() < corpusGoal || sc.recall() < corpusGoal) {
				t.Errorf("%s: below %.2f", msg, corpusGoal)
			}
		}
	}
}

func labelLang(lab string) string {
	lab = strings.TrimSuffix(lab, "!m")
	return lab[strings.LastIndex(lab, ":")+1:]
}
