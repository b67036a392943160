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
		{File: "a.md", Line: 3, Column: 25, EndColumn: 34, Rule: "illegals", Match: "нелегалов", Lang: "ru",
			Severity: SeverityAvoid, Message: "Человек не может быть нелегальным.", Suggestions: []string{"людей без документов", "мигрантов"}},
		{File: "a.md", Line: 4, Column: 1, EndColumn: 9, Rule: "illegals", Match: "нелегалы", Lang: "ru",
			Severity: SeverityAvoid, Message: "Человек не может быть нелегальным.", Suggestions: []string{"люди без документов"}},
		{File: "a.md", Line: 5, Column: 1, EndColumn: 7, Rule: "rescue", Match: "rescue", Lang: "en",
			Severity: SeverityContext, Mention: true, Message: "Attribute it."},
	}
	var b bytes.Buffer
	if err := FormatText(&b, fs, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `a.md:3:25: error illegals: «нелегалов» → say: людей без документов, мигрантов
    Человек не может быть нелегальным.
a.md:4:1: error illegals: «нелегалы» → say: люди без документов
a.md:5:1: mention rescue: “rescue”
    Attribute it.
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := FormatText(&b, fs[:1], TextOptions{Quiet: true, Color: true}); err != nil {
		t.Fatal(err)
	}
	if want := "a.md:3:25: \x1b[31m\x1b[1merror\x1b[0m \x1b[1millegals\x1b[0m: «нелегалов» → say: людей без документов, мигрантов\n"; b.String() != want {
		t.Errorf("quiet, colour: got %q", b.String())
	}
	b.Reset()
	if err := FormatSummary(&b, Summarise(fs, 2), false); err != nil {
		t.Fatal(err)
	}
	want = "2 findings in 1 file (2 errors); 1 mention (quoted or named, not counted); 2 mentions not shown (--mentions shows them)\n  illegals   2\n"
	if b.String() != want {
		t.Errorf("summary: got %q, want %q", b.String(), want)
	}
}

func TestFormatGitHubAndSARIF(t *testing.T) {
	fs := []Finding{{File: "dir/a b.md", Line: 3, Column: 2, EndColumn: 9, Rule: "rescue", Match: "rescued", Lang: "en",
		Severity: SeverityContext, Message: "Say what police did, 100%.", Suggestions: []string{"police raid"}}}
	var b bytes.Buffer
	if err := FormatGitHub(&b, fs); err != nil {
		t.Fatal(err)
	}
	if want := "::notice file=dir/a b.md,line=3,col=2,endColumn=9,title=presskit rescue::“rescued”: Say what police did, 100%25. Say: police raid.\n"; b.String() != want {
		t.Errorf("github: got %q", b.String())
	}
	b.Reset()
	if err := FormatSARIF(&b, fs, "1.0"); err != nil {
		t.Fatal(err)
	}
	golden(t, "release.sarif", b.Bytes())
}
