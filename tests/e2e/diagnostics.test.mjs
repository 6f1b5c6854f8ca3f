// End-to-end: 关于 → 导出诊断信息 in the real window. A report whose agency carries a mark is
// open; the page throws an error and leaves a promise rejected, both quoting the mark; both land
// in the log (--data-dir/logs/nianbao.log) scrubbed; the button writes the zip the dialog was
// answered with, holding about.txt and the log, and the mark is in neither. With NIANBAO_SHOTS
// set, the dialog is screenshotted (docs/screenshots/about-diagnostics.png). Run by run.sh.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Session } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const SHOTS = process.env.NIANBAO_SHOTS;
const MARK = "栖霞湾独测";
let dir;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-diag-"));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The zip's files as {name: text}, read with Python's zipfile (node has no unzip). */
function unzip(file) {
  const out = execFileSync("python3", [
    "-c",
    "import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: z.read(n).decode('utf-8') for n in z.namelist()}))",
    file,
  ]);
  return JSON.parse(out.toString("utf8"));
}

async function until(check, what, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("关于 → 导出诊断信息 writes the log of the page's errors and the machine's facts, without the report's text", async () => {
  const work = path.join(dir, `${MARK}.nianbao.json`);
  fs.writeFileSync(work, fs.readFileSync(SEED, "utf8").replaceAll("孟州", MARK));
  const data = path.join(dir, "data");
  const log = path.join(data, "logs", "nianbao.log");
  const picks = process.env.NIANBAO_AUTOMATION_PICKS;
  assert.ok(picks, "run.sh sets NIANBAO_AUTOMATION_PICKS");
  const s = await Session.start(APP, [work, `--data-dir=${data}`]);
  try {
    await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1400, height: 900 }).catch(() => undefined);
    const agency = await s.exec(() => document.querySelector('[data-path="meta.agency"]').value);
    assert.ok(agency.includes(MARK), agency);

    // A handler that throws and a promise nobody awaits, as a bug in the page would leave them.
    await s.exec((a) => {
      setTimeout(() => {
        throw new TypeError(`cannot read “${a}”`);
      }, 0);
      void Promise.reject(new Error(`${a} was not answered`));
    }, agency);
    const read = () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "");
    const logged = await until(() => {
      const t = read();
      return t.includes(" error: ") && t.includes(" unhandledrejection: ") && t;
    }, "both entries in the log");
    assert.match(logged, / nianbao-editor error: TypeError: cannot read “…”\n/);
    assert.match(logged, / nianbao-editor unhandledrejection: Error: … was not answered\n/);

    await s.click(await s.find("#cmd-about"));
    await s.waitFor(() => document.getElementById("about-version"), 20000, "关于 filled");
    const zip = path.join(dir, "给技术支持.zip");
    fs.writeFileSync(picks, `${zip}\n`);
    await s.click(await s.find("#about-diagnostics"));
    const result = await s.waitFor(
      () => {
        const t = document.getElementById("about-diagnostics-result")?.textContent ?? "";
        return t.startsWith("已导出") ? t : false;
      },
      20000,
      "exported",
    );
    assert.ok(result.includes(zip), result);
    if (SHOTS) {
      // The whole Xvfb screen through ImageMagick (WebDriver's screenshot does not return there).
      fs.mkdirSync(SHOTS, { recursive: true });
      execFileSync("import", ["-window", "root", path.join(SHOTS, "about-diagnostics.png")]);
    }
    assert.equal(fs.readFileSync(picks, "utf8"), "", "the dialog's answer was taken");

    const files = unzip(zip);
    assert.deepEqual(Object.keys(files), ["about.txt", "nianbao.log"]);
    const about = files["about.txt"];
    for (const want of ["版本：", "系统：", "网页引擎：WebKitGTK 2.", "  标题：", "  正文和表格：", "  一级标题：", "  二级标题："]) {
      assert.ok(about.includes(want), `${want} not in\n${about}`);
    }
    assert.equal(files["nianbao.log"], fs.readFileSync(log, "utf8"));
    for (const [name, text] of Object.entries(files)) {
      assert.ok(!text.includes(MARK), `${name} carries the report's text:\n${text}`);
    }
  } finally {
    await s.close();
  }
});
