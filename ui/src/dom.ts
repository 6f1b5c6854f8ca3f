// Small DOM helpers. Text goes in only through textContent: nothing the user or a file supplies
// is ever parsed as HTML.

type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") el.className = String(v);
    else if (k === "text") el.textContent = String(v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

/**
 * True while a key belongs to an input-method composition. WebKit reports the key that ends a
 * composition with isComposing false but keyCode 229, so both are checked.
 */
export function imeKey(e: KeyboardEvent): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- keyCode 229 is the only IME signal WebKit gives here
  return e.isComposing || e.keyCode === 229;
}

/**
 * Sets an element's text only when it differs. Setting textContent replaces the text node, and
 * WebKit drops a click whose mousedown landed on a node that is gone by the mouseup: a reply
 * from Rust arriving mid-click (the blur of the field being left sends one) would swallow the
 * click on a button whose text it redraws (应为 N, the navigator's 错误/警告 counts).
 */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function clear(el: Element): void {
  el.replaceChildren();
}
