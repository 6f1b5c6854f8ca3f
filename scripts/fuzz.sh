#!/usr/bin/env bash
# cargo-fuzz (libFuzzer with AddressSanitizer) over the report file loader, the text importer and
# the Word (document.xml), web-page and PDF front ends, SECONDS each (default 60), starting from
# the committed seeds (real reports, fixtures, the hostile corpus, small PDFs) and the corpus earlier
# runs grew under target/fuzz-corpus/ (not committed).
# Prints the inputs executed per target; exits non-zero on a crash (panic, ASan report, input
# over -timeout seconds or over -rss_limit_mb), naming the input that caused it, kept under
# target/fuzz-artifacts/, with the command that replays it.
#
# Only a stable toolchain is installable here: RUSTC_BOOTSTRAP=1 lets it take the -Z flags that
# cargo-fuzz passes (the AddressSanitizer runtime ships with stable).
#
# Usage: bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
case "$seconds" in
  '' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
    ;;
esac
export RUSTC_BOOTSTRAP=1

# `cargo install` puts cargo-fuzz in $CARGO_HOME/bin, which cargo searches even when it is not
# on PATH: ask cargo, not the shell.
cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

# Build first, so that a build failure is not reported as a crash.
cargo fuzz build --fuzz-dir fuzz

mkdir -p target/fuzz-logs
status=0
for target in load_report import_text import_docx import_html import_pdf; do
  corpus="target/fuzz-corpus/$target"
  artifacts="$PWD/target/fuzz-artifacts/$target/"
  log="target/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$artifacts"
  seeds=("fuzz/seeds/$target")
  [ "$target" = load_report ] && seeds+=(tests/hostile)
  [ "$target" = import_html ] && seeds+=(tests/import/libreoffice tests/import/trial2019)
  # New inputs go to the first corpus directory only; the seed directories are read.
  if cargo fuzz run --fuzz-dir fuzz "$target" "$corpus" "${seeds[@]}" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -print_final_stats=1 \
    -dict="fuzz/$target.dict" -artifact_prefix="$artifacts" >"$log" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    echo "fuzz $target: $runs inputs executed in ${seconds} s, no crash"
  else
    status=1
    echo "fuzz $target: FAILED (full log: $log)" >&2
    grep -E "panicked|==ERROR|ERROR: libFuzzer|SUMMARY|ALARM|Test unit written to" "$log" | head -20 >&2 ||
      tail -40 "$log" >&2
    input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [ -n "$input" ]; then
      echo "fuzz $target: crashing input: $input" >&2
      echo "  replay: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz $target $input" >&2
    fi
  fi
done
exit $status
