#!/usr/bin/env bash
# Installs what building and testing Nianbao needs on a fresh Debian/Ubuntu machine.
# Idempotent: packages already present are not touched, and apt is only called when one is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Fonts for PDF export and its tests (open faces standing in for 仿宋/黑体/楷体/小标宋),
# poppler-utils to read exported PDFs back (pdftotext, pdftoppm, pdffonts), LibreOffice
# (headless Writer) to open exported DOCX the way users do.
APT_PACKAGES=(
  build-essential pkg-config
  fonts-noto-cjk fonts-lxgw-wenkai
  poppler-utils libreoffice-writer-nogui
  # LibreOffice Calc reads the 审核表 workbook back in the desk's end-to-end test, as a user's
  # spreadsheet program would.
  libreoffice-calc-nogui
  # The desktop editor (Tauri v2 over WebKitGTK) and its end-to-end tests under Xvfb; imagemagick
  # for the screenshots.
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  xvfb webkit2gtk-driver imagemagick
  # unzip reads exported Word files back; procps (pgrep) finds the app the kill test kills.
  unzip procps
  # The drop test drags files onto the window for real: a GTK drag source (python3-gi) and the
  # mouse driven by xdotool.
  xdotool python3-gi gir1.2-gtk-3.0
  # The package test (tests/package/run.sh): lintian and desktop-file-validate judge the .deb;
  # time (/usr/bin/time -v) measures peak memory in scripts/bench-startup.sh.
  lintian desktop-file-utils time
  # python3-venv holds check-jsonschema (below), which validates the release workflow.
  python3-venv
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found. Install the Rust toolchain (rustup) first." >&2
  exit 1
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

# The editor's end-to-end tests drive the real webview through tauri-driver (a crates.io tool).
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --version '^2' --locked

# The editor's UI (TypeScript, Vite): installed from the lock file, again only when it changed.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: npm not found. Install Node.js 20 or newer (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  # `npm install` from the lock, not `npm ci`: npm 11.19's `ci` rejects any lock that lists
  # rollup's optional per-platform packages ("Missing: @rollup/rollup-android-arm-eabi@"),
  # even a freshly generated one; `install` reads the same lock and leaves it unchanged.
  npm --prefix ui install --no-audit --no-fund --loglevel=error
fi

# check-jsonschema (PyPI) validates .github/workflows/*.yml and tauri.conf.json
# (scripts/check-workflows.sh), in a venv of its own, installed once at a pinned version. Offline it
# is left out with a note: the check then says it checked nothing, and nothing else needs it.
cjs_venv="${XDG_CACHE_HOME:-$HOME/.cache}/nianbao/check-jsonschema"
if [ ! -x "$cjs_venv/bin/check-jsonschema" ]; then
  if ! { python3 -m venv "$cjs_venv" &&
    "$cjs_venv/bin/pip" install -q --disable-pip-version-check 'check-jsonschema==0.39.0'; } >/dev/null 2>&1; then
    rm -rf "$cjs_venv"
    echo "setup: check-jsonschema could not be installed from PyPI (offline?); the workflow check will be skipped" >&2
  fi
fi
