// The editor as the .deb installs it (NIANBAO_APP points at usr/bin/nianbao-editor extracted
// from the package by tests/package/run.sh): it starts, opens seed 003 given on its command
// line, finds nothing to report, and its 关于 names the package's version and the faces in use.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { Session } from "../e2e/wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP;
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");

test("the packaged editor opens seed 003 and says 审核通过", async () => {
  assert.ok(APP, "tests/package/run.sh sets NIANBAO_APP to the extracted editor");
  const s = await Session.start(APP, [SEED]);
  try {
    await s.waitFor(
      () => document.querySelector("#findings")?.textContent.includes("审核通过") ?? false,
      10000,
      "审核通过 in #findings",
    );
    const agency = await s.exec(() => document.querySelector('[data-path="meta.agency"]')?.value ?? "");
    assert.equal(agency, "孟州市人民政府");
  } finally {
    await s.close();
  }
});

test("关于 shows the packaged version and a face for each part of the document", async () => {
  const version = execFileSync(APP, ["--version"], { encoding: "utf8" }).trim().split(" ").at(-1);
  assert.match(version, /^\d+\.\d+\.\d+/);
  const s = await Session.start(APP, [SEED]);
  try {
    await s.exec(() => document.getElementById("cmd-about").click());
    await s.waitFor(() => document.querySelectorAll("#about-fonts tr").length === 4, 20000, "the faces in 关于");
    const shown = await s.exec(() => ({
      open: document.getElementById("about").open,
      version: document.getElementById("about-version").textContent,
      rows: [...document.querySelectorAll("#about-fonts tr")].map((r) => [
        r.querySelector("th").textContent,
        r.querySelector("td").textContent,
      ]),
    }));
    assert.equal(shown.open, true);
    assert.equal(shown.version, `版本 ${version}`);
    assert.deepEqual(
      shown.rows.map(([role]) => role),
      ["标题", "正文和表格", "一级标题", "二级标题"],
    );
    for (const [role, face] of shown.rows) assert.ok(face.length > 0, `${role} has a face`);
    await s.exec(() => document.getElementById("about-close").click());
    await s.waitFor(() => document.getElementById("about") === null, 2000, "关于 closed");
  } finally {
    await s.close();
  }
});
