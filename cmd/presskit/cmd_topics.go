package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/docs"
	"github.com/presskit/presskit/examples"
)

// newTopics are help topics: `presskit help kit` prints the kit format, `presskit help
// library` the library format, `presskit help settings` every setting, all from the binary.
func newTopics() []*cobra.Command {
	settings, _ := examples.Workspace.ReadFile("workspace/presskit.yaml")
	return []*cobra.Command{
		{Use: "kit", Short: "The kit file format (kits/press-kit.yaml)", Long: strings.TrimSpace(docs.KitFormat)},
		{Use: "library", Short: "The library format: points, facts, myths, quotes, terms, questions, sources", Long: strings.TrimSpace(docs.ContentFormat)},
		{Use: "settings", Short: "Every setting of presskit.yaml, and where settings come from", Long: configTopic + string(settings)},
		{Use: "exit-codes", Short: "What presskit's exit statuses mean", Long: exitCodesTopic},
	}
}

const configTopic = `# Settings

presskit looks for presskit.yaml in the current folder and the folders above it, as git
looks for a repository (for build KIT, above the kit file). Relative paths in it (logo,
library, output) are relative to the file. Settings are layered, highest first:
command-line flags, PRESSKIT_* environment variables (PRESSKIT_PAPER=letter,
PRESSKIT_ORGANISATION_NAME=…, PRESSKIT_LANG=en,ru), the workspace's presskit.yaml (or
--config FILE), presskit/presskit.yaml in your user config folder, built-in defaults.
presskit config shows the settings in force and where each came from.

This is the presskit.yaml that presskit init writes:

`

const exitCodesTopic = `# Exit statuses

  0    success (check: no findings)
  1    failure: the library, a kit, a setting or a file is wrong, a document cannot be
       made, check found something, search found nothing, build --strict had warnings
  2    usage: an unknown command or flag, a bad flag value (--paper a5, --format docx,
       --seed -1), an unknown --lang, --ids, --tag or --topic, a wrong number of
       arguments, --ids with --tag; check: a draft cannot be read
  130  interrupted (Ctrl-C or SIGTERM): temporary files removed, the output folder as it was`
