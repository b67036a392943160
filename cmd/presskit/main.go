// Command presskit builds press briefs, myth-busting handouts and interview prep sheets
// from a curated, sourced, bilingual library.
package main

import (
	"os"
	_ "time/tzdata" // embargo time zones work on machines without a zone database
)

func main() {
	os.Exit(run(os.Args[1:], newStreams()))
}
