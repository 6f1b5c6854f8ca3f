//! 打开文件 / 打开所在文件夹 after an export: the file with its default program, or its folder in
//! the system's file manager. Under automation the request is written to the file named by
//! `NIANBAO_AUTOMATION_OPENED` instead, so tests see it without a program popping up.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::error::{AppError, AppResult};

pub const AUTOMATION_ENV: &str = "NIANBAO_AUTOMATION_OPENED";

pub fn open(path: &Path, folder: bool) -> AppResult<()> {
    let what = if folder { "文件夹" } else { "文件" };
    let fail = |why: String| {
        AppError::new(
            "errors.open",
            format!("无法打开{what}“{}”：{why}", path.display()),
        )
    };
    if !path.exists() {
        return Err(fail(
            "文件已不在原处（可能被移动或删除），请重新导出。".into(),
        ));
    }
    if let Some(log) = std::env::var_os(AUTOMATION_ENV) {
        let line = format!(
            "{}\t{}\n",
            if folder { "folder" } else { "file" },
            path.display()
        );
        return std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .map_err(|e| fail(nianbao_core::error::io_reason(&e)));
    }
    let mut cmd = command(path, folder);
    let child = cmd.spawn().map_err(|e| {
        fail(format!(
            "系统没有可用的打开方式（{}）。请在文件管理器中找到它。",
            nianbao_core::error::io_reason(&e).trim_end_matches('。')
        ))
    })?;
    // Reap the opener when it exits, so no zombie is left behind.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(target_os = "windows")]
fn command(path: &Path, folder: bool) -> Command {
    use std::os::windows::process::CommandExt;
    let mut c = Command::new("explorer");
    // Written as explorer reads it: Rust's own quoting would wrap the whole "/select,…" in quotes,
    // which explorer does not take apart.
    c.raw_arg(explorer_args(&path.to_string_lossy(), folder));
    c
}

/// explorer's command line for a file (opened with its default program) or its folder (opened
/// with the file selected, `/select,"…"`). The path is quoted, so that spaces and commas in
/// it ("2023年 年报,定稿.pdf") stay one path, and any `\\?\` prefix of a canonical path is dropped:
/// explorer opens "此电脑" instead of a path written that way.
pub fn explorer_args(path: &str, folder: bool) -> String {
    let path = if let Some(share) = path.strip_prefix(r"\\?\UNC\") {
        format!(r"\\{share}")
    } else {
        path.strip_prefix(r"\\?\").unwrap_or(path).to_string()
    };
    if folder {
        format!("/select,\"{path}\"")
    } else {
        format!("\"{path}\"")
    }
}

#[cfg(target_os = "macos")]
fn command(path: &Path, folder: bool) -> Command {
    let mut c = Command::new("open");
    if folder {
        c.arg("-R");
    }
    c.arg(path);
    c
}

#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn command(path: &Path, folder: bool) -> Command {
    let mut c = Command::new("xdg-open");
    match (folder, path.parent()) {
        (true, Some(dir)) => c.arg(dir),
        _ => c.arg(path),
    };
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explorer_is_given_one_quoted_plain_path() {
        assert_eq!(
            explorer_args(r"C:\Users\张三\Documents\2023年 年报,定稿.pdf", true),
            r#"/select,"C:\Users\张三\Documents\2023年 年报,定稿.pdf""#
        );
        assert_eq!(
            explorer_args(r"\\?\D:\年报\x.docx", false),
            r#""D:\年报\x.docx""#
        );
        assert_eq!(
            explorer_args(r"\\?\UNC\server\share\x.pdf", true),
            r#"/select,"\\server\share\x.pdf""#
        );
    }

    #[test]
    fn a_missing_file_is_said_in_chinese() {
        let e = open(Path::new("/nonexistent/年报.pdf"), false).expect_err("missing");
        assert_eq!(
            e.message,
            "无法打开文件“/nonexistent/年报.pdf”：文件已不在原处（可能被移动或删除），请重新导出。"
        );
    }
}
