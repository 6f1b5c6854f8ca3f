#!/usr/bin/env bash
# Regenerates every icon from one source image, icons/app-icon.png (square RGBA PNG, 512 px or
# more), with Tauri's own generator: the desktop set Tauri bundles (icon.png, icon.ico,
# icon.icns, 32/64/128 px) and the freedesktop hicolor sizes under icons/hicolor (16–512 px),
# which the Linux packages install. Mobile and Windows-Store images are not ours to ship.
# bundle.icon in tauri.conf.json lists hicolor/128x128.png first on purpose: the first
# PNG there is also the window's icon, embedded in the binary as raw pixels (512 px would add 1 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x ui/node_modules/.bin/tauri ] || npm --prefix ui ci
export TAURI_APP_PATH=. TAURI_FRONTEND_PATH=ui
tauri=ui/node_modules/.bin/tauri
"$tauri" icon icons/app-icon.png -o icons
"$tauri" icon icons/app-icon.png -o icons/hicolor -p 16,24,32,48,64,128,256,512
rm -rf icons/android icons/ios icons/Square*Logo.png icons/StoreLogo.png
