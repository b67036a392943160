package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/presskit/presskit/toolkit/library"
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
	root := newRootCmd(s)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	err := root.Execute()
	if err == nil {
		return 0
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

func usageErrorf(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...), usage: true}
}

func newRootCmd(s *streams) *cobra.Command {
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
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.loadConfig(cmd)
		},
	}
	root.CompletionOptions.HiddenDefaultCmd = true
	f := root.PersistentFlags()
	f.StringVar(&a.configFile, "config", "", "configuration `file` (default ./presskit.yaml)")
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
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErrorf("%v", err) })

	root.AddCommand(
		newHandoutCmd(a),
		newBriefCmd(a),
		newPrepCmd(a),
		newCheckCmd(a),
		newDrillCmd(a),
		newInitCmd(a),
		newBuildCmd(a),
		newReleaseCmd(a),
		newCardsCmd(a),
		newServeCmd(a),
		newVersionCmd(a),
		newListCmd(a),
		newShowCmd(a),
		newSearchCmd(a),
		newValidateCmd(a),
		newConfigCmd(a),
		newCompletionCmd(a),
	)
	return root
}
