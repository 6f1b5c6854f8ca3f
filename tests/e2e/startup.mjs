// Benchmark, not a test: cold start of the editor, from the WebDriver request that launches the
// process to the page's ready flag (document.body.dataset.ready), with seed 003 on the command
// line; baseline in the same run: the same start with no file (a blank report). Each start is a
// new process with its own data folder. Run by scripts/bench-startup.sh.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Session } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/release/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const RUNS = Number(process.env.RUNS ?? 10);

async function start(args) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-startup-"));
  const t0 = performance.now();
  const s = await Session.start(APP, [...args, `--data-dir=${data}`]);
  const ms = performance.now() - t0;
  await s.close();
  fs.rmSync(data, { recursive: true, force: true });
  return ms;
}

const p50 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// One start to warm the disk cache, so the runs compare starts, not the first read of the files.
await start([SEED]);
const seed = [];
const blank = [];
for (let i = 0; i < RUNS; i++) {
  seed.push(await start([SEED]));
  blank.push(await start([]));
}
const fmt = (xs) => `p50 ${p50(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
console.log(`editor start to ready, ${RUNS} runs each (${path.relative(ROOT, APP)})`);
console.log(`  with seed 003       ${fmt(seed)}`);
console.log(`  blank (baseline)    ${fmt(blank)}`);
console.log(`  seed 003 / blank:   ${(p50(seed) / p50(blank)).toFixed(2)}×`);
