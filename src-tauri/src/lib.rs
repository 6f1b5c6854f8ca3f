//! 年报编制器's desktop shell: owns the open report, applies the UI's edits through the core,
//! validates after each one, and does all file IO. The UI (`ui/`) is a view of this state.

pub mod about;
pub mod autosave;
pub mod commands;
pub mod desk;
pub mod diagnostics;
pub mod dialogs;
pub mod doc;
pub mod dto;
pub mod error;
pub mod exports;
pub mod files;
pub mod geometry;
pub mod imports;
pub mod layout;
pub mod opener;
pub mod settings;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod ipc_tests;

include!("command_names.rs");

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use nianbao_core::model::AgencyKind;
use nianbao_core::Report;
use tauri::{Builder, Emitter, Manager, Runtime, WindowEvent};

use crate::commands::{lock, AppState};
use crate::doc::Document;
use crate::files::Recent;

/// The file given on the command line, if any (`nianbao-editor 年报.nianbao.json`). Options a
/// driver may add (`--automation`, …) are skipped.
fn file_argument() -> Option<PathBuf> {
    std::env::args_os()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
}

/// `--data-dir=DIR`: keep the autosave journal and the recent-files list in DIR instead of the
/// user's data folders (a portable copy on a USB stick; tests that must not share state).
fn data_dir_argument() -> Option<PathBuf> {
    std::env::args_os().skip(1).find_map(|a| {
        a.to_str()
            .and_then(|s| s.strip_prefix("--data-dir="))
            .map(PathBuf::from)
    })
}

/// What the journal last wrote: the file it belongs to and the report.
type Journalled = Option<(Option<PathBuf>, Report)>;

/// Journals unsaved changes a moment after they are made (see [`autosave::next_round`]);
/// removes the journal once the document is saved (or back to what was saved).
async fn autosave_task<R: Runtime>(app: tauri::AppHandle<R>) {
    let mut last: Journalled = None;
    loop {
        {
            let state = app.state::<AppState>();
            autosave::next_round(
                &state.changed,
                autosave::QUIET,
                autosave::MAX_DELAY,
                autosave::IDLE_LOOK,
            )
            .await;
        }
        // Cloning the report and the fsync are blocking work: off the async workers.
        let handle = app.clone();
        let seen = last.take();
        match tauri::async_runtime::spawn_blocking(move || journal_round(&handle, seen)).await {
            Ok(ControlFlow::Continue(now)) => last = now,
            Ok(ControlFlow::Break(())) => return,
            // A panic in one round must not end autosaving: look again from scratch.
            Err(_) => last = None,
        }
    }
}

/// One autosave round: writes the document to the journal if it changed since `last`.
fn journal_round<R: Runtime>(
    app: &tauri::AppHandle<R>,
    last: Journalled,
) -> ControlFlow<(), Journalled> {
    let state = app.state::<AppState>();
    let generation = state.generation.load(Ordering::SeqCst);
    let pending = {
        let doc = lock(&state.doc);
        if !doc.is_dirty() {
            None
        } else if last
            .as_ref()
            .is_some_and(|(p, r)| *p == doc.path && r == doc.report())
        {
            return ControlFlow::Continue(last);
        } else {
            Some((doc.path.clone(), doc.report().clone()))
        }
    };
    let mut journal = lock(&state.journal);
    let Some(j) = journal.as_mut() else {
        return ControlFlow::Break(());
    };
    if state.generation.load(Ordering::SeqCst) != generation {
        // Another document took this one's place meanwhile: look again next round.
        state.changed.notify_one();
        return ControlFlow::Continue(None);
    }
    match pending {
        None => {
            if j.has_entry() {
                j.clear();
            }
            ControlFlow::Continue(None)
        }
        Some((path, report)) => match j.write(path.as_deref(), &report, autosave::now_ms()) {
            Ok(()) => ControlFlow::Continue(Some((path, report))),
            Err(_) => {
                // Tried again next round, soon rather than at the next keystroke.
                state.changed.notify_one();
                ControlFlow::Continue(last)
            }
        },
    }
}

/// Everything but the context: plugins, state, commands and the close guard. Generic over the
/// runtime so that the whole app boots in tests under `tauri::test::mock_builder()`.
pub fn app_builder<R: Runtime>(builder: Builder<R>, file: Option<PathBuf>) -> Builder<R> {
    let mut notice = None;
    let year = commands::default_year_today();
    let doc = match &file {
        Some(path) => match files::read_report(path) {
            Ok(report) => Document::new(report, Some(path.clone())),
            Err(e) => {
                notice = Some(e.message);
                blank(year.year)
            }
        },
        None => blank(year.year),
    };
    let state = AppState::new(doc, Recent::load(None), notice);
    if file.is_none() {
        *lock(&state.year_question) = year.other.map(|other| [year.year, other]);
    }
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|app| {
            // The recent-files list lives in the app's config folder and the autosave journal in
            // its data folder, both known once the app is (or both in --data-dir).
            let custom = data_dir_argument();
            let config = custom.clone().or_else(|| app.path().app_config_dir().ok());
            if let Some(dir) = diagnostics::log_dir(custom.as_deref(), app.handle()) {
                nianbao_diag::hook::set_log_dir(dir);
            }
            let data = custom.or_else(|| app.path().app_data_dir().ok());
            let store = config.as_ref().map(|d| d.join("recent.json"));
            let state = app.state::<AppState>();
            settings::start(&state, config.as_deref());
            // The window is made here (not from the config at start) so that it opens at the size
            // it was left at, fitted to this screen: resizing a shown window races the resize
            // events that remember the size.
            let geometry_file = config.as_deref().map(geometry::store);
            let screen = app.primary_monitor().ok().flatten().map(|m| {
                let s = m.size().to_logical::<f64>(m.scale_factor());
                geometry::Size {
                    width: s.width,
                    height: s.height,
                }
            });
            let size = match screen {
                Some(screen) => geometry::fit(geometry_file.as_deref().and_then(geometry::load), screen),
                None => geometry::PREFERRED,
            };
            let conf = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == "main")
                .cloned()
                .ok_or("tauri.conf.json has no window labelled main")?;
            tauri::WebviewWindowBuilder::from_config(app.handle(), &conf)?
                .inner_size(size.width, size.height)
                .center()
                .build()?;
            *lock(&state.geometry_file) = geometry_file;
            if let Some(dir) = data.map(|d| d.join("autosave")) {
                *lock(&state.recovery) = autosave::orphans(&dir).into_iter().next();
                match autosave::Journal::start(&dir, autosave::now_ms()) {
                    Ok(j) => *lock(&state.journal) = Some(j),
                    Err(e) => {
                        // The editor works without it, but the user must know to save often.
                        let warning = format!(
                            "自动保存不可用：无法在“{}”中写入（{}）。程序意外关闭时未保存的修改会丢失，请经常保存。",
                            dir.display(),
                            nianbao_core::error::io_reason(&e).trim_end_matches('。')
                        );
                        let mut notice = lock(&state.notice);
                        if notice.is_none() {
                            *notice = Some(warning);
                        }
                    }
                }
            }
            tauri::async_runtime::spawn(autosave_task(app.handle().clone()));
            let mut recent = Recent::load(store);
            if let Some(path) = lock(&state.doc).path.clone() {
                recent.touch(&path);
            }
            *lock(&state.recent) = recent;
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::Resized(size) = event {
                remember_size(window, *size);
            }
            if let WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let app = window.app_handle();
                if app.state::<AppState>().desk_shown.load(Ordering::SeqCst) {
                    // On the desk, every dropped file and folder joins the list.
                    let reply = match desk::add_dropped(app, paths.clone()) {
                        Ok(started) => desk::DeskDropped { started: Some(started), error: None },
                        Err(e) => desk::DeskDropped { started: None, error: Some(e) },
                    };
                    let _ = app.emit("desk-dropped", reply);
                } else if let Some(path) = paths.first().cloned() {
                    let app = window.app_handle().clone();
                    tauri::async_runtime::spawn(async move {
                        let state = app.state::<AppState>();
                        let reply = match imports::open_dropped(&app, &state, path).await {
                            Ok(outcome) => imports::Dropped {
                                outcome: Some(outcome),
                                error: None,
                            },
                            Err(e) => imports::Dropped {
                                outcome: None,
                                error: Some(e),
                            },
                        };
                        let _ = app.emit("dropped", reply);
                    });
                }
            }
            if let WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if !lock(&state.doc).is_dirty() {
                    return;
                }
                api.prevent_close();
                let app = window.app_handle().clone();
                let w = window.clone();
                tauri::async_runtime::spawn(async move {
                    let state = app.state::<AppState>();
                    let answer = dialogs::ask_unsaved(
                        &app,
                        "当前年报有尚未保存的修改。关闭前要保存吗？选“不保存”将放弃这些修改。",
                        "关闭年报编制器",
                    )
                    .await;
                    let close = match answer {
                        dialogs::Unsaved::Cancel => false,
                        dialogs::Unsaved::Discard => {
                            // The user chose to throw the changes away: so goes their journal.
                            if let Some(j) = lock(&state.journal).as_mut() {
                                j.clear();
                            }
                            true
                        }
                        dialogs::Unsaved::Save => {
                            match commands::save_before_leaving(&app, &state).await {
                                Ok(saved) => saved,
                                Err(e) => {
                                    dialogs::tell_error(&app, &e.message);
                                    false
                                }
                            }
                        }
                    };
                    if close {
                        let _ = w.destroy();
                    }
                });
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::layout,
            commands::snapshot,
            commands::edit,
            commands::edit_many,
            commands::finish_field,
            commands::undo,
            commands::redo,
            commands::new_report,
            commands::open_dialog,
            commands::open_recent,
            commands::save,
            commands::save_as,
            commands::recover,
            commands::discard_recovery,
            imports::import_report,
            imports::new_next_year,
            exports::export,
            exports::preview,
            commands::fill_empty,
            commands::review_all,
            exports::open_export,
            imports::attach_last_year,
            commands::apply_fix,
            commands::explain,
            commands::move_text,
            settings::settings,
            settings::set_settings,
            settings::pick_wordlist,
            commands::insert_generated,
            about::about,
            diagnostics::export_diagnostics,
            diagnostics::log_ui_error,
            desk::desk_add,
            desk::desk_cancel,
            desk::desk_show,
            desk::desk_clear,
            desk::desk_refresh,
            desk::desk_findings,
            desk::desk_open,
            desk::desk_sum,
            desk::desk_export,
            desk::desk_export_issues,
            desk::desk_mark_own,
            desk::desk_decide,
        ])
}

/// Saves the window's size once resizing pauses (a drag sends dozens of events).
fn remember_size<R: Runtime>(window: &tauri::Window<R>, size: tauri::PhysicalSize<u32>) {
    if size.width == 0 || size.height == 0 || window.is_maximized().unwrap_or(false) {
        return;
    }
    let logical = size.to_logical::<f64>(window.scale_factor().unwrap_or(1.0));
    let app = window.app_handle().clone();
    let round = {
        let state = app.state::<AppState>();
        state.resizes.fetch_add(1, Ordering::SeqCst) + 1
    };
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let state = app.state::<AppState>();
        if state.resizes.load(Ordering::SeqCst) != round {
            return;
        }
        let file = lock(&state.geometry_file).clone();
        if let Some(file) = file {
            // Not worth a word to the user: the window opens at its default size next time.
            let _ = geometry::save(
                &file,
                geometry::Size {
                    width: logical.width,
                    height: logical.height,
                },
            );
        }
    });
}

fn blank(year: u64) -> Document {
    Document::new(Report::new("", AgencyKind::Department, year), None)
}

pub fn run() {
    // Before anything can panic; the log's folder is known once the app is (see setup).
    nianbao_diag::hook::install(diagnostics::PROGRAM);
    let app = app_builder(tauri::Builder::default(), file_argument())
        .build(tauri::generate_context!("tauri.conf.json"));
    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                // A normal exit with nothing unsaved leaves no journal and no lock behind.
                let state = handle.state::<AppState>();
                let dirty = lock(&state.doc).is_dirty();
                let mut journal = lock(&state.journal);
                if !dirty {
                    if let Some(j) = journal.as_mut() {
                        j.clear();
                    }
                }
                // A journal without work (saved, or thrown away at the close prompt) goes with
                // its lock file; one still holding unsaved work stays for the next start.
                if journal.as_ref().is_some_and(|j| !j.has_entry()) {
                    journal.take();
                }
            }
        }),
        Err(e) => {
            eprintln!("年报编制器无法启动：{e}");
            std::process::exit(1);
        }
    }
}
