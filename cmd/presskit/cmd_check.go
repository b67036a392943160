package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/check"
	"github.com/presskit/presskit/toolkit/library"
)

// maxDraft is the largest draft presskit reads; a larger file is refused, not half-read.
const maxDraft = 256 << 20

func newCheckCmd(a *app) *cobra.Command {
	var format, lang string
	var markdown bool
	cmd := &cobra.Command{
		Use:   "check {<file>...|-}",
		Short: "Check a draft for words that bring back the frame you are shifting",
		Long: `Check drafts (press releases, op-eds, talking notes; Markdown or plain text) for the
library's terms to avoid, in English and Russian, inflected forms included. Each finding is
printed like a linter's:

  file:line:col: term-id: "matched text": why (say instead: …)

Columns count characters, not bytes. Markdown files (.md) are checked in their prose, not in
code or link addresses. A line after <!-- presskit-ignore --> is not checked. The language
is detected per paragraph (Cyrillic or Latin letters) unless --lang is given.

Exit status: 0 clean, 1 findings, 2 the check itself failed (unreadable file, bad flag).`,
		Example: `  $ presskit check press-release.md
  $ presskit check --format json draft.txt | jq '.findings[].rule'
  $ pbpaste | presskit check - --lang ru`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErrorf("--format %q: use text or json", format)
			}
			if lang != "" && !contains(a.cfg.Lang, lang) {
				return usageErrorf("--lang %q: the library has terms in %v", lang, a.cfg.Lang)
			}
			lib, err := a.openLibrary()
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			checker, err := check.Compile(lib.Items(library.KindTerm), a.cfg.Lang)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			var all []check.Finding
			for _, name := range args {
				text, err := readDraft(a.In, name)
				if err != nil {
					return &exitError{code: 2, err: err}
				}
				md := markdown || check.IsMarkdown(name)
				fs, err := checker.Check(displayName(name), text, check.Options{Lang: lang, Markdown: md})
				if err != nil {
					return &exitError{code: 2, err: err}
				}
				all = append(all, fs...)
			}
			if format == "json" {
				err = check.FormatJSON(a.Out, all)
			} else {
				err = check.FormatText(a.Out, all)
			}
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if len(all) > 0 {
				if format == "text" {
					fmt.Fprintf(a.Err, "%d finding(s)\n", len(all))
				}
				return silentExit(1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format {text|json}")
	cmd.Flags().BoolVar(&markdown, "markdown", false, "treat every input as Markdown (.md files always are)")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))
	// --lang is global; for check it forces the draft's language instead of detecting it.
	cmd.PreRunE = func(cmd *cobra.Command, _ []string) error {
		if f := cmd.Flags().Lookup("lang"); f != nil && f.Changed {
			vals, _ := cmd.Flags().GetStringSlice("lang")
			if len(vals) != 1 {
				return usageErrorf("--lang: give one language for a draft, such as --lang ru")
			}
			lang = vals[0]
			a.cfg.Lang = allLangs(a)
		}
		return nil
	}
	return cmd
}

// allLangs is every language the library has, so terms of each can be compiled.
func allLangs(a *app) []string {
	srcs, err := a.sources()
	if err != nil {
		return a.cfg.Lang
	}
	return languagesOf(srcs)
}

func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// readDraft reads a file or standard input ("-"), refusing folders and huge files.
func readDraft(stdin io.Reader, name string) ([]byte, error) {
	if name == "-" {
		b, err := io.ReadAll(io.LimitReader(stdin, maxDraft+1))
		if err != nil {
			return nil, fmt.Errorf("reading standard input: %v", err)
		}
		if len(b) > maxDraft {
			return nil, fmt.Errorf("standard input is larger than %d MB; split the draft", maxDraft>>20)
		}
		return b, nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, plainErr(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder; give the draft's file (or - for standard input)", name)
	}
	if st.Size() > maxDraft {
		return nil, fmt.Errorf("%s is %d MB, larger than presskit checks (%d MB); split the draft", name, st.Size()>>20, maxDraft>>20)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, plainErr(err))
	}
	return b, nil
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
