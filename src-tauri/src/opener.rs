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
    let mut c = Command::new("explorer");
    if folder {
        c.arg(format!("/select,{}", path.display()));
    } else {
        c.arg(path);
    }
    c
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
    fn a_missing_file_is_said_in_chinese() {
        let e = open(Path::new("/nonexistent/年报.pdf"), false).expect_err("missing");
        assert_eq!(
            e.message,
            "无法打开文件“/nonexistent/年报.pdf”：文件已不在原处（可能被移动或删除），请重新导出。"
        );
    }
}
