package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/cards"
	"github.com/presskit/presskit/toolkit/kit"
	"github.com/presskit/presskit/toolkit/serve"
	"github.com/presskit/presskit/toolkit/workspace"
)

func newServeCmd(a *app) *cobra.Command {
	var port int
	var host string
	var allow bool
	cmd := &cobra.Command{
		Use:   "serve [kit.yaml]",
		Short: "Preview a press kit in the browser, rebuilt as you edit",
		Long: `Build a press kit in memory and serve it on http://127.0.0.1:PORT/. When the library,
the kit, presskit.yaml or a release changes, the kit is rebuilt and open pages reload.
If the change cannot be built, every page shows the error with its file:line:col above
the last good build. Nothing is written to the output folder.

The preview listens on 127.0.0.1 only; --host 0.0.0.0 opens it to other machines.`,
		Example: `  $ presskit serve
  $ presskit serve kits/launch.yaml --port 8081`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := "kits/press-kit.yaml"
			if len(args) == 1 {
				file = args[0]
			} else if err := a.loadConfig(cmd, args); err == nil && a.root != "" {
				// The workspace is found from any of its sub-folders, as build finds it.
				file = filepath.Join(a.root, "kits", "press-kit.yaml")
			}
			ln, err := serve.Listen(net.JoinHostPort(host, strconv.Itoa(port)))
			if err != nil {
				return err
			}
			cache := &cards.Cache{}
			var lastKit *kit.Kit
			srv := serve.New(func() (serve.Files, error) {
				if err := a.loadConfig(cmd, args); err != nil {
					return nil, err
				}
				b, k, err := a.buildKit(file, allow, cache)
				if k != nil {
					lastKit = k
				}
				if err != nil {
					return nil, err
				}
				files := serve.Files{}
				for _, f := range b.Files {
					files[f.Name] = f.Data
				}
				return files, nil
			})
			rebuild := func() {
				if err := srv.Rebuild(); err != nil {
					fmt.Fprintf(a.Err, "presskit: %v\n", err)
					return
				}
				fmt.Fprintf(a.Err, "rebuilt\n")
			}
			rebuild()
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			out, _ := filepath.Abs(a.cfg.Output)
			// A workspace (a folder with presskit.yaml) is watched with its sub-folders;
			// elsewhere only the folder itself, the kit's folder and the libraries.
			_, ws := os.Stat(filepath.Join(a.WorkDir, "presskit.yaml"))
			roots := []serve.Root{{Dir: a.WorkDir, Deep: ws == nil}}
			kitDir := filepath.Dir(filepath.Join(a.WorkDir, file))
			roots = append(roots, serve.Root{Dir: kitDir})
			if lastKit != nil {
				for _, d := range lastKit.Documents {
					for _, f := range d.Files {
						roots = append(roots, serve.Root{Dir: filepath.Dir(filepath.Join(kitDir, f))})
					}
				}
			}
			for _, l := range a.cfg.Library {
				roots = append(roots, serve.Root{Dir: l, Deep: true})
			}
			skip := func(p string) bool {
				abs, _ := filepath.Abs(p)
				return abs == out || strings.HasPrefix(abs, out+string(filepath.Separator)) || filepath.Base(p) == "node_modules"
			}
			go serve.Watch(roots, skip, 150*time.Millisecond, rebuild, ctx.Done())
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
			go func() {
				<-ctx.Done()
				sctx, cancel := context.WithTimeout(context.Background(), time.Second)
				defer cancel()
				hs.Shutdown(sctx)
			}()
			fmt.Fprintf(a.Err, "serving %s at http://%s/ (Ctrl-C to stop)\n", file, ln.Addr())
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&port, "port", 8040, "the `port` to listen on")
	cmd.Flags().StringVar(&host, "host", "127.0.0.1", "the `address` to listen on; 0.0.0.0 opens the preview to other machines")
	cmd.Flags().BoolVar(&allow, "allow-findings", false, "build the release even when presskit check finds words to avoid")
	return cmd
}

// buildKit reads, checks and builds a kit in memory, as presskit build does.
func (a *app) buildKit(file string, allow bool, cache *cards.Cache) (*kit.Built, *kit.Kit, error) {
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(a.WorkDir, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("kit %s: %v", file, plainErr(err))
	}
	lib, cat, err := a.libraryAndStrings()
	if err != nil {
		return nil, nil, err
	}
	srcs, _ := a.sources()
	covered, err := fonts.Coverage(fonts.Faces()[0].File)
	if err != nil {
		return nil, nil, err
	}
	k, err := kit.Parse(file, data, kit.Env{Lib: lib, Langs: workspace.Languages(srcs), LoadLocation: time.LoadLocation,
		Covered: func(r rune) bool { return covered[r] }})
	if err != nil {
		return nil, nil, err
	}
	base, now, err := a.docBase()
	if err != nil {
		return nil, nil, err
	}
	extras, err := a.kitExtras(filepath.Dir(file), allow)
	if err != nil {
		return nil, nil, err
	}
	extras.CardCache = cache
	b, err := kit.Build(lib, cat, k, kit.BuildOptions{Base: base, Formats: []string{"pdf", "html"}, Langs: a.cfg.Lang,
		Created: now, Zip: k.Zip, Extras: extras})
	return b, k, err
}
