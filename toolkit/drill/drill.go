// Package drill runs interview practice in a terminal: a tough question, then, when the
// spokesperson is ready, the suggested answer and a bridging line.
package drill

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/presskit/presskit/toolkit/library"
)

// Strings are the drill's interface strings in the drill's language.
type Strings interface {
	T(key string, args ...any) string
	Plural(key string, n int, args ...any) string
}

// Options control a drill.
type Options struct {
	Lang string
	// Seed fixes the order of questions; 0 keeps the library's order.
	Seed uint64
	// Shuffle mixes the questions (with Seed, reproducibly).
	Shuffle bool
	// Plain turns off the terminal styling (for pipes and tests).
	Plain bool
}

// Summary is what the drill reports at the end.
type Summary struct {
	Asked, Total int
	Quit         bool
}

// Run asks each question in turn on out and reads lines from in: Enter shows the answer
// and bridge, Enter again moves on, "q" quits. It works the same whether in is a terminal
// or a pipe. Text is plain: no colour, so it reads the same everywhere.
func Run(in io.Reader, out io.Writer, questions []*library.Item, s Strings, opt Options) (Summary, error) {
	qs := append([]*library.Item(nil), questions...)
	if opt.Shuffle {
		r := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
		r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	}
	sum := Summary{Total: len(qs)}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 4096), 1<<20)
	wait := func(prompt string) bool {
		fmt.Fprintf(out, "\n%s ", prompt)
		if !sc.Scan() {
			fmt.Fprintln(out)
			return false
		}
		return !strings.EqualFold(strings.TrimSpace(sc.Text()), "q")
	}
	for i, q := range qs {
		fmt.Fprintf(out, "\n%s\n", rule(s.T("drill_question", "n", i+1, "total", len(qs))))
		fmt.Fprintf(out, "%s\n", wrap(plain(q.Get(opt.Lang, "question")), 72, ""))
		if !wait(s.T("drill_prompt_answer")) {
			sum.Quit = true
			break
		}
		// Practised once the answer is shown: a question skipped by quitting is not.
		sum.Asked++
		fmt.Fprintf(out, "\n%s\n%s\n", s.T("suggested_answer"), wrap(plain(q.Get(opt.Lang, "answer")), 72, "  "))
		if b := q.Get(opt.Lang, "bridge"); b != "" {
			fmt.Fprintf(out, "\n%s\n%s\n", s.T("bridge"), wrap(plain(b), 72, "  "))
		}
		if i < len(qs)-1 && !wait(s.T("drill_prompt_next")) {
			sum.Quit = true
			break
		}
	}
	if err := sc.Err(); err != nil {
		return sum, fmt.Errorf("reading answers: %w", err)
	}
	fmt.Fprintf(out, "\n%s\n", s.T("drill_summary", "asked", s.Plural("questions_count", sum.Asked), "total", sum.Total))
	return sum, nil
}

func rule(title string) string {
	return "── " + title + " " + strings.Repeat("─", max(0, 60-len([]rune(title))))
}

// plain removes the inline Markdown marks a terminal cannot show.
func plain(s string) string {
	return strings.NewReplacer("**", "", "*", "", "`", "").Replace(s)
}

// wrap breaks s into lines of at most width characters, each prefixed by indent.
func wrap(s string, width int, indent string) string {
	var lines []string
	line := indent
	for _, w := range strings.Fields(s) {
		if len([]rune(line))+len([]rune(w))+1 > width && strings.TrimSpace(line) != "" {
			lines = append(lines, line)
			line = indent
		}
		if strings.TrimSpace(line) != "" {
			line += " "
		}
		line += w
	}
	if strings.TrimSpace(line) != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
