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
export function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const p = chain.then(job);
  chain = p.catch(() => undefined);
  return p;
}
