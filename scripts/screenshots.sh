#!/usr/bin/env bash
# One screenshot per section of the editor, and of the preview, with seed 003 open, into
# docs/screenshots/ (or $NIANBAO_SHOTS). Look at them after any change to the UI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
npm --prefix ui run -s build >/dev/null
cargo build --release -p nianbao-app --locked -q
NIANBAO_APP="$PWD/target/release/nianbao-editor" bash tests/e2e/run.sh --script tests/e2e/screenshots.mjs
NIANBAO_APP="$PWD/target/release/nianbao-editor" bash tests/e2e/run.sh --script tests/e2e/desk-screenshots.mjs
