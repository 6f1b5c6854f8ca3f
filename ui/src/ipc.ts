// Typed calls into the Rust shell. The command table and every type come from
// bindings.ts, generated from the Rust types.

import { invoke } from "@tauri-apps/api/core";
import type { AppError, Commands } from "./bindings";

export async function call<K extends keyof Commands>(
  cmd: K,
  args: Commands[K]["args"],
): Promise<Commands[K]["result"]> {
  return invoke<Commands[K]["result"]>(cmd, args);
}

export function isAppError(e: unknown): e is AppError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    typeof (e as { message?: unknown }).message === "string"
  );
}

/** A Chinese sentence for any failure, whatever shape it arrived in. */
export function errorText(e: unknown): string {
  if (isAppError(e)) return e.message;
  if (typeof e === "string") return e;
  return "操作没有完成，发生了意外错误。请重试；如果问题反复出现，请联系技术支持。";
}

/**
 * One request at a time, in order: the document lives in Rust, and each reply describes the
 * document after that request. A typing burst in one field sends only its latest text.
 */
let chain: Promise<unknown> = Promise.resolve();
let queued = 0;
export function enqueue<T>(job: () => Promise<T>): Promise<T> {
  setQueued(queued + 1);
  const p = chain.then(job).finally(() => {
    setQueued(queued - 1);
  });
  chain = p.catch(() => undefined);
  return p;
}

/** How many requests wait or run, on the page: "0" says every edit made has been answered
 * (automation waits for that rather than for a guessed time). */
function setQueued(n: number): void {
  queued = n;
  document.body.dataset.queued = String(n);
}
setQueued(0);

/**
 * The page's own failures go to the shell's local log, which 关于 → 导出诊断信息 puts in the
 * zip for support. Only a message and a stack are sent, and Rust scrubs both (anything quoted,
 * anything not ASCII) before they are written, so a report's text cannot reach the log this way.
 * Registered here, in the module every other imports first, to catch failures from the start.
 * A failing report is dropped: a rejection here must not raise the event it reports.
 */
function logError(kind: "error" | "unhandledrejection", e: unknown, fallback: string): void {
  const message =
    e instanceof Error
      ? `${e.name}: ${e.message}`
      : isAppError(e)
        ? `${e.code}: ${e.message}`
        : typeof e === "string"
          ? e
          : fallback;
  const stack = e instanceof Error && typeof e.stack === "string" ? e.stack : null;
  call("log_ui_error", { kind, message, stack }).catch(() => undefined);
}

window.addEventListener("error", (ev) => {
  logError("error", ev.error, `${ev.message} (${ev.filename}:${ev.lineno}:${ev.colno})`);
});
window.addEventListener("unhandledrejection", (ev) => {
  logError("unhandledrejection", ev.reason, "Promise rejected without a reason");
});
