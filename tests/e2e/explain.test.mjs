// End-to-end: a true 警告 explained in writing (写说明) in the real window — typed with real keys,
// saved with Ctrl+S, the app closed and opened again on the file: the finding is still listed,
// greyed as 已说明 with its text, and the summary counts it apart. An 错误 offers no 写说明.
// With NIANBAO_SHOTS set, the findings panel is screenshotted.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { shooter } from "./dnd.mjs";
import { APP, Key, ROOT, Session, clickFresh, scratch, settled } from "./wd.mjs";

// Seed 000 says nothing of the 信息处理费 in 六: FEE-NOT-REPORTED, a 警告 an agency that charges
// none may answer in writing.
const SEED = path.join(ROOT, "tests/fixtures/000.nianbao.json");
// The whole screen through ImageMagick: WebDriver's screenshot command does not return under Xvfb.
const shoot = shooter(process.env.NIANBAO_SHOTS);
const REASON = "本机关本年度未收取信息处理费，已在一（二）中写明";
const at = scratch("nianbao-e2e-explain-");


const FEE = '#findings .finding[data-code="FEE-NOT-REPORTED"]';

async function reviewed(s) {
  await s.keys(Key.F9);
  await settled(s);
  await s.waitFor((css) => document.querySelector(css), 5000, "the 警告 listed", FEE);
}

test("a 警告 explained with a 说明 is saved, reopened and still explained", async () => {
  const file = at("年报.nianbao.json");
  fs.copyFileSync(SEED, file);
  const data = at("data");
  let s = await Session.start(APP, [file, `--data-dir=${data}`]);
  try {
    await reviewed(s);
    const summaryBefore = await s.exec(() => document.querySelector("#findings .summary").textContent);
    assert.doesNotMatch(summaryBefore, /已说明/);
    // An 错误 never offers 写说明; a 警告 does.
    const errorsWithButton = await s.exec(
      () => [...document.querySelectorAll("#findings li")].filter((li) => li.querySelector(".finding.sev-error") && li.querySelector("button.explain")).length,
    );
    assert.equal(errorsWithButton, 0);

    await clickFresh(s, '#findings button.explain[data-code="FEE-NOT-REPORTED"]');
    await s.waitFor(() => document.activeElement?.classList.contains("explain-text"), 2000, "the 说明 box focused");
    // Saving an empty 说明 is refused in words, not silently.
    await clickFresh(s, "#findings .explain-save");
    const refusal = await s.waitFor(() => document.querySelector("#findings .explain-error")?.textContent, 2000, "refusal");
    assert.match(refusal, /请写明/);
    await s.keys(REASON);
    await clickFresh(s, "#findings .explain-save");
    await settled(s);
    await s.waitFor((css) => document.querySelector(`${css}.explained`), 3000, "the finding greyed as 已说明", FEE);
    const note = await s.exec((css) => document.querySelector(`${css} .explanation`).textContent, FEE);
    assert.equal(note, `已说明：${REASON}`);
    const summary = await s.exec(() => document.querySelector("#findings .summary").textContent);
    assert.match(summary, /警告 \d+（已说明 1）/, summary);
    // The navigator counts the open ones: 六's only 警告 is explained.
    const navOther = await s.exec(() => document.querySelector('#nav button[data-section="other"]').textContent);
    assert.doesNotMatch(navOther, /警告/, navOther);

    await s.keys(Key.Control + "s" + Key.Null);
    await settled(s);
    await s.waitFor(() => document.body.dataset.dirty === "false", 5000, "saved");
  } finally {
    await s.close();
  }
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(saved.schema_version, 3, "a file with 说明 is version 3");
  assert.deepEqual(saved.explanations, [{ code: "FEE-NOT-REPORTED", field: "other", text: REASON }]);

  s = await Session.start(APP, [file, `--data-dir=${data}`]);
  try {
    await reviewed(s);
    await s.waitFor((css) => document.querySelector(`${css}.explained`), 3000, "still explained after reopening", FEE);
    const note = await s.exec((css) => document.querySelector(`${css} .explanation`).textContent, FEE);
    assert.equal(note, `已说明：${REASON}`);
    const label = await s.exec(() => document.querySelector('#findings button.explain[data-code="FEE-NOT-REPORTED"]').textContent);
    assert.equal(label, "修改说明");
    shoot("explained-warning.png");
    // Withdrawn, it is an open 警告 again — and Ctrl+Z brings the 说明 back.
    await clickFresh(s, '#findings button.explain[data-code="FEE-NOT-REPORTED"]');
    await clickFresh(s, "#findings .explain-withdraw");
    await settled(s);
    await s.waitFor((css) => document.querySelector(css) && !document.querySelector(`${css}.explained`), 3000, "withdrawn", FEE);
    await s.exec(() => {
      document.activeElement?.blur();
    });
    await s.keys(Key.Control + "z" + Key.Null);
    await settled(s);
    await s.waitFor((css) => document.querySelector(`${css}.explained`), 3000, "undo brings it back", FEE);
  } finally {
    await s.close();
  }
});
