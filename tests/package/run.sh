#!/usr/bin/env bash
# The .deb as users get it: built by scripts/package.sh (a release build), its control data and
# file list checked, then extracted with dpkg-deb -x into a scratch root whose binaries are run:
# the CLI on seed 003, and the editor under Xvfb through WebDriver (packaged.test.mjs).
# lintian, when installed, must report no errors.
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "package: $*" >&2; exit 1; }

#   NIANBAO_DEB=path/to/nianbao_X_amd64.deb tests/package/run.sh   checks a .deb built before
if [ -n "${NIANBAO_DEB:-}" ]; then
  deb="$NIANBAO_DEB"
  version=$(dpkg-deb -f "$deb" Version)
  [ "$version" = "$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)" ] || fail "$deb is version $version, the workspace another"
else
  bash scripts/package.sh deb
  version=$(./target/release/nianbao --version | awk '{print $2}')
  deb="target/release/bundle/deb/nianbao_${version}_amd64.deb"
fi
[ -f "$deb" ] || fail "$deb was not built"
echo "package: checking $deb ($(du -h "$deb" | cut -f1))"

# Control data: the name, the version of the workspace, what it needs (Tauri's bundler declares
# WebKitGTK and GTK itself) and what it recommends.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = nianbao ] || fail "Package is '$(field Package)', not nianbao"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  field Depends | tr ',' '\n' | grep -qx " *$dep" || fail "Depends lacks $dep: $(field Depends)"
done
for rec in fonts-noto-cjk fonts-lxgw-wenkai; do
  field Recommends | tr ',' '\n' | grep -qx " *$rec" || fail "Recommends lacks $rec: $(field Recommends)"
done
[ "$(field Suggests)" = libreoffice-writer ] || fail "Suggests is '$(field Suggests)', not libreoffice-writer"

# The file list: both commands, the desktop entry, every icon size, the MIME type.
list=$(dpkg-deb -c "$deb" | awk '{ sub("^\\./", "", $NF); print $NF }')
expect=(usr/bin/nianbao-editor usr/bin/nianbao usr/share/applications/nianbao.desktop
  usr/share/mime/packages/nianbao.xml)
for size in 16 24 32 48 64 128 256 512; do
  expect+=("usr/share/icons/hicolor/${size}x${size}/apps/nianbao-editor.png")
done
for f in "${expect[@]}"; do
  grep -qxF "$f" <<<"$list" || fail "the package lacks $f"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

desktop="$root/usr/share/applications/nianbao.desktop"
for line in "Name=年报编制器" "Categories=Office;" "MimeType=application/x-nianbao;" "Exec=nianbao-editor %f" "Icon=nianbao-editor"; do
  grep -qxF "$line" "$desktop" || fail "the desktop entry lacks '$line':
$(cat "$desktop")"
done
grep -q "^Comment=.*年度报告" "$desktop" || fail "the desktop entry has no Chinese Comment"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate refuses the desktop entry"
fi

# The MIME type as update-mime-database reads it: *.nianbao.json is application/x-nianbao.
mime="$root/mime-check"
mkdir -p "$mime/packages"
cp "$root/usr/share/mime/packages/nianbao.xml" "$mime/packages/"
update-mime-database "$mime" >/dev/null 2>&1
grep -q "^[0-9]*:application/x-nianbao:\*\.nianbao\.json" "$mime/globs2" \
  || fail "update-mime-database did not register *.nianbao.json: $(cat "$mime/globs2")"

# lintian's no-copyright-file and no-changelog: both are installed where Debian looks.
for f in usr/share/doc/nianbao/copyright usr/share/doc/nianbao/changelog.gz; do
  [ -s "$root/$f" ] || fail "the package lacks $f"
done
# Stripped binaries (profile.release strip = true): no symbol table left.
for b in nianbao nianbao-editor; do
  if readelf -S "$root/usr/bin/$b" | grep -q '\.symtab'; then fail "usr/bin/$b is not stripped"; fi
done

# The packaged binaries run: versions, and the CLI checks seed 003 (exit 0: no 错误).
[ "$("$root/usr/bin/nianbao" --version)" = "nianbao $version" ] || fail "usr/bin/nianbao --version"
[ "$("$root/usr/bin/nianbao-editor" --version)" = "nianbao-editor $version" ] || fail "usr/bin/nianbao-editor --version"
"$root/usr/bin/nianbao" validate tests/fixtures/003.nianbao.json >/dev/null || fail "the packaged nianbao refuses seed 003"

if command -v lintian >/dev/null 2>&1; then
  # Errors fail the test; warnings are printed for whoever packages next.
  out=$(lintian --tag-display-limit 0 "$deb" 2>&1 || true)
  [ -z "$out" ] || echo "$out"
  if grep -q "^E:" <<<"$out"; then fail "lintian reports errors"; fi
else
  echo "package: lintian is not installed; skipped"
fi

NIANBAO_APP="$root/usr/bin/nianbao-editor" bash tests/e2e/run.sh tests/package/packaged.test.mjs
echo "package: $deb passes"
