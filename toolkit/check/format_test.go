package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}

const goldenDraft = "# Пресс-релиз\n\nВчера полиция задержала нелегалов и «секс-рабынь».\n\n" +
	"Police detained eight illegal immigrants and [prostitutes](https://example.org/prostitutes).\n"

func TestFormatJSONGolden(t *testing.T) {
	fs, err := testChecker(t).Check("release.md", []byte(goldenDraft), Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := FormatJSON(&b, fs); err != nil {
		t.Fatal(err)
	}
	golden(t, "release.json", b.Bytes())
}

func TestFormatJSONCleanDraftHasEmptyList(t *testing.T) {
	var b bytes.Buffer
	if err := FormatJSON(&b, nil); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"version\": 2,\n  \"findings\": []\n}\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestFormatText(t *testing.T) {
	fs := []Finding{
		{File: "a.md", Line: 3, Column: 25, EndColumn: 34, Rule: "illegals", Match: "нелегалов",
			Message: "Человек не может быть нелегальным.", Suggestions: []string{"человек без документов", "мигранты"}},
		{File: "a.md", Line: 4, Column: 1, EndColumn: 5, Rule: "x", Match: `a "b"`},
	}
	var b bytes.Buffer
	if err := FormatText(&b, fs); err != nil {
		t.Fatal(err)
	}
	want := `a.md:3:25: illegals: "нелегалов": Человек не может быть нелегальным. (say instead: человек без документов, мигранты)
a.md:4:1: x: "a \"b\""
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
