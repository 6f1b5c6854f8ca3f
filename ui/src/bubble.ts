// Where a table's hint bubble goes: beside the focused cell, inside the window, and over none of
// the cells its messages quote (a balance hint names cells above and below; a row-total hint the
// cells to the left), none of the table's header cells and none of the toolbar's buttons (issue
// 27: at 1024 px it covered every column header and 空格填 0). The bubble is `position: fixed`,
// so the table's scroll box cannot clip it.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
}

/** Something the bubble should not cover, and how much covering a pixel of it costs. */
export interface Obstacle {
  box: Box;
  weight: number;
}

/** Weights: a header, a named cell or a button is hidden by the bubble; the side panels only
 * crowded. The focused cell itself is worst of all but for leaving the window. */
export const HIDES = 100;
export const CROWDS = 1;
const OWN_CELL = 10_000;
const OUTSIDE = 1e6;

const GAP = 4;
const MARGIN = 8;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Chooses the bubble's top-left corner. Pure: boxes in, a position and its cost out, so it is
 * tested without a page. Candidates in order of preference: below, above, beside the cell, then
 * below or above it to one side (clear of its own column); every one kept inside the window. The
 * first that covers nothing wins, else the one that costs least.
 */
export function place(
  cell: Box,
  size: { width: number; height: number },
  obstacles: Obstacle[],
  view: { width: number; height: number },
): { at: Placement; cost: number } {
  const { width, height } = size;
  const clampX = (x: number): number => Math.max(MARGIN, Math.min(x, view.width - width - MARGIN));
  const clampY = (y: number): number => Math.max(MARGIN, Math.min(y, view.height - height - MARGIN));
  const below = clampY(cell.bottom + GAP);
  const above = clampY(cell.top - GAP - height);
  const level = clampY(cell.top);
  const right = clampX(cell.right + GAP);
  const left = clampX(cell.left - GAP - width);
  const candidates: Placement[] = [
    { left: clampX(cell.left), top: below },
    { left: clampX(cell.right - width), top: below },
    { left: clampX(cell.left), top: above },
    { left: clampX(cell.right - width), top: above },
    { left: right, top: level },
    { left: left, top: level },
    { left: right, top: below },
    { left: left, top: below },
    { left: right, top: above },
    { left: left, top: above },
  ];
  let best: Placement | null = null;
  let bestCost = Infinity;
  for (const c of candidates) {
    const box = { left: c.left, top: c.top, right: c.left + width, bottom: c.top + height };
    const outside =
      Math.max(0, MARGIN - box.left) +
      Math.max(0, box.right - (view.width - MARGIN)) +
      Math.max(0, MARGIN - box.top) +
      Math.max(0, box.bottom - (view.height - MARGIN));
    // Leaving the window is worse than covering anything: a cut-off message cannot be read.
    const cost =
      outside * OUTSIDE + overlap(box, cell) * OWN_CELL + obstacles.reduce((sum, o) => sum + overlap(box, o.box) * o.weight, 0);
    if (cost === 0) return { at: c, cost };
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return { at: best ?? { left: clampX(cell.left), top: below }, cost: bestCost };
}

/** The part of a box inside another (a cell scrolled out of the form hides nothing). */
export function clip(b: Box, to: Box): Box | null {
  const c = { left: Math.max(b.left, to.left), top: Math.max(b.top, to.top), right: Math.min(b.right, to.right), bottom: Math.min(b.bottom, to.bottom) };
  return c.right > c.left && c.bottom > c.top ? c : null;
}

export function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}
