package library_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestPassagesComeFromCheckedSources holds every stored source passage of the embedded
// library to the project's checked source texts (../shared/sources.md,
// ../shared/sources-2026-11.md and the seed): a passage must occur there verbatim, line
// breaks and Markdown indentation aside. It is what makes "validate passes" mean "every
// claim rests on a checked passage", not only on a passage someone typed into sources.yaml.
// Outside CI the shared folder may be absent; in CI (CI=true) it is beside the clone.
func TestPassagesComeFromCheckedSources(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	files := []string{"sources.md", "sources-2026-11.md", filepath.Join("seed", "framework-shifts.txt")}
	var corpus strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(shared, f))
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("the checked sources are missing: %v", err)
			}
			t.Skipf("checked sources not found beside the project (%v)", err)
		}
		corpus.WriteString(collapse(string(b)))
		corpus.WriteString(" \x00 ")
	}
	text := corpus.String()
	lib, _ := loadEmbedded(t)
	checked := 0
	for _, src := range lib.Items("source") {
		for _, p := range src.Passages {
			checked++
			if !strings.Contains(text, collapse(p.Text)) {
				t.Errorf("%s: source %s: passage not found in ../shared (sources.md, sources-2026-11.md, seed): %.90q",
					p.Pos, src.ID, p.Text)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no passages checked: the embedded library stores none")
	}
	t.Logf("%d passages found verbatim in the checked sources", checked)
}

// collapse joins the lines of a Markdown file as a reader would: whitespace runs become
// one space, and a line's list or quote markup ("- ", "> ") is dropped.
func collapse(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "> ")
		b.WriteString(line)
		b.WriteByte(' ')
	}
	return strings.Join(strings.FieldsFunc(b.String(), unicode.IsSpace), " ")
}
