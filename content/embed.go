// Package content embeds presskit's curated library: YAML data files and, in i18n/, the
// interface strings of each language; library.snap, the same library parsed and
// validated at build time; and strings.snap, the interface strings parsed at build time.
// No Go code here but the embeds (gen_snapshot.go is a generator, not part of the package).
package content

import "embed"

// FS holds the curated library and the interface strings. The core files load first, then
// topics/ (lexical order), so the default selections lead with the core myths and points.
//
//go:embed *.yaml i18n topics
var FS embed.FS

// Snapshot is the library of FS parsed and validated for every language of i18n/
// (library.MakeSnapshot). presskit uses it while FS still holds the files it was made
// from, and parses FS otherwise. After changing the library, run `go generate ./content`.
//
//go:generate go run gen_snapshot.go
//go:embed library.snap
var Snapshot string

// StringsSnapshot holds the interface strings of FS's i18n/ as loaded at build time
// (i18n.MakeSnapshot): presskit reads a file's locale from it instead of parsing the
// file while the file has the bytes it was made from.
//
//go:embed strings.snap
var StringsSnapshot string
