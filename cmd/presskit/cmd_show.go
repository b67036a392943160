package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/library"
)

func newShowCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show <id>",
		Short: "Show one library item in every language",
		Long: `Show one item with all its fields in each language, its tags, the sources it cites
and the items it relates to.`,
		Example: `  $ presskit show migrant-sex-work-is-not-trafficking
  $ presskit show prostitute --lang ru
  $ presskit show atlantic-2014 --json`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: a.completeIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.openLibrary()
			if err != nil {
				return err
			}
			it := lib.Get(args[0])
			if it == nil {
				return (&library.UnknownIDsError{IDs: args, Suggestions: map[string][]string{args[0]: lib.Closest(args[0], 3)}})
			}
			if asJSON {
				return writeJSON(a.Out, toJSON(it, true))
			}
			showItem(a.Out, lib, it, a.cfg.Lang)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the item as JSON")
	return cmd
}

func showItem(w io.Writer, lib *library.Library, it *library.Item, langs []string) {
	fmt.Fprintf(w, "%s (%s)\n", it.ID, it.Kind)
	if len(it.Tags) > 0 {
		fmt.Fprintf(w, "  tags: %s\n", strings.Join(it.Tags, ", "))
	}
	for _, f := range [][2]string{{"original", it.Original}, {"author", it.Author}, {"publisher", it.Publisher},
		{"year", it.Year}, {"date", it.Date}, {"url", it.URL}, {"accessed", it.Accessed}} {
		if f[1] != "" {
			fmt.Fprintf(w, "  %s: %s\n", f[0], f[1])
		}
	}
	for _, lang := range langs {
		t := it.Text[lang]
		if t == nil {
			continue
		}
		label := lang
		if it.IsTranslation(lang) {
			label += ", translation"
		}
		fmt.Fprintf(w, "\n[%s]\n", label)
		for _, k := range sortedKeys(t.Fields) {
			fmt.Fprintf(w, "  %s: %s\n", k, oneLine(t.Fields[k]))
		}
		for _, k := range sortedKeys(t.Lists) {
			fmt.Fprintf(w, "  %s:\n", k)
			for _, v := range t.Lists[k] {
				fmt.Fprintf(w, "    - %s\n", oneLine(v))
			}
		}
	}
	if len(it.Sources) > 0 {
		fmt.Fprintln(w, "\nsources:")
		for _, id := range it.Sources {
			title := id
			if s := lib.Get(id); s != nil {
				title = s.Title(langs[0])
			}
			fmt.Fprintf(w, "  %s: %s\n", id, oneLine(title))
		}
	}
	if len(it.Related) > 0 {
		fmt.Fprintf(w, "\nrelated: %s\n", strings.Join(it.Related, ", "))
	}
	fmt.Fprintf(w, "\nfrom: %s (%s)\n", it.Pos, it.Origin)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// small maps: insertion sort keeps this free of another import
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
