package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/output"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// streams are the program's input and output, injected so that tests drive commands.
type streams struct {
	In          io.Reader
	Out, Err    io.Writer
	OutIsTTY    bool
	ErrIsTTY    bool
	Getenv      func(string) string
	LookupEnv   func(string) (string, bool)
	WorkDir     string
	UserConfDir string
	// Ctx is cancelled by Ctrl-C or SIGTERM; nil in tests that do not need it.
	Ctx context.Context
	// notify, when set, makes Ctx: run calls it unless the command only prints (below).
	notify func() context.Context
	// writeHook, when set (tests only), writes each output file in place of a plain write,
	// so that a test can interrupt a build halfway.
	writeHook func(w io.Writer, f output.File) error
}

func newStreams() *streams {
	wd, _ := os.Getwd()
	ucd, _ := os.UserConfigDir()
	return &streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutIsTTY: term.IsTerminal(int(os.Stdout.Fd())),
		ErrIsTTY: term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:   os.Getenv, LookupEnv: os.LookupEnv,
		WorkDir: wd, UserConfDir: ucd,
		notify: signalContext,
	}
}

// exitError carries an exit status for errors that are not plain failures.
type exitError struct {
	code  int
	err   error
	usage bool // a mistake in the command line: point at --help
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// silentExit ends the program with a status and no message (the command printed it).
type silentExit int

func (s silentExit) Error() string { return fmt.Sprintf("exit status %d", int(s)) }

// run executes the command line and maps every error to a message and an exit status, in
// one place: 0 success, 1 failure or findings, 2 bad usage.
func run(args []string, s *streams) int {
	if s.Ctx == nil && s.notify != nil && !printsOnly(args) {
		s.Ctx = s.notify()
	}
	root := newRootCmd(s, args)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	ctx := s.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	if errors.Is(err, context.Canceled) {
		msg := "interrupted; nothing was written"
		var ie *output.InterruptedError
		if errors.As(err, &ie) {
			msg = (&output.InterruptedError{Dir: (&app{streams: s}).rel(ie.Dir), Err: ie.Err}).Error()
		}
		fmt.Fprintf(s.Err, "presskit: %s\n", msg)
		return 130 // as a shell reports a command ended by Ctrl-C
	}
	var se silentExit
	if errors.As(err, &se) {
		return int(se)
	}
	code, usage := 1, false
	var ee *exitError
	if errors.As(err, &ee) {
		code, usage = ee.code, ee.usage
	} else if isUsageError(err) {
		code, usage = 2, true
	}
	msg := err.Error()
	var probs library.Problems
	if errors.As(err, &probs) {
		msg = fmt.Sprintf("%s\n%d problem(s) in the library", probs.Error(), len(probs))
	}
	fmt.Fprintf(s.Err, "presskit: %s\n", strings.TrimSpace(msg))
	if usage {
		fmt.Fprintln(s.Err, "Run 'presskit --help' for usage.")
	}
	return code
}

func isUsageError(err error) bool {
	m := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires exactly", "bad flag"} {
		if strings.Contains(m, p) {
			return true
		}
	}
	return false
}

// noConfig marks commands that need no settings: they run even where the workspace's
// presskit.yaml is broken.
const noConfig = "presskit/no-config"

func usageErrorf(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...), usage: true}
}

// subcommands are presskit's commands, in the order help lists them, by name, so that a
// run builds only the command it runs (below).
//
// printsOnly marks the commands that write nothing but their output and never look at
// the context: they run without presskit's Ctrl-C handler (signalContext), which costs
// two goroutines, usually two threads, and ~17 page faults at start; Ctrl-C ends them
// at once, as it ends any program, instead of being held until they finish.
var subcommands = []struct {
	name       string
	new        func(*app) *cobra.Command
	printsOnly bool
}{
	{"handout", newHandoutCmd, false},
	{"brief", newBriefCmd, false},
	{"prep", newPrepCmd, false},
	{"check", newCheckCmd, false},
	{"drill", newDrillCmd, false},
	{"init", newInitCmd, false},
	{"build", newBuildCmd, false},
	{"release", newReleaseCmd, false},
	{"cards", newCardsCmd, false},
	{"serve", newServeCmd, false},
	{"version", newVersionCmd, true},
	{"list", newListCmd, true},
	{"show", newShowCmd, true},
	{"search", newSearchCmd, true},
	{"validate", newValidateCmd, false},
	{"config", newConfigCmd, true},
	{"completion", newCompletionCmd, false},
}

// printsOnly reports whether args run a command marked printsOnly.
func printsOnly(args []string) bool {
	i := onlyCommand(args)
	return i >= 0 && subcommands[i].printsOnly
}

// onlyCommand is the subcommand args run when they begin with its name: then the root
// gets that command alone, and a run does not build the other sixteen with their flags
// (about 90 page faults and several ms at every start; docs/benchmarks.md). Anything
// else — help, a help topic, completion (which walks the whole tree), a global flag
// before the command, a mistyped name that wants suggestions — gets the whole tree.
func onlyCommand(args []string) int {
	if len(args) == 0 || args[0] == "completion" {
		return -1
	}
	for i, c := range subcommands {
		if c.name == args[0] {
			return i
		}
	}
	return -1
}

// newRootCmd builds the command tree for args (nil: the whole tree).
func newRootCmd(s *streams, args []string) *cobra.Command {
	a := &app{streams: s}
	root := &cobra.Command{
		Use:   "presskit <command> [flags]",
		Short: "Build press briefs, handouts and interview prep sheets from a sourced library",
		Long: `presskit turns one curated, sourced, bilingual library of framework points, quotes,
myths and facts, terms and tough questions into the documents advocates need: press briefs,
myth-busting handouts and interview prep sheets, in English and Russian, as PDF and HTML.

Everything works offline from the binary alone. A workspace (presskit init) adds your
organisation, contacts, kits and library items on top.`,
		Example: `  # Browse the library
  $ presskit list myths
  $ presskit search мигрантки

  # Check the library and your own items
  $ presskit validate --library ./my-library`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Annotations[noConfig] != "" {
				// A broken presskit.yaml in a folder above must not stop version or init.
				return nil
			}
			return a.loadConfig(cmd, args)
		},
	}
	root.CompletionOptions.HiddenDefaultCmd = true
	f := root.PersistentFlags()
	f.StringVar(&a.configFile, "config", "", "configuration `file` (default: presskit.yaml here or in the nearest folder above)")
	f.StringArray("library", nil, "user library `folder` laid over the embedded one (repeatable)")
	f.StringSlice("lang", nil, "languages, a comma list such as en,ru (default from configuration)")
	root.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		srcs, err := a.sources()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return languagesOf(srcs), cobra.ShellCompDirectiveNoFileComp
	})
	root.RegisterFlagCompletionFunc("library", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return flagError(c, err) })
	root.Version = version
	root.SetVersionTemplate(fmt.Sprintf("presskit %s (%s)\n", version, runtime.Version()))

	if i := onlyCommand(args); i >= 0 {
		root.AddCommand(subcommands[i].new(a))
		// presskit's own completion command is not in this tree, and cobra would build
		// its default one (five commands) in its place, never to run it.
		root.CompletionOptions.DisableDefaultCmd = true
	} else {
		for _, c := range subcommands {
			root.AddCommand(c.new(a))
		}
		root.AddCommand(newTopics()...)
	}
	for _, c := range root.Commands() {
		switch c.Name() {
		case "version", "init", "completion":
			if c.Annotations == nil {
				c.Annotations = map[string]string{}
			}
			c.Annotations[noConfig] = "yes"
		}
	}
	for _, c := range root.Commands() {
		plainArgs(c)
	}
	return root
}

// badFlagValue is compiled on first use, not at every start (docs/benchmarks.md).
var badFlagValue = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^invalid argument "(.*)" for "(.*?)" flag: `)
})

// flagError turns pflag's parse errors into presskit's words: the flag and the value
// as typed and what the flag takes, never strconv's own message.
func flagError(c *cobra.Command, err error) error {
	m := badFlagValue().FindStringSubmatch(err.Error())
	if m == nil {
		return usageErrorf("%v", err)
	}
	names := strings.Split(m[2], ", ")
	name := strings.TrimPrefix(names[len(names)-1], "--")
	want := "another value"
	if f := c.Flags().Lookup(name); f != nil {
		switch f.Value.Type() {
		case "uint", "uint64", "uint32":
			want = "a whole number, 0 or more"
		case "int", "int64", "int32":
			want = "a whole number"
		case "bool":
			want = "true or false"
		case "float64":
			want = "a number"
		}
	}
	return usageErrorf("--%s %q: use %s", name, m[1], want)
}

// plainArgs replaces cobra's messages for a wrong number of arguments ("accepts 1
// arg(s), received 0", or "unknown command" for a stray word) with ones that name the
// argument and the help to read.
func plainArgs(c *cobra.Command) {
	orig := c.Args
	if orig == nil || c.HasSubCommands() {
		return
	}
	c.Args = func(cmd *cobra.Command, args []string) error {
		err := orig(cmd, args)
		if err == nil {
			return nil
		}
		_, want, _ := strings.Cut(cmd.Use, " ")
		want = strings.TrimSpace(strings.ReplaceAll(want, "[flags]", ""))
		help := fmt.Sprintf("; see presskit %s --help", cmd.Name())
		if cmd.Flags().Lookup("ids") != nil {
			help = fmt.Sprintf("; to choose items, use --ids %s", strings.Join(args, ","))
		}
		switch {
		case want == "":
			return &exitError{code: 2, err: fmt.Errorf("%s takes no arguments, but was given %q%s", cmd.Name(), strings.Join(args, " "), help)}
		case len(args) == 0:
			return &exitError{code: 2, err: fmt.Errorf("%s needs %s%s", cmd.Name(), want, help)}
		}
		return &exitError{code: 2, err: fmt.Errorf("%s takes %s, but was given %d arguments: %q%s", cmd.Name(), want, len(args), strings.Join(args, " "), help)}
	}
}
