package drill

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/library"
)

type fakeStrings struct{}

func (fakeStrings) T(key string, args ...any) string { return key + fmt.Sprint(args...) }
func (fakeStrings) Plural(key string, n int, args ...any) string {
	return fmt.Sprintf("%d %s", n, key)
}

func questions(n int) []*library.Item {
	var out []*library.Item
	for i := 1; i <= n; i++ {
		out = append(out, &library.Item{ID: fmt.Sprintf("q%d", i), Kind: library.KindQuestion, Text: map[string]*library.Text{
			"en": {Fields: map[string]string{"question": fmt.Sprintf("Question %d?", i), "answer": fmt.Sprintf("Answer %d.", i), "bridge": "What matters is…"}},
		}})
	}
	return out
}

func TestDrillShowsAnswerAfterEnterAndQuitsOnQ(t *testing.T) {
	var out bytes.Buffer
	sum, err := Run(strings.NewReader("\n\nq\n"), &out, questions(3), fakeStrings{}, Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	// Answer 1 was shown; question 2 was quit before its answer, so it does not count.
	if sum.Asked != 1 || !sum.Quit || sum.Total != 3 {
		t.Fatalf("summary = %+v", sum)
	}
	text := out.String()
	for _, want := range []string{"Question 1?", "Answer 1.", "What matters is…", "Question 2?"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Answer 2.") {
		t.Errorf("answer 2 shown after q:\n%s", text)
	}
}

func TestDrillEndsAtEndOfInput(t *testing.T) {
	var out bytes.Buffer
	sum, err := Run(strings.NewReader(""), &out, questions(2), fakeStrings{}, Options{Lang: "en"})
	if err != nil || sum.Asked != 0 || !sum.Quit {
		t.Fatalf("sum=%+v err=%v", sum, err)
	}
}

func TestQuittingBeforeTheFirstAnswerPractisesNothing(t *testing.T) {
	var out bytes.Buffer
	sum, err := Run(strings.NewReader("q\n"), &out, questions(3), fakeStrings{}, Options{Lang: "en"})
	if err != nil || sum.Asked != 0 {
		t.Fatalf("sum=%+v err=%v, want 0 practised", sum, err)
	}
}

func TestSeedGivesAFixedOrder(t *testing.T) {
	order := func(seed uint64) string {
		var out bytes.Buffer
		Run(strings.NewReader(strings.Repeat("\n", 20)), &out, questions(6), fakeStrings{}, Options{Lang: "en", Seed: seed, Shuffle: true})
		var qs []string
		for _, l := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(l, "Question ") {
				qs = append(qs, l)
			}
		}
		return strings.Join(qs, " ")
	}
	if order(7) != order(7) {
		t.Fatal("same seed, different order")
	}
	if order(7) == order(8) && order(8) == order(9) {
		t.Fatal("seed has no effect")
	}
}
