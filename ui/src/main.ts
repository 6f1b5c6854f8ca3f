// 年报编制器's window: toolbar, section navigator, forms, findings. The document lives in Rust;
// this page sends one confirmed edit at a time and draws what comes back.

import { listen } from "@tauri-apps/api/event";
import type {
  DiagnosticDto,
  Dropped,
  EditResult,
  ExportFormat,
  FieldEdit,
  FieldPath,
  FileOutcome,
  FixDto,
  ImportNote,
  Layout,
  RecentFile,
  RecoveryOffer,
  SectionKey,
  Snapshot,
} from "./bindings";
import { showAbout } from "./about";
import { showOverviewLength, showSettings } from "./settings";
import { Desk } from "./desk";
import { byId, h, imeKey, setText } from "./dom";
import { buildForms, type Field, type Forms } from "./forms";
import { sizeGrids } from "./columns";
import { attachKeys, attachPaste } from "./grid";
import { call, enqueue, errorText } from "./ipc";
import { currentPage, renderPreview, showPage } from "./preview";
import { StatusLine, type Owner } from "./status";
import { summaryText } from "./explain";
import { View } from "./view";

interface App {
  layout: Layout;
  forms: Forms;
  view: View;
  section: SectionKey;
  revision: number;
  navButtons: Map<SectionKey, HTMLButtonElement>;
  undoButton: HTMLButtonElement;
  redoButton: HTMLButtonElement;
  recentList: HTMLElement;
  recentMenu: HTMLDetailsElement;
  /** What the undo and redo buttons would do, in words (from Rust, with each status). */
  undoLabel: string | null;
  redoLabel: string | null;
}

let app: App | null = null;
/** 批量审核, made the first time it is shown. */
let desk: Desk | null = null;
/** A typing burst not yet sent: later keystrokes in the same field replace its text. */
let pending: FieldEdit | null = null;

function banner(text: string, kind: "error" | "info" = "error"): void {
  const b = byId("banner");
  b.className = kind;
  b.replaceChildren(
    h("span", { text }),
    (() => {
      const close = h("button", { type: "button", class: "close", text: "知道了", "aria-label": "关闭提示" });
      close.addEventListener("click", () => {
        b.hidden = true;
      });
      return close;
    })(),
  );
  b.hidden = false;
}

/** The offer to restore unsaved work of an editor that did not close normally. */
function offerRecovery(r: RecoveryOffer): void {
  const b = byId("banner");
  b.className = "recovery";
  const when = new Date(r.savedAtMs).toLocaleString("zh-CN", { hour12: false });
  const what = r.fileName ? `《${r.title}》（${r.fileName}）` : `《${r.title}》（尚未保存到文件）`;
  const yes = h("button", { type: "button", id: "recover-yes", class: "primary", text: "恢复" });
  const no = h("button", { type: "button", id: "recover-no", text: "放弃这些内容" });
  yes.addEventListener("click", () => {
    fileCommand(() => call("recover", {}), "已恢复");
  });
  no.addEventListener("click", () => {
    enqueue(async () => {
      b.hidden = true;
      applySnapshot(await call("discard_recovery", {}));
      status("已放弃上次未保存的内容。");
    }).catch((e: unknown) => {
      banner(errorText(e));
    });
  });
  b.replaceChildren(
    h("span", {
      id: "recovery-text",
      text: `年报编制器上次没有正常关闭。找到 ${when} 自动保存的未保存内容：${what}。要恢复吗？`,
    }),
    yes,
    no,
  );
  b.hidden = false;
}

/** A new report started after March: this year's, or last year's written late? */
function askYear([suggested, other]: [number, number]): void {
  const b = byId("banner");
  b.className = "info";
  const keep = h("button", { type: "button", id: "year-keep", class: "primary", text: `${suggested} 年度` });
  const change = h("button", { type: "button", id: "year-other", text: `${other} 年度` });
  keep.addEventListener("click", () => {
    b.hidden = true;
  });
  change.addEventListener("click", () => {
    b.hidden = true;
    sendEdit("meta.year", String(other));
    leave("meta.year");
    // Said once the edit is answered: a message said before would go with the change it announces.
    enqueue(async () => {
      await Promise.resolve();
      status(`年度已改为 ${other} 年。`);
    }).catch((e: unknown) => {
      banner(errorText(e));
    });
  });
  b.replaceChildren(
    h("span", { id: "year-question", text: `新年报的年度暂定为 ${suggested} 年。要编写的是哪一年度的年报？` }),
    keep,
    change,
  );
  b.hidden = false;
}

/** The prose fields a paragraph can be put into, as the template orders them. */
function proseTargets(): { path: FieldPath; label: string }[] {
  if (!app) return [];
  return [
    { path: "overview.intro", label: "一、总体情况·开头部分" },
    ...app.layout.parts.map((p) => ({ path: p.path, label: `一、总体情况·${p.numeral}${p.heading}` })),
    { path: "problems", label: "五、存在的主要问题及改进情况" },
    { path: "other", label: "六、其他需要报告的事项" },
  ];
}

/** 放到…: the quoted paragraph moved from where the import kept it, as one undo step. */
function moveMenu(li: HTMLElement, from: FieldPath, text: string): HTMLSelectElement {
  const choices = proseTargets().filter((t) => t.path !== from);
  const select = h(
    "select",
    { class: "move-to", "aria-label": "把这段文字放到…", "data-path": from },
    h("option", { value: "", text: "放到…" }),
    ...choices.map((t) => h("option", { value: t.path, text: t.label })),
  );
  select.addEventListener("change", () => {
    const to = choices.find((t) => t.path === select.value);
    if (!to) return;
    enqueue(async () => {
      applyResult(await call("move_text", { from, text, to: to.path }));
      select.replaceWith(h("span", { class: "moved", text: `已移到“${to.label}”` }));
      li.classList.add("done");
      status(`已把这段文字移到“${to.label}”末尾。可用 Ctrl+Z 撤销。`);
    }).catch((e: unknown) => {
      select.value = "";
      banner(errorText(e));
    });
  });
  return select;
}

/** What an import could not place: listed above the findings until dismissed. */
function showImportNotes(notes: ImportNote[], heading = "导入时需要核对"): void {
  const box = byId("import-notes");
  if (notes.length === 0) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const close = h("button", { type: "button", class: "close", text: "已核对" });
  close.addEventListener("click", () => {
    box.hidden = true;
  });
  box.replaceChildren(
    h("h2", { text: `${heading}（${String(notes.length)} 处）` }),
    h(
      "ul",
      {},
      ...notes.map((n) => {
        const li = h(
          "li",
          {},
          // "全文" alone says nothing; with a quoted text it says the text was not found in one place.
          n.at && (n.at !== "全文" || n.text) ? h("span", { class: "loc", text: n.at }) : null,
          n.text ? h("q", { text: n.text }) : null,
          h("span", { class: "why", text: n.reason }),
        );
        const at = n.path;
        if (at && n.movable) li.append(moveMenu(li, at, n.text));
        if (at) {
          // A note about a field jumps to it, as a finding does.
          const go = h("button", { type: "button", class: "goto", "data-path": at, text: "转到" });
          go.addEventListener("click", () => {
            goTo(at);
          });
          li.append(go);
        }
        return li;
      }),
    ),
    close,
  );
  box.hidden = false;
}

/** The status line: one message a view, owned and outlived by the document's next change. */
let line: StatusLine | null = null;

function status(text: string, owner: Owner = "editor"): void {
  line ??= new StatusLine(byId("status-message"));
  line.say(text, owner);
}

function showSection(key: SectionKey): void {
  if (!app) return;
  closePreview();
  app.section = key;
  for (const [k, page] of app.forms.pages) page.hidden = k !== key;
  for (const [k, b] of app.navButtons) b.setAttribute("aria-current", k === key ? "page" : "false");
}

/** The first field of a section, in the order of its form (not a table's tool or toggle). */
function firstField(key: SectionKey): Field | undefined {
  if (!app) return undefined;
  for (const f of app.forms.fields.values()) if (f.section === key) return f;
  return undefined;
}

function fieldOf(path: string): Field | undefined {
  return app?.forms.fields.get(path);
}

/** Shows a field (focused) or, for a section's path, the section. */
function goTo(path: FieldPath): void {
  if (!app) return;
  const f = fieldOf(path);
  if (f) {
    showSection(f.section);
    f.el.scrollIntoView({ block: "center", inline: "nearest" });
    f.el.focus({ preventScroll: true });
    return;
  }
  const section = app.layout.sections.find((s) => s.key === path)?.key;
  if (section) {
    showSection(section);
    firstField(section)?.el.focus();
  }
}

/** A click in the findings list: show the section, scroll to the field and focus it. */
function jump(d: DiagnosticDto): void {
  if (!app) return;
  const path = d.paths[0] ?? "";
  const f = fieldOf(path) ?? fieldOf(path.replace(/\.heading$/, ""));
  const section = f?.section ?? d.section ?? "meta";
  showSection(section);
  if (f) {
    f.el.scrollIntoView({ block: "center", inline: "nearest" });
    f.el.focus({ preventScroll: true });
    // A finding about a place in a text selects it (the quoted number, the stray word).
    if (d.select && !(f.el instanceof HTMLSelectElement)) f.el.setSelectionRange(d.select[0], d.select[1]);
  } else {
    const page = app.forms.pages.get(section);
    page?.scrollIntoView({ block: "start" });
    firstField(section)?.el.focus({ preventScroll: true });
  }
}

function applyStatus(s: Snapshot["status"]): void {
  if (!app) return;
  app.revision = s.revision;
  document.title = s.windowTitle;
  document.body.dataset.revision = String(s.revision);
  document.body.dataset.dirty = String(s.dirty);
  app.undoButton.disabled = !s.canUndo;
  app.redoButton.disabled = !s.canRedo;
  // The tooltips name the step (撤销：修改表三·自然人·本年新收).
  app.undoLabel = s.undoLabel;
  app.redoLabel = s.redoLabel;
  app.undoButton.title = s.undoLabel ? `撤销：${s.undoLabel}（Ctrl+Z）` : "撤销（Ctrl+Z）";
  app.redoButton.title = s.redoLabel ? `重做：${s.redoLabel}（Ctrl+Y）` : "重做（Ctrl+Y）";
  // The save state in one phrase. A report never saved is not "已保存", however little has
  // been typed.
  const state = byId("status-dirty");
  setText(state, s.path ? (s.dirty ? `有修改尚未保存：${s.path}` : `已保存：${s.path}`) : "尚未保存到文件");
  state.title = s.path ?? "";
  line ??= new StatusLine(byId("status-message"));
  line.changed(s.revision);
}

function applyResult(r: EditResult): void {
  if (!app || r.status.revision < app.revision) return; // an older reply: the page is ahead
  for (const [path, text] of Object.entries(r.changed)) app.view.setValue(path, text);
  app.view.update(r.diagnostics, r.computed);
  showOverviewLength(r.overviewLength);
  applyStatus(r.status);
}

/** The editor or the desk fills the window below the toolbar. */
function showView(view: "editor" | "desk"): void {
  const onDesk = view === "desk";
  if (document.body.dataset.view === view) return;
  document.body.dataset.view = view;
  line?.show(view);
  byId("desk").hidden = !onDesk;
  byId("cmd-desk").setAttribute("aria-pressed", String(onDesk));
  byId("cmd-desk").textContent = onDesk ? "返回编辑" : "批量审核";
  if (onDesk) {
    closePreview();
    const d = desk ?? makeDesk();
    d.show().catch((e: unknown) => {
      banner(errorText(e));
    });
  } else {
    desk?.hide();
  }
}

function makeDesk(): Desk {
  const d = new Desk(byId("desk"), {
    banner,
    status: (text) => {
      status(text, "desk");
    },
    agencyKinds: app?.layout.agencyKinds ?? [],
    opened: (outcome, done) => {
      if (outcome.kind !== "done") return;
      byId("banner").hidden = true;
      applySnapshot(outcome.snapshot);
      showImportNotes(outcome.importNotes, done === "已生成汇总" ? "汇总说明" : "导入时需要核对");
      status(`${done}：${outcome.snapshot.status.path ?? outcome.snapshot.status.title}`);
    },
  });
  desk = d;
  d.listen().catch((e: unknown) => {
    banner(errorText(e));
  });
  return d;
}

function applySnapshot(s: Snapshot): void {
  // A document opened or replaced is shown, wherever the user was.
  showView("editor");
  if (!app) return;
  for (const [path, text] of Object.entries(s.fields)) app.view.setValue(path, text);
  app.view.setPrevious(s.previous, s.previousYear);
  app.view.update(s.diagnostics, s.computed);
  showOverviewLength(s.overviewLength);
  app.revision = 0;
  applyStatus(s.status);
  drawRecent(s.recent);
  if (s.notice) banner(s.notice);
  if (s.yearChoice) askYear(s.yearChoice);
  if (s.recovery) offerRecovery(s.recovery);
  if (!byId("preview").hidden) refreshPreview();
}

function drawRecent(list: RecentFile[]): void {
  if (!app) return;
  const a = app;
  if (list.length === 0) {
    a.recentList.replaceChildren(h("li", { class: "empty", text: "（没有最近打开的文件）" }));
    return;
  }
  a.recentList.replaceChildren(
    ...list.map((f) => {
      const b = h("button", { type: "button", title: f.path, "data-path": f.path, text: f.name });
      b.addEventListener("click", () => {
        a.recentMenu.open = false;
        fileCommand(() => call("open_recent", { path: f.path }), "已打开");
      });
      return h("li", {}, b);
    }),
  );
}

function sendEdit(path: FieldPath, text: string): void {
  if (pending && pending.path === path) {
    pending.text = text;
    return;
  }
  const job: FieldEdit = { path, text };
  pending = job;
  enqueue(async () => {
    if (pending === job) pending = null;
    applyResult(await call("edit", job));
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function leave(path: FieldPath): void {
  enqueue(async () => {
    const r = await call("finish_field", { path });
    applyResult(r);
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function paste(edits: FieldEdit[], skipped: number): void {
  enqueue(async () => {
    applyResult(await call("edit_many", { edits }));
    status(
      skipped > 0
        ? `已粘贴 ${edits.length} 个数，另有 ${skipped} 个超出表格范围，未粘贴。`
        : `已粘贴 ${edits.length} 个数。`,
    );
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

/** The first field, in the order of the forms, whose text the snapshot changes. */
function firstChanged(s: Snapshot): Field | undefined {
  if (!app) return undefined;
  const fields: Partial<Record<string, string>> = s.fields;
  for (const f of app.forms.fields.values()) {
    const text = fields[f.path];
    if (text !== undefined && text !== f.el.value) return f;
  }
  return undefined;
}

/** Undo and redo show what they changed: its section, with the field focused. */
/** 审核: every rule from now on, the sums of unfinished rows and columns included. */
function reviewAll(): void {
  enqueue(async () => {
    const r = await call("review_all", {});
    applyResult(r);
    // Counted as the 审核结果 panel counts, by the same function.
    status(r.diagnostics.length === 0 ? summaryText(r.diagnostics) : `审核完成：${summaryText(r.diagnostics)}`);
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function fillEmpty(section: SectionKey): void {
  enqueue(async () => {
    const r = await call("fill_empty", { section });
    applyResult(r);
    const n = Object.keys(r.changed).length;
    status(n > 0 ? `已把 ${n} 个空格填好（件数填 0，合计填各项之和）。可用 Ctrl+Z 撤销。` : "这里没有空着的格子。");
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

/** 写说明: the 说明 saved in the report (an empty text withdraws it), as one undo step. Resolves
 * to whether it was saved, so the form stays open with the user's text when it was not. */
function explainFinding(d: DiagnosticDto, text: string): Promise<boolean> {
  let saved = false;
  return enqueue(async () => {
    const path = d.paths[0];
    if (path === undefined) return;
    applyResult(await call("explain", { code: d.code, path, text }));
    saved = true;
    status(text.trim() === "" ? "已撤销说明。可用 Ctrl+Z 恢复。" : "已保存说明：这条提醒标为“已说明”。可用 Ctrl+Z 撤销。");
  })
    .catch((e: unknown) => {
      banner(errorText(e));
    })
    .then(() => saved);
}

/** "改为 147": the finding's fix, applied by the core as one undo step. */
function applyFix(fix: FixDto): void {
  enqueue(async () => {
    applyResult(await call("apply_fix", { fix }));
    status(`已把“${fix.found}”改为“${fix.replacement}”。可用 Ctrl+Z 撤销。`);
    focusFixed(fix);
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

/**
 * After a fix the keyboard goes on where the fix was: the field it changed has the focus and
 * the new number is selected (a button that redraws away would leave no focus at all).
 */
function focusFixed(fix: FixDto): void {
  const f = fieldOf(fix.path);
  if (!f) return;
  showSection(f.section);
  f.el.scrollIntoView({ block: "center", inline: "nearest" });
  f.el.focus({ preventScroll: true });
  if (f.el instanceof HTMLSelectElement) return;
  const text = f.el.value;
  if (f.grid) {
    f.el.select();
    return;
  }
  // The fix counts characters; the page's selection counts UTF-16 units.
  const start = Array.from(text).slice(0, fix.start).join("").length;
  const end = start + fix.replacement.length;
  if (text.slice(start, end) === fix.replacement) {
    f.el.setSelectionRange(start, end);
  } else {
    // The text moved on since the finding: the replacement's nearest occurrence.
    const at = text.indexOf(fix.replacement, Math.max(0, start - fix.replacement.length));
    const found = at >= 0 ? at : text.indexOf(fix.replacement);
    if (found >= 0) f.el.setSelectionRange(found, found + fix.replacement.length);
  }
}

/** 按表格生成: the paragraph goes in at the caret; the field keeps focus, caret after it. */
function generate(path: FieldPath, at: number): void {
  enqueue(async () => {
    const f = fieldOf(path);
    const before = f?.el.value ?? "";
    const r = await call("insert_generated", { path, at });
    applyResult(r);
    status("已按表格生成一段文字，插入在光标处。可用 Ctrl+Z 撤销。");
    if (f && f.el instanceof HTMLTextAreaElement) {
      const caret = at + (f.el.value.length - before.length);
      f.el.focus();
      f.el.setSelectionRange(caret, caret);
    }
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function history(cmd: "undo" | "redo"): void {
  enqueue(async () => {
    // The step this undoes (or redoes), named before the reply moves the labels on.
    const step = cmd === "undo" ? app?.undoLabel : app?.redoLabel;
    const s = await call(cmd, {});
    const changed = firstChanged(s);
    applySnapshot(s);
    // The undone step's own message ("已按表格生成…") went with the change; this one says what
    // was undone.
    if (step) status(`${cmd === "undo" ? "已撤销" : "已重做"}：${step}`);
    if (changed) {
      showSection(changed.section);
      changed.el.scrollIntoView({ block: "center", inline: "nearest" });
      changed.el.focus({ preventScroll: true });
    }
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function fileCommand(run: () => Promise<FileOutcome>, done: string): void {
  enqueue(async () => {
    const outcome = await run();
    if (outcome.kind === "done") {
      byId("banner").hidden = true;
      applySnapshot(outcome.snapshot);
      showImportNotes(outcome.importNotes);
      // A save is said by the save state ("已保存：…"); a message would only repeat it.
      status(done === "已保存" ? "" : `${done}：${outcome.snapshot.status.path ?? outcome.snapshot.status.title}`);
    }
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function exportAs(format: ExportFormat): void {
  status("正在导出……", "export");
  enqueue(async () => {
    const outcome = await call("export", { format });
    if (outcome.kind === "done") {
      status(outcome.message.split("\n")[0] ?? "", "export");
      banner(outcome.message, "info");
      const b = byId("banner");
      b.dataset.exported = outcome.path;
      const open = (folder: boolean): void => {
        enqueue(() => call("open_export", { folder })).catch((e: unknown) => {
          banner(errorText(e));
        });
      };
      const file = h("button", { type: "button", id: "open-exported", class: "primary", text: "打开文件" });
      file.addEventListener("click", () => {
        open(false);
      });
      const dir = h("button", { type: "button", id: "open-exported-folder", text: "打开所在文件夹" });
      dir.addEventListener("click", () => {
        open(true);
      });
      b.querySelector("span")?.after(file, dir);
    } else {
      status("", "export");
    }
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function closePreview(): void {
  byId("preview").hidden = true;
  byId("form").hidden = false;
  byId("cmd-preview").setAttribute("aria-pressed", "false");
}

function refreshPreview(): void {
  const host = byId("preview");
  enqueue(async () => {
    const p = await call("preview", {});
    renderPreview(host, p, closePreview);
    host.dataset.pages = String(p.pages.length);
  }).catch((e: unknown) => {
    banner(errorText(e));
  });
}

function togglePreview(): void {
  const host = byId("preview");
  if (!host.hidden) {
    closePreview();
    return;
  }
  host.replaceChildren(h("p", { class: "summary", text: "正在排版……" }));
  host.hidden = false;
  byId("form").hidden = true;
  byId("cmd-preview").setAttribute("aria-pressed", "true");
  refreshPreview();
}

function toolbar(): { undo: HTMLButtonElement; redo: HTMLButtonElement; recentList: HTMLElement; recentMenu: HTMLDetailsElement } {
  const bar = byId("toolbar");
  const button = (label: string, keys: string, id: string, run: () => void): HTMLButtonElement => {
    const b = h("button", { type: "button", id, title: keys ? `${label}（${keys}）` : label, text: label });
    b.addEventListener("click", run);
    return b;
  };
  const recentList = h("ul", { class: "menu" });
  const recentMenu = h("details", { class: "recent", id: "recent" }, h("summary", { text: "最近打开" }), recentList);
  const undo = button("撤销", "Ctrl+Z", "undo", () => {
    history("undo");
  });
  const redo = button("重做", "Ctrl+Y", "redo", () => {
    history("redo");
  });
  const exportMenu = h("details", { class: "recent", id: "export-menu" }, h("summary", { text: "导出" }));
  const exportList = h("ul", { class: "menu" });
  for (const [format, label] of [
    ["pdf", "PDF（用于发布和打印）"],
    ["docx", "Word 文档（.docx）"],
    ["html", "网页（用于政府信息公开专栏）"],
  ] as const) {
    const b = h("button", { type: "button", id: `export-${format}`, text: label });
    b.addEventListener("click", () => {
      exportMenu.open = false;
      exportAs(format);
    });
    exportList.append(h("li", {}, b));
  }
  exportMenu.append(exportList);
  const preview = button("预览", "Ctrl+P", "cmd-preview", togglePreview);
  preview.setAttribute("aria-pressed", "false");
  bar.append(
    h("span", { class: "brand", text: "年报编制器" }),
    button("新建", "Ctrl+N", "cmd-new", () => {
      fileCommand(() => call("new_report", {}), "已新建");
    }),
    button("打开", "Ctrl+O", "cmd-open", () => {
      fileCommand(() => call("open_dialog", {}), "已打开");
    }),
    recentMenu,
    button("保存", "Ctrl+S", "cmd-save", () => {
      fileCommand(() => call("save", {}), "已保存");
    }),
    button("另存为", "Ctrl+Shift+S", "cmd-save-as", () => {
      fileCommand(() => call("save_as", {}), "已保存");
    }),
    h("span", { class: "sep" }),
    button("导入", "", "cmd-import", () => {
      fileCommand(() => call("import_report", {}), "已导入");
    }),
    button("以上年年报新建", "", "cmd-next-year", () => {
      fileCommand(() => call("new_next_year", {}), "已新建下一年度年报");
    }),
    button("关联上年年报", "", "cmd-attach-last-year", () => {
      fileCommand(() => call("attach_last_year", {}), "已关联上年年报");
    }),
    exportMenu,
    preview,
    button("审核", "F9", "cmd-review", reviewAll),
    button("批量审核", "", "cmd-desk", () => {
      showView(document.body.dataset.view === "desk" ? "editor" : "desk");
    }),
    h("span", { class: "sep" }),
    undo,
    redo,
    h("span", { class: "sep" }),
    button("设置", "", "cmd-settings", () => {
      showSettings(applyResult);
    }),
    button("关于", "", "cmd-about", () => {
      showAbout(() => call("about", {}));
    }),
  );
  return { undo, redo, recentList, recentMenu };
}

function navigator(layout: Layout): {
  buttons: Map<SectionKey, HTMLButtonElement>;
  badges: Map<SectionKey, { errors: HTMLElement; warnings: HTMLElement }>;
} {
  const nav = byId("nav");
  const buttons = new Map<SectionKey, HTMLButtonElement>();
  const badges = new Map<SectionKey, { errors: HTMLElement; warnings: HTMLElement }>();
  const list = h("ul");
  for (const s of layout.sections) {
    const errors = h("span", { class: "badge sev-error", hidden: true });
    const warnings = h("span", { class: "badge sev-warning", hidden: true });
    const label = s.key === "meta" ? s.heading : `${s.numeral}、${s.name}`;
    const b = h(
      "button",
      { type: "button", "data-section": s.key, title: s.heading },
      h("span", { class: "name", text: label }),
      h("span", { class: "badges" }, errors, warnings),
    );
    b.addEventListener("click", () => {
      showSection(s.key);
    });
    // From the keyboard, a section is entered: focus goes to its first field.
    b.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || imeKey(e)) return;
      e.preventDefault();
      showSection(s.key);
      firstField(s.key)?.el.focus();
    });
    buttons.set(s.key, b);
    badges.set(s.key, { errors, warnings });
    list.append(h("li", {}, b));
  }
  nav.append(list);
  return { buttons, badges };
}

/** F8 / Shift+F8: the next or previous finding, in the order of the findings list. */
let findingIndex = -1;
function stepFinding(back: boolean): void {
  if (!app) return;
  const list = app.view.ordered();
  if (list.length === 0) {
    status("审核通过，没有需要处理的问题。");
    return;
  }
  findingIndex = back
    ? (findingIndex <= 0 ? list.length : findingIndex) - 1
    : (findingIndex + 1) % list.length;
  const d = list[findingIndex];
  if (!d) return;
  status(`第 ${findingIndex + 1} / ${list.length} 处：${d.message}`);
  jump(d);
}

/** PgDn / PgUp in the preview: the next or previous page to the top (below its fixed head). */
function pagePreview(back: boolean): void {
  const host = byId("preview");
  const pages = [...host.querySelectorAll<SVGElement>("svg.page")];
  if (pages.length === 0) return;
  const next = Math.max(0, Math.min(pages.length - 1, currentPage(host) + (back ? -1 : 1)));
  pages[next]?.scrollIntoView({ block: "start" });
  // Said at once, not a frame later when the scroll event comes.
  showPage(host);
}

function plainKeys(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === "Escape") {
    const open = [...document.querySelectorAll<HTMLDetailsElement>("details[open]")];
    if (open.length > 0) {
      for (const d of open) d.open = false;
      open[0]?.querySelector("summary")?.focus();
      return true;
    }
    if (!byId("preview").hidden) {
      closePreview();
      byId("cmd-preview").focus();
      return true;
    }
    return false;
  }
  if (e.key === "F9") {
    reviewAll();
    return true;
  }
  if (e.key === "F8") {
    stepFinding(e.shiftKey);
    return true;
  }
  if ((e.key === "PageDown" || e.key === "PageUp") && !byId("preview").hidden) {
    pagePreview(e.key === "PageUp");
    return true;
  }
  return false;
}

function shortcuts(): void {
  document.addEventListener("keydown", (e) => {
    if (imeKey(e)) return;
    if (plainKeys(e)) {
      e.preventDefault();
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const act = (): (() => void) | null => {
      if (key === "z" && !e.shiftKey) return () => { history("undo"); };
      if (key === "y" || (key === "z" && e.shiftKey)) return () => { history("redo"); };
      if (key === "s" && e.shiftKey) return () => { fileCommand(() => call("save_as", {}), "已保存"); };
      if (key === "s") return () => { fileCommand(() => call("save", {}), "已保存"); };
      if (key === "o") return () => { fileCommand(() => call("open_dialog", {}), "已打开"); };
      if (key === "n") return () => { fileCommand(() => call("new_report", {}), "已新建"); };
      // Ctrl+P shows the pages (the webview's own print dialog would print the form).
      if (key === "p") return togglePreview;
      return null;
    };
    const run = act();
    if (!run) return;
    // The webview's own undo would fight the document's history in Rust.
    e.preventDefault();
    run();
  });
}

/** A file dropped onto the window: Rust opens or imports it and says so through this event. */
async function listenForDrops(): Promise<void> {
  await listen<Dropped>("dropped", (e) => {
    const { outcome, error } = e.payload;
    if (error) {
      banner(errorText(error));
      return;
    }
    if (outcome?.kind !== "done") return;
    byId("banner").hidden = true;
    applySnapshot(outcome.snapshot);
    showImportNotes(outcome.importNotes);
    status(`已打开拖入的文件：${outcome.snapshot.status.path ?? outcome.snapshot.status.title}`);
  });
}

async function start(): Promise<void> {
  const layout = await call("layout", {});
  const bar = toolbar();
  const { buttons, badges } = navigator(layout);
  const forms = buildForms(layout, byId("form"), {
    input: sendEdit,
    leave,
    choose: (path) => {
      const f = fieldOf(path);
      const value = f?.choice?.dataset.value;
      if (!f || value === undefined) return;
      f.el.value = value;
      sendEdit(path, value);
      leave(path);
      // Chosen from the keyboard (Tab, then Enter): typing goes on in the cell.
      if (document.activeElement === f.choice) f.el.focus();
    },
    fillEmpty,
    generate,
  });
  const view = new View(layout, forms, badges, byId("findings"), jump, applyFix, explainFinding);
  app = {
    layout,
    forms,
    view,
    section: "meta",
    revision: 0,
    navButtons: buttons,
    undoButton: bar.undo,
    redoButton: bar.redo,
    recentList: bar.recentList,
    recentMenu: bar.recentMenu,
    undoLabel: null,
    redoLabel: null,
  };
  const pathOf = (el: HTMLInputElement): FieldPath | null => {
    const p = el.dataset.path;
    return p && forms.fields.has(p) ? (p as FieldPath) : null;
  };
  for (const g of forms.grids) {
    attachKeys(g);
    attachPaste(g, pathOf, paste);
  }
  byId("form").addEventListener("focusin", (e) => {
    const p = e.target instanceof HTMLElement ? e.target.dataset.path : undefined;
    view.setFocused((p && forms.fields.get(p)) || null);
  });
  byId("form").addEventListener("focusout", () => {
    view.setFocused(null);
  });
  byId("statusbar").append(h("span", { id: "status-dirty" }), h("span", { id: "status-message", role: "status" }));
  line = new StatusLine(byId("status-message"));
  shortcuts();
  await listenForDrops();
  // The tables' columns follow the form's width (the window, the side panels), never its content.
  const formEl = byId("form");
  let sizedFor = -1;
  const sizeTables = (): void => {
    const st = getComputedStyle(formEl);
    const avail = Math.min(980, Math.floor(formEl.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight)));
    if (avail <= 0 || avail === sizedFor) return;
    sizedFor = avail;
    sizeGrids(forms.grids, avail);
    view.schedulePlacement();
  };
  new ResizeObserver(sizeTables).observe(formEl);
  // Words are measured in the page's font: again once every face has loaded.
  void document.fonts.ready.then(() => {
    sizedFor = -1;
    sizeTables();
  });
  // The bubble is fixed to the window: it follows its cell when the form or a table scrolls.
  document.addEventListener("scroll", () => { view.schedulePlacement(); }, true);
  window.addEventListener("resize", () => { view.schedulePlacement(); });
  document.body.dataset.view = "editor";
  applySnapshot(await call("snapshot", {}));
  showSection("meta");
  document.body.dataset.ready = "true";
}

start().catch((e: unknown) => {
  banner(errorText(e));
});
