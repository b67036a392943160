package library_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/library"
)

func loadEmbedded(t *testing.T) (*library.Library, library.Problems) {
	t.Helper()
	langs := []string{"en", "ru"}
	lib, probs := library.Load([]library.Source{{FS: content.FS, Name: "content", Origin: "embedded"}},
		library.Options{Languages: langs, Known: langs})
	return lib, append(probs, lib.Validate()...)
}

// TestEmbeddedLibraryValidates holds the curated library to every rule, the editorial
// ones (evidence, claim types, answers, terms) included. On failure it prints how many
// problems remain, by rule, before the problems themselves.
func TestEmbeddedLibraryValidates(t *testing.T) {
	_, probs := loadEmbedded(t)
	if len(probs) == 0 {
		return
	}
	t.Fatalf("the embedded library has %d problem(s):\n%s\n%v", len(probs), byRule(probs), probs)
}

// byRule counts problems by the rule they break: their message with quoted values,
// numbers and what follows the first colon or semicolon left out.
func byRule(probs library.Problems) string {
	quoted := regexp.MustCompile(`"[^"]*"|\d+`)
	counts := map[string]int{}
	for _, p := range probs {
		m := quoted.ReplaceAllString(p.Msg, "…")
		if i := strings.IndexAny(m, ":;("); i > 0 {
			m = m[:i]
		}
		counts[strings.TrimSpace(m)]++
	}
	rules := make([]string, 0, len(counts))
	for r := range counts {
		rules = append(rules, r)
	}
	sort.Slice(rules, func(i, j int) bool {
		return counts[rules[i]] > counts[rules[j]] || counts[rules[i]] == counts[rules[j]] && rules[i] < rules[j]
	})
	var b strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&b, "  %4d  %s\n", counts[r], r)
	}
	return b.String()
}

// TestShippedRulesRecogniseTheLibrarysQuestions checks the cue lists of content/i18n on
// real wording: which questions ask for yes or no, and what counts as attribution.
func TestShippedRulesRecogniseTheLibrarysQuestions(t *testing.T) {
	lib, _ := loadEmbedded(t)
	en, ru := lib.Rules["en"], lib.Rules["ru"]
	if en == nil || ru == nil || len(en.Attribution) == 0 || len(ru.YesNoContains) == 0 {
		t.Fatalf("rules not read from content/i18n: en %+v ru %+v", en, ru)
	}
	for _, c := range []struct {
		r    *library.Rules
		q    string
		want bool
	}{
		{en, "Aren't you just defending pimps and traffickers?", true},
		{en, "Isn’t the average age of entry into sex work 13?", true},
		{en, "Doesn't decriminalisation increase trafficking?", true},
		{en, "But isn't it all trafficking?", true},
		{en, "Why oppose raids that rescue women?", false},
		{en, "Who are you to speak for migrant women?", false},
		{ru, "Разве вы не защищаете сутенёров и торговцев людьми?", true},
		{ru, "Не проще ли запретить всё?", true},
		{ru, "Правда ли, что средний возраст — 13 лет?", true},
		{ru, "Почему вы против рейдов?", false},
		{ru, "Кто вы такие, чтобы говорить за мигранток?", false},
	} {
		if got := c.r.IsYesNo(c.q); got != c.want {
			t.Errorf("IsYesNo(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	for _, c := range []struct {
		r      *library.Rules
		answer string
		want   bool
	}{
		{en, "No. That figure comes from a 2001 study of minors only, The Atlantic reported. Ontario's strategy still repeated it.", true},
		{en, "Decriminalisation doesn't legalise trafficking: under Amnesty International's 2016 policy, trafficking, forced labour and child sexual exploitation stay crimes.", false},
		{en, "Not all, and the figures show it.", true},
		{en, "A Lancet model says yes: in the settings studied, it projected 33–46% of infections among female sex workers and clients averted over a decade.", true},
		{en, "There are many reasons to think that the figure, which has been repeated by officials and the press for years, is wrong.", false},
		{ru, "Нет, и вот почему: эта цифра восходит к исследованию 2001 года, в выборку которого попали только несовершеннолетние.", true},
		{ru, "Декриминализация не легализует торговлю людьми: согласно позиции Amnesty International 2016 года, торговля людьми остаётся преступлением.", false},
	} {
		if got := c.r.IsDirect(c.answer); got != c.want {
			t.Errorf("IsDirect(%q) = %v, want %v", c.answer, got, c.want)
		}
	}
}
