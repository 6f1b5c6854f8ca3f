// End-to-end (issue 27): the editor under a demanding user — tables that hold still while typing,
// 1024 × 768 without sideways scrolling and bubbles that hide neither headers nor the toolbar,
// focus after a quick fix, the preview's page indicator, and one status line. The real app in its
// real webview, real keys and clicks. Run by tests/e2e/run.sh.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Key, Session, retype, section, settled as frames, value } from "./wd.mjs";

const settled = (s) => frames(s, 4);

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
let dir;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-steady-"));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let sessions = 0;
async function withApp(file, fn) {
  const data = path.join(dir, `data-${++sessions}`);
  const s = await Session.start(APP, [...(file ? [file] : []), `--data-dir=${data}`]);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

function seedCopy(name) {
  const work = path.join(dir, name);
  fs.copyFileSync(SEED, work);
  return work;
}

async function resize(s, w, h) {
  await s.setWindowSize(w, h);
  await s.waitFor((w, h) => Math.abs(window.outerWidth - w) < 40 && Math.abs(window.outerHeight - h) < 60, 3000, `window ${w}×${h}`, w, h);
  await settled(s);
}

/** 以上年年报新建 from seed 003: last year's figure under every cell. */
async function nextYear(s) {
  fs.writeFileSync(process.env.NIANBAO_AUTOMATION_PICKS, `${SEED}\n`);
  await s.click(await s.find("#cmd-next-year"));
  await s.waitFor(() => document.body.classList.contains("has-prev"), 10000, "last year's figures");
  await settled(s);
}

/** Every cell of the section's table, header and label cells included, by its place. */
const boxes = (s, key) =>
  s.exec((k) => {
    const t = document.querySelector(`.page[data-section="${k}"] table.grid`);
    return [...t.querySelectorAll("th, td")].map((c, i) => {
      const r = c.getBoundingClientRect();
      const p = c.querySelector("input")?.dataset.path ?? `#${i} ${c.textContent.slice(0, 12)}`;
      return [p, [r.left, r.top, r.width, r.height].map((x) => Math.round(x * 10) / 10)];
    });
  }, key);

/** Clicks the point (x, y) of the viewport with the mouse, as a user would. */
async function clickAt(s, x, y) {
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x), y: Math.round(y) },
          { type: "pointerDown", button: 0 },
          { type: "pointerUp", button: 0 },
        ],
      },
    ],
  });
  await s.cmd("DELETE", "/actions").catch(() => undefined);
}

const center = (s, p) =>
  s.exec((p) => {
    const r = document.querySelector(`[data-path="${p}"]`).getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  }, p);

test("item 1: typing a 12-digit number with 显示上年数 on moves no other cell, and the next click lands where it was aimed (1400 and 1024 px)", async () => {
  await withApp(null, async (s) => {
    await nextYear(s);
    for (const [w, h] of [
      [1400, 900],
      [1024, 768],
    ]) {
      await resize(s, w, h);
      await section(s, "requests");
      const typed = "requests.new_received.natural_person";
      const next = "requests.new_received.commercial_enterprise";
      await s.exec((p) => document.querySelector(`[data-path="${p}"]`).scrollIntoView({ block: "center" }), typed);
      await settled(s);
      const before = await boxes(s, "requests");
      const aim = await center(s, next);
      const [x, y] = await center(s, typed);
      await clickAt(s, x, y);
      await s.waitFor((p) => document.activeElement?.dataset.path === p, 2000, "clicked cell focused", typed);
      await s.keys(`${Key.End}${"\uE003".repeat(8)}123456789012`);
      await settled(s);
      assert.equal(await value(s, typed), "123456789012");
      // The change under it is cut short, the whole of it on hover.
      const prev = await s.exec(
        (p) => {
          const el = document.querySelector(`span.prev[data-prev-for="${p}"]`);
          return { title: el.title, fits: el.scrollWidth <= el.clientWidth + 1 || getComputedStyle(el).textOverflow === "ellipsis" };
        },
        typed,
      );
      assert.match(prev.title, /上年 \d+（\+12345678\d+）/, `${w}px: ${JSON.stringify(prev)}`);
      assert.ok(prev.fits, `${w}px: last year's line overflows its cell`);
      const after = await boxes(s, "requests");
      assert.equal(after.length, before.length);
      const moved = after.filter(([p, b], i) => p !== typed && JSON.stringify(b) !== JSON.stringify(before[i][1]));
      assert.deepEqual(moved, [], `${w}px: cells moved or changed size: ${JSON.stringify(moved.slice(0, 5))} (before ${JSON.stringify(before.slice(0, 3))})`);
      const own = after.find(([p]) => p === typed)[1];
      assert.deepEqual(own, before.find(([p]) => p === typed)[1], `${w}px: the typed cell changed size`);
      // The click at the spot 商业企业 was at before lands in 商业企业.
      await clickAt(s, aim[0], aim[1]);
      await s.waitFor((p) => document.activeElement?.dataset.path === p, 2000, "the aimed-at cell focused", next);
      await s.keys(`${Key.End}7`);
      await settled(s);
      assert.match(await value(s, next), /7$/);
      assert.equal(await value(s, typed), "123456789012", "nothing typed into the neighbour");
      // Undo the two edits for the next window size.
      await s.keys(`${Key.Control}z${Key.Null}`);
      await s.keys(`${Key.Control}z${Key.Null}`);
      await settled(s);
    }
    // No label column is narrower than its longest word (a line may break between any two 汉字,
    // but a column so narrow that "办理" cannot stand on one line breaks a label a character a line).
    const narrow = await s.exec(() => {
      const out = [];
      const seg = new Intl.Segmenter("zh", { granularity: "word" });
      const probe = document.createElement("span");
      probe.style.cssText = "position:fixed;left:0;top:0;white-space:nowrap;visibility:hidden";
      document.body.append(probe);
      for (const th of document.querySelectorAll('.page[data-section="requests"] th.label')) {
        if (th.colSpan !== 1) continue;
        const st = getComputedStyle(th);
        probe.style.font = st.font;
        probe.style.fontWeight = st.fontWeight;
        const room = th.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
        const text = [...th.querySelectorAll("span")].find((x) => x.offsetParent !== null)?.textContent ?? th.textContent;
        for (const w of seg.segment(text)) {
          probe.textContent = w.segment;
          if (probe.getBoundingClientRect().width > room + 0.5) out.push(`${text}: ${w.segment} ${probe.getBoundingClientRect().width} > ${room}`);
        }
      }
      probe.remove();
      return out;
    });
    assert.deepEqual(narrow, [], "label columns narrower than a word at 1024 px");
  });
});

/** What the visible bubble covers: header cells of its table, toolbar buttons (the window's and
 * the table's), and whether it leaves the window. */
const bubbleCovers = (s) =>
  s.exec(() => {
    const b = [...document.querySelectorAll(".bubble")].find((x) => !x.hidden && x.style.visibility !== "hidden");
    if (!b) return null;
    const r = b.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const form = document.getElementById("form").getBoundingClientRect();
    const hits = (c, clipTo) => {
      let x = c.getBoundingClientRect();
      if (clipTo) {
        const l = Math.max(x.left, clipTo.left);
        const t = Math.max(x.top, clipTo.top);
        const rr = Math.min(x.right, clipTo.right);
        const bb = Math.min(x.bottom, clipTo.bottom);
        if (rr <= l || bb <= t) return false;
        x = { left: l, top: t, right: rr, bottom: bb };
      }
      const w = Math.min(x.right, r.right) - Math.max(x.left, r.left);
      const h = Math.min(x.bottom, r.bottom) - Math.max(x.top, r.top);
      return w > 1 && h > 1;
    };
    const table = b.closest(".table-wrap").querySelector("table");
    const headers = [...table.tHead.querySelectorAll("th")].filter((th) => hits(th, form)).map((th) => th.textContent);
    const buttons = [
      ...document.querySelectorAll("#toolbar button, #toolbar summary, .page:not([hidden]) .table-tools button, .page:not([hidden]) .table-tools label"),
    ]
      .filter((x) => x.getClientRects().length > 0 && hits(x))
      .map((x) => x.textContent);
    return {
      inside: r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh,
      headers,
      buttons,
      box: [r.left, r.top, r.right, r.bottom].map(Math.round),
      text: b.textContent.slice(0, 60),
    };
  });

test("item 2: at 1024 × 768 no section scrolls sideways, and a bubble covers no header cell or toolbar button and stays in the window", async () => {
  await withApp(null, async (s) => {
    await nextYear(s);
    // 审核 (F9): every rule from now on, so every empty cell has its bubble.
    await s.keys(Key.F9);
    await settled(s);
    for (const [w, h] of [
      [1024, 768],
      [1400, 900],
    ]) {
      await resize(s, w, h);
      // The toolbar's buttons stay on one row: a second would push the whole form down.
      const rows = await s.exec(() => new Set([...document.querySelectorAll("#toolbar > button, #toolbar > details > summary")].map((b) => Math.round(b.getBoundingClientRect().top))).size);
      assert.equal(rows, 1, `${w}px: the toolbar wraps onto ${rows} rows`);
      const sections = await s.exec(() => [...document.querySelectorAll("#nav button[data-section]")].map((b) => b.dataset.section));
      assert.equal(sections.length, 7);
      for (const key of sections) {
        await section(s, key);
        await settled(s);
        const over = await s.exec(() => {
          const out = {};
          const d = document.documentElement;
          out.window = d.scrollWidth - d.clientWidth;
          const f = document.getElementById("form");
          out.form = f.scrollWidth - f.clientWidth;
          for (const [i, wrap] of [...document.querySelectorAll(".page:not([hidden]) .table-wrap")].entries()) {
            out[`table${i}`] = wrap.scrollWidth - wrap.clientWidth;
          }
          return out;
        });
        for (const [where, px] of Object.entries(over)) assert.ok(px <= 0, `${w}px, ${key}: ${where} scrolls sideways by ${px}px`);
      }
      for (const [key, paths] of [
        [
          "requests",
          [
            "requests.new_received.natural_person",
            "requests.new_received.total",
            "requests.withheld_third_party.social_welfare_org",
            "requests.granted.legal_service_agency",
            "requests.carried_forward.other_org",
            "requests.carried_forward.total",
          ],
        ],
        [
          "review",
          [
            "review.reconsideration.upheld",
            "review.litigation_direct.pending",
            "review.litigation_after_reconsideration.pending",
            "review.litigation_after_reconsideration.total",
          ],
        ],
      ]) {
        await section(s, key);
        for (const p of paths) {
          await s.exec((p) => document.querySelector(`[data-path="${p}"]`).scrollIntoView({ block: "center" }), p);
          await settled(s);
          const [x, y] = await center(s, p);
          await clickAt(s, x, y);
          await s.waitFor((p) => document.activeElement?.dataset.path === p, 2000, `${p} focused`, p);
          await s.waitFor(
            () => [...document.querySelectorAll(".bubble")].some((b) => !b.hidden && b.style.visibility !== "hidden"),
            3000,
            `${p}: a bubble`,
          );
          await settled(s);
          const r = await bubbleCovers(s);
          assert.ok(r, `${w}px ${p}: no bubble`);
          assert.ok(r.inside, `${w}px ${p}: the bubble leaves the window ${JSON.stringify(r)}`);
          assert.deepEqual(r.headers, [], `${w}px ${p}: the bubble covers header cells ${JSON.stringify(r)}`);
          assert.deepEqual(r.buttons, [], `${w}px ${p}: the bubble covers buttons ${JSON.stringify(r)}`);
        }
      }
    }
  });
});

test("item 7: after 改为 N in 审核结果 the field the fix changed has the focus, its new number selected", async () => {
  await withApp(seedCopy("fix.nianbao.json"), async (s) => {
    // A cell holding "1,200" is refused and offers 改为 1200; a paragraph's number that
    // contradicts its table offers the table's number.
    await section(s, "requests");
    await retype(s, "requests.new_received.natural_person", "92");
    await retype(s, "requests.granted.natural_person", "1,200");
    await s.keys(Key.Tab);
    await s.waitFor(() => document.querySelector('#findings .quickfix[data-path="requests.granted.natural_person"]'), 3000, "fix offered");
    await settled(s);
    const kinds = new Set();
    for (let round = 0; round < 6; round++) {
      const fix = await s.exec(() => {
        const b = [...document.querySelectorAll("#findings .quickfix")].find((x) => !x.dataset.tried);
        if (!b) return null;
        b.dataset.tried = "1";
        const cell = document.querySelector(`[data-path="${b.dataset.path}"]`)?.closest("table") !== null;
        b.id = "fix-under-test";
        return { path: b.dataset.path, code: b.dataset.code, label: b.textContent, cell };
      });
      if (!fix) break;
      const kind = fix.cell ? "cell" : "text";
      if (kinds.has(kind)) continue;
      kinds.add(kind);
      await s.click(await s.find("#fix-under-test"));
      await settled(s);
      const got = await s.exec(() => {
        const el = document.activeElement;
        return { path: el?.dataset.path ?? el?.tagName, selected: el?.value?.slice(el.selectionStart, el.selectionEnd), value: el?.value };
      });
      assert.equal(got.path, fix.path, `${fix.code} ${fix.label}: focus on ${got.path}`);
      const wanted = fix.label.replace(/^改为\s*/, "").replace(/^[“"]|[”"]$/g, "");
      assert.equal(got.selected, wanted, `${fix.code} ${fix.label}: selected ${JSON.stringify(got.selected)}`);
      if (kind === "cell") assert.equal(got.selected, got.value, "a cell's whole number is selected");
      // Typing replaces the selection: the keyboard user goes on from there.
      if (kind === "cell") {
        await s.keys("1201");
        await settled(s);
        assert.equal(await value(s, fix.path), "1201");
      }
    }
    assert.deepEqual([...kinds].sort(), ["cell", "text"], "a cell's fix and a paragraph's were tried");
  });
});

test("item 11: 预览 keeps a page indicator in sight that follows PgDn, PgUp and scrolling", async () => {
  await withApp(seedCopy("preview.nianbao.json"), async (s) => {
    await resize(s, 1024, 768);
    await s.click(await s.find("#cmd-preview"));
    await s.waitFor(() => Number(document.getElementById("preview").dataset.pages) > 3, 20000, "preview pages");
    await settled(s);
    const total = await s.exec(() => Number(document.getElementById("preview").dataset.pages));
    const state = () =>
      s.exec(() => {
        const host = document.getElementById("preview");
        const ind = document.getElementById("preview-page");
        const r = ind.getBoundingClientRect();
        const box = host.getBoundingClientRect();
        const head = host.querySelector(".preview-head").getBoundingClientRect();
        // The page whose top sits just below the head, if one does.
        const atTop = [...host.querySelectorAll("svg.page")].findIndex((p) => Math.abs(p.getBoundingClientRect().top - head.bottom - 8) < 3);
        return { text: ind.textContent, visible: r.top >= box.top - 1 && r.bottom <= box.bottom && r.height > 0, atTop: atTop + 1, top: host.scrollTop };
      });
    let st = await state();
    assert.equal(st.text, `第 1 / ${total} 页`);
    await s.keys(Key.PageDown);
    await s.keys(Key.PageDown);
    await settled(s);
    st = await state();
    assert.equal(st.text, `第 3 / ${total} 页`, JSON.stringify(st));
    assert.ok(st.visible, `the indicator scrolled away: ${JSON.stringify(st)}`);
    assert.equal(st.atTop, 3, `page 3 is at the top, below the head: ${JSON.stringify(st)}`);
    await s.keys(Key.PageUp);
    await settled(s);
    st = await state();
    assert.equal(st.text, `第 2 / ${total} 页`, JSON.stringify(st));
    assert.equal(st.atTop, 2);
    // Scrolling (not by page) moves it too: to the end, then half-way into page 2.
    await s.exec(() => {
      const host = document.getElementById("preview");
      host.scrollTop = host.scrollHeight;
    });
    await settled(s);
    st = await state();
    assert.equal(st.text, `第 ${total} / ${total} 页`, JSON.stringify(st));
    assert.ok(st.visible);
    await s.exec(() => {
      const host = document.getElementById("preview");
      const p2 = host.querySelector('svg.page[data-page="2"]');
      host.scrollTop += p2.getBoundingClientRect().top - host.getBoundingClientRect().top - 100;
    });
    await settled(s);
    st = await state();
    assert.equal(st.text, `第 2 / ${total} 页`, JSON.stringify(st));
    // PgDn from there: page 3 to the top.
    await s.keys(Key.PageDown);
    await settled(s);
    st = await state();
    assert.equal(st.text, `第 3 / ${total} 页`, JSON.stringify(st));
    assert.equal(st.atTop, 3);
  });
});

test("item 6: one status line — undo takes its step's message, the save state is one phrase, the desk shows its own, undo/redo name their step, F9 counts as the panel does", async () => {
  const statusbar = (s) =>
    s.exec(() => ({
      state: document.getElementById("status-dirty").textContent,
      message: document.getElementById("status-message").textContent,
      all: document.getElementById("statusbar").textContent,
      undo: document.getElementById("undo").title,
      redo: document.getElementById("redo").title,
    }));
  // A new report: one phrase, not "尚未保存到文件 · 尚未保存".
  await withApp(null, async (s) => {
    let st = await statusbar(s);
    assert.equal(st.state, "尚未保存到文件");
    assert.equal(st.all.split("尚未保存").length - 1, 1, `said twice: ${st.all}`);
    assert.equal(st.undo, "撤销（Ctrl+Z）");
  });
  const work = seedCopy("status.nianbao.json");
  await withApp(work, async (s) => {
    let st = await statusbar(s);
    assert.equal(st.state, `已保存：${work}`);
    // Typing: the state says so, and nothing beside it still says 已保存.
    await section(s, "requests");
    await retype(s, "requests.new_received.natural_person", "92");
    await s.keys(Key.Tab);
    await settled(s);
    st = await statusbar(s);
    assert.equal(st.state, `有修改尚未保存：${work}`);
    assert.ok(!st.all.includes("已保存"), `contradicts itself: ${st.all}`);
    assert.equal(st.undo, "撤销：修改表三·自然人·本年新收（Ctrl+Z）");
    // Ctrl+S: saved, said once.
    await s.keys(`${Key.Control}s${Key.Null}`);
    await s.waitFor((w) => document.getElementById("status-dirty").textContent === `已保存：${w}`, 5000, "saved", work);
    st = await statusbar(s);
    assert.equal(st.all.split("已保存").length - 1, 1, `said twice: ${st.all}`);

    // 按表格生成 says so, with Ctrl+Z; Ctrl+Z takes the message with the step.
    await section(s, "overview");
    await s.exec(() => {
      const el = document.querySelector('[data-path="overview.requests"]');
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
    await s.click(await s.find('button[data-generate="overview.requests"]'));
    await s.waitFor(() => document.getElementById("status-message").textContent.startsWith("已按表格生成"), 5000, "generated");
    st = await statusbar(s);
    assert.match(st.undo, /^撤销：按表格生成（一、总体情况·（二）依申请公开）/);
    await s.keys(`${Key.Control}z${Key.Null}`);
    await settled(s);
    st = await statusbar(s);
    assert.ok(!st.message.includes("按表格生成一段文字"), `the undone step's message stayed: ${st.message}`);
    assert.equal(st.message, "已撤销：按表格生成（一、总体情况·（二）依申请公开）");
    assert.equal(st.redo, "重做：按表格生成（一、总体情况·（二）依申请公开）（Ctrl+Y）");
    assert.equal(st.state, `已保存：${work}`, "undone back to what the file holds");
    await s.keys(`${Key.Control}y${Key.Null}`);
    await settled(s);
    st = await statusbar(s);
    assert.equal(st.message, "已重做：按表格生成（一、总体情况·（二）依申请公开）");

    // F9: the line counts what the panel counts.
    await s.keys(Key.F9);
    await s.waitFor(() => document.getElementById("status-message").textContent.startsWith("审核"), 5000, "审核 done");
    await settled(s);
    const f9 = await s.exec(() => ({
      line: document.getElementById("status-message").textContent,
      panel: document.querySelector("#findings .summary").textContent,
    }));
    assert.equal(f9.line, `审核完成：${f9.panel}`);

    // The desk does not show the editor's message, and the editor gets its own back.
    await s.click(await s.find("#cmd-desk"));
    await s.waitFor(() => document.body.dataset.view === "desk", 3000, "desk");
    st = await statusbar(s);
    assert.ok(!st.message.includes("审核完成"), `the desk shows the editor's message: ${st.message}`);
    await s.click(await s.find("#cmd-desk"));
    await s.waitFor(() => document.body.dataset.view === "editor", 3000, "editor");
    st = await statusbar(s);
    assert.equal(st.message, f9.line);
    // The next edit ends it: it spoke of the report before the edit.
    await section(s, "requests");
    await retype(s, "requests.new_received.natural_person", "93");
    await settled(s);
    st = await statusbar(s);
    assert.equal(st.message, "");
  });
});
