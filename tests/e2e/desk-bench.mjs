// Benchmark, not a test (run by scripts/bench-desk.sh): 批量审核 of a folder of generated reports
// in the real app. Measured in the page: time from the click on 添加文件夹 to the first row drawn,
// to the last batch; then 600 frames of scrolling through the whole table (work per frame as the
// desk measures it, and the interval between frames). The baseline (`nianbao check` on the same
// folder, same run) comes from the script.

import fs from "node:fs";
import path from "node:path";
import { Session } from "./wd.mjs";

const APP = process.env.NIANBAO_APP;
const DIR = process.env.NIANBAO_BENCH_DIR;
const BASELINE = Number(process.env.NIANBAO_BASELINE_MS);
const PICKS = process.env.NIANBAO_AUTOMATION_PICKS;
const DATA = path.join(process.env.TMPDIR ?? "/tmp", `nianbao-desk-bench-${process.pid}`);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const s = await Session.start(APP, [`--data-dir=${DATA}`]);
try {
  await s.exec(() => document.getElementById("cmd-desk").click());
  await s.waitFor(() => !document.getElementById("desk").hidden, 3000, "desk");
  fs.writeFileSync(PICKS, `${DIR}\n`);
  const run = await s.execAsync(async () => {
    const t0 = performance.now();
    let first = null;
    const watch = () => {
      if (first === null && document.querySelector("#desk-body .desk-row:not([hidden])")) first = performance.now() - t0;
      if (first === null) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    delete document.body.dataset.deskDone;
    document.getElementById("desk-add-folder").click();
    while (document.body.dataset.deskDone === undefined) await new Promise((r) => setTimeout(r, 20));
    const total = performance.now() - t0;
    // The table is drawn from the last batch: wait for that frame.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { first, total, rows: document.getElementById("desk-counts").textContent };
  });
  const scroll = await s.execAsync(async () => {
    const body = document.getElementById("desk-body");
    const frames = globalThis.nianbaoDeskFrames;
    frames.length = 0;
    const intervals = [];
    let last = performance.now();
    const step = Math.max(30, Math.floor(body.scrollHeight / 600));
    for (let i = 0; i < 600; i++) {
      body.scrollTop = (i * step) % Math.max(1, body.scrollHeight - body.clientHeight);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    await new Promise((r) => requestAnimationFrame(r));
    return { work: [...frames], intervals: intervals.slice(1) };
  });
  console.log(`desk: ${run.rows}`);
  console.log(`desk: first rows drawn after ${run.first?.toFixed(0)} ms (target < 1000 ms)`);
  console.log(
    `desk: whole check ${run.total.toFixed(0)} ms = ${(run.total / BASELINE).toFixed(2)}× nianbao check (${BASELINE} ms, target ≤ 1.5×)`,
  );
  console.log(
    `desk scroll: work per frame p50 ${pct(scroll.work, 50).toFixed(1)} ms, p95 ${pct(scroll.work, 95).toFixed(1)} ms, max ${Math.max(...scroll.work).toFixed(1)} ms over ${scroll.work.length} frames (target p95 ≤ 16 ms)`,
  );
  console.log(
    `desk scroll: frame interval p50 ${pct(scroll.intervals, 50).toFixed(1)} ms, p95 ${pct(scroll.intervals, 95).toFixed(1)} ms; frames over 25 ms: ${scroll.intervals.filter((x) => x > 25).length}/${scroll.intervals.length}`,
  );
} finally {
  await s.close();
  fs.rmSync(DATA, { recursive: true, force: true });
}
