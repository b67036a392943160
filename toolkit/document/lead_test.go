package document

import "testing"

func TestSplitLead(t *testing.T) {
	for _, c := range []struct{ in, lead, rest string }{
		{"Most are not. The figure comes from a 2001 study.", "Most are not.", "The figure comes from a 2001 study."},
		{"One sentence only.", "One sentence only.", ""},
		{"Research by J. Smith found it. Then more.", "Research by J. Smith found it.", "Then more."},
		{"In the U.S. it is rare. 13 states agree.", "In the U.S. it is rare.", "13 states agree."},
		{"Большинство — нет. «Цифра» взята из исследования.", "Большинство — нет.", "«Цифра» взята из исследования."},
		{"It costs C$307 million. a lower-case start is not a sentence. Yes.", "It costs C$307 million. a lower-case start is not a sentence.", "Yes."},
	} {
		r := Rich{{Spans: []Span{{Text: c.in[:5]}, {Text: c.in[5:], Strong: true}}}}
		lead, rest := r.SplitLead()
		if got := lead.Plain(); got != c.lead {
			t.Errorf("%q: lead %q, want %q", c.in, got, c.lead)
		}
		if got := rest.Plain(); got != c.rest {
			t.Errorf("%q: rest %q, want %q", c.in, got, c.rest)
		}
	}
}
