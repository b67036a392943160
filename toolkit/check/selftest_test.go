package check

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presskit/presskit/toolkit/library"
)

func loadTerms(t *testing.T, yaml string) *library.Library {
	t.Helper()
	fsys := fstest.MapFS{"terms.yaml": {Data: []byte(yaml)}}
	lib, probs := library.Load([]library.Source{{FS: fsys, Name: "lib"}}, library.Options{Languages: langs})
	if len(probs) > 0 {
		t.Fatalf("load: %v", probs)
	}
	return lib
}

func TestSelfTestPassesGoodTerms(t *testing.T) {
	if ps := SelfTest(loadTerms(t, testTerms), nil); len(ps) > 0 {
		t.Fatalf("problems:\n%v", ps)
	}
}

func TestSelfTestReportsBrokenTerms(t *testing.T) {
	const broken = `terms:
  - id: slur
    en:
      avoid: [slur]
      say: [worker]
      why: Because.
      examples: ["Nothing to see here.", "Slurs everywhere."]
    ru:
      avoid: ["—", "«»"]
      say: [работник]
      why: Потому что.
      examples: ["Пример."]
  - id: worker
    en:
      avoid: [worker, "bad, phrase"]
      say: [person]
      why: Because.
      examples: ["A worker."]
    ru:
      avoid: [работник]
      say: [человек]
      why: Потому что.
      examples: ["Работники."]
`
	ps := SelfTest(loadTerms(t, broken), nil)
	want := []string{
		`lib/terms.yaml:5:12: slur [en]: say phrase "worker" is itself flagged as worker ("worker"): reword it, or narrow that term's avoid list`,
		`lib/terms.yaml:7:17: slur [en]: example does not trigger the term: "Nothing to see here."; fix the example (its needs:, cues: and except: apply), or add the inflected word to forms:`,
		`lib/terms.yaml:9:14: slur [ru]: this term can never match: no avoided phrase ("—", "«»") is found even in its own text; write each as words separated by spaces or a hyphen`,
		`lib/terms.yaml:10:12: slur [ru]: say phrase "работник" is itself flagged as worker ("работник"): reword it, or narrow that term's avoid list`,
		`lib/terms.yaml:12:17: slur [ru]: example does not trigger the term: "Пример."; fix the example (its needs:, cues: and except: apply), or add the inflected word to forms:`,
		`lib/terms.yaml:15:14: worker [en]: avoided phrase "bad, phrase" can never match: write it as words separated by spaces or a hyphen`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range ps {
		if p.ID == "" || p.Lang == "" {
			t.Errorf("problem without id or language: %v", p)
		}
	}
}

// TestSelfTestCuratedTerms runs the self-test on the curated library's terms.
func TestSelfTestCuratedTerms(t *testing.T) {
	if _, err := os.Stat("../../content/terms.yaml"); err != nil {
		t.Skip("no content/terms.yaml")
	}
	// Only the terms and the sources they cite: the other files are not this test's.
	fsys := os.DirFS("../../content")
	files := fstest.MapFS{}
	for _, name := range []string{"terms.yaml", "sources.yaml"} {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	lib, probs := library.Load([]library.Source{{FS: files, Name: "content"}}, library.Options{Languages: langs})
	if len(probs) > 0 {
		t.Fatalf("load: %v", probs)
	}
	if n := len(lib.Items(library.KindTerm)); n == 0 {
		t.Fatal("no terms in content/terms.yaml")
	}
	if ps := SelfTest(lib, langs); len(ps) > 0 {
		t.Errorf("curated terms fail their self-test:\n%v", ps)
	}
}
