// End-to-end (issue 29): the desk remembers a folder. Five seeds, two with planted errors, are
// checked; a department sends its corrected file back and 刷新 shows 已改正 / 仍存在 on its row and
// on its findings; the app is closed and opened again and the same folder shows the same
// statuses, read from the .nianbao-desk.json the desk wrote there — and no report was written.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Session } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const CLI = process.env.NIANBAO_CLI ?? path.join(ROOT, "target/debug/nianbao");
const PICKS = process.env.NIANBAO_AUTOMATION_PICKS;
let dir;
let folder;

function fixture(n) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, `tests/fixtures/${n}.nianbao.json`), "utf8"));
}

before(() => {
  assert.ok(PICKS, "run.sh sets NIANBAO_AUTOMATION_PICKS");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-loop-"));
  folder = path.join(dir, "各单位年报");
  fs.mkdirSync(folder);
  for (const n of ["000", "001", "002", "003", "004"]) {
    const r = fixture(n);
    // 潘集区 typed 3 for 0 in 自然人·本年新收; 孟州市's 复议 总计 99.
    if (n === "001") r.requests.new_received.natural_person = "3";
    if (n === "003") r.review.reconsideration.total = "99";
    fs.writeFileSync(path.join(folder, `${n}.nianbao.json`), JSON.stringify(r));
  }
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openDesk(s) {
  await s.exec(() => document.getElementById("cmd-desk").click());
  await s.waitFor(() => !document.getElementById("desk").hidden, 3000, "desk shown");
}

async function waitDone(s, click) {
  await s.exec(() => {
    delete document.body.dataset.deskDone;
  });
  await s.exec(click);
  await s.waitFor(() => document.body.dataset.deskDone !== undefined, 60000, "the check to finish");
}

/** Each row's file and its 主要问题 cell, where the statuses are. */
function summaries(s) {
  return s.execAsync(async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
    return Object.fromEntries(
      [...document.querySelectorAll("#desk-body .desk-row:not([hidden])")].map((r) => [
        r.title.split(/[\\/]/).pop(),
        { id: Number(r.dataset.id), text: r.children[6].textContent },
      ]),
    );
  });
}

async function findingsOf(s, id) {
  await s.exec((i) => {
    document.querySelector(`#desk-body .desk-row[data-id="${i}"]`).click();
  }, id);
  await s.waitFor(
    () => document.querySelectorAll("#desk-detail .desk-findings li").length > 0,
    5000,
    "findings shown",
  );
  return s.exec(() => [...document.querySelectorAll("#desk-detail .desk-findings li .msg")].map((m) => m.textContent));
}

test("corrected file → 已改正 on 刷新, and the desk as it was after a restart", async () => {
  const before = Object.fromEntries(
    fs.readdirSync(folder).map((n) => [n, fs.readFileSync(path.join(folder, n), "utf8")]),
  );
  let s = await Session.start(APP, [`--data-dir=${path.join(dir, "data")}`]);
  let planted;
  try {
    await openDesk(s);
    fs.writeFileSync(PICKS, `${folder}\n`);
    await waitDone(s, () => document.getElementById("desk-add-folder").click());
    const first = await summaries(s);
    assert.equal(Object.keys(first).length, 5, JSON.stringify(first));
    const m = /已改正 0，仍存在 0，新出现 (\d+)/.exec(first["001.nianbao.json"].text);
    assert.ok(m, first["001.nianbao.json"].text);
    planted = Number(m[1]);
    assert.ok(planted >= 3, "the planted cell breaks its row and balance, beside seed 001's 提示");
    assert.ok(fs.existsSync(path.join(folder, ".nianbao-desk.json")), "the desk's state is in the folder");

    // 导出问题清单 into an empty folder: one Word file per department, each with its findings.
    const out = path.join(dir, "问题清单");
    fs.mkdirSync(out);
    fs.writeFileSync(PICKS, `${out}\n`);
    await s.exec(() => {
      document.getElementById("desk-export-menu").open = true;
      document.getElementById("desk-export-issues").click();
    });
    await s.waitFor(() => document.getElementById("banner").textContent.includes("已导出问题清单"), 20000, "issues exported");
    const truth = JSON.parse(spawnSync(CLI, ["check", "--json", folder], { encoding: "utf8" }).stdout);
    const written = fs.readdirSync(out).sort();
    assert.equal(written.length, truth.length + 1, written.join(", "));
    assert.ok(written.includes("问题清单汇总.xlsx"));
    for (const t of truth) {
      const file = path.join(out, `${t.agency}-问题清单.docx`);
      assert.ok(fs.existsSync(file), `no list for ${t.agency}: ${written.join(", ")}`);
      const xml = spawnSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" }).stdout;
      for (const f of t.desk.findings) {
        const m = f.message.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
        assert.ok(xml.includes(m), `${t.agency}: ${f.message}`);
      }
    }

    // 潘集区 sends back its corrected report.
    fs.writeFileSync(path.join(folder, "001.nianbao.json"), JSON.stringify(fixture("001")));
    await waitDone(s, () => document.getElementById("desk-refresh").click());
    const second = await summaries(s);
    const still = 3; // seed 001's own three 提示
    assert.match(
      second["001.nianbao.json"].text,
      new RegExp(`^已改正 ${planted - still}，仍存在 ${still}，新出现 0`),
      second["001.nianbao.json"].text,
    );
    // 孟州市 did not change: its statuses stand.
    assert.match(second["003.nianbao.json"].text, /^已改正 0，仍存在 0，新出现 \d+/);
    const items = await findingsOf(s, second["001.nianbao.json"].id);
    assert.equal(items.filter((t) => t.startsWith("【已改正】")).length, planted - still, items.join("\n"));
    assert.equal(items.filter((t) => t.startsWith("【仍存在】")).length, still, items.join("\n"));
    // NIANBAO_SHOTS=folder: the desk with its statuses, to look at.
    if (process.env.NIANBAO_SHOTS) {
      // The whole Xvfb screen through ImageMagick: WebKitWebDriver's screenshot does not return
      // under Xvfb.
      await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1400, height: 900 }).catch(() => undefined);
      execFileSync("import", ["-window", "root", path.join(process.env.NIANBAO_SHOTS, "desk-statuses.png")]);
    }
  } finally {
    await s.close();
  }

  // Closed and opened again: the same folder, the same desk.
  s = await Session.start(APP, [`--data-dir=${path.join(dir, "data")}`]);
  try {
    await openDesk(s);
    fs.writeFileSync(PICKS, `${folder}\n`);
    await waitDone(s, () => document.getElementById("desk-add-folder").click());
    const again = await summaries(s);
    assert.match(
      again["001.nianbao.json"].text,
      new RegExp(`^已改正 ${planted - 3}，仍存在 3，新出现 0`),
      again["001.nianbao.json"].text,
    );
    const items = await findingsOf(s, again["001.nianbao.json"].id);
    assert.equal(items.filter((t) => t.startsWith("【已改正】")).length, planted - 3, items.join("\n"));

    // 驳回 without a reason is refused in words; with one it is kept, as is a 确认.
    await s.exec(() => document.querySelector("#desk-detail .desk-findings li .decide-go").click());
    await s.waitFor(() => document.getElementById("banner").textContent.includes("请写明理由"), 5000, "reason asked for");
    await s.exec(() => {
      const li = document.querySelectorAll("#desk-detail .desk-findings li")[0];
      li.querySelector(".decide-reason").value = "该局确实用半角逗号排版，不影响阅读";
      li.querySelector(".decide-go").click();
    });
    await s.waitFor(
      () => document.querySelectorAll("#desk-detail .desk-findings li .decision")[0]?.textContent.startsWith("审核意见：驳回："),
      5000,
      "rejected",
    );
    await s.exec(() => document.querySelectorAll("#desk-detail .desk-findings li")[1].querySelector(".decide-confirm").click());
    await s.waitFor(
      () => document.querySelectorAll("#desk-detail .desk-findings li .decision")[1]?.textContent === "审核意见：确认",
      5000,
      "confirmed",
    );
    if (process.env.NIANBAO_SHOTS) {
      await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1400, height: 900 }).catch(() => undefined);
      execFileSync("import", ["-window", "root", path.join(process.env.NIANBAO_SHOTS, "desk-decisions.png")]);
    }
    const state = JSON.parse(fs.readFileSync(path.join(folder, ".nianbao-desk.json"), "utf8"));
    const decided = state.files.find((f) => f.name === "001.nianbao.json").findings.filter((f) => f.decision);
    assert.deepEqual(
      decided.map((f) => f.decision),
      [{ decision: "驳回", reason: "该局确实用半角逗号排版，不影响阅读" }, { decision: "确认" }],
    );
  } finally {
    await s.close();
  }
  // The desk wrote its state file and nothing else; the reports are as the test left them.
  for (const [n, text] of Object.entries(before)) {
    const now = fs.readFileSync(path.join(folder, n), "utf8");
    if (n === "001.nianbao.json") assert.equal(now, JSON.stringify(fixture("001")));
    else assert.equal(now, text, `${n} was written`);
  }
  assert.deepEqual(
    fs.readdirSync(folder).sort(),
    [".nianbao-desk.json", "000.nianbao.json", "001.nianbao.json", "002.nianbao.json", "003.nianbao.json", "004.nianbao.json"],
  );
});

test("设为本级汇总 on a report one cell off the sum names exactly that cell, and is remembered", async () => {
  const county = path.join(dir, "县");
  fs.mkdirSync(county);
  for (const n of ["000", "001", "002", "003"]) {
    const r = fixture(n);
    r.meta.year = "2023";
    r.meta.title = "";
    fs.writeFileSync(path.join(county, `${n}.nianbao.json`), JSON.stringify(r));
  }
  const total = path.join(dir, "sum.nianbao.json");
  const made = spawnSync(CLI, ["sum", county, "-o", total, "--agency", "测试县人民政府", "--year", "2023"], {
    encoding: "utf8",
  });
  assert.ok(fs.existsSync(total), made.stderr);
  const own = JSON.parse(fs.readFileSync(total, "utf8"));
  const was = Number(own.requests.granted.natural_person);
  own.requests.granted.natural_person = String(was + 1);
  fs.writeFileSync(path.join(county, "县政府.nianbao.json"), JSON.stringify(own));
  const sumLines = (items) => items.filter((t) => t.includes("本级汇总报告是"));
  const want = `表三·自然人·予以公开：本级汇总报告是 ${was + 1}，4 份部门报告之和是 ${was}（相差 1）。`;

  let s = await Session.start(APP, [`--data-dir=${path.join(dir, "data2")}`]);
  try {
    await openDesk(s);
    fs.writeFileSync(PICKS, `${county}\n`);
    await waitDone(s, () => document.getElementById("desk-add-folder").click());
    const rows = await summaries(s);
    const id = rows["县政府.nianbao.json"].id;
    assert.deepEqual(sumLines(await findingsOf(s, id)), [], "no comparison before the mark");
    await s.exec(() => document.getElementById("desk-mark-own").click());
    await s.waitFor(
      () => [...document.querySelectorAll("#desk-detail .desk-findings li .msg")].some((m) => m.textContent.includes("本级汇总报告是")),
      10000,
      "the comparison shown",
    );
    const items = await findingsOf(s, id);
    assert.deepEqual(sumLines(items).map((t) => t.replace(/^【[^】]+】/, "")), [want], items.join("\n"));
  } finally {
    await s.close();
  }
  // Opened again: the mark is in the folder's desk file, the comparison made without asking.
  s = await Session.start(APP, [`--data-dir=${path.join(dir, "data2")}`]);
  try {
    await openDesk(s);
    fs.writeFileSync(PICKS, `${county}\n`);
    await waitDone(s, () => document.getElementById("desk-add-folder").click());
    const rows = await summaries(s);
    const items = await findingsOf(s, rows["县政府.nianbao.json"].id);
    assert.deepEqual(sumLines(items).map((t) => t.replace(/^【[^】]+】/, "")), [want], items.join("\n"));
  } finally {
    await s.close();
  }
});
