package document

import (
	"sort"
	"strings"

	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/words"
)

// MessageMapWords is the message-map rule (Covello): a key message of about 27 words,
// or 9 seconds of speech.
const MessageMapWords = 27

// Sizes of the prep sheet's parts: a message map has three key messages with up to three
// proof points each.
const (
	prepKeyMessages = 3
	prepProof       = 3
	prepBridges     = 3
	prepQuestions   = 3
	prepTerms       = 3
)

// Warning is something a writer should know about a document that was still made.
type Warning struct {
	ItemID string
	Lang   string
	Words  int
	Msg    string
}

// BuildPrep builds the interview prep sheet as a message map: a core message, three key
// messages with proof points, bridging phrases, tough questions with short answers and
// words to avoid. Key messages over the message-map length come back as warnings.
func BuildPrep(lib *library.Library, loc Locale, opt Options) (*Doc, error) {
	b := newBuilder(Prep, lib, loc, opt)
	sel := opt.Selection
	points, err := b.selectKind(sel, library.KindPoint)
	if err != nil {
		return nil, err
	}
	if len(points) == 0 {
		return nil, &EmptySelectionError{Doc: Prep, What: "points", Sel: sel}
	}
	related := func(kinds ...library.Kind) []*library.Item {
		items, _ := b.selectKind(sel, kinds...)
		if len(items) > 0 || len(sel.IDs) == 0 {
			return items
		}
		// Items chosen by id bring their related items of other kinds.
		return relatedOf(lib, points, kinds...)
	}
	questions := related(library.KindQuestion)
	terms := related(library.KindTerm)
	nQuestions, nTerms := prepQuestions, prepTerms
	if b.lean >= MaxLean { // the leanest sheet: one proof point each, fewer questions and words
		nQuestions, nTerms = prepQuestions-1, prepTerms-1
	}
	b.title("prep_title", opt)
	if opt.Intro != "" {
		b.doc.Intro = b.rich(opt.Intro)
	}

	lang := loc.Lang()
	core := points[0]
	b.add(Section{ID: "core", Heading: loc.String("core_message"), Blocks: []Block{{
		Kind: BlockText, ItemID: core.ID, Head: b.text(core, "headline"), Body: b.text(core, "use"), Refs: b.cite(core)}}})

	keys := points[1:]
	if len(keys) == 0 {
		keys = points
	}
	keys = firstN(keys, prepKeyMessages)
	used := map[string]bool{}
	sec := Section{ID: "messages", Heading: loc.String("supporting_points")}
	for _, it := range keys {
		bl := Block{Kind: BlockPoint, ItemID: it.ID, Head: b.text(it, "headline"), Body: b.text(it, "use"), Refs: b.cite(it)}
		if n := len(words.Split(it.Get(lang, "use"))); n > MessageMapWords {
			b.doc.Warnings = append(b.doc.Warnings, Warning{ItemID: it.ID, Lang: lang, Words: n,
				Msg: "key message is over the message-map length of about 27 words (9 seconds)"})
		}
		for _, p := range b.proof(it, used) {
			bl.Proof = append(bl.Proof, p)
		}
		sec.Blocks = append(sec.Blocks, bl)
	}
	b.add(sec)

	sec = Section{ID: "bridges", Heading: loc.String("bridges")}
	seen := map[string]bool{}
	for _, q := range questions {
		br := q.Get(lang, "bridge")
		if br == "" || seen[br] || len(sec.Blocks) >= b.leaner(prepBridges, 1, 2) {
			continue
		}
		seen[br] = true
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockText, ItemID: q.ID, Body: b.rich(br)})
	}
	b.add(sec)

	sec = Section{ID: "questions", Heading: loc.String("tough_questions")}
	for _, q := range firstN(questions, nQuestions) {
		// The bridges are gathered above, where they can be learnt as a set.
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockQuestion, ItemID: q.ID, Head: b.text(q, "question"),
			Body: b.claim(q, "answer"), Refs: b.cite(q), Background: b.text(q, "background")})
	}
	b.add(sec)

	sec = Section{ID: "terms", Heading: loc.String("words_to_avoid")}
	for _, t := range firstN(terms, nTerms) {
		bl := b.term(t)
		bl.Body = nil // on the sheet, the word and what to say instead; the why is in the brief
		sec.Blocks = append(sec.Blocks, bl)
	}
	b.add(sec)
	// One page has no room for a list of sources: proof points name theirs inline, and
	// numbered references (which would point nowhere) are dropped.
	b.doc.References = nil
	for i := range b.doc.Sections {
		for j := range b.doc.Sections[i].Blocks {
			bl := &b.doc.Sections[i].Blocks[j]
			bl.Refs = nil
			for k := range bl.Proof {
				bl.Proof[k].Refs = nil
			}
		}
	}
	b.meta(loc.String("prep_subject"))
	return b.doc, nil
}

// shortCite is a short source line for a proof point: "UNAIDS, 2015".
func (b *builder) shortCite(it *library.Item) string {
	var parts []string
	for _, id := range it.Sources {
		src := b.lib.Get(id)
		if src == nil {
			continue
		}
		who := src.Publisher
		if who == "" {
			who = src.Author
		}
		if i := strings.Index(who, " ("); i > 0 {
			who = who[:i] // "SWAN (Sex Workers' Rights Advocacy Network)" → "SWAN"
		}
		if who == "" {
			who = b.plain(src.Get(b.loc.Lang(), "title"))
		}
		if src.Year != "" {
			who += ", " + src.Year
		}
		parts = append(parts, who)
	}
	return strings.Join(parts, "; ")
}

// withCite appends a short source line to a proof point's text.
func (b *builder) withCite(r Rich, it *library.Item) Rich {
	c := b.shortCite(it)
	if c == "" || len(r) == 0 {
		return r
	}
	out := append(Rich(nil), r...)
	last := out[len(out)-1]
	last.Spans = append(append([]Span(nil), last.Spans...), Span{Text: " (" + c + ")", Em: true})
	out[len(out)-1] = last
	return out
}

// proof picks up to three proof points for a key message from the items the point names
// as related: facts first, then myths' facts, then quotes (a quote often repeats the
// message it should prove, so only when nothing else proves it), never one used by
// another message. Facts that merely share a tag are not proof.
func (b *builder) proof(point *library.Item, used map[string]bool) []Block {
	var cands []*library.Item
	for _, id := range point.Related {
		if it := b.lib.Get(id); it != nil {
			cands = append(cands, it)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return proofRank(cands[i]) < proofRank(cands[j]) })
	var out []Block
	for _, it := range cands {
		if used[it.ID] || len(out) >= b.leaner(prepProof, 1, 1) {
			continue
		}
		switch it.Kind {
		case library.KindFact:
			out = append(out, Block{Kind: BlockFact, ItemID: it.ID, Body: b.withCite(b.claim(it, "text"), it)})
		case library.KindMyth:
			out = append(out, Block{Kind: BlockFact, ItemID: it.ID, Body: b.withCite(b.claim(it, "fact"), it)})
		case library.KindQuote:
			if len(out) > 0 {
				continue
			}
			q := b.quote(it)
			q.Refs = nil
			out = append(out, q)
		default:
			continue
		}
		used[it.ID] = true
	}
	return out
}

func proofRank(it *library.Item) int {
	switch it.Kind {
	case library.KindFact:
		return 0
	case library.KindMyth:
		return 1
	}
	return 2
}

// relatedOf returns the items of the given kinds related to any of items, or sharing a tag.
func relatedOf(lib *library.Library, items []*library.Item, kinds ...library.Kind) []*library.Item {
	tags := map[string]bool{}
	ids := map[string]bool{}
	for _, it := range items {
		for _, t := range it.Tags {
			tags[t] = true
		}
		for _, r := range it.Related {
			ids[r] = true
		}
	}
	var out []*library.Item
	for _, it := range lib.Items(kinds...) {
		hit := ids[it.ID]
		for _, t := range it.Tags {
			hit = hit || tags[t]
		}
		for _, r := range it.Related {
			for _, p := range items {
				hit = hit || r == p.ID
			}
		}
		if hit {
			out = append(out, it)
		}
	}
	return out
}
