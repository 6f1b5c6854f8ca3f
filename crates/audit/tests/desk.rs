//! The review loop over real reports: fingerprints that survive edits elsewhere in a report, and
//! the desk's statuses when a corrected file comes back.

use std::path::PathBuf;

use nianbao_audit::{fingerprints, outcome_of, Counts, DeskState, Outcome, Row, Seen, Status};
use nianbao_core::{load_report, CountCell, Report};

fn fixture(i: usize) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/00{i}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(path).expect("read")).expect("fixture loads")
}

/// Table 三's first cell one more than it said: its row, column and balance no longer add up.
fn bumped(mut r: Report, by: u64) -> Report {
    let (row, col, cell) = r.requests.cells().next().expect("a cell");
    let n = cell.count_or_zero() + by;
    r.requests.set(row, col, CountCell::from_count(n));
    r
}

fn row_of(r: &Report, size: u64) -> Row {
    Row {
        file: PathBuf::from("/desk/潘集区.nianbao.json"),
        stamp: Some(nianbao_audit::Stamp {
            size,
            modified_ms: Some(u128::from(size)),
        }),
        outcome: outcome_of(r, 0),
    }
}

fn prints(r: &Report) -> Vec<(String, String)> {
    let Outcome::Checked { findings, .. } = outcome_of(r, 0) else {
        panic!("checked");
    };
    let fps = fingerprints(&findings);
    findings
        .into_iter()
        .map(|f| f.code.to_string())
        .zip(fps)
        .collect()
}

#[test]
fn an_edit_elsewhere_in_the_report_keeps_every_fingerprint() {
    let wrong = bumped(fixture(1), 1);
    let before = prints(&wrong);
    assert!(
        before.iter().any(|(c, _)| c.starts_with("T3-")),
        "{before:?}"
    );
    // The department rewrites 五 and 六 and fixes nothing in the tables.
    let mut edited = wrong.clone();
    edited
        .problems
        .push_str("\n本年度还存在培训不足的问题，下一步将加强业务培训。");
    edited.other.push_str("\n本年度未收取信息处理费。");
    let after = prints(&edited);
    for (code, fp) in before.iter().filter(|(c, _)| c.starts_with("T3-")) {
        assert!(
            after.iter().any(|(_, f)| f == fp),
            "{code} {fp} lost after an unrelated edit"
        );
    }
    // A different wrong number is a different finding.
    let worse = prints(&bumped(fixture(1), 2));
    for (code, fp) in before.iter().filter(|(c, _)| c.starts_with("T3-")) {
        assert!(
            !worse.iter().any(|(_, f)| f == fp),
            "{code} {fp} kept with other numbers"
        );
    }
}

#[test]
fn a_corrected_report_comes_back_fixed_and_a_half_corrected_one_still_open() {
    let wrong = bumped(fixture(1), 1);
    let first = row_of(&wrong, 1);
    let seen = |row| Seen {
        name: "潘集区.nianbao.json".to_string(),
        hash: None,
        row,
    };
    let (s1, c1) = DeskState::new().update(&[seen(&first)]);
    let errors = c1.reports[0].counts.new;
    assert!(
        errors >= 3,
        "the planted error gives several findings: {errors}"
    );
    // The corrected file: the original seed, whose findings (提示 only) were there before too.
    let fixed = row_of(&fixture(1), 2);
    let (s2, c2) = s1.update(&[seen(&fixed)]);
    let Outcome::Checked { findings, .. } = &fixed.outcome else {
        panic!("checked");
    };
    let still = findings.len();
    assert_eq!(
        c2.reports[0].counts,
        Counts {
            fixed: errors - still,
            open: still,
            new: 0,
            explained: 0
        }
    );
    assert!(s2.files[0]
        .findings
        .iter()
        .filter(|f| f.status == Status::Fixed)
        .all(|f| f.code.starts_with("T3-")));
    // The state read back from its bytes is the same desk.
    assert_eq!(DeskState::from_json(&s2.to_json()).expect("reads"), s2);
}
