#!/usr/bin/env bash
# Start-up benchmark (issue 28): `nianbao export seed003 --pdf` as a whole process — with a warm
# font cache, with a cold one (first run: scan and write it), and with --no-font-cache — against
# LibreOffice converting the same report as DOCX, in the same run; mean wall time and mean peak
# memory (/usr/bin/time -v's maximum resident set size) of RUNS runs each.
# BEFORE=path/to/an-older-nianbao adds that binary (e.g. one built before the cache) to the table.
# EDITOR=1 also measures the editor's first 预览 after start-up (tests/e2e/first-preview.mjs, a
# release build of the editor), and BEFORE_APP=path/to/an-older-nianbao-editor the same for it.
# Speed goals (issue 28): warm ≤ 60 ms and ≤ 60 MB, ≥ 20× faster than LibreOffice; cold no slower
# than the binary before the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
cargo build --release -p nianbao-cli --locked -q
nb=./target/release/nianbao
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
in=tests/fixtures/003.nianbao.json
"$nb" export "$in" --docx "$dir/lo.docx" >/dev/null
export FONTCONFIG_FILE="$PWD/tests/fontconfig/fonts.conf"
# Each run gets its own cache folder through XDG_CACHE_HOME, never the user's.
warm="$dir/warm-cache"
XDG_CACHE_HOME="$warm" "$nb" export "$in" --pdf "$dir/w.pdf" >/dev/null
soffice -env:UserInstallation="file://$dir/lo-profile" --headless --convert-to pdf --outdir "$dir" "$dir/lo.docx" >/dev/null 2>&1

# measure NAME SETUP COMMAND...: SETUP (a shell snippet) runs before each run, untimed.
measure() {
  local name=$1 setup=$2; shift 2
  local ms=0 kb=0 out
  for _ in $(seq "$RUNS"); do
    eval "$setup"
    /usr/bin/time -o "$dir/time" -f '%e %M' "$@" >/dev/null 2>&1
    out=$(tail -1 "$dir/time")
    ms=$(echo "$ms + ${out% *} * 1000" | bc)
    kb=$((kb + ${out#* }))
  done
  ms=$(echo "scale=0; $ms / $RUNS" | bc)
  kb=$((kb / RUNS))
  printf '  %-40s %6d ms %7d MB\n' "$name" "$ms" $((kb / 1024))
  last_ms=$ms
}
echo "seed 003, $RUNS runs each, whole processes (mean time, mean peak memory)"
measure "warm cache" "" env XDG_CACHE_HOME="$warm" "$nb" export "$in" --pdf "$dir/a.pdf"
warm_ms=$last_ms
measure "cold cache (first run)" "rm -rf '$dir/cold'" env XDG_CACHE_HOME="$dir/cold" "$nb" export "$in" --pdf "$dir/b.pdf"
measure "--no-font-cache" "" "$nb" export "$in" --pdf "$dir/c.pdf" --no-font-cache
if [ -n "${BEFORE:-}" ]; then
  measure "before the cache ($(basename "$BEFORE"))" "" "$BEFORE" export "$in" --pdf "$dir/d.pdf"
  before_ms=$last_ms
fi
measure "DOCX → soffice --convert-to pdf" "" soffice -env:UserInstallation="file://$dir/lo-profile" --headless --convert-to pdf --outdir "$dir" "$dir/lo.docx"
lo_ms=$last_ms
ratio() { echo "scale=1; $1 / ($2 + ($2 == 0))" | bc; }
echo "  warm cache: $(ratio "$lo_ms" "$warm_ms")× faster than LibreOffice"
if [ -n "${before_ms:-}" ]; then
  echo "  warm cache: $(ratio "$before_ms" "$warm_ms")× faster than before the cache"
fi

if [ -n "${EDITOR:-}" ]; then
  npm --prefix ui run -s build >/dev/null
  cargo build --release -p nianbao-app --locked -q
  echo
  RUNS=$((RUNS / 2 + 1)) NIANBAO_APP="$PWD/target/release/nianbao-editor" bash tests/e2e/run.sh --script tests/e2e/first-preview.mjs
  if [ -n "${BEFORE_APP:-}" ]; then
    RUNS=$((RUNS / 2 + 1)) NIANBAO_APP="$BEFORE_APP" bash tests/e2e/run.sh --script tests/e2e/first-preview.mjs
  fi
fi
