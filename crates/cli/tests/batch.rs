//! `nianbao check` and `nianbao sum` over the five seed fixtures.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde_json::Value;

mod common;
use common::{nianbao, text};

fn fixtures() -> Vec<PathBuf> {
    (0..5)
        .map(|i| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../../tests/fixtures/00{i}.nianbao.json"))
        })
        .collect()
}

/// The five seeds, copied into `dir` with their year set to `year` (they come from 2021–2023).
fn seeds_as_year(dir: &Path, year: u64) -> Vec<Value> {
    fixtures()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut v: Value =
                serde_json::from_slice(&std::fs::read(p).expect("fixture")).expect("json");
            v["meta"]["year"] = Value::String(year.to_string());
            v["meta"]["title"] = Value::String(String::new());
            std::fs::write(
                dir.join(format!("seed{i}.nianbao.json")),
                serde_json::to_vec(&v).expect("json"),
            )
            .expect("write");
            v
        })
        .collect()
}

fn number(v: &Value) -> u64 {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or(0, |s| s.parse().expect("fixture cells are numbers"))
}

#[test]
fn summing_the_seeds_adds_every_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = seeds_as_year(dir.path(), 2023);
    let out = dir.path().join("total.nianbao.json");
    let o = nianbao(&[
        "sum",
        dir.path().to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--agency",
        "测试市人民政府",
        "--year",
        "2023",
    ]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    assert!(text(&o).contains("已汇总 5 份"), "{}", text(&o));
    let total: Value =
        serde_json::from_slice(&std::fs::read(&out).expect("sum written")).expect("json");

    // Independently of the core: walk the JSON of the inputs and add the strings up.
    for (row, cols) in total["requests"].as_object().expect("requests") {
        for (col, cell) in cols.as_object().expect("columns") {
            let want: u64 = inputs
                .iter()
                .map(|v| number(&v["requests"][row][col]))
                .sum();
            assert_eq!(number(cell), want, "requests.{row}.{col}");
        }
    }
    for (group, cells) in total["review"].as_object().expect("review") {
        for (outcome, cell) in cells.as_object().expect("cells") {
            let want: u64 = inputs
                .iter()
                .map(|v| number(&v["review"][group][outcome]))
                .sum();
            assert_eq!(number(cell), want, "review.{group}.{outcome}");
        }
    }
    for key in ["licensing", "penalty", "enforcement"] {
        let want: u64 = inputs.iter().map(|v| number(&v["active"][key])).sum();
        assert_eq!(number(&total["active"][key]), want, "active.{key}");
    }
    let fee: Decimal = inputs
        .iter()
        .map(|v| {
            v["active"]["fee"]
                .as_str()
                .expect("fee")
                .parse::<Decimal>()
                .expect("decimal")
        })
        .sum();
    assert_eq!(
        total["active"]["fee"]
            .as_str()
            .expect("fee")
            .parse::<Decimal>()
            .expect("decimal"),
        fee
    );
    assert_eq!(
        total["active"]["fee"]
            .as_str()
            .map(|s| s.split('.').nth(1).map(str::len)),
        Some(Some(4))
    );
}

#[test]
fn a_report_of_another_year_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("total.nianbao.json");
    let f = fixtures();
    // 003 is 2023, 001 is 2021.
    let o = nianbao(&[
        "sum",
        f[3].to_str().expect("path"),
        f[1].to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--agency",
        "测试市人民政府",
        "--year",
        "2023",
    ]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("已汇总 1 份"), "{t}");
    assert!(
        t.contains("001.nianbao.json：这是 2021 年的报告，汇总的是 2023 年，未计入。"),
        "{t}"
    );
}

#[test]
fn check_goes_on_past_a_broken_file_and_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeds_as_year(dir.path(), 2023);
    std::fs::write(
        dir.path().join("broken.nianbao.json"),
        b"{\"schema_version\": 1, \"meta\": {",
    )
    .expect("write");
    let o = nianbao(&["check", "--json", dir.path().to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 6);
    let broken: Vec<&Value> = rows
        .iter()
        .filter(|r| r["status"] == "unreadable")
        .collect();
    assert_eq!(broken.len(), 1);
    assert!(broken[0]["file"]
        .as_str()
        .expect("file")
        .ends_with("broken.nianbao.json"));
    assert!(broken[0]["error"]
        .as_str()
        .expect("error")
        .contains("不完整"));
    assert_eq!(rows.iter().filter(|r| r["status"] == "checked").count(), 5);

    let o = nianbao(&["check", dir.path().to_str().expect("path")]);
    let t = text(&o);
    assert!(
        t.contains("孟州市人民政府") && t.contains("broken.nianbao.json"),
        "{t}"
    );
    assert!(t.contains("共 6 份：审核 5 份"), "{t}");
}

#[test]
fn check_imports_text_reports_in_a_directory() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/seeds");
    let o = nianbao(&["check", "--json", seeds]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 5, "{}", text(&o));
    assert!(rows.iter().all(|r| r["status"] == "checked"));
    let agencies: Vec<&str> = rows.iter().filter_map(|r| r["agency"].as_str()).collect();
    assert!(agencies.contains(&"潘集区人民政府") && agencies.contains(&"城关镇人民政府"));
    // No seed has a 错误 (their defects are 警告 and 提示).
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn check_writes_the_same_workbook_and_csv_as_the_desk_and_never_overwrites_unasked() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeds_as_year(dir.path(), 2023);
    std::fs::write(dir.path().join("broken.nianbao.json"), b"{").expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    let book = out.path().join("审核表.xlsx");
    let csv = out.path().join("审核表.csv");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "check",
            "--json",
            dir.path().to_str().expect("path"),
            "--xlsx",
            book.to_str().expect("path"),
            "--csv",
            csv.to_str().expect("path"),
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| nianbao(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let o = run(args(&[]));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("stdout stays one JSON document");
    let results = v.as_array().expect("array");

    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&book).expect("workbook");
    use calamine::Reader as _;
    let reports = wb.worksheet_range("报告").expect("报告");
    assert_eq!(reports.rows().count(), results.len() + 1);
    for (r, line) in results.iter().zip(reports.rows().skip(1)) {
        assert_eq!(line[0].to_string(), r["file"].as_str().expect("file"));
        if r["status"] == "checked" {
            assert_eq!(line[4].to_string(), r["tally"]["errors"].to_string());
            assert_eq!(line[5].to_string(), r["tally"]["warnings"].to_string());
        } else {
            assert!(line[7].to_string().starts_with("无法读取："), "{}", line[7]);
        }
    }
    let findings: u64 = results
        .iter()
        .filter(|r| r["status"] == "checked")
        .map(|r| {
            ["errors", "warnings", "infos"]
                .iter()
                .map(|k| r["tally"][k].as_u64().expect("count"))
                .sum::<u64>()
        })
        .sum();
    let details = wb.worksheet_range("问题明细").expect("问题明细");
    assert_eq!(details.rows().count() as u64, findings + 1);

    let reports_csv = std::fs::read_to_string(&csv).expect("csv");
    assert!(reports_csv.starts_with('\u{feff}'));
    assert_eq!(reports_csv.matches("\r\n").count(), results.len() + 1);
    let details_csv = out.path().join("审核表.问题明细.csv");
    assert!(details_csv.exists());

    // A second run refuses before doing anything; --force overwrites.
    let before = std::fs::read(&book).expect("read");
    let o = run(args(&[]));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("已经存在，没有覆盖它"), "{}", text(&o));
    assert!(o.stdout.is_empty(), "nothing checked");
    assert_eq!(std::fs::read(&book).expect("read"), before);
    let o = run(args(&["--force"]));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已写入审核表"));
}

#[test]
fn sum_can_leave_out_reports_whose_tables_have_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut inputs = seeds_as_year(dir.path(), 2023);
    // Seed 2's 本年新收 total no longer matches its parts.
    inputs[2]["requests"]["new_received"]["total"] = Value::String("999999".to_string());
    std::fs::write(
        dir.path().join("seed2.nianbao.json"),
        serde_json::to_vec(&inputs[2]).expect("json"),
    )
    .expect("write");
    let out = dir.path().join("sum");
    std::fs::create_dir(&out).expect("mkdir");
    let total = out.join("total.nianbao.json");
    let args = [
        "sum",
        dir.path().to_str().expect("path"),
        "-o",
        total.to_str().expect("path"),
        "--agency",
        "测试市人民政府",
        "--year",
        "2023",
        "--exclude-flagged",
    ];
    let o = nianbao(&args);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("已汇总 4 份"), "{t}");
    assert!(t.contains("表格有错误、未计入的 1 份"), "{t}");
    assert!(t.contains("seed2.nianbao.json"), "{t}");
}
