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
// (check, list, show, search, …) keeps Go's default. Measured on whole processes
// (perf stat -r 30, GOGC set in the environment, alternated three times; docs/benchmarks.md):
//   - one document now allocates about 9 MB in all, and each of the three collections
//     Go's default runs costs more than it frees (releasing every cache and filling new
//     span sets touches fresh memory, a page fault each on a VM): the Russian handout
//     takes 49-51 ms at GOGC=100, 46-48 ms at 300, 46-49 ms with the collector off, and
//     peaks at 21.7-22.3 MB resident against 21.1-21.4 MB. So the collector waits until
//     the heap reaches 128 MiB (GOGC off under a memory limit), which no document of the
//     embedded library comes near and which bounds one made from a large library.
//   - a kit allocates several times that on both cores. It was quickest with GOGC=200
//     (154-158 ms against 164-169 ms at 100, 160-168 at 400 and 188-195 ms with the
//     collector off, which also takes 46 MB against 35 MB); since a kit draws only the
//     PDFs it keeps and shares what it parses, it is quickest at 400 (hyperfine, medians
//     of 6 rounds alternated: 111.5 ms against 115.4 at 200, 114.1 at 300 and 123.2 at
//     600; in an earlier set 104.7 against 111.3 at 200, 115.6 at 800, 118.0 off), at
//     33 MB against 32 MB.
//
// check keeps the default: on 10 MB of text, collecting less triples its memory.
var gcPolicies = map[string]gcPolicy{
	"build":   {percent: 400},
	"handout": {percent: -1, limitMiB: 128},
	"brief":   {percent: -1, limitMiB: 128},
	"prep":    {percent: -1, limitMiB: 128},
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
