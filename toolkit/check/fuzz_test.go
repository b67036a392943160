package check

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// FuzzCheck checks that Check never panics and that every finding points at its match:
// the line exists, the columns are inside it, and the text there is the match.
func FuzzCheck(f *testing.F) {
	c := testChecker(f)
	for _, s := range []string{
		"Вчера полиция задержала нелегалов",
		"Police detained eight illegal *immigrants*.\n\n[prostitutes](http://x)",
		"```\nprostitutes\n```\n<!--\n-->",
		"Eight illegal\nimmigrants «спасли» \"rescued\" > <p>нелегалов</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opt := range []Options{{}, {Markdown: true}, {Lang: "ru", Markdown: true}, {HTML: true}} {
			fs, err := c.Check("fuzz", data, opt)
			streamed, err2 := c.CheckReader("fuzz", bytes.NewReader(data), opt)
			if (err == nil) != (err2 == nil) || err == nil && fmt.Sprint(fs) != fmt.Sprint(streamed) {
				t.Fatalf("%+v: Check and CheckReader differ: %v / %v\n%v\n%v", opt, err, err2, fs, streamed)
			}
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Fatalf("%+v: unexpected error %v", opt, err)
				}
				continue
			}
			lines := strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n")
			for _, f := range fs {
				if f.Line < 1 || f.Line > len(lines) {
					t.Fatalf("%+v: finding on line %d of %d", opt, f.Line, len(lines))
				}
				line := []rune(strings.TrimSuffix(lines[f.Line-1], "\r"))
				if f.EndLine != f.Line {
					// A phrase wrapped over lines: the text from its start to its end, line
					// breaks as spaces, is the match.
					if f.EndLine < f.Line || f.EndLine > len(lines) || f.Column < 1 || f.Column > len(line) {
						t.Fatalf("%+v: wrapped finding %d:%d-%d:%d out of the draft", opt, f.Line, f.Column, f.EndLine, f.EndColumn)
					}
					text := string(line[f.Column-1:])
					for l := f.Line + 1; l <= f.EndLine; l++ {
						r := []rune(strings.TrimSuffix(lines[l-1], "\r"))
						if l < f.EndLine {
							text += "\n" + string(r)
						} else {
							text += "\n" + string(r[:min(len(r), f.EndColumn-1)])
						}
					}
					if strings.Join(strings.Fields(text), " ") != f.Match {
						t.Fatalf("%+v: match %q but the text at %d:%d is %q", opt, f.Match, f.Line, f.Column, text)
					}
					continue
				}
				if f.Column < 1 || f.EndColumn <= f.Column || f.EndColumn > len(line)+1 {
					t.Fatalf("%+v: columns %d-%d outside line %d (%d characters)", opt, f.Column, f.EndColumn, f.Line, len(line))
				}
				at := string(line[f.Column-1 : f.EndColumn-1])
				if strings.Contains(at, "\r") {
					// A carriage return inside a line (an old Mac line end) is shown as a
					// space, as a line break inside a match is: the match is folded.
					at = strings.Join(strings.Fields(at), " ")
				}
				if at != f.Match {
					t.Fatalf("%+v: match %q but the text at %d:%d is %q", opt, f.Match, f.Line, f.Column, at)
				}
			}
		}
	})
}
