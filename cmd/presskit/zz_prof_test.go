package main

import (
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
)

func TestZZProfile(t *testing.T) {
	args := strings.Fields(os.Getenv("PROF_ARGS"))
	runtime.MemProfileRate = 4096
	f, _ := os.Create("/tmp/snap-prof.out")
	pprof.StartCPUProfile(f)
	for i := 0; i < 60; i++ {
		s := newStreams()
		s.Out, s.Err = io.Discard, io.Discard
		if c := run(args, s); c != 0 {
			t.Fatal(c)
		}
	}
	pprof.StopCPUProfile()
	m, _ := os.Create("/tmp/snap-mem.out")
	pprof.Lookup("allocs").WriteTo(m, 0)
	m.Close()
}
