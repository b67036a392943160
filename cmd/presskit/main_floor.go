//go:build benchfloor

package main

// Built with -tags benchfloor, presskit is a program that prints a line and exits, with
// every package presskit links (and so every package initialiser) still in it: the
// floor under `presskit version` that scripts/bench.sh measures beside a bare Go binary.

import (
	"os"
	_ "time/tzdata"

	_ "github.com/presskit/presskit/cmd/presskit/internal/prefault"
)

func main() {
	os.Stdout.WriteString("presskit floor\n")
}
