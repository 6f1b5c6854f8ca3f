//! Property: a report whose tables satisfy every identity has no table findings; moving any one
//! cell of table 三 or 四 by ±1 yields a 错误 that names that cell.

use nianbao_core::model::{AgencyKind, Applicant, RequestRow, ReviewGroup, ReviewOutcome};
use nianbao_core::{validate, CountCell, FieldPath, Report, Severity};
use proptest::prelude::*;

/// Per applicant column: 21 outcome counts, the carried-forward count and how much of the total
/// came from last year. 本年新收 is derived so that 一 + 二 = 三（七） + 四 holds.
fn column() -> impl Strategy<Value = (Vec<u64>, u64, u64)> {
    (prop::collection::vec(0u64..40, 21), 0u64..20, 0u64..1000).prop_map(
        |(outcomes, forward, carried_seed)| {
            let handled: u64 = outcomes.iter().sum();
            let carried = carried_seed % (handled + forward + 1);
            (outcomes, forward, carried)
        },
    )
}

fn consistent_report() -> impl Strategy<Value = Report> {
    (
        prop::collection::vec(column(), 6),
        prop::collection::vec(prop::collection::vec(0u64..30, 4), 3),
    )
        .prop_map(|(cols, review)| {
            let mut r = Report::new("测试县人民政府", AgencyKind::PeoplesGovernment, 2024);
            for (col, (outcomes, forward, carried)) in Applicant::PARTS.into_iter().zip(cols) {
                let handled: u64 = outcomes.iter().sum();
                for (row, n) in RequestRow::outcomes().zip(outcomes) {
                    r.requests.set(row, col, CountCell::from_count(n));
                }
                r.requests.set(
                    RequestRow::CarriedForward,
                    col,
                    CountCell::from_count(forward),
                );
                r.requests
                    .set(RequestRow::CarriedOver, col, CountCell::from_count(carried));
                let new = handled + forward - carried;
                r.requests
                    .set(RequestRow::NewReceived, col, CountCell::from_count(new));
            }
            for (g, outcomes) in ReviewGroup::ALL.into_iter().zip(review) {
                for (o, n) in ReviewOutcome::PARTS.into_iter().zip(outcomes) {
                    *r.review.group_mut(g).get_mut(o) = CountCell::from_count(n);
                }
            }
            for path in FieldPath::all_fields() {
                if matches!(path, FieldPath::Document(..) | FieldPath::Decision(_)) {
                    r.apply_at(path, "0").expect("table 二 cell");
                }
            }
            r.apply_at(FieldPath::Fee, "0.0000").expect("fee");
            r.fill_totals();
            r
        })
}

fn table_cells() -> Vec<FieldPath> {
    let mut v: Vec<FieldPath> = RequestRow::ALL
        .into_iter()
        .flat_map(|r| Applicant::ALL.map(|c| FieldPath::Request(r, c)))
        .collect();
    for g in ReviewGroup::ALL {
        v.extend(ReviewOutcome::ALL.map(|o| FieldPath::Review(g, o)));
    }
    v
}

fn is_table_rule(code: &str) -> bool {
    code.starts_with("T3-") || code.starts_with("T4-") || code.starts_with("CELL-")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn consistent_tables_have_no_table_findings(r in consistent_report()) {
        let found: Vec<_> = validate(&r, None)
            .into_iter()
            .filter(|d| is_table_rule(d.code))
            .collect();
        prop_assert!(found.is_empty(), "unexpected: {found:#?}");
    }

    #[test]
    fn moving_one_cell_by_one_is_an_error_naming_it(
        r in consistent_report(),
        which in any::<prop::sample::Index>(),
        up in any::<bool>(),
    ) {
        let cells = table_cells();
        let path = cells[which.index(cells.len())];
        let before: u64 = r
            .text_at(path)
            .and_then(|t| t.parse().ok())
            .expect("generated cells are numbers");
        let after = if up || before == 0 { before + 1 } else { before - 1 };
        let mut edited = r.clone();
        // Set the cell directly: `apply` would keep totals in step and hide the change.
        match path {
            FieldPath::Request(row, col) => edited.requests.set(row, col, CountCell::from_count(after)),
            FieldPath::Review(g, o) => *edited.review.group_mut(g).get_mut(o) = CountCell::from_count(after),
            _ => unreachable!(),
        }
        let diags = validate(&edited, None);
        prop_assert!(
            diags.iter().any(|d| d.severity == Severity::Error && d.paths.contains(&path)),
            "no 错误 names {path} after {before} → {after}: {diags:#?}"
        );
    }
}

#[test]
fn balance_message_states_the_numbers() {
    // 孟州市 2023 (seed 003), 自然人 column, with 本年新收 changed from 91 to 92 in the editor.
    let mut r = Report::new("孟州市人民政府", AgencyKind::PeoplesGovernment, 2023);
    for (path, v) in [
        ("requests.new_received.natural_person", "91"),
        ("requests.carried_over.natural_person", "2"),
        ("requests.granted.natural_person", "53"),
        ("requests.other_other.natural_person", "40"),
        ("requests.carried_forward.natural_person", "0"),
    ] {
        r.apply(path, v).expect("edit");
    }
    assert!(validate(&r, None).iter().all(|d| d.code != "T3-BALANCE"));
    r.apply("requests.new_received.natural_person", "92")
        .expect("edit");
    let balance: Vec<_> = validate(&r, None)
        .into_iter()
        .filter(|d| d.code == "T3-BALANCE")
        .collect();
    assert_eq!(balance.len(), 2, "自然人 and 总计 columns: {balance:#?}");
    assert_eq!(
        balance[0].message,
        "自然人列：本年新收 92 + 上年结转 2 = 94，而办理结果总计 93 + 结转下年度 0 = 93，相差 1。"
    );
    assert_eq!(
        balance[0].paths[0],
        FieldPath::Request(RequestRow::NewReceived, Applicant::NaturalPerson)
    );
}
