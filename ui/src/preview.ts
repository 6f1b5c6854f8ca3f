// 预览: the pages of the PDF, drawn as SVG from the same layout the PDF is made from, so page
// breaks, line breaks and table splits look here as they will on paper. Read-only. Text goes in
// through textContent only.

import type { Preview } from "./bindings";
import { h } from "./dom";

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function renderPreview(host: HTMLElement, p: Preview, close: () => void): void {
  const back = h("button", { type: "button", id: "preview-close", text: "返回编辑" });
  back.addEventListener("click", close);
  const head = h(
    "div",
    { class: "preview-head" },
    h("h2", { text: "预览" }),
    h("span", { class: "summary", text: `共 ${p.pages.length} 页，与导出的 PDF 分页相同。` }),
    back,
  );
  const warnings = p.warnings.map((w) => h("p", { class: "preview-warning", text: w }));
  const fonts = p.fonts.map((f) => `"${f.replace(/["\\]/g, "")}", serif`);
  const pages = p.pages.map((page, i) => {
    const s = svg("svg", {
      viewBox: `0 0 ${p.width} ${p.height}`,
      class: "page",
      role: "img",
      "aria-label": `第 ${i + 1} 页`,
      "data-page": i + 1,
    });
    s.append(svg("rect", { x: 0, y: 0, width: p.width, height: p.height, fill: "#fff" }));
    for (const it of page.items) {
      if (it.kind === "rule") {
        s.append(svg("line", { x1: it.x1, y1: it.y1, x2: it.x2, y2: it.y2, stroke: "#000", "stroke-width": 0.6 }));
        continue;
      }
      const t = svg("text", {
        x: it.x,
        y: it.y,
        "font-size": it.size,
        "font-family": fonts[it.font] ?? "serif",
        "letter-spacing": it.spacing,
      });
      t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
      t.textContent = it.text;
      s.append(t);
    }
    return s;
  });
  host.replaceChildren(head, ...warnings, h("div", { class: "pages" }, ...pages));
}
