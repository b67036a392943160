//go:build benchfloor

package main

// Built with -tags benchfloor, presskit is a program that prints a line and exits, with
// every package presskit links (and so every package initialiser) still in it: the
// floor under `presskit version` that scripts/bench.sh measures beside a bare Go binary.
// With the arguments `pdf DIR` it writes the floor under a handout instead (pdfFloor).

import (
	"os"
	_ "time/tzdata"

	_ "github.com/presskit/presskit/cmd/presskit/internal/prefault"
)

func main() {
	if len(os.Args) == 3 && os.Args[1] == "pdf" {
		if err := pdfFloor(os.Args[2]); err != nil {
			os.Stderr.WriteString("presskit floor: " + err.Error() + "\n")
			os.Exit(1)
		}
		return
	}
	os.Stdout.WriteString("presskit floor\n")
}
