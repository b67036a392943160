package library

import (
	"strings"
	"testing"
)

// rulesEN and rulesRU are the cue strings of i18n/<lang>.yaml, reduced to what the cases
// below need (the real lists are tested in TestShippedRules).
const rulesEN = `strings:
  claim_attribution_cues: "argue|argues|according to|recommends"
  claim_advocates_found: "advocates … found"
  question_yes_no_starts: "Is|Are|Doesn't|Isn't"
  question_yes_no_contains: ""
  answer_direct_first_words: "Yes|No"
`

const rulesRU = `strings:
  claim_attribution_cues: "счита*|по мнению|рекоменду*"
  claim_advocates_found: "активист* … выяснил*"
  question_yes_no_starts: "Разве|Не"
  question_yes_no_contains: "ли"
  answer_direct_first_words: "Да|Нет"
`

const claimSources = `sources:
  - id: swan
    type: position
    publisher: SWAN
    passages:
      - "Not all migrants are trafficked, and not all who have been
        trafficked are sex workers."
    en: {title: Framework shifts}
    ru: {title: Framework shifts}
  - id: platt
    type: research
    author: Platt L
    passages:
      - "We reviewed 40 quantitative and 94 qualitative studies."
      - "Repressive policing of sex workers was associated with increased risk of violence."
    en: {title: Associations}
    ru: {title: Associations}
  - id: unaids
    type: guide
    publisher: UNAIDS
    passages: ["The term sex worker is preferred."]
    en: {title: Terminology guidelines}
    ru: {title: Terminology guidelines}
`

// claimItems holds one good item of each claim-bearing kind; each case below breaks one.
const claimItems = `facts:
  - id: f
    sources: [platt]
    claim: finding
    as_of: "2018"
    evidence:
      - source: platt
        passage: "Repressive   policing of sex workers
          was associated with increased risk"
    en: {text: "A 2018 review of 134 studies found repressive policing tied to violence."}
    ru: {text: "Обзор 134 исследований 2018 года связал репрессивную полицию с насилием."}
myths:
  - id: m
    sources: [swan]
    claim: position
    evidence: [{source: swan, passage: "Not all migrants are trafficked"}]
    en: {myth: All migrants are trafficked., fact: "Not all migrants are trafficked, advocates argue."}
    ru: {myth: Все мигранты — жертвы., fact: "Не все мигранты — жертвы торговли людьми, считают активисты."}
questions:
  - id: q
    sources: [platt]
    claim: finding
    evidence: [{source: platt, passage: "We reviewed 40 quantitative and 94 qualitative studies."}]
    en:
      question: Isn't policing the answer?
      answer: "No. A review of 134 studies found repressive policing tied to more violence."
      bridge: Safety first.
    ru:
      question: Разве полиция не решение?
      answer: "Нет. Обзор 134 исследований связал репрессивную полицию с насилием."
      bridge: Главное — безопасность.
terms:
  - id: t
    severity: avoid
    sources: [unaids]
    claim: position
    evidence: [{source: unaids, passage: "The term sex worker is preferred."}]
    en: {avoid: [prostitute], say: [sex worker], why: "UNAIDS recommends “sex worker”.", examples: [a prostitute]}
    ru: {avoid: [проститутка], say: [секс-работница], why: "ЮНЭЙДС рекомендует «секс-работник».", examples: [проститутка]}
`

func loadClaims(t *testing.T, sources, items string) Problems {
	t.Helper()
	files := map[string]string{"sources.yaml": sources, "items.yaml": items, "i18n/en.yaml": rulesEN, "i18n/ru.yaml": rulesRU}
	lib, probs := Load([]Source{{FS: mapFS(files), Name: "lib", Origin: "embedded"}}, Options{Languages: []string{"en", "ru"}})
	return append(probs, lib.Validate()...)
}

func TestClaimRulesAcceptAGoodLibrary(t *testing.T) {
	if probs := loadClaims(t, claimSources, claimItems); len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%v", probs)
	}
}

func TestClaimRulesReportFileLineColumnIDAndLanguage(t *testing.T) {
	cases := []struct {
		name       string
		sources    string // replaced in claimSources: old → new
		items      [2]string
		want       string
		wantSource bool // the problem is in sources.yaml
	}{
		{name: "passage not in the source, with where it parts",
			items: [2]string{`passage: "Not all migrants are trafficked"`, `passage: "Not all migrants are trafficked or exploited"`},
			want:  `lib/items.yaml:16:40: m: evidence passage not found verbatim in source "swan" (1 stored passage); closest is passage 1, which starts "Not all migrants are trafficked, and not all…": it agrees as far as "Not all migrants are trafficked", then reads ", and not all who have…" where the evidence has "or exploited"`},
		{name: "passage differing in case",
			items: [2]string{`"We reviewed 40 quantitative`, `"we reviewed 40 quantitative`},
			want:  `lib/items.yaml:23:41: q: evidence passage not found verbatim in source "platt" (2 stored passages); closest is passage 1, which starts "We reviewed 40 quantitative and 94 qualitative studies."; copy the source's words exactly (case and punctuation count)`},
		{name: "evidence from an unknown source",
			items: [2]string{`{source: swan, passage`, `{source: swann, passage`},
			want:  `lib/items.yaml:16:25: m: evidence cites unknown source "swann"; did you mean "swan"?`},
		{name: "evidence from a source the item does not list",
			items: [2]string{`    sources: [swan]`, `    sources: [platt]`},
			want:  `lib/items.yaml:16:25: m: evidence cites "swan", which is not in the item's sources: add it to ` + "`sources:`"},
		{name: "claim with no evidence",
			items: [2]string{`    evidence: [{source: swan, passage: "Not all migrants are trafficked"}]` + "\n", ""},
			want:  `lib/items.yaml:13:5: m: a myth makes a claim (its fact) and must rest on a source passage`},
		{name: "no claim type and no evidence",
			items: [2]string{"    claim: position\n    evidence: [{source: swan, passage: \"Not all migrants are trafficked\"}]\n", ""},
			want:  "lib/items.yaml:13:5: m: a myth makes a claim (its fact): say what it is and what it rests on: add `claim: finding`"},
		{name: "unknown claim type",
			items: [2]string{"claim: position", "claim: opinion"},
			want:  `lib/items.yaml:15:12: m: unknown claim type "opinion"; use one of finding, position, law, report`},
		{name: "answer over 27 words",
			items: [2]string{`"No. A review of 134 studies found repressive policing tied to more violence."`,
				`"No. A review of 134 studies in 33 countries, from 1990 to 2018, found that repressive policing of sex workers was tied to more violence, more HIV and worse health."`},
			want: `lib/items.yaml:26:15: q [en]: the answer has 30 words; keep it to 27`},
		{name: "yes/no question answered indirectly",
			items: [2]string{`"Нет. Обзор 134 исследований связал`, `"Обзор 134 исследований в 33 странах мира за последние десятилетия ясно и недвусмысленно связал`},
			want:  `lib/items.yaml:30:15: q [ru]: the question asks for yes or no, but the answer's first sentence (18 words) neither says it ("Да", "Нет"…) in its first 6 words nor answers in 12 words or fewer`},
		{name: "a finding resting only on positions",
			items: [2]string{"    claim: position\n    evidence: [{source: swan", "    claim: finding\n    evidence: [{source: swan"},
			want:  `lib/items.yaml:15:12: m: typed as a finding, but every source it rests on is a position (swan): a position is never a finding`},
		{name: "a position attributed to no one",
			items: [2]string{`fact: "Not all migrants are trafficked, advocates argue."`, `fact: "Not all migrants are trafficked."`},
			want:  `lib/items.yaml:17:52: m [en]: a position must say whose it is, but the fact attributes it to no one: name who holds it ("argue", "according to", "recommends"…)`},
		{name: "advocates found",
			items: [2]string{`"Не все мигранты — жертвы торговли людьми, считают активисты."`, `"Активисты в Торонто выяснили, что не все мигранты — жертвы, считают они."`},
			want:  `lib/items.yaml:18:46: m [ru]: the fact says "активист* … выяснил*": advocates argue, studies find`},
		{name: "a term without a guide",
			items: [2]string{"    sources: [unaids]\n    claim: position\n    evidence: [{source: unaids, passage: \"The term sex worker is preferred.\"}]",
				"    sources: [swan]\n    claim: position\n    evidence: [{source: swan, passage: \"Not all migrants are trafficked\"}]"},
			want: `lib/items.yaml:37:15: t: a term's advice must rest on a cited guide: add evidence from a source of type guide (a style or terminology guide); now it cites swan`},
		{name: "a term without severity",
			items: [2]string{"    severity: avoid\n", ""},
			want:  `lib/items.yaml:33:5: t: a term needs a severity: add ` + "`severity: avoid`"},
		{name: "a malformed field is reported once, not also as missing",
			items: [2]string{"    severity: avoid\n", "    severity: [avoid]\n"},
			want:  `lib/items.yaml:34:15: t: severity: expected text, found a list`},
		{name: "a misspelt evidence field is reported once",
			items: [2]string{`{source: swan, passage`, `{sorce: swan, passage`},
			want:  `lib/items.yaml:16:17: m: evidence: unknown field "sorce"; did you mean "source"?`},
		{name: "a malformed as_of",
			items: [2]string{`as_of: "2018"`, `as_of: "since 2018"`},
			want:  `lib/items.yaml:5:12: f: as_of "since 2018": give the date as a year`},
		{name: "a source without a type", sources: "    type: research\n",
			want: "lib/sources.yaml:10:5: platt: a source needs a type: add `type: research`", wantSource: true},
		{name: "a source of an unknown type", sources: "type: research",
			want: `lib/sources.yaml:11:11: platt: unknown source type "reserch"; did you mean "research"?`, wantSource: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sources, items := claimSources, claimItems
			if c.sources != "" {
				repl := ""
				if !strings.HasSuffix(c.sources, "\n") {
					repl = "type: reserch"
				}
				if !strings.Contains(sources, c.sources) {
					t.Fatalf("fixture lacks %q", c.sources)
				}
				sources = strings.Replace(sources, c.sources, repl, 1)
			}
			if c.items[0] != "" {
				if !strings.Contains(items, c.items[0]) {
					t.Fatalf("fixture lacks %q", c.items[0])
				}
				items = strings.Replace(items, c.items[0], c.items[1], 1)
			}
			probs := loadClaims(t, sources, items)
			if len(probs) != 1 {
				t.Fatalf("want exactly one problem, got %d:\n%v", len(probs), probs)
			}
			if got := probs[0].String(); !strings.Contains(got, c.want) {
				t.Fatalf("problem:\n  %s\nwant it to contain:\n  %s", got, c.want)
			}
		})
	}
}

func TestCountWordsAsAReaderDoes(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"No. That figure comes from a 2001 study.", 8},
		{"Sex-worker-led groups — in 33 countries — ask.", 6},
		{"C$307 million, 2,000 workers, U.S. policy", 6},
		{"«Секс-работа» — это работа: 13 лет.", 5},
		{"  ", 0},
	} {
		if got := CountWords(c.s); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"No. That figure comes from 2001.", "No."},
		{"U.S. policy harms them. Really.", "U.S. policy harms them."},
		{"It was 13, e.g. in one study. Then more.", "It was 13, e.g. in one study."},
		{"Нет. Эта цифра — из 2001 года.", "Нет."},
		{"“Yes.” Then more.", "“Yes.”"},
		{"One sentence only", "One sentence only"},
	} {
		if got := FirstSentence(c.s); got != c.want {
			t.Errorf("FirstSentence(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
