// Draws what Rust says about the document: field values, hints beside the fields, the totals
// the tables should have, per-section counts in the navigator and the findings list.

import type { DiagnosticDto, FieldPath, Layout, SectionKey } from "./bindings";
import { clear, h, setText } from "./dom";
import type { Field, Forms, Grid } from "./forms";

const SEVERITY_CLASS = { error: "sev-error", warning: "sev-warning", info: "sev-info" } as const;

export class View {
  private diagnostics: DiagnosticDto[] = [];
  private computed: Partial<Record<FieldPath, string>> = {};
  /** Elements carrying a severity mark, to clear before the next round. */
  private marked: HTMLElement[] = [];
  private byPath = new Map<string, DiagnosticDto[]>();
  private focused: Field | null = null;

  constructor(
    private layout: Layout,
    private forms: Forms,
    private nav: Map<SectionKey, { errors: HTMLElement; warnings: HTMLElement }>,
    private findings: HTMLElement,
    private jump: (d: DiagnosticDto) => void,
  ) {}

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
      { class: `hint ${SEVERITY_CLASS[d.severity]}`, "data-code": d.code },
      h("span", { class: "tag", text: d.severityLabel }),
      h("span", { class: "msg", text: d.message }),
      h("span", { class: "fix", text: d.hint }),
    );
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
      const key = list.map((d) => d.code + d.message).join("\n");
      if (box.dataset.key === key) continue; // unchanged: leave the DOM alone
      box.dataset.key = key;
      box.replaceChildren(...list.map((d) => this.hintItem(d)));
    }
  }

  /** The bubble under the focused cell: every finding that concerns that cell. */
  private drawBubble(g: Grid): void {
    const f = this.focused;
    const list = f && f.grid === g ? (this.byPath.get(f.path) ?? []) : [];
    if (list.length === 0 || !f) {
      g.bubble.hidden = true;
      g.bubble.dataset.key = "";
      clear(g.bubble);
      return;
    }
    const key = f.path + list.map((d) => d.code + d.message).join("\n");
    if (g.bubble.dataset.key !== key) {
      g.bubble.dataset.key = key;
      g.bubble.replaceChildren(...list.map((d) => this.hintItem(d)));
    }
    // Placed by CSS inside the cell, not by measuring it: reading offsets here would force a
    // layout of the whole form on every keystroke (most of the input-to-hint time).
    const cell = f.el.parentElement ?? f.el;
    if (g.bubble.parentElement !== cell) cell.append(g.bubble);
    if (cell instanceof HTMLTableCellElement && cell.parentElement instanceof HTMLTableRowElement) {
      g.bubble.classList.toggle("right", cell.cellIndex > cell.parentElement.cells.length / 2);
    }
    g.bubble.hidden = false;
  }

  /** Under each table: the findings about it, so they stay visible when no cell is focused. */
  private drawTableList(g: Grid): void {
    const list = this.diagnostics.filter((d) => {
      const first = d.paths[0];
      return first !== undefined && this.forms.fields.get(first)?.grid === g;
    });
    const key = list.map((d) => d.code + d.message).join("\n");
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
        else if (d.severity === "warning") warnings++;
      }
      setText(badges.errors, errors ? `错误 ${errors}` : "");
      badges.errors.hidden = errors === 0;
      setText(badges.warnings, warnings ? `警告 ${warnings}` : "");
      badges.warnings.hidden = warnings === 0;
    }
  }

  private drawFindings(): void {
    const key = this.diagnostics.map((d) => d.code + d.message + d.hint).join("\n");
    if (this.findings.dataset.key === key && this.findings.childElementCount > 0) return;
    this.findings.dataset.key = key;
    const count = (s: string) => this.diagnostics.filter((d) => d.severity === s).length;
    const summary =
      this.diagnostics.length === 0
        ? "审核通过：没有发现问题。"
        : `错误 ${count("error")} · 警告 ${count("warning")} · 提示 ${count("info")}`;
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
          { type: "button", class: `finding ${SEVERITY_CLASS[d.severity]}`, "data-code": d.code, "data-path": d.paths[0] ?? "" },
          h("span", { class: "tag", text: d.severityLabel }),
          h("span", { class: "loc", text: d.location }),
          h("span", { class: "msg", text: d.message }),
          h("span", { class: "fix", text: d.hint }),
        );
        b.addEventListener("click", () => {
          this.jump(d);
        });
        return h("li", {}, b);
      });
      body.push(h("section", { class: "group" }, h("h3", { text: s.heading }), h("ul", {}, ...items)));
    }
    this.findings.replaceChildren(...body);
  }
}
