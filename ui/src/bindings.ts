// 由 src-tauri 的 Rust 类型生成，请勿手工修改。
// Generated from the Rust types in src-tauri; do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p nianbao-app bindings

/** The editor's pages: 基本信息 and sections 一 to 六. */
export type SectionKey =
  | "meta"
  | "overview"
  | "active"
  | "requests"
  | "review"
  | "problems"
  | "other";

/** Every field of a report as the edit API names it, and the sections as findings name them. */
export type FieldPath =
  | "meta.agency"
  | "meta.kind"
  | "meta.year"
  | "meta.published"
  | "meta.title"
  | "overview.intro"
  | "overview.active.heading"
  | "overview.active"
  | "overview.requests.heading"
  | "overview.requests"
  | "overview.management.heading"
  | "overview.management"
  | "overview.platform.heading"
  | "overview.platform"
  | "overview.supervision.heading"
  | "overview.supervision"
  | "active.regulations.issued"
  | "active.regulations.repealed"
  | "active.regulations.in_force"
  | "active.normative_documents.issued"
  | "active.normative_documents.repealed"
  | "active.normative_documents.in_force"
  | "active.licensing"
  | "active.penalty"
  | "active.enforcement"
  | "active.fee"
  | "requests.new_received.natural_person"
  | "requests.new_received.commercial_enterprise"
  | "requests.new_received.research_institution"
  | "requests.new_received.social_welfare_org"
  | "requests.new_received.legal_service_agency"
  | "requests.new_received.other_org"
  | "requests.new_received.total"
  | "requests.carried_over.natural_person"
  | "requests.carried_over.commercial_enterprise"
  | "requests.carried_over.research_institution"
  | "requests.carried_over.social_welfare_org"
  | "requests.carried_over.legal_service_agency"
  | "requests.carried_over.other_org"
  | "requests.carried_over.total"
  | "requests.granted.natural_person"
  | "requests.granted.commercial_enterprise"
  | "requests.granted.research_institution"
  | "requests.granted.social_welfare_org"
  | "requests.granted.legal_service_agency"
  | "requests.granted.other_org"
  | "requests.granted.total"
  | "requests.partially_granted.natural_person"
  | "requests.partially_granted.commercial_enterprise"
  | "requests.partially_granted.research_institution"
  | "requests.partially_granted.social_welfare_org"
  | "requests.partially_granted.legal_service_agency"
  | "requests.partially_granted.other_org"
  | "requests.partially_granted.total"
  | "requests.withheld_state_secret.natural_person"
  | "requests.withheld_state_secret.commercial_enterprise"
  | "requests.withheld_state_secret.research_institution"
  | "requests.withheld_state_secret.social_welfare_org"
  | "requests.withheld_state_secret.legal_service_agency"
  | "requests.withheld_state_secret.other_org"
  | "requests.withheld_state_secret.total"
  | "requests.withheld_prohibited_by_law.natural_person"
  | "requests.withheld_prohibited_by_law.commercial_enterprise"
  | "requests.withheld_prohibited_by_law.research_institution"
  | "requests.withheld_prohibited_by_law.social_welfare_org"
  | "requests.withheld_prohibited_by_law.legal_service_agency"
  | "requests.withheld_prohibited_by_law.other_org"
  | "requests.withheld_prohibited_by_law.total"
  | "requests.withheld_three_safeties.natural_person"
  | "requests.withheld_three_safeties.commercial_enterprise"
  | "requests.withheld_three_safeties.research_institution"
  | "requests.withheld_three_safeties.social_welfare_org"
  | "requests.withheld_three_safeties.legal_service_agency"
  | "requests.withheld_three_safeties.other_org"
  | "requests.withheld_three_safeties.total"
  | "requests.withheld_third_party.natural_person"
  | "requests.withheld_third_party.commercial_enterprise"
  | "requests.withheld_third_party.research_institution"
  | "requests.withheld_third_party.social_welfare_org"
  | "requests.withheld_third_party.legal_service_agency"
  | "requests.withheld_third_party.other_org"
  | "requests.withheld_third_party.total"
  | "requests.withheld_internal_affairs.natural_person"
  | "requests.withheld_internal_affairs.commercial_enterprise"
  | "requests.withheld_internal_affairs.research_institution"
  | "requests.withheld_internal_affairs.social_welfare_org"
  | "requests.withheld_internal_affairs.legal_service_agency"
  | "requests.withheld_internal_affairs.other_org"
  | "requests.withheld_internal_affairs.total"
  | "requests.withheld_process_info.natural_person"
  | "requests.withheld_process_info.commercial_enterprise"
  | "requests.withheld_process_info.research_institution"
  | "requests.withheld_process_info.social_welfare_org"
  | "requests.withheld_process_info.legal_service_agency"
  | "requests.withheld_process_info.other_org"
  | "requests.withheld_process_info.total"
  | "requests.withheld_enforcement_file.natural_person"
  | "requests.withheld_enforcement_file.commercial_enterprise"
  | "requests.withheld_enforcement_file.research_institution"
  | "requests.withheld_enforcement_file.social_welfare_org"
  | "requests.withheld_enforcement_file.legal_service_agency"
  | "requests.withheld_enforcement_file.other_org"
  | "requests.withheld_enforcement_file.total"
  | "requests.withheld_query_matter.natural_person"
  | "requests.withheld_query_matter.commercial_enterprise"
  | "requests.withheld_query_matter.research_institution"
  | "requests.withheld_query_matter.social_welfare_org"
  | "requests.withheld_query_matter.legal_service_agency"
  | "requests.withheld_query_matter.other_org"
  | "requests.withheld_query_matter.total"
  | "requests.unavailable_not_held.natural_person"
  | "requests.unavailable_not_held.commercial_enterprise"
  | "requests.unavailable_not_held.research_institution"
  | "requests.unavailable_not_held.social_welfare_org"
  | "requests.unavailable_not_held.legal_service_agency"
  | "requests.unavailable_not_held.other_org"
  | "requests.unavailable_not_held.total"
  | "requests.unavailable_needs_creation.natural_person"
  | "requests.unavailable_needs_creation.commercial_enterprise"
  | "requests.unavailable_needs_creation.research_institution"
  | "requests.unavailable_needs_creation.social_welfare_org"
  | "requests.unavailable_needs_creation.legal_service_agency"
  | "requests.unavailable_needs_creation.other_org"
  | "requests.unavailable_needs_creation.total"
  | "requests.unavailable_unclear.natural_person"
  | "requests.unavailable_unclear.commercial_enterprise"
  | "requests.unavailable_unclear.research_institution"
  | "requests.unavailable_unclear.social_welfare_org"
  | "requests.unavailable_unclear.legal_service_agency"
  | "requests.unavailable_unclear.other_org"
  | "requests.unavailable_unclear.total"
  | "requests.not_processed_complaint.natural_person"
  | "requests.not_processed_complaint.commercial_enterprise"
  | "requests.not_processed_complaint.research_institution"
  | "requests.not_processed_complaint.social_welfare_org"
  | "requests.not_processed_complaint.legal_service_agency"
  | "requests.not_processed_complaint.other_org"
  | "requests.not_processed_complaint.total"
  | "requests.not_processed_repeated.natural_person"
  | "requests.not_processed_repeated.commercial_enterprise"
  | "requests.not_processed_repeated.research_institution"
  | "requests.not_processed_repeated.social_welfare_org"
  | "requests.not_processed_repeated.legal_service_agency"
  | "requests.not_processed_repeated.other_org"
  | "requests.not_processed_repeated.total"
  | "requests.not_processed_publication.natural_person"
  | "requests.not_processed_publication.commercial_enterprise"
  | "requests.not_processed_publication.research_institution"
  | "requests.not_processed_publication.social_welfare_org"
  | "requests.not_processed_publication.legal_service_agency"
  | "requests.not_processed_publication.other_org"
  | "requests.not_processed_publication.total"
  | "requests.not_processed_excessive.natural_person"
  | "requests.not_processed_excessive.commercial_enterprise"
  | "requests.not_processed_excessive.research_institution"
  | "requests.not_processed_excessive.social_welfare_org"
  | "requests.not_processed_excessive.legal_service_agency"
  | "requests.not_processed_excessive.other_org"
  | "requests.not_processed_excessive.total"
  | "requests.not_processed_confirmation.natural_person"
  | "requests.not_processed_confirmation.commercial_enterprise"
  | "requests.not_processed_confirmation.research_institution"
  | "requests.not_processed_confirmation.social_welfare_org"
  | "requests.not_processed_confirmation.legal_service_agency"
  | "requests.not_processed_confirmation.other_org"
  | "requests.not_processed_confirmation.total"
  | "requests.other_overdue_correction.natural_person"
  | "requests.other_overdue_correction.commercial_enterprise"
  | "requests.other_overdue_correction.research_institution"
  | "requests.other_overdue_correction.social_welfare_org"
  | "requests.other_overdue_correction.legal_service_agency"
  | "requests.other_overdue_correction.other_org"
  | "requests.other_overdue_correction.total"
  | "requests.other_overdue_fee.natural_person"
  | "requests.other_overdue_fee.commercial_enterprise"
  | "requests.other_overdue_fee.research_institution"
  | "requests.other_overdue_fee.social_welfare_org"
  | "requests.other_overdue_fee.legal_service_agency"
  | "requests.other_overdue_fee.other_org"
  | "requests.other_overdue_fee.total"
  | "requests.other_other.natural_person"
  | "requests.other_other.commercial_enterprise"
  | "requests.other_other.research_institution"
  | "requests.other_other.social_welfare_org"
  | "requests.other_other.legal_service_agency"
  | "requests.other_other.other_org"
  | "requests.other_other.total"
  | "requests.total.natural_person"
  | "requests.total.commercial_enterprise"
  | "requests.total.research_institution"
  | "requests.total.social_welfare_org"
  | "requests.total.legal_service_agency"
  | "requests.total.other_org"
  | "requests.total.total"
  | "requests.carried_forward.natural_person"
  | "requests.carried_forward.commercial_enterprise"
  | "requests.carried_forward.research_institution"
  | "requests.carried_forward.social_welfare_org"
  | "requests.carried_forward.legal_service_agency"
  | "requests.carried_forward.other_org"
  | "requests.carried_forward.total"
  | "review.reconsideration.upheld"
  | "review.reconsideration.corrected"
  | "review.reconsideration.other"
  | "review.reconsideration.pending"
  | "review.reconsideration.total"
  | "review.litigation_direct.upheld"
  | "review.litigation_direct.corrected"
  | "review.litigation_direct.other"
  | "review.litigation_direct.pending"
  | "review.litigation_direct.total"
  | "review.litigation_after_reconsideration.upheld"
  | "review.litigation_after_reconsideration.corrected"
  | "review.litigation_after_reconsideration.other"
  | "review.litigation_after_reconsideration.pending"
  | "review.litigation_after_reconsideration.total"
  | "problems"
  | "other"
  | "meta"
  | "overview"
  | "active"
  | "requests"
  | "review";

export type AppError = { 
/**
 * Stable, dotted: `errors.file.read`, `errors.edit.value`, …
 */
code: string, 
/**
 * What happened and what to do, in Chinese.
 */
message: string, };

export type SeverityDto = "error" | "warning" | "info";

export type DiagnosticDto = { code: string, severity: SeverityDto, 
/**
 * 错误, 警告 or 提示.
 */
severityLabel: string, 
/**
 * The section the first path belongs to; `null` for findings about the report as a whole.
 */
section: SectionKey | null, 
/**
 * The fields concerned; the first is where a click in the findings list jumps to.
 */
paths: FieldPath[], 
/**
 * Where, in words a user recognises (表三·自然人·本年新收).
 */
location: string, message: string, hint: string, 
/**
 * A quick fix the editor offers as a button ("改为 147"); sent back as is to `apply_fix`.
 */
fix: FixDto | null, 
/**
 * What to select in the first field when the user jumps to the finding, in UTF-16 code
 * units as the page's `setSelectionRange` counts them.
 */
select: [number, number] | null, 
/**
 * The written 说明 when this 警告 or 提示 is explained; never on an 错误.
 */
explanation: string | null, };

export type FixDto = { path: FieldPath, start: number, end: number, found: string, replacement: string, safe: boolean, 
/**
 * The button's words: "改为 147".
 */
label: string, };

export type DocStatus = { revision: number, 
/**
 * The report's title (`{机关名称}{年度}年政府信息公开工作年度报告`).
 */
title: string, 
/**
 * The window title: the report's title, marked with `*` while unsaved.
 */
windowTitle: string, dirty: boolean, 
/**
 * Where the report is saved; `null` for a new report never saved.
 */
path: string | null, canUndo: boolean, canRedo: boolean, 
/**
 * What Ctrl+Z would undo, in words ("修改表三·自然人·本年新收", "空格填 0"), for the undo
 * button's tooltip and the status line once undone.
 */
undoLabel: string | null, 
/**
 * What Ctrl+Y would redo, in words.
 */
redoLabel: string | null, };

export type EditResult = { status: DocStatus, diagnostics: Array<DiagnosticDto>, 
/**
 * What every total cell should hold, by path, as decimal text: a JavaScript number would
 * round counts above 2^53.
 */
computed: Partial<Record<FieldPath, string>>, 
/**
 * Fields whose text changed besides the one edited (totals that follow their parts).
 */
changed: Partial<Record<FieldPath, string>>, 
/**
 * 总体情况's characters and the local limit ("856 / 1000 字"), when the limit is chosen.
 */
overviewLength: [number, number] | null, };

export type RecentFile = { path: string, 
/**
 * The file name without its folders, for the menu.
 */
name: string, };

export type Snapshot = { status: DocStatus, diagnostics: Array<DiagnosticDto>, 
/**
 * As in [`EditResult::computed`].
 */
computed: Partial<Record<FieldPath, string>>, 
/**
 * The text of every field.
 */
fields: Record<FieldPath, string>, recent: Array<RecentFile>, 
/**
 * A message to show once (a file given on the command line that could not be opened).
 */
notice: string | null, 
/**
 * Unsaved work found from an editor that did not close normally.
 */
recovery: RecoveryOffer | null, 
/**
 * A new report's year and the other year the user may mean: `[suggested, other]`.
 */
yearChoice: [number, number] | null, 
/**
 * Last year's figures the report carries, by cell; empty when it carries none.
 */
previous: Partial<Record<FieldPath, string>>, 
/**
 * The year of those figures.
 */
previousYear: number | null, 
/**
 * As in [`EditResult::overview_length`].
 */
overviewLength: [number, number] | null, };

export type FieldEdit = { path: FieldPath, text: string, };

export type FileOutcome = { "kind": "done", snapshot: Snapshot, 
/**
 * What an import could not place or had to decide, for the user to check.
 */
importNotes: Array<ImportNote>, } | { "kind": "cancelled" };

export type RecoveryOffer = { 
/**
 * Unix milliseconds of the last autosave (the UI shows it in local time).
 */
savedAtMs: number, title: string, 
/**
 * The file the work belongs to; `null` for a report that was never saved.
 */
fileName: string | null, };

export type ImportNote = { 
/**
 * Where in the imported file: "第 12 行" of a text, "第 12 段" of a Word file or web page,
 * "PDF 第 3 页", or "全文".
 */
at: string, text: string, reason: string, 
/**
 * The field the note is about, when the importer knows it: where a click on it jumps.
 */
path: FieldPath | null, 
/**
 * The quoted text stands in the prose field `path` as imported: the note offers 放到… to
 * move it to the part it belongs to.
 */
movable: boolean, };

export type Dropped = { outcome: FileOutcome | null, error: AppError | null, };

export type ExportFormat = "pdf" | "docx" | "html";

export type ExportOutcome = { "kind": "done", path: string, 
/**
 * What was written and what the user should know about it, in Chinese.
 */
message: string, } | { "kind": "cancelled" };

export type Preview = { width: number, height: number, 
/**
 * The family of each face, by the `font` index of a text item (标题, 正文, 黑体, 楷体).
 */
fonts: Array<string>, pages: Array<PreviewPage>, 
/**
 * Characters the fonts lack, and the like.
 */
warnings: Array<string>, };

export type PreviewPage = { items: Array<PreviewItem>, };

export type PreviewItem = { "kind": "text", x: number, y: number, size: number, font: number, spacing: number, text: string, } | { "kind": "rule", x1: number, y1: number, x2: number, y2: number, };

export type Layout = { appName: string, sections: Array<SectionInfo>, 
/**
 * 机关类别 choices, as typed into `meta.kind`.
 */
agencyKinds: Array<string>, 
/**
 * The five parts of 一、总体情况.
 */
parts: Array<PartInfo>, 
/**
 * Tables 二, 三 and 四.
 */
tables: Array<TableSpec>, };

export type SectionInfo = { key: SectionKey, 
/**
 * The heading as printed (一、总体情况); 基本信息 for the editor's own page.
 */
heading: string, 
/**
 * The navigator's short name: 基本信息, 一 … 六.
 */
numeral: string, 
/**
 * The heading without its numeral (总体情况).
 */
name: string, };

export type PartInfo = { numeral: string, heading: string, path: FieldPath, 
/**
 * What its "按表格生成" button is called after (表二, 表三和表四); `null`: no such button.
 */
generatesFrom: string | null, };

export type TableSpec = { section: SectionKey, 
/**
 * The rows of the table as printed, header rows first.
 */
rows: Array<Array<SpecCell>>, };

export type SpecCell = { "kind": "head", text: string, colspan: number, rowspan: number, } | { "kind": "label", text: string, colspan: number, rowspan: number, } | { "kind": "input", path: FieldPath, 
/**
 * The cell's name in words (表三·自然人·本年新收), for screen readers and tooltips.
 */
label: string, colspan: number, 
/**
 * A stated total: the computed value is shown beside it when the two differ.
 */
total: boolean, 
/**
 * An amount of money (four decimals) rather than a count.
 */
money: boolean, };

export type About = { version: string, 
/**
 * Each export role (标题, 正文和表格, 一级标题, 二级标题) and the family serving it.
 */
fonts: Array<AboutFont>, 
/**
 * Why no faces could be listed, in Chinese (no CJK font installed at all).
 */
fontsProblem: string | null, 
/**
 * Where the font cache is and what it did this run, in Chinese.
 */
fontCache: string, };

export type AboutFont = { role: string, family: string, 
/**
 * The face's file, when it came from one (shown on hover).
 */
file: string | null, };

export type SettingsDto = { 
/**
 * 总体情况 at most this many characters; `null` when the local rule is off.
 */
overviewMaxChars: number | null, 
/**
 * The word list's file, when one is chosen.
 */
wordlist: string | null, 
/**
 * How many pairs it holds as read at start or when chosen.
 */
wordlistEntries: number, 
/**
 * Why the saved settings or the word list could not be used, in Chinese.
 */
problem: string | null, };

export type DeskRow = { id: number, 
/**
 * The file's name, and its full path (tooltip, 打开).
 */
name: string, path: string, 
/**
 * False when the file could not be read: `summary` then says why.
 */
readable: boolean, 
/**
 * Not checked yet (waiting, or left by 停止): not readable, but not "读不了" either.
 */
pending: boolean, agency: string, year: number | null, kind: string, errors: number, warnings: number, infos: number, 
/**
 * The first 错误 in words, or why the file could not be read; empty when there is none.
 */
summary: string, 
/**
 * 已改正 / 仍存在 / 新出现 / 已说明, once the desk remembers the report's folder.
 */
counts: DeskCounts | null, };

export type DeskCounts = { fixed: number, open: number, new: number, explained: number, };

export type DeskBatch = { job: number, rows: Array<DeskRow>, done: number, total: number, 
/**
 * The last batch of a check: `cancelled` says whether it was stopped.
 */
finished: boolean, cancelled: boolean, };

export type DeskFinding = { location: string, 
/**
 * "错误", "警告" or "提示".
 */
severity: string, code: string, message: string, suggestion: string, 
/**
 * 已改正 / 仍存在 / 新出现 / 已说明, when the desk remembers the folder.
 */
status: string | null, 
/**
 * The reviewer's word: "确认" or "驳回：理由".
 */
decision: string | null, 
/**
 * What 确认/驳回 name the finding by, when the desk remembers the folder.
 */
fingerprint: string | null, };

export type DeskState = { rows: Array<DeskRow>, running: boolean, done: number, total: number, 
/**
 * Why the folder's `.nianbao-desk.json` could not be used, when it could not.
 */
notice: string | null, };

export type DeskStarted = { "kind": "started", job: number, } | { "kind": "nothing", message: string, };

export type DeskDropped = { started: DeskStarted | null, error: AppError | null, };

export type SheetFormat = "xlsx" | "csv";

export type DeskExported = { "kind": "done", path: string, message: string, } | { "kind": "cancelled" };

export type SumRequest = { agency: string, 
/**
 * One of the layout's agency kinds ("人民政府", …).
 */
kind: string, year: number, 
/**
 * Count reports whose tables have 错误, or leave them out.
 */
includeFlagged: boolean, };

/** Every command: its arguments and what it answers. */
export interface Commands {
  layout: { args: Record<string, never>; result: Layout };
  snapshot: { args: Record<string, never>; result: Snapshot };
  edit: { args: { path: FieldPath; text: string }; result: EditResult };
  edit_many: { args: { edits: FieldEdit[] }; result: EditResult };
  finish_field: { args: { path: FieldPath }; result: EditResult };
  undo: { args: Record<string, never>; result: Snapshot };
  redo: { args: Record<string, never>; result: Snapshot };
  new_report: { args: Record<string, never>; result: FileOutcome };
  open_dialog: { args: Record<string, never>; result: FileOutcome };
  open_recent: { args: { path: string }; result: FileOutcome };
  save: { args: Record<string, never>; result: FileOutcome };
  save_as: { args: Record<string, never>; result: FileOutcome };
  recover: { args: Record<string, never>; result: FileOutcome };
  discard_recovery: { args: Record<string, never>; result: Snapshot };
  import_report: { args: Record<string, never>; result: FileOutcome };
  new_next_year: { args: Record<string, never>; result: FileOutcome };
  export: { args: { format: ExportFormat }; result: ExportOutcome };
  preview: { args: Record<string, never>; result: Preview };
  fill_empty: { args: { section: SectionKey | null }; result: EditResult };
  review_all: { args: Record<string, never>; result: EditResult };
  open_export: { args: { folder: boolean }; result: null };
  apply_fix: { args: { fix: FixDto }; result: EditResult };
  explain: { args: { code: string; path: FieldPath; text: string }; result: EditResult };
  move_text: { args: { from: FieldPath; text: string; to: FieldPath }; result: EditResult };
  settings: { args: Record<string, never>; result: SettingsDto };
  set_settings: { args: { overviewMaxChars: number | null; wordlist: string | null }; result: EditResult };
  pick_wordlist: { args: Record<string, never>; result: string | null };
  insert_generated: { args: { path: FieldPath; at: number }; result: EditResult };
  attach_last_year: { args: Record<string, never>; result: FileOutcome };
  about: { args: Record<string, never>; result: About };
  export_diagnostics: { args: Record<string, never>; result: ExportOutcome };
  log_ui_error: { args: { kind: string; message: string; stack: string | null }; result: null };
  desk_add: { args: { folder: boolean }; result: DeskStarted };
  desk_cancel: { args: Record<string, never>; result: null };
  desk_show: { args: { shown: boolean }; result: DeskState };
  desk_clear: { args: Record<string, never>; result: null };
  desk_refresh: { args: Record<string, never>; result: DeskStarted };
  desk_findings: { args: { id: number }; result: DeskFinding[] };
  desk_open: { args: { id: number }; result: FileOutcome };
  desk_sum: { args: { request: SumRequest }; result: FileOutcome };
  desk_export: { args: { format: SheetFormat }; result: DeskExported };
  desk_export_issues: { args: Record<string, never>; result: DeskExported };
  desk_mark_own: { args: { id: number }; result: DeskRow };
  desk_decide: { args: { id: number, fingerprint: string, decision: "confirm" | "reject" | "", reason: string }; result: DeskFinding[] };
}
