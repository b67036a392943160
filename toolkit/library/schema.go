package library

// schema says which fields an item of one kind has. Kinds are few and fixed (documents are
// built around them); the languages are data.
type schema struct {
	plural string
	// title is the field that names the item; titleList when it is a list field.
	title     string
	titleList bool
	// top-level fields beyond id, tags, sources and related.
	top []string
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
		fields: []string{"question", "answer", "bridge"}, required: set("question", "answer", "bridge")},
	KindSource: {plural: "sources", title: "title",
		top:    []string{"author", "publisher", "year", "date", "url", "accessed"},
		fields: []string{"title", "note"}, required: set("title")},
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func (s *schema) hasTop(name string) bool   { return contains(s.top, name) }
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
