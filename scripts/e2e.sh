#!/usr/bin/env bash
# e2e.sh: the real-browser test (make e2e). Builds presskit, makes every HTML document
# (handout, brief, prep x en, ru x a4, letter, and the example kit with its index page)
# with its PDF twin into a temporary folder, and opens each HTML file in headless Debian
# Chromium through e2e/browser/check.mjs: no console errors, no request leaving the
# page, no horizontal overflow at 1000 and 360 px, no serious or critical axe-core
# violations, and the browser's print has as many pages as presskit's PDF.
#
# On a fresh Debian machine it installs what is missing: chromium (and poppler-utils for
# pdfinfo) with apt-get, and the pinned playwright-core and axe-core with npm ci from
# e2e/browser/package-lock.json. Chromium is never downloaded by Playwright.
#
# Environment:
#   PRESSKIT_BIN  use this binary instead of building one
#   E2E_OUT       write the documents here (kept) instead of a temporary folder
#   CHROMIUM      the browser (default /usr/bin/chromium)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { printf 'e2e: %s\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: the browser and pdfinfo.
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]} with apt-get"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x "$CHROMIUM" ] || { say "no browser at $CHROMIUM"; exit 2; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
	say "playwright-core needs Node.js 20 or later; this is $(node --version)"
	exit 2
fi

# npm packages, exactly as locked; again only when the lock file changed.
browser_dir=$root/e2e/browser
if [ ! -f "$browser_dir/node_modules/.package-lock.json" ] ||
	[ "$browser_dir/package-lock.json" -nt "$browser_dir/node_modules/.package-lock.json" ]; then
	say "npm ci in e2e/browser"
	(cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# The documents.
if [ -n "${E2E_OUT:-}" ]; then
	out=$E2E_OUT
	rm -rf "$out"
	mkdir -p "$out"
else
	out=$(mktemp -d "${TMPDIR:-/tmp}/presskit-e2e.XXXXXX")
	trap 'rm -rf "$out"' EXIT
fi
if [ -n "${PRESSKIT_BIN:-}" ]; then
	bin=$PRESSKIT_BIN
else
	bin=$out/.bin/presskit
	say "building presskit"
	go build -o "$bin" ./cmd/presskit
fi

# No user configuration may change what is tested.
mkdir -p "$out/.config" "$out/.home"
pk() {
	if ! XDG_CONFIG_HOME=$out/.config HOME=$out/.home SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600} \
		"$bin" "$@" 2>"$out/.stderr"; then
		say "FAIL: presskit $* failed:"
		sed 's/^/    /' "$out/.stderr" >&2
		gen_failed=$((gen_failed + 1))
		return 1
	fi
}
gen_failed=0

say "making documents in $out"
for paper in a4 letter; do
	for doc in handout brief prep; do
		pk "$doc" --lang en,ru --format pdf,html --paper "$paper" -o "$out/$paper" || true
	done
done
for kit in examples/kits/*.yaml; do
	name=$(basename "$kit" .yaml)
	pk build "$kit" -o "$out/kit-$name" || continue
	[ -f "$out/kit-$name/index.html" ] || { say "FAIL: presskit build $kit wrote no index.html"; gen_failed=$((gen_failed + 1)); }
done

# The example workspace with a release, spokespeople and cards (run from its folder,
# where its presskit.yaml is).
(cd examples/press-kit && pk build kits/press-kit.yaml -o "$out/kit-press-kit") || true

n=$(find "$out" -name '*.html' -not -path '*/.*' | wc -l)
status=0
if [ "$n" -gt 0 ]; then
	say "checking $n HTML files in Chromium"
	node "$browser_dir/check.mjs" "$out" || status=$?
else
	say "FAIL: no HTML files were made"
	status=1
fi
# The live preview: edit, break and fix a copy of the example workspace.
ws=$(mktemp -d "${TMPDIR:-/tmp}/presskit-serve.XXXXXX")
cp -R examples/press-kit/. "$ws/"
rm -rf "$ws/out"
say "driving presskit serve in Chromium"
XDG_CONFIG_HOME=$out/.config HOME=$out/.home node "$browser_dir/serve.mjs" "$bin" "$ws" || { [ "$status" -ne 0 ] || status=1; }
rm -rf "$ws"
if [ "$gen_failed" -gt 0 ]; then
	say "FAIL: presskit could not make $gen_failed of the documents (above)"
	[ "$status" -ne 0 ] || status=1
fi
exit "$status"
