package e2e

import (
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// Typographic floors every document must keep (issue 12, design review fix 1 and 6).
const (
	minMainSize = 9.5 // pt, the size most of the text is set in
	minAnySize  = 7.5 // pt, the smallest text on the page, footers and sources included
	maxLineLen  = 90  // characters on a line of running text
)

// noteMax is the largest size of notes: sources, footers, labels.
const noteMax = 8.0

// notoHeight is the height of a word's box in pdftotext -bbox, in units of the font
// size: poppler sets a word from the font's ascent to its descent, 1.069 + 0.293 em for
// every Noto face presskit embeds.
const notoHeight = 1.362

// measure is what the measurement test reads from one PDF.
type measure struct {
	doc, lang, paper string
	pages            int
	main, smallest   float64 // pt
	longest          int     // characters on the longest running-text line
	longestText      string
}

// bboxDoc is pdftotext -bbox-layout's XHTML.
type bboxDoc struct {
	Pages []struct {
		Flows []struct {
			Blocks []struct {
				Lines []struct {
					Words []struct {
						YMin float64 `xml:"yMin,attr"`
						YMax float64 `xml:"yMax,attr"`
						Text string  `xml:",chardata"`
					} `xml:"word"`
				} `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

// measurePDF reads the type sizes and line lengths of a PDF with pdftotext -bbox-layout.
func measurePDF(t *testing.T, pdftotext, path string) measure {
	t.Helper()
	out, err := exec.Command(pdftotext, "-bbox-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout %s: %v", path, err)
	}
	var d bboxDoc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatalf("reading pdftotext -bbox-layout of %s: %v", path, err)
	}
	type line struct {
		text  string
		size  float64 // the size most of its characters are set in
		chars int
	}
	var lines []line
	chars := map[float64]int{}
	m := measure{pages: len(d.Pages), smallest: math.Inf(1)}
	for _, p := range d.Pages {
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					var ws []string
					per := map[float64]int{}
					for _, w := range l.Words {
						size := math.Round((w.YMax-w.YMin)/notoHeight*10) / 10
						n := utf8.RuneCountInString(w.Text)
						chars[size] += n
						per[size] += n
						m.smallest = min(m.smallest, size)
						ws = append(ws, w.Text)
					}
					text := strings.Join(ws, " ")
					lines = append(lines, line{text: text, size: mode(per), chars: utf8.RuneCountInString(text)})
				}
			}
		}
	}
	// The main text is the size most characters of the reading text are set in; notes
	// (sources, footers, labels, at most 8 pt) are left out of that count, or a long
	// list of sources would count as the main text. They still count for the smallest.
	text := map[float64]int{}
	for size, n := range chars {
		if size > noteMax {
			text[size] = n
		}
	}
	m.main = mode(text)
	for _, l := range lines {
		// Running text: lines set at the main size or larger (not footers and sources).
		if l.size >= m.main-0.3 && l.chars > m.longest {
			m.longest, m.longestText = l.chars, l.text
		}
	}
	return m
}

// mode is the key with the largest count; on a tie, the larger key.
func mode(counts map[float64]int) float64 {
	best, n := 0.0, -1
	for k, c := range counts {
		if c > n || c == n && k > best {
			best, n = k, c
		}
	}
	return best
}

// TestTypeMeasurements makes every document in both languages on A4 and Letter with an
// organisation, contacts and a logo, reads each PDF's type sizes and line lengths, and
// fails when Russian is set smaller than English, the main text is under 9.5 pt, any
// text is under 7.5 pt, or a running-text line is longer than 90 characters. Run it with
// -v for the table.
func TestTypeMeasurements(t *testing.T) {
	t.Parallel()
	pdftotext := tool(t, "pdftotext")
	work := t.TempDir()
	writeWorkspace(t, work)
	out := t.TempDir()
	env := map[string]string{"SOURCE_DATE_EPOCH": epoch}
	docs := []string{"handout", "brief", "prep"}
	for _, paper := range []string{"a4", "letter"} {
		for _, kind := range docs {
			args := []string{kind, "--lang", "en,ru", "--format", "pdf", "--paper", paper, "-o", filepath.Join(out, paper)}
			if r := runPresskit(t, invocation{args: args, dir: work, env: env}); r.code != 0 {
				t.Errorf("presskit %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
			}
		}
	}
	ms := map[string]measure{}
	var keys []string
	for _, paper := range []string{"a4", "letter"} {
		for _, kind := range docs {
			for _, lang := range []string{"en", "ru"} {
				path := filepath.Join(out, paper, kind+"-"+lang+".pdf")
				if _, err := os.Stat(path); err != nil {
					continue // not made: already an error
				}
				m := measurePDF(t, pdftotext, path)
				m.doc, m.lang, m.paper = kind, lang, paper
				k := kind + "/" + paper + "/" + lang
				ms[k] = m
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-8s %-6s %-4s %5s %7s %8s %7s\n", "doc", "paper", "lang", "pages", "main", "smallest", "longest")
	for _, k := range keys {
		m := ms[k]
		fmt.Fprintf(&table, "%-8s %-6s %-4s %5d %6.1fpt %7.1fpt %7d\n", m.doc, m.paper, m.lang, m.pages, m.main, m.smallest, m.longest)
	}
	t.Log(table.String())
	for _, k := range keys {
		m := ms[k]
		where := fmt.Sprintf("%s %s %s", m.doc, m.lang, m.paper)
		if m.main < minMainSize {
			t.Errorf("%s: main text %.1f pt, want at least %.1f pt", where, m.main, minMainSize)
		}
		if m.smallest < minAnySize {
			t.Errorf("%s: smallest text %.1f pt, want at least %.1f pt", where, m.smallest, minAnySize)
		}
		if m.longest > maxLineLen {
			t.Errorf("%s: a line of %d characters, want at most %d: %q", where, m.longest, maxLineLen, m.longestText)
		}
		if m.lang == "ru" {
			en := ms[m.doc+"/"+m.paper+"/en"]
			if m.main < en.main-0.05 {
				t.Errorf("%s: Russian main text %.1f pt is smaller than English %.1f pt", where, m.main, en.main)
			}
			if m.smallest < en.smallest-0.05 {
				t.Errorf("%s: Russian smallest text %.1f pt is smaller than English %.1f pt", where, m.smallest, en.smallest)
			}
		}
	}
}
