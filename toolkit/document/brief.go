package document

import "github.com/presskit/presskit/toolkit/library"

// Default sizes of the brief's sections when no items are chosen: enough for two pages.
const (
	briefMessages = 3
	briefShifts   = 4
	briefQuotes   = 2
	briefFacts    = 4
	briefTerms    = 6
)

// BuildBrief builds the press brief: title and standfirst, key messages, say-this-not-that
// shifts, pull quotes, facts, a language guide, numbered references, media contacts.
func BuildBrief(lib *library.Library, loc Locale, opt Options) (*Doc, error) {
	b := newBuilder(Brief, lib, loc, opt)
	chosen := len(opt.Selection.IDs) > 0 || len(opt.Selection.Tags) > 0
	limit := func(n int) int {
		if len(opt.Selection.IDs) > 0 {
			return 0 // items named one by one are all used
		}
		return n
	}
	points, err := b.selectKind(opt.Selection, library.KindPoint)
	if err != nil {
		return nil, err
	}
	quotes, _ := b.selectKind(opt.Selection, library.KindQuote)
	facts, _ := b.selectKind(opt.Selection, library.KindFact)
	terms, _ := b.selectKind(opt.Selection, library.KindTerm)
	if len(points) == 0 {
		if chosen {
			return nil, &EmptySelectionError{Doc: Brief, What: "points", Sel: opt.Selection}
		}
		return nil, &EmptySelectionError{Doc: Brief, What: "points"}
	}
	b.title("brief_title", opt)
	b.intro("brief_standfirst", opt)

	messages := firstN(points, limit(briefMessages))
	var shifts []*library.Item
	if len(opt.Selection.IDs) > 0 {
		shifts = points
	} else {
		shifts = firstN(points[len(messages):], b.leaner(briefShifts, 1, 2))
		if len(shifts) == 0 {
			shifts = messages
		}
	}
	sec := Section{ID: "messages", Heading: loc.String("key_messages")}
	for _, it := range messages {
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockPoint, ItemID: it.ID,
			Head: b.text(it, "headline"), Body: b.claim(it, "explanation"), Refs: b.cite(it)})
	}
	b.add(sec)
	sec = Section{ID: "shifts", Heading: loc.String("say_this_not_that")}
	for _, it := range shifts {
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockShift, ItemID: it.ID,
			Head: b.text(it, "headline"), Leave: b.text(it, "leave"), Use: b.text(it, "use"), Refs: b.cite(it)})
	}
	b.add(sec)
	sec = Section{ID: "quotes", Heading: loc.String("quotes")}
	for _, it := range firstN(quotes, limit(b.leaner(briefQuotes, 1, 1))) {
		sec.Blocks = append(sec.Blocks, b.quote(it))
	}
	b.add(sec)
	sec = Section{ID: "facts", Heading: loc.String("facts")}
	for _, it := range firstN(facts, limit(b.leaner(briefFacts, 1, 2))) {
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockFact, ItemID: it.ID, Body: b.claim(it, "text"), Refs: b.cite(it)})
	}
	b.add(sec)
	sec = Section{ID: "terms", Heading: loc.String("language_guide")}
	for _, it := range firstN(terms, limit(b.leaner(briefTerms, 1, 3))) {
		sec.Blocks = append(sec.Blocks, b.term(it))
	}
	b.add(sec)
	b.meta(loc.String("brief_subject"))
	return b.doc, nil
}

func (b *builder) add(s Section) {
	if len(s.Blocks) > 0 {
		b.doc.Sections = append(b.doc.Sections, s)
	}
}

func (b *builder) quote(it *library.Item) Block {
	lang := b.loc.Lang()
	return Block{Kind: BlockQuote, ItemID: it.ID, Body: b.text(it, "text"),
		Speaker: b.plain(it.Get(lang, "speaker")), Role: b.plain(it.Get(lang, "role")),
		Translation: it.IsTranslation(lang), Refs: b.cite(it)}
}

func (b *builder) term(it *library.Item) Block {
	lang := b.loc.Lang()
	bl := Block{Kind: BlockTerm, ItemID: it.ID, Body: b.claim(it, "why"), Refs: b.cite(it)}
	// The first three avoided words name the term; the rest are variants for the checker.
	for _, a := range firstStrings(it.List(lang, "avoid"), 3) {
		bl.Avoid = append(bl.Avoid, b.plain(a))
	}
	for _, s := range it.List(lang, "say") {
		bl.Say = append(bl.Say, b.plain(s))
	}
	return bl
}

func firstStrings(xs []string, n int) []string {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}
