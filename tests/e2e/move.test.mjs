// End-to-end: 放到… on an import note. A real published report (pingtan-czj-2023, crawler text)
// keeps two paragraphs of its section 二 that are not table 二 in 一（一）主动公开, with a note;
// the note's 放到… moves one to the part chosen in one click, both fields redrawn, and Ctrl+Z puts
// it back as one step.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { APP, Key, ROOT, Session, scratch, settled, value } from "./wd.mjs";

const REAL = path.join(ROOT, "tests/import/real/pingtan-czj-2023.txt");
const PICKS = process.env.NIANBAO_AUTOMATION_PICKS;
const at = scratch("nianbao-e2e-move-");

before(() => {
  assert.ok(PICKS, "run.sh sets NIANBAO_AUTOMATION_PICKS");
});

test("放到… moves an imported paragraph to the chosen part as one undo step", async () => {
  const s = await Session.start(APP, [`--data-dir=${at("data")}`]);
  try {
    fs.writeFileSync(PICKS, `${REAL}\n`);
    await s.exec(() => {
      document.getElementById("cmd-import").click();
    });
    await s.waitFor(() => document.body.dataset.dirty === "true", 15000, "imported");
    await settled(s);
    const menus = await s.exec(() => document.querySelectorAll("#import-notes select.move-to").length);
    assert.ok(menus >= 1, "a note about a kept paragraph offers 放到…");
    const MENU = '#import-notes select.move-to[data-path="overview.active"]';
    const quoted = await s.exec((css) => document.querySelector(css).closest("li").querySelector("q").textContent, MENU);
    const from = "overview.active";
    const before = await value(s, from);
    assert.ok(before.includes(quoted.trim()), "the quoted text is in the field");
    const platformBefore = await value(s, "overview.platform");

    // One choice in the menu, as a user picks it.
    await s.exec((css) => {
      const sel = document.querySelector(css);
      sel.value = "overview.platform";
      sel.dispatchEvent(new Event("change"));
    }, MENU);
    await settled(s);
    await s.waitFor(() => document.querySelector("#import-notes .moved"), 3000, "the note says where it went");
    const after = await value(s, from);
    assert.ok(!after.includes(quoted.trim()), "gone from 一（一）");
    const platform = await value(s, "overview.platform");
    assert.ok(platform.endsWith(quoted.trim()), platform);
    assert.ok(platform.startsWith(platformBefore.trim()), "what the part held stays first");

    await s.exec(() => {
      document.activeElement?.blur();
    });
    await s.keys(Key.Control + "z" + Key.Null);
    await settled(s);
    assert.equal(await value(s, from), before, "one Ctrl+Z brings it back");
    assert.equal(await value(s, "overview.platform"), platformBefore);
  } finally {
    await s.close();
  }
});
