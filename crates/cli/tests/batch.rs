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
