//! Checks across the reports of one desk: the 本级汇总 (the government's own report) against the
//! sum of its departments' reports (`SUM-MISMATCH`, `SUM-NO-REPORT`), and each report against
//! its peers of the same year (`PEER-ZERO`, `PEER-RATE`). Pure: reports in, diagnostics out; the
//! rules' words are in the core's catalogue (`nianbao_core::rules::batch`).

use std::collections::{BTreeMap, BTreeSet};

use nianbao_core::model::{Applicant, DecisionKind, RequestRow, ReviewGroup, ReviewOutcome};
use nianbao_core::rules::batch::{PEER_RATE, PEER_ZERO, SUM_MISMATCH, SUM_NO_REPORT};
use nianbao_core::sum::Summer;
use nianbao_core::{Diagnostic, FieldPath, Report};
use rust_decimal::Decimal;

/// One report of the desk, by its name there.
#[derive(Clone, Copy)]
pub struct Named<'a> {
    pub name: &'a str,
    pub report: &'a Report,
}

/// The 本级汇总 against its parts.
#[derive(Clone, Debug, Default)]
pub struct OwnCheck {
    pub year: Option<u64>,
    /// The reports added into the sum, by name.
    pub counted: Vec<String>,
    /// Reports of that year not added, with the Chinese reason (cells that are not numbers).
    pub refused: Vec<(String, String)>,
    /// `SUM-MISMATCH` per differing cell, then `SUM-NO-REPORT` per department without a report
    /// of that year; the fields are the 本级汇总's.
    pub findings: Vec<Diagnostic>,
}

/// A cell's text as a number: blank and 不适用 ('/', '-') are 0, as the sum counts them;
/// full-width digits are digits; anything else is None.
fn number(text: &str) -> Option<Decimal> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' | '．' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect();
    if t.is_empty() || matches!(t.as_str(), "/" | "／" | "-" | "－" | "—" | "–") {
        return Some(Decimal::ZERO);
    }
    t.parse::<Decimal>().ok()
}

fn shown(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Compares every cell of tables 二, 三 and 四 of `own` with the sum of the other reports of its
/// year. `office` is the government office's own report when the 本级汇总 includes its figures
/// and it is not among `others` (then it is added to the sum too).
pub fn check_own(own: Named, others: &[Named], office: Option<Named>) -> OwnCheck {
    let Some(year) = own.report.meta.year() else {
        return OwnCheck::default();
    };
    let mut summer = Summer::new(year);
    let mut check = OwnCheck {
        year: Some(year),
        ..OwnCheck::default()
    };
    let same_year = |r: &Named| r.report.meta.year() == Some(year) && r.name != own.name;
    let mut parts: Vec<Named> = others.iter().copied().filter(same_year).collect();
    if let Some(o) = office {
        if o.name != own.name && !parts.iter().any(|p| p.name == o.name) {
            parts.push(o);
        }
    }
    for p in &parts {
        match summer.add(p.report) {
            Ok(_) => check.counted.push(p.name.to_string()),
            Err(why) => check.refused.push((p.name.to_string(), why.message())),
        }
    }
    let n = check.counted.len();
    if n > 0 {
        let sum = summer.finish("", own.report.meta.kind);
        for path in FieldPath::all_fields()
            .into_iter()
            .filter(|p| p.is_table_cell())
        {
            let mine = own.report.text_at(path).unwrap_or_default();
            let theirs = sum.text_at(path).unwrap_or_default();
            let (Some(a), Some(b)) = (number(&mine), number(&theirs)) else {
                check.findings.push(SUM_MISMATCH.diag(
                    vec![path],
                    format!(
                        "本级汇总报告写的“{}”不是数字，无法与 {n} 份部门报告之和 {theirs} 比较。",
                        mine.trim()
                    ),
                    "请改为数字。",
                ));
                continue;
            };
            if a != b {
                check.findings.push(SUM_MISMATCH.diag(
                    vec![path],
                    format!(
                        "本级汇总报告是 {}，{n} 份部门报告之和是 {}（相差 {}）。",
                        shown(a),
                        shown(b),
                        shown((a - b).abs())
                    ),
                    "请核对本级汇总报告的这一格和各部门报告；本级另有部门报告之外的数字的，请在报告中说明。",
                ));
            }
        }
    }
    // Departments seen in other years but not in this one: the sum lacks them.
    let with_year: BTreeSet<&str> = parts
        .iter()
        .map(|p| p.report.meta.agency.trim())
        .chain([own.report.meta.agency.trim()])
        .collect();
    let mut elsewhere: BTreeMap<&str, BTreeSet<u64>> = BTreeMap::new();
    for r in others {
        let agency = r.report.meta.agency.trim();
        if agency.is_empty() || with_year.contains(agency) {
            continue;
        }
        if let Some(y) = r.report.meta.year() {
            elsewhere.entry(agency).or_default().insert(y);
        }
    }
    for (agency, years) in elsewhere {
        let years: Vec<String> = years.iter().map(u64::to_string).collect();
        check.findings.push(SUM_NO_REPORT.diag(
            Vec::new(),
            format!(
                "“{agency}”有 {} 年度的报告，没有 {year} 年度的报告，本级汇总中没有计入它。",
                years.join("、")
            ),
            format!("请向“{agency}”要 {year} 年度的报告，加入审核台后再核对。"),
        ));
    }
    check
}

/// The fewest reports of one year that make a batch of peers.
pub const MIN_PEERS: usize = 10;

fn count(r: &Report, row: RequestRow) -> u64 {
    r.requests.get(row, Applicant::Total).count_or_zero()
}

/// What the peers compare of a report: its year and the few cells the rates and key cells are
/// made of (总计 column of table 三, 复议, 行政许可/处罚). Small and `Copy`, so that a desk of
/// 10,000 rows keeps them beside each row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Figures {
    pub year: Option<u64>,
    pub new_received: u64,
    pub carried_over: u64,
    pub granted: u64,
    pub partially_granted: u64,
    pub outcome_total: u64,
    pub carried_forward: u64,
    pub reconsideration_corrected: u64,
    pub reconsideration_total: u64,
    pub licensing: u64,
    pub penalty: u64,
}

impl Figures {
    pub fn of(r: &Report) -> Figures {
        let recon = r.review.group(ReviewGroup::Reconsideration);
        Figures {
            year: r.meta.year(),
            new_received: count(r, RequestRow::NewReceived),
            carried_over: count(r, RequestRow::CarriedOver),
            granted: count(r, RequestRow::Granted),
            partially_granted: count(r, RequestRow::PartiallyGranted),
            outcome_total: count(r, RequestRow::Total),
            carried_forward: count(r, RequestRow::CarriedForward),
            reconsideration_corrected: recon.get(ReviewOutcome::Corrected).count_or_zero(),
            reconsideration_total: recon.get(ReviewOutcome::Total).count_or_zero(),
            licensing: r.active.decision(DecisionKind::Licensing).count_or_zero(),
            penalty: r.active.decision(DecisionKind::Penalty).count_or_zero(),
        }
    }
}

/// A rate reviewers use, with the cell it is shown at.
struct Rate {
    name: &'static str,
    path: FieldPath,
    /// What the rate is made of, in words, for the message.
    of: &'static str,
    value: fn(&Figures) -> Option<f64>,
}

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

const RATES: [Rate; 3] = [
    Rate {
        name: "实质公开率",
        path: FieldPath::Request(RequestRow::Granted, Applicant::Total),
        of: "（予以公开 + 部分公开）÷（七）总计",
        value: |f| ratio(f.granted + f.partially_granted, f.outcome_total),
    },
    Rate {
        name: "复议纠错率",
        path: FieldPath::Review(ReviewGroup::Reconsideration, ReviewOutcome::Corrected),
        of: "行政复议结果纠正 ÷ 行政复议总计",
        value: |f| ratio(f.reconsideration_corrected, f.reconsideration_total),
    },
    Rate {
        name: "结转率",
        path: FieldPath::Request(RequestRow::CarriedForward, Applicant::Total),
        of: "结转下年度继续办理 ÷（本年新收 + 上年结转）",
        value: |f| ratio(f.carried_forward, f.new_received + f.carried_over),
    },
];

/// How a key cell is read from a report.
type Reading = fn(&Figures) -> u64;

/// The key cells a report rarely has at 0 when its peers have hundreds.
fn key_cells() -> [(FieldPath, Reading); 4] {
    [
        (
            FieldPath::Request(RequestRow::NewReceived, Applicant::Total),
            |f| f.new_received,
        ),
        (
            FieldPath::Request(RequestRow::Total, Applicant::Total),
            |f| f.outcome_total,
        ),
        (FieldPath::Decision(DecisionKind::Licensing), |f| {
            f.licensing
        }),
        (FieldPath::Decision(DecisionKind::Penalty), |f| f.penalty),
    ]
}

/// The p-th percentile (0–100) of sorted values, linearly between neighbours.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = p / 100.0 * (sorted.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    let (a, b) = (sorted[lo], sorted[hi.min(sorted.len() - 1)]);
    a + (b - a) * (at - lo as f64)
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// For each report (in the order given) its `PEER-ZERO` and `PEER-RATE` 提示 against the other
/// reports of its year; years with fewer than [`MIN_PEERS`] reports get none.
pub fn peer_findings(reports: &[Figures]) -> Vec<Vec<Diagnostic>> {
    let mut out = vec![Vec::new(); reports.len()];
    let mut by_year: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        if let Some(y) = r.year {
            by_year.entry(y).or_default().push(i);
        }
    }
    for (year, members) in by_year {
        if members.len() < MIN_PEERS {
            continue;
        }
        let n = members.len();
        for (path, value) in key_cells() {
            let mut values: Vec<f64> = members.iter().map(|&i| value(&reports[i]) as f64).collect();
            values.sort_by(f64::total_cmp);
            let median = percentile(&values, 50.0);
            if median <= 100.0 {
                continue;
            }
            for &i in &members {
                if value(&reports[i]) == 0 {
                    out[i].push(PEER_ZERO.diag(
                        vec![path],
                        format!(
                            "{}是 0，同批 {n} 份 {year} 年度报告的中位数是 {median:.0}。",
                            path.label()
                        ),
                        "请核对这一格是否漏填；确实为 0 的，可以不改。",
                    ));
                }
            }
        }
        for rate in &RATES {
            let values: Vec<(usize, f64)> = members
                .iter()
                .filter_map(|&i| (rate.value)(&reports[i]).map(|v| (i, v)))
                .collect();
            if values.len() < MIN_PEERS {
                continue;
            }
            let mut sorted: Vec<f64> = values.iter().map(|(_, v)| *v).collect();
            sorted.sort_by(f64::total_cmp);
            let (p10, p90) = (percentile(&sorted, 10.0), percentile(&sorted, 90.0));
            for (i, v) in values {
                if v < p10 - 1e-9 || v > p90 + 1e-9 {
                    out[i].push(PEER_RATE.diag(
                        vec![rate.path],
                        format!(
                            "{}（{}）是 {}，在同批 {} 份 {year} 年度报告的第 10 至第 90 百分位（{}–{}）之外。",
                            rate.name,
                            rate.of,
                            percent(v),
                            sorted.len(),
                            percent(p10),
                            percent(p90)
                        ),
                        "请核对构成这一比率的各格；差异有正当原因的，可以不改。",
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_sum_counts_them() {
        assert_eq!(number(" 12 "), Some(Decimal::from(12)));
        assert_eq!(number("１２"), Some(Decimal::from(12)));
        assert_eq!(number(""), Some(Decimal::ZERO));
        assert_eq!(number("/"), Some(Decimal::ZERO));
        assert_eq!(number("805.50"), number("805.5000"));
        assert_eq!(number("十二"), None);
    }

    #[test]
    fn percentiles_between_neighbours() {
        let v: Vec<f64> = (0..11).map(f64::from).collect();
        assert!((percentile(&v, 10.0) - 1.0).abs() < 1e-9);
        assert!((percentile(&v, 90.0) - 9.0).abs() < 1e-9);
        assert!((percentile(&v, 50.0) - 5.0).abs() < 1e-9);
        assert!((percentile(&[1.0, 2.0], 50.0) - 1.5).abs() < 1e-9);
    }
}
