package document

import (
	"strings"
	"time"

	"github.com/presskit/presskit/toolkit/library"
)

// evidence_passages labels, in the HTML references, the passages a reference opens.
// background labels a question's background, which the HTML prep sheet opens on demand.
func init() { labelKeys = append(labelKeys, "evidence_passages", "background") }

// claim returns the item's claim field in the document's language, with the claim's
// date ("(as of 2019)", «(данные 2019 г.)») before its closing punctuation when the item
// is time-bound (as_of) and the text does not already name that year.
func (b *builder) claim(it *library.Item, field string) Rich {
	return b.rich(b.withAsOf(it, it.Get(b.loc.Lang(), field)))
}

func (b *builder) withAsOf(it *library.Item, text string) string {
	if it.AsOf == "" || len(it.AsOf) < 4 || strings.TrimSpace(text) == "" || strings.Contains(text, it.AsOf[:4]) {
		return text
	}
	note := b.asOf(it.AsOf)
	if note == "" {
		return text
	}
	text = strings.TrimRight(text, " \t\n")
	end := len(text)
	for end > 0 && strings.IndexByte(".!?", text[end-1]) >= 0 {
		end--
	}
	return text[:end] + " " + note + text[end:]
}

// asOf writes an as_of date ("2019", "2020-03", "2020-03-26") in the document's language
// from the strings as_of_year, as_of_month and as_of_date.
func (b *builder) asOf(s string) string {
	year := s[:4]
	if t, err := time.Parse("2006-01-02", s); err == nil {
		if f := b.loc.String("as_of_date"); f != "" {
			return strings.ReplaceAll(f, "{date}", b.loc.Date(t))
		}
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		// The month's name as it stands alone, where the locale offers it.
		if m, ok := b.loc.(interface{ Month(time.Month) string }); ok {
			if f := b.loc.String("as_of_month"); f != "" && m.Month(t.Month()) != "" {
				return strings.NewReplacer("{month}", m.Month(t.Month()), "{year}", year).Replace(f)
			}
		}
	}
	return strings.ReplaceAll(b.loc.String("as_of_year"), "{year}", year)
}

// passages records, for each source the item cites, the evidence passages the item
// quotes from it, on the document's reference for that source: each once, and none that
// another already holds.
func (b *builder) passages(it *library.Item) {
	for _, e := range it.Evidence {
		n, ok := b.refs[e.Source]
		if !ok || e.Passage == "" {
			continue
		}
		r := &b.doc.References[n-1]
		r.Passages = addPassage(r.Passages, library.Normalize(e.Passage))
	}
}

// addPassage adds p to ps unless one of them already holds it; a longer passage that
// holds earlier ones takes the place of the first of them.
func addPassage(ps []string, p string) []string {
	for _, have := range ps {
		if strings.Contains(have, p) {
			return ps
		}
	}
	out := ps[:0:0]
	placed := false
	for _, have := range ps {
		if strings.Contains(p, have) {
			if !placed {
				out, placed = append(out, p), true
			}
			continue
		}
		out = append(out, have)
	}
	if !placed {
		out = append(out, p)
	}
	return out
}
