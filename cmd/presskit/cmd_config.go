package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/workspace"
)

func newConfigCmd(a *app) *cobra.Command {
	var f outputFormat
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the effective settings and where each came from",
		Long: `Print every setting presskit will use and the layer it came from. Layers, highest
first: command-line flags, PRESSKIT_* environment variables (PRESSKIT_ORGANISATION_NAME,
PRESSKIT_LANG=en,ru, …), the workspace's presskit.yaml or --config FILE, the user config
folder (presskit/presskit.yaml), built-in defaults.

The workspace is found as git finds a repository: presskit.yaml in the current folder or
the nearest folder above it (for build KIT, above the kit file). The first line says
which file is in use. Long values are shortened; --format json prints them whole:
{"version": 1, "workspace": …, "settings": [{"key", "value", "origin"}]} (docs/json.md).`,
		Example: `  # See what a build would use
  $ presskit config

  # Override one setting for one run
  $ PRESSKIT_PAPER=letter presskit config --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format, err := f.resolve(cmd)
			if err != nil {
				return err
			}
			if format == "json" {
				type entry struct {
					Key    string `json:"key"`
					Value  any    `json:"value"`
					Origin string `json:"origin"`
				}
				out := struct {
					Version   int     `json:"version"`
					Workspace *string `json:"workspace"`
					Settings  []entry `json:"settings"`
				}{Version: jsonVersion, Settings: []entry{}}
				if a.workspace != "" {
					out.Workspace = &a.workspace
				}
				for _, k := range config.Keys {
					out.Settings = append(out.Settings, entry{k, a.v.Get(k), a.origin[k]})
				}
				return writeJSON(a.Out, out)
			}
			if a.workspace != "" {
				fmt.Fprintf(a.Out, "Workspace: %s\n\n", a.workspace)
			} else {
				fmt.Fprintf(a.Out, "Workspace: none (no %s in %s or any folder above it)\n\n", workspace.FileName, a.searched)
			}
			tw := tabwriter.NewWriter(a.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
			for _, k := range config.Keys {
				from := a.origin[k]
				if filepath.IsAbs(from) {
					from = a.rel(from)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", k, showValue(a.v.Get(k)), from)
			}
			return tw.Flush()
		},
	}
	addFormatFlags(cmd, &f)
	return cmd
}

// showValue prints a setting on one short line: lists as "en, ru", contacts by name.
func showValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case []string:
		if len(x) == 0 {
			return "-"
		}
		return clip(strings.Join(x, ", "), 60)
	case []any:
		if len(x) == 0 {
			return "-"
		}
		var parts []string
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				parts = append(parts, contactLine(m))
				continue
			}
			parts = append(parts, fmt.Sprint(e))
		}
		if len(parts) > 1 {
			if _, isMap := x[0].(map[string]any); isMap {
				return clip(fmt.Sprintf("%d: %s", len(parts), strings.Join(parts, "; ")), 60)
			}
		}
		return clip(strings.Join(parts, ", "), 60)
	case string:
		if x == "" {
			return "-"
		}
		return clip(oneLine(x), 60)
	}
	return clip(fmt.Sprint(v), 60)
}

// contactLine is a contact as "Name (role)".
func contactLine(m map[string]any) string {
	name := fmt.Sprint(m["name"])
	if m["name"] == nil {
		name = "?"
	}
	switch r := m["role"].(type) {
	case string:
		if r != "" {
			return name + " (" + r + ")"
		}
	case map[string]any:
		var keys []string
		for k := range r {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if len(keys) > 0 {
			return fmt.Sprintf("%s (%v)", name, r[keys[0]])
		}
	}
	return name
}
