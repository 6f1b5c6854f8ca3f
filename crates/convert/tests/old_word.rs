//! Old Word files through LibreOffice: LibreOffice's own .doc of each seed imports to the seed's
//! numbers; without LibreOffice the user is told how to save a .docx; a converter that hangs is
//! killed at the time limit. LibreOffice is installed by scripts/setup.sh.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nianbao_convert::{find_soffice, import_path, import_path_with, TIME_LIMIT};
use nianbao_core::load_report;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn libreoffice_doc_files_import_to_the_seed_numbers() {
    let soffice = find_soffice().expect("LibreOffice (scripts/setup.sh installs it)");
    for i in 0..5 {
        let doc = repo(&format!("tests/import/libreoffice/seed-00{i}.doc"));
        let before = std::fs::read(&doc).expect("doc");
        let got = import_path_with(&doc, Some(&soffice), TIME_LIMIT)
            .unwrap_or_else(|e| panic!("seed {i}: {e}"));
        let want = load_report(
            &std::fs::read(repo(&format!("tests/fixtures/00{i}.nianbao.json"))).expect("fixture"),
        )
        .expect("loads");
        let r = &got.report;
        assert_eq!(r.meta.agency, want.meta.agency, "seed {i}");
        assert_eq!(r.meta.year(), want.meta.year(), "seed {i}");
        // The fee is printed with four decimals ("0.0000" for 0): the value is the same.
        assert_eq!(
            r.active.fee.value(),
            want.active.fee.value(),
            "seed {i} 收费"
        );
        let mut active = r.active.clone();
        active.fee = want.active.fee.clone();
        assert_eq!(active, want.active, "seed {i} 二");
        for (row, col, cell) in want.requests.cells() {
            assert_eq!(
                r.requests.get(row, col),
                cell,
                "seed {i} 三 {row} {}",
                col.key()
            );
        }
        assert_eq!(r.review, want.review, "seed {i} 四");
        // The original is only read.
        assert_eq!(std::fs::read(&doc).expect("doc"), before);
    }
}

#[test]
fn without_libreoffice_the_user_is_told_to_save_as_docx() {
    let doc = repo("tests/import/libreoffice/seed-003.doc");
    let e = import_path_with(&doc, None, TIME_LIMIT).expect_err("no converter");
    assert!(e.contains("没有安装 LibreOffice"), "{e}");
    assert!(e.contains("“另存为”→“Word 文档（.docx）”"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_hanging_converter_is_killed_at_the_time_limit() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let fake = dir.path().join("soffice");
    let marker = dir.path().join("still-running");
    std::fs::write(
        &fake,
        format!("#!/bin/sh\nsleep 30\ntouch '{}'\n", marker.display()),
    )
    .expect("write");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let doc = repo("tests/import/libreoffice/seed-003.doc");
    let started = Instant::now();
    let e = import_path_with(&doc, Some(&fake), Duration::from_secs(1)).expect_err("timeout");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(e.contains("超过了 1 秒"), "{e}");
    // The whole process group went: the script's sleep does not live on to touch the marker.
    std::thread::sleep(Duration::from_millis(300));
    let ps = std::process::Command::new("pgrep")
        .args(["-f", &fake.display().to_string()])
        .output()
        .expect("pgrep");
    assert!(ps.stdout.is_empty(), "left running: {:?}", ps);
    assert!(!marker.exists());
}

#[test]
fn every_form_through_one_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let want = load_report(&std::fs::read(repo("tests/fixtures/003.nianbao.json")).expect("f"))
        .expect("loads");
    let docx = dir.path().join("年报.docx");
    std::fs::write(&docx, nianbao_export::export_docx(&want, 0).expect("docx")).expect("w");
    let html = dir.path().join("年报.htm");
    std::fs::write(&html, nianbao_export::export_html(&want)).expect("w");
    // A Word file saved under a .txt name is still read as Word: the content decides.
    let misnamed = dir.path().join("年报.txt");
    std::fs::copy(&docx, &misnamed).expect("copy");
    for p in [
        &docx,
        &html,
        &misnamed,
        &repo("tests/seeds/003_57935d37ad0b2f69.txt"),
    ] {
        let got = import_path(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert_eq!(got.report.requests, want.requests, "{}", p.display());
    }
    let e = import_path(&dir.path().join("无.docx")).expect_err("missing");
    assert!(e.contains("文件不存在"), "{e}");
}
