// End-to-end: files dropped onto the window with a real drag and drop (XDND under Xvfb: a GTK
// drag source, the mouse driven by xdotool), as a user drags last year's PDF from the file
// manager. Then 以上年年报新建 from it carries its 结转下年度 into this year's 上年结转. On the
// 批量审核 desk, a dropped folder and file join the list. Screenshots of both, looked at.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { drop, place, shooter } from "./dnd.mjs";
import { Session, section, value } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const CLI = path.join(path.dirname(APP), "nianbao");
const shoot = shooter(process.env.NIANBAO_SHOTS);

let dir;
let lastYear;
let pdf;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-drop-"));
  // Seed 003 with 5 requests carried on to next year (一 + 二 = 七 + 四 still holds).
  lastYear = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/003.nianbao.json"), "utf8"));
  const q = lastYear.requests;
  q.carried_forward.natural_person = "5";
  q.carried_forward.total = "5";
  q.new_received.natural_person = "96";
  q.new_received.total = "151";
  const json = path.join(dir, "2023.nianbao.json");
  fs.writeFileSync(json, JSON.stringify(lastYear));
  pdf = path.join(dir, "孟州市2023年政务公开年报.pdf");
  execFileSync(CLI, ["export", json, "--pdf", pdf]);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("last year's PDF dropped on the window is imported; 以上年年报新建 from it carries 结转下年度 into 上年结转", async () => {
  const picks = process.env.NIANBAO_AUTOMATION_PICKS;
  const s = await Session.start(APP, [`--data-dir=${path.join(dir, "data-1")}`]);
  try {
    await place(s);
    await drop([pdf], 700, 450);
    await s.waitFor(() => document.querySelector('[data-path="meta.agency"]').value === "孟州市人民政府", 15000, "dropped PDF imported");
    assert.equal(await value(s, "meta.year"), "2023");
    const status = await s.exec(() => document.body.innerText);
    assert.match(status, /已打开拖入的文件/);
    await section(s, "requests");
    assert.equal(await value(s, "requests.carried_forward.natural_person"), "5");
    shoot("drop-pdf.png");

    // 以上年年报新建 from the same PDF: the imported report is not saved, so 不保存 first.
    fs.writeFileSync(picks, `不保存\n${pdf}\n`);
    await s.click(await s.find("#cmd-next-year"));
    await s.waitFor(() => document.body.classList.contains("has-prev"), 15000, "last year's figures");
    assert.equal(await value(s, "meta.year"), "2024");
    await section(s, "requests");
    for (const col of Object.keys(lastYear.requests.carried_forward)) {
      assert.equal(
        await value(s, `requests.carried_over.${col}`),
        lastYear.requests.carried_forward[col],
        `上年结转 ${col} from last year's 结转下年度`,
      );
    }
    const prev = await s.exec(() => document.querySelector('span.prev[data-prev-for="requests.new_received.natural_person"]')?.textContent);
    assert.match(prev ?? "", /^上年 96/);
    shoot("next-year-from-dropped-pdf.png");
  } finally {
    await s.close();
  }
});

test("a PDF whose tables have no lines, dropped: every number in the form, the row a page break cut said with its page", async () => {
  // LibreOffice's PDF of our web page of seed 000 (tests/import/pdf/README.md): tables drawn
  // without rules; 表三's （五）3 row is cut by a page break, its label away from its numbers,
  // and read by the 勾稽关系 with a note.
  const file = path.join(dir, "无框线表格.pdf");
  fs.copyFileSync(path.join(ROOT, "tests/import/pdf/borderless-000.pdf"), file);
  const truth = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/000.nianbao.json"), "utf8"));
  const s = await Session.start(APP, [`--data-dir=${path.join(dir, "data-3")}`]);
  try {
    await place(s);
    await drop([file], 700, 450);
    await s.waitFor(() => !document.getElementById("import-notes").hidden, 15000, "import notes");
    assert.equal(await value(s, "meta.agency"), truth.meta.agency);
    await section(s, "requests");
    const cut = "not_processed_publication";
    for (const [row, cells] of Object.entries(truth.requests)) {
      for (const [col, want] of Object.entries(cells)) {
        assert.equal(await value(s, `requests.${row}.${col}`), want, `表三 ${row} ${col}`);
      }
    }
    const notes = await s.exec(() =>
      [...document.querySelectorAll("#import-notes li")].map((li) => li.textContent),
    );
    // Where in the PDF: its page, not a line of the text rebuilt from it.
    assert.ok(
      notes.some((n) => n.startsWith("PDF 第 3 页") && n.includes("“3.要求提供公开出版物”一行的行名和数字被隔开了")),
      notes.join("\n"),
    );
    assert.ok(!notes.some((n) => /原文第|第 \d+ 行/.test(n)), notes.join("\n"));
    await s.click(await s.find(`#import-notes .goto[data-path="requests.${cut}.natural_person"]`));
    await s.waitFor(() => document.activeElement?.dataset.path === "requests.not_processed_publication.natural_person", 3000, "jumped to the cut row");
    shoot("drop-borderless-pdf.png");
  } finally {
    await s.close();
  }
});

test("a folder and a PDF dropped on the 批量审核 desk join its list", async () => {
  const folder = path.join(dir, "各单位年报");
  fs.mkdirSync(folder);
  for (const n of ["000", "001", "002"]) {
    fs.copyFileSync(path.join(ROOT, `tests/fixtures/${n}.nianbao.json`), path.join(folder, `${n}.nianbao.json`));
  }
  const s = await Session.start(APP, [`--data-dir=${path.join(dir, "data-2")}`]);
  try {
    await place(s);
    await s.exec(() => document.getElementById("cmd-desk").click());
    await s.waitFor(() => !document.getElementById("desk").hidden, 3000, "desk");
    await drop([folder, pdf], 700, 450);
    await s.waitFor(() => /共 4 份/.test(document.getElementById("desk").innerText) && /审核完成/.test(document.getElementById("desk").innerText), 20000, "four rows, checked");
    const text = await s.exec(() => document.getElementById("desk").innerText);
    assert.match(text, /孟州市人民政府/);
    assert.match(text, /审核完成/);
  } finally {
    await s.close();
  }
});
