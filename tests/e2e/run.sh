#!/usr/bin/env bash
# End-to-end tests of the desktop editor: the real app in its real webview (WebKitGTK), driven
# through tauri-driver and WebKitWebDriver on a private Xvfb display. Expects the app built
# (target/debug/nianbao-editor, with ui/dist embedded) — scripts/test.sh does that first.
#   tests/e2e/run.sh [FILE.test.mjs ...]      the tests (all by default)
#   tests/e2e/run.sh --script FILE.mjs         a script (benchmark, screenshots) in the same setting
set -euo pipefail
cd "$(dirname "$0")/../.."
app="${NIANBAO_APP:-$PWD/target/debug/nianbao-editor}"
[ -x "$app" ] || { echo "e2e: $app is missing; build it with cargo build -p nianbao-app" >&2; exit 1; }

# A display number and a WebDriver port nobody else uses.
display=""
for n in $(seq 90 120); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "e2e: no free X display" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
native_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$display" WEBKIT_DISABLE_DMABUF_RENDERER=1
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# The app's own folders (autosave journal, recent files) and the dialog answers live in a
# scratch folder, never in the user's.
scratch=$(mktemp -d)
trap 'cleanup; rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export NIANBAO_AUTOMATION_PICKS="$scratch/picks"
# 打开文件 / 打开所在文件夹 write here instead of starting a program.
export NIANBAO_AUTOMATION_OPENED="$scratch/opened"
: >"$NIANBAO_AUTOMATION_PICKS"

tauri-driver --port "$port" --native-port "$native_port" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  curl -s "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
  sleep 0.1
done

export NIANBAO_APP="$app" NIANBAO_WEBDRIVER="http://127.0.0.1:$port"
if [ "${1:-}" = "--script" ]; then
  # A benchmark or screenshot script, on the same display and driver.
  shift
  node "$@"
else
  # One app at a time: the files share the dialog answers.
  node --test --test-concurrency=1 "${@:-tests/e2e/}"
fi
