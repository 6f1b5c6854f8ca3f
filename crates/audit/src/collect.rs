//! Which files a batch reads: the files given, and the report-like files under the folders given.

use std::path::{Path, PathBuf};

use nianbao_core::error::io_reason;

/// File endings read on the fly through the importer (the form is then told by content: a Word
/// file named .txt is still read as Word).
pub const IMPORTABLE: &[&str] = &[
    ".txt", ".docx", ".doc", ".wps", ".html", ".htm", ".mht", ".mhtml", ".pdf",
];

/// Whether a file name ends with one of [`IMPORTABLE`], in any case ("年报.DOCX").
pub fn is_importable(name: &str) -> bool {
    let name = name.to_lowercase();
    IMPORTABLE.iter().any(|ext| name.ends_with(ext))
}

/// Whether a file found in a folder is worth reading as a report (a folder of reports also holds
/// spreadsheets, images and Office's "~$" lock files).
pub fn is_report_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with("~$") || name.starts_with(".~lock") {
        return false;
    }
    name.to_lowercase().ends_with(".nianbao.json") || is_importable(name)
}

/// Files under the given files and folders (recursive), report-like files only, in a stable
/// order; a file named directly is kept whatever its name. Folders that cannot be read come back
/// with the Chinese reason.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut problems, 0);
        } else {
            files.push(p.clone());
        }
    }
    (files, problems)
}

/// Deeper than this is a link loop or a mistake, not a filing system.
const MAX_DEPTH: usize = 32;

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>, depth: usize) {
    if depth > MAX_DEPTH {
        problems.push((
            dir.to_path_buf(),
            "文件夹套得太深（可能是快捷方式绕成了圈），没有再往下找。".to_string(),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return problems.push((dir.to_path_buf(), io_reason(&e))),
    };
    let mut found: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    found.sort();
    for p in found {
        if p.is_dir() {
            walk(&p, files, problems, depth + 1);
        } else if is_report_file(&p) {
            files.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_files_by_name() {
        assert!(is_report_file(Path::new("/a/县统计局.nianbao.json")));
        assert!(is_report_file(Path::new("/a/年报.DOCX")));
        assert!(is_report_file(Path::new("/a/年报.pdf")));
        assert!(!is_report_file(Path::new("/a/~$年报.docx")));
        assert!(!is_report_file(Path::new("/a/汇总.xlsx")));
        assert!(!is_report_file(Path::new("/a/封面.png")));
    }
}
