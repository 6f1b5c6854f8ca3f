#!/usr/bin/env bash
# cargo-fuzz (libFuzzer with AddressSanitizer) over the report file loader and the text importer,
# SECONDS each (default 60), starting from the committed seeds (real reports, fixtures, the
# hostile corpus). Prints the inputs executed per target; exits non-zero on a crash, naming the
# input that caused it (kept under target/fuzz-artifacts/).
#
# Only a stable toolchain is installable here: RUSTC_BOOTSTRAP=1 lets it take the -Z flags that
# cargo-fuzz passes (the sanitizer runtimes ship with stable).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
status=0
for target in load_report import_text; do
  corpus="target/fuzz-corpus/$target"
  artifacts="$PWD/target/fuzz-artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  extra=()
  [ "$target" = load_report ] && extra+=(tests/hostile)
  log=$(mktemp)
  if cargo fuzz run --fuzz-dir fuzz "$target" "$corpus" "fuzz/seeds/$target" "${extra[@]}" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -print_final_stats=1 \
      -artifact_prefix="$artifacts" >"$log" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    echo "fuzz $target: $runs inputs in ${seconds} s, no crash"
  else
    status=1
    echo "fuzz $target: CRASH" >&2
    grep -E 'panicked|ERROR: |SUMMARY|Test unit written to' "$log" | head -20 >&2 || tail -40 "$log" >&2
  fi
  rm -f "$log"
done
exit $status
