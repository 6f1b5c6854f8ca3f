// End-to-end: the six real published reports in tests/import/real (crawler text, a WPS PDF, a saved
// web page, PDF-to-markdown), each dropped on the window as a user drags it from the file manager.
// Every cell decoded by hand (tests/import/real/expected) must show in the form as printed, or be
// blank with an import note naming its row — never a different number. With NIANBAO_SHOTS set,
// tables 二, 三 and 四 of each are screenshotted to hold beside the original.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { drop, place, shooter } from "./dnd.mjs";
import { Session, section } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const REAL = path.join(ROOT, "tests/import/real");
const shoot = shooter(process.env.NIANBAO_SHOTS);

// What crates/import/tests/real.rs allows each file: cells the importer leaves blank and names.
const BLANK_NAMED = { "shanghai-office-2025.md": 6 };

/** Every string leaf under requests, review and active, by its field path. */
function decoded(expected) {
  const out = [];
  const walk = (prefix, v) => {
    if (typeof v === "string") out.push([prefix, v]);
    else for (const [k, w] of Object.entries(v)) walk(`${prefix}.${k}`, w);
  };
  for (const t of ["requests", "review", "active"]) if (expected[t]) walk(t, expected[t]);
  return out;
}

const fold = (s) => s.replace(/\s+/g, "");
const sameFee = (a, b) => a !== "" && b !== "" && Number(a) === Number(b);

let dir;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-real-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const files = fs.readdirSync(REAL).filter((f) => fs.statSync(path.join(REAL, f)).isFile());

for (const name of files) {
  test(`real report ${name}, dropped: every decoded cell as printed, none wrong`, async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(REAL, "expected", `${name}.expected.json`), "utf8"));
    const cells = decoded(expected);
    assert.ok(cells.length >= 190, `${name}: ${cells.length} decoded cells`);
    const s = await Session.start(APP, [`--data-dir=${path.join(dir, name)}`]);
    try {
      await place(s);
      await drop([path.join(REAL, name)], 700, 450);
      await s.waitFor(() => document.body.innerText.includes("已打开拖入的文件"), 20000, `${name} imported`);
      const got = await s.exec((paths) => {
        const notes = [...document.querySelectorAll("#import-notes [data-path]")].map((e) => e.dataset.path);
        const values = paths.map((p) => document.querySelector(`[data-path="${p}"]`)?.value ?? null);
        return { notes, values };
      }, cells.map(([p]) => p));
      // A note names a cell when it points at the cell's row (表四 is one row).
      const row = (p) => (p.startsWith("review.") ? "review" : p.split(".").slice(0, 2).join("."));
      const named = (p) => got.notes.some((n) => row(n) === row(p));
      const wrong = [];
      const blank = [];
      cells.forEach(([p, want], i) => {
        const have = got.values[i];
        assert.notEqual(have, null, `${name}: no field ${p} in the form`);
        if (fold(have) === fold(want) || (p === "active.fee" && sameFee(have, want))) return;
        if (have === "" && named(p)) blank.push(p);
        else wrong.push(`${p}: ${JSON.stringify(have)} where the report prints ${JSON.stringify(want)}`);
      });
      assert.deepEqual(wrong, [], `${name}: cells wrong or blank without a note`);
      assert.ok(blank.length <= (BLANK_NAMED[name] ?? 0), `${name}: blank and named: ${blank.join(", ")}`);
      for (const key of ["active", "requests", "review"]) {
        await section(s, key);
        shoot(`real-${name.replace(/\.[^.]+$/, "")}-${key}.png`);
      }
    } finally {
      await s.close();
    }
  });
}
