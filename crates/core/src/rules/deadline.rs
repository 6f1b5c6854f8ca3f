//! 发布日期: readable, after the year it reports on, and within the legal deadline.

use super::Ctx;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::{AgencyKind, Date};
use crate::path::FieldPath;

pub(super) static DATE_INVALID: Rule = Rule {
    code: "META-DATE-INVALID",
    severity: Severity::Error,
    meaning: "发布日期无法识别。",
    basis: "发布日期用于核对是否按期公布。",
};
// Warning: a late report is a fact to disclose, not something the editor can fix; but a date
// typed with the wrong year is the more common cause, so the user should look.
pub(super) static LATE: Rule = Rule {
    code: "DEADLINE-LATE",
    severity: Severity::Warning,
    meaning:
        "发布日期晚于法定期限（部门、乡镇（街道）为次年 1 月 31 日，人民政府为次年 3 月 31 日）。",
    basis: "《政府信息公开条例》第四十九条、第五十条。",
};
pub(super) static EARLY: Rule = Rule {
    code: "DATE-BEFORE-YEAR-END",
    severity: Severity::Warning,
    meaning: "发布日期早于报告年度结束，年度报告不可能在年度结束前发布。",
    basis: "年度报告总结的是整个报告年度。",
};

pub(super) static RULES: &[&Rule] = &[&DATE_INVALID, &LATE, &EARLY];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.report.meta;
    if meta.published.trim().is_empty() {
        return;
    }
    let Some(date) = Date::parse(&meta.published) else {
        out.push(DATE_INVALID.diag(
            vec![FieldPath::Published],
            format!("发布日期“{}”无法识别。", meta.published),
            "请按“2025年1月20日”或“2025-01-20”的格式填写。",
        ));
        return;
    };
    let Some(year) = meta.valid_year().and_then(|y| u32::try_from(y).ok()) else {
        return;
    };
    let (month, who) = match meta.kind {
        AgencyKind::PeoplesGovernment => (3, "人民政府的本级年报"),
        _ => (1, "部门和乡镇（街道）的年报"),
    };
    let deadline = Date {
        year: year + 1,
        month,
        day: 31,
    };
    if date
        <= (Date {
            year,
            month: 12,
            day: 31,
        })
    {
        out.push(EARLY.diag(
            vec![FieldPath::Published, FieldPath::Year],
            format!("发布日期是 {date}，早于 {year} 年度结束。"),
            "请核对发布日期的年份，或核对报告年度。",
        ));
    } else if date > deadline {
        out.push(LATE.diag(
            vec![FieldPath::Published],
            format!("发布日期是 {date}，晚于{who}的法定期限 {deadline}。"),
            "请核对发布日期；如确实逾期发布，请在“其他需要报告的事项”中说明原因。",
        ));
    }
}
