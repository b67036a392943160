package document

import "github.com/presskit/presskit/toolkit/library"

// handoutMyths is how many myths the handout takes when none are chosen: as many as fit
// one page at a comfortable size in both languages.
const handoutMyths = 6

// BuildHandout builds the myth-busting handout: title, introduction, myth/fact pairs with
// reference numbers, a call to action, references.
func BuildHandout(lib *library.Library, loc Locale, opt Options) (*Doc, error) {
	b := newBuilder(Handout, lib, loc, opt)
	myths, err := b.selectKind(opt.Selection, library.KindMyth)
	if err != nil {
		return nil, err
	}
	if len(myths) == 0 {
		return nil, &EmptySelectionError{Doc: Handout, What: "myths", Sel: opt.Selection}
	}
	if len(opt.Selection.IDs) == 0 && len(opt.Selection.Tags) == 0 {
		myths = firstN(myths, b.leaner(handoutMyths, 1, 3))
	}
	b.title("handout_title", opt)
	b.intro("handout_intro", opt)
	// The title says "myths and facts" already: the pairs need no heading of their own.
	sec := Section{ID: "myths"}
	for _, it := range myths {
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockMyth, ItemID: it.ID,
			Head: b.text(it, "myth"), Body: b.claim(it, "fact"), Refs: b.cite(it)})
	}
	b.doc.Sections = append(b.doc.Sections, sec)
	cta := loc.String("call_to_action_text")
	if cta != "" {
		b.doc.Sections = append(b.doc.Sections, Section{ID: "cta", Heading: loc.String("call_to_action"),
			Blocks: []Block{{Kind: BlockText, Body: b.rich(cta)}}})
	}
	b.meta(loc.String("handout_subject"))
	return b.doc, nil
}
