package check

import (
	"fmt"
	"strings"
	"testing"
)

// TestSenseAndMention checks the rules that decide a finding on the curated terms, each
// with a case that must be found and one that must not, in plain text and Markdown.
func TestSenseAndMention(t *testing.T) {
	c := curatedChecker(t)
	tests := []struct {
		name, text string
		md         bool
		want       []string // "line:col rule lang [m]"
	}{
		{"phrase wrapped over two lines", "Police detained eight illegal\nimmigrants on Friday.", false,
			[]string{"1:23-2:11 illegal-immigrant en"}},
		{"cue on the line before, same sentence", "Coast guard crews\nrescued two kayakers off the point.", true, nil},
		{"needs on the line before", "During the raid on the massage parlour, police\nrescued seven women.", true,
			[]string{"2:1-2:8 rescue en"}},
		{"heading ends the sentence", "# Police raid\nWe rescued a kitten.", true, nil},
		{"mixed line, both languages", "Police arrested prostitutes / Полиция задержала проституток.", false,
			[]string{"1:17-1:28 prostitute en", "1:49-1:60 prostitute ru"}},
		{"closed compound", "Сексрабыни и sexslaves.", false,
			[]string{"1:1-1:11 sex-slave ru", "1:14-1:23 sex-slave en"}},
		{"name in capitals", "Volunteers from The Rescue Mission met police at the shelter for women.", false, nil},
		{"title-case headline is no name", "Police Rescue Eleven Women From Massage Parlour", false,
			[]string{"1:8-1:14 rescue en"}},
		{"quoted title after a law", "Статья 6.11 КоАП «Занятие проституцией» применяется к женщинам.", false, nil},
		{"undercover agent", "Разведчик-нелегал прожил в Канаде двадцать лет.", false, nil},
		{"word named as a word", "Стоп-слово «нелегал» пора забыть.", false, []string{"1:13-1:20 illegals ru m"}},
		{"the word …", "Само слово «нелегал» делает человека преступником.", false, []string{"1:13-1:20 illegals ru m"}},
		{"scare quotes are use", "В городе снова стало больше «нелегалов».", false, []string{"1:30-1:39 illegals ru"}},
		{"quote attributed after a dash", "«Нелегалы, вон!» — было написано на плакате.", false, []string{"1:2-1:10 illegals ru m"}},
		{"quote across lines, attributed after", "\"We rescued eleven young\nwomen tonight,\" the inspector said.", false,
			[]string{"1:5-1:12 rescue en m"}},
		{"a list of quoted words is named as one", "Пора перестать писать «проститутки», «нелегалы» и «жертвы».", false,
			[]string{"1:24-1:35 prostitute ru m", "1:39-1:47 illegals ru m", "1:52-1:58 victims ru m"}},
		{"called her a …", "They called her a whore in front of the whole street.", false, []string{"1:19-1:24 hooker en m"}},
		{"blockquote", "> Police rescued 11 women.", true, []string{"1:10-1:17 rescue en m"}},
		{"legal prostitution", "Critics of the bill say decriminalising prostitution would help.", false, nil},
		{"prostitution as use", "Residents say prostitution has returned.", false, []string{"1:15-1:27 prostitution en"}},
		{"except phrase", "Общество спасения на водах провело учения.", false, nil},
		{"same-line ignore", "Prostitutes. <!-- presskit-ignore -->", false, nil},
		{"ignore by term", "<!-- presskit-ignore prostitute -->\nProstitutes and illegals.", false, []string{"2:17-2:25 illegals en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := c.Check("d", []byte(tt.text), Options{Markdown: tt.md})
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, f := range fs {
				g := fmt.Sprintf("%d:%d-%d:%d %s %s", f.Line, f.Column, f.EndLine, f.EndColumn, f.Rule, f.Lang)
				if f.Mention {
					g += " m"
				}
				got = append(got, g)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%q:\n got  %v\n want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestHTMLBlocksAndQuotes(t *testing.T) {
	c := curatedChecker(t)
	html := "<h1>Police raid</h1><p>We rescued a kitten.</p>\n<blockquote><p>Police rescued 11 women.</p></blockquote>\n<script>var prostitutes;</script><!-- illegals -->"
	fs, err := c.Check("d.html", []byte(html), Options{HTML: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || !fs[0].Mention || fs[0].Line != 2 || fs[0].Column != 23 {
		t.Fatalf("got %+v", fs)
	}
}
