#!/usr/bin/env bash
# Start-up benchmark (issue 17), release builds:
# - the editor: process start to the page's ready flag under Xvfb, p50 of RUNS (default 10), with
#   seed 003 and, as the baseline of the same run, with no file (tests/e2e/startup.mjs);
# - the CLI: `nianbao export seed003 --pdf` as a whole process (wall time and peak RSS from
#   /usr/bin/time -v) against LibreOffice converting the same report's DOCX, in the same run;
# - the size of both binaries.
#   NIANBAO_APP=/usr/bin/nianbao-editor NIANBAO_CLI=/usr/bin/nianbao scripts/bench-startup.sh
#   measures installed binaries instead of building them.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
export RUNS
if [ -z "${NIANBAO_APP:-}" ]; then
  bash scripts/setup.sh >/dev/null
  npm --prefix ui run -s build >/dev/null
  cargo build --release -p nianbao-app -p nianbao-cli --locked -q
fi
app="${NIANBAO_APP:-$PWD/target/release/nianbao-editor}"
cli="${NIANBAO_CLI:-$PWD/target/release/nianbao}"
command -v /usr/bin/time >/dev/null || { echo "bench-startup: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

NIANBAO_APP="$app" bash tests/e2e/run.sh --script tests/e2e/startup.mjs

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
in=tests/fixtures/003.nianbao.json
"$cli" export "$in" --docx "$dir/lo.docx" >/dev/null
# LibreOffice draws the official face names with the open faces, as the export does (see
# tests/fontconfig/fonts.conf), so both make the same pages.
lo=(env FONTCONFIG_FILE="$PWD/tests/fontconfig/fonts.conf" soffice -env:UserInstallation="file://$dir/lo-profile" --headless --convert-to pdf --outdir "$dir" "$dir/lo.docx")
# One warm-up of each (disk cache, LibreOffice's first-run profile).
"$cli" export "$in" --pdf "$dir/n.pdf" >/dev/null
"${lo[@]}" >/dev/null 2>&1
# Runs a command RUNS times under /usr/bin/time -v; prints "p50_ms max_rss_mb".
measure() {
  local ms=() rss=0 log="$dir/time.log"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$log"
    ms+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%d", s * 1000 }' "$log")")
    r=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  printf '%s\n' "${ms[@]}" | sort -n | awk -v rss="$rss" '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d\n", m, rss / 1024 }'
}
read -r nb_ms nb_mb < <(measure "$cli" export "$in" --pdf "$dir/n.pdf")
read -r lo_ms lo_mb < <(measure "${lo[@]}")
echo "CLI export of seed 003 to PDF, whole process, p50 of $RUNS (peak RSS: the largest of the runs)"
printf '  nianbao export --pdf                 %6d ms  %5d MB\n' "$nb_ms" "$nb_mb"
printf '  DOCX → libreoffice --convert-to pdf  %6d ms  %5d MB   (baseline)\n' "$lo_ms" "$lo_mb"
echo "  time: $(echo "scale=2; $nb_ms / $lo_ms" | bc)× of LibreOffice's; memory: $(echo "scale=2; $nb_mb / $lo_mb" | bc)×"
echo "binaries: nianbao-editor $(du -k "$app" | cut -f1) KB, nianbao $(du -k "$cli" | cut -f1) KB"
