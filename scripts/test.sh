#!/usr/bin/env bash
# Every check CI runs: set-up, formatting, lints, all tests (unit, integration, end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo fmt --all --check
rustfmt --edition 2021 --check fuzz/fuzz_targets/*.rs
# The release workflow and tauri.conf.json against their schemas (two seconds).
bash scripts/check-workflows.sh
# The UI: lint, type-check and build it, so the app below embeds the real pages.
npm --prefix ui run lint
npm --prefix ui run build
cargo clippy --workspace --all-targets --locked -- -D warnings
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --workspace --locked 2>&1 | tee "$log"
# The editor end to end, in its real webview under Xvfb.
cargo build -p nianbao-app --locked
bash tests/e2e/run.sh 2>&1 | tee -a "$log"
# The file loader and every importer under libFuzzer with AddressSanitizer, a minute each.
bash scripts/fuzz.sh 60
# In CI the debug and fuzz builds are done with: their gigabytes go before the release build
# (an earlier CI run ran out of disk).
if [ -n "${NIANBAO_CI:-}" ]; then rm -rf target/debug fuzz/target; fi
# The .deb as users install it (a release build): its contents, and the packaged editor run.
bash tests/package/run.sh 2>&1 | tee -a "$log"
# One closing line for the whole run (cargo's own last line is often an empty doc-test binary).
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     /^# pass / { p += $3 } /^# fail / { f += $3 }
     END { printf "all: %d passed, %d failed\n", p, f }' "$log"
