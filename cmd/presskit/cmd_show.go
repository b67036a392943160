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
		Short: "Show one library item in every language, with its evidence",
		Long: `Show one item with all its fields in each language (a myth before its fact, a
question before its answer), its tags, what kind of claim it makes and as of when, and
each source passage it rests on with the source's title in every language. For a source,
its type and the passages it stores.`,
		Example: `  $ presskit show migrant-sex-work-is-not-trafficking
  $ presskit show prostitute --lang ru
  $ presskit show atlantic-2014 --json`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: a.completeIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// An item is shown even when the library has problems elsewhere: show is how an
			// editor looks at what validate complains of. The item's own problems follow it.
			lib, probs, err := a.openLibraryLenient()
			if err != nil {
				return err
			}
			it := lib.Get(args[0])
			if it == nil {
				// A broken file may be why the id is missing: say so after the suggestion.
				if len(probs) > 0 {
					fmt.Fprintf(a.Err, "%d problem(s) in the library: run presskit validate\n", len(probs))
				}
				return (&library.UnknownIDsError{IDs: args, Suggestions: map[string][]string{args[0]: lib.Closest(args[0], 3)}})
			}
			defer reportOwnProblems(a.Err, it, probs)
			if asJSON {
				return writeJSON(a.Out, showJSON(lib, it, a.cfg.Lang))
			}
			showItem(a.Out, lib, it, a.cfg.Lang)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the item as JSON")
	return cmd
}

// shownJSON is an item as `show --json` prints it: the listing form plus its claim and
// evidence, or a source's type and passages.
type shownJSON struct {
	itemJSON
	Claim    string         `json:"claim,omitempty"`
	AsOf     string         `json:"as_of,omitempty"`
	Severity string         `json:"severity,omitempty"`
	Evidence []evidenceJSON `json:"evidence,omitempty"`
	Type     string         `json:"type,omitempty"`
	Passages []string       `json:"passages,omitempty"`
}

type evidenceJSON struct {
	Source  string            `json:"source"`
	Type    string            `json:"type,omitempty"`
	Title   map[string]string `json:"title,omitempty"`
	Passage string            `json:"passage"`
}

func showJSON(lib *library.Library, it *library.Item, langs []string) shownJSON {
	j := shownJSON{itemJSON: toJSON(it, true), Claim: it.Claim, AsOf: it.AsOf, Severity: it.Severity, Type: it.Type}
	for _, p := range it.Passages {
		j.Passages = append(j.Passages, p.Text)
	}
	for _, e := range it.Evidence {
		ej := evidenceJSON{Source: e.Source, Passage: e.Passage}
		if src := lib.Get(e.Source); src != nil {
			ej.Type, ej.Title = src.Type, map[string]string{}
			for _, l := range langs {
				ej.Title[l] = src.Title(l)
			}
		}
		j.Evidence = append(j.Evidence, ej)
	}
	return j
}

func showItem(w io.Writer, lib *library.Library, it *library.Item, langs []string) {
	fmt.Fprintf(w, "%s (%s)\n", it.ID, it.Kind)
	if len(it.Tags) > 0 {
		fmt.Fprintf(w, "  tags: %s\n", strings.Join(it.Tags, ", "))
	}
	if it.Claim != "" {
		claim := it.Claim
		if it.AsOf != "" {
			claim += ", as of " + it.AsOf
		}
		fmt.Fprintf(w, "  claim: %s\n", claim)
	}
	for _, f := range [][2]string{{"severity", it.Severity}, {"type", it.Type}, {"original", it.Original}, {"author", it.Author},
		{"publisher", it.Publisher}, {"year", it.Year}, {"date", it.Date}, {"url", it.URL}, {"accessed", it.Accessed}} {
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
		for _, k := range it.FieldNames() {
			if v, ok := t.Fields[k]; ok {
				fmt.Fprintf(w, "  %s: %s\n", k, oneLine(v))
			}
			if vs, ok := t.Lists[k]; ok {
				fmt.Fprintf(w, "  %s:\n", k)
				for _, v := range vs {
					fmt.Fprintf(w, "    - %s\n", oneLine(v))
				}
			}
		}
	}
	if len(it.Evidence) > 0 {
		fmt.Fprintln(w, "\nevidence:")
		for i, e := range it.Evidence {
			fmt.Fprintf(w, "  %d. %q\n", i+1, oneLine(e.Passage))
			src := lib.Get(e.Source)
			if src == nil {
				fmt.Fprintf(w, "     %s (not in the library)\n", e.Source)
				continue
			}
			kind := ""
			if src.Type != "" {
				kind = ", " + src.Type
			}
			fmt.Fprintf(w, "     %s%s\n", e.Source, kind)
			for _, lang := range langs {
				fmt.Fprintf(w, "     %s: %s\n", lang, oneLine(src.Title(lang)))
			}
		}
	}
	if len(it.Passages) > 0 {
		fmt.Fprintln(w, "\npassages:")
		for i, p := range it.Passages {
			fmt.Fprintf(w, "  %d. %q\n", i+1, oneLine(p.Text))
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

// reportOwnProblems prints the problems located in the item (its id), and how many the
// library has besides.
func reportOwnProblems(w io.Writer, it *library.Item, probs library.Problems) {
	others := 0
	for _, p := range probs {
		if p.ID == it.ID {
			fmt.Fprintln(w, p.String())
		} else {
			others++
		}
	}
	if others > 0 {
		fmt.Fprintf(w, "%d other problem(s) in the library: run presskit validate\n", others)
	}
}
