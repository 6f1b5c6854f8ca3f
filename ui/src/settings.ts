// 设置: what the user adds to the national rules — a local requirement (总体情况不超过 N 字,
// OVERVIEW-LENGTH) and the 政府办's word list (TEXT-WORDLIST). Both live in Rust (settings.json
// in the config folder); this draws the dialog and the "856 / 1000 字" count on 一's page.

import type { EditResult, SettingsDto } from "./bindings";
import { h, setText } from "./dom";
import { call, errorText } from "./ipc";

/** Opens the dialog; `applied` draws the re-checked report once the settings are saved. */
export function showSettings(applied: (r: EditResult) => void): void {
  document.getElementById("settings")?.remove();
  const limitOn = h("input", { type: "checkbox", id: "settings-limit-on" });
  const limit = h("input", {
    type: "number",
    id: "settings-limit",
    min: 100,
    step: 100,
    value: 1000,
    "aria-label": "总体情况字数上限",
  });
  const wordlist = h("span", { id: "settings-wordlist", class: "settings-file", text: "未选择" });
  const choose = h("button", { type: "button", id: "settings-choose-wordlist", text: "选择词表…" });
  const clearList = h("button", { type: "button", id: "settings-clear-wordlist", text: "不用词表" });
  const problem = h("p", { id: "settings-problem", class: "settings-problem", role: "alert" });
  const save = h("button", { type: "button", id: "settings-save", text: "保存" });
  const cancel = h("button", { type: "button", id: "settings-cancel", text: "取消" });
  let chosen: string | null = null;
  const showList = (path: string | null, entries: number | null): void => {
    chosen = path;
    wordlist.textContent = path === null ? "未选择" : entries === null ? path : `${path}（${entries} 条）`;
    wordlist.title = path ?? "";
    clearList.disabled = path === null;
  };
  const dialog = h(
    "dialog",
    { id: "settings", "aria-labelledby": "settings-title" },
    h("h2", { id: "settings-title", text: "设置" }),
    h("p", { class: "settings-note", text: "默认按国家标准（国办公开办函〔2021〕30号）审核。本地另有要求时在这里选用。" }),
    h(
      "fieldset",
      {},
      h("legend", { text: "本地要求" }),
      h("label", { for: "settings-limit-on" }, limitOn, " “一、总体情况”不超过 ", limit, " 字"),
    ),
    h(
      "fieldset",
      {},
      h("legend", { text: "词表（政府办整理的常见错词，每行“错词 → 正词”）" }),
      h("div", { class: "settings-row" }, wordlist, choose, clearList),
    ),
    problem,
    h("div", { class: "settings-actions" }, save, cancel),
  );
  limitOn.addEventListener("change", () => {
    limit.disabled = !limitOn.checked;
  });
  choose.addEventListener("click", () => {
    call("pick_wordlist", {}).then(
      (p) => {
        if (p !== null) showList(p, null);
      },
      (e: unknown) => {
        problem.textContent = errorText(e);
      },
    );
  });
  clearList.addEventListener("click", () => {
    showList(null, null);
  });
  cancel.addEventListener("click", () => {
    dialog.close();
  });
  save.addEventListener("click", () => {
    const n = Number(limit.value);
    if (limitOn.checked && (!Number.isInteger(n) || n < 100)) {
      problem.textContent = "字数上限请填不少于 100 的整数；不需要这项要求时请取消勾选。";
      limit.focus();
      return;
    }
    call("set_settings", { overviewMaxChars: limitOn.checked ? n : null, wordlist: chosen }).then(
      (r) => {
        applied(r);
        dialog.close();
      },
      (e: unknown) => {
        // Refused (a word list that cannot be read): the dialog stays with the user's choices.
        problem.textContent = errorText(e);
      },
    );
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  call("settings", {}).then(
    (s: SettingsDto) => {
      limitOn.checked = s.overviewMaxChars !== null;
      limit.value = String(s.overviewMaxChars ?? 1000);
      limit.disabled = !limitOn.checked;
      showList(s.wordlist, s.wordlist === null ? null : s.wordlistEntries);
      if (s.problem !== null) problem.textContent = s.problem;
      limitOn.focus();
    },
    (e: unknown) => {
      problem.textContent = errorText(e);
    },
  );
}

/** "总体情况 856 / 1000 字" on 一's page while a local limit is chosen; nothing otherwise. */
export function showOverviewLength(length: [number, number] | null): void {
  const page = document.querySelector('.page[data-section="overview"]');
  if (!page) return;
  let el = page.querySelector<HTMLElement>("#overview-length");
  if (length === null) {
    el?.remove();
    return;
  }
  if (!el) {
    el = h("p", { id: "overview-length", "aria-live": "polite" });
    page.querySelector("h2")?.after(el);
  }
  const [n, max] = length;
  setText(el, n > max ? `总体情况 ${n} / ${max} 字，超出 ${n - max} 字（本地要求）` : `总体情况 ${n} / ${max} 字（本地要求）`);
  el.classList.toggle("over", n > max);
}
