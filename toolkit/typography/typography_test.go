package typography

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var (
	english = Rules{
		Quotes:     [4]rune{'“', '”', '‘', '’'},
		Apostrophe: '’',
	}
	russian = Rules{
		Quotes:     [4]rune{'«', '»', '„', '“'},
		Apostrophe: '’',
		NbspAfter: []string{"а", "в", "во", "да", "до", "за", "и", "из", "к", "ко", "на", "не",
			"ни", "но", "о", "об", "от", "по", "с", "со", "у"},
		NbspBefore:     []string{"бы", "ли", "же"},
		NbspBeforeDash: true,
	}
)

// nb makes the expected strings readable: "~" stands for a no-break space.
func nb(s string) string { return strings.ReplaceAll(s, "~", "\u00a0") }

func TestApplyEnglish(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"double quotes", `She said "hello".`, `She said “hello”.`},
		{"quote at start and end", `"Sex work is work"`, `“Sex work is work”`},
		{"nested quotes", `"He said 'no' to me"`, `“He said ‘no’ to me”`},
		{"nested double quotes", `"He called it "a raid" twice"`, `“He called it ‘a raid’ twice”`},
		{"apostrophe", `don't, it's, O'Brien`, `don’t, it’s, O’Brien`},
		{"plural possessive", `workers' rights`, `workers’ rights`},
		{"decade", `in the '90s`, `in the ’90s`},
		{"single quotes", `the word 'victim' again`, `the word ‘victim’ again`},
		{"quote after bracket", `("raids")`, `(“raids”)`},
		{"quote after punctuation closes", `"Yes," she said, "now."`, `“Yes,” she said, “now.”`},
		{"typographic quotes untouched", `“already” and ‘done’ and «other»`, `“already” and ‘done’ and «other»`},
		{"typographic opener closed by straight quote", `“mixed"`, `“mixed”`},
		{"spaced hyphen", `raids - not protection`, `raids — not protection`},
		{"double hyphen", `raids--not protection`, `raids — not protection`},
		{"spaced double hyphen", `raids -- not protection`, `raids — not protection`},
		{"digit range", `pages 10--12`, `pages 10–12`},
		{"hyphenated word kept", `well-known and self-organised`, `well-known and self-organised`},
		{"command-line flag kept", `run --verbose now`, `run --verbose now`},
		{"list dash at start kept", `- item`, `- item`},
		{"soft hyphens stripped", "traf\u00adficking", `trafficking`},
		{"url kept", `see https://example.org/a--b?x=1 "now" - ok`, `see https://example.org/a--b?x=1 “now” — ok`},
		{"url in single quotes", `'https://example.org/it's'`, `‘https://example.org/it's’`},
		{"quoted url", `"https://swannet.org/don't"`, `“https://swannet.org/don't”`},
		{"www url", `at www.o'brien--law.org today`, `at www.o'brien--law.org today`},
		{"email kept", `write to o.brien--x@example.org - thanks`, `write to o.brien--x@example.org — thanks`},
		{"code kept", "use `\"raw\" -- it's` here", "use `\"raw\" -- it's` here"},
		{"double backtick code", "a ``it's ` \"x\"`` b's", "a ``it's ` \"x\"`` b’s"},
		{"unmatched backtick", "a ` \"b\"", "a ` “b”"},
		{"stray quote", `5 " 6`, `5 " 6`},
		{"no nbsp rules in English", `in Toronto - a city`, `in Toronto — a city`},
		{"empty", ``, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Apply(english, tt.in)
			if got != tt.want {
				t.Errorf("Apply(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := Apply(english, got); again != got {
				t.Errorf("not idempotent: Apply(%q) = %q", got, again)
			}
		})
	}
}

func TestApplyRussian(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"quotes", `Она сказала "нет".`, `Она сказала «нет».`},
		{"nested quotes", `"Он назвал это "спасением" в отчёте"`, nb(`«Он назвал это „спасением“ в~отчёте»`)},
		{"nested quotes closing together", `"Рейд "по спасению""`, nb(`«Рейд „по~спасению“»`)},
		{"single quotes nest as inner marks", `слово 'жертва' снова`, `слово „жертва“ снова`},
		{"preposition at sentence start", `В Торонто`, nb(`В~Торонто`)},
		{"prepositions in a row", `и в Торонто, и во Львове`, nb(`и~в~Торонто, и~во~Львове`)},
		{"conjunction case-insensitive", `НО не так`, nb(`НО~не~так`)},
		{"not a free-standing word", `из-за рейда и т.д. и`, nb(`из-за рейда и~т.д. и`)},
		{"preposition before quote", `о "мигрантах"`, nb(`о~«мигрантах»`)},
		{"particles bind backwards", `если бы не рейд, был ли он же`, nb(`если~бы не~рейд, был~ли он~же`)},
		{"spaced hyphen to dash", `Секс-работа - это работа`, nb(`Секс-работа~— это работа`)},
		{"double hyphen to dash", `работа--это работа`, nb(`работа~— это работа`)},
		{"existing dash gets nbsp", `Секс-работа — это работа`, nb(`Секс-работа~— это работа`)},
		{"apostrophe", `Д'Артаньян и О'Брайен`, nb(`Д’Артаньян и~О’Брайен`)},
		{"typographic quotes untouched", `«готово» и „тоже“`, nb(`«готово» и~„тоже“`)},
		{"english quotes in russian text untouched", `“Sex work is work”`, `“Sex work is work”`},
		{"url with preposition-like path", `см. https://swannet.org/ru/в-и "тут"`, `см. https://swannet.org/ru/в-и «тут»`},
		{"soft hyphen", "тор\u00adговля", `торговля`},
		{"trailing preposition", `и`, `и`},
		{"preposition before line break", "в\nТоронто", "в\nТоронто"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Apply(russian, tt.in)
			if got != tt.want {
				t.Errorf("Apply(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := Apply(russian, got); again != got {
				t.Errorf("not idempotent: Apply(%q) = %q", got, again)
			}
		})
	}
}

func TestApplyRunsKeepsStateAcrossRuns(t *testing.T) {
	tests := []struct {
		name  string
		rules Rules
		in    []string
		want  []string
	}{
		{"quote split by emphasis", english, []string{`"a `, `b`, ` c"`}, []string{`“a `, `b`, ` c”`}},
		{"closing quote alone in a run", english, []string{`"raids`, `"`}, []string{`“raids`, `”`}},
		{"apostrophe after emphasis", english, []string{`the `, `workers`, `' union`}, []string{`the `, `workers`, `’ union`}},
		{"nested across runs", russian, []string{`"Он сказал `, `"нет"`, `"`}, []string{`«Он сказал `, `„нет“`, `»`}},
		{"nbsp across runs", russian, []string{`в `, `Торонто`}, []string{"в\u00a0", `Торонто`}},
		{"dash across runs", russian, []string{`работа `, `- это`}, []string{"работа\u00a0", `— это`}},
		{"code run", english, []string{"`it's`", ` isn't`}, []string{"`it's`", ` isn’t`}},
		{"empty runs kept", english, []string{``, `"x"`, ``}, []string{``, `“x”`, ``}},
		{"no runs", english, nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ApplyRuns(tt.rules, tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("ApplyRuns(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestApplyZeroRulesOnlyStripsAndDashes(t *testing.T) {
	in := "\"it's\" - done\u00ad"
	if got, want := Apply(Rules{}, in), `"it's" — done`; got != want {
		t.Errorf("Apply(Rules{}, %q) = %q, want %q", in, got, want)
	}
}

func FuzzApply(f *testing.F) {
	seeds := []string{
		`She said "hello 'world'" -- don't`,
		`"Он назвал это "спасением" в отчёте" - и всё`,
		"see https://example.org/a--b and `code \"x\"` or o'brien@example.org",
		"a - - b -- c --- d ---- e 1--2 \u00ad ' \" `",
		`«готово» и „тоже“ “x” ‘y’ ’90s`,
		"в\u00a0— и\u00a0в если бы",
	}
	for _, s := range seeds {
		f.Add(s, 3)
	}
	rulesets := []Rules{english, russian, {}}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		for _, rules := range rulesets {
			once := Apply(rules, s)
			if !utf8.ValidString(once) {
				t.Fatalf("invalid UTF-8 from %q: %q", s, once)
			}
			if twice := Apply(rules, once); twice != once {
				t.Fatalf("not idempotent for %q:\n once %q\ntwice %q", s, once, twice)
			}
			// Splitting the text into runs must not change the result.
			rs := []rune(s)
			if cut < 0 {
				cut = -cut
			}
			if len(rs) > 0 {
				c := cut % (len(rs) + 1)
				runs := ApplyRuns(rules, []string{string(rs[:c]), string(rs[c:])})
				if joined := runs[0] + runs[1]; joined != once {
					t.Fatalf("runs differ for %q cut at %d:\n runs %q\nwhole %q", s, c, joined, once)
				}
			}
		}
	})
}

func TestQuotePutsTheFullStopWhereTheLanguageDoes(t *testing.T) {
	ru := Rules{Quotes: [4]rune{'«', '»', '„', '“'}, StopAfterQuote: true}
	en := Rules{Quotes: [4]rune{'“', '”', '‘', '’'}}
	for _, c := range []struct {
		rules    Rules
		in, want string
	}{
		{ru, "Это вредит мигрантам.", "«Это вредит мигрантам»."},
		{ru, "Кто это решил?", "«Кто это решил?»"},
		{ru, "И так далее...", "«И так далее...»"},
		{en, "It harms migrants.", "“It harms migrants.”"},
	} {
		if got := Quote(c.rules, c.in); got != c.want {
			t.Errorf("Quote(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestApplyRunsAllocatesPerParagraph: a paragraph costs a fixed handful of
// allocations, not a few per character: no copy of the text when there is no soft
// hyphen to drop or hyphen to make a dash, and each run's result made in one piece.
func TestApplyRunsAllocatesPerParagraph(t *testing.T) {
	ru := Rules{Quotes: [4]rune{'«', '»', '„', '“'}, NbspAfter: []string{"в", "и", "о"}, NbspBeforeDash: true}
	runs := []string{"Элен Лам из Butterfly рассказала парламенту Канады: полиция вызвала ", "пограничников", " и арестовала участниц организации, \"ещё\" лишила их сбережений."}
	for _, tc := range []struct {
		runs []string
		max  float64
	}{
		{runs, 8},
		{[]string{strings.Repeat(runs[0], 20)}, 6},
		{[]string{"секс-работа - это работа", "; сбере\u00adжения"}, 14},
		{[]string{"секс-работа и секс-работники"}, 5},
	} {
		n := testing.AllocsPerRun(50, func() { ApplyRuns(ru, tc.runs) })
		if n > tc.max {
			t.Errorf("ApplyRuns(%.30q…): %.0f allocations, want at most %.0f", tc.runs[0], n, tc.max)
		}
	}
}

// TestOnlyASCIIFoldsToWM: the runes that lowercase to 'w' or 'm' are the ASCII
// letters startsWWWOrM names, so markURLs may skip the others.
func TestOnlyASCIIFoldsToWM(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); (l == 'w' || l == 'm') != startsWWWOrM(r) {
			t.Errorf("%U lowercases to %q; startsWWWOrM says %v", r, l, startsWWWOrM(r))
		}
	}
}
