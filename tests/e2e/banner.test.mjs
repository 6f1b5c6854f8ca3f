// End-to-end (issue 27, item 8): a banner appearing or going moves nothing under the pointer —
// in the editor (an import refused) and on the desk (已导出审核表 above the desk's 刷新) — and it
// covers no toolbar button.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { shooter } from "./dnd.mjs";
import { APP, ROOT, Session, scratch, settled } from "./wd.mjs";

const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const PICKS = process.env.NIANBAO_AUTOMATION_PICKS;
const shoot = shooter(process.env.NIANBAO_SHOTS);
const at = scratch("nianbao-e2e-banner-");

before(() => {
  assert.ok(PICKS, "run.sh sets NIANBAO_AUTOMATION_PICKS");
});

/** Every toolbar button's box and the given elements' boxes, rounded to the pixel. */
const boxes = (s, ids) =>
  s.exec((ids) => {
    const r = (el) => {
      const b = el.getBoundingClientRect();
      return [Math.round(b.left), Math.round(b.top), Math.round(b.width), Math.round(b.height)].join(",");
    };
    const out = {};
    for (const b of document.querySelectorAll("#toolbar button, #toolbar summary")) out[b.id || b.textContent] = r(b);
    for (const id of ids) {
      const el = document.querySelector(id);
      if (el) out[id] = r(el);
    }
    return out;
  }, ids);

const bannerClear = (s) =>
  s.exec(() => {
    const b = document.getElementById("banner").getBoundingClientRect();
    return [...document.querySelectorAll("#toolbar button, #toolbar summary, .desk-bar button, .desk-bar summary")].every((el) => {
      const t = el.getBoundingClientRect();
      return t.right <= b.left || t.left >= b.right || t.bottom <= b.top || t.top >= b.bottom;
    });
  });

test("a banner moves nothing in the editor and on the desk", async () => {
  const file = at("年报.nianbao.json");
  fs.copyFileSync(SEED, file);
  const junk = at("清单.txt");
  fs.writeFileSync(junk, "牛奶\n面包\n");
  const s = await Session.start(APP, [file, `--data-dir=${at("data")}`]);
  try {
    const watched = ['[data-path="meta.agency"]', "#nav", "#findings"];
    const before = await boxes(s, watched);
    fs.writeFileSync(PICKS, `${junk}\n`);
    await s.exec(() => document.getElementById("cmd-import").click());
    await s.waitFor(() => !document.getElementById("banner").hidden, 10000, "the refusal banner");
    await settled(s);
    assert.deepEqual(await boxes(s, watched), before, "nothing moved when the banner came");
    assert.ok(await bannerClear(s), "the banner covers no toolbar button");

    // The desk: its 刷新 stays where it was when 导出审核表's banner comes.
    await s.exec(() => document.getElementById("cmd-desk").click());
    await s.waitFor(() => document.getElementById("desk-refresh") && !document.getElementById("desk-refresh").closest("[hidden]"), 5000, "desk shown");
    await s.exec(() => {
      document.getElementById("banner").hidden = true;
    });
    const deskWatched = ["#desk-refresh", "#desk-export-menu", "#desk-body"];
    const deskBefore = await boxes(s, deskWatched);
    const sheet = at("审核表.xlsx");
    fs.writeFileSync(PICKS, `${sheet}\n`);
    await s.exec(() => document.getElementById("desk-export-xlsx").click());
    await s.waitFor(() => !document.getElementById("banner").hidden, 20000, "a banner on the desk");
    await settled(s);
    assert.deepEqual(await boxes(s, deskWatched), deskBefore, "the desk's toolbar did not move");
    assert.ok(await bannerClear(s), "the banner covers none of the desk's buttons");
    shoot("desk-banner.png");
  } finally {
    await s.close();
  }
});
