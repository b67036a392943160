//go:build ignore

// gen_snapshot writes library.snap: the library of this folder parsed, validated for
// each language of i18n/ and encoded (library.MakeSnapshot), so that presskit reads the
// embedded library without parsing its YAML. Run by `go generate ./content` after any
// change to the library's files; `go test ./toolkit/library` fails while it is stale.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/presskit/presskit/toolkit/library"
)

func main() {
	names, _ := filepath.Glob("i18n/*.yaml")
	var langs []string
	for _, n := range names {
		langs = append(langs, strings.TrimSuffix(filepath.Base(n), ".yaml"))
	}
	data, err := library.MakeSnapshot(os.DirFS("."), "content", langs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen_snapshot:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("library.snap", data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen_snapshot:", err)
		os.Exit(1)
	}
}
