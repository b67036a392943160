// Package content embeds presskit's curated library: YAML data files and, in i18n/, the
// interface strings of each language. No Go code here but the embed.
package content

import "embed"

// FS holds the curated library and the interface strings.
//
//go:embed *.yaml i18n
var FS embed.FS
