// End-to-end: type into the app, SIGKILL it at a random moment, start it again, accept the
// recovery offer, and find every edit made more than the debounce interval (1 s) before the
// kill. NIANBAO_KILL_CYCLES sets the number of kills (20 in CI, 100 for the long run);
// NIANBAO_KILL_SEED replays a run.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { Session, field } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const CYCLES = Number(process.env.NIANBAO_KILL_CYCLES ?? 20);
const DEBOUNCE_MS = 1000;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Cells of 表三 and a text: numbers and Chinese both have to come back.
const CELLS = [
  "requests.new_received.natural_person",
  "requests.new_received.commercial_enterprise",
  "requests.granted.natural_person",
  "requests.granted.other_org",
  "requests.withheld_third_party.research_institution",
  "requests.unavailable_not_held.natural_person",
  "requests.carried_forward.legal_service_agency",
  "active.fee",
];
const TEXT = "overview.active";

function appPid(dataDir) {
  const out = execFileSync("pgrep", ["-f", "--", `--data-dir=${dataDir}`], { encoding: "utf8" });
  const pids = out.trim().split(/\s+/).map(Number).filter((p) => p !== process.pid);
  assert.equal(pids.length, 1, `one app process: ${out}`);
  return pids[0];
}

test(`SIGKILL ${CYCLES} times at random moments: recovery brings back every edit older than 1 s`, async () => {
  const seed = Number(process.env.NIANBAO_KILL_SEED ?? Date.now() % 1_000_000);
  console.log(`NIANBAO_KILL_SEED=${seed}`);
  const rand = rng(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-kill-"));
  const work = path.join(dir, "年报.nianbao.json");
  fs.copyFileSync(SEED, work);
  const data = path.join(dir, "data");
  /** The edits of the current run: path, text, and when the page had sent it (test clock). */
  const edits = [];
  let counter = 0;
  let recovered = 0;
  let checked = 0;
  let total = 0;
  const base = new Map();
  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const s = await Session.start(APP, [work, `--data-dir=${data}`]);
      if (cycle > 0) {
        await s.waitFor(() => !document.getElementById("banner").hidden && document.getElementById("recover-yes"), 10000, `cycle ${cycle}: recovery offer`);
        const offer = await s.exec(() => document.getElementById("recovery-text").textContent);
        assert.match(offer, /上次没有正常关闭。找到 .*\d{1,2}:\d{2}:\d{2} 自动保存的未保存内容/, offer);
        await s.exec(() => document.getElementById("recover-yes").click());
        await s.waitFor(() => document.getElementById("banner").hidden && document.body.dataset.dirty === "true", 10000, "recovered");
        recovered++;
        // Each field holds its newest edit made more than the debounce interval before the kill
        // (or, without one, what it held when the run began); an edit after that may or may
        // not have reached the journal, nor may each keystroke of it.
        const killAt = edits.killAt;
        for (const p of [...CELLS, TEXT]) {
          const mine = edits.filter((e) => e.path === p);
          const settled = mine.filter((e) => e.at <= killAt - DEBOUNCE_MS).at(-1);
          const later = mine.filter((e) => !settled || e.at > settled.at).filter((e) => e.at > killAt - DEBOUNCE_MS);
          const expected = settled ? settled.text : base.get(p);
          const got = await s.exec((p) => document.querySelector(`[data-path="${p}"]`).value, p);
          // The fee gets its four decimals when the field is left.
          const same = (a) => a === got || (p === "active.fee" && /^\d+$/.test(a) && `${a}.0000` === got);
          const ok = same(expected) || later.some((e) => same(e.text) || (got !== "" && e.text.startsWith(got)));
          checked++;
          if (!ok) {
            const times = mine.map((e) => `${e.text}@${e.at - killAt}ms`).join(", ");
            assert.fail(`cycle ${cycle}, ${p}: found “${got}”, expected “${expected}” or a later edit; edits of this run relative to the kill: ${times} (seed ${seed})`);
          }
        }
        assert.equal(fs.readdirSync(path.join(data, "autosave")).filter((f) => f.endsWith(".json")).length, 1, "the old journal gave way to the new one");
      }
      // What this run starts from: the file, or what was recovered. Its edits are judged from here.
      for (const p of [...CELLS, TEXT]) base.set(p, await s.exec((p) => document.querySelector(`[data-path="${p}"]`).value, p));
      edits.length = 0;
      const pid = appPid(data);
      // Type for a random while, at a random pace, then kill without warning. The first run has
      // no journal until its first autosave, so it types past the debounce interval: a kill
      // before that has nothing it promised to bring back, and no offer.
      const until = Date.now() + (cycle === 0 ? DEBOUNCE_MS : 0) + 300 + rand() * 2200;
      while (Date.now() < until) {
        const p = rand() < 0.2 ? TEXT : CELLS[Math.floor(rand() * CELLS.length)];
        const text = p === TEXT ? `第${++counter}次修改：公开信息${counter}条。` : String(++counter);
        await s.exec((p) => {
          const key = p.split(".")[0];
          document.querySelector(`#nav button[data-section="${key}"]`).click();
          const el = document.querySelector(`[data-path="${p}"]`);
          el.focus();
          el.select();
        }, p);
        await s.type(await s.find(field(p)), text);
        const at = Date.now();
        // What the field shows is what the user typed, as far as the app can know.
        const shown = await s.exec((p) => document.querySelector(`[data-path="${p}"]`).value, p);
        if (shown !== text) console.log(`typed “${text}” into ${p}, the field shows “${shown}”`);
        edits.push({ path: p, text: shown, at });
        total++;
        await sleep(rand() * 300);
      }
      process.kill(pid, "SIGKILL");
      edits.killAt = Date.now();
      await s.close();
      // The process is gone before the next start.
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        await sleep(20);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(recovered, CYCLES - 1);
  assert.equal(checked, (CYCLES - 1) * (CELLS.length + 1), "every field checked after every kill");
  console.log(`${CYCLES} kills, ${recovered} recoveries, ${total} edits, ${checked} fields checked, seed ${seed}`);
});
