// Real drag and drop under Xvfb, shared by the end-to-end files that drop files on the window:
// a GTK drag source (drag-source.py) at the screen's top left, the mouse driven by xdotool.

import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Drags `files` from a drag source at the screen's top left onto the point (x, y). */
export async function drop(files, x, y) {
  const src = spawn("/usr/bin/python3", [path.join(ROOT, "tests/e2e/drag-source.py"), ...files], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise((resolve, reject) => {
      src.stdout.once("data", resolve);
      src.once("exit", (code) => reject(new Error(`drag source ended (${code})`)));
    });
    await sleep(300);
    const xdo = (...args) => execFileSync("xdotool", args.map(String));
    xdo("mousemove", 60, 30);
    await sleep(150);
    xdo("mousedown", 1);
    await sleep(150);
    // In steps, as a hand moves: GTK starts a drag only after the pointer has moved a little.
    for (let i = 1; i <= 20; i++) {
      xdo("mousemove", Math.round(60 + ((x - 60) * i) / 20), Math.round(30 + ((y - 30) * i) / 20));
      await sleep(40);
    }
    await sleep(300);
    xdo("mouseup", 1);
  } finally {
    await sleep(500);
    src.kill();
  }
}

/** A function that screenshots the whole screen into `dir` (nothing when `dir` is not set). */
export function shooter(dir) {
  return (name) => {
    if (dir) execFileSync("import", ["-window", "root", path.join(dir, name)]);
  };
}

/** The window below and right of the drag source, so the drop lands in the page. */
export async function place(s) {
  await s.cmd("POST", "/window/rect", { x: 200, y: 100, width: 1180, height: 780 }).catch(() => undefined);
  await sleep(300);
}
