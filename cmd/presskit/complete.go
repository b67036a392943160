package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/library"
)

// completionLibrary loads the library for shell completion, or nil: completion stays
// quiet when the library cannot load.
func (a *app) completionLibrary(cmd *cobra.Command) *library.Library {
	if err := a.loadConfig(cmd, nil); err != nil {
		return nil
	}
	lib, _, err := a.openLibraryLenient()
	if err != nil {
		return nil
	}
	return lib
}

func withPrefix(all []string, prefix string) []string {
	var out []string
	for _, s := range all {
		if strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	return out
}

// completeIDs completes item ids from the library.
func (a *app) completeIDs(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	lib := a.completionLibrary(cmd)
	if lib == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return withPrefix(lib.IDs(), toComplete), cobra.ShellCompDirectiveNoFileComp
}

// completeIDList completes the last id of a comma list.
func (a *app) completeIDList(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	prefix := ""
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		prefix, toComplete = toComplete[:i+1], toComplete[i+1:]
	}
	ids, dir := a.completeIDs(cmd, args, toComplete)
	for i := range ids {
		ids[i] = prefix + ids[i]
	}
	return ids, dir
}

// completeTags completes tags in use in the library.
func (a *app) completeTags(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	lib := a.completionLibrary(cmd)
	if lib == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return withPrefix(lib.Tags(), toComplete), cobra.ShellCompDirectiveNoFileComp
}
