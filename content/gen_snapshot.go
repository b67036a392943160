//go:build ignore

// gen_snapshot writes library.snap: the library of this folder parsed, validated for
// each language of i18n/ and encoded (library.MakeSnapshot), so that presskit reads the
// embedded library without parsing its YAML; and strings.snap, the interface strings
// of i18n/ loaded and encoded (i18n.MakeSnapshot). Run by `go generate
// ./content` after any change to these files; `go test ./toolkit/library ./toolkit/i18n`
// fails while either is stale.
package main

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
)

// files are the library's files embedded as embed.go embeds them, so that the snapshot
// records the digest presskit computes from its own embedded copy (library.EmbedDigest:
// the compiler's hashes of the files).
//
//go:embed *.yaml i18n topics
var files embed.FS

func main() {
	names, _ := filepath.Glob("i18n/*.yaml")
	var langs []string
	for _, n := range names {
		langs = append(langs, strings.TrimSuffix(filepath.Base(n), ".yaml"))
	}
	lib, err := library.MakeSnapshot(files, "content", langs)
	if err != nil {
		fail(err)
	}
	strs, err := i18n.MakeSnapshot(files, "i18n")
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile("library.snap", lib, 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile("strings.snap", strs, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen_snapshot:", err)
	os.Exit(1)
}
