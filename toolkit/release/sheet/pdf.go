package sheet

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/presskit/presskit/fonts"
)

// page geometry in millimetres.
const (
	margin   = 20.0
	bodySize = 11.0
	lineH    = 5.6
)

// RenderPDF writes s as a PDF to w. Nothing is written when drawing fails.
func RenderPDF(w io.Writer, s *Sheet) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render pdf: %s [%s]: %v", s.Kind, s.Lang, r)
		}
	}()
	size := "A4"
	if strings.EqualFold(s.Paper, "letter") {
		size = "Letter"
	}
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, margin+4)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(s.Created)
	p.SetModificationDate(s.Created)
	p.SetTitle(s.Title, true)
	p.SetSubject(s.Subject, true)
	p.SetAuthor(s.Author, true)
	p.SetCreator("presskit", true)
	p.SetLang(s.Lang)
	for _, f := range fonts.Faces() {
		data, err := f.Data()
		if err != nil {
			return err
		}
		p.AddUTF8FontFromBytes(f.Family, f.Style, data)
	}
	p.AliasNbPages("{nb}")
	r, g, b := rgb(s.Brand)
	pageOf := s.Label("page_of")
	p.SetFooterFunc(func() {
		p.SetY(-margin + 2)
		p.SetFont(fonts.Sans, "", 8)
		p.SetTextColor(90, 90, 90)
		txt := strings.NewReplacer("{n}", strconv.Itoa(p.PageNo()), "{total}", "{nb}").Replace(pageOf)
		p.CellFormat(0, 4, txt, "", 0, "R", false, 0, "")
		p.SetTextColor(0, 0, 0)
	})
	p.AddPage()
	d := &drawer{p: p, r: r, g: g, b: b}
	d.masthead(s)
	for _, bl := range s.Blocks {
		d.block(bl)
	}
	if p.Err() {
		return fmt.Errorf("render pdf: %s [%s]: %w", s.Kind, s.Lang, p.Error())
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return fmt.Errorf("render pdf: %s [%s]: %w", s.Kind, s.Lang, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

type drawer struct {
	p       *fpdf.Fpdf
	r, g, b int
	images  int
}

func (d *drawer) masthead(s *Sheet) {
	p := d.p
	pw, _ := p.GetPageSize()
	y := p.GetY()
	if len(s.Logo) > 0 {
		d.images++
		name := fmt.Sprintf("img%d", d.images)
		info := p.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: s.LogoType, ReadDpi: false}, bytes.NewReader(s.Logo))
		if info != nil {
			h := 12.0
			w := h * info.Width() / info.Height()
			if w > 50 {
				w, h = 50, 50*info.Height()/info.Width()
			}
			p.ImageOptions(name, margin, y, w, h, false, fpdf.ImageOptions{ImageType: s.LogoType}, 0, "")
		}
	}
	p.SetFont(fonts.Sans, "B", 10)
	p.SetTextColor(d.r, d.g, d.b)
	p.SetXY(pw/2, y)
	p.CellFormat(pw/2-margin, 5, s.Org, "", 2, "R", false, 0, "")
	if s.OrgURL != "" {
		p.SetFont(fonts.Sans, "", 8.5)
		p.SetTextColor(70, 70, 70)
		p.SetX(pw / 2)
		p.CellFormat(pw/2-margin, 4.5, s.OrgURL, "", 2, "R", false, 0, s.OrgURL)
	}
	p.SetTextColor(0, 0, 0)
	p.SetY(y + 15)
	p.SetDrawColor(d.r, d.g, d.b)
	p.SetLineWidth(0.6)
	p.Line(margin, p.GetY(), pw-margin, p.GetY())
	p.SetY(p.GetY() + 6)
}

func (d *drawer) block(bl Block) {
	p := d.p
	pw, _ := p.GetPageSize()
	switch bl.Kind {
	case ReleaseLine:
		p.SetFont(fonts.Sans, "B", 10)
		p.SetTextColor(d.r, d.g, d.b)
		p.MultiCell(0, 5, PlainText(bl.Text), "", "L", false)
		p.SetTextColor(0, 0, 0)
		p.Ln(3)
	case Headline:
		p.SetFont(fonts.Serif, "B", 20)
		p.MultiCell(0, 8.5, PlainText(bl.Text), "", "L", false)
		p.Ln(2)
	case Subhead:
		p.SetFont(fonts.Serif, "I", 13)
		p.SetTextColor(60, 60, 60)
		p.MultiCell(0, 6.2, PlainText(bl.Text), "", "L", false)
		p.SetTextColor(0, 0, 0)
		p.Ln(3)
	case Heading:
		d.keep(18)
		p.Ln(2)
		p.SetFont(fonts.Sans, "B", 11.5)
		p.SetTextColor(d.r, d.g, d.b)
		p.MultiCell(0, 6, PlainText(bl.Text), "", "L", false)
		p.SetTextColor(0, 0, 0)
		p.Ln(1)
	case Para:
		if bl.Lead != "" {
			p.SetFont(fonts.Serif, "B", bodySize)
			p.Write(lineH, bl.Lead+" ")
		}
		d.spans(bl.Text, fonts.Serif, bodySize)
		p.Ln(lineH + 2.5)
	case Small:
		d.spans(bl.Text, fonts.Sans, 9)
		p.Ln(4.6 + 2)
	case List:
		for _, it := range bl.Items {
			p.SetFont(fonts.Serif, "", bodySize)
			p.SetX(margin + 1)
			p.Write(lineH, "•")
			p.SetLeftMargin(margin + 6)
			p.SetX(margin + 6)
			d.spans(it, fonts.Serif, bodySize)
			p.SetLeftMargin(margin)
			p.Ln(lineH + 1)
		}
		p.Ln(1.5)
	case Quote:
		d.keep(20)
		y0, page := p.GetY(), p.PageNo()
		p.SetLeftMargin(margin + 7)
		p.SetX(margin + 7)
		d.spans(bl.Text, fonts.Serif, bodySize+0.5)
		p.Ln(lineH + 1)
		if bl.Attribution != "" {
			p.SetFont(fonts.Sans, "", 9.5)
			p.SetTextColor(60, 60, 60)
			p.MultiCell(0, 4.8, bl.Attribution, "", "L", false)
			p.SetTextColor(0, 0, 0)
		}
		p.SetLeftMargin(margin)
		if p.PageNo() == page {
			p.SetDrawColor(d.r, d.g, d.b)
			p.SetLineWidth(1)
			p.Line(margin+2, y0+0.5, margin+2, p.GetY()-0.5)
		}
		p.Ln(4)
	case Person:
		d.person(bl, pw)
	case EndMark:
		p.Ln(3)
		p.SetFont(fonts.Sans, "B", 11)
		p.CellFormat(0, 6, PlainText(bl.Text), "", 1, "C", false, 0, "")
	}
}

// keep starts a new page when less than h millimetres are left, so a heading or a quote
// does not begin at the foot of a page.
func (d *drawer) keep(h float64) {
	_, ph := d.p.GetPageSize()
	if d.p.GetY()+h > ph-margin-4 {
		d.p.AddPage()
	}
}

func (d *drawer) person(bl Block, pw float64) {
	p := d.p
	d.keep(40)
	y0 := p.GetY()
	left := margin
	photoBottom := y0
	if len(bl.Photo) > 0 {
		d.images++
		name := fmt.Sprintf("img%d", d.images)
		info := p.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: bl.PhotoType}, bytes.NewReader(bl.Photo))
		if info != nil {
			w := 28.0
			h := w * info.Height() / info.Width()
			if h > 36 {
				h, w = 36, 36*info.Width()/info.Height()
			}
			p.ImageOptions(name, margin, y0, w, h, false, fpdf.ImageOptions{ImageType: bl.PhotoType}, 0, "")
			left = margin + 34
			photoBottom = y0 + h
		}
	}
	p.SetLeftMargin(left)
	p.SetXY(left, y0)
	p.SetFont(fonts.Serif, "B", 14)
	p.MultiCell(0, 6.5, bl.Name, "", "L", false)
	p.SetFont(fonts.Sans, "", 9.5)
	p.SetTextColor(60, 60, 60)
	for _, m := range bl.Meta {
		p.MultiCell(0, 4.8, m, "", "L", false)
	}
	p.SetTextColor(0, 0, 0)
	p.Ln(1.5)
	if len(bl.Text) > 0 {
		d.spans(bl.Text, fonts.Serif, bodySize)
		p.Ln(lineH)
	}
	p.SetLeftMargin(margin)
	if p.GetY() < photoBottom {
		p.SetY(photoBottom)
	}
	p.Ln(3)
	p.SetDrawColor(210, 210, 210)
	p.SetLineWidth(0.2)
	p.Line(margin, p.GetY(), pw-margin, p.GetY())
	p.Ln(5)
}

// spans writes styled runs as one flowing paragraph.
func (d *drawer) spans(spans []Span, family string, size float64) {
	p := d.p
	lh := size * 0.51
	for _, s := range glue(spans) {
		style := ""
		if s.Bold {
			style = "B"
		} else if s.Italic {
			style = "I"
		}
		p.SetFont(family, style, size)
		if s.Href != "" {
			p.SetTextColor(d.r, d.g, d.b)
			p.WriteLinkString(lh, s.Text, s.Href)
			p.SetTextColor(0, 0, 0)
			continue
		}
		p.Write(lh, s.Text)
	}
}

// rgb parses "#rrggbb"; anything else is the default plum.
func rgb(hex string) (int, int, int) {
	if len(hex) == 7 && hex[0] == '#' {
		v, err := strconv.ParseUint(hex[1:], 16, 32)
		if err == nil {
			return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
		}
	}
	return 0x7a, 0x1f, 0x5c
}

// glue moves an opening bracket or quotation mark at the end of a run to the start of
// the next, and closing punctuation at the start of a run to the end of the previous, so
// that a line never ends with "(" or starts with ")" where the style changes.
func glue(in []Span) []Span {
	out := append([]Span(nil), in...)
	for i := 0; i+1 < len(out); i++ {
		a, b := &out[i], &out[i+1]
		for len(a.Text) > 0 {
			r := []rune(a.Text)
			last := r[len(r)-1]
			if !strings.ContainsRune("([«“„‘", last) {
				break
			}
			a.Text, b.Text = string(r[:len(r)-1]), string(last)+b.Text
		}
		for len(b.Text) > 0 {
			r := []rune(b.Text)
			if !strings.ContainsRune(")]»”’.,;:!?", r[0]) {
				break
			}
			a.Text, b.Text = a.Text+string(r[0]), string(r[1:])
		}
	}
	return out
}
