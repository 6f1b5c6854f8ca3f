// Column widths of the tables, fixed by the window's width and never by what is typed: with
// `table-layout: fixed` and a width on every <col>, a long number scrolls inside its cell, last
// year's line is cut short (its full text on hover), and no other cell moves (issue 27: a
// 9-digit number once widened its column and the next click landed in the neighbouring cell).

import type { Grid } from "./forms";

/** What each table asks for: its label columns' preferred widths and shares of any room left
 * over, and the range of its number columns. Pixels, at the font size of the window's width. */
interface TablePlan {
  label: number[];
  weights: number[];
  numMin: number;
  numMax: number;
}

const PLANS: Record<string, TablePlan> = {
  // 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 (and rows that span the three).
  active: { label: [150], weights: [1], numMin: 90, numMax: 190 },
  // 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | seven applicant columns.
  requests: { label: [56, 80, 150], weights: [0.2, 0.3, 0.5], numMin: 44, numMax: 76 },
  // Fifteen outcome columns under a two-level header, no labels.
  review: { label: [], weights: [], numMin: 36, numMax: 84 },
};

export interface Widths {
  label: number[];
  num: number;
}

/**
 * The widths of a table's columns in `avail` pixels. Pure, so the arithmetic is plain to read:
 * number columns share what the labels' preferred widths leave, within their range; labels get
 * the rest, each at least `mins[i]` (its longest word) — when even that does not fit the table
 * is wider than `avail` and its box scrolls, rather than a label breaking one character a line.
 */
export function widths(avail: number, numCols: number, mins: number[], plan: TablePlan): Widths {
  const pref = plan.label.map((p, i) => Math.max(p, mins[i] ?? 0));
  const prefSum = pref.reduce((a, b) => a + b, 0);
  const minSum = mins.reduce((a, b) => a + b, 0);
  const share = numCols > 0 ? Math.floor((avail - prefSum) / numCols) : 0;
  const num = Math.max(plan.numMin, Math.min(plan.numMax, share));
  const rest = avail - num * numCols;
  let label: number[];
  if (rest >= prefSum) {
    // Room to spare: the labels take it, unless the numbers are already as wide as they go and
    // the table may as well be narrower than the form.
    const spare = num < plan.numMax ? rest - prefSum : 0;
    label = pref.map((p, i) => p + Math.floor(spare * (plan.weights[i] ?? 0)));
  } else if (rest >= minSum) {
    // Between the minimum and the preference: each label gives up the same share of its slack.
    const slack = prefSum - minSum;
    const keep = slack > 0 ? (rest - minSum) / slack : 0;
    label = pref.map((p, i) => {
      const m = mins[i] ?? 0;
      return Math.floor(m + (p - m) * keep);
    });
  } else {
    label = mins.slice(0, pref.length);
  }
  return { label, num };
}

/** Words of a label: Chinese words where the webview can find them, else runs of letters and
 * digits and single characters (a line may break between any two 汉字). */
function words(text: string): string[] {
  if (typeof Intl.Segmenter === "function") {
    return [...new Intl.Segmenter("zh", { granularity: "word" }).segment(text)].map((s) => s.segment);
  }
  return text.match(/[0-9A-Za-z.]+|./gu) ?? [];
}

let ruler: CanvasRenderingContext2D | null = null;

function textWidth(text: string, font: string): number {
  ruler ??= document.createElement("canvas").getContext("2d");
  if (!ruler) return text.length * 14;
  ruler.font = font;
  return ruler.measureText(text).width;
}

/** Each label column's least width: the widest word of any label that sits in it alone, with
 * the cell's padding and border. */
function labelMins(g: Grid): number[] {
  const mins = new Array<number>(g.labelCols).fill(0);
  if (g.labelCols === 0) return mins;
  // The columns a cell occupies, counting cells spanned down from the rows above.
  const carried = new Array<number>(g.cols.length).fill(0);
  for (const tr of g.table.tBodies[0]?.rows ?? []) {
    let col = 0;
    for (const cell of tr.cells) {
      while (col < carried.length && (carried[col] ?? 0) > 0) col++;
      if (cell.rowSpan > 1) for (let i = 0; i < cell.colSpan; i++) carried[col + i] = cell.rowSpan;
      if (cell.classList.contains("label") && cell.colSpan === 1 && col < g.labelCols) {
        const style = getComputedStyle(cell);
        const font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const pad = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 2;
        const text = cell.title || cell.textContent;
        const widest = Math.max(0, ...words(text).map((w) => textWidth(w.trim(), font)));
        mins[col] = Math.max(mins[col] ?? 0, Math.ceil(widest + pad));
      }
      col += cell.colSpan;
    }
    for (let i = 0; i < carried.length; i++) if ((carried[i] ?? 0) > 0) carried[i] = (carried[i] ?? 0) - 1;
  }
  return mins;
}

/** Sets every table's column widths for a form `avail` pixels wide. */
export function sizeGrids(grids: Grid[], avail: number): void {
  for (const g of grids) {
    const plan = PLANS[g.section];
    if (!plan) continue;
    const numCols = g.cols.length - g.labelCols;
    const w = widths(avail - 2, numCols, labelMins(g), plan);
    let total = 0;
    g.cols.forEach((col, i) => {
      const px = i < g.labelCols ? (w.label[i] ?? 0) : w.num;
      total += px;
      col.style.width = `${px}px`;
    });
    g.table.style.width = `${total}px`;
    g.table.dataset.sized = String(avail);
  }
}
