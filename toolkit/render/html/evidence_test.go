package html

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// evidenceDoc is the English brief fixture whose first reference carries the passages
// its claims rest on; the second carries none.
func evidenceDoc(lang string) *document.Doc {
	d := fixtureDoc(document.Brief, lang)
	d.Labels["evidence_passages"] = map[string]string{"en": "What the source says", "ru": "Что говорит источник"}[lang]
	d.References[0].Passages = []string{
		"Not all migrants are trafficked, and not all who have been trafficked are sex workers.",
		"Criminalisation <only> increases exploitation & the risk of violence.",
	}
	return d
}

func TestReferenceNumbersOpenTheSupportingPassage(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, evidenceDoc("en"), Options{}); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	// The reference with passages: its anchor inside a closed <details>, the passages
	// escaped, the label in the page's language.
	want := `<li value="1">` + regexp.QuoteMeta(plain("en", fixtureRefs[0].text.en)) + `
<details class="evidence"><summary>What the source says</summary>
<div class="passages" id="ref-1"><blockquote><p>Not all migrants are trafficked, and not all who have been trafficked are sex workers.</p></blockquote><blockquote><p>Criminalisation &lt;only&gt; increases exploitation &amp; the risk of violence.</p></blockquote></div>
</details></li>`
	if !regexp.MustCompile(want).MatchString(html) {
		i := strings.Index(html, `<ol class="references">`)
		t.Fatalf("references list lacks the evidence block:\n%s", html[i:min(len(html), i+1500)])
	}
	// A reference without passages keeps its anchor on the entry.
	if !strings.Contains(html, `<li id="ref-2" value="2">`) {
		t.Errorf("reference 2 lost its anchor")
	}
	// Each anchor once, and the numbers in the text link to it.
	if n := strings.Count(html, `id="ref-1"`); n != 1 {
		t.Errorf(`id="ref-1" appears %d times`, n)
	}
	if !strings.Contains(html, `<a href="#ref-1">1</a>`) {
		t.Errorf("no reference number links to #ref-1")
	}
	// No script anywhere: the browser opens the <details> itself.
	if strings.Contains(strings.ToLower(html), "<script") {
		t.Errorf("the page has a script")
	}
	// Printed, the passages are hidden, so that the page prints as the PDF does.
	if !regexp.MustCompile(`@media print \{(?s:.*?)\.references details\.evidence, \.question details\.background \{ display: none; \}`).MatchString(html) {
		t.Errorf("print style does not hide the passages")
	}
}

// TestFollowingAReferenceOpensItsPassageInChromium opens the page at #ref-1 in headless
// Chromium, when there is one, and checks in the rendered DOM that the <details> is open.
func TestFollowingAReferenceOpensItsPassageInChromium(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no chromium on PATH")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	var buf bytes.Buffer
	if err := Render(&buf, evidenceDoc("en"), Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "brief.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--dump-dom", "file://"+page+"#ref-1").Output()
	if err != nil {
		t.Skipf("chromium did not run: %v", err)
	}
	if !regexp.MustCompile(`<details class="evidence" open="">`).Match(out) {
		t.Errorf("after following #ref-1 the passage is still closed:\n%s", grepLine(string(out), "evidence"))
	}
}

func grepLine(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return "(none)"
}

func TestAQuestionsBackgroundOpensOnDemandAndIsNotPrinted(t *testing.T) {
	d := fixtureDoc(document.Prep, "ru")
	d.Labels["background"] = "Подробнее"
	found := false
	for si := range d.Sections {
		for bi := range d.Sections[si].Blocks {
			if b := &d.Sections[si].Blocks[bi]; b.Kind == document.BlockQuestion && !found {
				b.Background = rich("ru", "Обзор 2018 года охватил 134 исследования из 33 стран.")
				found = true
			}
		}
	}
	if !found {
		t.Fatal("the prep fixture has no question")
	}
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	want := `<details class="background"><summary>Подробнее</summary><p>Обзор 2018 года охватил 134 исследования из`
	if !strings.Contains(html, want) {
		i := strings.Index(html, `class="block question"`)
		t.Fatalf("no background details; want %s in:\n%s", want, html[max(0, i):min(len(html), i+800)])
	}
	if strings.Count(html, `<details class="background">`) != 1 {
		t.Errorf("a question without background got a details block")
	}
}
