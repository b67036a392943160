package check

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/library"
)

// TestSuggestionsAgreeWithTheMatch checks every form of every avoided Russian paradigm in
// the curated library: the form is found as its term, and each suggestion that has a
// paradigm comes back in a case and number the form can have (exactly that one when the
// form has one reading).
func TestSuggestionsAgreeWithTheMatch(t *testing.T) {
	c := curatedChecker(t)
	lib, _ := library.Load([]library.Source{{FS: os.DirFS("../../content"), Name: "content"}}, library.Options{Languages: langs})
	checked := 0
	for _, it := range lib.Items(library.KindTerm) {
		say := it.List("ru", "say")
		ps, err := parseParadigms(it.List("ru", "paradigms"), say)
		if err != nil {
			t.Fatalf("%s: %v", it.ID, err)
		}
		if len(ps.list) == 0 {
			continue
		}
		for _, p := range ps.list {
			if p.say {
				continue
			}
			for slot, form := range p.forms {
				if form == "" {
					continue
				}
				fs, err := c.Check("t", []byte(form), Options{literal: true})
				if err != nil {
					t.Fatal(err)
				}
				i := slices.IndexFunc(fs, func(f Finding) bool { return f.Rule == it.ID })
				if i < 0 {
					t.Errorf("%s: %q not found", it.ID, form)
					continue
				}
				readings := map[int]bool{}
				for _, ref := range ps.byForm[normForm(form)] {
					if !ps.list[ref.para].say {
						readings[ref.slot] = true
					}
				}
				for k, s := range say {
					sp := sayParadigm(ps, s)
					if sp == nil {
						continue
					}
					got := fs[i].Suggestions[k]
					ok := false
					for r := range readings {
						if sp.forms[r] != "" && sp.forms[r] == got || sp.forms[r] == "" && got == s {
							ok = true
						}
					}
					if len(readings) == 1 && sp.forms[slot] != "" && got != sp.forms[slot] {
						ok = false
					}
					if !ok {
						t.Errorf("%s: %q (%s) suggests %q, which does not agree", it.ID, form, slotNames[slot], got)
					}
					checked++
				}
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d suggestions checked; the paradigms are not being read", checked)
	}
}

func sayParadigm(ps *paradigms, say string) *paradigm {
	for _, ref := range ps.byForm[normForm(say)] {
		if ps.list[ref.para].say {
			return &ps.list[ref.para]
		}
	}
	return nil
}

func TestInflectedSuggestionsInContext(t *testing.T) {
	c := curatedChecker(t)
	tests := []struct{ text, want string }{
		{"Журналист поговорил с проститутками.", "секс-работниками, секс-работницами"},
		{"Полиция задержала пять проституток.", "секс-работников, секс-работниц"},
		{"Проститутки вернулись на шоссе.", "Секс-работники, Секс-работницы"},
		{"В ходе рейда задержали двенадцать нелегалов.", "людей без документов, мигрантов с неурегулированным статусом"},
		{"Помощь нелегальным мигрантам запрещена.", "мигрантам без документов, мигрантам с неурегулированным статусом"},
		{"Жители района жалуются на проституцию.", "секс-работу, продажу сексуальных услуг"},
		{"Фильм о сексуальном рабстве вышел в прокат.", "мигрантки в секс-работе, принудительный труд (о конкретном доказанном случае)"},
		{"Полицейские провели спасательную операцию в сауне и вывели девушек.", "полицейский рейд, задержание, арест"},
		{"Полиция сообщила о спасении девушек в ходе рейда.", "полицейском рейде, задержании, аресте"},
		{"Эксперты говорят о жертвах торговли людьми в салонах.", "секс-работницах, пострадавших от торговли людьми (о конкретном случае)"},
	}
	for _, tt := range tests {
		fs, err := c.Check("t", []byte(tt.text), Options{})
		if err != nil || len(fs) == 0 {
			t.Errorf("%q: no finding (%v)", tt.text, err)
			continue
		}
		if got := strings.Join(fs[0].Suggestions, ", "); got != tt.want {
			t.Errorf("%q: suggestions %q, want %q", tt.text, got, tt.want)
		}
	}
}
