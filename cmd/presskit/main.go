//go:build !benchfloor

// Command presskit builds press briefs, myth-busting handouts and interview prep sheets
// from a curated, sourced, bilingual library.
package main

import (
	"os"
	"runtime/debug"
	"strings"
	_ "time/tzdata" // embargo time zones work on machines without a zone database

	// Maps the code and the heap's first pages early in start-up (Linux): see its doc.
	_ "github.com/presskit/presskit/cmd/presskit/internal/prefault"
)

func main() {
	setGCPolicy(os.Args[1:], os.LookupEnv)
	os.Exit(run(os.Args[1:], newStreams()))
}

// gcPolicy is how the garbage collector runs for one command.
type gcPolicy struct {
	percent  int   // debug.SetGCPercent; -1 is off
	limitMiB int64 // debug.SetMemoryLimit, in MiB; 0 leaves Go's default
}

// gcPolicies are the rendering commands' collector settings; every other command
// (check, list, show, search, …) keeps Go's default, and so does a single document.
// Measured on whole processes (docs/benchmarks.md): where fresh memory costs a page
// fault, collecting less is slower, not faster, for one document (about 9 MB
// allocated in all: GOGC=100 73 ms, 200 77 ms, off 80 ms), while a kit, which
// allocates several times that on both cores, is quickest with GOGC=200 (155 ms
// against 172 ms at 100 and 217 ms with the collector off). check keeps the
// default: on 10 MB of text, collecting less triples its memory.
var gcPolicies = map[string]gcPolicy{
	"build": {percent: 200},
}

// setGCPolicy applies the policy of the command named in args, unless the user set
// GOGC or GOMEMLIMIT, which always win.
func setGCPolicy(args []string, lookup func(string) (string, bool)) {
	if _, ok := lookup("GOGC"); ok {
		return
	}
	if _, ok := lookup("GOMEMLIMIT"); ok {
		return
	}
	p, ok := gcPolicies[commandName(args)]
	if !ok {
		return
	}
	if p.limitMiB > 0 {
		debug.SetMemoryLimit(p.limitMiB << 20)
	}
	debug.SetGCPercent(p.percent)
}

// commandName is the first argument that is not a flag: the subcommand, for every
// invocation whose global flags are written --flag=value; a global flag's value given
// as a separate argument only ever selects the default policy.
func commandName(args []string) string {
	for _, a := range args {
		if a == "--" {
			return ""
		}
		if !strings.HasPrefix(a, "-") {
			return a
		}
	}
	return ""
}
