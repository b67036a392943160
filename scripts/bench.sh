#!/usr/bin/env bash
# bench.sh: times whole processes side by side in one hyperfine run (make bench):
# presskit's Russian handout, brief and prep sheet as PDF, the example kit, `list` and
# `version`, a bare Go binary that prints a line, and the anchors a press office could
# pick instead: headless Chromium and WeasyPrint printing presskit's own HTML of the
# handout, and Typst 0.14 (through Node, npm package @myriaddreamin/typst-ts-node-compiler)
# on the equivalent Typst sources of the three documents kept in bench/, all with the same
# Noto fonts (fontconfig in a private HOME points at fonts/). Then peak memory
# (/usr/bin/time -v) and PDF sizes, and prints one Markdown table of the figures and the
# ratios of that run against the goals of issue 14, with the load average before and after.
#
# Installs what it needs and lacks: hyperfine, GNU time, chromium, weasyprint, nodejs and
# npm with apt-get; the Typst package with npm into a private folder ($BENCH_CACHE). It is
# never run by `make test`.
#
# Environment:
#   PRESSKIT_BIN  time this binary instead of building one
#   RUNS          timed runs per command (default 10), spread over ROUNDS rounds
#   ROUNDS        rounds that each time every command in turn (default 5)
#   BENCH_CACHE   where the npm package is kept (default ~/.cache/presskit-bench)
#   BENCH_JSON    keep hyperfine's JSON export at this path
#   NO_ANCHORS=1  skip Chromium, WeasyPrint and Typst
#   BENCH_FIFO=1  run the timed commands under `chrt -f 10` (root): the machine's other
#                 work waits while they run, for a figure that is not the load's; the
#                 table says so. For a shared machine that cannot be made quiet.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { printf 'bench: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
typst_pkg=@myriaddreamin/typst-ts-node-compiler@0.7.0 # Typst 0.14
cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/presskit-bench}
anchors=1
[ "${NO_ANCHORS:-}" != 1 ] || anchors=

# What is missing, installed with apt-get.
missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ -n "$anchors" ]; then
	command -v chromium >/dev/null 2>&1 || missing+=(chromium)
	command -v weasyprint >/dev/null 2>&1 || missing+=(weasyprint)
	command -v node >/dev/null 2>&1 || missing+=(nodejs)
	command -v npm >/dev/null 2>&1 || missing+=(npm)
	command -v fc-cache >/dev/null 2>&1 || missing+=(fontconfig)
fi
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]} with apt-get"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -n "$anchors" ] && [ ! -d "$cache/typst/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
	say "installing $typst_pkg with npm into $cache/typst"
	mkdir -p "$cache/typst"
	[ -f "$cache/typst/package.json" ] || echo '{"private": true}' >"$cache/typst/package.json"
	(cd "$cache/typst" && npm install --no-audit --no-fund --silent "$typst_pkg" >/dev/null)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/presskit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -n "${PRESSKIT_BIN:-}" ]; then
	bin=$PRESSKIT_BIN
else
	bin=$work/presskit
	say "building presskit"
	CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$bin" ./cmd/presskit
fi
# The floor for `version` and `list`: a Go program that prints a line, built the same way.
mkdir -p "$work/hello"
printf 'module hello\n\ngo 1.22\n' >"$work/hello/go.mod"
printf 'package main\n\nimport "os"\n\nfunc main() { os.Stdout.WriteString("hello\\n") }\n' >"$work/hello/main.go"
(cd "$work/hello" && CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$work/bare-go" .)
# The floor under `version`: presskit's own packages linked (their initialisers run), main
# only printing a line (cmd/presskit/main_floor.go). Run as `linked-floor pdf DIR`, the same
# binary is the floor under a handout: the library read from its snapshot and the text of
# the handout's myths written by fpdf with the handout's five faces, without presskit's
# layout (cmd/presskit/floor_pdf.go).
CGO_ENABLED=0 go build -tags benchfloor -trimpath -ldflags '-s -w' -o "$work/linked-floor" ./cmd/presskit

# No user configuration; the same dates every run; fontconfig sees presskit's Noto fonts.
export XDG_CONFIG_HOME=$work/home/.config HOME=$work/home SOURCE_DATE_EPOCH=1795737600
mkdir -p "$XDG_CONFIG_HOME/fontconfig" "$work/out" "$work/kit" "$work/anchor"
cat >"$XDG_CONFIG_HOME/fontconfig/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$root/fonts</dir>
  <cachedir>$work/home/.cache/fontconfig</cachedir>
</fontconfig>
EOF
if [ -n "$anchors" ]; then
	fc-cache "$root/fonts" >/dev/null 2>&1 || true
	fc-match "Noto Sans" | grep -q NotoSans || say "fontconfig does not find fonts/NotoSans-Regular.ttf"
fi

kit=examples/kits/migrant-sex-work-framing.yaml
chromium=$(command -v chromium || true)
export NODE_PATH=$cache/typst/node_modules

# Each command must do its job before it is timed.
"$bin" handout --lang ru --format html,pdf -o "$work/sample" 2>/dev/null
html=$work/sample/handout-ru.html
for d in handout brief prep; do "$bin" "$d" --lang ru --format pdf -o "$work/out" 2>/dev/null; done
"$bin" build "$kit" -o "$work/kit" 2>/dev/null
"$bin" list >/dev/null
"$bin" version >/dev/null
mkdir -p "$work/floor"
"$work/linked-floor" pdf "$work/floor"

names=(bare-go linked-floor pdf-floor version list handout brief prep kit)
cmds=(
	"$work/bare-go"
	"$work/linked-floor"
	"$work/linked-floor pdf $work/floor"
	"$bin version"
	"$bin list"
	"$bin handout --lang ru --format pdf -o $work/out"
	"$bin brief --lang ru --format pdf -o $work/out"
	"$bin prep --lang ru --format pdf -o $work/out"
	"$bin build $kit -o $work/kit"
)
chromium_cmd=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
	--disable-component-update --disable-sync --disable-quic "--user-data-dir=$work/chromium-profile"
	--no-pdf-header-footer "--print-to-pdf=$work/anchor/chromium-handout.pdf" "file://$html")
if [ -n "$anchors" ]; then
	"$chromium" "${chromium_cmd[@]}" >/dev/null 2>&1 || say "chromium could not print the handout"
	weasyprint "$html" "$work/anchor/weasyprint-handout.pdf" 2>/dev/null || say "weasyprint could not print the handout"
	for d in handout brief prep; do
		node bench/typst-compile.mjs "bench/$d-ru.typ" "$work/anchor/typst-$d.pdf" fonts
	done
	names+=(chromium weasyprint typst-handout typst-brief typst-prep)
	cmds+=(
		"$chromium ${chromium_cmd[*]}"
		"weasyprint $html $work/anchor/weasyprint-handout.pdf"
		"node bench/typst-compile.mjs bench/handout-ru.typ $work/anchor/typst-handout.pdf fonts"
		"node bench/typst-compile.mjs bench/brief-ru.typ $work/anchor/typst-brief.pdf fonts"
		"node bench/typst-compile.mjs bench/prep-ru.typ $work/anchor/typst-prep.pdf fonts"
	)
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "load average before: $load_before"
json=${BENCH_JSON:-$work/hyperfine.json}
# The runs are spread over ROUNDS rounds, each timing every command in turn, so that a
# machine whose speed drifts (a shared VM's does, by a third within an hour) slows every
# command alike instead of the ones timed last; the figures are over all rounds.
rounds=${ROUNDS:-5}
per_round=$(( (${RUNS:-10} + rounds - 1) / rounds ))
prio=()
how="normal priority"
if [ "${BENCH_FIFO:-}" = 1 ]; then
	prio=(chrt -f 10)
	how="under chrt -f 10 (other work on the machine held off while timed)"
fi
for r in $(seq 1 "$rounds"); do
	say "round $r of $rounds"
	args=(-N --warmup 1 --runs "$per_round" --export-json "$work/round-$r.json" --style basic)
	for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
	"${prio[@]}" hyperfine "${args[@]}" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Every run of every round: median wall time and mean CPU (user+system) per command,
# in milliseconds; the merged runs are kept as hyperfine-style JSON.
python3 - "$json" "$work"/round-*.json >"$work/figures.txt" <<'PY'
import json, statistics, sys
out, merged = sys.argv[1], {}
for path in sys.argv[2:]:
    for r in json.load(open(path))["results"]:
        m = merged.setdefault(r["command"], {"command": r["command"], "times": [], "user": [], "system": []})
        m["times"] += r["times"]
        m["user"] += [r["user"]] * len(r["times"])
        m["system"] += [r["system"]] * len(r["times"])
json.dump({"results": list(merged.values())}, open(out, "w"), indent=1)
for m in merged.values():
    cpu = statistics.mean(u + s for u, s in zip(m["user"], m["system"]))
    print(m["command"], "%.2f" % (statistics.median(m["times"]) * 1000), "%.1f" % (cpu * 1000), len(m["times"]))
PY
declare -A median cpu peak size
while read -r name med c _; do
	median[$name]=$med
	cpu[$name]=$c
done <"$work/figures.txt"

# Peak memory: the largest maximum resident set of three runs of each command.
for i in "${!names[@]}"; do
	kb=0
	for _ in 1 2 3; do
		k=$( (/usr/bin/time -v sh -c "exec ${cmds[$i]} >/dev/null 2>&1") 2>&1 | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }')
		[ "${k:-0}" -gt "$kb" ] && kb=$k
	done
	peak[${names[$i]}]=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
done
sz() { [ -f "$1" ] && stat -c %s "$1" || echo; }
size[handout]=$(sz "$work/out/handout-ru.pdf")
size[brief]=$(sz "$work/out/brief-ru.pdf")
size[prep]=$(sz "$work/out/prep-ru.pdf")
size[pdf-floor]=$(sz "$work/floor/floor-ru.pdf")
size[kit]=$(find "$work/kit" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
size[chromium]=$(sz "$work/anchor/chromium-handout.pdf")
size[weasyprint]=$(sz "$work/anchor/weasyprint-handout.pdf")
for d in handout brief prep; do size[typst-$d]=$(sz "$work/anchor/typst-$d.pdf"); done

# The table.
ratio() { awk -v a="${median[$1]:-}" -v b="${median[$2]:-}" 'BEGIN { if (a == "" || b == "" || b == 0) print ""; else printf "%.2f", a / b }'; }
# verdict VALUE OP LIMIT: met or MISSED (op is >= or <=).
verdict() { awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { if (v == "") print "n/a"; else if ((op == ">=" && v + 0 >= l + 0) || (op == "<=" && v + 0 <= l + 0)) print "met"; else print "MISSED" }'; }
kb() { [ -n "$1" ] && awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }' || echo; }
what=(
	"bare-go|a bare Go binary that prints a line"
	"linked-floor|presskit's packages linked, main only prints a line (\`-tags benchfloor\`)"
	"pdf-floor|the floor under a handout: library from its snapshot, the handout's text written by fpdf in its five faces, no layout (\`linked-floor pdf\`)"
	"version|\`presskit version\`"
	"list|\`presskit list\`"
	"handout|\`presskit handout --lang ru --format pdf\`"
	"brief|\`presskit brief --lang ru --format pdf\`"
	"prep|\`presskit prep --lang ru --format pdf\`"
	"kit|\`presskit build\` the example kit (3 documents × en, ru × PDF, HTML + index)"
	"chromium|Chromium \`--print-to-pdf\` of presskit's handout-ru.html"
	"weasyprint|WeasyPrint of presskit's handout-ru.html"
	"typst-handout|Typst 0.14 (Node) bench/handout-ru.typ"
	"typst-brief|Typst 0.14 (Node) bench/brief-ru.typ"
	"typst-prep|Typst 0.14 (Node) bench/prep-ru.typ"
)
echo
echo "| process | median | CPU (user+sys) | peak memory | PDF |"
echo "|---|---:|---:|---:|---:|"
for w in "${what[@]}"; do
	n=${w%%|*}
	[ -n "${median[$n]:-}" ] || continue
	echo "| ${w#*|} | ${median[$n]} ms | ${cpu[$n]} ms | ${peak[$n]} MB | $(kb "${size[$n]:-}") |"
done
echo
echo "| goal (issue 14) | this run | |"
echo "|---|---:|---|"
goal() { echo "| $1 | $2 | $3 |"; }
r=$(ratio chromium handout)
goal "handout ≥ 75× faster than Chromium" "${r:+${r}×}" "$(verdict "$r" ">=" 75)"
r=$(ratio chromium pdf-floor)
goal "floor: Chromium against the PDF floor (the most fpdf allows)" "${r:+${r}×}" ""
r=$(ratio weasyprint handout)
goal "handout against WeasyPrint (no goal)" "${r:+${r}×}" ""
r=$(ratio typst-handout handout)
goal "handout ≥ 5× faster than Typst" "${r:+${r}×}" "$(verdict "$r" ">=" 5)"
r=$(ratio typst-handout pdf-floor)
goal "floor: Typst against the PDF floor (the most fpdf allows)" "${r:+${r}×}" ""
r=$(ratio handout pdf-floor)
goal "handout against the PDF floor (presskit's own work on top)" "${r:+${r}×}" ""
r=$(ratio typst-brief brief)
goal "brief against Typst (no goal)" "${r:+${r}×}" ""
r=$(ratio typst-prep prep)
goal "prep against Typst (no goal)" "${r:+${r}×}" ""
goal "handout PDF ≤ 40 KB" "$(kb "${size[handout]}")" "$(verdict "${size[handout]}" "<=" 40960)"
goal "handout peak memory ≤ 20 MB" "${peak[handout]} MB" "$(verdict "${peak[handout]}" "<=" 20)"
r=$(ratio kit handout)
goal "example kit ≤ 2.5× one handout" "${r}×" "$(verdict "$r" "<=" 2.5)"
r=$(ratio list bare-go)
goal "\`list\` ≤ 2× a bare Go binary" "${r}×" "$(verdict "$r" "<=" 2)"
r=$(ratio version bare-go)
goal "\`version\` ≤ 1.5× a bare Go binary" "${r}×" "$(verdict "$r" "<=" 1.5)"
r=$(ratio linked-floor bare-go)
goal "floor: presskit's packages linked, doing nothing, against a bare Go binary" "${r}×" ""
r=$(ratio brief handout)
goal "brief ≤ 1.3× handout" "${r}×" "$(verdict "$r" "<=" 1.3)"
r=$(ratio prep handout)
goal "prep ≤ 1.3× handout" "${r}×" "$(verdict "$r" "<=" 1.3)"
echo
echo "Ratios are of medians (wall clock) in this one run. hyperfine $(hyperfine --version | awk '{print $2}'), -N, $rounds rounds of $per_round runs of every command in turn (each round after one warm-up run), $how; $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $load_before before, $load_after after."
[ -z "${BENCH_JSON:-}" ] || echo "hyperfine's JSON: $json"
