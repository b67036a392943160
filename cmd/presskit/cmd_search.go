package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/search"
)

func newSearchCmd(a *app) *cobra.Command {
	var f outputFormat
	var limit int
	cmd := &cobra.Command{
		Use:   "search <query>",
		Short: "Find library items by words in any language",
		Long: `Find items whose text, tags or id contain the query's words, in English or Russian.
Words are compared by stem, so «мигрантки» finds items about «мигранты» and "raids" finds
"raid". Items matching more of the query's words come first. --format json prints
{"version": 1, "query": "…", "items": [...]} (docs/json.md), exit 0 even when nothing
is found.`,
		Example: `  $ presskit search trafficking police
  $ presskit search мигрантки
  $ presskit search "illegal" --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := f.resolve(cmd)
			if err != nil {
				return err
			}
			lib, err := a.openLibrary()
			if err != nil {
				return err
			}
			query := strings.Join(args, " ")
			var langFilter []string
			if cmd.Flags().Changed("lang") {
				langFilter = a.cfg.Lang
			}
			hits := search.New(lib).Search(query, langFilter)
			if limit > 0 && len(hits) > limit {
				hits = hits[:limit]
			}
			if format == "json" {
				out := itemsJSON{Version: jsonVersion, Query: &query, Items: make([]itemJSON, 0, len(hits))}
				for _, h := range hits {
					j := toJSON(h.Item, false)
					j.Score = h.Score
					out.Items = append(out.Items, j)
				}
				return writeJSON(a.Out, out)
			}
			if len(hits) == 0 {
				fmt.Fprintf(a.Err, "nothing found for %q\n", query)
				return silentExit(1)
			}
			tw := tabwriter.NewWriter(a.Out, 0, 4, 2, ' ', 0)
			if a.OutIsTTY {
				fmt.Fprintln(tw, "ID\tKIND\tTITLE")
			}
			for _, h := range hits {
				lang := a.cfg.Lang[0]
				if len(h.Langs) > 0 {
					lang = h.Langs[0]
				}
				if !a.OutIsTTY {
					// Piped: one tab-separated line per hit, nothing cut, as list does.
					fmt.Fprintf(a.Out, "%s\t%s\t%s\n", h.Item.ID, h.Item.Kind, oneLine(h.Item.Title(lang)))
					continue
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", h.Item.ID, h.Item.Kind, clip(oneLine(h.Item.Title(lang)), 70))
			}
			return tw.Flush()
		},
	}
	addFormatFlags(cmd, &f)
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many results (0: all)")
	return cmd
}
