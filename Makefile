# presskit — see README.md. Every target works on a fresh machine with Go installed;
# .ci/run installs the Debian packages the tests use (poppler-utils, qpdf, chromium).
GO      ?= go
BIN     := bin/presskit
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build install test lint bench fuzz e2e examples clean

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/presskit

# Puts presskit in Go's bin folder (`go env GOPATH`/bin), on your PATH if Go's is, so
# that the README's bare `presskit` works. Static, as `build`: with a C compiler present,
# cgo would link presskit dynamically, and the dynamic loader costs every start ~65 page
# faults and ~4 ms (docs/benchmarks.md, "Start-up floor").
install:
	CGO_ENABLED=0 $(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/presskit

test:
	$(GO) vet ./...
	$(GO) test ./...
	cd third_party/fpdf && $(GO) vet . && $(GO) test .
	cd third_party/gotenv && $(GO) vet . && $(GO) test .
	cd third_party/tdewolff-font && $(GO) vet . && $(GO) test .
	cd third_party/goldmark && $(GO) vet ./... && $(GO) test ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# Go benchmarks (presskit's and the fpdf fork's), then whole processes side by side with
# the anchors (scripts/bench.sh installs what it needs; never part of make test).
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./toolkit/...
	cd third_party/fpdf && $(GO) test -run '^$$' -bench . -benchmem .
	./scripts/bench.sh

FUZZTIME ?= 60s
fuzz:
	./scripts/fuzz.sh $(FUZZTIME)

examples: build
	rm -rf examples/out
	SOURCE_DATE_EPOCH=1795772800 ./$(BIN) build examples/kits/migrant-sex-work-framing.yaml -o examples/out
	cd examples/workspace && SOURCE_DATE_EPOCH=1795772800 ../../$(BIN) build -o ../out/workspace
	cd examples/press-kit && SOURCE_DATE_EPOCH=1795772800 ../../$(BIN) build kits/press-kit.yaml -o ../out/press-kit

e2e: build
	./scripts/e2e.sh

clean:
	rm -rf bin out
