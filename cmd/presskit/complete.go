package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// completeIDs completes item ids from the library, quietly giving nothing when it cannot load.
func (a *app) completeIDs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if err := a.loadConfig(cmd); err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	lib, _, err := a.openLibraryLenient()
	if err != nil || lib == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, id := range lib.IDs() {
		if strings.HasPrefix(id, toComplete) {
			out = append(out, id)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
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
	if err := a.loadConfig(cmd); err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	lib, _, err := a.openLibraryLenient()
	if err != nil || lib == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, t := range lib.Tags() {
		if strings.HasPrefix(t, toComplete) {
			out = append(out, t)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
