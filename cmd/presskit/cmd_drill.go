package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/drill"
	"github.com/presskit/presskit/toolkit/library"
)

func newDrillCmd(a *app) *cobra.Command {
	var seed uint64
	var tags []string
	var ordered bool
	cmd := &cobra.Command{
		Use:   "drill [flags]",
		Short: "Practise tough interview questions in the terminal",
		Long: `Rehearse for an interview: presskit shows a tough question; say your answer aloud, then
press Enter to see the suggested answer and a bridging line. Enter again moves on; q quits.
At the end, a one-line summary. Questions come shuffled; --seed N gives a fixed order.
Reads lines from standard input, so it also works from a script or a pipe.`,
		Example: `  # Russian, shuffled
  $ presskit drill --lang ru

  # Questions about policing, the same order each time
  $ presskit drill --tag policing --seed 42`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, cat, err := a.libraryAndStrings()
			if err != nil {
				return err
			}
			tags = cleanList(tags)
			if err := checkSelection(lib, nil, tags, "--tag"); err != nil {
				return err
			}
			qs, err := lib.Select(library.Selection{Tags: tags}, library.KindQuestion)
			if err != nil {
				return err
			}
			if len(qs) == 0 {
				return fmt.Errorf("--tag %s: no question has this tag; presskit list questions shows them", strings.Join(tags, ","))
			}
			lang := a.cfg.Lang[0]
			loc, err := cat.Locale(lang)
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("seed") {
				seed = uint64(a.clockSeed())
			}
			_, err = drill.Run(a.In, a.Out, qs, loc, drill.Options{Lang: lang, Seed: seed, Shuffle: !ordered})
			return err
		},
	}
	cmd.Flags().Uint64Var(&seed, "seed", 0, "shuffle with this seed, for the same order every time")
	cmd.Flags().StringSliceVar(&tags, "tag", nil, "only questions with one of these tags")
	cmd.Flags().BoolVar(&ordered, "in-order", false, "keep the library's order")
	cmd.RegisterFlagCompletionFunc("tag", a.completeTags)
	// As on prep: the spokesperson practises for the interview's topic.
	cmd.Flags().StringSliceVar(&tags, "topic", nil, "the interview's topic (a tag, such as policing); same as --tag")
	cmd.RegisterFlagCompletionFunc("topic", a.completeTags)
	return cmd
}

// clockSeed is a seed from the clock, for a fresh order each run.
func (a *app) clockSeed() int64 {
	t, _ := a.now()
	if a.Getenv("SOURCE_DATE_EPOCH") != "" {
		return t.Unix()
	}
	return t.UnixNano()
}
