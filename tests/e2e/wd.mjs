// A small W3C WebDriver client over fetch, for tauri-driver (which drives WebKitWebDriver, which
// drives the real app's webview). No browser download, no dependencies.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The app under test: run.sh's NIANBAO_APP, else the debug build. */
export const APP = process.env.NIANBAO_APP ?? path.join(ROOT, "target/debug/nianbao-editor");

/** A scratch folder for the tests of one file, made before them and removed after; the function
 * returned gives a path inside it. */
export function scratch(prefix) {
  let dir = "";
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return (...parts) => path.join(dir, ...parts);
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
export const Key = {
  Backspace: "\uE003",
  Tab: "\uE004",
  Enter: "\uE007",
  Shift: "\uE008",
  Control: "\uE009",
  Null: "\uE000",
  ArrowUp: "\uE013",
  ArrowDown: "\uE015",
  End: "\uE010",
  Home: "\uE011",
  Escape: "\uE00C",
  PageUp: "\uE00E",
  PageDown: "\uE00F",
  F8: "\uE038",
  F9: "\uE039",
};

export const DRIVER = process.env.NIANBAO_WEBDRIVER ?? "http://127.0.0.1:4444";

async function request(method, path, body) {
  const res = await fetch(`${DRIVER}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A killed app must not hang the suite.
    signal: AbortSignal.timeout(30000),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || json.value?.error) {
    const v = json.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`);
  }
  return json.value;
}

export class Session {
  constructor(id) {
    this.id = id;
  }

  /** Starts the app (with `args` on its command line) and waits until its page is ready. */
  static async start(application, args = []) {
    const value = await request("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
    });
    const s = new Session(value.sessionId);
    await s.waitFor(() => document.body.dataset.ready === "true", 20000, "page ready");
    return s;
  }

  cmd(method, path, body) {
    return request(method, `/session/${this.id}${path}`, body);
  }

  async close() {
    await this.cmd("DELETE", "").catch(() => undefined);
  }

  /** Runs a function in the page; `fn` is serialised, so it may only use its arguments. */
  exec(fn, ...args) {
    return this.cmd("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments)`, args });
  }

  execAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) }));`;
    return this.cmd("POST", "/execute/async", { script, args }).then((r) => {
      if (r && r.err) throw new Error(r.err);
      return r?.ok;
    });
  }

  async waitFor(fn, timeout = 5000, what = "condition", ...args) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        last = await this.exec(fn, ...args);
        if (last) return last;
      } catch (e) {
        last = e;
      }
      await sleep(25);
    }
    throw new Error(`timed out waiting for ${what} (last: ${last})`);
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }

  /** The element that has the focus. */
  async active() {
    const v = await this.cmd("GET", "/element/active");
    return v[ELEMENT];
  }

  /** Types keys into whatever has the focus, as a user at the keyboard would. */
  async keys(text) {
    return this.type(await this.active(), text);
  }

  setWindowSize(width, height) {
    return this.cmd("POST", "/window/rect", { width, height });
  }

  click(el) {
    return this.cmd("POST", `/element/${el}/click`, {});
  }

  type(el, text) {
    return this.cmd("POST", `/element/${el}/value`, { text });
  }

  title() {
    return this.cmd("GET", "/title");
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
}

export const field = (path) => `[data-path="${path}"]`;

/** A field's text as the page shows it. */
export const value = (s, p) => s.exec((p) => document.querySelector(`[data-path="${p}"]`).value, p);

/** Shows a section through the navigator, as a click would. */
export async function section(s, key) {
  await s.click(await s.find(`#nav button[data-section="${key}"]`));
  await s.waitFor((k) => !document.querySelector(`.page[data-section="${k}"]`).hidden, 2000, `section ${key}`, key);
}

/** Replaces a field's text by typing, as a user would (select all, then type). */
export async function retype(s, p, text) {
  await s.exec((p) => {
    const el = document.querySelector(`[data-path="${p}"]`);
    el.focus();
    el.select();
  }, p);
  await s.type(await s.find(field(p)), text);
}

/** Waits until every request the page sent has been answered, then `frames` display frames, by
 * which the answers are drawn. */
export async function settled(s, frames = 3) {
  await s.waitFor(() => document.body.dataset.queued === "0", 20000, "every request answered");
  await s.execAsync(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
  }, frames);
}

/** Clicks what the selector finds, again if the list was redrawn between finding and clicking. */
export async function clickFresh(s, css) {
  for (let i = 0; ; i++) {
    try {
      return await s.click(await s.find(css));
    } catch (e) {
      if (i >= 4 || !String(e).includes("stale element")) throw e;
    }
  }
}
