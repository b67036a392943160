package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/library"
)

// itemJSON is the stable JSON form of an item in listings.
type itemJSON struct {
	ID     string                    `json:"id"`
	Kind   library.Kind              `json:"kind"`
	Langs  []string                  `json:"langs"`
	Tags   []string                  `json:"tags"`
	Title  map[string]string         `json:"title"`
	Origin string                    `json:"origin"`
	Score  float64                   `json:"score,omitempty"`
	Text   map[string]map[string]any `json:"text,omitempty"`
	Refs   map[string][]string       `json:"refs,omitempty"`
	Extra  map[string]string         `json:"extra,omitempty"`
}

func toJSON(it *library.Item, full bool) itemJSON {
	j := itemJSON{ID: it.ID, Kind: it.Kind, Langs: it.Langs(), Tags: it.Tags, Title: map[string]string{}, Origin: it.Origin}
	if j.Tags == nil {
		j.Tags = []string{}
	}
	for _, l := range j.Langs {
		j.Title[l] = it.Title(l)
	}
	if full {
		j.Text = map[string]map[string]any{}
		for _, l := range j.Langs {
			m := map[string]any{}
			for k, v := range it.Text[l].Fields {
				m[k] = v
			}
			for k, v := range it.Text[l].Lists {
				m[k] = v
			}
			j.Text[l] = m
		}
		j.Refs = map[string][]string{}
		if len(it.Sources) > 0 {
			j.Refs["sources"] = it.Sources
		}
		if len(it.Related) > 0 {
			j.Refs["related"] = it.Related
		}
		j.Extra = map[string]string{}
		for k, v := range map[string]string{"original": it.Original, "author": it.Author, "publisher": it.Publisher,
			"year": it.Year, "date": it.Date, "url": it.URL, "accessed": it.Accessed} {
			if v != "" {
				j.Extra[k] = v
			}
		}
	}
	return j
}

func newListCmd(a *app) *cobra.Command {
	var f outputFormat
	var tags []string
	cmd := &cobra.Command{
		Use:   "list [kind]",
		Short: "List library items, optionally of one kind",
		Long: `List the items of the library (the embedded one and your --library folders): their id,
kind, tags and title in the first language. Kinds: point, fact, myth, quote, term,
question, source (singular or plural). Piped, each item is one tab-separated line (id,
kind, tags, title) with nothing cut. --format json prints {"version": 1, "items": [...]}
(docs/json.md), the same on a terminal or not.`,
		Example: `  # Every item
  $ presskit list

  # Myths, in Russian first
  $ presskit list myths --lang ru

  # For scripts
  $ presskit list --format json | jq -r '.items[].id'`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: kindNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := f.resolve(cmd)
			if err != nil {
				return err
			}
			var kinds []library.Kind
			if len(args) == 1 {
				k, ok := library.ParseKind(args[0])
				if !ok {
					return usageErrorf("unknown kind %q: use one of %s", args[0], strings.Join(kindNames(), ", "))
				}
				kinds = append(kinds, k)
			}
			lib, err := a.openLibrary()
			if err != nil {
				return err
			}
			items, err := lib.Select(library.Selection{Tags: tags}, kinds...)
			if err != nil {
				return err
			}
			if format == "json" {
				out := itemsJSON{Version: jsonVersion, Items: make([]itemJSON, 0, len(items))}
				for _, it := range items {
					out.Items = append(out.Items, toJSON(it, false))
				}
				return writeJSON(a.Out, out)
			}
			return listTable(a.Out, items, a.cfg.Lang[0], a.OutIsTTY)
		},
	}
	addFormatFlags(cmd, &f)
	cmd.Flags().StringSliceVar(&tags, "tag", nil, "only items with one of these tags")
	return cmd
}

func kindNames() []string {
	var out []string
	for _, k := range library.AllKinds {
		out = append(out, string(k))
	}
	return out
}

// listTable prints items as a table on a terminal, with titles cut to fit; piped, as gh
// does, one tab-separated line per item with nothing cut, for cut and awk.
func listTable(w io.Writer, items []*library.Item, lang string, tty bool) error {
	if !tty {
		for _, it := range items {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", it.ID, it.Kind, strings.Join(it.Tags, ","), oneLine(it.Title(lang)))
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tTAGS\tTITLE")
	for _, it := range items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", it.ID, it.Kind, clip(strings.Join(it.Tags, ","), 24), clip(oneLine(it.Title(lang)), 60))
	}
	return tw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
