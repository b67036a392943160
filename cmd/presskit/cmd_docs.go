package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/plaintext"
	"github.com/presskit/presskit/toolkit/publish"
	"github.com/presskit/presskit/toolkit/render/pdf"
)

// docOptions are the flags every document command shares.
type docOptions struct {
	formats []string
	ids     []string
	tags    []string
	title   string
	intro   string
	// tagFlag is the flag the tags came from, as the user typed it (--tag or --topic).
	tagFlag string
}

func addDocFlags(cmd *cobra.Command, o *docOptions) {
	f := cmd.Flags()
	f.StringSliceVar(&o.formats, "format", []string{"pdf", "html"}, "output formats, a comma list: {pdf|html|txt|md}")
	f.String("paper", "", "paper size {a4|letter} (default from configuration: a4)")
	f.StringP("output", "o", "", "output `folder` (default from configuration: out)")
	f.StringSliceVar(&o.ids, "ids", nil, "use these items, by id, in this order (comma list)")
	f.StringSliceVar(&o.tags, "tag", nil, "use items with any of these tags (comma list)")
	f.StringVar(&o.title, "title", "", "replace the document's title")
	f.StringVar(&o.intro, "intro", "", "replace the document's introduction")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("pdf", "html", "pdf,html", "txt", "md"))
	cmd.RegisterFlagCompletionFunc("paper", fixedCompletion("a4", "letter"))
}

func fixedCompletion(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}

func newDocCmd(a *app, kind document.Kind, short, long, example string) *cobra.Command {
	var o docOptions
	cmd := &cobra.Command{
		Use:     string(kind) + " [flags]",
		Short:   short,
		Long:    long,
		Example: example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tagFlag := "--tag"
			if cmd.Flags().Changed("topic") {
				tagFlag = "--topic"
			}
			o.tagFlag = tagFlag
			return a.makeDocs(cmd.Context(), []document.Kind{kind}, o)
		},
	}
	addDocFlags(cmd, &o)
	cmd.RegisterFlagCompletionFunc("ids", a.completeIDList)
	cmd.RegisterFlagCompletionFunc("tag", a.completeTags)
	if kind == document.Prep {
		// A spokesperson thinks in topics: the interview is about policing, say.
		cmd.Flags().StringSliceVar(&o.tags, "topic", nil, "the interview's topic (a tag, such as policing); same as --tag")
		cmd.RegisterFlagCompletionFunc("topic", a.completeTags)
	}
	return cmd
}

// now is the documents' date: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.
func (a *app) now() (time.Time, error) {
	if s := a.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now(), nil
}

// catalog loads the interface strings of every language: the embedded ones with the
// user's library folders' i18n/ files laid over them.
func (a *app) catalog() (*i18n.Catalog, error) {
	layers, err := a.stringLayers()
	if err != nil {
		return nil, err
	}
	cat, err := i18n.LoadLayers(layers...)
	if err != nil {
		return nil, fmt.Errorf("interface strings: %w", err)
	}
	return cat, nil
}

// libraryAndStrings opens the library and the interface strings every document needs.
// The two are read side by side (about 1.5 ms each for the embedded ones); a problem in
// the library is reported before one in the strings, as when they were read in turn.
func (a *app) libraryAndStrings() (*library.Library, *i18n.Catalog, error) {
	type strings struct {
		cat *i18n.Catalog
		err error
	}
	done := make(chan strings, 1)
	go func() {
		cat, err := a.catalog()
		done <- strings{cat, err}
	}()
	lib, err := a.openLibrary()
	s := <-done
	if err != nil {
		return nil, nil, err
	}
	return lib, s.cat, s.err
}

// preloadFaces parses the embedded faces for drawing on another core while the library
// and the strings load, when formats will draw a PDF (pdf.Preload). A kit may name its
// own formats: build preloads by its --format, and a kit of HTML only has parsed the
// faces for nothing, on a core that had nothing else to do.
func preloadFaces(formats []string) {
	if slices.Contains(formats, "pdf") {
		go pdf.Preload()
	}
}

// warn prints what the writer should know about documents that were still made.
func (a *app) warn(made []publish.Made) {
	for _, m := range made {
		for _, w := range m.Doc.Warnings {
			fmt.Fprintf(a.Err, "warning: %s [%s]: %s (%d words)\n", w.ItemID, w.Lang, w.Msg, w.Words)
		}
	}
}

// docBase fills what every document shares from the configuration.
func (a *app) docBase() (document.Options, time.Time, error) {
	now, err := a.now()
	if err != nil {
		return document.Options{}, now, err
	}
	opt := document.Options{Paper: a.cfg.Paper, Config: a.cfg, Date: now}
	if p := a.cfg.Organisation.Logo; p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			return opt, now, fmt.Errorf("logo %s: %v; fix %s", a.rel(p), plainErr(err), a.setIn("organisation.logo"))
		}
		typ, err := publish.CheckLogo(a.rel(p), data)
		if err != nil {
			return opt, now, fmt.Errorf("%w (set by %s)", err, a.setIn("organisation.logo"))
		}
		opt.Logo, opt.LogoType = data, typ
	}
	return opt, now, nil
}

func (a *app) makeDocs(ctx context.Context, kinds []document.Kind, o docOptions) error {
	formats, err := enumList("--format", o.formats, "pdf", "html", "txt", "md")
	if err != nil {
		return err
	}
	o.formats, o.ids, o.tags = formats, cleanList(o.ids), cleanList(o.tags)
	if o.tagFlag == "" {
		o.tagFlag = "--tag"
	}
	if len(o.ids) > 0 && len(o.tags) > 0 {
		return usageErrorf("--ids and %s together: --ids names the items, %s picks them by tag; use one of them", o.tagFlag, o.tagFlag)
	}
	if err := a.checkSides(kinds, o.formats); err != nil {
		return err
	}
	preloadFaces(o.formats)
	lib, cat, err := a.libraryAndStrings()
	if err != nil {
		return err
	}
	if err := checkSelection(lib, o.ids, o.tags, o.tagFlag); err != nil {
		return err
	}
	base, now, err := a.docBase()
	if err != nil {
		return err
	}
	base.Selection = library.Selection{IDs: o.ids, Tags: o.tags}
	base.Title, base.Intro = o.title, o.intro
	if err := output.PrepareDir(a.cfg.Output); err != nil {
		return err
	}
	// Plain text and Markdown are written from the same model as the PDF.
	var laid, text []string
	for _, f := range o.formats {
		if f == "txt" || f == "md" {
			text = append(text, f)
		} else {
			laid = append(laid, f)
		}
	}
	made, err := publish.Make(lib, cat, publish.Request{Docs: kinds, Langs: a.docLangs, Formats: laid, Options: base, Created: now, Ctx: ctx})
	if err != nil {
		return selectionError(lib, err, o.tagFlag)
	}
	var files []output.File
	for _, m := range made {
		for _, w := range m.Doc.Warnings {
			fmt.Fprintf(a.Err, "warning: %s [%s]: %s (%d words)\n", w.ItemID, w.Lang, w.Msg, w.Words)
		}
		files = append(files, m.Files...)
		if m.Sides != nil {
			continue // checkSides refused text formats for it
		}
		for _, f := range text {
			files = append(files, plaintext.DocFile(m.Doc, plaintext.Format(f)))
		}
	}
	written, err := output.WriteAllContext(ctx, a.cfg.Output, files, output.Options{Write: a.writeHook})
	if err != nil {
		return err
	}
	pages := map[string]int{}
	for _, m := range made {
		for _, f := range m.Files {
			if strings.HasSuffix(f.Name, ".pdf") {
				pages[f.Name] = m.Pages
			}
		}
	}
	for _, w := range written {
		extra := ""
		if n := pages[baseName(w.Path)]; n > 0 {
			extra = fmt.Sprintf(", %d page(s)", n)
		}
		fmt.Fprintf(a.Err, "wrote %s (%s%s)\n", a.rel(w.Path), humanSize(w.Size), extra)
	}
	return nil
}

// checkSides refuses a two-sided language ("en+ru") for anything but the handout's PDF
// and HTML: a brief or prep sheet is made one language at a time, and a text file holds
// one language.
func (a *app) checkSides(kinds []document.Kind, formats []string) error {
	if !a.sides {
		return nil
	}
	fail := func(format string, args ...any) error {
		if strings.HasPrefix(a.origin["lang"], "flag ") {
			return usageErrorf("--lang %s: "+format, append([]any{strings.Join(a.docLangs, ",")}, args...)...)
		}
		return fmt.Errorf("lang %s (set by %s): "+format, append([]any{strings.Join(a.docLangs, ","), a.setIn("lang")}, args...)...)
	}
	for _, k := range kinds {
		if k != document.Handout {
			return fail("two languages on one sheet make a handout only; make the %s with --lang %s", k, strings.Join(a.cfg.Lang, ","))
		}
	}
	for _, f := range formats {
		if f == "txt" || f == "md" {
			return fail("a two-sided handout is made as PDF and HTML; for --format %s, use --lang %s", f, strings.Join(a.cfg.Lang, ","))
		}
	}
	return nil
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func newHandoutCmd(a *app) *cobra.Command {
	return newDocCmd(a, document.Handout,
		"Make the one-page myth-busting handout",
		`Make the myth-busting handout: a title, a short introduction, myth/fact pairs with
numbered sources, and a call to action, on one printed page (A4 or Letter). Sizes adapt to
fit; when the chosen myths cannot fit, the error says by how much and what to drop.

Files are named handout-<lang>.<format> in the output folder. --lang en+ru makes one
sheet for two communities: English on the front, Russian on the back, the same items with
the same numbers, as handout-en-ru.pdf (two pages, for double-sided printing) and
handout-en-ru.html (both sides); a "-" in the name, as a "+" breaks some web hosts.`,
		`  # Russian handout, PDF and HTML, in ./out
  $ presskit handout --lang ru

  # Both languages on Letter paper, PDF only
  $ presskit handout --lang en,ru --paper letter --format pdf

  # One sheet, English on the front, Russian on the back
  $ presskit handout --lang en+ru

  # Only myths about policing
  $ presskit handout --tag policing`)
}

func newBriefCmd(a *app) *cobra.Command {
	return newDocCmd(a, document.Brief,
		"Make the press brief for journalists",
		`Make the press brief: masthead, title and standfirst, key messages, say-this-not-that
shifts, pull quotes, facts, a short language guide, numbered references with links and
media contacts, on one or two pages.`,
		`  $ presskit brief --lang en
  $ presskit brief --lang en,ru --format pdf -o press`)
}

func newPrepCmd(a *app) *cobra.Command {
	return newDocCmd(a, document.Prep,
		"Make the one-page interview prep sheet",
		`Make the interview prep sheet, a message map on one page: a core message, three key
messages with proof points, bridging phrases, tough questions with short answers, and
words to avoid with what to say instead. A key message longer than about 27 words (9
seconds of speech) is named in a warning; the sheet is still written.`,
		`  # Russian, both formats
  $ presskit prep --lang ru

  # An interview about policing
  $ presskit prep --topic policing --format pdf`)
}
