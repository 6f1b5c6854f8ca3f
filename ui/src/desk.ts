// 批量审核: the 政府办's desk. The list lives in Rust (it survives opening a report and coming
// back); this page keeps a copy of its rows, sorts and filters them, and draws only the rows in
// view, so 10,000 reports scroll as smoothly as ten.

import { listen } from "@tauri-apps/api/event";
import type {
  DeskBatch,
  DeskDropped,
  DeskFinding,
  DeskRow,
  DeskStarted,
  FileOutcome,
  SheetFormat,
} from "./bindings";
import { h, imeKey, setText } from "./dom";
import { call, errorText } from "./ipc";

/** Each row is this tall (CSS `.desk-row` agrees): where a row is follows from its index. */
export const ROW_HEIGHT = 30;
/** Rows drawn beyond the visible ones, so a quick scroll shows no gap before the next frame. */
const OVERSCAN = 6;

type SortKey = "added" | "agency" | "year" | "kind" | "errors" | "warnings" | "infos" | "summary";
type Filter = "all" | "errors" | "unreadable";

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "agency", label: "单位（文件）", numeric: false },
  { key: "year", label: "年度", numeric: true },
  { key: "kind", label: "类型", numeric: false },
  { key: "errors", label: "错误", numeric: true },
  { key: "warnings", label: "警告", numeric: true },
  { key: "infos", label: "提示", numeric: true },
  { key: "summary", label: "主要问题 / 读不了的原因", numeric: false },
];

export interface DeskHost {
  banner: (text: string, kind?: "error" | "info") => void;
  status: (text: string) => void;
  /** A report the desk opened (打开 or 生成汇总): the editor shows it. */
  opened: (outcome: FileOutcome, done: string) => void;
  agencyKinds: string[];
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

/** The row's first 错误, and what became of its findings since the folder's previous check. */
function withCounts(r: DeskRow): string {
  const summary = r.summary || "没有错误";
  const c = r.counts;
  if (!c) return summary;
  const parts = [`已改正 ${String(c.fixed)}`, `仍存在 ${String(c.open)}`, `新出现 ${String(c.new)}`];
  if (c.explained > 0) parts.push(`已说明 ${String(c.explained)}`);
  return `${parts.join("，")} · ${summary}`;
}

function rowLabel(r: DeskRow): string {
  return r.agency.trim() || r.name;
}

export class Desk {
  private readonly host: DeskHost;
  private rows: (DeskRow | undefined)[] = [];
  /** Ids of the rows shown, in the order shown. */
  private order: number[] = [];
  private sortKey: SortKey = "added";
  private descending = false;
  private filter: Filter = "all";
  private query = "";
  private selected: number | null = null;
  private job = 0;
  /** The latest job whose last batch has arrived. */
  private lastFinished = 0;
  private orderDue = false;
  private lastOrdered = 0;
  private frame = 0;
  private readonly body: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly pool: HTMLElement[] = [];
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly headButtons = new Map<SortKey, HTMLButtonElement>();
  /** Work per drawn frame (ms): read by the scroll benchmark (tests/e2e/desk-bench.mjs). */
  private readonly frameTimes: number[] = [];

  constructor(root: HTMLElement, host: DeskHost) {
    this.host = host;
    const button = (id: string, text: string, run: () => void, title?: string): HTMLButtonElement => {
      const b = h("button", { type: "button", id, text, title });
      b.addEventListener("click", run);
      return b;
    };
    this.cancelButton = button("desk-cancel", "停止", () => {
      // A click queued just as the check ended (the button is hidden then) would leave
      // "正在停止……" under its result.
      if (this.cancelButton.hidden) return;
      void call("desk_cancel", {});
      this.progressText.textContent = "正在停止……";
    });
    this.cancelButton.hidden = true;
    const exportMenu = h("details", { class: "recent", id: "desk-export-menu" }, h("summary", { text: "导出审核表" }));
    const exportList = h("ul", { class: "menu" });
    for (const [format, label] of [
      ["xlsx", "Excel 工作簿（.xlsx）"],
      ["csv", "CSV 表格（.csv，两个文件）"],
    ] as const) {
      const b = h("button", { type: "button", id: `desk-export-${format}`, text: label });
      b.addEventListener("click", () => {
        exportMenu.open = false;
        this.exportSheet(format);
      });
      exportList.append(h("li", {}, b));
    }
    const issues = h("button", { type: "button", id: "desk-export-issues", text: "导出问题清单（每个单位一份 Word）" });
    issues.addEventListener("click", () => {
      exportMenu.open = false;
      this.exportIssues();
    });
    exportList.append(h("li", {}, issues));
    exportMenu.append(exportList);
    const filter = h(
      "select",
      { id: "desk-filter", "aria-label": "筛选" },
      h("option", { value: "all", text: "全部报告" }),
      h("option", { value: "errors", text: "只看有错误的" }),
      h("option", { value: "unreadable", text: "只看读不了的" }),
    );
    filter.addEventListener("change", () => {
      this.filter = filter.value as Filter;
      this.reorder();
    });
    const search = h("input", {
      id: "desk-search",
      type: "search",
      placeholder: "按单位或文件名查找",
      "aria-label": "按单位或文件名查找",
    });
    search.addEventListener("input", () => {
      this.query = search.value.trim().toLowerCase();
      this.reorder();
    });
    this.progress = h("progress", { id: "desk-progress", max: 1, value: 0 });
    this.progress.hidden = true;
    this.progressText = h("span", { id: "desk-progress-text", role: "status" });
    this.counts = h("span", { id: "desk-counts" });
    const head = h("div", { class: "desk-row desk-head", role: "row" });
    for (const c of COLUMNS) {
      const b = h("button", { type: "button", "data-sort": c.key, class: c.numeric ? "num" : "", text: c.label });
      b.addEventListener("click", () => {
        this.sortBy(c.key);
      });
      this.headButtons.set(c.key, b);
      head.append(h("span", { role: "columnheader", "aria-sort": "none" }, b));
    }
    this.spacer = h("div", { class: "desk-spacer" });
    this.body = h("div", { id: "desk-body", class: "desk-body", tabindex: 0, role: "rowgroup", "aria-label": "审核结果列表" }, this.spacer);
    this.body.addEventListener("scroll", () => {
      this.scheduleDraw();
    });
    this.body.addEventListener("keydown", (e) => {
      this.onKey(e);
    });
    this.body.addEventListener("click", (e) => {
      const id = this.rowIdAt(e.target);
      if (id !== null) this.select(id);
    });
    this.body.addEventListener("dblclick", (e) => {
      const id = this.rowIdAt(e.target);
      if (id !== null) this.open(id);
    });
    this.detail = h("aside", { id: "desk-detail", "aria-label": "所选报告的问题" });
    this.drawDetailEmpty();
    root.replaceChildren(
      h(
        "div",
        { class: "desk-bar" },
        h("h2", { text: "批量审核" }),
        button("desk-add-files", "添加文件", () => {
          this.add(false);
        }),
        button("desk-add-folder", "添加文件夹", () => {
          this.add(true);
        }),
        button("desk-refresh", "刷新", () => {
          this.refresh();
        }, "只重新审核有改动的文件"),
        this.cancelButton,
        h("span", { class: "sep" }),
        button("desk-sum", "生成汇总", () => {
          this.askSum();
        }),
        exportMenu,
        button("desk-clear", "清空列表", () => {
          this.clear();
        }),
      ),
      h("div", { class: "desk-filters" }, filter, search, this.counts, this.progress, this.progressText),
      h("div", { class: "desk-main" }, h("div", { class: "desk-table", role: "grid", "aria-label": "批量审核" }, head, this.body), this.detail),
    );
    (globalThis as { nianbaoDeskFrames?: number[] }).nianbaoDeskFrames = this.frameTimes;
    new ResizeObserver(() => {
      this.scheduleDraw();
    }).observe(this.body);
  }

  /** Listens for batches of checked rows and for files dropped on the desk. */
  async listen(): Promise<void> {
    await listen<DeskBatch>("desk-rows", (e) => {
      this.take(e.payload);
    });
    await listen<DeskDropped>("desk-dropped", (e) => {
      const { started, error } = e.payload;
      if (error) this.host.banner(errorText(error));
      else if (started) this.started(started);
    });
  }

  /** The desk is shown: Rust's list replaces this copy (it may have changed meanwhile). */
  async show(): Promise<void> {
    const s = await call("desk_show", { shown: true });
    this.rows = [];
    for (const r of s.rows) this.rows[r.id] = r;
    this.setRunning(s.running, s.done, s.total);
    this.reorder();
    if (s.notice) this.host.banner(s.notice);
    this.body.focus();
  }

  hide(): void {
    void call("desk_show", { shown: false });
  }

  get count(): number {
    return this.order.length;
  }

  private add(folder: boolean): void {
    call("desk_add", { folder })
      .then((s) => {
        this.started(s);
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  private refresh(): void {
    call("desk_refresh", {})
      .then((s) => {
        this.started(s);
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  private clear(): void {
    call("desk_clear", {})
      .then(() => {
        this.rows = [];
        this.selected = null;
        this.drawDetailEmpty();
        this.reorder();
        this.progressText.textContent = "";
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  private started(s: DeskStarted): void {
    if (s.kind === "nothing") {
      if (s.message) this.host.status(s.message);
      return;
    }
    // The job's rows (even its last batch) may arrive before this answer does.
    if (s.job <= this.lastFinished) return;
    this.job = Math.max(this.job, s.job);
    this.setRunning(true, 0, 0);
  }

  private setRunning(running: boolean, done: number, total: number): void {
    this.cancelButton.hidden = !running;
    this.progress.hidden = !running;
    document.body.dataset.deskRunning = String(running);
    if (running) {
      this.progress.max = Math.max(total, 1);
      this.progress.value = done;
      this.progressText.textContent = total > 0 ? `正在审核 ${String(done)}/${String(total)} 份` : "正在查找文件……";
    }
  }

  private take(b: DeskBatch): void {
    // A stale batch of a job replaced since (ids only grow).
    if (b.job < this.job) return;
    this.job = b.job;
    for (const r of b.rows) this.rows[r.id] = r;
    // Progress of a job already seen to end must not turn the finished view back to "running".
    if (!b.finished && b.job <= this.lastFinished) {
      if (b.rows.length > 0) this.scheduleOrder();
      return;
    }
    if (b.finished) {
      this.lastFinished = Math.max(this.lastFinished, b.job);
      this.setRunning(false, b.done, b.total);
      this.progressText.textContent = b.cancelled
        ? `已停止：审核了 ${String(b.done)}/${String(b.total)} 份。点“刷新”可以接着审核其余的。`
        : `审核完成：本次审核 ${String(b.done)} 份。`;
      document.body.dataset.deskDone = String(b.job);
      this.reorder();
      if (this.selected !== null && b.rows.some((r) => r.id === this.selected)) this.select(this.selected);
      return;
    }
    this.setRunning(true, b.done, b.total);
    if (b.rows.length > 0) this.scheduleOrder();
  }

  /** While rows stream in, sorting 10,000 of them each batch would take the frames: at most 3/s. */
  private scheduleOrder(): void {
    if (this.orderDue) return;
    const wait = Math.max(0, 300 - (performance.now() - this.lastOrdered));
    this.orderDue = true;
    window.setTimeout(() => {
      this.orderDue = false;
      this.reorder();
    }, wait);
  }

  private matches(r: DeskRow): boolean {
    if (this.filter === "errors" && !(r.readable && r.errors > 0)) return false;
    if (this.filter === "unreadable" && (r.readable || r.pending)) return false;
    if (this.query) {
      const hay = `${r.agency} ${r.name}`.toLowerCase();
      if (!hay.includes(this.query)) return false;
    }
    return true;
  }

  private compare(a: DeskRow, b: DeskRow): number {
    // Unreadable rows have no counts: they sort as the worst (more than any count); rows not
    // checked yet just after them.
    const count = (r: DeskRow, k: "errors" | "warnings" | "infos"): number =>
      r.readable ? r[k] : r.pending ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER;
    switch (this.sortKey) {
      case "added":
        return a.id - b.id;
      case "agency":
        return collator.compare(rowLabel(a), rowLabel(b));
      case "year":
        return (a.year ?? 0) - (b.year ?? 0);
      case "kind":
        return collator.compare(a.kind, b.kind);
      case "summary":
        return collator.compare(a.summary, b.summary);
      default:
        return count(a, this.sortKey) - count(b, this.sortKey);
    }
  }

  private reorder(): void {
    this.lastOrdered = performance.now();
    const shown = this.rows.filter((r): r is DeskRow => r !== undefined && this.matches(r));
    const dir = this.descending ? -1 : 1;
    shown.sort((a, b) => dir * this.compare(a, b) || a.id - b.id);
    this.order = shown.map((r) => r.id);
    this.spacer.style.height = `${String(this.order.length * ROW_HEIGHT)}px`;
    this.body.setAttribute("aria-rowcount", String(this.order.length));
    const all = this.rows.filter((r): r is DeskRow => r !== undefined);
    const withErrors = all.filter((r) => r.readable && r.errors > 0).length;
    const unreadable = all.filter((r) => !r.readable && !r.pending).length;
    // Files 停止 never reached are not "读不了": they are counted apart, until 刷新 checks them.
    const pending = all.filter((r) => r.pending).length;
    this.counts.textContent = `共 ${String(all.length)} 份：有错误 ${String(withErrors)} 份，读不了 ${String(unreadable)} 份${
      pending > 0 ? `，未审核 ${String(pending)} 份` : ""
    }${this.order.length === all.length ? "" : `；显示 ${String(this.order.length)} 份`}`;
    this.scheduleDraw();
  }

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      // Counts are most useful worst first.
      this.descending = ["errors", "warnings", "infos"].includes(key);
    }
    for (const [k, b] of this.headButtons) {
      const state = k === this.sortKey ? (this.descending ? "descending" : "ascending") : "none";
      b.parentElement?.setAttribute("aria-sort", state);
      b.dataset.sorted = state;
    }
    this.reorder();
    this.reveal();
  }

  /** The list's height after the last draw; reading it makes the browser lay the rows out
   * inside the timed span. */
  listHeight = 0;

  private scheduleDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const t0 = performance.now();
      this.draw();
      // Layout is forced here, so the time below is the frame's whole work for the list.
      this.listHeight = this.body.scrollHeight;
      this.frameTimes.push(performance.now() - t0);
      if (this.frameTimes.length > 2000) this.frameTimes.splice(0, 1000);
    });
  }

  private draw(): void {
    const top = this.body.scrollTop;
    const height = this.body.clientHeight;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.order.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const need = last - first;
    while (this.pool.length < need) {
      const row = h("div", { class: "desk-row", role: "row" });
      for (const c of COLUMNS) row.append(h("span", { role: "gridcell", class: c.numeric ? "num" : "" }));
      this.pool.push(row);
      this.body.append(row);
    }
    for (let i = 0; i < this.pool.length; i++) {
      const el = this.pool[i];
      if (!el) continue;
      const index = first + i;
      const id = this.order[index];
      const r = id === undefined ? undefined : this.rows[id];
      if (i >= need || !r) {
        el.hidden = true;
        continue;
      }
      el.hidden = false;
      el.style.transform = `translateY(${String(index * ROW_HEIGHT)}px)`;
      el.dataset.id = String(r.id);
      el.setAttribute("aria-rowindex", String(index + 1));
      el.setAttribute("aria-selected", String(r.id === this.selected));
      const state = r.readable ? (r.errors > 0 ? " has-errors" : "") : r.pending ? " pending" : " unreadable";
      el.className = `desk-row${state}${r.id === this.selected ? " selected" : ""}`;
      el.title = r.path;
      const cells = el.children;
      const text = [
        rowLabel(r),
        r.year === null ? "—" : String(r.year),
        r.kind || "—",
        r.readable ? String(r.errors) : "—",
        r.readable ? String(r.warnings) : "—",
        r.readable ? String(r.infos) : "—",
        r.readable ? withCounts(r) : r.pending ? r.summary : `读不了：${r.summary}`,
      ];
      text.forEach((t, c) => {
        const cell = cells[c];
        if (cell instanceof HTMLElement) setText(cell, t);
      });
    }
  }

  private rowIdAt(target: EventTarget | null): number | null {
    const row = target instanceof HTMLElement ? target.closest<HTMLElement>(".desk-row[data-id]") : null;
    const id = row?.dataset.id;
    return id === undefined ? null : Number(id);
  }

  /** Scrolls the selected row into view. */
  private reveal(): void {
    if (this.selected === null) return;
    const index = this.order.indexOf(this.selected);
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    const view = this.body.clientHeight;
    if (top < this.body.scrollTop) this.body.scrollTop = top;
    else if (top + ROW_HEIGHT > this.body.scrollTop + view) this.body.scrollTop = top + ROW_HEIGHT - view;
    this.scheduleDraw();
  }

  private select(id: number): void {
    this.selected = id;
    this.scheduleDraw();
    const r = this.rows[id];
    if (!r) return;
    this.drawDetail(r, null);
    if (!r.readable) return;
    call("desk_findings", { id })
      .then((list) => {
        if (this.selected === id) this.drawDetail(r, list);
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  private onKey(e: KeyboardEvent): void {
    if (imeKey(e) || this.order.length === 0) return;
    const at = this.selected === null ? -1 : this.order.indexOf(this.selected);
    const page = Math.max(1, Math.floor(this.body.clientHeight / ROW_HEIGHT) - 1);
    let next: number | null = null;
    switch (e.key) {
      case "ArrowDown":
        next = at + 1;
        break;
      case "ArrowUp":
        next = Math.max(0, at - 1);
        break;
      case "PageDown":
        next = at + page;
        break;
      case "PageUp":
        next = Math.max(0, at - page);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = this.order.length - 1;
        break;
      case "Enter":
        if (this.selected !== null) {
          e.preventDefault();
          this.open(this.selected);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    const id = this.order[Math.min(this.order.length - 1, Math.max(0, next))];
    if (id === undefined) return;
    this.select(id);
    this.reveal();
  }

  private drawDetailEmpty(): void {
    this.detail.replaceChildren(
      h("p", { class: "empty", text: "在左边的列表中选一份报告，这里显示它的全部问题。双击或按回车键打开它。" }),
    );
  }

  private drawDetail(r: DeskRow, list: DeskFinding[] | null): void {
    const open = h("button", { type: "button", id: "desk-open", class: "primary", text: "打开这份报告" });
    open.addEventListener("click", () => {
      this.open(r.id);
    });
    const own = h("button", { type: "button", id: "desk-mark-own", text: "设为本级汇总" });
    own.title = "把这份报告作为本级政府的年报，逐格与同年度其他报告之和比较";
    own.addEventListener("click", () => {
      this.markOwn(r.id);
    });
    const head = h(
      "div",
      { class: "desk-detail-head" },
      h("h3", { text: rowLabel(r) }),
      h("p", { class: "file", text: r.path }),
      open,
      r.readable ? own : null,
    );
    if (!r.readable) {
      this.detail.replaceChildren(
        head,
        r.pending
          ? h("p", { class: "hint", text: r.summary })
          : h("p", { class: "hint sev-error", text: `这份文件读不了：${r.summary}` }),
      );
      return;
    }
    if (list === null) {
      this.detail.replaceChildren(head, h("p", { class: "empty", text: "正在读取……" }));
      return;
    }
    const items = list.map((f) =>
      h(
        "li",
        { class: `hint sev-${f.severity === "错误" ? "error" : f.severity === "警告" ? "warning" : "info"}` },
        h("span", { class: "tag", text: f.severity }),
        h("span", { class: "msg", text: `${f.status ? `【${f.status}】` : ""}${f.location}：${f.message}` }),
        f.suggestion ? h("span", { class: "fix", text: f.suggestion }) : null,
        f.fingerprint ? this.decideControls(r, f.fingerprint, f.decision) : null,
      ),
    );
    this.detail.replaceChildren(
      head,
      list.length === 0 ? h("p", { class: "empty", text: "这份报告没有发现问题。" }) : h("ul", { class: "desk-findings" }, ...items),
    );
  }

  private open(id: number): void {
    call("desk_open", { id })
      .then((outcome) => {
        this.host.opened(outcome, "已打开");
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  /** 确认 / 驳回 (with its reason typed in a box: prompt() does nothing in some webviews). */
  private decideControls(r: DeskRow, fingerprint: string, decision: string | null): HTMLElement {
    const send = (kind: "confirm" | "reject" | "", reason: string): void => {
      call("desk_decide", { id: r.id, fingerprint, decision: kind, reason })
        .then((list) => {
          if (this.selected === r.id) this.drawDetail(r, list);
        })
        .catch((e: unknown) => {
          this.host.banner(errorText(e));
        });
    };
    const said = h("span", { class: "decision", text: decision ? `审核意见：${decision}` : "" });
    const confirm = h("button", { type: "button", class: "decide-confirm", text: "确认" });
    confirm.addEventListener("click", () => {
      send("confirm", "");
    });
    const reason = h("input", { type: "text", class: "decide-reason", placeholder: "驳回的理由", "aria-label": "驳回的理由" });
    const go = h("button", { type: "button", class: "decide-go", text: "驳回" });
    go.addEventListener("click", () => {
      send("reject", reason.value);
    });
    const undo = h("button", { type: "button", class: "decide-undo", text: "撤销意见" });
    undo.addEventListener("click", () => {
      send("", "");
    });
    return h("span", { class: "fix desk-decide" }, said, confirm, reason, go, decision ? undo : null);
  }

  private markOwn(id: number): void {
    call("desk_mark_own", { id })
      .then((row) => {
        this.rows[row.id] = row;
        this.host.status(`已把“${rowLabel(row)}”设为本级汇总，并与同年度其他报告之和逐格比较。`);
        this.reorder();
        this.select(row.id);
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  private exportIssues(): void {
    this.host.status("正在导出问题清单……");
    call("desk_export_issues", {})
      .then((r) => {
        if (r.kind === "done") {
          this.host.status(r.message);
          this.host.banner(r.message, "info");
        } else this.host.status("");
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  private exportSheet(format: SheetFormat): void {
    this.host.status("正在导出审核表……");
    call("desk_export", { format })
      .then((r) => {
        if (r.kind === "done") {
          this.host.status(r.message);
          this.host.banner(r.message, "info");
        } else this.host.status("");
      })
      .catch((e: unknown) => {
        this.host.banner(errorText(e));
      });
  }

  /** 生成汇总 asks for whom the sum is and whether reports with table 错误 count. */
  private askSum(): void {
    const all = this.rows.filter((r): r is DeskRow => r !== undefined && r.readable);
    if (all.length === 0) {
      this.host.banner("列表中没有可以读取的报告。请先添加各单位的年报，再生成汇总。");
      return;
    }
    const years = new Map<number, number>();
    for (const r of all) if (r.year !== null) years.set(r.year, (years.get(r.year) ?? 0) + 1);
    const byCount = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    const flagged = all.filter((r) => r.errors > 0).length;
    const agency = h("input", { id: "desk-sum-agency", type: "text", placeholder: "例如：某某县人民政府" });
    const kind = h("select", { id: "desk-sum-kind" });
    for (const k of this.host.agencyKinds) kind.append(h("option", { value: k, text: k }));
    const year = h("select", { id: "desk-sum-year" });
    for (const [y, n] of byCount) year.append(h("option", { value: y, text: `${String(y)} 年（${String(n)} 份）` }));
    const include = h("input", { id: "desk-sum-include", type: "checkbox" });
    const go = h("button", { type: "submit", id: "desk-sum-go", class: "primary", text: "生成汇总" });
    const cancel = h("button", { type: "button", text: "取消" });
    const dialog = h(
      "dialog",
      { id: "desk-sum-dialog", "aria-label": "生成汇总" },
      h(
        "form",
        { method: "dialog" },
        h("h3", { text: "生成汇总" }),
        h("p", { text: "把列表中能读取的报告的表二、表三、表四逐格相加，作为一份新的、尚未保存的年报打开。正文请汇总单位自行撰写。" }),
        h("label", {}, "汇总单位名称", agency),
        h("label", {}, "机关类别", kind),
        h("label", {}, "年度（其他年度的报告不计入，并逐一列出）", year),
        h(
          "label",
          { class: "check" },
          include,
          flagged > 0 ? `也计入表格有错误的 ${String(flagged)} 份报告（不勾选则不计入，并逐一列出）` : "也计入表格有错误的报告（目前没有）",
        ),
        h("div", { class: "buttons" }, go, cancel),
      ),
    );
    cancel.addEventListener("click", () => {
      dialog.close();
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
    });
    go.addEventListener("click", (e) => {
      e.preventDefault();
      dialog.close();
      call("desk_sum", {
        request: { agency: agency.value, kind: kind.value, year: Number(year.value), includeFlagged: include.checked },
      })
        .then((outcome) => {
          this.host.opened(outcome, "已生成汇总");
        })
        .catch((err: unknown) => {
          this.host.banner(errorText(err));
        });
    });
    document.body.append(dialog);
    if (byCount.length === 0) year.append(h("option", { value: new Date().getFullYear() - 1, text: "（报告都没有有效年度）" }));
    dialog.showModal();
    agency.focus();
  }
}
