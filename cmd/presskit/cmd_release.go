package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/check"
	"github.com/presskit/presskit/toolkit/kit"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/people"
	"github.com/presskit/presskit/toolkit/release"
)

func newReleaseCmd(a *app) *cobra.Command {
	var formats []string
	var allow bool
	cmd := &cobra.Command{
		Use:   "release <FILE.md>...",
		Short: "Lay out a press release from Markdown with front matter",
		Long: `Lay out a press release: the release line, headline, dateline, lede, body, quotes,
the organisation's "About" text (organisation.about in presskit.yaml), the media contact and
the end mark, as PDF, HTML, plain text for an email body and Markdown. Give one file per
language. Before anything is made the text goes through presskit check: words to avoid stop
the build, with their positions, unless --allow-findings.

The file format is in docs/release-format.md.`,
		Example: `  $ presskit release releases/launch.en.md releases/launch.ru.md
  $ presskit release launch.en.md --format txt -o mail`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			env, err := a.releaseEnv(allow)
			if err != nil {
				return err
			}
			var files []output.File
			for _, name := range args {
				fs, err := release.BuildFile(name, a.readFile, env, formats)
				if err != nil {
					return err
				}
				files = append(files, fs...)
			}
			written, err := output.WriteAll(a.cfg.Output, files)
			if err != nil {
				return err
			}
			for _, w := range written {
				fmt.Fprintf(a.Err, "wrote %s (%s)\n", w.Path, humanSize(w.Size))
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&formats, "format", []string{"pdf", "html", "txt", "md"}, "formats: {pdf|html|txt|md}, a comma list")
	cmd.Flags().BoolVar(&allow, "allow-findings", false, "build even when presskit check finds words to avoid")
	cmd.Flags().StringP("output", "o", "", "output `folder` (default from configuration)")
	return cmd
}

// readFile reads a file named relative to the working folder.
func (a *app) readFile(name string) ([]byte, error) {
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(a.WorkDir, p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, plainErr(err))
	}
	return data, nil
}

// people reads people: from the configuration file that set it, photos relative to it.
func (a *app) people() ([]*people.Person, error) {
	file := a.origin["people"]
	if file == "" || file == "default" {
		return nil, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("configuration file %s: %v", file, plainErr(err))
	}
	dir := filepath.Dir(file)
	name := file
	if rel, err := filepath.Rel(a.WorkDir, file); err == nil && !strings.HasPrefix(rel, "..") {
		name = rel // messages name the file as the user sees it
	}
	return people.Parse(name, data, func(p string) ([]byte, error) {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, plainErr(err)
		}
		return b, nil
	})
}

// releaseEnv gathers what a release is built against.
func (a *app) releaseEnv(allow bool) (release.Env, error) {
	lib, cat, err := a.libraryAndStrings()
	if err != nil {
		return release.Env{}, err
	}
	base, now, err := a.docBase()
	if err != nil {
		return release.Env{}, err
	}
	ps, err := a.people()
	if err != nil {
		return release.Env{}, err
	}
	checker, err := check.Compile(lib.Items(library.KindTerm), a.cfg.Lang)
	if err != nil {
		return release.Env{}, err
	}
	return release.Env{Lib: lib, Catalog: cat, Config: a.cfg, People: ps, Logo: base.Logo, LogoType: base.LogoType,
		Paper: base.Paper, Now: now, Checker: checker, AllowFindings: allow}, nil
}

// kitExtras gathers what a kit's release, spokespeople page and cards are made with;
// dir is the kit file's folder as the user named it.
func (a *app) kitExtras(dir string, allow bool) (*kit.Extras, error) {
	env, err := a.releaseEnv(allow)
	if err != nil {
		return nil, err
	}
	warn := func(msg string) { fmt.Fprintf(a.Err, "warning: %s\n", msg) }
	return &kit.Extras{Release: env, Dir: dir, ReadFile: a.readFile, Warn: warn}, nil
}
