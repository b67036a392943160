package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/check"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/workspace"
)

func newValidateCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "Check the library for errors",
		Long: `Check the embedded library and your --library folders: YAML syntax, unknown fields,
duplicate ids, references to items that do not exist, missing translations for each
language in --lang, facts, myths and quotes without a source, quotes without a speaker,
terms whose examples do not trigger them (or whose "say" phrases would), and characters
the PDF fonts cannot draw (emoji, CJK).

Each problem is printed as file:line:col: item-id [lang]: message. The exit status is 1
when there are problems, 0 when the library is clean.`,
		Example: `  # The embedded library
  $ presskit validate

  # Your own items over it
  $ presskit validate --library ./library`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Every file parsed and every rule applied: the snapshot of the embedded
			// library is not trusted here, where the library itself is being checked.
			a.noSnapshot = true
			lib, probs, err := a.openLibraryLenient()
			if err != nil {
				return err
			}
			// The interface strings, the user's laid over the embedded ones, as documents load them.
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			a.missingStrings(cat)
			if len(probs) == 0 {
				// Checks that need a sound library: terms test themselves, fonts cover the text.
				probs = append(probs, check.SelfTest(lib, a.cfg.Lang)...)
				covered, err := fonts.Coverage(fonts.Faces()[0].File)
				if err != nil {
					return err
				}
				probs = append(probs, workspace.GlyphProblems(lib, func(r rune) bool { return covered[r] })...)
				probs.Sort()
			}
			for _, p := range probs {
				fmt.Fprintln(a.Out, p.String())
			}
			if len(probs) > 0 {
				fmt.Fprintf(a.Err, "%d problem(s) in %d item(s)\n", len(probs), lib.Len())
				return silentExit(1)
			}
			own := 0
			for _, it := range lib.Items() {
				if it.Origin != "embedded" {
					own++
				}
			}
			switch {
			case len(a.cfg.Library) > 0:
				fmt.Fprintf(a.Err, "library OK: %d items, %d of them yours (%s), in %d language(s)\n",
					lib.Len(), own, strings.Join(a.relAll(a.cfg.Library), ", "), len(a.cfg.Lang))
			case a.workspace == "":
				fmt.Fprintf(a.Err, "library OK: %d items in %d language(s); no %s found here or above, so only the embedded library was checked (--library DIR checks a folder of yours)\n",
					lib.Len(), len(a.cfg.Lang), workspace.FileName)
			default:
				fmt.Fprintf(a.Err, "library OK: %d items in %d language(s)\n", lib.Len(), len(a.cfg.Lang))
			}
			return nil
		},
	}
}

// missingStrings names, for each language of the documents, the interface strings it
// lacks: they are printed in the fallback language (English).
func (a *app) missingStrings(cat *i18n.Catalog) {
	for _, lang := range a.cfg.Lang {
		loc, err := cat.Locale(lang)
		if err != nil || loc.Fallback() == nil {
			continue
		}
		base := loc.Fallback()
		if miss := i18n.Missing(base, loc); len(miss) > 0 {
			fmt.Fprintf(a.Err, "warning: interface strings [%s]: %d missing, printed in %s instead: %s\n",
				lang, len(miss), base.Name, strings.Join(miss, ", "))
		}
	}
}
