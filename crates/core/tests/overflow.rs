//! Property: counts never wrap. Whatever is typed into the cells of tables 三 and 四 — small
//! numbers, numbers near the bound, `u64::MAX`, numbers beyond it — every total the core computes
//! equals the exact sum of the cells it counts, every sum a message quotes is exact, and a cell too
//! large to count is named by a 错误. Tests run with overflow checks on, so a wrapping `+` panics.

use nianbao_core::cell::MAX_COUNT;
use nianbao_core::model::{AgencyKind, Applicant, RequestRow, ReviewGroup, ReviewOutcome};
use nianbao_core::sum::Summer;
use nianbao_core::{validate, FieldPath, Report, Severity};
use proptest::prelude::*;

fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u64..200).prop_map(|n| n.to_string()),
        1 => (MAX_COUNT - 3..=MAX_COUNT + 3).prop_map(|n| n.to_string()),
        1 => (u64::MAX - 3..=u64::MAX).prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => Just("18446744073709551616".to_string()),
        1 => Just("99999999999999999999999999999".to_string()),
        1 => Just(String::new()),
    ]
}

fn table_paths() -> Vec<FieldPath> {
    let mut v: Vec<FieldPath> = RequestRow::ALL
        .into_iter()
        .flat_map(|r| Applicant::ALL.map(|c| FieldPath::Request(r, c)))
        .collect();
    for g in ReviewGroup::ALL {
        v.extend(ReviewOutcome::ALL.map(|o| FieldPath::Review(g, o)));
    }
    v
}

/// What a cell counts for in a sum, computed independently of the core: its number if it is one
/// the core accepts, else nothing.
fn counted(text: &str) -> u128 {
    match text.parse::<u128>() {
        Ok(n) if n <= u128::from(MAX_COUNT) => n,
        _ => 0,
    }
}

fn report_with(texts: &[String]) -> Report {
    let mut r = Report::new("测试县人民政府", AgencyKind::PeoplesGovernment, 2024);
    for (path, text) in table_paths().into_iter().zip(texts) {
        // Set cells directly, not through `apply`, which keeps totals in step.
        match path {
            FieldPath::Request(row, col) => {
                r.requests.set(row, col, nianbao_core::CountCell::new(text))
            }
            FieldPath::Review(g, o) => {
                *r.review.group_mut(g).get_mut(o) = nianbao_core::CountCell::new(text)
            }
            _ => unreachable!("only table cells are generated"),
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn totals_are_exact_and_huge_cells_are_named(
        texts in prop::collection::vec(cell_text(), 175 + 15)
    ) {
        let r = report_with(&texts);
        let text_of = |p: FieldPath| {
            let i = table_paths().iter().position(|&q| q == p).expect("a table cell");
            texts[i].clone()
        };

        let computed = r.computed_totals();
        for row in RequestRow::ALL.into_iter().filter(|&r| r != RequestRow::Total) {
            let exact: u128 = Applicant::PARTS
                .iter()
                .map(|&c| counted(&text_of(FieldPath::Request(row, c))))
                .sum();
            let key = FieldPath::Request(row, Applicant::Total).to_string();
            prop_assert_eq!(u128::from(computed[&key]), exact, "row total {}", key);
        }
        for col in Applicant::ALL {
            let exact: u128 = RequestRow::outcomes()
                .map(|row| counted(&text_of(FieldPath::Request(row, col))))
                .sum();
            let key = FieldPath::Request(RequestRow::Total, col).to_string();
            prop_assert_eq!(u128::from(computed[&key]), exact, "outcome total {}", key);
        }
        for g in ReviewGroup::ALL {
            let exact: u128 = ReviewOutcome::PARTS
                .iter()
                .map(|&o| counted(&text_of(FieldPath::Review(g, o))))
                .sum();
            let key = FieldPath::Review(g, ReviewOutcome::Total).to_string();
            prop_assert_eq!(u128::from(computed[&key]), exact, "review total {}", key);
        }

        let diags = validate(&r, None);
        // A row-total message quotes the sum of the six columns: it must be the exact one.
        for d in diags.iter().filter(|d| d.code == "T3-ROW-TOTAL") {
            let FieldPath::Request(row, _) = d.paths[0] else { unreachable!() };
            let exact: u128 = Applicant::PARTS
                .iter()
                .map(|&c| counted(&text_of(FieldPath::Request(row, c))))
                .sum();
            prop_assert!(
                d.message.contains(&format!(" = {exact}，")),
                "{} does not state the exact sum {}", d.message, exact
            );
        }
        // Every cell too large to count is named by a 错误 of its own.
        for (path, text) in table_paths().into_iter().zip(&texts) {
            let too_large = text.parse::<u128>().is_ok_and(|n| n > u128::from(MAX_COUNT));
            if too_large {
                prop_assert!(
                    diags.iter().any(|d| d.severity == Severity::Error
                        && d.code == "CELL-NOT-NUMBER"
                        && d.paths == vec![path]),
                    "{} = {} is not flagged", path, text
                );
            }
        }

        // 汇总 refuses a report with such a cell rather than adding it as 0.
        let any_too_large = texts
            .iter()
            .any(|t| t.parse::<u128>().is_ok_and(|n| n > u128::from(MAX_COUNT)));
        let mut summer = Summer::new(2024);
        prop_assert_eq!(summer.add(&r).is_err(), any_too_large);
    }
}

/// The case from the issue: u64::MAX typed into two cells of one row once summed to MAX − 1.
#[test]
fn two_u64_max_cells_do_not_wrap() {
    let mut r = Report::new("测试县人民政府", AgencyKind::PeoplesGovernment, 2024);
    for col in ["natural_person", "commercial_enterprise"] {
        r.apply(&format!("requests.granted.{col}"), "18446744073709551615")
            .expect("edit");
    }
    r.apply("requests.granted.total", "0").expect("edit");
    let computed = r.computed_totals();
    assert_eq!(computed["requests.granted.total"], 0);
    let diags = validate(&r, None);
    let flagged: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "CELL-NOT-NUMBER")
        .map(|d| d.paths[0].to_string())
        .collect();
    assert_eq!(
        flagged,
        [
            "requests.granted.natural_person",
            "requests.granted.commercial_enterprise"
        ]
    );
    assert!(diags
        .iter()
        .any(|d| d.message.contains("超过了一万亿") && d.message.contains("18446744073709551615")));
}

/// Summing many reports at the bound stays exact far beyond what a 汇总 can reach.
#[test]
fn sums_at_the_bound_stay_exact() {
    let mut r = Report::new("测试县人民政府", AgencyKind::PeoplesGovernment, 2024);
    for path in FieldPath::all_fields() {
        if matches!(
            path,
            FieldPath::Request(..)
                | FieldPath::Review(..)
                | FieldPath::Document(..)
                | FieldPath::Decision(_)
        ) {
            r.apply_at(path, &MAX_COUNT.to_string()).expect("edit");
        }
    }
    r.apply_at(FieldPath::Fee, "999999999999.9999")
        .expect("fee");
    let mut summer = Summer::new(2024);
    for _ in 0..1000 {
        summer.add(&r).expect("a report at the bound is added");
    }
    let total = summer.finish("某市人民政府", AgencyKind::PeoplesGovernment);
    // 1000 × MAX_COUNT is beyond the bound, so the summed cell reads as too large and is flagged,
    // never as a wrapped or rounded number.
    let cell = total
        .requests
        .get(RequestRow::Granted, Applicant::NaturalPerson);
    assert_eq!(cell.raw(), (u128::from(MAX_COUNT) * 1000).to_string());
    assert!(validate(&total, None)
        .iter()
        .any(|d| d.code == "CELL-NOT-NUMBER"
            && d.paths
                == vec![FieldPath::Request(
                    RequestRow::Granted,
                    Applicant::NaturalPerson
                )]));
    assert_eq!(total.active.fee.raw(), "999999999999999.9000");
}
