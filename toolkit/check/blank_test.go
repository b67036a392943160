package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// blankAll runs the blanker over text and shows each blanked character as ·.
func blankAll(text string, markdown bool) string {
	b := newBlanker(markdown)
	var out []string
	var buf []byte
	for _, line := range strings.Split(text, "\n") {
		buf = b.line([]byte(line), buf)
		if len(buf) != len(line) {
			return "length changed"
		}
		var s strings.Builder
		for i, r := range line {
			if buf[i] == ' ' && r != ' ' {
				s.WriteRune('·')
			} else {
				s.WriteRune(r)
			}
			if r != utf8.RuneError && buf[i] != ' ' && string(buf[i:i+utf8.RuneLen(r)]) != string(r) {
				return "partly blanked rune"
			}
		}
		out = append(out, s.String())
	}
	return strings.Join(out, "\n")
}

func TestBlankerKeepsProseOnly(t *testing.T) {
	tests := []struct {
		name     string
		markdown bool
		in, want string
	}{
		{"code span", true, "a `b` c ``d ` e`` f", "a ··· c ··· · ··· f"},
		{"escaped backtick", true, "a \\`b` c", "a \\`b` c"},
		{"link destination", true, "[text](http://x.org/a_(b) \"t\") after", "[text]··················· ···· after"},
		{"image", true, "![alt](img.png)", "![alt]·········"},
		{"unclosed destination", true, "[a](b c", "[a](b c"},
		{"reference label", true, "[text][label] and [1]: /u", "[text]······· and [1]: /u"},
		{"reference definition", true, "[label]: https://x.org \"Title\"", "[label]: ············· ·······"},
		{"autolinks", true, "<https://x.org> <a@b.org> <b>", "··············· ········· <b>"},
		{"bare URLs", true, "see https://x.org/a.b, (www.x.org/a) end.", "see ·················, (···········) end."},
		{"URL inside a word is not one", true, "xhttp://a", "xhttp://a"},
		{"URL in Russian quotes", true, "«https://президент.рф/путь»", "«·························»"},
		{"comment in a line", true, "a <!-- b --> c", "a ···· · ··· c"},
		{"comment over lines", true, "a <!-- b\nc\nd --> e", "a ···· ·\n·\n· ··· e"},
		{"fenced code", true, "```go\nx\n```\ny", "·····\n·\n···\ny"},
		{"tilde fence needs its own close", true, "~~~~\n```\n~~~~\ny", "····\n···\n····\ny"},
		{"indented code", true, "\n    code\n\n    more\nprose", "\n    ····\n\n    ····\nprose"},
		{"indent after a paragraph line is text", true, "para\n    lazy", "para\n    lazy"},
		{"list continuation is text", true, "1. item\n\n    more", "1. item\n\n    more"},
		{"plain text keeps code, blanks URLs", false, "`x` [a](b) http://x.org/y.", "`x` [a](b) ··············."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := blankAll(tt.in, tt.markdown); got != tt.want {
				t.Errorf("blanked\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
