#!/usr/bin/env bash
# Builds the Linux packages with Tauri's own bundler (the Tauri CLI pinned in ui's
# devDependencies): target/release/bundle/deb/nianbao_VERSION_amd64.deb and
# target/release/bundle/rpm/nianbao-VERSION-1.x86_64.rpm. Each holds the editor
# (/usr/bin/nianbao-editor), the command-line tool (/usr/bin/nianbao), the desktop entry, the
# hicolor icons and the MIME type application/x-nianbao for *.nianbao.json.
#   scripts/package.sh            both packages
#   scripts/package.sh deb        only the .deb (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
bundles="${1:-deb,rpm}"
bash scripts/setup.sh
npm --prefix ui run -s build
# Both binaries in one cargo run, as every other script builds them: one feature set for the
# shared crates, so nothing is compiled twice (the editor alone or the CLI alone would each
# resolve their own). The packages take the CLI from target/release (bundle.linux.*.files).
cargo build --release -p nianbao-app -p nianbao-cli --locked
# Tauri's bundler over what was just built. The Tauri project is the repository top: the one
# tauri.conf.json beside the Cargo.toml that declares the editor's package (sources in src-tauri/),
# every path in the config relative to it; the front end is ui. Saying so spares the CLI its
# search through the tree.
export TAURI_APP_PATH="$PWD" TAURI_FRONTEND_PATH="$PWD/ui"
# The package name comes from productName, and Debian and rpm take only ASCII names there: the
# packages are called nianbao (the window and the desktop entry still say 年报编制器).
rm -rf target/release/bundle/deb target/release/bundle/rpm
ui/node_modules/.bin/tauri bundle --ci --bundles "$bundles" --config '{"productName":"nianbao"}'
echo
echo "安装包："
for f in target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm; do
  [ -e "$f" ] && printf '  %s（%s）\n' "$f" "$(du -h "$f" | cut -f1)"
done
exit 0
