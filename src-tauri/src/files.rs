//! File IO for the editor, all of it here (the UI never touches a path's bytes): reading with a
//! size limit, atomic writes (temporary file, then rename), and the recent-files list.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use nianbao_core::file::MAX_FILE_BYTES;
use nianbao_core::{load_report, save_report, Report};

use crate::dto::RecentFile;
use crate::error::{AppError, AppResult};

pub const EXTENSION: &str = ".nianbao.json";
const RECENT_LIMIT: usize = 8;

pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a report. The file is only read, never changed, whatever is wrong with it.
pub fn read_report(path: &Path) -> AppResult<Report> {
    let name = display_name(path);
    let io = |e: std::io::Error| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "文件不存在，可能已被移动或删除".to_string(),
            std::io::ErrorKind::PermissionDenied => "没有读取这个文件的权限".to_string(),
            _ => format!("读取时出错（{e}）"),
        };
        AppError::new("errors.file.read", format!("无法打开“{name}”：{why}。"))
    };
    let meta = fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(AppError::new(
            "errors.file.read",
            format!("“{name}”是文件夹，不是年报文件。"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        let e = nianbao_core::CoreError::TooLarge {
            size_mb: meta.len().div_ceil(1024 * 1024),
            limit_mb: (MAX_FILE_BYTES / (1024 * 1024)) as u64,
        };
        return Err(AppError::new(
            "errors.file.invalid",
            format!("无法打开“{name}”：{e}"),
        ));
    }
    let bytes = fs::read(path).map_err(io)?;
    load_report(&bytes)
        .map_err(|e| AppError::new("errors.file.invalid", format!("无法打开“{name}”：{e}")))
}

/// Adds `.nianbao.json` when the chosen name has no such ending.
pub fn with_extension(path: PathBuf) -> PathBuf {
    let name = display_name(&path);
    if name.ends_with(EXTENSION) {
        return path;
    }
    let stem = name.strip_suffix(".json").unwrap_or(&name).to_string();
    path.with_file_name(format!("{stem}{EXTENSION}"))
}

/// Where the previous version of a saved file is kept: `年报.nianbao.json.bak`, beside it. The
/// ending keeps backups out of `nianbao check`/`sum` over a folder; 打开 lists them on request.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a report: see [`write_atomic`]. The previous version of the file is kept as its backup.
pub fn write_report(path: &Path, report: &Report) -> AppResult<()> {
    write_atomic(path, &save_report(report), true)
}

/// Writes beside the destination, flushes to disk, then renames over the destination: a crash
/// or a full disk leaves either the old file or the new one, never half of one. With `backup`,
/// the file being replaced is first kept as [`backup_path`] (hard link, or a copy where the file
/// system has no links); the destination itself never goes missing on the way.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> AppResult<()> {
    let name = display_name(path);
    let fail = |e: std::io::Error| {
        AppError::new(
            "errors.file.write",
            format!(
                "无法保存“{name}”：{}原来的文件没有改动。",
                nianbao_core::error::io_reason(&e)
            ),
        )
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if backup && path.is_file() {
            keep_backup(path)?;
        }
        fs::rename(&tmp, path)?;
        // The rename itself is only durable once the folder is flushed too.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

fn keep_backup(path: &Path) -> std::io::Result<()> {
    let bak = backup_path(path);
    let staged = bak.with_file_name(format!(
        ".{}.{}.tmp",
        display_name(&bak),
        std::process::id()
    ));
    let _ = fs::remove_file(&staged);
    if fs::hard_link(path, &staged).is_err() {
        fs::copy(path, &staged)?;
    }
    fs::rename(&staged, &bak).inspect_err(|_| {
        let _ = fs::remove_file(&staged);
    })
}

/// The recently opened files, newest first, kept in the app's config folder.
pub struct Recent {
    file: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

impl Recent {
    pub fn load(file: Option<PathBuf>) -> Recent {
        let paths = file
            .as_ref()
            .and_then(|f| fs::read(f).ok())
            .and_then(|b| serde_json::from_slice::<Vec<PathBuf>>(&b).ok())
            .unwrap_or_default();
        Recent { file, paths }
    }

    pub fn list(&self) -> Vec<RecentFile> {
        self.paths
            .iter()
            .map(|p| RecentFile {
                path: p.display().to_string(),
                name: display_name(p),
            })
            .collect()
    }

    pub fn contains(&self, path: &Path) -> bool {
        self.paths.iter().any(|p| p == path)
    }

    /// Puts a file at the top. A list that cannot be written is not worth an error dialog.
    pub fn touch(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
        self.paths.insert(0, path.to_path_buf());
        self.paths.truncate(RECENT_LIMIT);
        self.store();
    }

    pub fn forget(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
        self.store();
    }

    fn store(&self) {
        let Some(file) = &self.file else { return };
        if let Some(dir) = file.parent() {
            let _ = fs::create_dir_all(dir);
        }
        if let Ok(bytes) = serde_json::to_vec_pretty(&self.paths) {
            let _ = fs::write(file, bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::model::AgencyKind;

    #[test]
    fn save_then_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.nianbao.json");
        let mut r = Report::new("某局", AgencyKind::Department, 2023);
        r.apply("overview.active", "本年主动公开信息 12 条。")
            .expect("edit");
        write_report(&path, &r).expect("write");
        assert_eq!(read_report(&path).expect("read"), r);
        let leftovers = fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");

        // Saving again keeps the previous version as the backup.
        let mut r2 = r.clone();
        r2.apply("overview.active", "改过的文字。").expect("edit");
        write_report(&path, &r2).expect("write again");
        assert_eq!(read_report(&path).expect("read"), r2);
        assert_eq!(read_report(&backup_path(&path)).expect("backup"), r);
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        names.sort();
        assert_eq!(names, ["a.nianbao.json", "a.nianbao.json.bak"]);
    }

    #[test]
    fn a_failed_save_leaves_the_old_file_and_says_why() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A folder where the file should be: the rename fails after the data is written.
        let path = dir.path().join("x.nianbao.json");
        fs::create_dir(&path).expect("mkdir");
        fs::write(path.join("inside"), b"keep").expect("write");
        let r = Report::new("某局", AgencyKind::Department, 2023);
        let e = write_report(&path, &r).expect_err("cannot replace a folder");
        assert_eq!(e.code, "errors.file.write");
        assert!(
            e.message.starts_with("无法保存“x.nianbao.json”："),
            "{}",
            e.message
        );
        assert!(e.message.ends_with("原来的文件没有改动。"), "{}", e.message);
        assert_eq!(fs::read(path.join("inside")).expect("read"), b"keep");
        let leftovers = fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1, "the temporary file is removed");
    }

    #[test]
    fn broken_files_are_refused_in_chinese_and_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("broken.nianbao.json");
        let bytes = b"{\"schema_version\": 1, \"meta\": {\"agency\": \"x\"";
        fs::write(&path, bytes).expect("write");
        let e = read_report(&path).expect_err("broken");
        assert_eq!(e.code, "errors.file.invalid");
        assert!(
            e.message.starts_with("无法打开“broken.nianbao.json”"),
            "{}",
            e.message
        );
        assert!(e.message.contains("文件不完整"), "{}", e.message);
        assert_eq!(fs::read(&path).expect("read"), bytes);
        let e = read_report(&dir.path().join("missing.nianbao.json")).expect_err("missing");
        assert!(e.message.contains("文件不存在"), "{}", e.message);
    }

    #[test]
    fn names_get_the_extension() {
        assert_eq!(
            with_extension(PathBuf::from("/x/年报")),
            PathBuf::from("/x/年报.nianbao.json")
        );
        assert_eq!(
            with_extension(PathBuf::from("/x/a.json")),
            PathBuf::from("/x/a.nianbao.json")
        );
        assert_eq!(
            with_extension(PathBuf::from("/x/a.nianbao.json")),
            PathBuf::from("/x/a.nianbao.json")
        );
    }

    #[test]
    fn recent_list_is_newest_first_and_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = dir.path().join("cfg/recent.json");
        let mut r = Recent::load(Some(store.clone()));
        for i in 0..10 {
            r.touch(Path::new(&format!("/r/{i}.nianbao.json")));
        }
        r.touch(Path::new("/r/3.nianbao.json"));
        let again = Recent::load(Some(store));
        let names: Vec<_> = again.list().into_iter().map(|f| f.name).collect();
        assert_eq!(names.len(), RECENT_LIMIT);
        assert_eq!(names[0], "3.nianbao.json");
        assert_eq!(names[1], "9.nianbao.json");
    }
}
