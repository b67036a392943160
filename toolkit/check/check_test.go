package check

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/library"
)

// testTerms is a small library of terms, close to the curated ones.
const testTerms = `terms:
  - id: prostitute
    en:
      avoid: [prostitute, prostitution]
      say: [sex worker, sex work]
      why: "“Prostitute” stigmatises;
        UNAIDS recommends “sex worker”."
      examples: ["Police arrested five prostitutes."]
    ru:
      avoid: [проститутка, проституция]
      forms: [проституток]
      say: [секс-работница, секс-работа]
      why: Слово несёт стигму.
      examples: ["Полиция задержала пять проституток."]
  - id: illegal-immigrant
    en:
      avoid: [illegal immigrant, illegal migrant]
      say: [undocumented migrant]
      why: "“Illegal” implies criminality."
      examples: ["Police detained eight illegal immigrants."]
    ru:
      avoid: [нелегальный мигрант]
      say: [мигрант без документов]
      why: Слово «нелегальный» приравнивает человека к преступнику.
      examples: ["Полиция задержала нелегальных мигрантов."]
  - id: illegals
    en:
      avoid: [illegal, illegals]
      say: [undocumented people, illegal entry]
      why: A person cannot be illegal.
      examples: ["Border police caught an illegal."]
    ru:
      avoid: [нелегал]
      say: [человек без документов]
      why: Человек не может быть нелегальным.
      examples: ["Вчера полиция задержала нелегалов"]
  - id: sex-slave
    en:
      avoid: [sex slave]
      say: [migrant sex worker]
      why: A lurid story told by others.
      examples: ["They were kept as sex slaves."]
    ru:
      avoid: [секс-рабыня]
      say: [мигрантка в секс-работе]
      why: Чужая страшилка.
      examples: ["Секс-рабынь держали в доме."]
  - id: victim
    en:
      avoid: [victim]
      say: [survivor]
      why: A blanket label.
      examples: ["Victims were taken to a shelter."]
    ru:
      avoid: [жертва]
      say: [пострадавшая]
      why: Общий ярлык.
      examples: ["Жертвы торговли людьми."]
`

var langs = []string{"en", "ru"}

func testChecker(t testing.TB) *Checker {
	t.Helper()
	items, probs := library.ParseFile("terms.yaml", []byte(testTerms), langs)
	if len(probs) > 0 {
		t.Fatalf("test terms: %v", probs)
	}
	c, err := Compile(items, langs)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// brief formats findings as "line:col-endcol rule «match» lang" for comparison.
func brief(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d-%d %s «%s» %s", f.Line, f.Column, f.EndColumn, f.Rule, f.Match, f.Lang))
	}
	return out
}

func TestCheckFindsAvoidedTerms(t *testing.T) {
	c := testChecker(t)
	tests := []struct {
		name string
		opt  Options
		text string
		want []string
	}{
		// Russian inflections: by stem, by a listed form, by the stem being the whole word.
		{"genitive plural from forms", Options{}, "Полиция задержала пять проституток.",
			[]string{"1:24-35 prostitute «проституток» ru"}},
		{"instrumental plural by stem", Options{}, "Журналист поговорил с проститутками.",
			[]string{"1:23-36 prostitute «проститутками» ru"}},
		{"column after Cyrillic", Options{}, "Вчера полиция задержала нелегалов",
			[]string{"1:25-34 illegals «нелегалов» ru"}},
		{"column after a character outside the BMP", Options{}, "Вчера 😀 нелегалов",
			[]string{"1:9-18 illegals «нелегалов» ru"}},
		{"two-word term, genitive", Options{}, "Рейд против нелегальных мигрантов.",
			[]string{"1:13-34 illegal-immigrant «нелегальных мигрантов» ru"}},
		{"two-word term, dative", Options{}, "Помощь нелегальным мигрантам запрещена.",
			[]string{"1:8-29 illegal-immigrant «нелегальным мигрантам» ru"}},
		{"hyphenated term, hyphen or space", Options{}, "Её «секс-рабыня» и секс рабыни.",
			[]string{"1:5-16 sex-slave «секс-рабыня» ru", "1:20-31 sex-slave «секс рабыни» ru"}},
		{"hyphenated term split by punctuation", Options{}, "Это секс. Рабыни? Секс, рабыни; секс - рабыни.", nil},
		{"ё and capitals", Options{}, "ПРОСТИТУЦИЯ и проститутки.",
			[]string{"1:1-12 prostitute «ПРОСТИТУЦИЯ» ru", "1:15-26 prostitute «проститутки» ru"}},
		{"two findings on a line", Options{}, "Проститутки и нелегалы.",
			[]string{"1:1-12 prostitute «Проститутки» ru", "1:15-23 illegals «нелегалы» ru"}},
		{"adjective alone is not the two-word term", Options{}, "Нелегальный вывоз мусора и нелегально припаркованные машины.", nil},

		// English: plurals, case, possessives; no derivations.
		{"plural two-word term wins over its first word", Options{}, "Police detained eight illegal immigrants.",
			[]string{"1:23-41 illegal-immigrant «illegal immigrants» en"}},
		{"capitalised and upper case", Options{}, "Prostitutes and PROSTITUTION.",
			[]string{"1:1-12 prostitute «Prostitutes» en", "1:17-29 prostitute «PROSTITUTION» en"}},
		{"possessive", Options{}, "The prostitute’s rights.",
			[]string{"1:5-17 prostitute «prostitute’s» en"}},
		{"illegally parked is not illegal", Options{}, "The van was illegally parked outside.", nil},
		{"victimless is not victim", Options{}, "So-called victimless crimes; victims.",
			[]string{"1:30-37 victim «victims» en"}},
		{"say phrase is not flagged", Options{}, "Call it illegal entry. Say sex worker and undocumented migrant.", nil},
		{"term word inside a longer word", Options{}, "Unprostitutelike sexworkers.", nil},

		// Languages.
		{"detected per paragraph", Options{}, "Prostitutes.\n\nПроститутки.",
			[]string{"1:1-12 prostitute «Prostitutes» en", "3:1-12 prostitute «Проститутки» ru"}},
		{"forced language", Options{Lang: "en"}, "Проститутки.\n\nProstitutes.",
			[]string{"3:1-12 prostitute «Prostitutes» en"}},
		{"CRLF line endings", Options{}, "Hello.\r\nProstitutes\r\n",
			[]string{"2:1-12 prostitute «Prostitutes» en"}},
		{"byte order mark", Options{}, "\uFEFFProstitutes",
			[]string{"1:1-12 prostitute «Prostitutes» en"}},

		// Silencing a line.
		{"presskit-ignore silences the next line only", Options{},
			"<!-- presskit-ignore -->\nКнига «Проституция в России» вышла в 1990 году.\nПроституция — это работа.",
			[]string{"3:1-12 prostitute «Проституция» ru"}},
		{"presskit-ignore in Markdown", Options{Markdown: true},
			"<!-- presskit-ignore -->\nКнига «Проституция в России».\n\nПроституция.",
			[]string{"4:1-12 prostitute «Проституция» ru"}},

		// URLs, in every draft.
		{"bare URL in plain text", Options{}, "See https://example.org/prostitution for prostitution.",
			[]string{"1:42-54 prostitute «prostitution» en"}},

		// Markdown.
		{"code span", Options{Markdown: true}, "Слово `проститутка` в коде, а проститутка в тексте.",
			[]string{"1:31-42 prostitute «проститутка» ru"}},
		{"unclosed backtick is text", Options{Markdown: true}, "A ` before prostitutes.",
			[]string{"1:12-23 prostitute «prostitutes» en"}},
		{"fenced code block", Options{Markdown: true}, "```text\nprostitutes\n```\nProstitutes outside.",
			[]string{"4:1-12 prostitute «Prostitutes» en"}},
		{"indented code block", Options{Markdown: true}, "Text.\n\n    prostitutes in code\n\nProstitutes outside.",
			[]string{"5:1-12 prostitute «Prostitutes» en"}},
		{"indented list continuation is text", Options{Markdown: true}, "- item\n\n    prostitutes here",
			[]string{"3:5-16 prostitute «prostitutes» en"}},
		{"link text checked, destination not", Options{Markdown: true},
			"[Prostitutes](https://example.org/prostitution \"prostitution\") and <https://prostitution.org>.",
			[]string{"1:2-13 prostitute «Prostitutes» en"}},
		{"reference definition", Options{Markdown: true}, "[1]: /news/prostitution \"Prostitution\"", nil},
		{"HTML comment over lines", Options{Markdown: true}, "<!--\nprostitutes\n-->\nProstitutes",
			[]string{"4:1-12 prostitute «Prostitutes» en"}},
		{"emphasis inside a phrase", Options{Markdown: true}, "Eight illegal *immigrants*.",
			[]string{"1:7-26 illegal-immigrant «illegal *immigrants» en"}},
		{"link around a phrase's word", Options{Markdown: true}, "[нелегальных](/x) мигрантов",
			[]string{}},

		// Nothing to find.
		{"empty", Options{}, "", nil},
		{"only white space", Options{Markdown: true}, "\n\n  \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := c.Check("draft", []byte(tt.text), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			got, want := brief(fs), tt.want
			if want == nil {
				want = []string{}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			for _, f := range fs {
				if f.File != "draft" || f.Message == "" || len(f.Suggestions) == 0 {
					t.Errorf("finding lacks file, message or suggestions: %+v", f)
				}
			}
		})
	}
}

func TestCheckReportsTermDetails(t *testing.T) {
	fs, err := testChecker(t).Check("a.txt", []byte("Prostitutes."), Options{})
	if err != nil || len(fs) != 1 {
		t.Fatalf("got %v, %v", fs, err)
	}
	f := fs[0]
	if f.Message != "“Prostitute” stigmatises; UNAIDS recommends “sex worker”." {
		t.Errorf("message = %q, want the why on one line", f.Message)
	}
	if strings.Join(f.Suggestions, "|") != "sex worker|sex work" {
		t.Errorf("suggestions = %q", f.Suggestions)
	}
}

func TestCheckRejectsBadInput(t *testing.T) {
	c := testChecker(t)
	tests := []struct {
		name, text, want string
		binary           bool
	}{
		{"binary", "PK\x03\x04\x00\x00prostitutes", "d.bin: looks like a binary file, not a text draft", true},
		{"UTF-16", "\xff\xfeP\x00r\x00", "d.bin: looks like UTF-16 text, not UTF-8: save it as UTF-8 (in Notepad or Word: Save as, Encoding: UTF-8)", true},
		{"UTF-16 without a byte order mark", "P\x00r\x00o\x00s\x00t\x00i\x00", "d.bin: looks like UTF-16 text, not UTF-8: save it as UTF-8 (in Notepad or Word: Save as, Encoding: UTF-8)", true},
		{"Windows-1251", "\xcf\xf0\xee\xf1\xf2\xe8\xf2\xf3\xf2\xea\xe8 \xe8 \xed\xe5\xeb\xe5\xe3\xe0\xeb\xfb.", "d.bin: looks like Windows-1251 (Cyrillic) text, not UTF-8: save it as UTF-8 (in Notepad or Word: Save as, Encoding: UTF-8)", false},
		{"Latin-1", "Hello.\nCaf\xe9 prostitute", "d.bin: not UTF-8 text at line 2, column 4: save it as UTF-8", false},
		{"after a byte order mark", "\uFEFFab\xff", "d.bin: not UTF-8 text at line 1, column 3: save it as UTF-8", false},
		{"cut in a Cyrillic letter", "Вчера\nпо\xd0", "d.bin: not UTF-8 text at line 2, column 3: save it as UTF-8", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := c.Check("d.bin", []byte(tt.text), Options{})
			var ie *InputError
			if !errors.As(err, &ie) || fs != nil {
				t.Fatalf("got %v, %v; want an *InputError", fs, err)
			}
			if err.Error() != tt.want || ie.Binary != tt.binary {
				t.Errorf("error = %q (binary %t), want %q", err, ie.Binary, tt.want)
			}
		})
	}
}

func TestCheckRejectsUnknownLanguage(t *testing.T) {
	_, err := testChecker(t).Check("d", []byte("x"), Options{Lang: "de"})
	if err == nil || !strings.Contains(err.Error(), `no terms in language "de"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestCompileRejectsNonTerms(t *testing.T) {
	if _, err := Compile([]*library.Item{{ID: "x", Kind: library.KindMyth}}, langs); err == nil {
		t.Fatal("a myth compiled as a term")
	}
	if _, err := Compile(nil, nil); err == nil {
		t.Fatal("no languages compiled")
	}
}

func TestEnglishForms(t *testing.T) {
	tests := []struct {
		word      string
		match     []string
		dontMatch []string
	}{
		{"prostitute", []string{"prostitutes", "prostitute's", "prostituted"}, []string{"prostitution", "prostitutely"}},
		{"illegal", []string{"illegals"}, []string{"illegally", "illegality"}},
		{"lady", []string{"ladies", "lady's"}, []string{"ladylike"}},
		{"woman", []string{"women", "woman's"}, []string{"womanly"}},
		{"victim", []string{"victims"}, []string{"victimless", "victimise"}},
		{"traffic", []string{"trafficked", "trafficking"}, []string{"traffickers"}},
	}
	for _, tt := range tests {
		forms := map[string]bool{}
		for _, f := range englishForms(tt.word) {
			forms[f] = true
		}
		for _, w := range tt.match {
			if !forms[w] {
				t.Errorf("%q does not match %q", w, tt.word)
			}
		}
		for _, w := range tt.dontMatch {
			if forms[w] {
				t.Errorf("%q matches %q", w, tt.word)
			}
		}
	}
}

func TestIsMarkdown(t *testing.T) {
	for name, want := range map[string]bool{"a.md": true, "B.MARKDOWN": true, "a.txt": false, "md": false} {
		if IsMarkdown(name) != want {
			t.Errorf("IsMarkdown(%q) = %t", name, !want)
		}
	}
}

func TestCheckLongLineInSegments(t *testing.T) {
	// A line longer than a segment, with a phrase across the first segment's end and the
	// Cyrillic before it counted in characters.
	prefix := strings.Repeat("я ", segmentLen/4)         // 2 bytes but 1 character per "я"
	pad := strings.Repeat("x", segmentLen-len(prefix)-3) // "illegal" ends after segmentLen
	text := prefix + pad + " illegal immigrants " + strings.Repeat("y ", 40000) + "Prostitutes."
	fs, err := testChecker(t).Check("long", []byte(text), Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	col := len([]rune(prefix+pad)) + 2
	want := []string{
		fmt.Sprintf("1:%d-%d illegal-immigrant «illegal immigrants» en", col, col+18),
		fmt.Sprintf("1:%d-%d prostitute «Prostitutes» en", col+19+80000, col+19+80000+11),
	}
	if got := brief(fs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestCheckReaderMatchesCheck checks that reading a draft as a stream finds what checking
// it whole does, and rejects the same bad input.
func TestCheckReaderMatchesCheck(t *testing.T) {
	c := curatedChecker(t)
	texts := []string{
		"\uFEFFPolice detained eight illegal\nimmigrants.\r\n\r\nПолиция задержала проституток",
		"# Title\n\n> Police rescued 11 women in a raid.\n\nRescue dogs.\n",
		string(russianDraft(300 << 10)),
		"x" + strings.Repeat("я", 70<<10) + " нелегалов\n",
	}
	for _, text := range texts {
		want, err1 := c.Check("d.md", []byte(text), Options{Markdown: true})
		got, err2 := c.CheckReader("d.md", strings.NewReader(text), Options{Markdown: true})
		if err1 != nil || err2 != nil || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("stream and whole differ for %.40q: %v %v\n%v\n%v", text, err1, err2, brief(got), brief(want))
		}
	}
	for _, bad := range []string{"\xff\xfeP\x00r\x00", "ok\nCaf\xe9", "\xcf\xf0\xee\xf1\xf2\xe8\xf2\xf3\xf2\xea\xe8"} {
		_, err1 := c.Check("d", []byte(bad), Options{})
		_, err2 := c.CheckReader("d", strings.NewReader(bad), Options{})
		if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
			t.Errorf("%q: %v / %v", bad, err1, err2)
		}
	}
}
