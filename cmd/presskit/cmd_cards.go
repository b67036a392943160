package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/kit"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/render/html"
)

func newCardsCmd(a *app) *cobra.Command {
	var ids, tags []string
	var strict bool
	cmd := &cobra.Command{
		Use:   "cards",
		Short: "Draw social media cards of myths, quotes and terms",
		Long: `Draw PNG cards for sharing: each myth with its fact, each quote and each "say this,
not that" term, in every language, square (1080×1080) and landscape (1200×675), in the
brand colour with the logo and the source named. Each card has an alt text file beside it,
and cards-LANG.html shows them all with their alt text.

Text is fitted by size and never cut. A card whose text does not fit even at the smallest
size is left out with a warning that says by how much; --strict makes that an error.`,
		Example: `  $ presskit cards
  $ presskit cards --ids myth-average-age-13 --strict -o social`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, cat, err := a.libraryAndStrings()
			if err != nil {
				return err
			}
			base, now, err := a.docBase()
			if err != nil {
				return err
			}
			extras, err := a.kitExtras(".", false)
			if err != nil {
				return err
			}
			k := &kit.Kit{File: "cards", Documents: []kit.Doc{{Kind: kit.Cards, IDs: ids, Tags: tags, Strict: strict}}}
			built, err := kit.Build(lib, cat, k, kit.BuildOptions{Base: base, Langs: a.cfg.Lang, Created: now, Extras: extras})
			if err != nil {
				return err
			}
			var files []output.File
			// The cards and their gallery pages; not the kit's landing pages, nor the
			// font sheet they link.
			skip := map[string]bool{kit.IndexName: true, html.FontSheet: true}
			for _, l := range a.cfg.Lang {
				skip["index-"+l+".html"] = true
			}
			for _, f := range built.Files {
				if !skip[f.Name] {
					files = append(files, f)
				}
			}
			written, err := output.WriteAll(a.cfg.Output, files)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Err, "wrote %d files to %s; open %s/cards-%s.html\n", len(written), a.cfg.Output, a.cfg.Output, a.cfg.Lang[0])
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&ids, "ids", nil, "only these item `ids` (myths, quotes, terms)")
	cmd.Flags().StringSliceVar(&tags, "tag", nil, "only items with these `tags`")
	cmd.Flags().BoolVar(&strict, "strict", false, "fail when a card's text does not fit, instead of leaving the card out")
	cmd.Flags().StringP("output", "o", "", "output `folder` (default from configuration)")
	return cmd
}
