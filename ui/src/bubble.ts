// Where a table's hint bubble goes: beside the focused cell, inside the window, and over none of
// the cells its messages quote (a balance hint names cells above and below; a row-total hint the
// cells to the left). The bubble is `position: fixed`, so the table's scroll box cannot clip it.

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

const GAP = 4;
const MARGIN = 8;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Chooses the bubble's top-left corner. Pure: boxes in, a position out, so it is tested without a
 * page. Candidates in order of preference: below, above, right, left of the cell (each also
 * flush with the cell's right edge); the first that stays in the window and covers no named cell
 * wins, else the one that covers least.
 */
export function place(cell: Box, size: { width: number; height: number }, named: Box[], view: { width: number; height: number }): Placement {
  const { width, height } = size;
  const clampX = (x: number): number => Math.max(MARGIN, Math.min(x, view.width - width - MARGIN));
  const clampY = (y: number): number => Math.max(MARGIN, Math.min(y, view.height - height - MARGIN));
  const candidates: Placement[] = [
    { left: clampX(cell.left), top: cell.bottom + GAP },
    { left: clampX(cell.right - width), top: cell.bottom + GAP },
    { left: clampX(cell.left), top: cell.top - GAP - height },
    { left: clampX(cell.right - width), top: cell.top - GAP - height },
    { left: cell.right + GAP, top: clampY(cell.top) },
    { left: cell.left - GAP - width, top: clampY(cell.top) },
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
    // Leaving the window is worse than covering a cell: a cut-off message cannot be read at all.
    const cost = outside * 1e6 + named.reduce((sum, n) => sum + overlap(box, n), 0) + overlap(box, cell) * 10;
    if (cost === 0) return c;
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best ?? { left: clampX(cell.left), top: clampY(cell.bottom + GAP) };
}

export function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}
