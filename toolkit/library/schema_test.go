package library

import (
	"strings"
	"testing"
)

const evidencedLibrary = `sources:
  - id: platt-2018
    type: research
    author: "Platt L, Grenfell P"
    publisher: PLOS Medicine
    year: "2018"
    passages:
      - "We reviewed 40 quantitative and 94 qualitative studies."
      - "Repressive policing of sex workers was associated with increased risk of violence."
    en: {title: Associations between sex work laws and sex workers' health}
    ru: {title: Associations between sex work laws and sex workers' health}
facts:
  - id: policing-violence
    sources: [platt-2018]
    claim: finding
    as_of: "2018"
    evidence:
      - source: platt-2018
        passage: "Repressive policing of sex workers was associated with increased risk"
    en: {text: "A 2018 review of 134 studies found repressive policing associated with more violence."}
    ru: {text: "Обзор 134 исследований 2018 года показал связь репрессивной полиции с насилием."}
questions:
  - id: q-policing
    sources: [platt-2018]
    claim: finding
    evidence:
      - {source: platt-2018, passage: "We reviewed 40 quantitative and 94 qualitative studies."}
    en:
      question: Does policing make sex workers safer?
      answer: No. A 2018 review of 134 studies found repressive policing tied to more violence.
      bridge: Safety is the test.
      background: The review covered 33 countries.
    ru:
      question: Делает ли полиция секс-работников безопаснее?
      answer: Нет. Обзор 134 исследований 2018 года связал репрессивную полицию с насилием.
      bridge: Главное — безопасность.
      background: Обзор охватил 33 страны.
terms:
  - id: prostitute
    severity: consider
    claim: position
    sources: [platt-2018]
    evidence:
      - {source: platt-2018, passage: "We reviewed"}
    en: {avoid: [prostitute], say: [sex worker], why: "Guides prefer it.", examples: ["a prostitute"]}
    ru: {avoid: [проститутка], say: [секс-работница], why: "Так советуют.", examples: ["проститутка"]}
`

func TestNewSchemaFieldsLoadWithPositions(t *testing.T) {
	lib, probs := Load([]Source{{FS: mapFS(map[string]string{"lib.yaml": evidencedLibrary}), Name: "lib"}},
		Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%v", probs)
	}
	src := lib.Get("platt-2018")
	if src.Type != "research" || len(src.Passages) != 2 {
		t.Fatalf("source: type %q, %d passages", src.Type, len(src.Passages))
	}
	if got := src.Passages[1].Pos.String(); got != "lib/lib.yaml:9:9" {
		t.Errorf("second passage at %s, want lib/lib.yaml:9:9", got)
	}
	if got := src.FieldPosition("type").String(); got != "lib/lib.yaml:3:11" {
		t.Errorf("type at %s", got)
	}
	f := lib.Get("policing-violence")
	if f.Claim != "finding" || f.AsOf != "2018" || len(f.Evidence) != 1 {
		t.Fatalf("fact: claim %q as_of %q evidence %v", f.Claim, f.AsOf, f.Evidence)
	}
	e := f.Evidence[0]
	if e.Source != "platt-2018" || e.Passage != "Repressive policing of sex workers was associated with increased risk" {
		t.Errorf("evidence = %+v", e)
	}
	for name, c := range map[string]struct{ got, want Pos }{
		"entry":   {e.Pos, Pos{"lib/lib.yaml", 18, 9}},
		"source":  {e.SourcePos, Pos{"lib/lib.yaml", 18, 17}},
		"passage": {e.PassagePos, Pos{"lib/lib.yaml", 19, 18}},
		"claim":   {f.FieldPosition("claim"), Pos{"lib/lib.yaml", 15, 12}},
	} {
		if c.got != c.want {
			t.Errorf("%s at %s, want %s", name, c.got, c.want)
		}
	}
	q := lib.Get("q-policing")
	if q.Get("en", "background") != "The review covered 33 countries." || q.Get("ru", "background") == "" {
		t.Errorf("background not loaded: %+v", q.Text["en"].Fields)
	}
	if q.Evidence[0].PassagePos.Line != 27 {
		t.Errorf("flow-style evidence passage at %s", q.Evidence[0].PassagePos)
	}
	if term := lib.Get("prostitute"); term.Severity != "consider" || term.Claim != "position" {
		t.Errorf("term severity %q claim %q", term.Severity, term.Claim)
	}
}

func TestNewSchemaFieldsRejectedWhereTheyDoNotBelong(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"passages on a fact", "facts:\n  - id: f\n    passages: [x]\n", `lib/lib.yaml:3:5: f: unknown field "passages" for a fact`},
		{"evidence on a source", "sources:\n  - id: s\n    evidence: []\n", `lib/lib.yaml:3:5: s: unknown field "evidence" for a source`},
		{"severity on a myth", "myths:\n  - id: m\n    severity: avoid\n", `lib/lib.yaml:3:5: m: unknown field "severity" for a myth`},
		{"background on a myth", "myths:\n  - id: m\n    en: {background: x}\n", `lib/lib.yaml:3:10: m [en]: unknown field "background"`},
		{"evidence not a list", "facts:\n  - id: f\n    evidence: platt\n", `lib/lib.yaml:3:15: f: evidence: expected a list`},
		{"evidence entry a string", "facts:\n  - id: f\n    evidence: [platt]\n", `lib/lib.yaml:3:16: f: evidence: each entry is a mapping`},
		{"evidence field misspelt", "facts:\n  - id: f\n    evidence: [{source: s, pasage: x}]\n", `lib/lib.yaml:3:28: f: evidence: unknown field "pasage"; did you mean "passage"?`},
		{"passages not a list", "sources:\n  - id: s\n    passages: {a: b}\n", `lib/lib.yaml:3:15: s: passages: expected a list`},
		{"claim misspelt", "facts:\n  - id: f\n    claims: finding\n", `unknown field "claims" for a fact; did you mean "claim"?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, probs := Load([]Source{{FS: mapFS(map[string]string{"lib.yaml": c.body}), Name: "lib"}},
				Options{Languages: []string{"en", "ru"}})
			if len(probs) != 1 {
				t.Fatalf("want one problem, got %d:\n%v", len(probs), probs)
			}
			if got := probs[0].String(); !strings.Contains(got, c.want) {
				t.Fatalf("problem:\n  %s\nwant it to contain:\n  %s", got, c.want)
			}
		})
	}
}
