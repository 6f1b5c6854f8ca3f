// End-to-end: the prose keeps step with the tables in the real window. A table change raises
// the text warning with its quick fix; the fix changes exactly the number and the warning goes;
// undo brings both back; 按表格生成 inserts at the caret without overwriting. Run by run.sh.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Key, Session, field, section, value } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
// Screenshots for a person to look at (the whole Xvfb screen, through ImageMagick: the
// WebDriver screenshot command does not return under Xvfb).
const SHOTS = process.env.NIANBAO_SHOTS ?? path.join(os.tmpdir(), "nianbao-prose-shots");
let dir;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-prose-"));
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function shoot(name) {
  try {
    execFileSync("import", ["-window", "root", path.join(SHOTS, name)]);
  } catch {
    // No ImageMagick: the test stands without its picture.
  }
}

const PART = "overview.requests";
const mismatchHints = (s) =>
  s.exec(
    (p) => [...document.querySelectorAll(`.field-hints[data-for="${p}"] .hint[data-code="TEXT-TABLE-MISMATCH"]`)].map((h) => h.textContent),
    PART,
  );


test("seed 003: 自然人 本年新收 changed, the text warning's fix (改为 147) is one click and one undo step; 按表格生成 inserts at the caret", async () => {
  const work = path.join(dir, "孟州市2023.nianbao.json");
  fs.copyFileSync(SEED, work);
  const s = await Session.start(APP, [work, `--data-dir=${path.join(dir, "data")}`]);
  try {
    await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1400, height: 900 }).catch(() => undefined);
    const original = await value(s, PART);
    assert.ok(original.includes("共受理政府信息公开申请 146 件"), original);

    // 91 → 92 in 自然人 本年新收: the total becomes 147, and the text's 146 disagrees.
    await section(s, "requests");
    const np = "requests.new_received.natural_person";
    await s.exec((p) => {
      const el = document.querySelector(`[data-path="${p}"]`);
      el.focus();
      el.select();
    }, np);
    await s.type(await s.find(field(np)), "92");
    await s.waitFor(() => document.querySelector('[data-path="requests.new_received.total"]').value === "147", 3000, "total follows");

    await section(s, "overview");
    await s.waitFor(
      (p) => document.querySelector(`.field-hints[data-for="${p}"] .hint[data-code="TEXT-TABLE-MISMATCH"] .quickfix`),
      3000,
      "text warning with its fix",
      PART,
    );
    const hints = await mismatchHints(s);
    assert.equal(hints.length, 1, hints.join("\n"));
    assert.ok(hints[0].includes("写的是“…全市各级共受理政府信息公开申请 146 件…”，而表三本年新收总计是 147"), hints[0]);
    // The same fix is offered in the findings list beside the form.
    assert.equal(
      await s.exec(() => document.querySelector('#findings .quickfix[data-code="TEXT-TABLE-MISMATCH"]')?.textContent),
      "改为 147",
    );
    const button = await s.find(`.field-hints[data-for="${PART}"] .quickfix`);
    assert.equal(await s.exec(() => document.querySelector(".field-hints .quickfix").textContent), "改为 147");
    await s.exec(() => document.querySelector(".field-hints .quickfix").scrollIntoView({ block: "center" }));
    shoot("quick-fix-offered.png");

    // One click: exactly the number changes, the warning goes.
    await s.click(button);
    await s.waitFor((p) => document.querySelector(`[data-path="${p}"]`).value.includes("申请 147 件"), 3000, "fixed text", PART);
    assert.equal(await value(s, PART), original.replace("申请 146 件", "申请 147 件"));
    await s.waitFor((p) => !document.querySelector(`.field-hints[data-for="${p}"] .hint[data-code="TEXT-TABLE-MISMATCH"]`), 3000, "warning gone", PART);
    assert.match(await s.exec(() => document.getElementById("status-message").textContent), /已把“146”改为“147”/);
    shoot("quick-fix-applied.png");

    // Undo (Ctrl+Z): the text and the warning are back; the table keeps its 92.
    await s.type(await s.find(field(PART)), `${Key.Control}z${Key.Null}`);
    await s.waitFor((p, t) => document.querySelector(`[data-path="${p}"]`).value === t, 3000, "undo", PART, original);
    await s.waitFor((p) => document.querySelector(`.field-hints[data-for="${p}"] .hint[data-code="TEXT-TABLE-MISMATCH"]`), 3000, "warning back", PART);
    assert.equal(await value(s, np), "92");

    // Fix again, then 按表格生成 with the caret after the first sentence: the paragraph goes in
    // there, everything written stays.
    await s.click(await s.find(`.field-hints[data-for="${PART}"] .quickfix`));
    await s.waitFor((p) => document.querySelector(`[data-path="${p}"]`).value.includes("申请 147 件"), 3000, "fixed again", PART);
    const fixed = await value(s, PART);
    const caret = fixed.indexOf("。") + 1;
    await s.exec(
      (p, at) => {
        const el = document.querySelector(`[data-path="${p}"]`);
        el.focus();
        el.setSelectionRange(at, at);
      },
      PART,
      caret,
    );
    await s.click(await s.find(`button[data-generate="${PART}"]`));
    await s.waitFor((p, n) => document.querySelector(`[data-path="${p}"]`).value.length > n, 3000, "paragraph in", PART, fixed.length);
    const generated = await value(s, PART);
    assert.ok(generated.startsWith(fixed.slice(0, caret) + "\n2023年，我市共收到政府信息公开申请147件，上年结转2件。"), generated);
    assert.ok(generated.endsWith("\n" + fixed.slice(caret)), generated);
    assert.deepEqual(await mismatchHints(s), [], "the generated numbers agree with the tables");
    shoot("generated.png");

    // One undo step takes the paragraph out again.
    await s.type(await s.find(field(PART)), `${Key.Control}z${Key.Null}`);
    await s.waitFor((p, t) => document.querySelector(`[data-path="${p}"]`).value === t, 3000, "paragraph undone", PART, fixed);
  } finally {
    await s.close();
  }
});
