// End-to-end: 导入, 导出 PDF/Word/网页, 预览, backups and the autosave journal, in the real app.
// The native file dialogs are answered through NIANBAO_AUTOMATION_PICKS (set by run.sh): WebDriver
// cannot reach a GTK dialog; everything after the user's choice runs as for a user.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Key, Session, field } from "./wd.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");
const SEED = path.join(ROOT, "tests/fixtures/003.nianbao.json");
const SEEDS_TXT = path.join(ROOT, "tests/seeds");
const PICKS = process.env.NIANBAO_AUTOMATION_PICKS;
let dir;

before(() => {
  assert.ok(PICKS, "run.sh sets NIANBAO_AUTOMATION_PICKS");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-files-"));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The answers the next file dialogs give, in order ("" cancels). */
function answer(...paths) {
  fs.writeFileSync(PICKS, paths.map((p) => `${p}\n`).join(""));
}

async function withApp(args, fn) {
  const s = await Session.start(APP, args);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

async function clickId(s, id) {
  await s.exec((id) => {
    document.getElementById(id).click();
  }, id);
}

async function clickNav(s, key) {
  await s.exec((k) => document.querySelector(`#nav button[data-section="${k}"]`).click(), key);
  await s.waitFor((k) => !document.querySelector(`.page[data-section="${k}"]`).hidden, 2000, `section ${key}`, key);
}

const value = (s, p) => s.exec((p) => document.querySelector(`[data-path="${p}"]`).value, p);

test("export: PDF, Word and HTML files land where chosen and read back with the report's text", async () => {
  const work = path.join(dir, "年报.nianbao.json");
  fs.copyFileSync(SEED, work);
  const title = JSON.parse(fs.readFileSync(SEED, "utf8")).meta.agency;
  await withApp([work, `--data-dir=${path.join(dir, "data-export")}`], async (s) => {
    for (const [format, file] of [
      ["pdf", path.join(dir, "out", "年报.pdf")],
      ["docx", path.join(dir, "out", "年报.docx")],
      ["html", path.join(dir, "out", "年报")],
    ]) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      answer(file);
      await s.exec(() => {
        delete document.getElementById("banner").dataset.exported;
      });
      await clickId(s, `export-${format}`);
      const written = await s.waitFor(
        () => document.getElementById("banner").dataset.exported,
        20000,
        `${format} exported`,
      );
      const banner = await s.exec(() => document.getElementById("banner").textContent);
      assert.match(banner, /^已导出/, banner);
      if (format === "pdf") {
        assert.equal(written, file);
        assert.match(banner, /共 \d+ 页/);
        const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
        assert.ok(text.includes(title), "agency in the PDF");
        assert.ok(text.includes("一、总体情况") && text.includes("三、收到和处理政府信息公开申请情况"));
      } else if (format === "docx") {
        const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
        assert.ok(xml.includes(title) && xml.includes("<w:tbl>"), "a Word document with tables");
      } else {
        assert.equal(written, `${file}.html`, "the ending is added when missing");
        const html = fs.readFileSync(written, "utf8");
        assert.ok(html.startsWith("<!DOCTYPE html>") && html.includes(title));
      }
    }
    // A cancelled dialog writes nothing and says nothing alarming.
    answer("");
    await clickId(s, "export-pdf");
    await s.waitFor(() => document.getElementById("status-message").textContent === "", 5000, "cancel");
    assert.deepEqual(fs.readdirSync(path.join(dir, "out")).sort(), ["年报.docx", "年报.html", "年报.pdf"]);
  });
});

test("export into a folder that does not exist: a Chinese error, nothing written", async () => {
  const work = path.join(dir, "x.nianbao.json");
  fs.copyFileSync(SEED, work);
  await withApp([work, `--data-dir=${path.join(dir, "data-export-fail")}`], async (s) => {
    answer(path.join(dir, "没有这个文件夹", "年报.pdf"));
    await clickId(s, "export-pdf");
    const text = await s.waitFor(
      () => {
        const b = document.getElementById("banner");
        return !b.hidden && b.className === "error" && b.textContent;
      },
      20000,
      "error banner",
    );
    assert.match(text, /无法保存“年报\.pdf”：文件不存在/);
    assert.ok(!fs.existsSync(path.join(dir, "没有这个文件夹")));
  });
});

test("preview: the PDF's pages, drawn in the window", async () => {
  const work = path.join(dir, "p.nianbao.json");
  fs.copyFileSync(SEED, work);
  await withApp([work, `--data-dir=${path.join(dir, "data-preview")}`], async (s) => {
    await clickId(s, "cmd-preview");
    const pages = Number(
      await s.waitFor(() => document.getElementById("preview").dataset.pages, 20000, "preview drawn"),
    );
    assert.ok(pages >= 3, `${pages} pages`);
    const shown = await s.exec(() => ({
      svgs: document.querySelectorAll("#preview svg.page").length,
      form: document.getElementById("form").hidden,
      text: document.querySelector("#preview svg.page").textContent,
    }));
    assert.equal(shown.svgs, pages);
    assert.equal(shown.form, true, "the form makes way for the preview");
    assert.ok(shown.text.includes("政府信息公开工作年度报告"), shown.text.slice(0, 80));
    // The preview has as many pages as the exported PDF.
    const pdf = path.join(dir, "p.pdf");
    answer(pdf);
    await clickId(s, "export-pdf");
    await s.waitFor(() => document.getElementById("banner").dataset.exported, 20000, "exported");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.equal(Number(/Pages:\s+(\d+)/.exec(info)[1]), pages);
    await clickId(s, "preview-close");
    assert.equal(await s.exec(() => document.getElementById("form").hidden), false);
    // Ctrl+P from a field opens it too, and types nothing into the field.
    const agency = await value(s, "meta.agency");
    await s.exec(() => document.querySelector('[data-path="meta.agency"]').focus());
    await s.type(await s.find(field("meta.agency")), `${Key.Control}p${Key.Null}`);
    await s.waitFor(() => !document.getElementById("preview").hidden, 5000, "Ctrl+P preview");
    assert.equal(await value(s, "meta.agency"), agency);
  });
});

test("import a published report's text; start next year from last year's file", async () => {
  const seed = fs.readdirSync(SEEDS_TXT).find((f) => f.startsWith("000_"));
  await withApp([`--data-dir=${path.join(dir, "data-import")}`], async (s) => {
    answer(path.join(SEEDS_TXT, seed));
    await clickId(s, "cmd-import");
    await s.waitFor(() => document.body.dataset.dirty === "true", 10000, "imported, unsaved");
    const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/000.nianbao.json"), "utf8"));
    assert.equal(await value(s, "meta.agency"), fixture.meta.agency);
    assert.equal(await value(s, "requests.new_received.natural_person"), fixture.requests.new_received.natural_person);
    assert.match(await s.title(), /^\*/);

    // Save it, then start the next year from the saved file.
    const saved = path.join(dir, "imported.nianbao.json");
    answer(saved);
    await clickId(s, "cmd-save");
    await s.waitFor(() => document.body.dataset.dirty === "false", 5000, "saved");
    answer(saved);
    await clickId(s, "cmd-next-year");
    await s.waitFor(
      (y) => document.querySelector('[data-path="meta.year"]').value === y,
      10000,
      "next year",
      String(Number(fixture.meta.year) + 1),
    );
    assert.equal(
      await value(s, "requests.carried_over.natural_person"),
      fixture.requests.carried_forward.natural_person,
      "上年结转 = last year's 结转下年度",
    );
    assert.equal(await s.exec(() => document.body.dataset.dirty), "true");
  });

  // Not a report: refused in Chinese, the file untouched.
  const junk = path.join(dir, "清单.txt");
  fs.writeFileSync(junk, "牛奶\n面包\n");
  await withApp([`--data-dir=${path.join(dir, "data-import-junk")}`], async (s) => {
    answer(junk);
    await clickId(s, "cmd-import");
    const text = await s.waitFor(
      () => !document.getElementById("banner").hidden && document.getElementById("banner").textContent.includes("无法导入") && document.getElementById("banner").textContent,
      10000,
      "refusal",
    );
    assert.match(text, /无法导入“清单\.txt”：文件中找不到年报的标题/);
    assert.equal(fs.readFileSync(junk, "utf8"), "牛奶\n面包\n");
  });
});

test("saving keeps the previous version as .bak; the autosave journal comes and goes", async () => {
  const work = path.join(dir, "b.nianbao.json");
  fs.copyFileSync(SEED, work);
  const original = fs.readFileSync(work);
  const data = path.join(dir, "data-journal");
  const journals = () =>
    fs.existsSync(path.join(data, "autosave"))
      ? fs.readdirSync(path.join(data, "autosave")).filter((f) => f.endsWith(".json"))
      : [];
  await withApp([work, `--data-dir=${data}`], async (s) => {
    assert.deepEqual(journals(), [], "nothing to journal yet");
    await clickNav(s, "requests");
    await s.exec((p) => {
      const el = document.querySelector(`[data-path="${p}"]`);
      el.focus();
      el.select();
    }, "requests.new_received.other_org");
    await s.type(await s.find(field("requests.new_received.other_org")), "7");
    await s.waitFor(() => document.body.dataset.dirty === "true", 5000, "dirty");
    // The edit reaches the journal on its own, without a save. (How soon is the debounce's
    // business, tested in the autosave unit tests; a loaded CI disk must not fail this.)
    const start = Date.now();
    while (journals().length === 0 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
    assert.equal(journals().length, 1, "journalled");
    console.log(`journalled after ${Date.now() - start} ms`);
    const entry = JSON.parse(fs.readFileSync(path.join(data, "autosave", journals()[0]), "utf8"));
    assert.equal(entry.report.requests.new_received.other_org, "7");
    assert.equal(entry.path, work);

    await s.exec(() => {
      document.getElementById("cmd-save").click();
    });
    await s.waitFor(() => document.body.dataset.dirty === "false", 5000, "saved");
    assert.deepEqual(journals(), [], "saving removes the journal");
    assert.deepEqual(fs.readFileSync(`${work}.bak`), original, "the previous version is the backup");
    assert.equal(JSON.parse(fs.readFileSync(work, "utf8")).requests.new_received.other_org, "7");
  });
});

test("when the data folder cannot be written, the editor says autosave is off and still works", async () => {
  const notADir = path.join(dir, "一个文件");
  fs.writeFileSync(notADir, "x");
  await withApp([SEED, `--data-dir=${notADir}`], async (s) => {
    const text = await s.waitFor(
      () => !document.getElementById("banner").hidden && document.getElementById("banner").textContent,
      10000,
      "notice",
    );
    assert.match(text, /^自动保存不可用：无法在“.*一个文件\/autosave”中写入/);
    assert.match(text, /请经常保存。/);
    assert.equal(await value(s, "meta.agency"), JSON.parse(fs.readFileSync(SEED, "utf8")).meta.agency);
  });
  assert.equal(fs.readFileSync(notADir, "utf8"), "x");
});
