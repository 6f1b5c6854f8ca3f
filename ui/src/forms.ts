// Builds the form of every section from the layout the Rust side describes. The forms only know
// paths and labels; values, hints and totals arrive later through `View`.

import type { FieldPath, Layout, SectionKey, SpecCell, TableSpec } from "./bindings";
import { h } from "./dom";

export type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface Field {
  path: FieldPath;
  el: Editable;
  section: SectionKey;
  /** Hints for this field appear here (text fields); grid cells use their table's bubble. */
  hints: HTMLElement | null;
  /** Grid cells: the table and the cell's place in it. */
  grid: Grid | null;
  /** Stated totals: where the computed value is offered. */
  choice: HTMLButtonElement | null;
  /** Table cells: last year's figure and the change, under the number. */
  prev: HTMLElement | null;
}

export interface Grid {
  section: SectionKey;
  cells: HTMLInputElement[][];
  wrap: HTMLElement;
  bubble: HTMLElement;
  list: HTMLElement;
  table: HTMLTableElement;
  /** One per column: their widths are set from the window's width only (columns.ts). */
  cols: HTMLTableColElement[];
  /** How many columns, from the left, hold row labels (三 has three, 二 one, 四 none). */
  labelCols: number;
}

export interface Handlers {
  input(path: FieldPath, text: string): void;
  leave(path: FieldPath): void;
  choose(path: FieldPath): void;
  /** 空格填 0 for the tables of one section. */
  fillEmpty(section: SectionKey): void;
  /** 按表格生成: a paragraph from the tables, put in at the field's caret. */
  generate(path: FieldPath, at: number): void;
}

export interface Forms {
  pages: Map<SectionKey, HTMLElement>;
  sectionHints: Map<SectionKey, HTMLElement>;
  fields: Map<string, Field>;
  grids: Grid[];
}

/** Sends edits on `input`, but never while an input-method composition is open. */
function bind(el: Editable, path: FieldPath, on: Handlers): void {
  let composing = false;
  el.addEventListener("compositionstart", () => {
    composing = true;
  });
  el.addEventListener("compositionend", () => {
    composing = false;
    on.input(path, el.value);
  });
  el.addEventListener("input", (e) => {
    if (composing || (e instanceof InputEvent && e.isComposing)) return;
    on.input(path, el.value);
  });
  el.addEventListener("change", () => {
    if (el instanceof HTMLSelectElement) on.input(path, el.value);
  });
  el.addEventListener("blur", () => {
    on.leave(path);
  });
}

export function buildForms(layout: Layout, root: HTMLElement, on: Handlers): Forms {
  const forms: Forms = { pages: new Map(), sectionHints: new Map(), fields: new Map(), grids: [] };

  const page = (key: SectionKey): HTMLElement => {
    const info = layout.sections.find((s) => s.key === key);
    const hints = h("div", { class: "hints section-hints", "data-for": key });
    const p = h(
      "section",
      { class: "page", "data-section": key, hidden: true, "aria-label": info?.heading ?? key },
      h("h2", { text: info?.heading ?? key }),
      hints,
    );
    forms.pages.set(key, p);
    forms.sectionHints.set(key, hints);
    root.append(p);
    return p;
  };

  const textField = (
    parent: HTMLElement,
    section: SectionKey,
    path: FieldPath,
    label: string,
    el: Editable,
    note?: string,
    generatesFrom?: string | null,
  ): void => {
    const id = `f-${path.replaceAll(".", "-")}`;
    el.id = id;
    el.dataset.path = path;
    const hints = h("div", { class: "hints field-hints", "data-for": path });
    let generate: HTMLButtonElement | null = null;
    if (generatesFrom && el instanceof HTMLTextAreaElement) {
      const area = el;
      generate = h("button", {
        type: "button",
        class: "generate",
        "data-generate": path,
        text: "按表格生成",
        title: `按${generatesFrom}的数字写一段文字，插入到光标处（不会覆盖已写的内容）。`,
      });
      generate.addEventListener("click", () => {
        // The caret stays in the textarea's selection after it loses focus to the button.
        on.generate(path, area.selectionEnd);
      });
    }
    parent.append(
      h(
        "div",
        { class: "field" },
        h("div", { class: "field-head" }, h("label", { for: id, text: label }), generate),
        el,
        note ? h("p", { class: "note", text: note }) : null,
        hints,
      ),
    );
    bind(el, path, on);
    forms.fields.set(path, { path, el, section, hints, grid: null, choice: null, prev: null });
  };

  const area = (rows: number): HTMLTextAreaElement =>
    h("textarea", { rows, spellcheck: "false" });

  // 基本信息
  {
    const p = page("meta");
    const kind = h("select", {});
    for (const k of layout.agencyKinds) kind.append(h("option", { value: k, text: k }));
    textField(p, "meta", "meta.agency", "机关名称", h("input", { type: "text", autocomplete: "off" }));
    textField(p, "meta", "meta.kind", "机关类别", kind, "人民政府的年报于 3 月 31 日前公布，其他机关于 1 月 31 日前公布。");
    textField(p, "meta", "meta.year", "年度", h("input", { type: "text", inputmode: "numeric", autocomplete: "off" }));
    textField(p, "meta", "meta.published", "发布日期", h("input", { type: "text", autocomplete: "off", placeholder: "例如 2024年1月20日" }));
    textField(p, "meta", "meta.title", "标题", h("input", { type: "text", autocomplete: "off" }), "留空即用标准标题：机关名称 + 年度 + “年政府信息公开工作年度报告”。");
  }

  // 一、总体情况
  {
    const p = page("overview");
    textField(p, "overview", "overview.intro", "开头部分（各部分之前的文字，可以为空）", area(3));
    for (const part of layout.parts) {
      textField(p, "overview", part.path, `${part.numeral}${part.heading}`, area(7), undefined, part.generatesFrom);
    }
  }

  for (const spec of layout.tables) {
    buildTable(spec, page(spec.section), on, forms);
  }

  textField(page("problems"), "problems", "problems", "存在的主要问题及改进情况", area(16));
  textField(page("other"), "other", "other", "其他需要报告的事项（含信息处理费收取情况）", area(16));
  return forms;
}

function buildTable(spec: TableSpec, parent: HTMLElement, on: Handlers, forms: Forms): void {
  const table = h("table", { class: `grid grid-${spec.section}` });
  const thead = h("thead");
  const tbody = h("tbody");
  const cells: HTMLInputElement[][] = [];
  const bubble = h("div", { class: "bubble", role: "status", hidden: true });
  const list = h("div", { class: "hints table-hints", "data-for": spec.section });
  const wrap = h("div", { class: "table-wrap" }, table, bubble);
  // The first row spans the whole table (nothing is carried into it from above); the first row
  // with inputs starts with its labels.
  const width = (spec.rows[0] ?? []).reduce((n, c) => n + c.colspan, 0);
  const firstBody = spec.rows.find((r) => r.some((c) => c.kind === "input")) ?? [];
  const firstInput = firstBody.findIndex((c) => c.kind === "input");
  const labelCols = firstBody.slice(0, Math.max(0, firstInput)).reduce((n, c) => n + c.colspan, 0);
  const cols = Array.from({ length: width }, (_, i) => h("col", { class: i < labelCols ? "label-col" : "num-col" }));
  table.append(h("colgroup", {}, ...cols));
  const grid: Grid = { section: spec.section, cells, wrap, bubble, list, table, cols, labelCols };
  let inBody = false;

  for (const row of spec.rows) {
    const tr = h("tr");
    const inputs: HTMLInputElement[] = [];
    for (const c of row) tr.append(cellElement(c, spec.section, inputs, grid, on, forms));
    if (inputs.length > 0) {
      inBody = true;
      cells.push(inputs);
    }
    (inBody ? tbody : thead).append(tr);
  }
  table.append(thead, tbody);
  // Only the first table of a section (二 has one, 三 one, 四 one) carries the button.
  if (!parent.querySelector(".table-tools")) {
    const fill = h("button", {
      type: "button",
      class: "fill-empty",
      "data-section": spec.section,
      text: "空格填 0",
      title: "把本部分表格中所有空着的格子填为 0（合计格填各项之和），可撤销。",
    });
    fill.addEventListener("click", () => {
      on.fillEmpty(spec.section);
    });
    const toggle = h("input", { type: "checkbox", class: "show-prev", checked: true });
    toggle.addEventListener("change", () => {
      document.body.classList.toggle("hide-prev", !toggle.checked);
      for (const t of document.querySelectorAll<HTMLInputElement>("input.show-prev")) t.checked = toggle.checked;
    });
    const label = h("label", { class: "prev-toggle", title: "在每个格子下显示上年数和增减（需要关联上年年报）" }, toggle, "显示上年数");
    parent.append(h("div", { class: "table-tools" }, label, fill));
  }
  parent.append(wrap, list);
  // Findings about the section as a whole go under the table, not above it: a hint that comes
  // or goes while typing must not move the cells under the pointer.
  const sectionHints = parent.querySelector(".section-hints");
  if (sectionHints) parent.append(sectionHints);
  forms.grids.push(grid);
}

/** Shorter forms of long table labels, shown when the window is narrow (the full text on hover). */
const SHORT_LABELS: Record<string, string> = {
  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）": "（一＋二＝三＋四）",
  "一、本年新收政府信息公开申请数量": "一、本年新收申请数量",
  "二、上年结转政府信息公开申请数量": "二、上年结转申请数量",
  "三、本年度办理结果": "三、办理结果",
};

function shortLabel(text: string): string | null {
  const known = SHORT_LABELS[text];
  if (known) return known;
  // "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" → "（二）部分公开…": a long note in
  // brackets at the end is what makes the label column wide.
  const m = /^(.{4,}?)（[^（）]{6,}）$/.exec(text);
  return m?.[1] ? `${m[1]}…` : null;
}

/** A label's text, with its short form beside it for narrow windows (CSS shows one of them). */
function labelText(text: string): (HTMLElement | string)[] {
  const short = shortLabel(text);
  if (!short) return [text];
  return [h("span", { class: "long", text }), h("span", { class: "short", text: short })];
}

function cellElement(
  c: SpecCell,
  section: SectionKey,
  inputs: HTMLInputElement[],
  grid: Grid,
  on: Handlers,
  forms: Forms,
): HTMLTableCellElement {
  switch (c.kind) {
    case "head":
      return h("th", { colspan: c.colspan, rowspan: c.rowspan, title: c.text }, ...labelText(c.text));
    case "label":
      return h("th", { class: "label", scope: "row", colspan: c.colspan, rowspan: c.rowspan, title: c.text }, ...labelText(c.text));
    case "input": {
      const el = h("input", {
        type: "text",
        inputmode: c.money ? "decimal" : "numeric",
        autocomplete: "off",
        class: c.money ? "num money" : "num",
        "data-path": c.path,
        "aria-label": c.label,
        title: c.label,
      });
      const choice = c.total
        ? h("button", { type: "button", class: "choice", hidden: true })
        : null;
      const prev = h("span", { class: "prev", hidden: true, "data-prev-for": c.path });
      // A line of fixed height under the number: last year's figure, and over it in a total's
      // cell the 应为 N button. Neither may change the row's height when it comes or goes.
      const under = h("span", { class: "under" }, prev, choice);
      const td = h("td", { colspan: c.colspan, class: c.total ? "cell total" : "cell" }, el, under);
      bind(el, c.path, on);
      choice?.addEventListener("click", () => {
        on.choose(c.path);
      });
      inputs.push(el);
      forms.fields.set(c.path, { path: c.path, el, section, hints: null, grid, choice, prev });
      return td;
    }
  }
}
