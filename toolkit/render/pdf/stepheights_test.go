package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/library"
)

// fitCorpus is the library's documents as the fit loop meets them: the handout and the
// brief at every lean, handouts of two to seven myths and the prep sheet, in both
// languages, on both papers.
func fitCorpus(t *testing.T) []*document.Doc {
	t.Helper()
	var docs []*document.Doc
	lib, _ := corpus()
	for _, lang := range []string{"en", "ru"} {
		for _, paper := range []string{"a4", "letter"} {
			for lean := 0; lean <= document.MaxLean; lean++ {
				opt := document.Options{Paper: paper, Config: testConfig(), Date: created, Lean: lean}
				h, err := document.BuildHandout(lib, loc(t, lang), opt)
				if err != nil {
					t.Fatal(err)
				}
				b, err := document.BuildBrief(lib, loc(t, lang), opt)
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, h, b)
			}
			for n := 2; n <= 7; n++ {
				docs = append(docs, selectedDoc(t, document.Handout, lang, paper, library.Selection{IDs: mythIDs(t, n)}))
			}
			docs = append(docs, realDoc(t, document.Prep, lang, paper))
		}
	}
	return docs
}

// layOf is a layout of d, ready for plan and fit, and its page size.
func layOf(t testing.TB, d *document.Doc) (l *lay, pw, ph float64) {
	t.Helper()
	faces, err := EmbeddedFaces()
	if err != nil {
		t.Fatal(err)
	}
	fs, err := newFaceSet(faces)
	if err != nil {
		t.Fatal(err)
	}
	paper, _ := paperSize(d.Paper)
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: paper})
	l = &lay{d: d, m: newMeter(p, fs), pal: newPalette(d.Brand), termsWhy: anyWhy(d)}
	pw, ph = p.GetPageSize()
	return l, pw, ph
}

func maxPagesOf(d *document.Doc) int {
	if d.Kind == document.Brief {
		return 2
	}
	return 1
}

// TestStepHeights checks steps[].height, the fit loop's guess of how much taller a
// document is at each step than at the last, against the library's documents. A guess
// off by a step costs one more layout, never a different document, but a table far off
// costs several; single documents differ from the mean by up to 9%. Re-measure the
// table when the steps or the styles change: go test -run StepHeights -v prints the
// mean ratios.
func TestStepHeights(t *testing.T) {
	last := len(steps) - 1
	docs := fitCorpus(t)
	sum := make([]float64, len(steps))
	worst := 0.0
	for _, d := range docs {
		l, pw, ph := layOf(t, d)
		var hs []float64
		for s := range steps {
			all, _ := paginate(l.plan(s, pw, ph).its, math.Inf(1), math.Inf(1))
			hs = append(hs, all[0].used)
		}
		for s := range steps {
			r := hs[s] / hs[last]
			sum[s] += r
			off := math.Abs(r/steps[s].height - 1)
			worst = max(worst, off)
			if off > 0.10 {
				t.Errorf("%s %s (%s): %.3f times as tall at step %d as at the last; steps[%d].height says %.3f",
					d.Kind, d.Lang, d.Paper, r, s, s, steps[s].height)
			}
		}
	}
	var mean []string
	for s := range steps {
		mean = append(mean, fmt.Sprintf("%.3f", sum[s]/float64(len(docs))))
	}
	t.Logf("%d documents; mean height ratio by step %v; the table is at most %.1f%% off", len(docs), mean, 100*worst)
}

// TestSearchFindsTheLargestStep: whatever the guess, the search settles on the step
// that laying the document out at every step finds (the largest size that fits, no
// larger than minStep), with suggestions and without, and it lays a document out at
// most four times to do so.
func TestSearchFindsTheLargestStep(t *testing.T) {
	last := len(steps) - 1
	plans, searches := 0, 0
	for _, d := range fitCorpus(t) {
		maxPages := maxPagesOf(d)
		l, pw, ph := layOf(t, d)
		fits := make([]bool, len(steps))
		for s := range steps {
			fits[s] = l.plan(s, pw, ph).fits(maxPages)
		}
		for minStep := 0; minStep <= last; minStep++ {
			want := -1
			for s := minStep; s <= last; s++ {
				if fits[s] {
					want = s
					break
				}
			}
			for _, probe := range []bool{false, true} {
				l.noSuggest, l.plans = probe, 0
				pl, ok := l.search(pw, ph, maxPages, minStep)
				got := pl.step
				if !ok {
					got = -1
				}
				if got != want {
					t.Errorf("%s %s (%s) from step %d, probe %v: step %d, want %d", d.Kind, d.Lang, d.Paper, minStep, probe, got, want)
				}
				if l.plans > 4 {
					t.Errorf("%s %s (%s) from step %d, probe %v: %d layouts", d.Kind, d.Lang, d.Paper, minStep, probe, l.plans)
				}
				plans += l.plans
				searches++
			}
		}
	}
	t.Logf("%d searches, %.2f layouts each", searches, float64(plans)/float64(searches))
}

// TestKnownBack: a document known to need its back page is laid out in the same bytes
// with Options.KnownBack, in fewer layouts.
func TestKnownBack(t *testing.T) {
	// The longest handout of repeated myths that still fits with its sources on the back.
	var d *document.Doc
	var first Stats
	for n := 3; n < 12; n++ {
		var st Stats
		c := longHandout(t, n)
		if err := Render(io.Discard, c, Options{Created: created, Back: true, Stats: &st}); err != nil {
			break
		}
		d, first = c, st
	}
	if d == nil || !first.Back {
		t.Fatalf("no handout of repeated myths needs the back page: %+v", first)
	}
	for minStep := first.Step; minStep < len(steps); minStep++ {
		plain, err := Layout(d, Options{Created: created, Back: true, MinStep: minStep})
		if err != nil {
			t.Fatal(err)
		}
		known, err := Layout(d, Options{Created: created, Back: true, MinStep: minStep, KnownBack: true})
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if _, err := plain.WriteTo(&a); err != nil {
			t.Fatal(err)
		}
		if _, err := known.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || plain.Stats() != known.Stats() {
			t.Errorf("from step %d: %+v in %d bytes; with KnownBack %+v in %d bytes", minStep, plain.Stats(), a.Len(), known.Stats(), b.Len())
		}
		if known.l.plans >= plain.l.plans {
			t.Errorf("from step %d: %d layouts with KnownBack, %d without", minStep, known.l.plans, plain.l.plans)
		}
	}
}

// TestLaidIsDrawnOnce: a layout is drawn by its first WriteTo; a second is an error
// that writes nothing.
func TestLaidIsDrawnOnce(t *testing.T) {
	x, err := Layout(realDoc(t, document.Handout, "ru", "a4"), Options{Created: created})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if n, err := x.WriteTo(&a); err != nil || n != int64(a.Len()) || !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Fatalf("first WriteTo: %d bytes, %v", n, err)
	}
	if n, err := x.WriteTo(&b); err == nil || n != 0 || b.Len() != 0 {
		t.Errorf("second WriteTo: %d bytes, %v", n, err)
	}
}
