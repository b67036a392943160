package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestEdgeInputAccepted covers input that looks odd but is not an error.
func TestEdgeInputAccepted(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		args  []string
		stdin []byte
		exit  int
	}{
		{name: "check empty file", files: map[string]string{"empty.md": ""}, args: []string{"check", "empty.md"}},
		{name: "check empty stdin", args: []string{"check", "-"}, stdin: []byte{}},
		{name: "check empty file as json", files: map[string]string{"empty.txt": ""}, args: []string{"check", "--format", "json", "empty.txt"}},
		{name: "check only blank lines", files: map[string]string{"blank.md": "\n\n   \n\t\n"}, args: []string{"check", "blank.md"}},
		{name: "check BOM and CRLF", files: map[string]string{"crlf.txt": "\ufeffPolice arrested five prostitutes.\r\n"}, args: []string{"check", "crlf.txt"}, exit: 1},
		{name: "validate empty user library", files: map[string]string{"lib/empty.yaml": ""}, args: []string{"validate", "--library", "lib"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, text := range c.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res := runPresskit(t, invocation{args: c.args, dir: dir, stdin: c.stdin})
			if res.code != c.exit {
				t.Errorf("presskit %s: exit %d, want %d\nstderr:\n%s\nstdout:\n%s", strings.Join(c.args, " "), res.code, c.exit, res.stderr, tail(res.stdout))
			}
			if m := stackTrace.FindString(res.stderr + res.stdout); m != "" {
				t.Errorf("Go internals in the output (%q):\n%s", m, res.stderr)
			}
		})
	}
}

// TestCheckLargeInput checks a 50 MB draft: it must finish, with findings or without.
func TestCheckLargeInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b bytes.Buffer
	lines := []string{
		"Migrant workers organise for safer conditions, and outreach teams meet them every week.\n",
		"Мигранты в секс-работе говорят за себя сами, и их голос должен звучать в новостях.\n",
		"Researchers, advocates and workers agree that policing pushes people away from help.\n",
		"Police arrested five prostitutes in a raid on Tuesday.\n", // one finding now and then
	}
	for i := 0; b.Len() < 50<<20; i++ {
		if i%2000 == 1999 {
			b.WriteString(lines[3])
			continue
		}
		b.WriteString(lines[i%3])
	}
	path := filepath.Join(dir, "big.md")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runPresskit(t, invocation{args: []string{"check", "big.md"}, dir: dir})
	if res.code != 0 && res.code != 1 {
		t.Fatalf("check of a 50 MB draft: exit %d, want 0 or 1\nstderr:\n%s", res.code, tail(res.stderr))
	}
	if m := stackTrace.FindString(res.stderr); m != "" {
		t.Errorf("Go internals in the output (%q):\n%s", m, tail(res.stderr))
	}
	if !strings.Contains(res.stdout, "big.md:") {
		t.Errorf("no finding reported in a draft with one every 2000 lines; stdout:\n%s", tail(res.stdout))
	}
	t.Logf("checked %d MB in %v", b.Len()>>20, res.elapsed)
}

// TestHugeSelectionFailsFast asks for a handout of a thousand myths: the answer, that they
// cannot fit and how many to drop, must come in seconds, not after minutes of fitting.
func TestHugeSelectionFailsFast(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("sources:\n  - id: big-src\n    type: research\n    publisher: Our organisation\n    passages: [\"Research agrees that it is not.\"]\n    en:\n      title: Notes\n    ru:\n      title: Заметки\nmyths:\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "  - id: big-myth-%04d\n    tags: [big]\n    sources: [big-src]\n    claim: finding\n    evidence: [{source: big-src, passage: \"Research agrees\"}]\n", i)
		fmt.Fprintf(&b, "    en:\n      myth: Myth number %d says that migrant sex work is trafficking.\n      fact: Fact number %d says it is not, and research agrees.\n", i, i)
		fmt.Fprintf(&b, "    ru:\n      myth: Миф номер %d гласит, что секс-работа мигрантов — торговля людьми.\n      fact: Факт номер %d — это не так, и исследования это подтверждают.\n", i, i)
	}
	if err := os.MkdirAll(filepath.Join(dir, "lib"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lib", "big.yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	args := []string{"handout", "--library", "lib", "--tag", "big", "--lang", "en", "--format", "pdf", "-o", out}
	res := runPresskit(t, invocation{args: args, dir: dir, timeout: 10 * time.Second})
	if res.code != 1 || !regexp.MustCompile(`handout.*\ben\b.*\d+ mm.*drop \d+ myths`).MatchString(res.stderr) {
		t.Errorf("presskit %s: exit %d, want 1 and how many myths to drop\nstderr:\n%s", strings.Join(args, " "), res.code, tail(res.stderr))
	}
	if left := snapshot(t, out); len(left) > 0 {
		t.Errorf("files left in the output folder: %v", left)
	}
	t.Logf("answered in %v", res.elapsed)
}
