//! The native file dialogs, behind one door. WebDriver cannot reach a GTK dialog, so the
//! end-to-end tests answer them through a file named by `NIANBAO_AUTOMATION_PICKS`: each dialog
//! takes the file's first line as the path the user chose (an empty line is a cancel) and
//! writes the rest back. Everything after the choice runs exactly as for a user.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{
    DialogExt, MessageDialogButtons, MessageDialogKind, MessageDialogResult,
};

pub const AUTOMATION_ENV: &str = "NIANBAO_AUTOMATION_PICKS";

/// A kind of file a dialog offers.
pub struct Filter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

pub const REPORT: Filter = Filter {
    name: "年报文件（.nianbao.json）",
    extensions: &["json"],
};
pub const BACKUP: Filter = Filter {
    name: "年报备份（.bak）",
    extensions: &["bak"],
};
/// Reports as published: the form is then told by content, not by this list.
pub const IMPORTABLE: Filter = Filter {
    name: "年报文档（Word、网页、文本）",
    extensions: &[
        "docx", "doc", "wps", "html", "htm", "mht", "mhtml", "txt", "pdf",
    ],
};

/// The next scripted answer, when the app runs under automation.
fn scripted() -> Option<Option<PathBuf>> {
    scripted_line().map(|line| (!line.is_empty()).then(|| PathBuf::from(line)))
}

/// The next scripted line as it is (a path, or a button's label), when under automation.
fn scripted_line() -> Option<String> {
    let file = std::env::var_os(AUTOMATION_ENV)?;
    Some(take_first_line(Path::new(&file)).unwrap_or_default())
}

fn take_first_line(file: &Path) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    let _ = std::fs::write(file, rest);
    let first = first.trim_end_matches('\r');
    (!first.is_empty()).then(|| first.to_string())
}

/// What to do with unsaved changes before they would be lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsaved {
    Save,
    Discard,
    Cancel,
}

const SAVE: &str = "保存";
const DISCARD: &str = "不保存";
const CANCEL: &str = "取消";

fn unsaved_answer(label: &str) -> Unsaved {
    match label {
        SAVE => Unsaved::Save,
        DISCARD => Unsaved::Discard,
        _ => Unsaved::Cancel,
    }
}

/// 保存 / 不保存 / 取消, as Word and WPS ask. Closing the dialog is 取消: nothing is lost.
pub async fn ask_unsaved<R: Runtime>(app: &AppHandle<R>, message: &str, title: &str) -> Unsaved {
    if let Some(answer) = scripted_line() {
        return unsaved_answer(&answer);
    }
    let dialog = app
        .dialog()
        .message(message)
        .title(title)
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::YesNoCancelCustom(
            SAVE.into(),
            DISCARD.into(),
            CANCEL.into(),
        ));
    let result = tauri::async_runtime::spawn_blocking(move || dialog.blocking_show_with_result())
        .await
        .unwrap_or(MessageDialogResult::Cancel);
    match result {
        MessageDialogResult::Custom(label) => unsaved_answer(&label),
        MessageDialogResult::Yes => Unsaved::Save,
        MessageDialogResult::No => Unsaved::Discard,
        _ => Unsaved::Cancel,
    }
}

/// Tells of a failure where no page can show it (a save while the window closes).
pub fn tell_error<R: Runtime>(app: &AppHandle<R>, message: &str) {
    if scripted_line_pending() {
        return;
    }
    app.dialog()
        .message(message)
        .title("年报编制器")
        .kind(MessageDialogKind::Error)
        .show(|_| {});
}

/// Under automation no dialog may block the test: errors are left for the test to find.
fn scripted_line_pending() -> bool {
    std::env::var_os(AUTOMATION_ENV).is_some()
}

/// Asks for a file to open; `None` when the user cancels.
pub async fn pick_open<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filters: &[&Filter],
) -> Option<PathBuf> {
    if let Some(answer) = scripted() {
        return answer;
    }
    let mut dialog = app.dialog().file().set_title(title);
    for f in filters {
        dialog = dialog.add_filter(f.name, f.extensions);
    }
    tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
}

/// Asks where to save, suggesting a name and a folder; `None` when the user cancels.
pub async fn pick_save<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: &Filter,
    suggested: String,
    dir: Option<PathBuf>,
) -> Option<PathBuf> {
    if let Some(answer) = scripted() {
        return answer;
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(filter.name, filter.extensions);
    if let Some(dir) = dir {
        dialog = dialog.set_directory(dir);
    }
    tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
}

/// A file name made from a report's title: characters no file system accepts become `_`.
pub fn file_name_for(title: &str, ending: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}{ending}", clean.trim())
}

pub const WORKBOOK: Filter = Filter {
    name: "Excel 工作簿（.xlsx）",
    extensions: &["xlsx"],
};
pub const CSV: Filter = Filter {
    name: "CSV 表格（.csv）",
    extensions: &["csv"],
};

/// A folder to write into (导出问题清单). Scripted: the next line is the folder; empty is a closed
/// dialog.
pub async fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(answer) = scripted() {
        return answer;
    }
    let dialog = app.dialog().file().set_title(title);
    tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
}

/// 批量审核's 添加文件 (several at once) or 添加文件夹. Scripted: one line of paths separated by
/// tabs (a folder is one path); an empty line is a closed dialog.
pub async fn pick_many<R: Runtime>(app: &AppHandle<R>, folder: bool) -> Vec<PathBuf> {
    if let Some(line) = scripted_line() {
        return line
            .split('\t')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect();
    }
    let dialog = app.dialog().file();
    if folder {
        let dialog = dialog.set_title("选择存放各单位年报的文件夹");
        tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
            .await
            .ok()
            .flatten()
            .and_then(|p| p.into_path().ok())
            .into_iter()
            .collect()
    } else {
        let dialog = dialog
            .set_title("选择要审核的年报（可以多选）")
            .add_filter(REPORT.name, REPORT.extensions)
            .add_filter(IMPORTABLE.name, IMPORTABLE.extensions);
        tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_files())
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_answers_are_taken_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let f = dir.path().join("picks");
        std::fs::write(&f, "/a/一.pdf\n\n/b/二.docx\n不保存\n").expect("write");
        assert_eq!(take_first_line(&f).as_deref(), Some("/a/一.pdf"));
        assert_eq!(take_first_line(&f), None, "an empty line cancels");
        assert_eq!(take_first_line(&f).as_deref(), Some("/b/二.docx"));
        assert_eq!(
            take_first_line(&f).map(|l| unsaved_answer(&l)),
            Some(Unsaved::Discard)
        );
        assert_eq!(take_first_line(&f), None, "no answers left");
        assert_eq!(unsaved_answer("保存"), Unsaved::Save);
        assert_eq!(
            unsaved_answer(""),
            Unsaved::Cancel,
            "closing the dialog loses nothing"
        );
    }

    #[test]
    fn titles_become_safe_file_names() {
        assert_eq!(
            file_name_for("某局2023年报告", ".pdf"),
            "某局2023年报告.pdf"
        );
        assert_eq!(file_name_for("a/b:c*?", ".docx"), "a_b_c__.docx");
    }
}
