// Package content embeds presskit's curated library: YAML data files and, in i18n/, the
// interface strings of each language. No Go code here but the embed.
package content

import "embed"

// FS holds the curated library and the interface strings. The core files load first, then
// topics/ (lexical order), so the default selections lead with the core myths and points.
//
//go:embed *.yaml i18n topics
var FS embed.FS
