#!/usr/bin/env bash
# bench.sh: times whole presskit commands, and headless Chromium printing the same
# handout, in one hyperfine run (make bench). Prints the medians, the ratio
# Chromium/presskit for the handout, presskit's peak memory and the handout's size,
# each against its target, as a Markdown table for docs/benchmarks.md.
#
# Installs hyperfine (and GNU time) with apt-get when missing; without hyperfine it
# falls back to timing a loop with date +%s%N.
#
# Environment:
#   PRESSKIT_BIN  time this binary instead of building one
#   RUNS          timed runs per command (default: hyperfine's choice, at least 10)
#   CHROMIUM      the browser (default /usr/bin/chromium); absent: its row is skipped
#   NO_HYPERFINE  set to 1 to time with the date +%s%N loop even when hyperfine is here
#   BENCH_JSON    keep hyperfine's JSON export at this path
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { printf 'bench: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

use_hyperfine=1
[ "${NO_HYPERFINE:-}" != 1 ] || use_hyperfine=
missing=()
[ -z "$use_hyperfine" ] || command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
	say "installing ${missing[*]} with apt-get"
	if as_root apt-get update -qq &&
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then :; else
		say "could not install ${missing[*]}; carrying on without"
	fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/presskit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -n "${PRESSKIT_BIN:-}" ]; then
	bin=$PRESSKIT_BIN
else
	bin=$work/presskit
	say "building presskit"
	go build -trimpath -ldflags '-s -w' -o "$bin" ./cmd/presskit
fi
# No user configuration; the same dates every run.
export XDG_CONFIG_HOME=$work/config HOME=$work/home SOURCE_DATE_EPOCH=1795737600
mkdir -p "$XDG_CONFIG_HOME" "$HOME" "$work/out" "$work/kit" "$work/print"

kit=examples/kits/migrant-sex-work-framing.yaml
chromium=${CHROMIUM:-/usr/bin/chromium}

# Sample files: the handout as HTML for Chromium, and 1 MB of Russian prose that uses
# the library's terms to avoid in several word forms, for check.
"$bin" handout --lang ru --format html,pdf -o "$work/sample" 2>/dev/null
html=$work/sample/handout-ru.html
draft=$work/draft-ru.md
printf '# Черновик пресс-релиза\n\n' >"$draft"
i=0
while [ "$(stat -c %s "$draft")" -lt 1048576 ]; do
	for _ in $(seq 50); do
		i=$((i + 1))
		printf '%s\n\n' "Абзац $i. Вчера полиция задержала нелегалов в ходе рейда, назвав его «спасением жертв». Журналисты писали о проститутках и нелегальных мигрантах, хотя сами секс-работницы говорят о праве на труд, безопасность и здоровье. Правозащитники напоминают: торговля людьми есть и в сельском хозяйстве, и в строительстве, а рейды отталкивают людей от помощи."
	done >>"$draft"
done
size=$(stat -c %s "$draft")
say "sample draft: $size bytes of Russian"

# Each command must do its job before it is timed: check exits 1 on findings.
"$bin" handout --lang ru --format pdf -o "$work/out" 2>/dev/null
"$bin" build "$kit" -o "$work/kit" 2>/dev/null
set +e
"$bin" check "$draft" >/dev/null
rc=$?
set -e
[ $rc -eq 1 ] || { say "presskit check should find terms in the draft (exit 1), got exit $rc"; exit 1; }
"$bin" list >/dev/null

names=(handout-pdf-ru kit-build check-1mb-ru list)
cmds=(
	"$bin handout --lang ru --format pdf -o $work/out"
	"$bin build $kit -o $work/kit"
	"$bin check $draft >/dev/null; test \$? -le 1"
	"$bin list >/dev/null"
)
if [ -x "$chromium" ]; then
	profile=$work/chromium-profile
	names+=(chromium-print-pdf)
	cmds+=("$chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --disable-component-update --disable-sync --disable-quic --user-data-dir=$profile --no-pdf-header-footer --print-to-pdf=$work/print/handout-ru.pdf file://$html 2>/dev/null")
	"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
		--disable-component-update --disable-sync --disable-quic --user-data-dir="$profile" --no-pdf-header-footer \
		--print-to-pdf="$work/print/handout-ru.pdf" "file://$html" 2>/dev/null >/dev/null ||
		say "chromium could not print the handout"
else
	say "no $chromium: skipping the Chromium comparison"
fi

declare -A median cpu
json=${BENCH_JSON:-$work/hyperfine.json}
if [ -n "$use_hyperfine" ] && command -v hyperfine >/dev/null 2>&1; then
	args=(--warmup 3 --export-json "$json" --export-csv "$work/hyperfine.csv" --style basic)
	[ -z "${RUNS:-}" ] || args+=(--runs "$RUNS")
	for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
	hyperfine "${args[@]}" >&2
	# CSV columns: command,mean,stddev,median,user,system,min,max (seconds).
	while IFS=, read -r name _ _ med user system _; do
		[ "$name" = command ] && continue
		median[$name]=$(awk -v s="$med" 'BEGIN { printf "%.1f", s * 1000 }')
		cpu[$name]=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.1f ms", (u + s) * 1000 }')
	done <"$work/hyperfine.csv"
	how="hyperfine $(hyperfine --version | awk '{print $2}'), --warmup 3"
else
	runs=${RUNS:-20}
	say "no hyperfine: timing $runs runs of each command with date +%s%N"
	for i in "${!names[@]}"; do
		for _ in 1 2 3; do sh -c "${cmds[$i]}" >/dev/null 2>&1 || true; done
		ts=()
		for _ in $(seq "$runs"); do
			t0=$(date +%s%N)
			sh -c "${cmds[$i]}" >/dev/null 2>&1 || true
			t1=$(date +%s%N)
			ts+=($(((t1 - t0) / 1000)))
		done
		median[${names[$i]}]=$(printf '%s\n' "${ts[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }')
	done
	how="date +%s%N loop, $runs runs after 3 warm-up runs (no hyperfine)"
fi

# Peak memory of the handout, the largest of five runs.
peak_kb=
if [ -x /usr/bin/time ]; then
	for _ in 1 2 3 4 5; do
		kb=$(/usr/bin/time -v "$bin" handout --lang ru --format pdf -o "$work/out" 2>&1 >/dev/null |
			awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }')
		if [ -z "$peak_kb" ] || [ "$kb" -gt "$peak_kb" ]; then peak_kb=$kb; fi
	done
fi
pdf_bytes=$(stat -c %s "$work/out/handout-ru.pdf")
chromium_pdf_bytes=$(stat -c %s "$work/print/handout-ru.pdf" 2>/dev/null || echo)

# The table.
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (v == "") print "n/a"; else if (v + 0 < t + 0) print "met"; else print "MISSED" }'; }
# Columns: what, median (or the figure), CPU time (user + system, mean), target, verdict.
row() { printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$(verdict "$5" "$6")"; }
echo
echo "| what | median | CPU (user+sys) | target | |"
echo "|---|---|---|---|---|"
row "\`presskit handout --lang ru --format pdf\` (whole process)" "${median[handout-pdf-ru]} ms" "${cpu[handout-pdf-ru]:-}" "< 20 ms" "${median[handout-pdf-ru]}" 20
row "\`presskit build $kit\`" "${median[kit-build]} ms" "${cpu[kit-build]:-}" "< 150 ms" "${median[kit-build]}" 150
row "\`presskit check\` on $((size / 1024)) KiB of Russian" "${median[check-1mb-ru]} ms" "${cpu[check-1mb-ru]:-}" "< 200 ms" "${median[check-1mb-ru]}" 200
row "\`presskit list\` (embedded library)" "${median[list]} ms" "${cpu[list]:-}" "< 30 ms" "${median[list]}" 30
peak_mb=$([ -n "$peak_kb" ] && awk -v k="$peak_kb" 'BEGIN { printf "%.1f", k / 1024 }' || echo)
row "peak memory of the handout (max RSS, /usr/bin/time -v, worst of 5)" "${peak_mb:-n/a} MB" "" "< 30 MB" "$peak_mb" 30
pdf_kb=$(awk -v b="$pdf_bytes" 'BEGIN { printf "%.1f", b / 1024 }')
row "handout-ru.pdf size" "$pdf_kb KB ($pdf_bytes bytes)" "" "< 60 KB" "$pdf_kb" 60
if [ -n "${median[chromium-print-pdf]:-}" ]; then
	ratio=$(awk -v c="${median[chromium-print-pdf]}" -v p="${median[handout-pdf-ru]}" 'BEGIN { printf "%.1f", c / p }')
	echo "| Chromium \`--print-to-pdf\` of the same handout-ru.html ($((${chromium_pdf_bytes:-0} / 1024)) KB PDF) | ${median[chromium-print-pdf]} ms | ${cpu[chromium-print-pdf]:-} | reference | |"
	echo "| ratio Chromium / presskit, handout (medians) | ${ratio}× | | | |"
fi
echo
echo "Timed with $how; machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(date -u +%Y-%m-%d); load average $(cut -d' ' -f1-3 /proc/loadavg)."
[ -z "${BENCH_JSON:-}" ] || echo "hyperfine's JSON: $json"
