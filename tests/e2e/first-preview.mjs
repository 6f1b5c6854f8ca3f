// Benchmark, not a test (issue 28): the editor's first 预览 after start-up, as a user meets it —
// a new process with seed 003 open, then the `preview` command (the pages drawn as they will be
// printed, fonts found and parsed on first use) timed from the page, twice: the first call pays
// for the fonts, the second is the baseline of the same run (fonts already loaded, only layout and
// drawing). Runs with the font cache cold (its folder removed before the start) and warm (left
// from the run before). Run by scripts/bench-fonts.sh; NIANBAO_APP names the binary, so an older
// build can be measured in the same run.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Session } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/release/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const RUNS = Number(process.env.RUNS ?? 5);
// run.sh gives the app a scratch cache folder; the cache is the "nianbao" folder in it.
const CACHE = process.env.XDG_CACHE_HOME ? path.join(process.env.XDG_CACHE_HOME, "nianbao") : null;

async function firstPreview() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-preview-"));
  const s = await Session.start(APP, [SEED, `--data-dir=${data}`]);
  try {
    return await s.execAsync(async () => {
      const time = async () => {
        const t0 = performance.now();
        const p = await window.__TAURI_INTERNALS__.invoke("preview", {});
        if (!p || !Array.isArray(p.pages) || p.pages.length === 0) throw new Error("预览没有页面");
        return performance.now() - t0;
      };
      const first = await time();
      const again = await time();
      return { first, again };
    });
  } finally {
    await s.close();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

const p50 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// One start to warm the disk cache and write the font cache.
await firstPreview();
const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  if (CACHE) fs.rmSync(CACHE, { recursive: true, force: true });
  cold.push(await firstPreview());
  warm.push(await firstPreview());
}
const line = (name, runs) =>
  `  ${name.padEnd(24)} first 预览 p50 ${p50(runs.map((r) => r.first)).toFixed(0)} ms, ` +
  `second ${p50(runs.map((r) => r.again)).toFixed(0)} ms (baseline)`;
console.log(`editor, seed 003, ${RUNS} starts each (${path.relative(ROOT, APP) || APP})`);
console.log(line("font cache cold", cold));
console.log(line("font cache warm", warm));
