#!/usr/bin/env bash
# Editor benchmark (issue 6): input event → hint in the DOM over 200 edits in the real webview,
# with the IPC round trip of a static command and the bare edit command as baselines measured in
# the same run. Also prints the release binary's size and the memory of the app with seed 003 open.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
npm --prefix ui run -s build >/dev/null
cargo build --release -p nianbao-app --locked -q
app="$PWD/target/release/nianbao-editor"
NIANBAO_APP="$app" bash tests/e2e/run.sh --script tests/e2e/latency.mjs
echo "release binary: $(du -k "$app" | cut -f1) KB"
