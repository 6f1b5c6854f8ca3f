//! 年报编制器's desktop shell: owns the open report, applies the UI's edits through the core,
//! validates after each one, and does all file IO. The UI (`ui/`) is a view of this state.

pub mod commands;
pub mod doc;
pub mod dto;
pub mod error;
pub mod files;
pub mod layout;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod ipc_tests;

include!("command_names.rs");

use std::path::PathBuf;

use nianbao_core::model::AgencyKind;
use nianbao_core::Report;
use tauri::{Builder, Manager, Runtime, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

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

/// Everything but the context: plugins, state, commands and the close guard. Generic over the
/// runtime so that the whole app boots in tests under `tauri::test::mock_builder()`.
pub fn app_builder<R: Runtime>(builder: Builder<R>, file: Option<PathBuf>) -> Builder<R> {
    let mut notice = None;
    let doc = match &file {
        Some(path) => match files::read_report(path) {
            Ok(report) => Document::new(report, Some(path.clone())),
            Err(e) => {
                notice = Some(e.message);
                blank()
            }
        },
        None => blank(),
    };
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new(doc, Recent::load(None), notice))
        .setup(|app| {
            // The recent-files list lives in the app's config folder, known once the app is.
            let store = app
                .path()
                .app_config_dir()
                .ok()
                .map(|d| d.join("recent.json"));
            let state = app.state::<AppState>();
            let mut recent = Recent::load(store);
            if let Some(path) = lock(&state.doc).path.clone() {
                recent.touch(&path);
            }
            *lock(&state.recent) = recent;
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if !lock(&state.doc).is_dirty() {
                    return;
                }
                api.prevent_close();
                let w = window.clone();
                window
                    .dialog()
                    .message("当前年报有尚未保存的修改。关闭后这些修改将丢失。")
                    .title("关闭年报编制器？")
                    .kind(MessageDialogKind::Warning)
                    .buttons(MessageDialogButtons::OkCancelCustom(
                        "不保存，关闭".into(),
                        "取消".into(),
                    ))
                    .show(move |close| {
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
        ])
}

fn blank() -> Document {
    Document::new(
        Report::new("", AgencyKind::Department, commands::report_year()),
        None,
    )
}

pub fn run() {
    let app = app_builder(tauri::Builder::default(), file_argument())
        .build(tauri::generate_context!("../tauri.conf.json"));
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("年报编制器无法启动：{e}");
            std::process::exit(1);
        }
    }
}
