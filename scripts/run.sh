#!/usr/bin/env bash
# Runs Nianbao with a sample report (孟州市人民政府 2023, seed 003): the desktop editor when there
# is a display; without one it checks the sample and exports it to PDF, DOCX and HTML, and says
# where they are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release -p nianbao-cli --locked
out="${NIANBAO_OUT:-$PWD/out}"
mkdir -p "$out"
sample="$out/sample.nianbao.json"
cp tests/fixtures/003.nianbao.json "$sample"
echo "示例年报：$sample"
echo
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  npm --prefix ui run build
  cargo build --release -p nianbao-app --locked
  echo "正在打开年报编制器……"
  # Avoids blank windows on some GPUs (WebKitGTK's DMA-BUF renderer).
  WEBKIT_DISABLE_DMABUF_RENDERER=1 exec ./target/release/nianbao-editor "$sample"
fi
echo "没有图形界面（未设置 DISPLAY），改为在命令行审核并导出示例。"
echo
# validate exits 1 when the report has 错误; that is a result to read, not a failure of the run.
./target/release/nianbao validate "$sample" || true
echo
./target/release/nianbao export "$sample" --pdf "$out/sample.pdf" --docx "$out/sample.docx" --html "$out/sample.html"
echo
echo "没有图形界面时，示例已导出到：$out/sample.pdf、$out/sample.docx、$out/sample.html"
