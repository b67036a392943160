package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/kit"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/workspace"
)

func newBuildCmd(a *app) *cobra.Command {
	var zip, allowFindings bool
	var formats []string
	cmd := &cobra.Command{
		Use:   "build [kit.yaml]",
		Short: "Build every document of a press kit, with an index page",
		Long: `Build a press kit: every document the kit file names, in each of its languages and
formats, into the output folder, plus index.html linking them all with their sizes. With
--zip, also press-kit.zip holding everything. If any document fails, nothing is written,
and presskit says which document failed and why.

KIT defaults to kits/press-kit.yaml. The format is in docs/kit-format.md.`,
		Example: `  $ presskit build
  $ presskit build kits/launch.yaml --zip -o launch`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeKits,
		RunE: func(cmd *cobra.Command, args []string) error {
			file := "kits/press-kit.yaml"
			if len(args) == 1 {
				file = args[0]
			}
			path := file
			if !filepath.IsAbs(path) {
				path = filepath.Join(a.WorkDir, path)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("kit %s: %v", file, plainErr(err))
			}
			lib, cat, err := a.libraryAndStrings()
			if err != nil {
				return err
			}
			srcs, _ := a.sources()
			covered, err := fonts.Coverage(fonts.Faces()[0].File)
			if err != nil {
				return err
			}
			k, err := kit.Parse(file, data, kit.Env{Lib: lib, Langs: workspace.Languages(srcs), LoadLocation: time.LoadLocation,
				Covered: func(r rune) bool { return covered[r] }})
			if err != nil {
				var es kit.Errors
				if errors.As(err, &es) && len(es) > 1 {
					return fmt.Errorf("%d problems in the kit:\n%w", len(es), err)
				}
				return err
			}
			base, now, err := a.docBase()
			if err != nil {
				return err
			}
			out := a.cfg.Output
			if k.Output != "" && !cmd.Flags().Changed("output") {
				out = k.Output
				if !filepath.IsAbs(out) {
					out = filepath.Join(filepath.Dir(path), out)
				}
			}
			if err := output.PrepareDir(out); err != nil {
				return err
			}
			progress := func(kind document.Kind, lang string) {}
			if a.ErrIsTTY {
				progress = func(kind document.Kind, lang string) { fmt.Fprintf(a.Err, "making %s [%s]…\n", kind, lang) }
			}
			extras, err := a.kitExtras(filepath.Dir(file), allowFindings)
			if err != nil {
				return err
			}
			built, err := kit.Build(lib, cat, k, kit.BuildOptions{Base: base, Formats: formats, Langs: a.cfg.Lang,
				Created: now, Zip: zip, Progress: progress, Extras: extras})
			if err != nil {
				return err
			}
			for _, m := range built.Made {
				for _, w := range m.Doc.Warnings {
					fmt.Fprintf(a.Err, "warning: %s [%s]: %s (%d words)\n", w.ItemID, w.Lang, w.Msg, w.Words)
				}
			}
			written, err := output.WriteAll(out, built.Files)
			if err != nil {
				return err
			}
			var total, cardBytes int64
			cards := 0
			for _, w := range written {
				total += w.Size
				if filepath.Base(filepath.Dir(w.Path)) == "cards" {
					cards, cardBytes = cards+1, cardBytes+w.Size // summed below, not listed
					continue
				}
				fmt.Fprintf(a.Err, "  %-40s %8s\n", w.Path, humanSize(w.Size))
			}
			if cards > 0 {
				fmt.Fprintf(a.Err, "  %-40s %8s\n", fmt.Sprintf("%s (%d files)", filepath.Join(out, "cards"), cards), humanSize(cardBytes))
			}
			fmt.Fprintf(a.Err, "wrote %d files (%s) to %s; open %s\n", len(written), humanSize(total), out, filepath.Join(out, kit.IndexName))
			return nil
		},
	}
	cmd.Flags().BoolVar(&zip, "zip", false, "also write press-kit.zip with every file")
	cmd.Flags().StringSliceVar(&formats, "format", []string{"pdf", "html"}, "formats when the kit names none: {pdf|html|txt|md}")
	cmd.Flags().BoolVar(&allowFindings, "allow-findings", false, "build the release even when presskit check finds words to avoid")
	cmd.Flags().StringP("output", "o", "", "output `folder` (default: the kit's output:, else from configuration)")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("pdf", "html", "pdf,html"))
	return cmd
}

// completeKits completes kit files in ./kits and YAML files.
func completeKits(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	matches, _ := filepath.Glob("kits/*.yaml")
	if len(matches) == 0 {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return matches, cobra.ShellCompDirectiveDefault
}
