#!/usr/bin/env bash
# The GitHub Actions workflows against GitHub's own workflow schema (check-jsonschema's vendored
# copy, so no network is needed), and tauri.conf.json against the schema of the Tauri CLI pinned in
# ui (its pattern regexes are Python-compatible, not ECMAScript-unicode, hence --regex-variant).
# check-jsonschema comes from PyPI into a venv of its own, installed by scripts/setup.sh; where it
# could not be installed (no network on the first run) this says so and checks nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
tool="${XDG_CACHE_HOME:-$HOME/.cache}/nianbao/check-jsonschema/bin/check-jsonschema"
if [ ! -x "$tool" ]; then
  echo "check-workflows: check-jsonschema is not installed (scripts/setup.sh installs it from PyPI); workflows NOT checked" >&2
  exit 0
fi
"$tool" --builtin-schema vendor.github-workflows .github/workflows/*.yml
schema=ui/node_modules/@tauri-apps/cli/config.schema.json
if [ -f "$schema" ]; then
  "$tool" --regex-variant python --schemafile "$schema" tauri.conf.json
fi
