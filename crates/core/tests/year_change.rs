//! YEAR-CHANGE against last year's figures: each planted change raises exactly one finding, and
//! ordinary year-to-year variation built from the five seeds raises none.

use nianbao_core::model::{Applicant, RequestRow};
use nianbao_core::{load_report, validate, Diagnostic, Report, Severity};

fn fixture(n: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// `last` as next year's report, with last year's figures attached.
fn next_year_of(last: &Report) -> Report {
    let mut r = last.clone();
    let year = last.meta.year().expect("seed year");
    r.apply("meta.year", &(year + 1).to_string()).expect("year");
    r.meta.title.clear();
    r.attach_last_year(last).expect("attach");
    r
}

fn year_changes(r: &Report) -> Vec<Diagnostic> {
    validate(r, None)
        .into_iter()
        .filter(|d| d.code.starts_with("YEAR-CHANGE"))
        .collect()
}

fn one(r: &Report) -> Diagnostic {
    let found = year_changes(r);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().expect("one")
}

#[test]
fn the_same_figures_again_raise_nothing() {
    for n in SEEDS {
        let r = next_year_of(&fixture(n));
        assert!(year_changes(&r).is_empty(), "seed {n}");
    }
}

#[test]
fn ten_times_a_count_is_one_warning() {
    // 行政许可 28414 → 284140: an extra digit.
    let mut r = next_year_of(&fixture("003"));
    r.apply("active.licensing", "284140").expect("edit");
    let d = one(&r);
    assert_eq!(d.code, "YEAR-CHANGE-EXTREME");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.paths[0].to_string(), "active.licensing");
    assert_eq!(
        d.message,
        "表二·行政许可·本年处理决定数量：上年（2023 年）是 28414，本年（2024 年）是 284140，增加到约 10 倍（多 255726）。"
    );
}

#[test]
fn ten_times_one_cell_of_table_three_with_its_totals_filled_is_one_finding() {
    // 予以公开·自然人 53 → 530, totals kept in step as the editor does: the row's 总计, the
    // column's （七）总计 and the grand total all move too, yet one slip makes one finding.
    let mut r = next_year_of(&fixture("003"));
    r.apply("requests.granted.natural_person", "530")
        .expect("edit");
    r.fill_totals();
    let d = one(&r);
    assert_eq!(d.code, "YEAR-CHANGE-FACTOR");
    assert_eq!(d.paths[0].to_string(), "requests.granted.natural_person");
}

#[test]
fn zero_to_three_hundred_and_back() {
    let mut r = next_year_of(&fixture("003"));
    r.apply("requests.withheld_state_secret.natural_person", "300")
        .expect("edit");
    let d = one(&r);
    assert_eq!(d.code, "YEAR-CHANGE-ZERO");
    assert!(
        d.message
            .contains("上年（2023 年）是 0，本年（2024 年）是 300"),
        "{}",
        d.message
    );

    // 300 → 0: last year had 300 in 复议·结果维持, this year none.
    let mut last = fixture("003");
    last.apply("review.reconsideration.upheld", "300")
        .expect("edit");
    last.fill_totals();
    let mut r = next_year_of(&last);
    r.apply("review.reconsideration.upheld", "0").expect("edit");
    r.fill_totals();
    let d = one(&r);
    assert_eq!(d.code, "YEAR-CHANGE-ZERO");
    assert_eq!(d.paths[0].to_string(), "review.reconsideration.upheld");
}

#[test]
fn a_fee_from_nothing_and_a_fee_gone() {
    let mut last = fixture("001");
    last.apply("active.fee", "0").expect("edit");
    let mut r = next_year_of(&last);
    r.apply("active.fee", "12.5").expect("edit");
    let d = one(&r);
    assert_eq!(d.code, "YEAR-CHANGE-FEE");
    assert!(
        d.message.contains("年）是 0.0000 万元，本年（")
            && d.message.contains("年）是 12.5000 万元"),
        "{}",
        d.message
    );

    let mut r = next_year_of(&fixture("001"));
    r.apply("active.fee", "0").expect("edit");
    assert_eq!(one(&r).code, "YEAR-CHANGE-FEE");
    // 805.5 → 8055 (the decimal point lost): one finding; 805.5 → 900: none.
    r.apply("active.fee", "8055").expect("edit");
    assert_eq!(one(&r).code, "YEAR-CHANGE-FEE");
    r.apply("active.fee", "900").expect("edit");
    assert!(year_changes(&r).is_empty());
}

#[test]
fn unknown_last_year_cells_say_nothing() {
    // Version-1 files kept only some of last year's cells: the others are unknown, not zero.
    let mut r = next_year_of(&fixture("003"));
    if let Some(l) = r.last_year.as_mut() {
        l.active.licensing = Default::default();
    }
    r.apply("active.licensing", "284140").expect("edit");
    assert!(year_changes(&r).is_empty());
}

/// A small deterministic generator (no dependency needed for a test's variation).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Each filled count of `r` moved the way real years move: counts above 10 scaled by a factor
/// between 0.7 and 1.4, small counts by −3…+3 (never below 0); the fee scaled alike. Totals
/// move like any cell: filling them again would also "correct" a seed's own wrong total (seed
/// 000 states 0 for 办理结果总计), which is no year-to-year variation.
fn vary(r: &Report, rng: &mut Lcg) -> Report {
    let mut out = r.clone();
    let paths: Vec<_> = nianbao_core::FieldPath::all_fields()
        .into_iter()
        .filter(|p| {
            matches!(
                p,
                nianbao_core::FieldPath::Document(..)
                    | nianbao_core::FieldPath::Decision(_)
                    | nianbao_core::FieldPath::Request(..)
                    | nianbao_core::FieldPath::Review(..)
            )
        })
        .collect();
    for p in paths {
        let key = p.to_string();
        let Some(v) = r.text_at(p).and_then(|t| t.parse::<u64>().ok()) else {
            continue;
        };
        let moved = if v > 10 {
            let per_mille = 700 + rng.next() % 701;
            (v * per_mille + 500) / 1000
        } else {
            let step = (rng.next() % 7) as i64 - 3;
            (v as i64 + step).max(0) as u64
        };
        out.apply(&key, &moved.to_string()).expect("edit");
    }
    if let Some(fee) = r.active.fee.value() {
        let per_mille = 700 + rng.next() % 701;
        let moved = *fee * rust_decimal::Decimal::new(per_mille as i64, 3);
        out.apply("active.fee", &moved.round_dp(4).to_string())
            .expect("edit");
    }
    out
}

#[test]
fn ordinary_variation_from_the_seeds_raises_nothing() {
    let mut rng = Lcg(20231231);
    let mut checked = 0;
    for n in SEEDS {
        let seed = fixture(n);
        for _ in 0..200 {
            // Both directions: the seed as last year, and as this year.
            let varied = vary(&seed, &mut rng);
            for (last, this) in [(&seed, &varied), (&varied, &seed)] {
                let mut r = this.clone();
                let year = last.meta.year().expect("year");
                r.apply("meta.year", &(year + 1).to_string()).expect("year");
                r.attach_last_year(last).expect("attach");
                let found = year_changes(&r);
                assert!(found.is_empty(), "seed {n}: {found:#?}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2000);
}

#[test]
fn carried_figures_and_a_given_report_agree() {
    let last = fixture("003");
    let mut r = next_year_of(&last);
    r.apply("active.licensing", "284140").expect("edit");
    let carried = year_changes(&r);
    r.last_year = None;
    let given: Vec<Diagnostic> = validate(&r, Some(&last))
        .into_iter()
        .filter(|d| d.code.starts_with("YEAR-CHANGE"))
        .collect();
    assert_eq!(carried, given);
    assert_eq!(
        r.requests
            .get(RequestRow::NewReceived, Applicant::Total)
            .raw(),
        "146"
    );
}
