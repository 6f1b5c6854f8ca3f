#!/usr/bin/env bash
# Export benchmark (issue 4): Nianbao's own PDF export against what users do today — the same
# report as DOCX converted by LibreOffice — measured side by side in one run, as whole commands
# (process start and font loading included), plus the file sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
cargo build --release -p nianbao-cli --locked -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
in=tests/fixtures/003.nianbao.json
./target/release/nianbao export "$in" --docx "$dir/lo.docx" >/dev/null
export FONTCONFIG_FILE="$PWD/tests/fontconfig/fonts.conf"
# One warm-up of each, so neither pays for a cold disk cache.
./target/release/nianbao export "$in" --pdf "$dir/n.pdf" >/dev/null
soffice -env:UserInstallation="file://$dir/lo-profile" --headless --convert-to pdf --outdir "$dir" "$dir/lo.docx" >/dev/null 2>&1
time_runs() { # runs command N times, prints mean milliseconds
  local n=$1; shift
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$n"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / n / 1000000 ))
}
nb=$(time_runs "$RUNS" ./target/release/nianbao export "$in" --pdf "$dir/n.pdf")
lo=$(time_runs "$RUNS" soffice -env:UserInstallation="file://$dir/lo-profile" --headless --convert-to pdf --outdir "$dir" "$dir/lo.docx")
nb_size=$(stat -c %s "$dir/n.pdf"); lo_size=$(stat -c %s "$dir/lo.pdf")
echo "seed 003, $RUNS runs each, whole commands"
printf '  nianbao export --pdf           %6d ms   %7d bytes\n' "$nb" "$nb_size"
printf '  DOCX → libreoffice --convert   %6d ms   %7d bytes\n' "$lo" "$lo_size"
echo "  speed: $(echo "scale=1; $lo / $nb" | bc)× faster; size: $(echo "scale=2; $nb_size / $lo_size" | bc) of LibreOffice's"
