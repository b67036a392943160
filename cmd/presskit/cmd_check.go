package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/check"
	"github.com/presskit/presskit/toolkit/library"
)

// maxDraft is the largest draft presskit reads; a larger file is refused, not half-read.
const maxDraft = 256 << 20

var checkFormats = []string{"text", "json", "github", "sarif"}

func newCheckCmd(a *app) *cobra.Command {
	var format, lang, minSeverity string
	var markdown, mentions, quiet bool
	cmd := &cobra.Command{
		Use:   "check {<file>|<folder>|-}...",
		Short: "Check a draft for words that bring back the frame you are shifting",
		Long: `Check drafts (press releases, op-eds, talking notes) for the library's terms, in English
and Russian, inflected forms included. Every word is checked in the language of its script
(Cyrillic words by the Russian terms, Latin words by the English ones), whatever languages
your documents are made in, so a bilingual line is checked in both.

Drafts: Markdown (.md), plain text, HTML (.html), Word (.docx) and OpenDocument (.odt); a
folder is searched for them recursively; - reads standard input. Positions are line:column
in characters; in .docx and .odt files, paragraph:character.

A term counts only in its framing sense: "victims of the crash" or "coast guard rescued two
kayakers" are not findings. Words quoted from someone ("…", said the officer), named as words
(the word «нелегал») or in a blockquote are mentions: not counted, shown with --mentions.
Scare quotes in your own sentence are your own use.

Each term has a severity: avoid (error), consider (warning), context (note). --min-severity
leaves out the weaker ones.

Silence a finding with an HTML comment:
  <!-- presskit-ignore -->                 alone on a line: the next line; after text: this line
  <!-- presskit-ignore rescue -->          only the term rescue
  <!-- presskit-ignore-start --> … <!-- presskit-ignore-end -->   a block

Formats: text (colour on a terminal, off with NO_COLOR or when piped), json (version 2,
docs/check.md), github (annotations for GitHub Actions), sarif (SARIF 2.1.0).

Exit status: 0 clean, 1 findings (mentions do not count), 2 a draft could not be read or a
flag is wrong; the other drafts are still checked and reported.`,
		Example: `  $ presskit check press-release.md
  $ presskit check drafts/ --min-severity consider
  $ presskit check op-ed.docx --mentions
  $ presskit check --format json draft.txt | jq '.findings[].rule'
  $ presskit check --format github $(git diff --name-only -- '*.md')
  $ pbpaste | presskit check -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Enum values are case-insensitive here as on every other command.
			format, minSeverity = strings.ToLower(format), strings.ToLower(minSeverity)
			if !contains(checkFormats, format) {
				return usageErrorf("--format %q: use %s", format, strings.Join(checkFormats, ", "))
			}
			minSev, err := check.ParseSeverity(minSeverity)
			if err != nil || minSeverity == "" {
				return usageErrorf("--min-severity %q: use avoid, consider or context", minSeverity)
			}
			terms, langs, err := loadTerms(a)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if lang != "" && !contains(langs, lang) {
				return usageErrorf("--lang %q: the library has terms in %s", lang, strings.Join(langs, ", "))
			}
			checker, err := check.Compile(terms, langs)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if lang != "" && !quiet {
				// Never skip a language silently.
				var others []string
				for _, l := range langs {
					if l != lang {
						others = append(others, l)
					}
				}
				fmt.Fprintf(a.Err, "presskit: --lang %s: words in %s are not checked; leave out --lang to check every word in its own language\n", lang, strings.Join(others, ", "))
			}
			inputs, failed := expandDrafts(a, args)
			var shown []check.Finding
			hidden, uses := 0, 0
			for _, in := range inputs {
				fs, err := checkOne(a, checker, in, check.Options{Lang: lang, Markdown: markdown})
				if err != nil {
					fmt.Fprintf(a.Err, "presskit: %v\n", err)
					failed = true
					continue
				}
				for _, f := range fs {
					if f.Severity < minSev {
						continue
					}
					if f.Mention && !mentions {
						hidden++
						continue
					}
					if !f.Mention {
						uses++
					}
					shown = append(shown, f)
				}
			}
			color := format == "text" && a.OutIsTTY && a.Getenv("NO_COLOR") == "" && a.Getenv("TERM") != "dumb"
			switch format {
			case "json":
				err = check.FormatJSON(a.Out, shown)
			case "github":
				err = check.FormatGitHub(a.Out, shown)
			case "sarif":
				err = check.FormatSARIF(a.Out, shown, version)
			default:
				err = check.FormatText(a.Out, shown, check.TextOptions{Color: color, Quiet: quiet})
				if err == nil && !quiet && (len(shown) > 0 || hidden > 0) {
					err = check.FormatSummary(a.Err, check.Summarise(shown, hidden), color && a.ErrIsTTY)
				}
			}
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			switch {
			case failed:
				return silentExit(2)
			case uses > 0:
				return silentExit(1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format {"+strings.Join(checkFormats, "|")+"}")
	cmd.Flags().BoolVar(&markdown, "markdown", false, "treat every text input as Markdown (.md files always are)")
	cmd.Flags().BoolVar(&mentions, "mentions", false, "also show mentions: quoted, named as words, in blockquotes")
	cmd.Flags().StringVar(&minSeverity, "min-severity", "context", "leave out terms below this severity {avoid|consider|context}")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "findings only: no explanations, no summary")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion(checkFormats...))
	cmd.RegisterFlagCompletionFunc("min-severity", fixedCompletion("avoid", "consider", "context"))
	// --lang is global; for check it limits the check to the words of one language.
	cmd.PreRunE = func(cmd *cobra.Command, _ []string) error {
		if f := cmd.Flags().Lookup("lang"); f != nil && f.Changed {
			vals, _ := cmd.Flags().GetStringSlice("lang")
			if len(vals) != 1 {
				return usageErrorf("--lang: give one language, such as --lang ru, or leave it out to check every word in its own language")
			}
			lang = vals[0]
		}
		return nil
	}
	return cmd
}

// loadTerms reads the library's terms in every language it has, whatever languages the
// documents are made in: a Russian op-ed in an English workspace is still checked. Only
// the files that hold terms are read; a problem in them stops the check, problems
// elsewhere in the library are presskit validate's.
func loadTerms(a *app) ([]*library.Item, []string, error) {
	srcs, err := a.sources()
	if err != nil {
		return nil, nil, err
	}
	langs := languagesOf(srcs)
	for i := range srcs {
		srcs[i].FS = termFiles{srcs[i].FS}
	}
	lib, probs := library.Load(srcs, library.Options{Known: langs})
	if len(probs) > 0 {
		return nil, nil, probs
	}
	return lib.Items(library.KindTerm), langs, nil
}

// termFiles shows a library's files with terms in them; the others read as empty.
type termFiles struct{ fs.FS }

func (t termFiles) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(t.FS, name)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, []byte("terms:")) || bytes.Contains(data, []byte("\nterms:")) {
		return data, nil
	}
	return nil, nil
}

// draftInput is one draft to check: a file, or standard input ("-").
type draftInput struct{ path, display string }

// expandDrafts turns the arguments into drafts: files as given, folders searched
// recursively for drafts (hidden folders skipped), "-" for standard input. A missing file
// or a folder without drafts is reported and the others are still checked.
func expandDrafts(a *app, args []string) (out []draftInput, failed bool) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, draftInput{path: p, display: displayName(p)})
		}
	}
	for _, arg := range args {
		if arg == "-" {
			add(arg)
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintf(a.Err, "presskit: %s: %v\n", arg, plainErr(err))
			failed = true
			continue
		}
		if !st.IsDir() {
			add(arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(a.Err, "presskit: %s: %v\n", p, plainErr(err))
				failed = true
				return nil
			}
			if d.IsDir() {
				if p != arg && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if check.IsDraftName(d.Name()) && !strings.HasPrefix(d.Name(), "~$") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(a.Err, "presskit: %s: %v\n", arg, plainErr(err))
			failed = true
		}
		if len(found) == 0 {
			fmt.Fprintf(a.Err, "presskit: %s: no drafts in this folder (looked for %s)\n", arg, strings.Join(check.DraftExtensions, ", "))
			failed = true
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return out, failed
}

// checkOne reads and checks one draft: text, Markdown and HTML as a stream, Word and
// OpenDocument files whole.
func checkOne(a *app, c *check.Checker, in draftInput, opt check.Options) ([]check.Finding, error) {
	f := check.FormatOf(in.path)
	if in.path == "-" {
		return c.CheckReader(in.display, &capped{r: a.In, left: maxDraft}, opt)
	}
	if !f.ParagraphPositions() {
		file, err := openDraft(in.path)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		opt.Markdown = opt.Markdown || f == check.DraftMarkdown
		opt.HTML = f == check.DraftHTML
		fs, err := c.CheckReader(in.display, file, opt)
		if err != nil && !isInputError(err) {
			return nil, fmt.Errorf("%s: %v", in.path, plainErr(err))
		}
		return fs, err
	}
	data, err := readDraft(a.In, in.path)
	if err != nil {
		return nil, err
	}
	d, err := check.ReadDraft(in.display, data, f)
	if err != nil {
		return nil, err
	}
	return c.CheckDraft(in.display, d, opt)
}

// capped reads at most left bytes, then fails: a draft larger than presskit checks is
// refused, not half-read.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			return 0, fmt.Errorf("standard input is larger than %d MB; split the draft", maxDraft>>20)
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// openDraft opens a draft file, refusing folders and files larger than presskit checks.
func openDraft(name string) (*os.File, error) {
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
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, plainErr(err))
	}
	return f, nil
}

func isInputError(err error) bool {
	var ie *check.InputError
	return errors.As(err, &ie)
}

func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// readDraft reads a file or standard input ("-"), refusing huge files.
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
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
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
