//! YEAR-CHANGE: a figure that moved implausibly far since last year — a count grown or shrunk by a
//! large factor, a category jumping from zero or falling to zero, a fee appearing or vanishing.
//! Such jumps are typing slips (an extra or a lost digit, a number in the wrong row) as often as
//! real changes, and the 上级 checks compare years first; so they are pointed out, never refused.
//!
//! Every cell of tables 二, 三 and 四 is compared with last year's (carried in the report or given).
//! A total is only reported when none of its parts is: a slip in one cell moves its row's and its
//! column's totals as well, and one slip must make one finding.

use rust_decimal::Decimal;

use super::Ctx;
use crate::cell::{format_money, CountCell};
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, RequestRow, ReviewGroup, ReviewOutcome,
    Tables,
};
use crate::path::FieldPath;

/// How far a figure may move before it is pointed out: the one table of thresholds.
pub struct Thresholds {
    /// A count multiplied or divided by at least this much …
    pub factor: u64,
    /// … and differing by at least this much (so 2 → 12 passes: small counts swing widely).
    pub factor_min_difference: u64,
    /// A count going from zero to at least this, or from at least this to zero.
    pub zero_min: u64,
    /// Extreme (警告): multiplied or divided by at least this much …
    pub extreme_factor: u64,
    /// … with at least this difference, or from or to zero from at least this.
    pub extreme_min_difference: u64,
    /// The fee (万元) multiplied or divided by at least this much, at least this many 万元 apart.
    pub fee_factor: u64,
    pub fee_min_difference: Decimal,
}

/// Why these numbers: a real agency's figures follow its caseload, which rarely moves by a factor
/// of five in a year (the seeds' own year-to-year tables move by well under ×2); a lost or extra
/// digit moves a figure by ×10. Below 50 (or 30 from zero) a count is small enough for one
/// applicant or one campaign to swing it, so small counts stay quiet however their ratio moves.
pub const THRESHOLDS: Thresholds = Thresholds {
    factor: 5,
    factor_min_difference: 50,
    zero_min: 30,
    extreme_factor: 10,
    extreme_min_difference: 1000,
    fee_factor: 10,
    fee_min_difference: Decimal::ONE,
};

pub(super) static FACTOR: Rule = Rule {
    code: "YEAR-CHANGE-FACTOR",
    severity: Severity::Info,
    meaning: "与上年相比，某一数字增加到 5 倍以上或减少到五分之一以下，且相差 50 以上。",
    basis: "多打或漏打一位数字会使数字变为十倍或十分之一；一个机关的业务量一年内很少变化到五倍。相差不足 50 的小数字容易因个别申请大幅波动，不提示。阈值见 rules/year_change.rs 的 THRESHOLDS。",
};
pub(super) static ZERO: Rule = Rule {
    code: "YEAR-CHANGE-ZERO",
    severity: Severity::Info,
    meaning: "与上年相比，某一数字从 0 变为 30 以上，或从 30 以上变为 0。",
    basis:
        "一类事项从无到有或从有到无，常是数字填错了行或列；30 以下的变化可能是实际情况，不提示。",
};
pub(super) static EXTREME: Rule = Rule {
    code: "YEAR-CHANGE-EXTREME",
    severity: Severity::Warning,
    meaning: "与上年相比，某一数字变化到 10 倍以上或十分之一以下且相差 1000 以上，或从 0 变为 1000 以上、从 1000 以上变为 0。",
    basis: "这样大的变化几乎总是多打、漏打数字或填错位置；确属实际变化的，应在正文中说明原因，供上级审核时核对。",
};
pub(super) static FEE: Rule = Rule {
    code: "YEAR-CHANGE-FEE",
    severity: Severity::Info,
    meaning: "行政事业性收费金额与上年相比从无到有、从有到无，或变化到 10 倍以上（或十分之一以下）且相差 1 万元以上。",
    basis: "收费金额以万元为单位，填成元或漏掉小数点会使金额变为一万倍或十倍；收费项目的新增或取消应有依据。",
};

pub(super) static RULES: &[&Rule] = &[&FACTOR, &ZERO, &EXTREME, &FEE];

/// The finding for one count, if it moved too far.
fn judge(before: u64, now: u64) -> Option<&'static Rule> {
    let t = &THRESHOLDS;
    let (low, high) = (before.min(now), before.max(now));
    let difference = high - low;
    if low == 0 {
        return if high >= t.extreme_min_difference {
            Some(&EXTREME)
        } else if high >= t.zero_min {
            Some(&ZERO)
        } else {
            None
        };
    }
    // `high / low >= factor` without division: high >= low * factor (no overflow: counts are
    // below 10^12, factors below 100).
    if high >= low * t.extreme_factor && difference >= t.extreme_min_difference {
        Some(&EXTREME)
    } else if high >= low * t.factor && difference >= t.factor_min_difference {
        Some(&FACTOR)
    } else {
        None
    }
}

/// How the two years are named in a message: "上年（2023 年）" and "本年（2024 年）" when they are
/// adjacent, the bare years when they are not (`nianbao compare` may hold 2021 against 2024), and
/// 上年/本年 when a year is unknown. A bare "（2023 年）" after the numbers read as the year of the
/// new figure.
struct YearNames {
    then: String,
    this: String,
}

fn year_names(now: Option<u64>, before: Option<u64>) -> YearNames {
    let (then, this) = match (before, now) {
        (Some(b), Some(n)) if b + 1 == n => (format!("上年（{b} 年）"), format!("本年（{n} 年）")),
        (Some(b), Some(n)) => (format!("{b} 年"), format!("{n} 年")),
        (Some(b), None) => (format!("上年（{b} 年）"), "本年".to_string()),
        (None, Some(n)) => ("上年".to_string(), format!("本年（{n} 年）")),
        (None, None) => ("上年".to_string(), "本年".to_string()),
    };
    YearNames { then, this }
}

fn describe(before: u64, now: u64, y: &YearNames) -> String {
    let (then, this) = (&y.then, &y.this);
    if before == 0 {
        return format!("{then}是 0，{this}是 {now}");
    }
    if now == 0 {
        return format!("{then}是 {before}，{this}是 0");
    }
    let times = |a: u64, b: u64| {
        let tenths = (a * 10 + b / 2) / b;
        if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    };
    if now > before {
        format!(
            "{then}是 {before}，{this}是 {now}，增加到约 {} 倍（多 {}）",
            times(now, before),
            now - before
        )
    } else {
        format!(
            "{then}是 {before}，{this}是 {now}，减少到约 {} 分之一（少 {}）",
            times(before, now),
            before - now
        )
    }
}

/// Every count cell of the three tables with its path, and for totals the paths of their parts.
struct Count<'a> {
    path: FieldPath,
    now: &'a CountCell,
    before: &'a CountCell,
}

fn counts<'a>(now: Tables<'a>, before: Tables<'a>) -> Vec<Count<'a>> {
    let mut v = Vec::with_capacity(200);
    for k in DocumentKind::ALL {
        for c in DocumentColumn::ALL {
            v.push(Count {
                path: FieldPath::Document(k, c),
                now: now.active.documents(k).get(c),
                before: before.active.documents(k).get(c),
            });
        }
    }
    for k in DecisionKind::ALL {
        v.push(Count {
            path: FieldPath::Decision(k),
            now: now.active.decision(k),
            before: before.active.decision(k),
        });
    }
    for r in RequestRow::ALL {
        for c in Applicant::ALL {
            v.push(Count {
                path: FieldPath::Request(r, c),
                now: now.requests.get(r, c),
                before: before.requests.get(r, c),
            });
        }
    }
    for g in ReviewGroup::ALL {
        for o in ReviewOutcome::ALL {
            v.push(Count {
                path: FieldPath::Review(g, o),
                now: now.review.group(g).get(o),
                before: before.review.group(g).get(o),
            });
        }
    }
    v
}

/// Whether `total` adds up cells among `fired` (so a finding there would repeat theirs).
fn covers(total: FieldPath, part: FieldPath) -> bool {
    match (total, part) {
        (FieldPath::Request(tr, tc), FieldPath::Request(pr, pc)) => {
            let row_total = tc == Applicant::Total && tr == pr && pc != Applicant::Total;
            let outcome_total = tr == RequestRow::Total
                && tc == pc
                && pr != RequestRow::Total
                && pr.group().is_some();
            let grand = tr == RequestRow::Total && tc == Applicant::Total;
            row_total || outcome_total || (grand && (pr.group().is_some() || pr == tr))
        }
        (FieldPath::Review(tg, ReviewOutcome::Total), FieldPath::Review(pg, po)) => {
            tg == pg && po != ReviewOutcome::Total
        }
        _ => false,
    }
}

fn is_total(p: FieldPath) -> bool {
    matches!(
        p,
        FieldPath::Request(RequestRow::Total, _)
            | FieldPath::Request(_, Applicant::Total)
            | FieldPath::Review(_, ReviewOutcome::Total)
    )
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if let Some(before) = ctx.previous {
        out.extend(findings(ctx.report.tables(), before));
    }
}

/// The YEAR-CHANGE findings of `now` against `before`, whatever their years (`nianbao compare`
/// flags with them two years that need not be adjacent).
pub fn findings(now: Tables, before: Tables) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let years = year_names(now.year, before.year);
    let mut fired: Vec<(FieldPath, &'static Rule, u64, u64)> = Vec::new();
    for c in counts(now, before) {
        let (Some(&b), Some(&n)) = (c.before.value(), c.now.value()) else {
            continue;
        };
        if let Some(rule) = judge(b, n) {
            fired.push((c.path, rule, b, n));
        }
    }
    // Parts first, then the totals none of whose parts spoke.
    let (totals, parts): (Vec<_>, Vec<_>) = fired.into_iter().partition(|f| is_total(f.0));
    let mut kept: Vec<(FieldPath, &'static Rule, u64, u64)> = parts;
    for t in totals {
        if !kept.iter().any(|p| covers(t.0, p.0)) {
            kept.push(t);
        }
    }
    for (path, rule, b, n) in kept {
        out.push(rule.diag(
            vec![path],
            format!("{}：{}。", path.label(), describe(b, n, &years)),
            "请核对是否多打或漏打了数字、填错了行或列；如确属实际变化，建议在正文中说明原因。",
        ));
    }
    fee(now, before, &years, &mut out);
    out
}

fn fee(now: Tables, before: Tables, years: &YearNames, out: &mut Vec<Diagnostic>) {
    let (Some(&b), Some(&n)) = (before.active.fee.value(), now.active.fee.value()) else {
        return;
    };
    let t = &THRESHOLDS;
    let zero = Decimal::ZERO;
    let what = if b == zero && n > zero {
        "上年没有收费，本年有收费"
    } else if b > zero && n == zero {
        "上年有收费，本年没有"
    } else if b > zero
        && n > zero
        && (n - b).abs() >= t.fee_min_difference
        && (n.max(b) >= n.min(b) * Decimal::from(t.fee_factor))
    {
        "金额变化到 10 倍以上或十分之一以下"
    } else {
        return;
    };
    out.push(FEE.diag(
        vec![FieldPath::Fee],
        format!(
            "{}：{what}（{}是 {} 万元，{}是 {} 万元）。",
            FieldPath::Fee.label(),
            years.then,
            format_money(b),
            years.this,
            format_money(n)
        ),
        "请核对金额的单位是万元、小数点位置是否正确；如收费项目有新增或取消，建议在正文中说明。",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_at_their_edges() {
        let code = |b, n| judge(b, n).map(|r| r.code);
        assert_eq!(code(10, 60), Some("YEAR-CHANGE-FACTOR"), "×6, 50 apart");
        assert_eq!(code(60, 10), Some("YEAR-CHANGE-FACTOR"), "shrinking alike");
        assert_eq!(code(10, 59), None, "only 49 apart");
        assert_eq!(code(20, 99), None, "under ×5");
        assert_eq!(code(2, 12), None, "small counts swing");
        assert_eq!(code(0, 29), None);
        assert_eq!(code(0, 30), Some("YEAR-CHANGE-ZERO"));
        assert_eq!(code(30, 0), Some("YEAR-CHANGE-ZERO"));
        assert_eq!(code(0, 1000), Some("YEAR-CHANGE-EXTREME"));
        assert_eq!(
            code(100, 1000),
            Some("YEAR-CHANGE-FACTOR"),
            "×10 but 900 apart"
        );
        assert_eq!(code(100, 1100), Some("YEAR-CHANGE-EXTREME"));
        assert_eq!(code(28414, 284140), Some("YEAR-CHANGE-EXTREME"));
        assert_eq!(code(146, 200), None);
    }

    #[test]
    fn changes_are_described_with_their_factor() {
        assert_eq!(
            describe(12, 1200, &year_names(None, None)),
            "上年是 12，本年是 1200，增加到约 100 倍（多 1188）"
        );
        assert_eq!(
            describe(300, 40, &year_names(None, None)),
            "上年是 300，本年是 40，减少到约 7.5 分之一（少 260）"
        );
        assert_eq!(
            describe(0, 300, &year_names(None, None)),
            "上年是 0，本年是 300"
        );
        // Issue 27: "本年是 910（2023 年）" read as if 910 were 2023's figure.
        assert_eq!(
            describe(0, 910, &year_names(Some(2024), Some(2023))),
            "上年（2023 年）是 0，本年（2024 年）是 910"
        );
        assert_eq!(
            describe(5, 0, &year_names(Some(2024), Some(2021))),
            "2021 年是 5，2024 年是 0"
        );
    }
}
