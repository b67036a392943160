package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the presskit version",
		Long:    "Print the presskit version and the Go version it was built with.",
		Example: "  $ presskit version",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(a.Out, "presskit %s (%s)\n", version, runtime.Version())
			return err
		},
	}
}
