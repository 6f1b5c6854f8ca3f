// Not a test: screenshots of 批量审核 with real findings, for the README (run by
// scripts/screenshots.sh). A folder of the five seeds, one of them with a slip in table 三 (a
// total that no longer adds up), one with a wrong fee, and a file cut off half-way.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Session } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/release/nianbao-editor");
const OUT = process.env.NIANBAO_SHOTS ?? path.join(ROOT, "docs/screenshots");
const PICKS = process.env.NIANBAO_AUTOMATION_PICKS;

function shoot(name) {
  execFileSync("import", ["-window", "root", path.join(OUT, name)]);
  console.log(name);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-desk-shots-"));
const folder = path.join(dir, "各单位年报");
fs.mkdirSync(folder);
for (const n of ["000", "001", "002", "003", "004"]) {
  const r = JSON.parse(fs.readFileSync(path.join(ROOT, `tests/fixtures/${n}.nianbao.json`), "utf8"));
  if (n === "002") r.requests.new_received.total = String(Number(r.requests.new_received.total) + 7);
  if (n === "004") r.active.fee = "12.5";
  fs.writeFileSync(path.join(folder, `${n}.nianbao.json`), JSON.stringify(r));
}
const whole = fs.readFileSync(path.join(ROOT, "tests/fixtures/001.nianbao.json"), "utf8");
fs.writeFileSync(path.join(folder, "某街道办事处（传输中断）.nianbao.json"), whole.slice(0, whole.length / 2));

fs.mkdirSync(OUT, { recursive: true });
const s = await Session.start(APP, [`--data-dir=${path.join(dir, "data")}`]);
try {
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1400, height: 900 }).catch(() => undefined);
  await s.exec(() => document.getElementById("cmd-desk").click());
  await s.waitFor(() => !document.getElementById("desk").hidden, 3000, "desk");
  fs.writeFileSync(PICKS, `${folder}\n`);
  await s.exec(() => {
    delete document.body.dataset.deskDone;
    document.getElementById("desk-add-folder").click();
  });
  await s.waitFor(() => document.body.dataset.deskDone !== undefined, 60000, "checked");
  // Worst first, and the report with the table slip selected: its findings on the right.
  await s.exec(() => document.querySelector('.desk-head button[data-sort="errors"]').click());
  await s.exec(() => {
    const row = [...document.querySelectorAll("#desk-body .desk-row")].find((r) => r.title.endsWith("002.nianbao.json"));
    row.click();
  });
  await s.waitFor(() => document.querySelectorAll("#desk-detail .desk-findings li").length > 0, 5000, "findings");
  await sleep(300);
  shoot("desk.png");
  await s.exec(() => document.getElementById("desk-sum").click());
  await s.waitFor(() => document.getElementById("desk-sum-dialog")?.open, 3000, "sum dialog");
  await s.exec(() => {
    document.getElementById("desk-sum-agency").value = "某县人民政府";
  });
  await sleep(300);
  shoot("desk-sum.png");
} finally {
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
