package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// jsonVersion is the version of the JSON envelopes list, search and config print
// (docs/json.md); it changes when a field changes meaning or goes away.
const jsonVersion = 1

// itemsJSON is the envelope of list and search: {"version": 1, "items": [...]}; search
// adds the query.
type itemsJSON struct {
	Version int        `json:"version"`
	Query   *string    `json:"query,omitempty"`
	Items   []itemJSON `json:"items"`
}

// listFormats are the values of --format on list, search and config.
var listFormats = []string{"text", "json"}

// outputFormat is the --format flag of list, search and config, with the older --json
// kept as a hidden alias of --format json.
type outputFormat struct {
	format string
	json   bool
}

// addFormatFlags registers --format and the deprecated --json on cmd.
func addFormatFlags(cmd *cobra.Command, f *outputFormat) {
	cmd.Flags().StringVar(&f.format, "format", "text", "output format {"+strings.Join(listFormats, "|")+"}")
	cmd.Flags().BoolVar(&f.json, "json", false, "same as --format json")
	cmd.Flags().MarkHidden("json")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion(listFormats...))
}

// resolve returns the format asked for, in lower case ("JSON" is json), or a usage error
// naming the allowed values. --json with --format text is a contradiction, refused.
func (f *outputFormat) resolve(cmd *cobra.Command) (string, error) {
	v := strings.ToLower(strings.TrimSpace(f.format))
	if !contains(listFormats, v) {
		return "", usageErrorf("--format %q: use %s", f.format, strings.Join(listFormats, ", "))
	}
	if f.json {
		if cmd.Flags().Changed("format") && v != "json" {
			return "", usageErrorf("--json is --format json: it cannot go with --format %s", v)
		}
		v = "json"
	}
	return v, nil
}
