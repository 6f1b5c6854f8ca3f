// End-to-end: the real app (release or debug build) in its real webview, driven through
// tauri-driver and WebKitWebDriver under Xvfb. Run by tests/e2e/run.sh.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Key, Session, field, retype, section, settled, value } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
let dir;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-"));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let sessions = 0;
async function withApp(file, fn) {
  // Each run of the app keeps its autosave journal and recent list apart from the others'.
  const data = path.join(dir, `data-${++sessions}`);
  const s = await Session.start(APP, [...(file ? [file] : []), `--data-dir=${data}`]);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

const revision = (s) => s.exec(() => Number(document.body.dataset.revision));




const balanceHints = (s) =>
  s.exec(() =>
    [...document.querySelectorAll('#form .hint[data-code="T3-BALANCE"]')].map((h) => h.textContent),
  );

test("seed 003: the balance hint follows 自然人 本年新收, a pasted block undoes, Chinese text saves and reopens", async () => {
  const work = path.join(dir, "孟州市2023.nianbao.json");
  fs.copyFileSync(SEED, work);

  await withApp(work, async (s) => {
    assert.equal(await s.title(), "孟州市人民政府 2023 年政府信息公开工作年度报告");
    await section(s, "requests");
    const np = "requests.new_received.natural_person";
    assert.equal(await value(s, np), "91");
    assert.deepEqual(await balanceHints(s), []);

    // 91 → 92: the balance of the 自然人 column breaks, with the new numbers, beside the cell.
    await retype(s, np, "92");
    // "92" is two keystrokes: the hint of "9" may show first, so wait for the one of "92".
    await s.waitFor(
      () => [...document.querySelectorAll('.bubble .hint[data-code="T3-BALANCE"]')].some((h) => h.textContent.includes("本年新收 92 +")),
      5000,
      "balance hint",
    );
    const hints = await balanceHints(s);
    assert.ok(
      hints.some((t) => t.includes("自然人列：本年新收 92 + 上年结转 2 = 94") && t.includes("相差 1")),
      hints.join("\n"),
    );
    const marked = await s.exec(() =>
      ["new_received", "carried_over", "total", "carried_forward"].map((r) =>
        document.querySelector(`[data-path="requests.${r}.natural_person"]`).parentElement.classList.contains("sev-error"),
      ),
    );
    assert.deepEqual(marked, [true, true, true, true], "the whole column is marked");
    assert.equal(await value(s, "requests.new_received.total"), "147", "the row total follows");
    assert.match(await s.title(), /^\*/, "unsaved mark");
    const nav = await s.exec(() => document.querySelector('#nav [data-section="requests"] .badge.sev-error').textContent);
    assert.equal(nav, "错误 2");

    // Back to 91: the hint goes.
    await retype(s, np, "91");
    await s.waitFor(() => !document.querySelector('#form .hint[data-code="T3-BALANCE"]'), 3000, "hint gone");
    assert.equal(await value(s, "requests.new_received.total"), "146");

    // A 3×2 block from a spreadsheet, pasted at 予以公开 / 商业企业.
    const at = "requests.granted.commercial_enterprise";
    await s.exec((p) => {
      const el = document.querySelector(`[data-path="${p}"]`);
      el.focus();
      const data = new DataTransfer();
      data.setData("text/plain", "1\t2\r\n3\t4\r\n5\t6\r\n");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, at);
    const pasted = [
      ["requests.granted.commercial_enterprise", "1"],
      ["requests.granted.research_institution", "2"],
      ["requests.partially_granted.commercial_enterprise", "3"],
      ["requests.partially_granted.research_institution", "4"],
      ["requests.withheld_state_secret.commercial_enterprise", "5"],
      ["requests.withheld_state_secret.research_institution", "6"],
    ];
    await s.waitFor((p) => document.querySelector(`[data-path="${p}"]`).value === "6", 3000, "paste", pasted[5][0]);
    for (const [p, v] of pasted) assert.equal(await value(s, p), v, p);
    assert.equal(await value(s, "requests.granted.total"), "104", "row total follows the paste");

    // Ctrl+Z undoes the whole block at once (history is kept in Rust).
    await s.type(await s.find(field(at)), `${Key.Control}z${Key.Null}`);
    await s.waitFor((p) => document.querySelector(`[data-path="${p}"]`).value === "0", 3000, "undo", pasted[5][0]);
    for (const [p] of pasted) assert.equal(await value(s, p), "0", p);
    assert.equal(await value(s, "requests.granted.total"), "101");
    // …and Ctrl+Y brings it back, Ctrl+Z takes it away again.
    await s.type(await s.find(field(at)), `${Key.Control}y${Key.Null}`);
    await s.waitFor((p) => document.querySelector(`[data-path="${p}"]`).value === "6", 3000, "redo", pasted[5][0]);
    await s.type(await s.find(field(at)), `${Key.Control}z${Key.Null}`);
    await s.waitFor((p) => document.querySelector(`[data-path="${p}"]`).value === "0", 3000, "undo again", pasted[5][0]);

    // Chinese typed into 一（一）主动公开.
    await section(s, "overview");
    const part = "overview.active";
    const before = await value(s, part);
    await s.exec((p) => {
      const el = document.querySelector(`[data-path="${p}"]`);
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }, part);
    await s.type(await s.find(field(part)), "全年新增政务公开专栏两个。");
    await settled(s);
    await s.waitFor(() => document.body.dataset.dirty === "true", 3000, "dirty");

    // Ctrl+S saves to the file it came from; the unsaved mark goes.
    await s.type(await s.find(field(part)), `${Key.Control}s${Key.Null}`);
    await s.waitFor(() => document.body.dataset.dirty === "false", 3000, "saved");
    assert.equal(await s.title(), "孟州市人民政府 2023 年政府信息公开工作年度报告");
    const saved = JSON.parse(fs.readFileSync(work, "utf8"));
    assert.equal(saved.overview.active.text, `${before}全年新增政务公开专栏两个。`);
    assert.equal(saved.requests.new_received.natural_person, "91");
    assert.equal(saved.requests.granted.commercial_enterprise, "0");
    return before;
  }).then(async (before) => {
    // Reopen: everything is as saved, and the file is in the recent list.
    await withApp(work, async (s) => {
      assert.equal(await value(s, "overview.active"), `${before}全年新增政务公开专栏两个。`);
      assert.equal(await value(s, "requests.new_received.natural_person"), "91");
      assert.equal(await value(s, "requests.granted.commercial_enterprise"), "0");
      assert.equal(await value(s, "active.fee"), "4351.7195");
      assert.equal(await s.exec(() => document.querySelectorAll("#findings .finding").length), 0);
      const recent = await s.exec(() => [...document.querySelectorAll("#recent .menu button")].map((b) => b.dataset.path));
      assert.ok(recent.includes(work), recent.join(", "));
    });
  });
});

test("an input-method composition sends nothing until it ends", async () => {
  const work = path.join(dir, "ime.nianbao.json");
  fs.copyFileSync(SEED, work);
  await withApp(work, async (s) => {
    await section(s, "overview");
    const rev0 = await revision(s);
    // What WebKitGTK fires while a pinyin IME composes 公开: composition events and inputs
    // flagged isComposing, then compositionend with the chosen characters.
    await s.exec(() => {
      const el = document.querySelector('[data-path="overview.intro"]');
      el.focus();
      el.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
      for (const v of ["g", "go", "gong", "gong'k", "gong'kai"]) {
        el.value = v;
        el.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: v, inputType: "insertCompositionText" }));
      }
    });
    await settled(s);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(await revision(s), rev0, "nothing reached Rust mid-composition");
    assert.equal(await s.exec(() => document.body.dataset.dirty), "false");
    // An input event without isComposing still arrives mid-composition in WebKitGTK: ignored too.
    await s.exec(() => {
      const el = document.querySelector('[data-path="overview.intro"]');
      el.dispatchEvent(new InputEvent("input", { bubbles: true, data: "gong'kai" }));
      el.value = "公开";
      el.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "公开" }));
    });
    await s.waitFor(() => document.body.dataset.dirty === "true", 3000, "edit after compositionend");
    assert.equal(await revision(s), rev0 + 1, "exactly one edit, with the composed text");
    await s.type(await s.find(field("overview.intro")), `${Key.Control}s${Key.Null}`);
    await s.waitFor(() => document.body.dataset.dirty === "false", 3000, "saved");
    assert.equal(JSON.parse(fs.readFileSync(work, "utf8")).overview.intro, "公开");
  });
});

test("grid keys move between cells; the fee shows four decimals once left; a differing total offers the computed one", async () => {
  const work = path.join(dir, "keys.nianbao.json");
  fs.copyFileSync(SEED, work);
  await withApp(work, async (s) => {
    await section(s, "requests");
    const focused = () => s.exec(() => document.activeElement?.dataset.path ?? null);
    await s.click(await s.find(field("requests.new_received.natural_person")));
    const cell = await s.find(field("requests.new_received.natural_person"));
    await s.type(cell, Key.Tab);
    assert.equal(await focused(), "requests.new_received.commercial_enterprise");
    await s.type(await s.find(field("requests.new_received.commercial_enterprise")), Key.Enter);
    assert.equal(await focused(), "requests.carried_over.commercial_enterprise");
    await s.type(await s.find(field("requests.carried_over.commercial_enterprise")), Key.ArrowDown);
    assert.equal(await focused(), "requests.granted.commercial_enterprise");
    await s.type(await s.find(field("requests.granted.commercial_enterprise")), `${Key.Shift}${Key.Tab}${Key.Null}`);
    assert.equal(await focused(), "requests.granted.natural_person");
    await s.type(await s.find(field("requests.granted.natural_person")), Key.ArrowUp);
    assert.equal(await focused(), "requests.carried_over.natural_person");

    // A stated total that differs from its parts: both are shown, the user picks.
    await retype(s, "requests.granted.total", "100");
    await s.waitFor(() => {
      const b = document.querySelector('[data-path="requests.granted.total"]').parentElement.querySelector(".choice");
      return b && !b.hidden && b.textContent === "应为 101";
    }, 3000, "computed total offered");
    await s.click(await s.find('[data-path="requests.granted.total"] + .under .choice'));
    await s.waitFor(() => document.querySelector('[data-path="requests.granted.total"]').value === "101", 3000, "computed chosen");

    await section(s, "active");
    await retype(s, "active.fee", "805.5");
    await s.type(await s.find(field("active.fee")), Key.Tab);
    await s.waitFor(() => document.querySelector('[data-path="active.fee"]').value === "805.5000", 3000, "fee with 4 decimals");
  });
});

test("a broken file is refused in Chinese and left exactly as it was", async () => {
  const broken = path.join(dir, "损坏.nianbao.json");
  const bytes = Buffer.from('{"schema_version": 1, "meta": {"agency": "某局", "year": "20');
  fs.writeFileSync(broken, bytes);
  await withApp(broken, async (s) => {
    const text = await s.waitFor(() => {
      const b = document.getElementById("banner");
      return !b.hidden && b.textContent;
    }, 3000, "error banner");
    assert.match(text, /^无法打开“损坏\.nianbao\.json”：文件不完整/);
    assert.equal(await s.exec(() => document.body.dataset.dirty), "false");
  });
  assert.deepEqual(fs.readFileSync(broken), bytes);
});
