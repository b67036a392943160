//go:build !benchfloor

// Command presskit builds press briefs, myth-busting handouts and interview prep sheets
// from a curated, sourced, bilingual library.
package main

import (
	"os"
	"runtime/debug"
	"strings"
	_ "time/tzdata" // embargo time zones work on machines without a zone database
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
// (check, list, show, search, …) keeps Go's default. Rendering a document is a burst
// of short-lived allocation in a process that exits right after, so collecting less
// saves work: one document allocates about 9 MB in all, and with the first collection
// at 8 MB of heap (GOGC=200) it collects once or twice instead of four times, and its
// peak stays near 20 MB. A kit allocates several times that: the collector is off
// until the process holds 96 MiB, and runs only as often as it must to stay under.
// check keeps the default: on 10 MB of text, collecting less triples its memory.
var gcPolicies = map[string]gcPolicy{
	"handout": {percent: 200},
	"brief":   {percent: 200},
	"prep":    {percent: 200},
	"build":   {percent: -1, limitMiB: 96},
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
