// Draws what Rust says about the document: field values, hints beside the fields, the totals
// the tables should have, per-section counts in the navigator and the findings list.

import type { DiagnosticDto, FieldPath, FixDto, Layout, SectionKey } from "./bindings";
import { CROWDS, HIDES, boxOf, clip, place, type Obstacle } from "./bubble";
import { clear, h, setText } from "./dom";
import { explainButton, explanationNote, summaryText, type Explain } from "./explain";
import type { Field, Forms, Grid } from "./forms";

/** Findings that list every empty cell of a table: the bubble says what they mean for its cell. */
const EMPTY_SUMMARIES = new Set(["CELL-EMPTY", "TABLE-PROGRESS"]);

/** What a list of hints draws: unchanged keys leave the DOM alone (a click stays a click). */
function keyOf(list: DiagnosticDto[]): string {
  return list.map((d) => d.code + d.message + (d.fix ? `\u0000${d.fix.label}@${d.fix.path}:${String(d.fix.start)}` : "")).join("\n");
}

const SEVERITY_CLASS = { error: "sev-error", warning: "sev-warning", info: "sev-info" } as const;

/** "+3", "−12", "持平" — or "" when either side is not a plain number. Exact for counts (digit
 * strings compared as BigInt) and for fees to four decimals. */
function change(before: string, now: string): string {
  const num = /^\d+(\.\d+)?$/;
  if (!num.test(before) || !num.test(now)) return "";
  const scale = (s: string): bigint => {
    const [i = "0", f = ""] = s.split(".");
    return BigInt(i + f.padEnd(4, "0").slice(0, 4));
  };
  const d = scale(now) - scale(before);
  if (d === 0n) return "持平";
  const abs = d < 0n ? -d : d;
  const whole = abs / 10000n;
  const frac = abs % 10000n;
  const text = frac === 0n ? whole.toString() : `${whole}.${frac.toString().padStart(4, "0").replace(/0+$/, "")}`;
  return `${d < 0n ? "−" : "+"}${text}`;
}

export class View {
  private diagnostics: DiagnosticDto[] = [];
  private computed: Partial<Record<FieldPath, string>> = {};
  /** Elements carrying a severity mark, to clear before the next round. */
  private marked: HTMLElement[] = [];
  private byPath = new Map<string, DiagnosticDto[]>();
  private focused: Field | null = null;
  private placing = false;

  constructor(
    private layout: Layout,
    private forms: Forms,
    private nav: Map<SectionKey, { errors: HTMLElement; warnings: HTMLElement }>,
    private findings: HTMLElement,
    private jump: (d: DiagnosticDto) => void,
    private fix: (f: FixDto) => void,
    private explain: Explain,
  ) {}

  private previous: Partial<Record<string, string>> = {};
  private previousYear: number | null = null;

  /** Last year's figures, by cell (after open, new, import, 关联上年年报). */
  setPrevious(previous: Partial<Record<string, string>>, year: number | null): void {
    this.previous = previous;
    this.previousYear = year;
    document.body.classList.toggle("has-prev", year !== null);
    this.drawPrevious();
  }

  /** Under each cell: 上年 N and the change; coloured only when a YEAR-CHANGE rule fires there. */
  private drawPrevious(): void {
    for (const f of this.forms.fields.values()) {
      if (!f.prev) continue;
      const before = this.previous[f.path];
      if (before === undefined || this.previousYear === null) {
        f.prev.hidden = true;
        continue;
      }
      const now = f.el.value.trim();
      const delta = change(before, now);
      const base = `上年 ${before}`;
      const tail = delta ? `（${delta}）` : "";
      // The change is a span of its own: a narrow window drops "（持平）" (the tooltip keeps it)
      // rather than scroll table 三 sideways.
      if (f.prev.textContent !== base + tail) {
        f.prev.replaceChildren(
          // "上年" is dropped in a narrow window (the toggle says what the small figures are).
          h("span", { class: "base" }, h("span", { class: "word", text: "上年 " }), before),
          ...(tail ? [h("span", { class: delta === "持平" ? "delta same" : "delta", text: tail })] : []),
        );
        // A narrow column cuts the line short: the whole of it on hover.
        f.prev.title = base + tail;
      }
      const title = `${f.el.getAttribute("aria-label") ?? ""}\n${this.previousYear} 年：${before}${now ? `；本年：${now}` : ""}${delta ? `；增减 ${delta}` : ""}`;
      if (f.el.title !== title) f.el.title = title;
      const flagged = (this.byPath.get(f.path) ?? []).some((d) => d.code.startsWith("YEAR-CHANGE"));
      f.prev.classList.toggle("flag", flagged);
      f.prev.hidden = false;
    }
  }

  setValue(path: string, text: string): void {
    const f = this.forms.fields.get(path);
    if (!f) return;
    if (f.el.value !== text) f.el.value = text;
    this.updateChoice(f);
  }

  setFocused(f: Field | null): void {
    this.focused = f;
    for (const g of this.forms.grids) this.drawBubble(g);
  }

  update(diagnostics: DiagnosticDto[], computed: Partial<Record<FieldPath, string>>): void {
    this.diagnostics = diagnostics;
    this.computed = computed;
    this.byPath.clear();
    for (const d of diagnostics) {
      for (const p of d.paths) {
        const list = this.byPath.get(p);
        if (list) list.push(d);
        else this.byPath.set(p, [d]);
      }
    }
    this.drawMarks();
    this.drawFieldHints();
    for (const g of this.forms.grids) {
      this.drawBubble(g);
      this.drawTableList(g);
    }
    for (const f of this.forms.fields.values()) if (f.choice) this.updateChoice(f);
    if (this.previousYear !== null) this.drawPrevious();
    this.drawNav();
    this.drawFindings();
  }

  private drawMarks(): void {
    for (const el of this.marked) el.classList.remove("sev-error", "sev-warning", "sev-info", "sev-first");
    this.marked = [];
    for (const [path, list] of this.byPath) {
      const f = this.forms.fields.get(path);
      if (!f) continue;
      const target = f.grid ? (f.el.parentElement ?? f.el) : f.el;
      const worst = list[0];
      if (!worst) continue;
      target.classList.add(SEVERITY_CLASS[worst.severity]);
      if (list.some((d) => d.paths[0] === path)) target.classList.add("sev-first");
      this.marked.push(target);
    }
  }

  private hintItem(d: DiagnosticDto): HTMLElement {
    return h(
      "div",
      { class: `hint ${SEVERITY_CLASS[d.severity]}`, "data-code": d.code, "data-paths": d.paths.join(" ") },
      h("span", { class: "tag", text: d.severityLabel }),
      h("span", { class: "msg", text: d.message }),
      h("span", { class: "fix", text: d.hint }),
      this.fixButton(d),
    );
  }

  /** "改为 147": the finding's quick fix, applied in Rust as one undo step. */
  private fixButton(d: DiagnosticDto): HTMLButtonElement | null {
    const fix = d.fix;
    // A total's cell already offers its sum beside it (应为 N): one button is enough. A total
    // typed as "1,200" gets its own fix (the 应为 N button shows only beside a plain number).
    if (!fix || (this.forms.fields.get(fix.path)?.choice && d.code !== "CELL-NOT-NUMBER")) return null;
    const b = h("button", {
      type: "button",
      class: "quickfix",
      "data-code": d.code,
      "data-path": fix.path,
      text: fix.label,
      title: `把“${fix.found}”改为“${fix.replacement}”`,
    });
    b.addEventListener("click", () => {
      this.fix(fix);
    });
    return b;
  }

  /** Text fields: hints under the field that the finding names first; section-wide ones on top. */
  private drawFieldHints(): void {
    const bins = new Map<HTMLElement, DiagnosticDto[]>();
    for (const d of this.diagnostics) {
      const first = d.paths[0];
      let box: HTMLElement | null | undefined = null;
      const f = first ? this.forms.fields.get(first) : undefined;
      if (f) {
        if (f.grid) continue; // tables have their own bubble and list
        box = f.hints;
      } else {
        const section = d.section ?? "meta";
        box = this.forms.sectionHints.get(section);
      }
      if (!box) continue;
      const list = bins.get(box);
      if (list) list.push(d);
      else bins.set(box, [d]);
    }
    const boxes = [
      ...this.forms.sectionHints.values(),
      ...[...this.forms.fields.values()].flatMap((f) => (f.hints ? [f.hints] : [])),
    ];
    for (const box of boxes) {
      const list = bins.get(box) ?? [];
      const key = keyOf(list);
      if (box.dataset.key === key) continue; // unchanged: leave the DOM alone
      box.dataset.key = key;
      box.replaceChildren(...list.map((d) => this.hintItem(d)));
    }
  }

  /**
   * The bubble beside the focused cell: the findings about that cell. A summary of many cells
   * ("表三有 166 个格子没有填写") speaks of others, so the bubble says only what it means here.
   */
  private drawBubble(g: Grid): void {
    const f = this.focused;
    const all = f && f.grid === g ? (this.byPath.get(f.path) ?? []) : [];
    const list = all.filter((d) => !EMPTY_SUMMARIES.has(d.code) || d.paths.length === 1);
    const emptyHere = all.length > list.length;
    if ((list.length === 0 && !emptyHere) || !f) {
      g.bubble.hidden = true;
      g.bubble.dataset.key = "";
      clear(g.bubble);
      return;
    }
    const key = f.path + (emptyHere ? "\nempty" : "") + keyOf(list);
    if (g.bubble.dataset.key !== key) {
      g.bubble.dataset.key = key;
      const items = list.map((d) => this.hintItem(d));
      if (emptyHere) {
        items.push(
          h(
            "div",
            { class: "hint sev-warning", "data-code": "CELL-EMPTY" },
            h("span", { class: "tag", text: "警告" }),
            h("span", { class: "msg", text: "这一格还没有填写。" }),
            h("span", { class: "fix", text: "没有发生的情形请填 0。" }),
          ),
        );
      }
      g.bubble.replaceChildren(...items);
    }
    if (g.bubble.hidden || g.bubble.dataset.placedFor !== f.path) {
      // Not shown where it was until it is placed beside this cell.
      g.bubble.style.visibility = "hidden";
      g.bubble.dataset.placedFor = f.path;
    }
    g.bubble.hidden = false;
    this.schedulePlacement();
  }

  /**
   * Places the visible bubble after the next layout, not during the reply: reading positions
   * here would force a layout of the whole form on every keystroke.
   */
  schedulePlacement(): void {
    if (this.placing) return;
    this.placing = true;
    requestAnimationFrame(() => {
      this.placing = false;
      const f = this.focused;
      const g = f?.grid;
      if (!f || !g || g.bubble.hidden) return;
      const cell = f.el.parentElement ?? f.el;
      const named = new Set<string>();
      for (const d of this.byPath.get(f.path) ?? []) {
        if (EMPTY_SUMMARIES.has(d.code)) continue;
        for (const p of d.paths) if (p !== f.path) named.add(p);
      }
      const form = boxOf(g.wrap.closest("#form") ?? document.documentElement);
      const inForm = (el: Element, weight: number): Obstacle[] => {
        const b = clip(boxOf(el), form);
        return b ? [{ box: b, weight }] : [];
      };
      const obstacles: Obstacle[] = [
        ...[...named].flatMap((p) => {
          const el = this.forms.fields.get(p)?.el;
          return el && el.offsetParent !== null ? inForm(el.parentElement ?? el, HIDES) : [];
        }),
        // The header row of the cell it speaks of, and the buttons above the table.
        ...[...(g.table.tHead?.querySelectorAll("th") ?? [])].flatMap((th) => inForm(th, HIDES)),
        ...[...(g.wrap.parentElement?.querySelectorAll(".table-tools button, .table-tools label") ?? [])].flatMap((b) =>
          b.getClientRects().length > 0 ? inForm(b, HIDES) : [],
        ),
        ...[...document.querySelectorAll("#toolbar button, #toolbar summary")].map((b) => ({ box: boxOf(b), weight: HIDES })),
        ...[...document.querySelectorAll("#nav, #side")].map((el) => ({ box: boxOf(el), weight: CROWDS })),
      ];
      const view = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
      // Narrower is taller: the widest bubble that covers least, of three.
      const widths = [420, 340, 260].filter((w, i) => i === 0 || w <= view.width - 16);
      let chosen: { width: number; at: { left: number; top: number }; cost: number } | null = null;
      for (const w of widths) {
        g.bubble.style.width = `${Math.min(w, view.width - 16)}px`;
        const size = { width: g.bubble.offsetWidth, height: g.bubble.offsetHeight };
        const { at, cost } = place(boxOf(cell), size, obstacles, view);
        if (!chosen || cost < chosen.cost) chosen = { width: w, at, cost };
        if (cost === 0) break;
      }
      if (!chosen) return;
      g.bubble.style.width = `${Math.min(chosen.width, view.width - 16)}px`;
      g.bubble.style.left = `${Math.round(chosen.at.left)}px`;
      g.bubble.style.top = `${Math.round(chosen.at.top)}px`;
      g.bubble.style.visibility = "";
    });
  }

  /** Under each table: the findings about it, so they stay visible when no cell is focused. */
  private drawTableList(g: Grid): void {
    const list = this.diagnostics.filter((d) => {
      const first = d.paths[0];
      return first !== undefined && this.forms.fields.get(first)?.grid === g;
    });
    const key = keyOf(list);
    if (g.list.dataset.key === key) return;
    g.list.dataset.key = key;
    g.list.replaceChildren(...list.map((d) => this.hintItem(d)));
  }

  /** Stated totals that differ from the computed value offer the computed one beside them. */
  private updateChoice(f: Field): void {
    if (!f.choice) return;
    const computed = this.computed[f.path];
    const stated = f.el.value.trim();
    if (computed === undefined) {
      f.choice.hidden = true;
      return;
    }
    if (f.el instanceof HTMLInputElement) f.el.placeholder = computed;
    // Compared as digit strings: Number() would round counts above 2^53.
    const differs = /^\d+$/.test(stated) && stated.replace(/^0+(?=\d)/, "") !== computed;
    f.choice.hidden = !differs;
    if (differs) {
      setText(f.choice, `应为 ${computed}`);
      f.choice.title = `表中所填为 ${stated}，按各项相加应为 ${computed}。点击改用 ${computed}；不点则保留所填数字。`;
      f.choice.dataset.value = computed;
    }
  }

  private drawNav(): void {
    for (const [key, badges] of this.nav) {
      let errors = 0;
      let warnings = 0;
      for (const d of this.diagnostics) {
        if ((d.section ?? "meta") !== key) continue;
        if (d.severity === "error") errors++;
        // An explained 警告 needs nothing more from the author: the navigator counts what is open.
        else if (d.severity === "warning" && d.explanation === null) warnings++;
      }
      setText(badges.errors, errors ? `错误 ${errors}` : "");
      badges.errors.hidden = errors === 0;
      setText(badges.warnings, warnings ? `警告 ${warnings}` : "");
      badges.warnings.hidden = warnings === 0;
    }
  }

  /** The findings in the order the list shows them: by section, then as the validator gave them. */
  ordered(): DiagnosticDto[] {
    return this.layout.sections.flatMap((s) => this.diagnostics.filter((d) => (d.section ?? "meta") === s.key));
  }

  private drawFindings(): void {
    const key =
      keyOf(this.diagnostics) + this.diagnostics.map((d) => `${d.hint}\u0000${d.explanation ?? ""}`).join("\n");
    if (this.findings.dataset.key === key && this.findings.childElementCount > 0) return;
    this.findings.dataset.key = key;
    const summary = summaryText(this.diagnostics);
    const body: HTMLElement[] = [
      h("h2", { text: "审核结果" }),
      h("p", { class: "summary", text: summary }),
    ];
    for (const s of this.layout.sections) {
      const list = this.diagnostics.filter((d) => (d.section ?? "meta") === s.key);
      if (list.length === 0) continue;
      const items = list.map((d) => {
        const b = h(
          "button",
          {
            type: "button",
            class: `finding ${SEVERITY_CLASS[d.severity]}${d.explanation === null ? "" : " explained"}`,
            "data-code": d.code,
            "data-path": d.paths[0] ?? "",
          },
          h("span", { class: "tag", text: d.severityLabel }),
          h("span", { class: "loc", text: d.location }),
          h("span", { class: "msg", text: d.message }),
          h("span", { class: "fix", text: d.hint }),
          explanationNote(d),
        );
        b.addEventListener("click", () => {
          this.jump(d);
        });
        const slot = h("div", { class: "explain-slot" });
        return h("li", {}, b, this.fixButton(d), explainButton(d, slot, this.explain), slot);
      });
      body.push(h("section", { class: "group" }, h("h3", { text: s.heading }), h("ul", {}, ...items)));
    }
    this.findings.replaceChildren(...body);
  }
}
