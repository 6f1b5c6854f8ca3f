// The status line's message: one model for everything that speaks there (issue 27: "已按表格生成
// 一段文字…可用 Ctrl+Z 撤销" outlived its undo, "已保存：…" stood beside "有未保存的修改", the desk
// showed the editor's "已导入：…"). Each message has an owner, and is shown only in the view its
// owner belongs to, and a lifetime: "change" messages are about the document as it was when they
// were said and go with its next change (an edit, an undo, a redo, a save); "view" messages stay
// until their owner says something else.

export type Owner = "editor" | "export" | "desk";
export type Lifetime = "change" | "view";

interface Message {
  text: string;
  lifetime: Lifetime;
  /** The document's revision when it was said. */
  revision: number;
}

const VIEW_OF: Record<Owner, "editor" | "desk"> = { editor: "editor", export: "editor", desk: "desk" };

export class StatusLine {
  /** At most one message a view: whoever speaks there last replaces what was said before. */
  private messages = new Map<"editor" | "desk", Message & { owner: Owner }>();
  private revision = 0;
  private view: "editor" | "desk" = "editor";

  constructor(private el: HTMLElement) {}

  /** `""` withdraws what was said in the owner's view. */
  say(text: string, owner: Owner, lifetime: Lifetime = owner === "desk" ? "view" : "change"): void {
    const view = VIEW_OF[owner];
    if (text === "") this.messages.delete(view);
    else this.messages.set(view, { text, owner, lifetime, revision: this.revision });
    this.draw();
  }

  /** The document is at `revision` now: messages about an older state go. */
  changed(revision: number): void {
    if (revision === this.revision) return;
    this.revision = revision;
    for (const [view, m] of this.messages) {
      if (m.lifetime === "change" && m.revision !== revision) this.messages.delete(view);
    }
    this.draw();
  }

  show(view: "editor" | "desk"): void {
    this.view = view;
    this.draw();
  }

  private draw(): void {
    const m = this.messages.get(this.view);
    const text = m?.text ?? "";
    if (this.el.textContent !== text) this.el.textContent = text;
    this.el.dataset.owner = m?.owner ?? "";
  }
}
