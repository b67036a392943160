package pdf

import (
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

// testLay is a layout on A4 or Letter at a step, for tests of the layout code.
func testLay(t testing.TB, paper string, step int) (*lay, func()) {
	t.Helper()
	l, pw, _ := layOf(t, &document.Doc{Kind: document.Brief, Lang: "ru", Paper: paper})
	l.mt = metricsAt(step)
	l.w = pw - 2*l.mt.margin
	return l, func() {
		if l.m.pdf.Err() {
			t.Error(l.m.pdf.Error())
		}
	}
}

func boxOf(h float64) box { return box{h: h} }

func TestPaginationKeepsHeadingsWithTheirFirstBlockAndNeverSplitsABlock(t *testing.T) {
	tests := []struct {
		name  string
		its   []item
		pages [][]float64 // heights of the items on each page
	}{
		{
			name:  "everything fits",
			its:   []item{{b: boxOf(30)}, {b: boxOf(20), gap: 5, keep: true}, {b: boxOf(40)}},
			pages: [][]float64{{30, 20, 40}},
		},
		{
			name: "a heading at the foot goes over with its block",
			its: []item{{b: boxOf(80)}, {b: boxOf(10), gap: 5, keep: true}, {b: boxOf(30)},
				{b: boxOf(5)}},
			pages: [][]float64{{80}, {10, 30, 5}},
		},
		{
			name:  "a block that does not fit goes whole to the next page",
			its:   []item{{b: boxOf(60)}, {b: boxOf(50), gap: 5}},
			pages: [][]float64{{60}, {50}},
		},
		{
			name:  "the gap above an item is dropped at the top of a page",
			its:   []item{{b: boxOf(95)}, {b: boxOf(100), gap: 5}},
			pages: [][]float64{{95}, {100}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, over := paginate(tt.its, 100, 100)
			if over != 0 {
				t.Errorf("over = %v", over)
			}
			if len(pages) != len(tt.pages) {
				t.Fatalf("%d pages, want %d", len(pages), len(tt.pages))
			}
			for i, pg := range pages {
				var hs []float64
				for _, p := range pg.items {
					hs = append(hs, p.b.h)
					if p.y+p.b.h > 100 {
						t.Errorf("page %d: item at %.0f+%.0f passes the foot", i+1, p.y, p.b.h)
					}
				}
				if len(hs) != len(tt.pages[i]) {
					t.Fatalf("page %d: heights %v, want %v", i+1, hs, tt.pages[i])
				}
				for j := range hs {
					if hs[j] != tt.pages[i][j] {
						t.Errorf("page %d: heights %v, want %v", i+1, hs, tt.pages[i])
					}
				}
				if i > 0 && pg.items[0].y != 0 {
					t.Errorf("page %d starts at %.1f", i+1, pg.items[0].y)
				}
			}
		})
	}
}

func TestTableHeaderRepeatsWhenASectionContinuesOnANewPage(t *testing.T) {
	hdr := boxOf(6)
	its := []item{{b: boxOf(50)}, {b: boxOf(10), keep: true}, {b: boxOf(25)}, {b: boxOf(25), cont: &hdr}, {b: boxOf(25), cont: &hdr}}
	pages, _ := paginate(its, 100, 100)
	if len(pages) != 2 || pages[1].items[0].b != &hdr || pages[1].items[1].y != hdr.h {
		t.Fatalf("page 2 does not start with the table header: %+v", pages)
	}
}

func TestLongAddressesAreCutToTheLine(t *testing.T) {
	l, done := testLay(t, "a4", 0)
	defer done()
	st := style{size: 7, colour: l.pal.brand, link: "https://example.org"}
	u := "www.lawyersdaily.ca/articles/18322/ontario-s-anti-human-trafficking-initiative-eleni-lam-anne-margaret-deck-sandra-ka-hon-chu"
	width := 60.0
	lines := l.breakLines(l.words(para{runs: []run{{text: "See " + u, st: st}}, size: 7}), width)
	if len(lines) < 3 {
		t.Fatalf("%d lines", len(lines))
	}
	var joined string
	for n, ln := range lines {
		w := 0.0
		for i, wd := range ln {
			if i == 0 && n > 0 && !wd.glue {
				joined += " "
			}
			if i > 0 && !wd.glue {
				w += wd.space
				joined += " "
			}
			w += wd.w
			for _, f := range wd.frags {
				joined += f.text
			}
		}
		if w > width+0.01 {
			t.Errorf("line of %.1f mm in %.0f", w, width)
		}
	}
	if joined != "See "+u {
		t.Errorf("text changed: %q", joined)
	}
}

// TestWordsFragmentsAndAllocations: words keeps styles apart, joins runs of one style,
// binds a number to the next word with a no-break space (in the style of the space), drops invisible characters,
// and makes a paragraph's words in a few allocations, not several per word.
func TestWordsFragmentsAndAllocations(t *testing.T) {
	l, done := testLay(t, "a4", 0)
	defer done()
	plainSt, bold := style{size: 10}, style{size: 10, bold: true}
	p := para{size: 10, runs: []run{
		{text: "В 2019 году служба", st: plainSt},
		{text: " вы", st: plainSt},
		{text: "явила\u00ad 66", st: bold},
		{text: " мигрантов\u200bв секс-работе.", st: plainSt},
	}}
	var got []string
	for _, w := range l.words(p) {
		s := ""
		for i, f := range w.frags {
			if i > 0 {
				s += "|"
			}
			if f.st.bold {
				s += "*"
			}
			s += f.text
			if f.w != l.m.width(f.st, f.text) {
				t.Errorf("%q measured %.3f, want %.3f", f.text, f.w, l.m.width(f.st, f.text))
			}
		}
		if w.glue {
			s = "+" + s
		}
		got = append(got, s)
	}
	want := []string{"В", "2019\u00a0году", "служба", "вы|*явила", "*66|\u00a0мигрантов", "+в", "секс-работе."}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("words %q, want %q", got, want)
	}
	long := para{size: 10, runs: []run{{text: strings.Repeat("Элен Лам из Butterfly рассказала парламенту Канады, что полиция вызвала пограничников. ", 10), st: plainSt}}}
	if n := testing.AllocsPerRun(20, func() { l.words(long) }); n > 4 {
		t.Errorf("words of a 110-word paragraph: %.0f allocations, want at most 4", n)
	}
}
