//! The six real published reports, with their tables as decoded by hand: the validator raises no
//! 错误 or 警告 that is not a real defect of the published report — each one allowed here says
//! why it is real — and every defect the decoders listed (`rule_codes_expected`) is found.

mod common;

use std::collections::BTreeSet;

use common::score::case;
use nianbao_core::{validate, Report, Severity};

/// The 错误 and 警告 beyond `rule_codes_expected` that are real defects, with the reason.
fn also_real(name: &str) -> &'static [(&'static str, &'static str)] {
    match name {
        "hongze-2023.pdf" => &[(
            "SUPERVISION-ACCOUNTABILITY",
            "洪泽区人民政府 is a government; its （五）监督保障 says nothing of 考核、评议 or 追究",
        )],
        "pingtan-2022.txt" => &[(
            "TEXT-DOUBLED-WORD",
            "（四） prints “打造整体统一的的网站界面”",
        )],
        "pingtan-czj-2023.txt" => &[(
            "OVERVIEW-PART-MISSING",
            "一 has only 主动公开, 依申请公开 and 平台建设 (numbered （三）): no 政府信息管理, no 监督保障",
        )],
        _ => &[],
    }
}

/// `report` with every cell of tables 二, 三 and 四 that `expected` decodes put over it.
fn overlay(report: &Report, expected: &serde_json::Value) -> Report {
    fn merge(into: &mut serde_json::Value, from: &serde_json::Value) {
        match (into, from) {
            (serde_json::Value::Object(a), serde_json::Value::Object(b)) => {
                for (k, v) in b {
                    merge(a.entry(k.clone()).or_insert(serde_json::Value::Null), v);
                }
            }
            (slot, v) => *slot = v.clone(),
        }
    }
    let mut v = serde_json::to_value(report).expect("serialises");
    for table in ["active", "requests", "review"] {
        merge(&mut v[table], &expected[table]);
    }
    serde_json::from_value(v).expect("the decoded cells fit the model")
}

fn check(name: &str) {
    let (bytes, expected) = case("real", name);
    let report = nianbao_import::import_bytes(&bytes, Some(name))
        .expect("imports")
        .report;
    // The tables as the decoders read them, cell by cell over what the importer made of the
    // file (its own test scores that); a cell the decoders did not list stays as imported.
    let report = overlay(&report, &expected);
    let findings = validate(&report, None);
    let raised: BTreeSet<&str> = findings.iter().map(|d| d.code).collect();
    let wanted: Vec<String> = expected["rule_codes_expected"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|c| c.as_str().map(String::from))
        .collect();
    for code in &wanted {
        assert!(
            raised.contains(code.as_str()),
            "{name}: the real defect {code} is not found: {findings:#?}"
        );
    }
    let allowed: BTreeSet<&str> = wanted
        .iter()
        .map(String::as_str)
        .chain(also_real(name).iter().map(|(c, _)| *c))
        .collect();
    let false_alarms: Vec<String> = findings
        .iter()
        .filter(|d| d.severity != Severity::Info && !allowed.contains(d.code))
        .map(|d| format!("{} {} {}", d.severity.label(), d.code, d.message))
        .collect();
    assert!(
        false_alarms.is_empty(),
        "{name}: 错误/警告 that are not defects of the report: {false_alarms:#?}"
    );
    for (code, why) in also_real(name) {
        assert!(
            raised.contains(code),
            "{name}: {code} ({why}) is no longer found"
        );
    }
}

#[test]
fn hongze_2023() {
    check("hongze-2023.pdf");
}

#[test]
fn pingtan_2022() {
    check("pingtan-2022.txt");
}

#[test]
fn pingtan_czj_2023() {
    check("pingtan-czj-2023.txt");
}

#[test]
fn pingtan_gaj_2024() {
    check("pingtan-gaj-2024.txt");
}

#[test]
fn shanghai_office_2025() {
    check("shanghai-office-2025.md");
}

#[test]
fn shuyang_fgj_2023() {
    check("shuyang-fgj-2023.html");
}
