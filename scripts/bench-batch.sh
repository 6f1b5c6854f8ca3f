#!/usr/bin/env bash
# Batch benchmark (issue 8): 10,000 synthetic reports checked and summed; wall time and peak
# memory of each, next to the baseline of reading the same files with `cat` in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
cargo build --release -p nianbao-cli --example gen_reports --locked -q
cargo build --release -p nianbao-cli --locked -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
./target/release/examples/gen_reports tests/fixtures/003.nianbao.json "$N" 20 "$dir/in" >/dev/null
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>&1 || true
  # time(1) puts "Command exited with non-zero status" first when a report has 错误.
  read -r secs kb < <(tail -n 1 "$dir/time")
  printf '%-28s %7.2f s  peak %6.1f MB\n' "$label" "$secs" "$(echo "$kb/1024" | bc -l)"
}
echo "reports: $N ($(du -sh "$dir/in" | cut -f1)), cores: $(nproc)"
measure "baseline: cat all files" sh -c "cat $dir/in/* > /dev/null"
measure "nianbao check" ./target/release/nianbao check "$dir/in"
measure "nianbao sum" ./target/release/nianbao sum "$dir/in" -o "$dir/total.nianbao.json" --agency 基准测试县人民政府 --year 2023
