//! 批量审核: the 政府办's desk. Many report files are checked off the UI thread by
//! `nianbao-audit` (the engine `nianbao check` uses); rows reach the page in batches through the
//! `desk-rows` event while the work goes on, and the list stays here, in Rust, while the user opens
//! one report in the editor and comes back.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use nianbao_audit::{Outcome, Row};
use nianbao_core::model::AgencyKind;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use ts_rs::TS;

use crate::commands::{done_with, lock, may_discard, AppState};
use crate::dialogs;
use crate::doc::Document;
use crate::dto::FileOutcome;
use crate::error::{AppError, AppResult};
use crate::files;
use crate::imports::ImportNote;

/// How often a running check hands its new rows to the page: often enough that the table fills
/// while checking, seldom enough that 10,000 rows are a few hundred events, not 10,000.
const FLUSH_EVERY: Duration = Duration::from_millis(80);

/// The desk's memory of one folder: `.nianbao-desk.json` in it, read when the folder is added
/// and written (temporary file, then rename) after each check, so that statuses survive closing
/// the app. The reports themselves are never written.
pub struct Memory {
    folder: PathBuf,
    state: nianbao_audit::DeskState,
    /// False when the file was there but damaged: it is then left as it is, for the user to look.
    writable: bool,
    /// Why the folder's state file could not be used, in words.
    notice: Option<String>,
}

impl Memory {
    fn open(folder: &Path) -> Memory {
        let path = folder.join(nianbao_audit::DESK_FILE);
        let (state, writable, notice) = match std::fs::read(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                (nianbao_audit::DeskState::new(), true, None)
            }
            Err(e) => (
                nianbao_audit::DeskState::new(),
                false,
                Some(format!(
                    "无法读取审核台记录 {}：{}这次的审核状态不会保存。",
                    path.display(),
                    nianbao_core::error::io_reason(&e)
                )),
            ),
            Ok(bytes) => match nianbao_audit::DeskState::from_json(&bytes) {
                Ok(s) => (s, true, None),
                Err(e) => (nianbao_audit::DeskState::new(), false, Some(e.to_string())),
            },
        };
        Memory {
            folder: folder.to_path_buf(),
            state,
            writable,
            notice,
        }
    }

    fn name(&self, file: &Path) -> Option<String> {
        file.starts_with(&self.folder)
            .then(|| nianbao_audit::relative_name(&self.folder, file))
    }

    /// The re-checked rows into the state, and the state onto disk.
    fn remember(&mut self, rows: &[&Row]) -> AppResult<()> {
        let seen: Vec<nianbao_audit::Seen> = rows
            .iter()
            .filter(|r| r.stamp.is_some())
            .filter_map(|r| {
                Some(nianbao_audit::Seen {
                    name: self.name(&r.file)?,
                    hash: std::fs::read(&r.file)
                        .ok()
                        .map(|b| nianbao_audit::content_hash(&b)),
                    row: r,
                })
            })
            .collect();
        self.state.refresh(&seen);
        if !self.writable {
            return Ok(());
        }
        files::write_atomic(
            &self.folder.join(nianbao_audit::DESK_FILE),
            &self.state.to_json(),
            false,
        )
    }

    fn entry(&self, row: &Row) -> Option<&nianbao_audit::FileEntry> {
        self.state.file(&self.name(&row.file)?)
    }
}

/// The 本级汇总's SUM-MISMATCH / SUM-NO-REPORT findings, made again against the desk's other
/// reports (read again: a row keeps only what the checker said) and put in its row in place of
/// the previous ones, so that they get statuses like any other finding.
fn apply_own(rows: &mut [Row], own: usize, names: &[String]) {
    use nianbao_audit::own::{check_own, Named};
    let files: Vec<PathBuf> = rows.iter().map(|r| r.file.clone()).collect();
    let never = AtomicBool::new(false);
    let Ok(reports) = nianbao_audit::read_all(&files, &never) else {
        return;
    };
    let Some(Some(own_report)) = reports.get(own) else {
        return;
    };
    let others: Vec<Named> = reports
        .iter()
        .zip(names)
        .filter_map(|(r, n)| r.as_ref().map(|report| Named { name: n, report }))
        .collect();
    let check = check_own(
        Named {
            name: &names[own],
            report: own_report,
        },
        &others,
        None,
    );
    if let Some(row) = rows.get_mut(own) {
        replace_findings(row, "SUM-", &check.findings);
    }
}

/// A row's findings of one family (codes starting with `prefix`) replaced by `diags`, its
/// counts made again; whether anything changed.
fn replace_findings(row: &mut Row, prefix: &str, diags: &[nianbao_core::Diagnostic]) -> bool {
    let Outcome::Checked {
        findings, tally, ..
    } = &mut row.outcome
    else {
        return false;
    };
    let before: Vec<String> = findings
        .iter()
        .filter(|f| f.code.starts_with(prefix))
        .map(|f| f.message.clone())
        .collect();
    let after: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
    if before == after {
        return false;
    }
    findings.retain(|f| !f.code.starts_with(prefix));
    findings.extend(diags.iter().map(nianbao_audit::Finding::of));
    findings.sort_by_key(|f| f.severity);
    let mut t = nianbao_core::Tally::default();
    for f in findings.iter() {
        match f.severity {
            nianbao_core::Severity::Error => t.errors += 1,
            nianbao_core::Severity::Warning => t.warnings += 1,
            nianbao_core::Severity::Info => t.infos += 1,
        }
        if f.explanation.is_some() {
            t.explained += 1;
        }
    }
    *tally = t;
    true
}

/// PEER-ZERO / PEER-RATE 提示 for every row against the others of its year (10 or more), from the
/// figures each row kept; the rows whose 提示 changed (one changed file can move the median).
fn apply_peers(rows: &mut [Row]) -> Vec<usize> {
    use nianbao_audit::own::{peer_findings, Figures, MIN_PEERS};
    let at: Vec<(usize, Figures)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match &r.outcome {
            Outcome::Checked { figures, .. } => Some((i, *figures)),
            Outcome::Unreadable { .. } => None,
        })
        .collect();
    let found = if at.len() >= MIN_PEERS {
        peer_findings(&at.iter().map(|(_, f)| *f).collect::<Vec<_>>())
    } else {
        vec![Vec::new(); at.len()]
    };
    at.iter()
        .zip(found)
        .filter_map(|((i, _), diags)| {
            replace_findings(&mut rows[*i], "PEER-", &diags).then_some(*i)
        })
        .collect()
}

impl Desk {
    /// The desk's names of its rows (inside the remembered folder, else the path).
    fn names(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| {
                self.memory
                    .as_ref()
                    .and_then(|m| m.name(&r.file))
                    .unwrap_or_else(|| r.file.display().to_string())
            })
            .collect()
    }

    /// The row marked 本级汇总, if the desk remembers one that is on it.
    fn own(&self) -> Option<usize> {
        let own = self.memory.as_ref()?.state.own.as_ref()?;
        self.names().iter().position(|n| n == own)
    }
}

/// The desk's list. A row's id is its place in `rows`; rows are replaced in place by 刷新.
#[derive(Default)]
pub struct Desk {
    rows: Vec<Row>,
    /// The folder's state, when one folder was added.
    memory: Option<Memory>,
    /// The running check's stop flag, if one runs.
    job: Option<Arc<AtomicBool>>,
    /// Rows checked but not yet sent to the page.
    outbox: Vec<DeskRow>,
    done: usize,
    total: usize,
    jobs: u32,
}

impl Desk {
    /// A row for the page with its statuses, when the desk remembers its folder.
    fn dto(&self, id: usize) -> Option<DeskRow> {
        let row = self.rows.get(id)?;
        let mut dto = row_dto(id, row);
        if let Some(e) = self.memory.as_ref().and_then(|m| m.entry(row)) {
            let c = nianbao_audit::Counts::of(e);
            dto.counts = Some(DeskCounts {
                fixed: to_u32(c.fixed),
                open: to_u32(c.open),
                new: to_u32(c.new),
                explained: to_u32(c.explained),
            });
        }
        Some(dto)
    }
}

#[cfg(test)]
impl Desk {
    /// As if a check were running (or none): lets a test meet the refusal without a race.
    pub(crate) fn pretend_running(&mut self, running: bool) {
        self.job = running.then(|| Arc::new(AtomicBool::new(false)));
    }
}

/// One report in the desk's table.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskRow {
    pub id: u32,
    /// The file's name, and its full path (tooltip, 打开).
    pub name: String,
    pub path: String,
    /// False when the file could not be read: `summary` then says why.
    pub readable: bool,
    /// Not checked yet (waiting, or left by 停止): not readable, but not "读不了" either.
    pub pending: bool,
    pub agency: String,
    pub year: Option<u32>,
    pub kind: String,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
    /// The first 错误 in words, or why the file could not be read; empty when there is none.
    pub summary: String,
    /// 已改正 / 仍存在 / 新出现 / 已说明, once the desk remembers the report's folder.
    pub counts: Option<DeskCounts>,
}

/// How many of a report's findings stand in each status.
#[derive(Clone, Copy, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskCounts {
    pub fixed: u32,
    pub open: u32,
    pub new: u32,
    pub explained: u32,
}

/// New or re-checked rows, and how far the check has come.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskBatch {
    pub job: u32,
    pub rows: Vec<DeskRow>,
    pub done: u32,
    pub total: u32,
    /// The last batch of a check: `cancelled` says whether it was stopped.
    pub finished: bool,
    pub cancelled: bool,
}

/// What the window tells the page after files were dropped on the desk.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskDropped {
    pub started: Option<DeskStarted>,
    pub error: Option<AppError>,
}

/// One finding of the selected report.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskFinding {
    pub location: String,
    /// "错误", "警告" or "提示".
    pub severity: String,
    pub code: String,
    pub message: String,
    pub suggestion: String,
    /// 已改正 / 仍存在 / 新出现 / 已说明, when the desk remembers the folder.
    pub status: Option<String>,
    /// The reviewer's word: "确认" or "驳回：理由".
    pub decision: Option<String>,
    /// What 确认/驳回 name the finding by, when the desk remembers the folder.
    pub fingerprint: Option<String>,
}

/// What the page asks for when it (re)opens the desk.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskState {
    pub rows: Vec<DeskRow>,
    pub running: bool,
    pub done: u32,
    pub total: u32,
    /// Why the folder's `.nianbao-desk.json` could not be used, when it could not.
    pub notice: Option<String>,
}

/// A check that was started (the job number its batches carry), or nothing to do.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum DeskStarted {
    Started {
        job: u32,
    },
    /// The user closed the dialog, or 刷新 found nothing changed.
    Nothing {
        message: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum DeskExported {
    Done { path: String, message: String },
    Cancelled,
}

/// 生成汇总's choices.
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SumRequest {
    pub agency: String,
    /// One of the layout's agency kinds ("人民政府", …).
    pub kind: String,
    pub year: u32,
    /// Count reports whose tables have 错误, or leave them out.
    pub include_flagged: bool,
}

/// A row placed but not yet checked, and one a stopped check never reached.
const PENDING: &str = "尚未审核。";
const STOPPED: &str = "审核被停止，这一份还没有审核。点“刷新”可以接着审核。";

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub fn row_dto(id: usize, row: &Row) -> DeskRow {
    let name = files::display_name(&row.file);
    let path = row.file.display().to_string();
    match &row.outcome {
        Outcome::Checked {
            agency,
            year,
            kind,
            tally,
            first_error,
            ..
        } => DeskRow {
            id: to_u32(id),
            name,
            path,
            readable: true,
            pending: false,
            agency: agency.clone(),
            year: year.and_then(|y| u32::try_from(y).ok()),
            kind: kind.clone(),
            errors: to_u32(tally.errors),
            warnings: to_u32(tally.warnings),
            infos: to_u32(tally.infos),
            summary: first_error.clone().unwrap_or_default(),
            counts: None,
        },
        Outcome::Unreadable { reason } => DeskRow {
            id: to_u32(id),
            name,
            path,
            readable: false,
            pending: row.stamp.is_none() && (reason == PENDING || reason == STOPPED),
            agency: String::new(),
            year: None,
            kind: String::new(),
            errors: 0,
            warnings: 0,
            infos: 0,
            summary: reason.clone(),
            counts: None,
        },
    }
}

fn busy() -> AppError {
    AppError::new(
        "errors.desk.busy",
        "正在审核上一批文件。请等它完成，或点“停止”后再试。",
    )
}

/// Where each new file goes: the row it already has (checked again in place), or a new row.
fn place(
    desk: &mut Desk,
    files: Vec<PathBuf>,
    problems: Vec<(PathBuf, String)>,
) -> Vec<(usize, PathBuf)> {
    let mut known: HashMap<PathBuf, usize> = desk
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.file.clone(), i))
        .collect();
    let mut work = Vec::with_capacity(files.len());
    for f in files {
        let id = *known.entry(f.clone()).or_insert_with(|| {
            desk.rows.push(Row {
                file: f.clone(),
                stamp: None,
                outcome: Outcome::Unreadable {
                    reason: PENDING.to_string(),
                },
            });
            desk.rows.len() - 1
        });
        work.push((id, f));
    }
    // A folder that could not be listed is a row of its own, so it is not forgotten.
    for (p, reason) in problems {
        let row = Row {
            file: p.clone(),
            stamp: None,
            outcome: Outcome::Unreadable { reason },
        };
        match known.get(&p) {
            Some(&i) => desk.rows[i] = row,
            None => {
                desk.rows.push(row);
                let i = desk.rows.len() - 1;
                known.insert(p, i);
                desk.outbox.push(row_dto(i, &desk.rows[i]));
            }
        }
    }
    work
}

/// Starts checking files (and folders) in the background. Fails only when a check already runs.
pub fn start<R: Runtime>(app: &AppHandle<R>, inputs: Vec<PathBuf>) -> AppResult<DeskStarted> {
    let state = app.state::<AppState>();
    let cancel = Arc::new(AtomicBool::new(false));
    let job = {
        let mut desk = lock(&state.desk);
        if desk.job.is_some() {
            return Err(busy());
        }
        desk.job = Some(cancel.clone());
        // One folder added: the desk remembers it (its statuses, from .nianbao-desk.json).
        if let [one] = inputs.as_slice() {
            let same = desk.memory.as_ref().is_some_and(|m| m.folder == *one);
            if one.is_dir() && !same {
                desk.memory = Some(Memory::open(one));
            }
        }
        desk.jobs += 1;
        desk.done = 0;
        desk.total = 0;
        desk.jobs
    };
    let worker = app.clone();
    let stop = cancel.clone();
    tauri::async_runtime::spawn_blocking(move || run_job(&worker, job, inputs, &stop));
    let flusher = app.clone();
    tauri::async_runtime::spawn(async move { flush_while_running(flusher, job, cancel).await });
    Ok(DeskStarted::Started { job })
}

/// The blocking part: list the files, then check them on all cores.
fn run_job<R: Runtime>(app: &AppHandle<R>, job: u32, inputs: Vec<PathBuf>, cancel: &AtomicBool) {
    let state = app.state::<AppState>();
    let (files, problems) = nianbao_audit::collect(&inputs);
    let work = {
        let mut desk = lock(&state.desk);
        let work = place(&mut desk, files, problems);
        desk.total = work.len();
        work
    };
    let paths: Vec<PathBuf> = work.iter().map(|(_, p)| p.clone()).collect();
    let result = nianbao_audit::run(&paths, cancel, |i, row| {
        let Some(&(id, _)) = work.get(i) else { return };
        let mut desk = lock(&state.desk);
        if let Some(slot) = desk.rows.get_mut(id) {
            *slot = row;
            let dto = row_dto(id, slot);
            desk.outbox.push(dto);
        }
        desk.done += 1;
    });
    let mut desk = lock(&state.desk);
    // Rows never reached (stopped) keep saying so, rather than pretending to be checked.
    if result.is_err() {
        for (id, _) in &work {
            if let Some(Row {
                outcome: Outcome::Unreadable { reason },
                stamp: None,
                ..
            }) = desk.rows.get_mut(*id)
            {
                if reason == PENDING {
                    *reason = STOPPED.to_string();
                }
            }
        }
        let stopped: Vec<DeskRow> = work
            .iter()
            .filter_map(|(id, _)| desk.rows.get(*id).map(|r| (*id, r)))
            .filter(
                |(_, r)| matches!(&r.outcome, Outcome::Unreadable { reason } if reason == STOPPED),
            )
            .map(|(id, r)| row_dto(id, r))
            .collect();
        desk.outbox.extend(stopped);
    }
    // The statuses of what was checked, remembered and sent with the rows; the 本级汇总, when
    // one is marked, compared again with what the others now say.
    let desk = &mut *desk;
    let mut work: Vec<(usize, PathBuf)> = work;
    for i in apply_peers(&mut desk.rows) {
        if !work.iter().any(|(id, _)| *id == i) {
            work.push((i, desk.rows[i].file.clone()));
            // Sent again even without a remembered folder: its 提示 changed.
            desk.outbox.push(row_dto(i, &desk.rows[i]));
        }
    }
    if let Some(own) = desk.own() {
        let names = desk.names();
        apply_own(&mut desk.rows, own, &names);
        if !work.iter().any(|(id, _)| *id == own) {
            work.push((own, desk.rows[own].file.clone()));
        }
    }
    if let Some(memory) = desk.memory.as_mut() {
        let checked: Vec<&Row> = work
            .iter()
            .filter_map(|(id, _)| desk.rows.get(*id))
            .collect();
        if let Err(e) = memory.remember(&checked) {
            memory.notice = Some(e.message.clone());
        }
    }
    if desk.memory.is_some() {
        let dtos: Vec<DeskRow> = work.iter().filter_map(|(id, _)| desk.dto(*id)).collect();
        desk.outbox.extend(dtos);
    }
    let batch = finish_batch(desk, job, true, result.is_err());
    desk.job = None;
    // Sent under the lock, as the flusher sends its batches: the last batch cannot overtake one
    // cut before it and then be followed by "still running".
    let _ = app.emit("desk-rows", batch);
}

fn finish_batch(desk: &mut Desk, job: u32, finished: bool, cancelled: bool) -> DeskBatch {
    DeskBatch {
        job,
        rows: std::mem::take(&mut desk.outbox),
        done: to_u32(desk.done),
        total: to_u32(desk.total),
        finished,
        cancelled,
    }
}

async fn flush_while_running<R: Runtime>(app: AppHandle<R>, job: u32, cancel: Arc<AtomicBool>) {
    loop {
        tokio::time::sleep(FLUSH_EVERY).await;
        let state = app.state::<AppState>();
        let mut desk = lock(&state.desk);
        let running = desk.job.as_ref().is_some_and(|j| Arc::ptr_eq(j, &cancel));
        if !running || desk.jobs != job {
            return;
        }
        let batch = finish_batch(&mut desk, job, false, false);
        // Emitted before the lock is let go: the job's last batch is cut under the same lock, so
        // the page never hears of progress after it heard the end.
        if !batch.rows.is_empty() || batch.total > 0 {
            let _ = app.emit("desk-rows", batch);
        }
    }
}

/// 添加文件 / 添加文件夹.
#[tauri::command]
pub async fn desk_add<R: Runtime>(app: AppHandle<R>, folder: bool) -> AppResult<DeskStarted> {
    let picked = dialogs::pick_many(&app, folder).await;
    if picked.is_empty() {
        return Ok(DeskStarted::Nothing {
            message: String::new(),
        });
    }
    start(&app, picked)
}

/// Files dropped on the window while the desk is shown.
pub fn add_dropped<R: Runtime>(app: &AppHandle<R>, paths: Vec<PathBuf>) -> AppResult<DeskStarted> {
    start(app, paths)
}

/// 停止: the check ends within moments; rows already checked stay.
#[tauri::command]
pub fn desk_cancel(state: State<'_, AppState>) {
    if let Some(flag) = &lock(&state.desk).job {
        flag.store(true, Ordering::SeqCst);
    }
}

/// The whole list, for a page that (re)opens the desk; marks the desk as shown, so that files
/// dropped on the window join it instead of opening.
#[tauri::command]
pub fn desk_show(state: State<'_, AppState>, shown: bool) -> DeskState {
    state.desk_shown.store(shown, Ordering::SeqCst);
    let desk = lock(&state.desk);
    DeskState {
        rows: (0..desk.rows.len()).filter_map(|i| desk.dto(i)).collect(),
        running: desk.job.is_some(),
        done: to_u32(desk.done),
        total: to_u32(desk.total),
        notice: desk.memory.as_ref().and_then(|m| m.notice.clone()),
    }
}

/// 清空列表.
#[tauri::command]
pub fn desk_clear(state: State<'_, AppState>) -> AppResult<()> {
    let mut desk = lock(&state.desk);
    if desk.job.is_some() {
        return Err(busy());
    }
    desk.rows.clear();
    desk.outbox.clear();
    desk.memory = None;
    desk.done = 0;
    desk.total = 0;
    Ok(())
}

/// 刷新: checks again only the files that changed on disk since they were read (size or time).
#[tauri::command]
pub fn desk_refresh<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<DeskStarted> {
    let changed: Vec<PathBuf> = {
        let desk = lock(&state.desk);
        if desk.job.is_some() {
            return Err(busy());
        }
        nianbao_audit::changed(&desk.rows)
            .into_iter()
            .filter_map(|i| desk.rows.get(i).map(|r| r.file.clone()))
            .collect()
    };
    if changed.is_empty() {
        return Ok(DeskStarted::Nothing {
            message: "没有文件改动过，列表已是最新。".to_string(),
        });
    }
    start(&app, changed)
}

fn row_file(state: &AppState, id: u32) -> AppResult<PathBuf> {
    lock(&state.desk)
        .rows
        .get(id as usize)
        .map(|r| r.file.clone())
        .ok_or_else(|| AppError::new("errors.desk.row", "列表中没有这一份报告，请刷新后再选。"))
}

/// The findings of one row, worst first.
#[tauri::command]
pub fn desk_findings(state: State<'_, AppState>, id: u32) -> AppResult<Vec<DeskFinding>> {
    findings_of(&lock(&state.desk), id)
}

fn decision_words(d: &Option<nianbao_audit::Decision>) -> Option<String> {
    match d {
        None => None,
        Some(nianbao_audit::Decision::Confirmed) => Some("确认".to_string()),
        Some(nianbao_audit::Decision::Rejected { reason }) => Some(format!("驳回：{reason}")),
    }
}

fn findings_of(desk: &Desk, id: u32) -> AppResult<Vec<DeskFinding>> {
    let row = desk
        .rows
        .get(id as usize)
        .ok_or_else(|| AppError::new("errors.desk.row", "列表中没有这一份报告，请刷新后再选。"))?;
    let entry = desk.memory.as_ref().and_then(|m| m.entry(row));
    let remembered = |fp: &str| entry.and_then(|e| e.findings.iter().find(|f| f.fingerprint == fp));
    let mut list: Vec<DeskFinding> = match &row.outcome {
        Outcome::Checked { findings, .. } => findings
            .iter()
            .zip(nianbao_audit::fingerprints(findings))
            .map(|(f, fp)| {
                let known = remembered(&fp);
                DeskFinding {
                    location: f.location.clone(),
                    severity: f.severity.label().to_string(),
                    code: f.code.to_string(),
                    message: f.message.clone(),
                    suggestion: f.suggestion.clone(),
                    status: known.map(|k| k.status.label().to_string()),
                    decision: known.and_then(|k| decision_words(&k.decision)),
                    fingerprint: known.map(|_| fp),
                }
            })
            .collect(),
        Outcome::Unreadable { .. } => Vec::new(),
    };
    // What the department corrected since the previous version stays listed, as 已改正.
    if let Some(e) = entry {
        list.extend(
            e.findings
                .iter()
                .filter(|f| f.status == nianbao_audit::Status::Fixed)
                .map(|f| DeskFinding {
                    location: f.location.clone(),
                    severity: f.severity.clone(),
                    code: f.code.clone(),
                    message: f.message.clone(),
                    suggestion: f.hint.clone(),
                    status: Some(f.status.label().to_string()),
                    decision: decision_words(&f.decision),
                    fingerprint: Some(f.fingerprint.clone()),
                }),
        );
    }
    Ok(list)
}

/// 确认 (it must be fixed) or 驳回 (a false alarm; `reason` required) of one finding, or neither
/// (`decision` empty). Kept in the folder's `.nianbao-desk.json`; returns the report's findings.
#[tauri::command]
pub fn desk_decide(
    state: State<'_, AppState>,
    id: u32,
    fingerprint: String,
    decision: String,
    reason: String,
) -> AppResult<Vec<DeskFinding>> {
    let mut desk = lock(&state.desk);
    let file = desk
        .rows
        .get(id as usize)
        .map(|r| r.file.clone())
        .ok_or_else(|| AppError::new("errors.desk.row", "列表中没有这一份报告，请刷新后再选。"))?;
    let decision = match decision.as_str() {
        "confirm" => Some(nianbao_audit::Decision::Confirmed),
        "reject" => Some(nianbao_audit::Decision::Rejected { reason }),
        _ => None,
    };
    let memory = desk.memory.as_mut().ok_or_else(|| {
        AppError::new(
            "errors.desk.decide",
            "请用“添加文件夹”添加存放各单位年报的整个文件夹，再确认或驳回问题：审核意见保存在那个文件夹里。",
        )
    })?;
    let name = memory.name(&file).ok_or_else(|| {
        AppError::new(
            "errors.desk.decide",
            "这份报告不在审核台记住的文件夹里，审核意见无处保存。",
        )
    })?;
    memory
        .state
        .decide(&name, &fingerprint, decision)
        .map_err(|e| AppError::new("errors.desk.decide", e.to_string()))?;
    if memory.writable {
        files::write_atomic(
            &memory.folder.join(nianbao_audit::DESK_FILE),
            &memory.state.to_json(),
            false,
        )?;
    }
    findings_of(&desk, id)
}

/// 打开: the report in the editor (asking first about unsaved work); the desk keeps its list.
#[tauri::command]
pub async fn desk_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: u32,
) -> AppResult<FileOutcome> {
    let path = row_file(&state, id)?;
    crate::imports::open_dropped(&app, &state, path).await
}

fn kind_of(label: &str) -> AgencyKind {
    AgencyKind::ALL
        .into_iter()
        .find(|k| k.label() == label)
        .unwrap_or(AgencyKind::PeoplesGovernment)
}

/// 生成汇总: the desk's readable reports summed (the rules of `nianbao sum`), opened as a new,
/// unsaved document; its inputs are listed in the notes beside it.
#[tauri::command]
pub async fn desk_sum<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SumRequest,
) -> AppResult<FileOutcome> {
    let files: Vec<PathBuf> = {
        let desk = lock(&state.desk);
        if desk.job.is_some() {
            return Err(busy());
        }
        if !desk
            .rows
            .iter()
            .any(|r| matches!(r.outcome, Outcome::Checked { .. }))
        {
            Vec::new()
        } else {
            // Unreadable files too: the note then names each one that was not counted, and a
            // file corrected since the check is counted as it is now.
            desk.rows.iter().map(|r| r.file.clone()).collect()
        }
    };
    if files.is_empty() {
        return Err(AppError::new(
            "errors.desk.sum",
            "列表中没有可以读取的报告。请先添加各单位的年报，再生成汇总。",
        ));
    }
    if !may_discard(&app, &state).await {
        return Ok(FileOutcome::Cancelled);
    }
    let opts = nianbao_audit::SumOptions {
        year: u64::from(request.year),
        agency: request.agency.trim().to_string(),
        kind: kind_of(&request.kind),
        include_flagged: request.include_flagged,
    };
    let never = AtomicBool::new(false);
    let outcome =
        tauri::async_runtime::spawn_blocking(move || nianbao_audit::sum(&files, &opts, &never))
            .await
            .map_err(|_| AppError::new("errors.desk.sum", "汇总没有完成，请重试。"))?
            .map_err(|e| AppError::new("errors.desk.sum", e.to_string()))?;
    // One note a line: which reports were counted, which not and why, which had empty cells.
    let notes = outcome
        .note()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| ImportNote {
            // A note on the sum as a whole, not on a place in a file.
            at: String::new(),
            text: String::new(),
            reason: l.trim().to_string(),
            path: None,
            movable: false,
        })
        .collect();
    state.replace_doc(Document::unsaved(outcome.report, None, None));
    Ok(done_with(&app, &state, notes))
}

fn sheet_name(rows: usize) -> String {
    format!("审核表（{rows} 份）")
}

/// 导出审核表: the workbook (or two CSV tables) of the desk's rows, where the user chooses.
#[tauri::command]
pub async fn desk_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: SheetFormat,
) -> AppResult<DeskExported> {
    let rows: Vec<Row> = {
        let desk = lock(&state.desk);
        if desk.job.is_some() {
            return Err(busy());
        }
        desk.rows.clone()
    };
    if rows.is_empty() {
        return Err(AppError::new(
            "errors.desk.export",
            "列表是空的，没有可以导出的内容。请先添加要审核的年报。",
        ));
    }
    let (filter, ending) = match format {
        SheetFormat::Xlsx => (&dialogs::WORKBOOK, "xlsx"),
        SheetFormat::Csv => (&dialogs::CSV, "csv"),
    };
    let suggested = format!("{}.{ending}", sheet_name(rows.len()));
    let Some(path) = dialogs::pick_save(&app, "导出审核表", filter, suggested, None).await
    else {
        return Ok(DeskExported::Cancelled);
    };
    let path = if path.extension().is_none() {
        path.with_extension(ending)
    } else {
        path
    };
    let target = path.clone();
    let written =
        tauri::async_runtime::spawn_blocking(move || write_sheets(&target, &rows, format))
            .await
            .map_err(|_| AppError::new("errors.desk.export", "导出没有完成，请重试。"))??;
    let message = match written {
        Some(details) => format!(
            "已导出审核表：{}；问题明细：{}",
            path.display(),
            details.display()
        ),
        None => format!("已导出审核表：{}", path.display()),
    };
    Ok(DeskExported::Done {
        path: path.display().to_string(),
        message,
    })
}

/// 导出问题清单: a `{单位}-问题清单.docx` for each report with 错误 or unexplained 警告 (with the
/// desk's statuses: what was corrected is not sent) and 问题清单汇总.xlsx, into a folder the user
/// picks. Nothing there is overwritten: a file of the same name stops the export before any is
/// written.
#[tauri::command]
pub async fn desk_export_issues<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<DeskExported> {
    let fail = |m: String| AppError::new("errors.desk.issues", m);
    let (rows, lists) = {
        let desk = lock(&state.desk);
        if desk.job.is_some() {
            return Err(busy());
        }
        let lists: Vec<nianbao_audit::issues::IssueList> = desk
            .rows
            .iter()
            .filter_map(|r| {
                nianbao_audit::issues::issue_list(r, desk.memory.as_ref().and_then(|m| m.entry(r)))
            })
            .collect();
        (desk.rows.clone(), lists)
    };
    if lists.is_empty() {
        return Err(fail(
            "没有需要发问题清单的报告：列表中的报告都没有错误，警告也都有说明。".to_string(),
        ));
    }
    let Some(dir) = dialogs::pick_folder(&app, "选择保存问题清单的文件夹").await else {
        return Ok(DeskExported::Cancelled);
    };
    let names = nianbao_audit::issues::file_names(&lists);
    let summary = dir.join("问题清单汇总.xlsx");
    let targets: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    if let Some(p) = targets.iter().chain([&summary]).find(|p| p.exists()) {
        return Err(fail(format!(
            "文件夹中已经有“{}”，问题清单一份也没有写。请换一个文件夹，或先把旧的问题清单移走。",
            files::display_name(p)
        )));
    }
    let created = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let count = lists.len();
    let target = dir.clone();
    tauri::async_runtime::spawn_blocking(move || -> AppResult<()> {
        for (list, path) in lists.iter().zip(&targets) {
            let bytes =
                nianbao_audit::issues::docx(list, created).map_err(|e| fail(e.to_string()))?;
            files::write_atomic(path, &bytes, false)?;
        }
        let book = nianbao_audit::workbook::xlsx_with_issues(&rows, &lists)
            .map_err(|e| fail(e.to_string()))?;
        files::write_atomic(&target.join("问题清单汇总.xlsx"), &book, false)
    })
    .await
    .map_err(|_| fail("导出没有完成，请重试。".to_string()))??;
    let message = format!(
        "已导出问题清单 {count} 份和问题清单汇总.xlsx：{}",
        dir.display()
    );
    Ok(DeskExported::Done {
        path: dir.display().to_string(),
        message,
    })
}

/// 设为本级汇总: the row becomes the government's own report; each cell of its tables 二–四 is
/// compared with the sum of the desk's other reports of its year (SUM-MISMATCH), and the
/// departments with no report of that year are named (SUM-NO-REPORT). Kept in the folder's
/// `.nianbao-desk.json`.
#[tauri::command]
pub fn desk_mark_own(state: State<'_, AppState>, id: u32) -> AppResult<DeskRow> {
    let mut desk = lock(&state.desk);
    if desk.job.is_some() {
        return Err(busy());
    }
    let id = id as usize;
    if id >= desk.rows.len() {
        return Err(AppError::new(
            "errors.desk.row",
            "列表中没有这一份报告，请刷新后再选。",
        ));
    }
    if !matches!(desk.rows[id].outcome, Outcome::Checked { .. }) {
        return Err(AppError::new(
            "errors.desk.own",
            "这份文件读不了，不能作为本级汇总。请先改正它，刷新后再试。",
        ));
    }
    let names = desk.names();
    let desk = &mut *desk;
    let Some(memory) = desk.memory.as_mut() else {
        return Err(AppError::new(
            "errors.desk.own",
            "请用“添加文件夹”添加存放各单位年报的整个文件夹，再标记本级汇总：标记保存在那个文件夹里。",
        ));
    };
    memory.state.own = Some(names[id].clone());
    apply_own(&mut desk.rows, id, &names);
    let row = desk.rows[id].clone();
    memory.remember(&[&row])?;
    desk.dto(id)
        .ok_or_else(|| AppError::new("errors.desk.row", "列表中没有这一份报告，请刷新后再选。"))
}

fn write_sheets(path: &Path, rows: &[Row], format: SheetFormat) -> AppResult<Option<PathBuf>> {
    match format {
        SheetFormat::Xlsx => {
            let bytes = nianbao_audit::workbook::xlsx(rows)
                .map_err(|e| AppError::new("errors.desk.export", e.to_string()))?;
            files::write_atomic(path, &bytes, false)?;
            Ok(None)
        }
        SheetFormat::Csv => {
            files::write_atomic(
                path,
                nianbao_audit::workbook::reports_csv(rows).as_bytes(),
                false,
            )?;
            let details = nianbao_audit::workbook::findings_csv_path(path);
            files::write_atomic(
                &details,
                nianbao_audit::workbook::findings_csv(rows).as_bytes(),
                false,
            )?;
            Ok(Some(details))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(i: usize) -> serde_json::Value {
        let p = format!(
            "{}/tests/fixtures/00{i}.nianbao.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_slice(&std::fs::read(p).expect("fixture")).expect("json")
    }

    #[test]
    fn twelve_reports_of_a_year_get_their_peers_hints_and_only_the_changed_rows_are_resent() {
        let seed = fixture(3);
        let mut rows: Vec<Row> = (1..=12u64)
            .map(|k| {
                let mut v = seed.clone();
                if let Some(table) = v["requests"].as_object_mut() {
                    for row in table.values_mut() {
                        for cell in row.as_object_mut().expect("row").values_mut() {
                            let n: u64 = cell.as_str().unwrap_or("0").parse().unwrap_or(0);
                            *cell = serde_json::Value::from((n * k).to_string());
                        }
                    }
                }
                if k == 6 {
                    v["requests"]["granted"]["total"] = serde_json::Value::from("0");
                }
                let r = nianbao_core::load_report(&serde_json::to_vec(&v).expect("json"))
                    .expect("loads");
                Row {
                    file: PathBuf::from(format!("/各单位/{k:02}.nianbao.json")),
                    stamp: None,
                    outcome: nianbao_audit::outcome_of(&r, 0),
                }
            })
            .collect();
        assert_eq!(apply_peers(&mut rows), vec![5]);
        let dto = row_dto(5, &rows[5]);
        let Outcome::Checked { findings, .. } = &rows[5].outcome else {
            panic!("checked");
        };
        assert!(findings.iter().any(|f| f.code == "PEER-RATE"));
        assert_eq!(
            dto.infos as usize,
            findings
                .iter()
                .filter(|f| f.severity == nianbao_core::Severity::Info)
                .count()
        );
        // Nothing changed: nothing to send again, and no 提示 doubled.
        assert!(apply_peers(&mut rows).is_empty());
        let Outcome::Checked { findings, .. } = &rows[5].outcome else {
            panic!("checked");
        };
        assert_eq!(findings.iter().filter(|f| f.code == "PEER-RATE").count(), 1);
        // Nine rows are no batch: the 提示 go.
        let mut nine = rows[..9].to_vec();
        assert_eq!(apply_peers(&mut nine), vec![5]);
    }

    /// The desk's memory over two checks and a restart: statuses from the state file, a
    /// corrected file counted 已改正, a damaged state file said and left alone.
    #[test]
    fn the_folder_is_remembered_across_checks_and_a_damaged_state_is_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("001.nianbao.json");
        let mut wrong = fixture(1);
        wrong["requests"]["new_received"]["natural_person"] = serde_json::Value::from("3");
        std::fs::write(&file, serde_json::to_vec(&wrong).expect("json")).expect("write");
        let mut desk = Desk {
            memory: Some(Memory::open(dir.path())),
            rows: vec![nianbao_audit::check_file(&file)],
            ..Desk::default()
        };
        let rows: Vec<Row> = desk.rows.clone();
        let memory = desk.memory.as_mut().expect("memory");
        memory
            .remember(&rows.iter().collect::<Vec<_>>())
            .expect("written");
        let first = desk.dto(0).and_then(|d| d.counts).expect("counts");
        assert!(first.new >= 2 && first.fixed == 0, "{first:?}");
        // The app closed and opened again: a new desk reads the same statuses.
        let state = dir.path().join(nianbao_audit::DESK_FILE);
        assert!(state.is_file());
        let mut again = Desk {
            memory: Some(Memory::open(dir.path())),
            rows: rows.clone(),
            ..Desk::default()
        };
        assert_eq!(
            again.dto(0).and_then(|d| d.counts).map(|c| c.new),
            Some(first.new)
        );
        // The corrected file comes back.
        std::fs::write(&file, serde_json::to_vec(&fixture(1)).expect("json")).expect("write");
        again.rows = vec![nianbao_audit::check_file(&file)];
        let rows = again.rows.clone();
        let memory = again.memory.as_mut().expect("memory");
        memory
            .remember(&rows.iter().collect::<Vec<_>>())
            .expect("written");
        let second = again.dto(0).and_then(|d| d.counts).expect("counts");
        assert_eq!(second.fixed, first.new - second.open, "{second:?}");
        assert_eq!(second.new, 0);
        // The report itself was never written by the desk.
        assert_eq!(
            std::fs::read(&file).expect("read"),
            serde_json::to_vec(&fixture(1)).expect("json")
        );
        // Cut short: said in Chinese, not overwritten.
        let bytes = std::fs::read(&state).expect("state");
        std::fs::write(&state, &bytes[..bytes.len() / 3]).expect("write");
        let mut broken = Memory::open(dir.path());
        let notice = broken.notice.clone().expect("a notice");
        assert!(notice.contains("文件不完整"), "{notice}");
        broken
            .remember(&rows.iter().collect::<Vec<_>>())
            .expect("not written, no error");
        assert_eq!(
            std::fs::read(&state).expect("state"),
            &bytes[..bytes.len() / 3]
        );
    }

    fn row(reason: &str) -> Row {
        Row {
            file: PathBuf::from("/各单位/孟州市.nianbao.json"),
            stamp: None,
            outcome: Outcome::Unreadable {
                reason: reason.to_string(),
            },
        }
    }

    #[test]
    fn a_row_not_checked_yet_is_pending_not_unreadable() {
        for reason in [PENDING, STOPPED] {
            let dto = row_dto(3, &row(reason));
            assert!(!dto.readable && dto.pending, "{reason}");
            assert_eq!(dto.summary, reason);
        }
        let broken = row_dto(4, &row("文件不完整，读到第 120 行就结束了。"));
        assert!(!broken.readable && !broken.pending);
    }
}
