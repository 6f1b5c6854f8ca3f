// Spreadsheet comfort in the tables: Tab/Shift+Tab, Enter/Shift+Enter and the arrow keys move
// between cells; a block copied from Excel or WPS (tab-separated) pastes from the focused cell on.

import type { FieldEdit, FieldPath } from "./bindings";
import { imeKey } from "./dom";
import type { Grid } from "./forms";

function position(grid: Grid, el: HTMLInputElement): [number, number] | null {
  for (let r = 0; r < grid.cells.length; r++) {
    const c = grid.cells[r]?.indexOf(el) ?? -1;
    if (c >= 0) return [r, c];
  }
  return null;
}

function cellAt(grid: Grid, r: number, c: number): HTMLInputElement | undefined {
  const row = grid.cells[r];
  if (!row || row.length === 0) return undefined;
  return row[Math.max(0, Math.min(c, row.length - 1))];
}

function move(grid: Grid, el: HTMLInputElement, dr: number, dc: number, wrap: boolean): boolean {
  const pos = position(grid, el);
  if (!pos) return false;
  let [r, c] = pos;
  if (wrap) {
    c += dc;
    const width = grid.cells[r]?.length ?? 0;
    if (c >= width) {
      r += 1;
      c = 0;
    } else if (c < 0) {
      r -= 1;
      c = (grid.cells[r]?.length ?? 1) - 1;
    }
  } else {
    r += dr;
    c += dc;
    if (c < 0 || c >= (grid.cells[r]?.length ?? 0)) {
      if (dc !== 0) return false;
    }
  }
  const target = cellAt(grid, r, c);
  if (!target) return false;
  target.focus();
  target.select();
  return true;
}

export function attachKeys(grid: Grid): void {
  grid.wrap.addEventListener("keydown", (e) => {
    const el = e.target;
    // The 应为 N button of a total sits between its cell and the next in Tab order.
    if (el instanceof HTMLButtonElement && el.classList.contains("choice") && e.key === "Tab") {
      const input = el.closest("td")?.querySelector("input");
      if (!input) return;
      e.preventDefault();
      if (e.shiftKey) input.focus();
      else move(grid, input, 0, 1, true);
      return;
    }
    if (!(el instanceof HTMLInputElement)) return;
    // Keys that confirm or move through input-method candidates belong to the IME.
    if (imeKey(e)) return;
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    const atEnd = el.selectionStart === el.value.length && el.selectionEnd === el.value.length;
    let moved = false;
    switch (e.key) {
      case "Tab": {
        const choice = el.closest("td")?.querySelector<HTMLButtonElement>("button.choice");
        if (!e.shiftKey && choice && !choice.hidden) {
          choice.focus();
          moved = true;
          break;
        }
        moved = move(grid, el, 0, e.shiftKey ? -1 : 1, true);
        break;
      }
      case "Enter":
        moved = move(grid, el, e.shiftKey ? -1 : 1, 0, false);
        break;
      case "ArrowUp":
        moved = move(grid, el, -1, 0, false);
        break;
      case "ArrowDown":
        moved = move(grid, el, 1, 0, false);
        break;
      case "ArrowLeft":
        moved = atStart && move(grid, el, 0, -1, false);
        break;
      case "ArrowRight":
        moved = atEnd && move(grid, el, 0, 1, false);
        break;
      default:
        return;
    }
    if (moved || e.key === "Enter") e.preventDefault();
  });
}

/** Splits clipboard text into rows of cells; `null` when it is a single value. */
export function parseBlock(text: string): string[][] | null {
  const body = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  if (!body.includes("\t") && !body.includes("\n")) return null;
  return body.split("\n").map((line) => line.split("\t"));
}

export function attachPaste(
  grid: Grid,
  pathOf: (el: HTMLInputElement) => FieldPath | null,
  paste: (edits: FieldEdit[], skipped: number) => void,
): void {
  grid.wrap.addEventListener("paste", (e) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement)) return;
    const block = parseBlock(e.clipboardData?.getData("text/plain") ?? "");
    if (!block) return; // one value: the input pastes it itself
    const pos = position(grid, el);
    if (!pos) return;
    e.preventDefault();
    const edits: FieldEdit[] = [];
    let skipped = 0;
    block.forEach((cells, i) => {
      cells.forEach((text, j) => {
        const row = grid.cells[pos[0] + i];
        const target = row?.[pos[1] + j];
        const path = target ? pathOf(target) : null;
        if (path) edits.push({ path, text });
        else if (text.trim() !== "") skipped++;
      });
    });
    paste(edits, skipped);
  });
}
