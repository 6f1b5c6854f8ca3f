#!/usr/bin/env bash
# 批量审核 benchmark (issue 15): 10,000 generated reports, checked by `nianbao check` (the
# baseline, release build) and by the editor's desk (release build, real webview under Xvfb) in
# the same run; prints time to the first rows, the whole run as a ratio of the baseline, and the
# frame work while scrolling the 10,000-row table.
#   scripts/bench-desk.sh [COUNT]
# The desk's memory (issue 29): 1,000 reports with their statuses in .nianbao-desk.json — open
# (targets ≤ 1 s) and 刷新 after one changed file (≤ 200 ms) against today's desk, which checks
# every file again to open and has no statuses, in the same run (release build, no window):
#   scripts/bench-desk.sh --memory [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
memory() {
  cargo run --release -q --locked -p nianbao-audit --example desk_bench -- "${1:-1000}"
}
if [ "${1:-}" = "--memory" ]; then
  memory "${2:-1000}"
  exit 0
fi
count="${1:-10000}"
bash scripts/setup.sh >/dev/null
npm --prefix ui run -s build >/dev/null
cargo build --release -p nianbao-app -p nianbao-cli --locked -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Reports that differ in agency and numbers (each seed's counts scaled by a factor, so every
# table still adds up), over the five seeds' forms and years.
python3 - "$dir/reports" "$count" <<'PY'
import json, os, sys
out, count = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
seeds = [json.load(open(f"tests/fixtures/00{i}.nianbao.json", encoding="utf-8")) for i in range(5)]
def scale(v, k):
    if isinstance(v, dict):
        return {key: scale(x, k) for key, x in v.items()}
    if isinstance(v, list):
        return [scale(x, k) for x in v]
    if isinstance(v, str) and v.isdigit():
        return str(int(v) * k)
    return v
for i in range(count):
    r = json.loads(json.dumps(seeds[i % 5]))
    k = 1 + (i // 5) % 3
    for part in ("requests", "review"):
        if part in r:
            r[part] = scale(r[part], k)
    r["meta"]["agency"] = f"第{i:05d}号单位"
    with open(os.path.join(out, f"{i:05d}.nianbao.json"), "w", encoding="utf-8") as f:
        json.dump(r, f, ensure_ascii=False)
PY
echo "generated $count reports in $dir/reports ($(du -sh "$dir/reports" | cut -f1))"
start=$(date +%s%N)
target/release/nianbao check --json "$dir/reports" >"$dir/check.json" || true
end=$(date +%s%N)
baseline_ms=$(( (end - start) / 1000000 ))
echo "baseline: nianbao check (release) on $count reports: ${baseline_ms} ms"
NIANBAO_BASELINE_MS="$baseline_ms" NIANBAO_BENCH_DIR="$dir/reports" NIANBAO_APP="$PWD/target/release/nianbao-editor" \
  bash tests/e2e/run.sh --script tests/e2e/desk-bench.mjs
# And the desk with its memory, 1,000 reports.
memory 1000
