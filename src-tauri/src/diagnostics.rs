//! 关于 → 导出诊断信息, and the window's errors into the local log. What goes in the log and the
//! zip, and how it is scrubbed of report text, is `nianbao_diag`'s (crates/diag); this module
//! gathers this machine's facts (version, system, web engine, faces) and writes the file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use nianbao_diag::{bundle, hook, log, os, Log};
use tauri::{AppHandle, Manager, Runtime};

use crate::about::{about_of, About};
use crate::dialogs::{self, Filter};
use crate::error::{AppError, AppResult};
use crate::exports::ExportOutcome;
use crate::files;

/// The program's name in the log's entries.
pub const PROGRAM: &str = "nianbao-editor";

pub const ZIP: Filter = Filter {
    name: "压缩文件（.zip）",
    extensions: &["zip"],
};

/// The web engine the window runs on, by system.
#[cfg(windows)]
const ENGINE: &str = "WebView2";
#[cfg(target_os = "macos")]
const ENGINE: &str = "WKWebView（WebKit）";
#[cfg(not(any(windows, target_os = "macos")))]
const ENGINE: &str = "WebKitGTK";

/// The log's folder: `logs` in `--data-dir` when given (a portable copy keeps everything on its
/// stick; tests keep theirs apart), else Tauri's log folder for the app.
pub fn log_dir<R: Runtime>(custom: Option<&Path>, app: &AppHandle<R>) -> Option<PathBuf> {
    match custom {
        Some(d) => Some(d.join("logs")),
        None => app.path().app_log_dir().ok(),
    }
}

/// The window's errors logged in one run, at most: a handler failing on every keystroke would
/// otherwise push an earlier panic out of the two files within minutes.
pub const UI_ERRORS_PER_RUN: u32 = 50;
static UI_ERRORS: AtomicU32 = AtomicU32::new(0);

/// Writes one window error to `log`; `false` when it was not written (no log, the run's
/// allowance spent, the file not writable).
pub fn record_ui_error(log: Option<&Log>, kind: &str, message: &str, stack: Option<&str>) -> bool {
    let Some(log) = log else { return false };
    if UI_ERRORS.fetch_add(1, Ordering::SeqCst) >= UI_ERRORS_PER_RUN {
        return false;
    }
    let entry = log::ui_entry(hook::now_secs(), kind, message, stack);
    log.append(&entry).is_ok()
}

/// The page's `error` and `unhandledrejection` events. Never an error back: the page has
/// nothing it could do about a log that cannot be written, and must not loop reporting it.
#[tauri::command]
pub fn log_ui_error(kind: String, message: String, stack: Option<String>) {
    record_ui_error(
        hook::current_log().as_ref(),
        &kind,
        &message,
        stack.as_deref(),
    );
}

/// `WebKitGTK 2.48.1`, `WebView2 131.0.2903.86`.
pub fn webview_version() -> String {
    match tauri::webview_version() {
        Ok(v) => format!("{ENGINE} {v}"),
        Err(e) => format!("{ENGINE}（版本未知：{e}）"),
    }
}

/// What the bundle says about this machine, from 关于's answer.
pub fn facts_of(
    about: &About,
    webview: String,
    made_at: i64,
    home: Option<PathBuf>,
) -> bundle::Facts {
    bundle::Facts {
        program: "年报编制器".to_string(),
        version: about.version.clone(),
        os: os::describe(),
        webview,
        fonts: about
            .fonts
            .iter()
            .map(|f| bundle::FontLine {
                role: f.role.clone(),
                family: f.family.clone(),
                file: f.file.clone(),
            })
            .collect(),
        fonts_problem: about.fonts_problem.clone(),
        font_cache: about.font_cache.clone(),
        made_at,
        home: home.map(|h| h.display().to_string()),
    }
}

/// This machine's facts now (font discovery may take a moment the first time: call it off the
/// UI's thread).
pub fn facts_now(home: Option<PathBuf>) -> bundle::Facts {
    let about = about_of(crate::exports::fonts(), crate::exports::font_cache_note());
    facts_of(&about, webview_version(), hook::now_secs(), home)
}

/// The zip of `facts` and `log`'s files, written atomically at `path`.
pub fn write_bundle(path: &Path, facts: &bundle::Facts, log: Option<&Log>) -> AppResult<()> {
    let logs = log.map(Log::files).unwrap_or_default();
    let bytes = bundle::zip(&bundle::entries(facts, logs))
        .map_err(|e| AppError::new("errors.diagnostics.zip", e.to_string()))?;
    files::write_atomic(path, &bytes, false)
}

#[tauri::command]
pub async fn export_diagnostics<R: Runtime>(app: AppHandle<R>) -> AppResult<ExportOutcome> {
    let suggested = bundle::file_name(hook::now_secs());
    let dir = app.path().desktop_dir().ok().filter(|d| d.is_dir());
    let Some(path) = dialogs::pick_save(&app, "导出诊断信息", &ZIP, suggested, dir).await
    else {
        return Ok(ExportOutcome::Cancelled);
    };
    let path = if path.extension().is_none() {
        path.with_extension("zip")
    } else {
        path
    };
    let home = app.path().home_dir().ok();
    let facts = tauri::async_runtime::spawn_blocking(move || facts_now(home))
        .await
        .map_err(|_| AppError::new("errors.diagnostics.zip", "没能收集诊断信息，请重试。"))?;
    write_bundle(&path, &facts, hook::current_log().as_ref())?;
    Ok(ExportOutcome::Done {
        message: format!(
            "已导出诊断信息：{}。请把这个文件发给为您提供技术支持的人；其中只有版本、系统、字体和程序错误的记录，没有年报的内容。",
            path.display()
        ),
        path: path.display().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::about::{AboutFont, VERSION};

    #[test]
    fn facts_carry_about_s_faces_and_the_engine() {
        let about = About {
            version: VERSION.to_string(),
            fonts: vec![AboutFont {
                role: "标题".into(),
                family: "方正小标宋简体".into(),
                file: Some("/home/u/f.ttf".into()),
            }],
            fonts_problem: None,
            font_cache: "字体缓存：/home/u/.cache/x。".into(),
        };
        let f = facts_of(&about, webview_version(), 0, Some(PathBuf::from("/home/u")));
        assert_eq!(f.version, VERSION);
        assert_eq!(f.fonts[0].family, "方正小标宋简体");
        assert_eq!(f.home.as_deref(), Some("/home/u"));
        assert!(f.webview.starts_with(ENGINE), "{}", f.webview);
        // The engine's version is asked of the library the app links, not guessed.
        assert!(
            f.webview[ENGINE.len()..]
                .trim()
                .starts_with(|c: char| c.is_ascii_digit()),
            "{}",
            f.webview
        );
    }

    #[test]
    fn window_errors_need_a_log_and_stop_at_the_run_s_allowance() {
        assert!(!record_ui_error(None, "error", "x", None));
        let dir = tempfile::tempdir().expect("tempdir");
        let log = Log::new(dir.path().to_path_buf());
        let written = (0..UI_ERRORS_PER_RUN + 10)
            .filter(|_| record_ui_error(Some(&log), "error", "TypeError: x", None))
            .count();
        assert_eq!(written as u32, UI_ERRORS_PER_RUN);
        let text = String::from_utf8(log.files()[0].1.clone()).expect("utf-8");
        assert_eq!(text.lines().count() as u32, UI_ERRORS_PER_RUN);
    }
}
