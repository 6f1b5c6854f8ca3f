//! 导入 (a report as published: Word, web page or text) and 以上年年报新建 (next year's report
//! started from last year's): both make a new, unsaved document, so nobody retypes last year.

use std::path::{Path, PathBuf};

use nianbao_core::Report;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::commands::{done_with, may_discard, AppState};
use crate::dialogs;
use crate::doc::Document;
use crate::dto::FileOutcome;
use crate::error::{AppError, AppResult};
use crate::files;

/// Something the importer could not place or had to decide, for the user to check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ImportNote {
    /// Where in the imported file: "第 12 行" of a text, "第 12 段" of a Word file or web page,
    /// "PDF 第 3 页", or "全文".
    pub at: String,
    pub text: String,
    pub reason: String,
    /// The field the note is about, when the importer knows it: where a click on it jumps.
    #[ts(type = "FieldPath | null")]
    pub path: Option<String>,
    /// The quoted text stands in the prose field `path` as imported: the note offers 放到… to
    /// move it to the part it belongs to.
    pub movable: bool,
}

/// Reads and imports a report file of any form (old .doc/.wps through LibreOffice when it is
/// installed). Only reads: the file is never changed.
pub fn import_file(path: &Path) -> AppResult<(Report, Vec<ImportNote>)> {
    let name = files::display_name(path);
    let imported = nianbao_convert::import_path(path)
        .map_err(|why| AppError::new("errors.import", format!("无法导入“{name}”：{why}")))?;
    let notes = imported
        .findings
        .into_iter()
        .map(|f| {
            let (at, reason) = f.place(imported.form);
            let movable = f.path.is_some_and(|p| {
                nianbao_core::relocate::holds_prose(p)
                    && !f.text.trim().is_empty()
                    && imported
                        .report
                        .text_at(p)
                        .is_some_and(|t| t.contains(f.text.trim()))
            });
            ImportNote {
                at,
                reason: reason.to_string(),
                text: f.text,
                path: f.path.map(|p| p.to_string()),
                movable,
            }
        })
        .collect();
    Ok((imported.report, notes))
}

/// [`import_file`] on the blocking pool: converting an old .doc through LibreOffice can take up
/// to a minute, which must not hold one of the runtime's workers.
async fn import_off_thread(path: PathBuf) -> AppResult<(Report, Vec<ImportNote>)> {
    tauri::async_runtime::spawn_blocking(move || import_file(&path))
        .await
        .map_err(|_| AppError::new("errors.import", "导入没有完成，请重试。"))?
}

/// What the window tells the page after a file was dropped onto it.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dropped {
    pub outcome: Option<FileOutcome>,
    pub error: Option<AppError>,
}

/// A file dropped onto the window: a report file (`.nianbao.json`, `.bak`) opens; anything 导入
/// reads (Word, PDF, web page, text) is imported as a new, unsaved document.
pub async fn open_dropped<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    path: PathBuf,
) -> AppResult<FileOutcome> {
    if !may_discard(app, state).await {
        return Ok(FileOutcome::Cancelled);
    }
    let name = files::display_name(&path).to_lowercase();
    if name.ends_with(".json") || name.ends_with(".bak") {
        return crate::commands::open_path(app, state, path);
    }
    let (report, notes) = import_off_thread(path).await?;
    state.replace_doc(Document::unsaved(report, None, None));
    Ok(done_with(app, state, notes))
}

async fn pick_last_year<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    dialogs::pick_open(
        app,
        "选择上一年度的年报",
        &[&dialogs::REPORT, &dialogs::IMPORTABLE],
    )
    .await
}

/// Last year's report from a `.nianbao.json`, or from anything 导入 reads.
async fn read_last_year(path: PathBuf) -> AppResult<Report> {
    let name = files::display_name(&path).to_lowercase();
    let imported = dialogs::IMPORTABLE
        .extensions
        .iter()
        .any(|ext| name.ends_with(&format!(".{ext}")));
    if imported {
        Ok(import_off_thread(path).await?.0)
    } else {
        files::read_report(&path)
    }
}

/// 关联上年年报: last year's tables (from a `.nianbao.json` or anything 导入 reads) kept in this
/// report, to show beside each cell and to check this year's figures against. One undo step.
#[tauri::command]
pub async fn attach_last_year<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    let Some(path) = pick_last_year(&app).await else {
        return Ok(FileOutcome::Cancelled);
    };
    let name = files::display_name(&path);
    let last = read_last_year(path).await?;
    state
        .doc_mut()
        .change(|r| r.attach_last_year(&last))
        .map_err(|e| {
            AppError::new(
                "errors.last_year",
                format!("无法关联“{name}”：{}", e.message),
            )
        })?;
    Ok(done_with(&app, &state, Vec::new()))
}

/// 导入: a published report's text becomes a new, unsaved document.
#[tauri::command]
pub async fn import_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    if !may_discard(&app, &state).await {
        return Ok(FileOutcome::Cancelled);
    }
    let Some(path) = dialogs::pick_open(
        &app,
        "导入年报（Word、网页或文本）",
        &[&dialogs::IMPORTABLE],
    )
    .await
    else {
        return Ok(FileOutcome::Cancelled);
    };
    let (report, notes) = import_off_thread(path).await?;
    state.replace_doc(Document::unsaved(report, None, None));
    Ok(done_with(&app, &state, notes))
}

/// 以上年年报新建: next year's report from last year's file (`.nianbao.json`, Word, page or
/// text): 上年结转 filled from last year's 结转下年度, last year's figures kept for the cross-year
/// checks, its texts kept as drafts to rewrite.
#[tauri::command]
pub async fn new_next_year<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<FileOutcome> {
    if !may_discard(&app, &state).await {
        return Ok(FileOutcome::Cancelled);
    }
    let Some(path) = pick_last_year(&app).await else {
        return Ok(FileOutcome::Cancelled);
    };
    let last = read_last_year(path).await?;
    state.replace_doc(Document::unsaved(last.start_next_year(), None, None));
    Ok(done_with(&app, &state, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error of an import that must fail (a report in the panic would be pages long).
    fn refused(r: AppResult<(Report, Vec<ImportNote>)>) -> AppError {
        match r {
            Ok(_) => panic!("imported what should have been refused"),
            Err(e) => e,
        }
    }

    #[test]
    fn imports_a_seed_and_refuses_what_is_not_a_report() {
        let dir = tempfile::tempdir().expect("tempdir");
        let seeds = format!("{}/tests/seeds", env!("CARGO_MANIFEST_DIR"));
        let seed = std::fs::read_dir(&seeds)
            .expect("seeds")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().contains("003"))
            .expect("seed 003");
        let (report, notes) = match import_file(&seed) {
            Ok(ok) => ok,
            Err(e) => panic!("seed 003 imports: {}", e.message),
        };
        assert!(!report.meta.agency.is_empty());
        assert!(notes.is_empty(), "seed 003 imports cleanly: {notes:?}");

        let png = dir.path().join("图.txt");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
        let e = refused(import_file(&png));
        assert!(
            e.message.starts_with("无法导入“图.txt”：文件不是纯文本"),
            "{}",
            e.message
        );
        assert_eq!(
            std::fs::read(&png).expect("read"),
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
        );

        let shopping = dir.path().join("清单.txt");
        std::fs::write(&shopping, "牛奶\n面包\n").expect("write");
        let e = refused(import_file(&shopping));
        assert!(e.message.contains("找不到年报的标题"), "{}", e.message);

        let e = refused(import_file(&dir.path().join("无.txt")));
        assert!(e.message.contains("文件不存在"), "{}", e.message);

        // Our own Word export of the seed, back through the same door.
        let docx = dir.path().join("年报.docx");
        let bytes = nianbao_export::export_docx(&report, 0).expect("docx");
        std::fs::write(&docx, bytes).expect("write");
        let (again, _) = match import_file(&docx) {
            Ok(ok) => ok,
            Err(e) => panic!("the .docx imports: {}", e.message),
        };
        assert_eq!(again.requests, report.requests);
        let broken = dir.path().join("坏.docx");
        std::fs::write(&broken, b"PK\x03\x04 broken").expect("write");
        let e = refused(import_file(&broken));
        assert!(
            e.message.starts_with("无法导入“坏.docx”：Word 文档已损坏"),
            "{}",
            e.message
        );
    }
}
