//! This year's report against last year's: what was carried forward must arrive, and the stock
//! of documents in force must follow from last year's stock and this year's changes.

use super::Ctx;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::{Applicant, DocumentColumn, DocumentKind, RequestRow};
use crate::path::FieldPath;

// Warning, not error: when last year's published figure was itself wrong, the right figure this
// year differs from it; the user must say which one holds, but the report is not necessarily wrong.
pub(super) static CARRY_OVER: Rule = Rule {
    code: "YEAR-CARRY-OVER",
    severity: Severity::Warning,
    meaning: "本年“上年结转”与上年报告的“结转下年度继续办理”不一致。",
    basis: "国办公开办函〔2021〕30号格式表三：上年结转即上一年度结转下年度继续办理的申请。",
};
// Warning: documents can also lapse (失效) without being repealed, which the table has no row
// for; a difference is worth a look, not a verdict.
pub(super) static IN_FORCE: Rule = Rule {
    code: "YEAR-IN-FORCE",
    severity: Severity::Warning,
    meaning: "现行有效件数 ≠ 上年现行有效件数 + 本年制发 − 本年废止。",
    basis: "国办公开办函〔2021〕30号格式表二：制发、废止、现行有效三栏之间的关系。",
};
pub(super) static NOT_PREVIOUS: Rule = Rule {
    code: "YEAR-NOT-PREVIOUS",
    severity: Severity::Info,
    meaning: "作为上年报告打开的文件不是本机关上一年度的报告，跨年度核对没有进行。",
    basis: "跨年度核对只对同一机关相邻两年的报告有意义。",
};

// Warning: text copied from last year usually still speaks of last year's work and numbers.
pub(super) static DRAFT: Rule = Rule {
    code: "YEAR-DRAFT-TEXT",
    severity: Severity::Warning,
    meaning: "这段文字是从上年报告沿用的，还没有按本年情况修改过。",
    basis: "年度报告应反映本年度的工作情况（《政府信息公开条例》第五十条）。",
};

pub(super) static RULES: &[&Rule] = &[&CARRY_OVER, &IN_FORCE, &NOT_PREVIOUS, &DRAFT];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    for &path in &r.drafts {
        out.push(DRAFT.diag(
            vec![path],
            format!("{}沿用了上年报告的文字，还没有修改。", path.label()),
            "请按本年度的实际情况改写；改动后此提醒即消失。",
        ));
    }
    let Some(this_year) = r.meta.valid_year() else {
        return;
    };
    if let Some(last) = ctx.last_year {
        let Some(last_year) = last.meta.year() else {
            return;
        };
        let same_agency = r.meta.agency.trim() == last.meta.agency.trim();
        if this_year != last_year + 1 || !same_agency {
            out.push(NOT_PREVIOUS.diag(
                vec![FieldPath::Year],
                format!(
                    "用作对照的是{}{}年的报告，不是{}{}年的报告，跨年度核对没有进行。",
                    last.meta.agency.trim(),
                    last_year,
                    r.meta.agency.trim(),
                    this_year.saturating_sub(1)
                ),
                "如需核对上年结转和现行有效件数，请选择本机关上一年度的报告。",
            ));
            return;
        }
    }
    // Figures carried for another year (the year was changed afterwards) say nothing about this one.
    let Some(previous) = ctx.previous else {
        return;
    };
    let last_year = previous.year.unwrap_or(this_year.saturating_sub(1));

    for col in Applicant::ALL {
        let now = r.requests.get(RequestRow::CarriedOver, col).value();
        let then = previous
            .requests
            .get(RequestRow::CarriedForward, col)
            .value();
        if let (Some(&now), Some(&then)) = (now, then) {
            if now != then {
                out.push(CARRY_OVER.diag(
                    vec![FieldPath::Request(RequestRow::CarriedOver, col)],
                    format!(
                        "{}列：本年“上年结转”是 {now}，而{last_year}年报告的“结转下年度继续办理”是 {then}。",
                        col.long_label()
                    ),
                    format!("上年结转的申请就是上年报告中结转下年度的申请：通常应填 {then}；如上年报告有误，请在“其他需要报告的事项”中说明。"),
                ));
            }
        }
    }

    for kind in DocumentKind::ALL {
        let d = r.active.documents(kind);
        let (Some(&issued), Some(&repealed), Some(&in_force), Some(&before)) = (
            d.issued.value(),
            d.repealed.value(),
            d.in_force.value(),
            previous.active.documents(kind).in_force.value(),
        ) else {
            continue;
        };
        let expected = (before + issued).checked_sub(repealed);
        if expected != Some(in_force) {
            let expected_text = expected.map_or("负数".to_string(), |e| e.to_string());
            out.push(IN_FORCE.diag(
                vec![
                    FieldPath::Document(kind, DocumentColumn::InForce),
                    FieldPath::Document(kind, DocumentColumn::Issued),
                    FieldPath::Document(kind, DocumentColumn::Repealed),
                ],
                format!(
                    "{}：上年现行有效 {before} + 本年制发 {issued} − 本年废止 {repealed} = {expected_text}，而本年现行有效填的是 {in_force}。",
                    kind.label()
                ),
                "请核对三栏数字；如有文件因到期等原因失效（未经废止），请在正文中说明。",
            ));
        }
    }
}
