package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/examples"
	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/kit"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/render/pdf"
	"github.com/presskit/presskit/toolkit/scaffold"
	"github.com/presskit/presskit/toolkit/workspace"
)

type buildOptions struct {
	zip, strict, clean, allowFindings bool
	formats                           []string
}

func newBuildCmd(a *app) *cobra.Command {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build [kit.yaml]",
		Short: "Build every document of a press kit, with an index page",
		Long: `Build a press kit: every document the kit file names, in each of its languages and
formats, into the output folder, plus index.html linking them all with their sizes. With
--zip, also press-kit.zip holding everything. If any document fails, nothing is written,
and presskit says which document failed and why. index.html is put in place last, and
Ctrl-C removes the temporary files, so an interrupted build never leaves a mixed kit.

KIT defaults to kits/press-kit.yaml in the workspace. The workspace (presskit.yaml) is
looked for from the kit file's folder upward. The format: presskit help kit.

Before writing, build warns about what should not be published: no organisation or
contacts, the example items of presskit init still in your library, an embargo already
past; --strict makes these warnings errors. Files an earlier build wrote that this one
does not make (recorded in the output folder's .presskit-manifest) are named; --clean
removes them. No other file is ever removed.`,
		Example: `  $ presskit build
  $ presskit build kits/launch.yaml --zip -o launch

  # Before uploading: fail on any warning, remove old documents
  $ presskit build --strict --clean`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: a.completeKits,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.build(cmd, args, o)
		},
	}
	cmd.Flags().BoolVar(&o.zip, "zip", false, "also write press-kit.zip with every file")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "fail, writing nothing, on any warning")
	cmd.Flags().BoolVar(&o.clean, "clean", false, "remove files an earlier build wrote that this one does not make")
	cmd.Flags().StringSliceVar(&o.formats, "format", []string{"pdf", "html"}, "formats when the kit names none: {pdf|html|txt|md}")
	cmd.Flags().BoolVar(&o.allowFindings, "allow-findings", false, "build the release even when presskit check finds words to avoid")
	cmd.Flags().StringP("output", "o", "", "output `folder` (default: the kit's output:, else from configuration)")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("pdf", "html", "txt", "md", "pdf,html"))
	return cmd
}

func (a *app) build(cmd *cobra.Command, args []string, o buildOptions) error {
	formats, err := enumList("--format", o.formats, "pdf", "html", "txt", "md")
	if err != nil {
		return err
	}
	var path string
	if len(args) == 1 {
		path = a.abs(args[0])
	} else {
		if a.workspace == "" {
			return fmt.Errorf("no kit named, and no %s in %s or any folder above it; run presskit build in your workspace (presskit init makes one), or name a kit file: presskit build KIT",
				workspace.FileName, a.rel(a.searched))
		}
		path = filepath.Join(a.root, "kits", "press-kit.yaml")
	}
	file := a.rel(path)
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("kit %s: %v", file, plainErr(err))
	}
	var warnings []string
	if a.workspace == "" {
		where := a.rel(a.searched) + " or any folder above it"
		if a.searched != a.WorkDir {
			where = a.rel(a.searched) + ", the working folder or any folder above them"
		}
		warnings = append(warnings, fmt.Sprintf("no %s in %s: the kit is built without your organisation, logo, contacts or library",
			workspace.FileName, where))
	}
	preloadFaces(formats)
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
	warnings = append(warnings, workspace.Preflight{Workspace: a.workspace, Config: a.cfg, Lib: lib,
		Examples: exampleItemIDs, Embargo: k.Embargo, Now: now, Show: a.rel}.Warnings()...)
	for _, w := range warnings {
		fmt.Fprintf(a.Err, "warning: %s\n", w)
	}
	if o.strict && len(warnings) > 0 {
		return fmt.Errorf("--strict: %d warning(s) above; nothing was written", len(warnings))
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
	// The release, spokespeople and cards need the people file and the compiled terms;
	// a kit without them does not wait for either.
	var extras *kit.Extras
	if hasExtras(k) {
		if extras, err = a.kitExtras(filepath.Dir(path), o.allowFindings); err != nil {
			return err
		}
	}
	// Each document's files are written and synced to disk while the next is made;
	// they are renamed into place with the rest, all or nothing, once the kit is done.
	stage := output.NewStage(out, output.Options{Write: a.writeHook})
	defer stage.Discard()
	built, err := kit.Build(lib, cat, k, kit.BuildOptions{Base: base, Formats: formats, Langs: a.cfg.Lang,
		Created: now, Zip: o.zip, Progress: progress, Ctx: cmd.Context(), Extras: extras, Files: stage.Add})
	var tl *pdf.TooLongError
	if errors.As(err, &tl) {
		// build has no --ids: the kit file chooses the items.
		tl.Suggest = strings.ReplaceAll(tl.Suggest, "with --ids", "with ids: for the "+string(tl.Kind)+" in "+file)
		return fmt.Errorf("%s: %s [%s]: %w", file, tl.Kind, tl.Lang, tl)
	}
	if err != nil {
		return err
	}
	for _, m := range built.Made {
		for _, w := range m.Doc.Warnings {
			fmt.Fprintf(a.Err, "warning: %s [%s]: %s (%d words)\n", w.ItemID, w.Lang, w.Msg, w.Words)
		}
	}
	files, stale, foreign, err := output.Plan(out, built.Files, kit.IndexName, o.clean)
	if err != nil {
		return err
	}
	written, err := output.WriteAllContext(cmd.Context(), out, files, output.Options{Write: a.writeHook, Stage: stage})
	if err != nil {
		return err
	}
	if o.clean {
		if err := output.Remove(out, stale); err != nil {
			return err
		}
	}
	var total, cardBytes int64
	cards := 0
	for _, w := range written {
		if filepath.Base(w.Path) == output.ManifestName {
			continue
		}
		total += w.Size
		if filepath.Base(filepath.Dir(w.Path)) == "cards" {
			cards, cardBytes = cards+1, cardBytes+w.Size // summed below, not listed one by one
			continue
		}
		fmt.Fprintf(a.Err, "  %-40s %8s\n", a.rel(w.Path), humanSize(w.Size))
	}
	if cards > 0 {
		fmt.Fprintf(a.Err, "  %-40s %8s\n", fmt.Sprintf("%s (%d files)", a.rel(filepath.Join(out, "cards")), cards), humanSize(cardBytes))
	}
	for _, s := range stale {
		if o.clean {
			fmt.Fprintf(a.Err, "  %-40s %8s\n", a.rel(filepath.Join(out, s)), "removed")
		}
	}
	if len(stale) > 0 && !o.clean {
		fmt.Fprintf(a.Err, "warning: %d file(s) in %s are from an earlier build and not part of this kit (%s); uploading the folder would publish them; build --clean removes them\n",
			len(stale), a.rel(out), strings.Join(stale, ", "))
	}
	if len(foreign) > 0 {
		fmt.Fprintf(a.Err, "warning: %s also holds %d file(s) no build made (%s); uploading the folder would publish them too\n",
			a.rel(out), len(foreign), strings.Join(foreign, ", "))
	}
	fmt.Fprintf(a.Err, "wrote %d files (%s) to %s; open %s\n", len(written)-1, humanSize(total), a.rel(out), a.rel(filepath.Join(out, kit.IndexName)))
	return nil
}

// hasExtras says the kit holds a release, a spokespeople page or cards.
func hasExtras(k *kit.Kit) bool {
	for _, d := range k.Documents {
		if slices.Contains(kit.ExtraKinds, d.Kind) {
			return true
		}
	}
	return false
}

// completeKits completes the kit files of the workspace's kits/ folder, else YAML files.
func (a *app) completeKits(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	root := a.WorkDir
	if a.loadConfig(cmd, nil) == nil {
		root = a.root
	}
	matches, _ := filepath.Glob(filepath.Join(root, "kits", "*.yaml"))
	if len(matches) == 0 {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	for i, m := range matches {
		matches[i] = a.rel(m)
	}
	return matches, cobra.ShellCompDirectiveDefault
}

// exampleItemIDs are the ids of the example items presskit init writes.
func exampleItemIDs() []string {
	ids, _ := scaffold.ItemIDs(examples.Workspace, "workspace")
	return ids
}
