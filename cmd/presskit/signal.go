package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// signalContext is cancelled by the first SIGINT (Ctrl-C) or SIGTERM, so that a build can
// remove its temporary files and leave the output folder as it was. A second signal ends
// the program at once, as usual.
func signalContext() context.Context {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx
}
