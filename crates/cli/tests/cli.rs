//! The `nianbao` binary as a user runs it: exit codes, Chinese messages, files left untouched.

use std::path::Path;

mod common;
use common::{nianbao, text};

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn new_then_validate_then_refuse_to_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("r.nianbao.json");
    let f = file.to_str().expect("utf-8 path");
    let o = nianbao(&[
        "new",
        "--agency",
        "某县教育局",
        "--kind",
        "政府部门",
        "--year",
        "2025",
        "-o",
        f,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("某县教育局2025年政府信息公开工作年度报告"));

    // A blank report has empty sections: 错误, exit 1.
    let o = nianbao(&["validate", f]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("SECTION-EMPTY"));

    let before = std::fs::read(&file).expect("read");
    let o = nianbao(&[
        "new",
        "--agency",
        "别的局",
        "--kind",
        "政府部门",
        "--year",
        "2025",
        "-o",
        f,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("已经存在"), "{}", text(&o));
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "existing file untouched"
    );
}

#[test]
fn unreadable_files_exit_2_with_a_chinese_reason_and_stay_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.nianbao.json");
    let o = nianbao(&[
        "new",
        "--agency",
        "某局",
        "--kind",
        "部门",
        "--year",
        "2024",
        "-o",
        good.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let good_bytes = std::fs::read(&good).expect("read");

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good_bytes[..good_bytes.len() / 3].to_vec(),
            "不完整",
        ),
        (
            "not-json",
            "这是一段文字，不是年报".as_bytes().to_vec(),
            "不是年报文件",
        ),
        (
            "newer",
            br#"{"schema_version": 7, "meta": {}}"#.to_vec(),
            "更新版本",
        ),
        ("huge", vec![b' '; 100 * 1024 * 1024], "文件太大"),
        (
            "binary",
            b"PK\x03\x04\x00\x00garbage".to_vec(),
            "不是文本文件",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = dir.path().join(format!("{name}.nianbao.json"));
        std::fs::write(&path, &bytes).expect("write");
        let o = nianbao(&["validate", path.to_str().expect("path")]);
        let out = text(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {out}");
        assert!(out.contains(want) && has_chinese(&out), "{name}: {out}");
        assert!(!out.contains("panicked"), "{name}: {out}");
        assert_eq!(
            std::fs::read(&path).expect("read back"),
            bytes,
            "{name} unchanged"
        );
    }

    let o = nianbao(&[
        "validate",
        dir.path()
            .join("missing.nianbao.json")
            .to_str()
            .expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("文件不存在"));
}

#[test]
fn json_output_is_machine_readable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("r.nianbao.json");
    let f = file.to_str().expect("path");
    nianbao(&[
        "new", "--agency", "某局", "--kind", "部门", "--year", "2024", "-o", f,
    ]);
    let o = nianbao(&["validate", "--json", f, "/nonexistent/x.nianbao.json"]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v[0]["status"], "checked");
    assert_eq!(v[0]["tally"]["errors"], 3);
    assert_eq!(v[0]["diagnostics"][0]["severity"], "error");
    assert_eq!(v[0]["diagnostics"][0]["severity_label"], "错误");
    assert_eq!(v[1]["status"], "unreadable");
}

#[test]
fn rules_lists_every_code() {
    let o = nianbao(&["rules", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let codes: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    for code in [
        "T3-BALANCE",
        "T3-ROW-TOTAL",
        "T4-TOTAL",
        "FEE-DECIMALS",
        "TEXT-TABLE-MISMATCH",
        "YEAR-CARRY-OVER",
        "DEADLINE-LATE",
    ] {
        assert!(codes.contains(&code), "{code} missing");
    }
    assert!(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md")).exists());
}

#[test]
fn import_then_start_next_year() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/seeds/003_57935d37ad0b2f69.txt"
    );
    // Into a folder that is not there: the folder is named as what is missing (issue 27).
    let lost = dir.path().join("没有这个文件夹").join("2023.nianbao.json");
    let o = nianbao(&["import", seed, "-o", lost.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("没有这个文件夹 不存在，请先建立这个文件夹")
            && !text(&o).contains("文件不存在"),
        "{}",
        text(&o)
    );
    let out = dir.path().join("2023.nianbao.json");
    let o = nianbao(&["import", seed, "-o", out.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("所有内容都已放入对应位置"),
        "{}",
        text(&o)
    );
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    let a: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("out")).expect("json");
    let mut b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture).expect("fixture")).expect("json");
    // The fixture was written in format version 1 and is kept so (it also stands for the files
    // users saved then); the import writes today's version, otherwise the same.
    b["schema_version"] = a["schema_version"].clone();
    assert_eq!(a, b, "imported file equals the hand-made fixture");

    let next = dir.path().join("2024.nianbao.json");
    let o = nianbao(&[
        "new",
        "--from",
        out.to_str().expect("path"),
        "-o",
        next.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("孟州市人民政府2024年政府信息公开工作年度报告"));
    let o = nianbao(&["validate", "--json", next.to_str().expect("path")]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let codes: Vec<&str> = v[0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"YEAR-DRAFT-TEXT") && codes.contains(&"CELL-EMPTY"),
        "{codes:?}"
    );

    // The same report saved as GBK (Notepad's "ANSI" on a Chinese Windows) imports the same.
    let gbk = dir.path().join("gbk.txt");
    let utf8 = std::fs::read_to_string(seed).expect("seed");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&utf8);
    assert!(!unmappable);
    std::fs::write(&gbk, &bytes).expect("write");
    let from_gbk = dir.path().join("gbk.nianbao.json");
    let o = nianbao(&[
        "import",
        gbk.to_str().expect("path"),
        "-o",
        from_gbk.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        std::fs::read(&from_gbk).expect("gbk import"),
        std::fs::read(&out).expect("utf-8 import")
    );

    // Not text at all, or text that is no report: a clear reason, exit 2, nothing written.
    let png = dir.path().join("scan.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
    let o = nianbao(&["import", png.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("不是纯文本"), "{}", text(&o));
    let list = dir.path().join("list.txt");
    std::fs::write(&list, "牛奶\n面包\n").expect("write");
    let o = nianbao(&["import", list.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("找不到年报的标题"), "{}", text(&o));
    assert!(!dir.path().join("list.nianbao.json").exists());
}

#[test]
fn imports_word_and_web_pages_and_checks_folders_of_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    let docx = dir.path().join("孟州.docx");
    let html = dir.path().join("孟州.htm");
    let o = nianbao(&[
        "export",
        fixture,
        "--docx",
        docx.to_str().expect("path"),
        "--html",
        html.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let want: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture).expect("fixture")).expect("json");
    for input in [&docx, &html] {
        let out = dir.path().join("out.nianbao.json");
        let o = nianbao(&[
            "import",
            input.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
            "--force",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let got: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&out).expect("out")).expect("json");
        assert_eq!(got["requests"], want["requests"], "{}", input.display());
        assert_eq!(got["review"], want["review"], "{}", input.display());
        assert_eq!(got["meta"]["agency"], want["meta"]["agency"]);
    }
    // A folder of Word files and pages (any case of extension) is checked like text files.
    std::fs::copy(&docx, dir.path().join("副本.DOCX")).expect("copy");
    std::fs::remove_file(dir.path().join("out.nianbao.json")).expect("rm");
    let o = nianbao(&["check", "--json", dir.path().to_str().expect("path")]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let files = v.as_array().map_or(0, Vec::len);
    assert_eq!(files, 3, "{}", text(&o));

    // A damaged Word file: a Chinese reason, exit 2, nothing written.
    let broken = dir.path().join("坏.docx");
    std::fs::write(&broken, b"PK\x03\x04 not really").expect("write");
    let o = nianbao(&["import", broken.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("Word 文档已损坏"), "{}", text(&o));
    assert!(!dir.path().join("坏.nianbao.json").exists());
}

#[test]
fn validate_fix_writes_a_fixed_copy_and_leaves_the_input_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    let mut report = nianbao_core::load_report(&std::fs::read(seed).expect("seed")).expect("loads");
    let part = report
        .overview
        .requests
        .as_ref()
        .expect("part")
        .text
        .clone();
    report
        .apply("overview.requests", &part.replace("146 件", "145 件"))
        .expect("edit");
    // A wrong total too: offered (应为 148), but never applied unattended.
    report.apply("requests.total.total", "149").expect("edit");
    let file = dir.path().join("孟州.nianbao.json");
    std::fs::write(&file, nianbao_core::save_report(&report)).expect("write");
    let before = std::fs::read(&file).expect("read");
    let f = file.to_str().expect("utf-8");

    let o = nianbao(&["validate", f]);
    assert!(
        text(&o).contains("（建议改为 148，请核对后手工修改）"),
        "{}",
        text(&o)
    );
    assert!(
        text(&o).contains("可改为 146：nianbao validate --fix"),
        "{}",
        text(&o)
    );

    let o = nianbao(&["validate", "--fix", f]);
    let out = text(&o);
    let copy = dir.path().join("孟州.已改正.nianbao.json");
    assert!(
        out.contains("改正：一、总体情况·（二）依申请公开“145”→“146”"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "已改正 1 处，写入 {}（原文件 {f} 未改动）。",
            copy.display()
        )),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "input untouched"
    );
    let fixed = nianbao_core::load_report(&std::fs::read(&copy).expect("copy")).expect("loads");
    assert_eq!(fixed.overview.requests.as_ref().expect("part").text, part);
    assert_eq!(
        fixed
            .requests
            .get(
                nianbao_core::model::RequestRow::Total,
                nianbao_core::model::Applicant::Total
            )
            .raw(),
        "149"
    );
    // What is shown after fixing is the copy: the total's error is still there, exit 1.
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        !out.contains("TEXT-TABLE-MISMATCH") && out.contains("T3-OUTCOME-TOTAL"),
        "{out}"
    );

    // Run again: the copy exists and is not overwritten without --force.
    let copy_bytes = std::fs::read(&copy).expect("copy");
    let o = nianbao(&["validate", "--fix", f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("已经存在，没有覆盖它"), "{}", text(&o));
    assert_eq!(std::fs::read(&copy).expect("copy"), copy_bytes);

    // In place, when asked.
    let o = nianbao(&["validate", "--fix", "--in-place", f]);
    assert!(text(&o).contains(&format!("写回了 {f}")), "{}", text(&o));
    assert_eq!(std::fs::read(&file).expect("read"), copy_bytes);

    // Nothing left to fix: no file written.
    let o = nianbao(&["validate", "--fix", "-o", "/nonexistent/x.nianbao.json", f]);
    assert!(
        text(&o).contains("没有可以自动改正的地方，没有写出新文件。"),
        "{}",
        text(&o)
    );
}

#[test]
fn pdf_import_notes_name_the_page_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    // LibreOffice's PDF of seed 002, whose heading "一、总体情况" really appears twice.
    let pdf = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/import/pdf/libreoffice-002.pdf"
    );
    let out = dir.path().join("002.nianbao.json");
    let o = nianbao(&["import", pdf, "-o", out.to_str().expect("path")]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("\n  PDF 第 1 页：标题“一、总体情况”出现了第二次"),
        "the note starts with its page: {t}"
    );
    assert!(
        !t.contains("段：PDF"),
        "no paragraph number before the page: {t}"
    );
}
