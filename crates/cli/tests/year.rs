//! This year beside last year on the command line: `attach-last-year`, `compare`, and the
//! carried figures used by `validate` and `check`.

use std::path::{Path, PathBuf};

mod common;
use common::{nianbao, text};
use serde_json::Value;

fn fixture(n: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/fixtures/{n}.nianbao.json"))
}

/// Seed 003 (孟州市 2023) as the 2024 report, with `cells` ("requests.granted.total" = "300")
/// changed: two years of the same report with known differences.
fn next_year(dir: &Path, cells: &[(&str, &str)]) -> PathBuf {
    let mut v: Value =
        serde_json::from_slice(&std::fs::read(fixture("003")).expect("fixture")).expect("json");
    v["meta"]["year"] = Value::String("2024".into());
    v["meta"]["title"] = Value::String(String::new());
    for (path, value) in cells {
        let mut at = &mut v;
        for key in path.split('.') {
            at = &mut at[key];
        }
        *at = Value::String((*value).into());
    }
    let out = dir.join("2024.nianbao.json");
    std::fs::write(&out, serde_json::to_vec_pretty(&v).expect("json")).expect("write");
    out
}

fn codes(o: &std::process::Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    v[0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str().map(String::from))
        .collect()
}

#[test]
fn attach_last_year_keeps_its_figures_for_validate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let this = next_year(dir.path(), &[("active.licensing", "284140")]);
    let t = this.to_str().expect("path");
    let last = fixture("003");
    let l = last.to_str().expect("path");

    // Before: nothing to compare with.
    let o = nianbao(&["validate", "--json", t]);
    assert!(
        !codes(&o).iter().any(|c| c.starts_with("YEAR-CHANGE")),
        "{}",
        text(&o)
    );

    let o = nianbao(&["attach-last-year", t, l]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("作为上年数保存"), "{}", text(&o));
    let saved: Value = serde_json::from_slice(&std::fs::read(&this).expect("read")).expect("json");
    assert_eq!(saved["schema_version"], 2);
    assert_eq!(saved["last_year"]["year"], 2023);
    assert_eq!(saved["last_year"]["active"]["licensing"], "28414");

    // After: the ×10 行政许可 is seen without last year's file.
    let o = nianbao(&["validate", "--json", t]);
    let found = codes(&o);
    assert_eq!(
        found.iter().filter(|c| *c == "YEAR-CHANGE-EXTREME").count(),
        1,
        "{found:?}"
    );
    // `check` reads the carried figures too.
    let o = nianbao(&["check", "--json", t]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("YEAR-CHANGE-EXTREME"),
        "{}",
        text(&o)
    );

    // Last year given on the command line, here as the seed's text: same finding.
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/seeds/003_57935d37ad0b2f69.txt");
    let fresh = next_year(dir.path(), &[("active.licensing", "284140")]);
    let o = nianbao(&[
        "validate",
        "--json",
        "--last-year",
        seed.to_str().expect("path"),
        fresh.to_str().expect("path"),
    ]);
    let found = codes(&o);
    assert_eq!(
        found.iter().filter(|c| *c == "YEAR-CHANGE-EXTREME").count(),
        1,
        "{found:?}"
    );
}

#[test]
fn attach_refuses_a_report_of_the_wrong_year_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let this = next_year(dir.path(), &[]);
    let t = this.to_str().expect("path");
    let before = std::fs::read(&this).expect("read");
    let other = fixture("000");
    let o = nianbao(&["attach-last-year", t, other.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("请选择上一年度的报告"), "{}", text(&o));
    assert_eq!(std::fs::read(&this).expect("read"), before);

    // -o writes a copy and leaves the original alone; an existing copy needs --force.
    let copy = dir.path().join("copy.nianbao.json");
    let c = copy.to_str().expect("path");
    let l = fixture("003");
    let o = nianbao(&["attach-last-year", t, l.to_str().expect("path"), "-o", c]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read(&this).expect("read"), before);
    let o = nianbao(&["attach-last-year", t, l.to_str().expect("path"), "-o", c]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("已经存在"));
}

#[test]
fn compare_two_years_side_by_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    let this = next_year(
        dir.path(),
        &[
            ("active.licensing", "284140"),
            ("requests.new_received.natural_person", "111"),
            ("requests.new_received.total", "166"),
        ],
    );
    let t = this.to_str().expect("path");
    let last = fixture("003");
    let l = last.to_str().expect("path");

    let o = nianbao(&["compare", l, t]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    let line = |label: &str| -> Vec<String> {
        out.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("{label} in {out}"))
            .split_whitespace()
            .skip(1)
            .map(String::from)
            .collect()
    };
    assert_eq!(
        line("表二·行政许可·本年处理决定数量"),
        ["28414", "284140", "+255726", "←", "YEAR-CHANGE-EXTREME"]
    );
    assert_eq!(line("表三·自然人·本年新收"), ["91", "111", "+20"]);
    assert_eq!(line("表三·总计·本年新收"), ["146", "166", "+20"]);
    assert_eq!(
        line("表二·行政事业性收费·本年收费金额"),
        ["4351.7195", "4351.7195", "0.0000"]
    );
    assert!(out.contains("上年（2023）") && out.contains("本年（2024）"));
    assert!(out.contains("有 1 处变化异常"), "{out}");

    // --json, the files in the other order: the earlier year is still last year.
    let o = nianbao(&["compare", "--json", t, l]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["last_year"]["year"], 2023);
    assert_eq!(v["this_year"]["year"], 2024);
    let cells = v["cells"].as_array().expect("cells");
    assert_eq!(cells.len(), 6 + 3 + 1 + 25 * 7 + 15, "every cell once");
    let cell = |p: &str| {
        cells
            .iter()
            .find(|c| c["path"] == p)
            .unwrap_or_else(|| panic!("{p}"))
            .clone()
    };
    let c = cell("active.licensing");
    assert_eq!(
        (&c["before"], &c["now"], &c["change"], &c["flag"]),
        (
            &Value::from("28414"),
            &Value::from("284140"),
            &Value::from("+255726"),
            &Value::from("YEAR-CHANGE-EXTREME")
        )
    );
    assert_eq!(cell("review.reconsideration.total")["change"], "0");
    assert_eq!(cells.iter().filter(|c| !c["flag"].is_null()).count(), 1);

    // Two reports of one year cannot be compared by year.
    let o = nianbao(&["compare", l, l]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("都是 2023 年的"), "{}", text(&o));
}
