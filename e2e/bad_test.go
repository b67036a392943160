package e2e

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// badCase is one folder of testdata/bad: case.yaml plus the files the case needs.
type badCase struct {
	// Args is the command line after "presskit": a string split at white space, or a list.
	// {dir} stands for the case's working folder (a copy of the case folder), {out} for a
	// fresh output folder outside it, {unwritable} for a folder no one may write into.
	Args argList `yaml:"args"`
	// Stdin names a file of the case folder to feed to standard input.
	Stdin string `yaml:"stdin"`
	// Exit is the expected exit status; never 0 here.
	Exit int `yaml:"exit"`
	// Message is a regular expression that standard error must match. It demands the
	// location: file:line:col, an item id, a language or a character.
	Message string `yaml:"message"`
	// Not, when set, is a regular expression that standard error must not match (a
	// suggestion that would mislead, say).
	Not string `yaml:"not"`
	// Stdout, when set, is a regular expression that standard output must match (validate
	// prints its problems there, like a linter).
	Stdout string `yaml:"stdout"`
	// Env adds environment variables ({dir} and {out} are replaced in the values).
	Env map[string]string `yaml:"env"`
	// Why says what the case is about, for the reader.
	Why string `yaml:"why"`
}

type argList []string

func (a *argList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*a = strings.Fields(n.Value)
		return nil
	case yaml.SequenceNode:
		var l []string
		if err := n.Decode(&l); err != nil {
			return err
		}
		*a = l
		return nil
	}
	return errors.New("args: give a string or a list of strings")
}

func loadBadCase(t *testing.T, dir string) badCase {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "case.yaml"))
	if err != nil {
		t.Fatalf("case: %v", err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	var c badCase
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("%s/case.yaml: %v", filepath.Base(dir), err)
	}
	if len(c.Args) == 0 || c.Exit == 0 || c.Message == "" {
		t.Fatalf("%s/case.yaml: args, a non-zero exit and message are required", filepath.Base(dir))
	}
	for _, re := range []string{c.Message, c.Not, c.Stdout} {
		if _, err := regexp.Compile(re); err != nil {
			t.Fatalf("%s/case.yaml: %v", filepath.Base(dir), err)
		}
	}
	return c
}

// unwritableFolder returns a folder that cannot be written into. Root may write into a
// folder without write permission, so as root it is a folder of /sys, where even root may
// not create anything.
func unwritableFolder(t *testing.T) string {
	t.Helper()
	if os.Geteuid() == 0 {
		return "/sys/presskit-e2e"
	}
	d := filepath.Join(t.TempDir(), "read-only")
	if err := os.Mkdir(d, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(d, 0o755) })
	return d
}

// TestBadInput runs every case of testdata/bad: each must fail with its exit status and a
// message that names what and where, print no Go stack trace, and leave no files behind.
func TestBadInput(t *testing.T) {
	root := filepath.Join(repoRoot, "testdata", "bad")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			caseDir := filepath.Join(root, name)
			c := loadBadCase(t, caseDir)
			tmp := t.TempDir()
			work := filepath.Join(tmp, "work")
			out := filepath.Join(tmp, "out")
			copyTree(t, caseDir, work, map[string]bool{"case.yaml": true})
			repl := strings.NewReplacer("{dir}", work, "{out}", out, "{unwritable}", unwritableFolder(t))
			args := make([]string, len(c.Args))
			for i, a := range c.Args {
				args[i] = repl.Replace(a)
			}
			env := map[string]string{}
			for k, v := range c.Env {
				env[k] = repl.Replace(v)
			}
			var stdin []byte
			if c.Stdin != "" {
				data, err := os.ReadFile(filepath.Join(caseDir, c.Stdin))
				if err != nil {
					t.Fatalf("stdin: %v", err)
				}
				stdin = data
			}
			before := snapshot(t, work)
			res := runPresskit(t, invocation{args: args, dir: work, env: env, stdin: stdin})
			var bad []string
			if res.code != c.Exit {
				bad = append(bad, "exit status "+strconv.Itoa(res.code)+", want "+strconv.Itoa(c.Exit))
			}
			if !regexp.MustCompile(c.Message).MatchString(res.stderr) {
				bad = append(bad, "stderr does not match "+strconv.Quote(c.Message))
			}
			if c.Not != "" && regexp.MustCompile(c.Not).MatchString(res.stderr) {
				bad = append(bad, "stderr matches "+strconv.Quote(c.Not)+", which it must not")
			}
			if c.Stdout != "" && !regexp.MustCompile(c.Stdout).MatchString(res.stdout) {
				bad = append(bad, "stdout does not match "+strconv.Quote(c.Stdout))
			}
			if m := stackTrace.FindString(res.stderr + res.stdout); m != "" {
				bad = append(bad, "Go internals in the output: "+strconv.Quote(m))
			}
			if left := snapshot(t, out); len(left) > 0 {
				var names []string
				for p := range left {
					names = append(names, p)
				}
				sort.Strings(names)
				bad = append(bad, "files left in the output folder: "+strings.Join(names, ", "))
			}
			if d := diffSnapshots(before, snapshot(t, work)); len(d) > 0 {
				bad = append(bad, "files written or changed in the working folder: "+strings.Join(d, ", "))
			}
			if len(bad) > 0 {
				t.Errorf("%s (%s)\n%s\n$ presskit %s\nexit %d\nstderr:\n%s\nstdout:\n%s",
					name, c.Why, strings.Join(bad, "\n"), strings.Join(c.Args, " "), res.code, tail(res.stderr), tail(res.stdout))
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d bad-input cases in %s; want at least 30", n, root)
	}
}
