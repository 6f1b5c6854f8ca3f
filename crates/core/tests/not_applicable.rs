//! "/" and "-" as published tables print them for 不适用: kept as printed, counted as 0, told
//! once per table as a 提示 — never CELL-NOT-NUMBER, never CELL-EMPTY — and a "/" total that its
//! parts contradict is still a 勾稽关系 error.

use nianbao_core::model::{Applicant, RequestRow};
use nianbao_core::{load_report, save_report, validate, Report, Severity};

fn seed(n: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

fn codes(r: &Report) -> Vec<(&'static str, Severity, String)> {
    validate(r, None)
        .into_iter()
        .map(|d| (d.code, d.severity, d.message))
        .collect()
}

#[test]
fn a_department_without_rule_making_powers_prints_slashes() {
    // Seed 003 has no 规章 (all 0): a 部门 prints "/" there instead.
    let mut r = seed("003");
    let before = codes(&r);
    for c in ["issued", "repealed", "in_force"] {
        r.apply(&format!("active.regulations.{c}"), "/")
            .expect("edit");
    }
    let after = codes(&r);
    let na: Vec<_> = after
        .iter()
        .filter(|(c, ..)| *c == "CELL-NOT-APPLICABLE")
        .collect();
    assert_eq!(na.len(), 1, "one 提示 for the table: {after:?}");
    assert_eq!(na[0].1, Severity::Info);
    assert!(
        na[0].2.contains("表二有 3 个格子填的是“/”或“-”"),
        "{}",
        na[0].2
    );
    // Nothing else changed: no error, no empty cell.
    let rest: Vec<_> = after
        .iter()
        .filter(|(c, ..)| *c != "CELL-NOT-APPLICABLE")
        .collect();
    assert_eq!(rest.len(), before.len(), "{after:?}");
    assert!(!after
        .iter()
        .any(|(c, ..)| *c == "CELL-NOT-NUMBER" || *c == "CELL-EMPTY"));

    // Saved and read back exactly as printed.
    let back = load_report(&save_report(&r)).expect("loads");
    assert_eq!(back.active.regulations.issued.raw(), "/");
    assert!(back.active.regulations.issued.is_not_applicable());
}

#[test]
fn a_dash_in_table_three_counts_as_zero_in_its_sums() {
    let mut r = seed("003");
    // 其他组织 receives nothing in seed 003: with "-" there, the row total and the column's
    // identities still hold.
    let zero_cell = "requests.new_received.other_org";
    assert_eq!(
        r.requests
            .get(RequestRow::NewReceived, Applicant::OtherOrg)
            .raw(),
        "0"
    );
    r.apply(zero_cell, "-").expect("edit");
    let found = codes(&r);
    assert!(
        !found
            .iter()
            .any(|(c, s, _)| c.starts_with("T3-") || *s == Severity::Error),
        "{found:?}"
    );
    assert!(found.iter().any(|(c, ..)| *c == "CELL-NOT-APPLICABLE"));
}

#[test]
fn a_slash_total_that_its_parts_contradict_is_an_error() {
    let mut r = seed("003");
    // 本年新收 has requests in it: a "/" total says none.
    r.apply("requests.new_received.total", "／").expect("edit");
    let found = codes(&r);
    let row = found
        .iter()
        .find(|(c, ..)| *c == "T3-ROW-TOTAL")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(
        row.2.contains("总计栏却是 “／”（不适用），少了 146"),
        "{}",
        row.2
    );
}
