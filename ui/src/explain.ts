// 写说明: a true 警告 or 提示 explained in writing instead of fixed ("确认无误，说明：…"). The 说明
// lives in the report (Rust), keyed by the finding's code and field; this draws the button, the
// little form under the finding and the explained state. An 错误 gets none of it.

import type { DiagnosticDto } from "./bindings";
import { h } from "./dom";

/** What the findings list calls to save (or, with "", withdraw) a 说明. */
export type Explain = (d: DiagnosticDto, text: string) => Promise<boolean>;

/** Counts as the findings list shows them: "警告 3（已说明 2）". One function, so the F9 line
 * and the panel cannot say different things. */
export function summaryText(list: DiagnosticDto[]): string {
  if (list.length === 0) return "审核通过：没有发现问题。";
  const count = (s: string) => list.filter((d) => d.severity === s).length;
  const explained = (s: string) => list.filter((d) => d.severity === s && d.explanation !== null).length;
  const part = (label: string, s: string): string => {
    const n = explained(s);
    return n > 0 ? `${label} ${count(s)}（已说明 ${n}）` : `${label} ${count(s)}`;
  };
  return `错误 ${count("error")} · ${part("警告", "warning")} · ${part("提示", "info")}`;
}

/** The 说明 under an explained finding, greyed, with its text. */
export function explanationNote(d: DiagnosticDto): HTMLElement | null {
  if (d.explanation === null) return null;
  return h("span", { class: "explanation", text: `已说明：${d.explanation}` });
}

/** "写说明" / "修改说明" beside a 警告 or 提示, opening the form in `slot`. */
export function explainButton(d: DiagnosticDto, slot: HTMLElement, save: Explain): HTMLButtonElement | null {
  if (d.severity === "error") return null;
  const b = h("button", {
    type: "button",
    class: "explain",
    "data-code": d.code,
    "data-path": d.paths[0] ?? "",
    text: d.explanation === null ? "写说明" : "修改说明",
    title: "这条提醒经核实无误时，写明理由；说明随年报保存，审核表中也会列出。",
  });
  b.addEventListener("click", () => {
    if (slot.firstChild) {
      slot.replaceChildren();
      return;
    }
    slot.replaceChildren(form(d, slot, save));
    slot.querySelector("textarea")?.focus();
  });
  return b;
}

function form(d: DiagnosticDto, slot: HTMLElement, save: Explain): HTMLElement {
  const area = h("textarea", {
    class: "explain-text",
    rows: 3,
    maxlength: 500,
    placeholder: "确认无误，说明：……（例如：749 件含上年结转 36 件）",
    "aria-label": `对“${d.message}”的说明`,
  });
  area.value = d.explanation ?? "";
  const error = h("p", { class: "explain-error", role: "alert" });
  const ok = h("button", { type: "button", class: "explain-save", text: "保存说明" });
  const cancel = h("button", { type: "button", class: "explain-cancel", text: "取消" });
  const withdraw =
    d.explanation === null ? null : h("button", { type: "button", class: "explain-withdraw", text: "撤销说明" });
  const submit = (text: string): void => {
    if (text.trim() === "" && d.explanation === null) {
      error.textContent = "请写明为什么这条提醒不需要改正；不写说明请点“取消”。";
      area.focus();
      return;
    }
    void save(d, text).then((done) => {
      if (done) slot.replaceChildren();
    });
  };
  ok.addEventListener("click", () => {
    submit(area.value);
  });
  withdraw?.addEventListener("click", () => {
    submit("");
  });
  cancel.addEventListener("click", () => {
    slot.replaceChildren();
  });
  area.addEventListener("keydown", (e) => {
    if (e.key === "Escape") slot.replaceChildren();
    else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(area.value);
  });
  return h("div", { class: "explain-form" }, area, error, h("div", { class: "explain-buttons" }, ok, withdraw, cancel));
}
