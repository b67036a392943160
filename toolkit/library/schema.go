package library

// schema says which fields an item of one kind has. Kinds are few and fixed (documents are
// built around them); the languages are data.
type schema struct {
	plural string
	// title is the field that names the item; titleList when it is a list field.
	title     string
	titleList bool
	// top-level scalar fields beyond id, tags, sources and related.
	top []string
	// claims: the item makes a claim, so it carries claim:, as_of: and evidence: (set by
	// init for the kinds in ClaimField).
	claims bool
	// passages: the item (a source) stores the passages its citers quote.
	passages bool
	// needSources: the item must cite at least one source.
	needSources bool
	// per-language string fields and list fields, and which are required.
	fields, lists []string
	required      map[string]bool
}

var kindSchemas = map[Kind]*schema{
	KindPoint: {plural: "points", title: "headline", needSources: true,
		fields:   []string{"headline", "leave", "use", "explanation"},
		required: set("headline", "leave", "use", "explanation")},
	KindFact: {plural: "facts", title: "text", needSources: true,
		fields: []string{"text"}, required: set("text")},
	KindMyth: {plural: "myths", title: "myth", needSources: true,
		fields: []string{"myth", "fact"}, required: set("myth", "fact")},
	KindQuote: {plural: "quotes", title: "text", needSources: true, top: []string{"original"},
		fields: []string{"text", "speaker", "role"}, required: set("text", "speaker")},
	// A term's sense fields (cues, needs, except, paradigms) and severity are read by
	// toolkit/check; see docs/content-format.md.
	KindTerm: {plural: "terms", title: "avoid", titleList: true, top: []string{"severity"},
		fields: []string{"why"}, lists: []string{"avoid", "forms", "say", "examples", "cues", "needs", "except", "paradigms"},
		required: set("avoid", "say", "why", "examples")},
	KindQuestion: {plural: "questions", title: "question",
		fields: []string{"question", "answer", "bridge", "background"}, required: set("question", "answer", "bridge")},
	KindSource: {plural: "sources", title: "title",
		top:    []string{"type", "author", "publisher", "year", "date", "url", "accessed"},
		fields: []string{"title", "note"}, required: set("title")},
}

// init marks the claim-bearing kinds (ClaimField): they carry claim:, as_of: and
// evidence:, and cite sources; and lets sources store passages.
func init() {
	for k := range ClaimField {
		kindSchemas[k].claims = true
		kindSchemas[k].needSources = true
	}
	kindSchemas[KindSource].passages = true
}

// claimTop are the top-level fields of a claim-bearing item.
var claimTop = []string{"claim", "as_of", "evidence"}

// The values the typed fields take. A source's type says what the source is; a claim's
// type says what the statement is, and so how a document attributes it.
var (
	SourceTypes = []string{"research", "position", "law", "news", "guide"}
	ClaimTypes  = []string{"finding", "position", "law", "report"}
	Severities  = []string{"avoid", "consider", "context"}
)

// topFields lists every top-level field an item of the kind may have, beyond id, tags,
// sources and related.
func (s *schema) topFields() []string {
	out := append([]string(nil), s.top...)
	if s.claims {
		out = append(out, claimTop...)
	}
	if s.passages {
		out = append(out, "passages")
	}
	return out
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func (s *schema) hasTop(name string) bool   { return contains(s.top, name) }
func (s *schema) hasClaim(name string) bool { return s.claims && contains(claimTop, name) }
func (s *schema) hasField(name string) bool { return contains(s.fields, name) }
func (s *schema) hasList(name string) bool  { return contains(s.lists, name) }
func (s *schema) allLangFields() []string {
	return append(append([]string(nil), s.fields...), s.lists...)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
