// Not a test: one screenshot per section of the editor (and the preview) with seed 003 open,
// for the README and for a person to look at. Run by scripts/screenshots.sh.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Session } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/release/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const OUT = process.env.NIANBAO_SHOTS ?? path.join(ROOT, "docs/screenshots");

// The whole Xvfb screen (the window fills it), through ImageMagick: WebKitWebDriver's own
// screenshot command does not return under Xvfb.
function shoot(name) {
  execFileSync("import", ["-window", "root", path.join(OUT, name)]);
  console.log(name);
}

fs.mkdirSync(OUT, { recursive: true });
const s = await Session.start(APP, [SEED, `--data-dir=${path.join("/tmp", `nianbao-shots-${process.pid}`)}`]);
try {
  await s.cmd("POST", "/window/rect", { width: 1400, height: 900 }).catch(() => undefined);
  const sections = await s.exec(() => [...document.querySelectorAll("#nav button[data-section]")].map((b) => b.dataset.section));
  for (const key of sections) {
    await s.exec((k) => document.querySelector(`#nav button[data-section="${k}"]`).click(), key);
    // The balance hint is the editor's point: show it on the request table.
    if (key === "requests") {
      await s.exec(() => {
        const el = document.querySelector('[data-path="requests.new_received.natural_person"]');
        el.focus();
        el.value = "92";
        el.dispatchEvent(new InputEvent("input", { bubbles: true }));
      });
      await s.waitFor(() => document.querySelector('#form .hint[data-code="T3-BALANCE"]'), 5000, "hint");
    }
    await sleep(300);
    shoot(`section-${key}.png`);
  }
  // 以上年年报新建 from seed 003: last year's figures under each cell, one planted slip flagged.
  // The 三 shot left an unsaved edit: 不保存, then last year's file.
  fs.writeFileSync(process.env.NIANBAO_AUTOMATION_PICKS, `不保存\n${SEED}\n`);
  await s.exec(() => document.getElementById("cmd-next-year").click());
  await s.waitFor(() => document.body.classList.contains("has-prev"), 20000, "last year's figures");
  await s.exec(() => document.querySelector('#nav button[data-section="requests"]').click());
  await s.exec(() => {
    for (const [p, v] of [
      ["requests.new_received.natural_person", "910"],
      ["requests.new_received.legal_service_agency", "60"],
    ]) {
      const el = document.querySelector(`[data-path="${p}"]`);
      el.focus();
      el.value = v;
      el.dispatchEvent(new InputEvent("input", { bubbles: true }));
    }
    document.getElementById("form").focus();
  });
  await s.waitFor(() => document.querySelector("span.prev.flag"), 5000, "flag");
  await sleep(400);
  shoot("previous-values.png");
  // Tables 三 and 四 with last year's figures on and a bubble open, at 1400×900 and at 1024×768
  // (the window at the top left of the screen; the shot is cropped to it). 四's row 复议后起诉 is
  // filled with a total that its parts contradict; 三's 自然人 本年新收 is the flagged 910.
  await s.exec(() => document.querySelector('#nav button[data-section="review"]').click());
  await s.exec(() => {
    for (const [p, v] of [
      ["review.litigation_after_reconsideration.upheld", "1"],
      ["review.litigation_after_reconsideration.corrected", "0"],
      ["review.litigation_after_reconsideration.other", "0"],
      ["review.litigation_after_reconsideration.pending", "2"],
      ["review.litigation_after_reconsideration.total", "9"],
    ]) {
      const el = document.querySelector(`[data-path="${p}"]`);
      el.focus();
      el.value = v;
      el.dispatchEvent(new InputEvent("input", { bubbles: true }));
    }
  });
  for (const [w, h] of [
    [1400, 900],
    [1024, 768],
  ]) {
    await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: w, height: h }).catch(() => undefined);
    await sleep(400);
    for (const [key, at] of [
      ["requests", "requests.new_received.natural_person"],
      ["review", "review.litigation_after_reconsideration.total"],
    ]) {
      await s.exec((k) => document.querySelector(`#nav button[data-section="${k}"]`).click(), key);
      await s.exec((p) => {
        const el = document.querySelector(`[data-path="${p}"]`);
        el.scrollIntoView({ block: "center" });
        el.focus();
      }, at);
      await s.waitFor(() => [...document.querySelectorAll(".bubble")].some((b) => !b.hidden && b.style.visibility !== "hidden"), 5000, "bubble");
      await sleep(300);
      const name = `bubble-${key}-${w}.png`;
      execFileSync("import", ["-window", "root", "-crop", `${w}x${h}+0+0`, "+repage", path.join(OUT, name)]);
      console.log(name);
    }
  }
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1400, height: 900 }).catch(() => undefined);
  await sleep(400);
  await s.exec(() => document.getElementById("cmd-preview").click());
  await s.waitFor(() => document.getElementById("preview").dataset.pages, 20000, "preview");
  await sleep(500);
  shoot("preview.png");
} finally {
  await s.close();
}
