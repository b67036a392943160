//go:build !benchfloor

package main

import (
	"context"
	"io"
	"runtime/debug"
	"testing"
)

func TestCommandName(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"handout", "--lang", "ru"}, "handout"},
		{[]string{"--config=x.yaml", "build", "kit.yaml"}, "build"},
		{[]string{"-v", "check", "draft.md"}, "check"},
		{[]string{"--", "handout"}, ""},
		{nil, ""},
	} {
		if got := commandName(c.args); got != c.want {
			t.Errorf("commandName(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

// TestGCPolicy: rendering commands get their policy, check and the rest keep Go's
// default, and GOGC or GOMEMLIMIT set by the user win.
func TestGCPolicy(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	none := func(string) (string, bool) { return "", false }
	reset := func() { debug.SetGCPercent(100); debug.SetMemoryLimit(1<<63 - 1) }
	current := func() (int, int64) {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p, debug.SetMemoryLimit(-1)
	}
	for _, c := range []struct {
		args    []string
		env     func(string) (string, bool)
		percent int
		limit   int64
	}{
		{[]string{"handout", "--lang", "ru"}, none, -1, 128 << 20},
		{[]string{"prep"}, none, -1, 128 << 20},
		{[]string{"build", "kit.yaml"}, none, 400, 1<<63 - 1},
		{[]string{"check", "draft.md"}, none, 100, 1<<63 - 1},
		{[]string{"list"}, none, 100, 1<<63 - 1},
		{[]string{"build", "kit.yaml"}, func(k string) (string, bool) { return "50", k == "GOGC" }, 100, 1<<63 - 1},
		{[]string{"handout"}, func(k string) (string, bool) { return "1GiB", k == "GOMEMLIMIT" }, 100, 1<<63 - 1},
	} {
		reset()
		setGCPolicy(c.args, c.env)
		if p, l := current(); p != c.percent || l != c.limit {
			t.Errorf("%q: GC percent %d, limit %d; want %d, %d", c.args, p, l, c.percent, c.limit)
		}
	}
}

// TestSubcommandNames: the table a run picks its one command from names each command
// as the command calls itself, and the whole tree has every command of the table.
func TestSubcommandNames(t *testing.T) {
	a := &app{streams: &streams{}}
	for _, c := range subcommands {
		if got := c.new(a).Name(); got != c.name {
			t.Errorf("subcommands lists %q for the command named %q", c.name, got)
		}
	}
	root := newRootCmd(&streams{}, nil)
	for _, c := range subcommands {
		if cmd, _, err := root.Find([]string{c.name}); err != nil || cmd.Name() != c.name {
			t.Errorf("the whole tree has no %q", c.name)
		}
	}
	for _, args := range [][]string{{"version"}, {"list", "myths"}, {"handout", "--lang", "ru"}} {
		root := newRootCmd(&streams{}, args)
		if n := len(root.Commands()); n != 1 {
			t.Errorf("%q: the root has %d commands, want the one it runs", args, n)
		}
	}
	for _, args := range [][]string{nil, {}, {"help"}, {"completion", "bash"}, {"--lang=ru", "handout"}, {"handotu"}, {"kit"}} {
		root := newRootCmd(&streams{}, args)
		if n := len(root.Commands()); n < len(subcommands) {
			t.Errorf("%q: the root has %d commands, want the whole tree", args, n)
		}
	}
}

// TestSignalsOnlyWhereUsed: run installs the Ctrl-C handler for every command but the
// ones that only print, and for anything it does not recognise.
func TestSignalsOnlyWhereUsed(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"version"}, false},
		{[]string{"list", "myths"}, false},
		{[]string{"config"}, false},
		{[]string{"build", "--help"}, true},
		{[]string{"handout", "--help"}, true},
		{[]string{"--lang=ru", "list"}, true},
		{[]string{"help"}, true},
		{nil, true},
	} {
		called := false
		s := &streams{Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" },
			LookupEnv: func(string) (string, bool) { return "", false }, WorkDir: t.TempDir(),
			notify: func() context.Context { called = true; return context.Background() }}
		run(c.args, s)
		if called != c.want {
			t.Errorf("%q: handler installed %v, want %v", c.args, called, c.want)
		}
	}
}
