package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/examples"
	"github.com/presskit/presskit/toolkit/scaffold"
)

func newInitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "init [dir]",
		Short: "Create a workspace: settings, an example kit and a library of your own",
		Long: `Create a workspace in DIR (default: the current folder): presskit.yaml with every
setting commented, kits/press-kit.yaml, library/ with one example item of each kind, and a
short README.md (PRESSKIT.md when the folder has a README.md of its own). An existing file
is never overwritten: if any is in the way, nothing is written and presskit says which.

The example items go into your documents until you edit or delete them; build warns
while they are there, and build --strict refuses to publish them.`,
		Example: `  $ presskit init my-kit
  $ cd my-kit && presskit build`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.WorkDir
			shown := "."
			if len(args) == 1 {
				shown = args[0]
				dir = args[0]
				if !filepath.IsAbs(dir) {
					dir = filepath.Join(a.WorkDir, dir)
				}
			}
			written, err := scaffold.Create(examples.Workspace, "workspace", dir)
			if err != nil {
				return err
			}
			for _, w := range written {
				rel, _ := filepath.Rel(a.WorkDir, w)
				fmt.Fprintf(a.Err, "created %s\n", rel)
			}
			fmt.Fprintf(a.Err, "\nNext:\n")
			if shown != "." {
				fmt.Fprintf(a.Err, "  cd %s\n", shown)
			}
			fmt.Fprintf(a.Err, "  # fill in organisation: and contacts: in presskit.yaml\n")
			fmt.Fprintf(a.Err, "  # replace the example items in library/my-items.yaml with your own\n")
			fmt.Fprintf(a.Err, "  presskit validate                 # check your items\n")
			fmt.Fprintf(a.Err, "  presskit build --strict           # make the kit into out/, refusing anything unfinished\n")
			fmt.Fprintf(a.Err, "  presskit prep --lang ru -o prep   # the interview prep sheet, for your spokespeople only\n")
			return nil
		},
	}
}
