// Package prefault makes presskit's start cheaper where a page fault is expensive (a
// virtual machine, where one costs 10-30 µs). Imported by main, its initialiser runs
// early and, on Linux, maps the program's code and the start of its heap in a few system
// calls, instead of taking one page fault for every 64 KB window of code a package
// initialiser first runs in (~80 at every start: the initialisers of some 140 linked
// packages are spread across 7 MB of code) and one for every new heap page (~60 in the
// first 512 KB). docs/benchmarks.md ("Start-up floor") has the measurements.
//
// Only code pages already in the page cache are mapped, so a cold start reads nothing
// more from disk; a kernel older than 5.14 answers EINVAL and nothing changes; on other
// systems the package is empty. The program behaves the same with or without it; the
// populated code pages count in the resident set (about 1.7 MB more, shared with the
// page cache).
package prefault
