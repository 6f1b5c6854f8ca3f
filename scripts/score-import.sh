#!/usr/bin/env bash
# Scores the importer on a folder of real reports with cells decoded by hand:
#   bash scripts/score-import.sh DIR [-v]
# DIR holds the report files and expected/NAME.expected.json for each (as tests/import/real/).
# Columns: cells decoded, right, wrong and named by a note (wrong+), wrong and silent (wrong!),
# blank and named (blank+), blank and silent (blank!), sections found with text, import notes.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath "${1:?usage: scripts/score-import.sh DIR [-v]}")
shift
cargo run -q --release --locked -p nianbao-import --example score -- "$dir" "$@"
