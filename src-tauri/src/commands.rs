//! The commands the UI calls. Each locks the document, does one thing, and answers with what the
//! UI needs to redraw; the window title follows the document. File commands run their dialogs
//! off the main thread and report a user's cancel as an outcome, not an error.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use tokio::sync::Notify;

use nianbao_core::model::AgencyKind;
use nianbao_core::{Report, Section};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::autosave::{Journal, Orphan};
use crate::dialogs;
use crate::doc::Document;
use crate::dto::{self, DocStatus, EditResult, FieldEdit, FileOutcome, Snapshot};
use crate::error::{AppError, AppResult};
use crate::files::{self, Recent};
use crate::imports::ImportNote;
use crate::layout::{self, Layout};

pub struct AppState {
    pub doc: Mutex<Document>,
    pub recent: Mutex<Recent>,
    /// This editor's autosave journal; `None` when the data folder cannot be written (the
    /// editor still works, without crash recovery).
    pub journal: Mutex<Option<Journal>>,
    /// Unsaved work of an editor that did not close normally, offered once at start.
    pub recovery: Mutex<Option<Orphan>>,
    /// Counts document replacements; see [`AppState::replace_doc`].
    pub generation: AtomicU64,
    /// Signalled after every change to the document: wakes the autosave task.
    pub changed: Notify,
    /// Shown once by the UI (a file from the command line that could not be opened).
    pub notice: Mutex<Option<String>>,
    /// A new report's year and the other year to offer, asked once by the UI.
    pub year_question: Mutex<Option<[u64; 2]>>,
    /// Where the window's size is kept, and a count of resize events (only the last one saves).
    pub geometry_file: Mutex<Option<PathBuf>>,
    pub resizes: AtomicU64,
    /// The file the last export wrote: the only one 打开文件 may open.
    pub last_export: Mutex<Option<PathBuf>>,
    /// 批量审核's list and running check, kept while the user edits a report.
    pub desk: Mutex<crate::desk::Desk>,
    /// Whether the page shows the desk: then dropped files join its list instead of opening.
    pub desk_shown: std::sync::atomic::AtomicBool,
    /// 设置 as saved, and why they (or the word list) could not be used at start.
    pub settings: Mutex<(crate::settings::Settings, Option<String>)>,
    pub settings_file: Mutex<Option<PathBuf>>,
    shown_title: Mutex<String>,
}

impl AppState {
    pub fn new(doc: Document, recent: Recent, notice: Option<String>) -> AppState {
        AppState {
            doc: Mutex::new(doc),
            recent: Mutex::new(recent),
            notice: Mutex::new(notice),
            year_question: Mutex::new(None),
            geometry_file: Mutex::new(None),
            resizes: AtomicU64::new(0),
            last_export: Mutex::new(None),
            desk: Mutex::new(crate::desk::Desk::default()),
            desk_shown: std::sync::atomic::AtomicBool::new(false),
            settings: Mutex::new((crate::settings::Settings::default(), None)),
            settings_file: Mutex::new(None),
            journal: Mutex::new(None),
            recovery: Mutex::new(None),
            generation: AtomicU64::new(0),
            changed: Notify::new(),
            shown_title: Mutex::new(String::new()),
        }
    }
}

impl AppState {
    /// Puts another document in place (new, open, import, recovery). The journal is held while
    /// the document changes, so an autosave round that read the old one knows to drop it.
    pub fn replace_doc(&self, doc: Document) {
        let _journal = lock(&self.journal);
        self.replace_doc_locked(doc);
    }

    /// As [`AppState::replace_doc`], for a caller that already holds the journal.
    fn replace_doc_locked(&self, mut doc: Document) {
        let mut current = self.doc_mut();
        // The settings' checks belong to the editor, not to the report: they stay.
        doc.checks = std::mem::take(&mut current.checks);
        *current = doc;
        drop(current);
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The document, to change it: the autosave task is woken when the guard goes.
    pub fn doc_mut(&self) -> DocMut<'_> {
        DocMut {
            doc: lock(&self.doc),
            changed: &self.changed,
        }
    }
}

/// The document locked for a change; see [`AppState::doc_mut`].
pub struct DocMut<'a> {
    doc: MutexGuard<'a, Document>,
    changed: &'a Notify,
}

impl std::ops::Deref for DocMut<'_> {
    type Target = Document;
    fn deref(&self) -> &Document {
        &self.doc
    }
}

impl std::ops::DerefMut for DocMut<'_> {
    fn deref_mut(&mut self) -> &mut Document {
        &mut self.doc
    }
}

impl Drop for DocMut<'_> {
    fn drop(&mut self) {
        self.changed.notify_one();
    }
}

/// A panic while holding a lock must not make every later command fail: the data is still
/// whole (each change is applied to a clone-checked report), so the guard is taken back.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Keeps the native window title equal to the report's title, `*` marking unsaved changes.
pub fn sync_title<R: Runtime>(app: &AppHandle<R>, state: &AppState, status: &DocStatus) {
    let mut shown = lock(&state.shown_title);
    if *shown == status.window_title {
        return;
    }
    if let Some(w) = app.get_webview_window("main") {
        if w.set_title(&status.window_title).is_ok() {
            shown.clone_from(&status.window_title);
        }
    }
}

fn snapshot_of<R: Runtime>(app: &AppHandle<R>, state: &AppState, doc: &Document) -> Snapshot {
    let recent = lock(&state.recent).list();
    let notice = lock(&state.notice).take();
    let recovery = lock(&state.recovery).as_ref().map(dto::RecoveryOffer::of);
    let mut s = dto::snapshot(doc, recent, notice, recovery);
    s.year_choice = lock(&state.year_question).take().map(Vec::from);
    sync_title(app, state, &s.status);
    s
}

/// The reply when the checks changed but no field did (设置 saved).
pub(crate) fn result_now<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    doc: &Document,
) -> EditResult {
    result_of(app, state, doc, crate::doc::Change::default())
}

fn result_of<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    doc: &Document,
    change: crate::doc::Change,
) -> EditResult {
    let r = dto::edit_result(doc, change.changed);
    sync_title(app, state, &r.status);
    r
}

#[tauri::command]
pub fn layout() -> Layout {
    layout::layout()
}

#[tauri::command]
pub fn snapshot<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Snapshot {
    let doc = lock(&state.doc);
    snapshot_of(&app, &state, &doc)
}

#[tauri::command]
pub fn edit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    text: String,
) -> AppResult<EditResult> {
    let mut doc = state.doc_mut();
    let change = doc.edit(&path, &text)?;
    Ok(result_of(&app, &state, &doc, change))
}

#[tauri::command]
pub fn edit_many<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edits: Vec<FieldEdit>,
) -> AppResult<EditResult> {
    let edits: Vec<(String, String)> = edits.into_iter().map(|e| (e.path, e.text)).collect();
    let mut doc = state.doc_mut();
    let change = doc.edit_many(&edits)?;
    Ok(result_of(&app, &state, &doc, change))
}

/// A quick fix from a finding ("改为 147"), as one undo step.
#[tauri::command]
pub fn apply_fix<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    fix: dto::FixDto,
) -> AppResult<EditResult> {
    let fix = nianbao_core::Fix::try_from(&fix)?;
    let mut doc = state.doc_mut();
    let change = doc.apply_fix(&fix)?;
    Ok(result_of(&app, &state, &doc, change))
}

/// 放到…: a paragraph an import kept in the wrong place moved to another part, as one undo step.
#[tauri::command]
pub fn move_text<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    from: String,
    text: String,
    to: String,
) -> AppResult<EditResult> {
    let mut doc = state.doc_mut();
    let change = doc.move_text(&from, &text, &to)?;
    Ok(result_of(&app, &state, &doc, change))
}

/// 写说明: a written 说明 for a true 警告 or 提示 (an empty text withdraws it), as one undo step.
#[tauri::command]
pub fn explain<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    code: String,
    path: String,
    text: String,
) -> AppResult<EditResult> {
    let mut doc = state.doc_mut();
    doc.explain(&code, &path, &text)?;
    Ok(result_of(&app, &state, &doc, crate::doc::Change::default()))
}

/// 按表格生成: the paragraph written from the tables, put in at the caret (`at`, in UTF-16
/// units as the webview counts), as one undo step.
#[tauri::command]
pub fn insert_generated<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    at: u32,
) -> AppResult<EditResult> {
    let mut doc = state.doc_mut();
    let change = doc.insert_generated(&path, at as usize)?;
    Ok(result_of(&app, &state, &doc, change))
}

/// 审核: every rule, including the sums of rows and columns not yet filled in, from now on for
/// this document.
#[tauri::command]
pub fn review_all<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> EditResult {
    let mut doc = state.doc_mut();
    doc.check = nianbao_core::Mode::Full;
    result_of(&app, &state, &doc, crate::doc::Change::default())
}

/// 空格填 0: every empty cell of one section's tables (all tables for `None`), one undo step.
#[tauri::command]
pub fn fill_empty<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    section: Option<String>,
) -> AppResult<EditResult> {
    let section = match section {
        Some(key) => Some(Section::from_key(&key).ok_or_else(|| {
            AppError::new(
                "errors.fill_empty",
                format!("没有名为“{key}”的章节，空格未填。"),
            )
        })?),
        None => None,
    };
    let mut doc = state.doc_mut();
    let edits: Vec<(String, String)> = doc
        .report()
        .empty_cells_filled(section)
        .into_iter()
        .map(|(p, t)| (p.to_string(), t))
        .collect();
    let change = doc.edit_many_as("空格填 0", &edits)?;
    Ok(result_of(&app, &state, &doc, change))
}

#[tauri::command]
pub fn finish_field<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> AppResult<EditResult> {
    let mut doc = state.doc_mut();
    let change = doc.finish_field(&path)?;
    Ok(result_of(&app, &state, &doc, change))
}

#[tauri::command]
pub fn undo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Snapshot {
    let mut doc = state.doc_mut();
    doc.undo();
    snapshot_of(&app, &state, &doc)
}

#[tauri::command]
pub fn redo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Snapshot {
    let mut doc = state.doc_mut();
    doc.redo();
    snapshot_of(&app, &state, &doc)
}

/// Asks before unsaved changes would be lost: 保存 / 不保存 / 取消. `true`: go ahead (saved, or
/// the user chose not to save). A save that fails is told, and nothing goes ahead.
pub(crate) async fn may_discard<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> bool {
    if !lock(&state.doc).is_dirty() {
        return true;
    }
    let answer = dialogs::ask_unsaved(
        app,
        "当前年报有尚未保存的修改。要先保存吗？选“不保存”将放弃这些修改。",
        "保存修改？",
    )
    .await;
    match answer {
        dialogs::Unsaved::Discard => true,
        dialogs::Unsaved::Cancel => false,
        dialogs::Unsaved::Save => match save_before_leaving(app, state).await {
            Ok(saved) => saved,
            Err(e) => {
                dialogs::tell_error(app, &e.message);
                *lock(&state.notice) = Some(e.message);
                false
            }
        },
    }
}

/// Saves the open report where it was saved before, or where the user chooses now. `false`: the
/// user cancelled the choice of a file.
pub(crate) async fn save_before_leaving<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
) -> AppResult<bool> {
    let path = lock(&state.doc).path.clone();
    let path = match path {
        Some(p) => p,
        None => match pick_save_path(app, state).await {
            Some(p) => p,
            None => return Ok(false),
        },
    };
    save_to(app, state, path)?;
    Ok(true)
}

async fn pick_save_path<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> Option<PathBuf> {
    let (suggested, dir) = {
        let doc = lock(&state.doc);
        let title = dto::DocStatus::of(&doc).title;
        let dir = doc
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| d.to_path_buf());
        (dialogs::file_name_for(&title, files::EXTENSION), dir)
    };
    dialogs::pick_save(app, "另存为", &dialogs::REPORT, suggested, dir)
        .await
        .map(files::with_extension)
}

fn done<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> FileOutcome {
    done_with(app, state, Vec::new())
}

/// The answer to a file command that changed the document: a fresh snapshot, and what an
/// import wants the user to check.
pub(crate) fn done_with<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    import_notes: Vec<ImportNote>,
) -> FileOutcome {
    let doc = lock(&state.doc);
    FileOutcome::Done {
        snapshot: Box::new(snapshot_of(app, state, &doc)),
        import_notes,
    }
}

/// The year a new report is for, and the other year worth offering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct YearDefault {
    pub year: u64,
    /// `Some` when the calendar leaves the year in doubt: the user is asked.
    pub other: Option<u64>,
}

/// Reports are written in January to March for the year before: then last year, without asking.
/// From April on, an agency starting a report is as likely preparing this year's (due next
/// January) as finishing a late one: this year, with last year offered.
pub(crate) fn default_year(civil_year: i64, month: u32) -> YearDefault {
    let this = civil_year.max(2020) as u64;
    if month <= 3 {
        YearDefault {
            year: this - 1,
            other: None,
        }
    } else {
        YearDefault {
            year: this,
            other: Some(this - 1),
        }
    }
}

/// Today's civil year and month from the system clock (UTC; a day's difference at midnight of
/// 31 March does not matter here).
fn today() -> (i64, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Days to civil year (Howard Hinnant's algorithm), good for any date after 1970.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month as u32)
}

/// The year of a new report today; the question to ask, if any, goes to the next snapshot.
pub(crate) fn new_report_year(state: &AppState) -> u64 {
    let d = default_year_today();
    *lock(&state.year_question) = d.other.map(|other| [d.year, other]);
    d.year
}

pub(crate) fn default_year_today() -> YearDefault {
    let (year, month) = today();
    default_year(year, month)
}

#[tauri::command]
pub async fn new_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    if !may_discard(&app, &state).await {
        return Ok(FileOutcome::Cancelled);
    }
    let year = new_report_year(&state);
    state.replace_doc(Document::new(
        Report::new("", AgencyKind::Department, year),
        None,
    ));
    Ok(done(&app, &state))
}

/// Opens a file chosen in the native dialog.
#[tauri::command]
pub async fn open_dialog<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    if !may_discard(&app, &state).await {
        return Ok(FileOutcome::Cancelled);
    }
    let filters = [&dialogs::REPORT, &dialogs::BACKUP];
    let Some(path) = dialogs::pick_open(&app, "打开年报", &filters).await else {
        return Ok(FileOutcome::Cancelled);
    };
    open_path(&app, &state, path)
}

/// Opens a file from the recent-files list.
#[tauri::command]
pub async fn open_recent<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> AppResult<FileOutcome> {
    let path = PathBuf::from(path);
    if !lock(&state.recent).contains(&path) {
        // Only files the user opened before can be named by the UI.
        return Err(AppError::new(
            "errors.file.read",
            "这个文件不在最近打开的列表中，请用“打开”选择它。",
        ));
    }
    if !may_discard(&app, &state).await {
        return Ok(FileOutcome::Cancelled);
    }
    open_path(&app, &state, path)
}

pub fn open_path<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    path: PathBuf,
) -> AppResult<FileOutcome> {
    let report = files::read_report(&path)?;
    lock(&state.recent).touch(&path);
    state.replace_doc(Document::new(report, Some(path)));
    Ok(done(app, state))
}

#[tauri::command]
pub async fn save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    let path = lock(&state.doc).path.clone();
    match path {
        Some(path) => save_to(&app, &state, path),
        None => save_as(app, state).await,
    }
}

#[tauri::command]
pub async fn save_as<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    let Some(path) = pick_save_path(&app, &state).await else {
        return Ok(FileOutcome::Cancelled);
    };
    save_to(&app, &state, path)
}

fn save_to<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    path: PathBuf,
) -> AppResult<FileOutcome> {
    {
        // Locks in the one order used everywhere: journal, then document.
        let mut journal = lock(&state.journal);
        let mut doc = state.doc_mut();
        doc.prune_explanations();
        files::write_report(&path, doc.report())?;
        doc.mark_saved(path.clone());
        if let Some(j) = journal.as_mut() {
            j.clear();
        }
    }
    lock(&state.recent).touch(&path);
    Ok(done(app, state))
}

/// 恢复: the offered work becomes the open document, unsaved, and goes into this editor's own
/// journal before the old journal is removed, so a second crash right now loses nothing either.
#[tauri::command]
pub fn recover<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    let Some(orphan) = lock(&state.recovery).take() else {
        return Err(AppError::new(
            "errors.recovery.none",
            "没有可以恢复的内容（可能已经恢复或放弃过了）。",
        ));
    };
    let on_disk = orphan
        .path
        .as_deref()
        .and_then(|p| files::read_report(p).ok());
    let doc = Document::unsaved(orphan.report.clone(), orphan.path.clone(), on_disk);
    let journalled = {
        let mut journal = lock(&state.journal);
        let ok = journal.as_mut().is_some_and(|j| {
            j.write(doc.path.as_deref(), doc.report(), crate::autosave::now_ms())
                .is_ok()
        });
        // Swapped while the journal is held, so the autosave round in flight sees the change.
        state.replace_doc_locked(doc);
        ok
    };
    // Without a journal of our own, the old one stays: it is the only copy on disk of this work.
    if journalled {
        orphan.discard();
    }
    Ok(done(&app, &state))
}

/// 放弃: the offered work is deleted.
#[tauri::command]
pub fn discard_recovery<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Snapshot {
    if let Some(orphan) = lock(&state.recovery).take() {
        orphan.discard();
    }
    let doc = lock(&state.doc);
    snapshot_of(&app, &state, &doc)
}

#[cfg(test)]
mod tests {
    use super::{default_year, today, YearDefault};

    #[test]
    fn a_new_report_is_for_last_year_until_march_then_the_user_is_asked() {
        for month in 1..=3 {
            assert_eq!(
                default_year(2027, month),
                YearDefault {
                    year: 2026,
                    other: None
                }
            );
        }
        for month in 4..=12 {
            assert_eq!(
                default_year(2026, month),
                YearDefault {
                    year: 2026,
                    other: Some(2025)
                }
            );
        }
        let (y, m) = today();
        assert!(
            (2024..2200).contains(&y) && (1..=12).contains(&m),
            "{y}-{m}"
        );
    }
}
