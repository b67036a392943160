package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/config"
)

func newConfigCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the effective settings and where each came from",
		Long: `Print every setting presskit will use and the layer it came from. Layers, highest
first: command-line flags, PRESSKIT_* environment variables (PRESSKIT_ORGANISATION_NAME,
PRESSKIT_LANG=en,ru, …), ./presskit.yaml or --config FILE, the user config folder
(presskit/presskit.yaml), built-in defaults.`,
		Example: `  # See what a build would use
  $ presskit config

  # Override one setting for one run
  $ PRESSKIT_PAPER=letter presskit config --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON {
				type entry struct {
					Key    string `json:"key"`
					Value  any    `json:"value"`
					Origin string `json:"origin"`
				}
				var out []entry
				for _, k := range config.Keys {
					out = append(out, entry{k, a.v.Get(k), a.origin[k]})
				}
				enc := json.NewEncoder(a.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			tw := tabwriter.NewWriter(a.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
			for _, k := range config.Keys {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", k, showValue(a.v.Get(k)), a.origin[k])
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func showValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case []string:
		if len(x) == 0 {
			return "-"
		}
		return strings.Join(x, ",")
	case []any:
		if len(x) == 0 {
			return "-"
		}
		b, _ := json.Marshal(x)
		return string(b)
	case string:
		if x == "" {
			return "-"
		}
		return x
	}
	return fmt.Sprint(v)
}
