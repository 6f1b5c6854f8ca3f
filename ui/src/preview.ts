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
  const indicator = h("span", { id: "preview-page", class: "page-indicator", "aria-live": "polite", text: `第 1 / ${p.pages.length} 页` });
  // The head stays at the top while the pages scroll under it (issue 27: PgDn scrolled "共 6 页"
  // away and nothing said which page was in view).
  const head = h(
    "div",
    { class: "preview-head" },
    h("h2", { text: "预览" }),
    indicator,
    h("span", { class: "summary", text: "与导出的 PDF 分页相同。" }),
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
  // A page brought to the top (PgDn) stops below the head, not under it.
  host.style.scrollPaddingTop = `${head.offsetHeight + 8}px`;
  let queued = false;
  host.onscroll = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      showPage(host);
    });
  };
  showPage(host);
}

/**
 * The page in view, counted from 0: the last page whose top is above a line 40% down the part of
 * the box below the head. A page brought to the top is current; so is the last page when the box
 * is scrolled to its end, however short the page.
 */
export function currentPage(host: HTMLElement): number {
  const pages = [...host.querySelectorAll<SVGElement>("svg.page")];
  const head = host.querySelector(".preview-head");
  const box = host.getBoundingClientRect();
  const top = head ? head.getBoundingClientRect().bottom : box.top;
  if (pages.length > 0 && host.scrollTop > 0 && host.scrollTop + host.clientHeight >= host.scrollHeight - 1) return pages.length - 1;
  const line = top + (box.bottom - top) * 0.4;
  let current = 0;
  pages.forEach((page, i) => {
    if (page.getBoundingClientRect().top <= line) current = i;
  });
  return current;
}

/** "第 3 / 6 页" for the page in view. */
export function showPage(host: HTMLElement): void {
  const indicator = host.querySelector<HTMLElement>("#preview-page");
  if (!indicator) return;
  const total = host.querySelectorAll("svg.page").length;
  const n = currentPage(host) + 1;
  host.dataset.page = String(n);
  const text = `第 ${n} / ${total} 页`;
  if (indicator.textContent !== text) indicator.textContent = text;
}
