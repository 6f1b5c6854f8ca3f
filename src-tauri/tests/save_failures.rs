//! Saving onto a full file system and into a read-only one: the old file stays byte for byte,
//! nothing is left behind, and the error says in Chinese what happened. Real file systems: a
//! small tmpfs mounted for the test (needs root, as in CI; elsewhere set
//! NIANBAO_SKIP_MOUNT_TESTS=1 to skip these two tests knowingly).

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao_app::files::{backup_path, read_report, write_report};
use nianbao_core::{load_report, Report};

struct Mount(PathBuf);

impl Mount {
    fn tmpfs(dir: &Path, size: &str) -> Option<Mount> {
        if std::env::var_os("NIANBAO_SKIP_MOUNT_TESTS").is_some() {
            eprintln!("skipped: NIANBAO_SKIP_MOUNT_TESTS is set");
            return None;
        }
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "could not mount a tmpfs at {} (run as root, or set NIANBAO_SKIP_MOUNT_TESTS=1)",
            dir.display()
        );
        Some(Mount(dir.to_path_buf()))
    }

    fn read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount read-only");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn seed() -> Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/003.nianbao.json"
    );
    load_report(&std::fs::read(path).expect("fixture")).expect("loads")
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    v.sort();
    v
}

#[test]
fn a_full_disk_keeps_the_old_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(_m) = Mount::tmpfs(dir.path(), "64k") else {
        return;
    };
    let path = dir.path().join("年报.nianbao.json");
    let old = seed();
    write_report(&path, &old).expect("the first save fits");
    let before = std::fs::read(&path).expect("read");
    // Fill what is left, to the last block.
    let filler = dir.path().join("filler");
    let mut size = 64 * 1024;
    while std::fs::write(&filler, vec![b'x'; size]).is_err() && size > 512 {
        size -= 512;
    }
    let mut new = old.clone();
    new.apply("overview.active", &"新增的文字。".repeat(400))
        .expect("edit");
    let e = match write_report(&path, &new) {
        Ok(()) => panic!("saved onto a full disk"),
        Err(e) => e,
    };
    assert_eq!(e.code, "errors.file.write");
    assert!(
        e.message
            .starts_with("无法保存“年报.nianbao.json”：磁盘空间已满"),
        "{}",
        e.message
    );
    assert!(e.message.ends_with("原来的文件没有改动。"), "{}", e.message);
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(read_report(&path).is_ok_and(|r| r == old), "still opens");
    assert_eq!(names(dir.path()), ["filler", "年报.nianbao.json"]);
}

#[test]
fn a_read_only_file_system_keeps_the_old_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(m) = Mount::tmpfs(dir.path(), "1m") else {
        return;
    };
    let path = dir.path().join("年报.nianbao.json");
    let old = seed();
    write_report(&path, &old).expect("save");
    let before = std::fs::read(&path).expect("read");
    m.read_only();
    let mut new = old.clone();
    new.apply("requests.new_received.natural_person", "92")
        .expect("edit");
    let e = match write_report(&path, &new) {
        Ok(()) => panic!("saved onto a read-only file system"),
        Err(e) => e,
    };
    assert!(
        e.message
            .starts_with("无法保存“年报.nianbao.json”：磁盘或文件夹是只读的，请换一个位置保存。"),
        "{}",
        e.message
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(!backup_path(&path).exists());
    assert_eq!(names(dir.path()), ["年报.nianbao.json"]);
}
