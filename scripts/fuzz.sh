#!/usr/bin/env bash
# fuzz.sh [FUZZTIME]: runs every Go fuzz target for FUZZTIME (default 60s), one after
# another (make fuzz FUZZTIME=5m). Seeds are in each package's testdata/fuzz/<Name>/;
# an input that fails is written there too. Every target runs even when one fails; the
# script then exits 1 and names the failing targets.
#
# Environment:
#   FUZZMINIMIZETIME  how long to shrink each new input (default 20x: 20 tries). Go's
#                     60s per input eats a short run: FuzzRich renders two PDFs per
#                     input and finds new coverage often, so it spent most of a 5-minute
#                     run shrinking at 10s. A failing input is saved either way.
#   FUZZPARALLEL      workers per target (default: Go's, one per core)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

fuzztime=${1:-60s}
minimize=${FUZZMINIMIZETIME:-20x}
parallel=()
[ -z "${FUZZPARALLEL:-}" ] || parallel=(-parallel "$FUZZPARALLEL")

# package target: every fuzz target of presskit.
targets=(
	./toolkit/check:FuzzCheck
	./toolkit/library:FuzzParseFile
	./toolkit/document:FuzzRich
	./toolkit/typography:FuzzApply
)

summary=()
failed=()
for t in "${targets[@]}"; do
	pkg=${t%%:*}
	name=${t##*:}
	printf '== %s %s for %s\n' "$pkg" "$name" "$fuzztime" >&2
	log=$(mktemp)
	status=0
	go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" \
		"${parallel[@]}" "$pkg" 2>&1 | tee "$log" >&2 || status=$?
	execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
	rm -f "$log"
	summary+=("$(printf '%-22s %-14s %12s execs  %s' "$pkg" "$name" "${execs:-?}" "$([ $status -eq 0 ] && echo ok || echo FAIL)")")
	[ $status -eq 0 ] || failed+=("$name (input under $pkg/testdata/fuzz/$name/)")
done
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
	printf 'fuzz: failed: %s\n' "${failed[@]}" >&2
	exit 1
fi
