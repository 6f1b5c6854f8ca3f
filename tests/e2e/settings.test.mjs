// End-to-end: 设置 in the real window — a local requirement (总体情况不超过 N 字) and the 政府办's
// word list, chosen by clicks (the file dialog answered through NIANBAO_AUTOMATION_PICKS), the
// report re-checked at once, the count shown on 一's page, a broken list refused in words, and
// the choices still there after the app is closed and started again.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { shooter } from "./dnd.mjs";
import { APP, Key, ROOT, Session, clickFresh, scratch, section, settled } from "./wd.mjs";

const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const PICKS = process.env.NIANBAO_AUTOMATION_PICKS;
const shoot = shooter(process.env.NIANBAO_SHOTS);
const at = scratch("nianbao-e2e-settings-");

before(() => {
  assert.ok(PICKS, "run.sh sets NIANBAO_AUTOMATION_PICKS");
});

const codes = (s) => s.exec(() => [...document.querySelectorAll("#findings .finding")].map((b) => b.dataset.code));

async function openSettings(s) {
  await clickFresh(s, "#cmd-settings");
  await s.waitFor(() => document.getElementById("settings")?.open && document.activeElement?.id === "settings-limit-on", 5000, "设置 open");
}

test("a local limit and a word list chosen in 设置 check the report, and stay chosen", async () => {
  const file = at("年报.nianbao.json");
  fs.copyFileSync(SEED, file);
  const good = at("词表.txt");
  // Seed 003's 一（三） writes 三审三校.
  fs.writeFileSync(good, "# 本市常见错词\n三审三校 → 三审三核\n");
  const bad = at("坏词表.txt");
  fs.writeFileSync(bad, "没有箭头的一行\n");
  const data = at("data");
  let s = await Session.start(APP, [file, `--data-dir=${data}`]);
  try {
    await s.keys(Key.F9);
    await settled(s);
    const before = await codes(s);
    assert.ok(!before.includes("OVERVIEW-LENGTH") && !before.includes("TEXT-WORDLIST"), String(before));

    // A list that is not "错词 → 正词" is refused with its line; the dialog keeps the choices.
    await openSettings(s);
    fs.writeFileSync(PICKS, `${bad}\n`);
    await clickFresh(s, "#settings-choose-wordlist");
    await s.waitFor((p) => document.getElementById("settings-wordlist").textContent === p, 3000, "bad list shown", bad);
    await clickFresh(s, "#settings-save");
    const refusal = await s.waitFor(() => document.getElementById("settings-problem").textContent, 3000, "refused");
    assert.match(refusal, /第 1 行/);
    assert.ok(await s.exec(() => document.getElementById("settings").open), "still open");

    fs.writeFileSync(PICKS, `${good}\n`);
    await clickFresh(s, "#settings-choose-wordlist");
    await s.waitFor((p) => document.getElementById("settings-wordlist").textContent === p, 3000, "list shown", good);
    await clickFresh(s, "#settings-limit-on");
    await s.exec(() => {
      const el = document.getElementById("settings-limit");
      el.focus();
      el.select();
    });
    await s.keys("200");
    await clickFresh(s, "#settings-save");
    await s.waitFor(() => !document.getElementById("settings"), 3000, "dialog closed");
    await settled(s);
    const after = await codes(s);
    assert.ok(after.includes("OVERVIEW-LENGTH"), String(after));
    assert.ok(after.includes("TEXT-WORDLIST"), String(after));
    await section(s, "overview");
    const count = await s.exec(() => document.getElementById("overview-length")?.textContent);
    assert.match(count, /^总体情况 \d+ \/ 200 字，超出 \d+ 字/, count);
    shoot("settings-overview-length.png");
  } finally {
    await s.close();
  }
  const saved = JSON.parse(fs.readFileSync(path.join(data, "settings.json"), "utf8"));
  assert.deepEqual(saved, { overview_max_chars: 200, wordlist: good });

  s = await Session.start(APP, [file, `--data-dir=${data}`]);
  try {
    await s.keys(Key.F9);
    await settled(s);
    const again = await codes(s);
    assert.ok(again.includes("OVERVIEW-LENGTH") && again.includes("TEXT-WORDLIST"), String(again));
    await openSettings(s);
    await s.waitFor(() => document.getElementById("settings-wordlist").textContent.includes("（1 条）"), 3000, "list and its size");
    assert.equal(await s.exec(() => document.getElementById("settings-limit").value), "200");
    // Both off again: the national rules alone.
    await clickFresh(s, "#settings-limit-on");
    await clickFresh(s, "#settings-clear-wordlist");
    await clickFresh(s, "#settings-save");
    await s.waitFor(() => !document.getElementById("settings"), 3000, "dialog closed");
    await settled(s);
    const off = await codes(s);
    assert.ok(!off.includes("OVERVIEW-LENGTH") && !off.includes("TEXT-WORDLIST"), String(off));
    assert.equal(await s.exec(() => document.getElementById("overview-length")), null);
  } finally {
    await s.close();
  }
});
