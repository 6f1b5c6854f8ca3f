// 关于: the version, and which installed face each part of an exported document uses on this
// machine (the answer to “why does my PDF not look like 仿宋?”), and 导出诊断信息: a zip of
// the local error log and these facts for whoever supports the user (agencies' PCs are often
// offline, so nothing is sent by the app). Text goes in through textContent only.

import type { About, ExportOutcome } from "./bindings";
import { h } from "./dom";
import { call, errorText } from "./ipc";

/** Opens the 关于 dialog; `load` asks Rust (font discovery may take a moment the first time). */
export function showAbout(load: () => Promise<About>): void {
  document.getElementById("about")?.remove();
  const body = h("div", { class: "about-body" }, h("p", { text: "正在查看本机字体……" }));
  const close = h("button", { type: "button", id: "about-close", text: "关闭" });
  const diag = diagnostics(() => call("export_diagnostics", {}));
  const dialog = h(
    "dialog",
    { id: "about", "aria-labelledby": "about-title" },
    h("h2", { id: "about-title", text: "关于年报编制器" }),
    body,
    diag,
    h("div", { class: "about-actions" }, close),
  );
  close.addEventListener("click", () => {
    dialog.close();
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  load().then(
    (a) => {
      const rows = a.fonts.map((f) =>
        h(
          "tr",
          {},
          h("th", { scope: "row", text: f.role }),
          h("td", { class: "about-face", text: f.family, title: f.file ?? undefined }),
        ),
      );
      body.replaceChildren(
        h("p", { id: "about-version", text: `版本 ${a.version}` }),
        h("p", { text: "编制、审核并导出政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。" }),
        a.fontsProblem
          ? h("p", { class: "about-problem", text: a.fontsProblem })
          : h(
              "table",
              { id: "about-fonts" },
              h("caption", { text: "导出 PDF 时本机使用的字体" }),
              h("tbody", {}, ...rows),
            ),
        h("p", {
          class: "about-note",
          text: "本机有仿宋_GB2312、黑体、楷体_GB2312、方正小标宋时优先使用；没有时改用思源（Noto CJK）和霞鹜文楷。",
        }),
        ...(a.fontCache ? [h("p", { id: "about-font-cache", class: "about-note", text: a.fontCache })] : []),
      );
    },
    () => {
      body.replaceChildren(h("p", { class: "about-problem", text: "没能读取版本和字体信息，请关闭后重试。" }));
    },
  );
}

/** 导出诊断信息: the button, what the zip holds, and what came of the last export. */
function diagnostics(exportZip: () => Promise<ExportOutcome>): HTMLElement {
  const button = h("button", { type: "button", id: "about-diagnostics", text: "导出诊断信息" });
  const status = h("p", { id: "about-diagnostics-result", class: "about-note", role: "status" });
  button.addEventListener("click", () => {
    button.disabled = true;
    status.textContent = "正在导出诊断信息……";
    exportZip()
      .then(
        (r) => {
          status.textContent = r.kind === "done" ? r.message : "";
        },
        (e: unknown) => {
          status.textContent = errorText(e);
        },
      )
      .finally(() => {
        button.disabled = false;
      });
  });
  return h(
    "div",
    { class: "about-diag" },
    h("p", {
      class: "about-note",
      text: "程序出错时，出错的位置和简短说明记在本机的日志里，不含年报内容。需要技术支持时，可导出诊断信息（日志、版本、系统、字体和网页引擎版本，打包为一个 .zip 文件）发给为您提供支持的人。",
    }),
    button,
    status,
  );
}
