package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/render"
)

// RenderSides writes one PDF holding one page per document: a handout for two
// communities, English on the front and Russian on the back. Every side is laid out on
// one page at the same size (the step the longest side needs); a side that does not fit
// one page is a *TooLongError. The documents must be handouts on the same paper.
func RenderSides(w io.Writer, docs []*document.Doc, opt Options) (err error) {
	if len(docs) == 0 {
		return fmt.Errorf("render pdf: no document")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render pdf: two-sided %s: %v", docs[0].Kind, r)
		}
	}()
	for _, d := range docs {
		if d == nil || d.Kind != document.Handout {
			return fmt.Errorf("render pdf: only a handout is made two-sided")
		}
		if !strings.EqualFold(d.Paper, docs[0].Paper) {
			return fmt.Errorf("render pdf: the sides of a two-sided handout are on different paper")
		}
	}
	paper, err := paperSize(docs[0].Paper)
	if err != nil {
		return err
	}
	faces := opt.Fonts
	if faces == nil {
		if faces, err = EmbeddedFaces(); err != nil {
			return err
		}
	}
	fs, err := newFaceSet(faces)
	if err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	covered, err := fs.covered()
	if err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	for _, d := range docs {
		if err := render.CheckGlyphs(d, covered); err != nil {
			return err
		}
	}
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: paper})
	p.SetAutoPageBreak(false, 0)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(opt.Created)
	p.SetModificationDate(opt.Created)
	setMeta(p, docs[0])
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
	}
	p.SetTitle(strings.Join(titles, " / "), true)

	m := newMeter(p, fs)
	var logo float64
	if len(docs[0].Masthead.Logo) > 0 {
		if logo, err = registerLogo(p, docs[0].Masthead); err != nil {
			return err
		}
	}
	pw, ph := p.GetPageSize()
	lays := make([]*lay, len(docs))
	plans := make([]plan, len(docs))
	step := opt.MinStep
	// Each side at the smallest step any side needs; then every side again at that step.
	for round := 0; round < 2; round++ {
		next := step
		for i, d := range docs {
			l := &lay{d: d, m: m, pal: newPalette(d.Brand), termsWhy: anyWhy(d), logo: logo}
			pl, err := l.fit(pw, ph, 1, step, false)
			if p.Err() {
				return fmt.Errorf("render pdf: %w", p.Error())
			}
			if err != nil {
				return err
			}
			lays[i], plans[i] = l, pl
			next = max(next, pl.step)
		}
		if next == step {
			break
		}
		step = next
	}
	for i, l := range lays {
		l.pageOffset, l.pageTotal = i, len(lays)
		l.draw(p, plans[i].pages, plans[i].geo)
		if p.Err() {
			return fmt.Errorf("render pdf: %w", p.Error())
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	if opt.Stats != nil {
		*opt.Stats = Stats{Pages: len(lays), Step: step, BodySize: lays[0].mt.body}
	}
	_, err = w.Write(buf.Bytes())
	return err
}
