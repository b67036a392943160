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
