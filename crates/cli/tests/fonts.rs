//! `nianbao fonts` and `--no-font-cache`: the faces are named with their files, the cache is
//! written on the first run and used on the next, and a clean run leaves it alone. Each test has
//! its own cache folder (XDG_CACHE_HOME), never the user's.

use std::path::Path;
use std::process::{Command, Output};

/// Everything the command printed, stdout then stderr.
fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn nianbao(cache_home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .env("XDG_CACHE_HOME", cache_home)
        .output()
        .expect("nianbao runs")
}

#[test]
fn fonts_names_each_part_and_the_cache() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cache = tmp.path().join("nianbao/fonts.cache");

    let first = nianbao(tmp.path(), &["fonts"]);
    let t = text(&first);
    assert!(first.status.success(), "{t}");
    for part in ["标题：", "正文和表格：", "一级标题：", "二级标题："] {
        assert!(t.contains(part), "{part} missing in {t}");
    }
    assert!(t.contains(&format!("字体缓存：{}", cache.display())), "{t}");
    assert!(t.contains("写入缓存"), "{t}");
    assert!(cache.is_file());

    let second = text(&nianbao(tmp.path(), &["fonts"]));
    assert!(
        second.contains("字体缓存有效，本次没有扫描字体文件夹。"),
        "{second}"
    );
    // The same faces either way.
    let faces = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("  "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(faces(&t), faces(&second));

    let clean = text(&nianbao(tmp.path(), &["fonts", "--no-font-cache"]));
    assert!(clean.contains("本次没有使用字体缓存"), "{clean}");
    assert_eq!(faces(&clean), faces(&t));
}

#[test]
fn a_clean_export_neither_reads_nor_writes_the_cache() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/003.nianbao.json");
    let pdf = tmp.path().join("年报.pdf");
    let seed = seed.to_str().expect("utf-8 path");
    let pdf_arg = pdf.to_str().expect("utf-8 path");
    let out = nianbao(
        tmp.path(),
        &["export", seed, "--pdf", pdf_arg, "--no-font-cache"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(pdf.is_file());
    assert!(!tmp.path().join("nianbao").exists(), "no cache written");

    // A Word export looks for no fonts at all, so it writes no cache either.
    let docx = tmp.path().join("年报.docx");
    let out = nianbao(
        tmp.path(),
        &["export", seed, "--docx", docx.to_str().expect("utf-8 path")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !tmp.path().join("nianbao").exists(),
        "no font work for Word"
    );
}
