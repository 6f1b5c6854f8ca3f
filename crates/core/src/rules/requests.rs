//! Table 三's arithmetic: row totals, the outcome total, and the 勾稽关系 of every column.

use super::Ctx;
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::model::{Applicant, RequestRow, RequestTable};
use crate::path::FieldPath;

pub(super) static ROW_TOTAL: Rule = Rule {
    code: "T3-ROW-TOTAL",
    severity: Severity::Error,
    meaning: "表三某一行的“总计”栏不等于六类申请人之和。",
    basis: "国办公开办函〔2021〕30号格式：总计 = 自然人 + 法人或其他组织各栏。",
};
pub(super) static OUTCOME_TOTAL: Rule = Rule {
    code: "T3-OUTCOME-TOTAL",
    severity: Severity::Error,
    meaning: "表三某一列的“（七）总计”不等于（一）至（六）各项办理结果之和。",
    basis: "国办公开办函〔2021〕30号格式：（七）总计为本年度办理结果之和。",
};
pub(super) static BALANCE: Rule = Rule {
    code: "T3-BALANCE",
    severity: Severity::Error,
    meaning: "表三某一列不满足勾稽关系：第一项 + 第二项 ≠ 第三项 + 第四项。",
    basis: "国办公开办函〔2021〕30号格式表三注：第一项加第二项之和，等于第三项加第四项之和。",
};

pub(super) static RULES: &[&Rule] = &[&ROW_TOTAL, &OUTCOME_TOTAL, &BALANCE];

/// While a table is mostly empty (more than half of its cells) and the editor is in
/// [`Mode::Typing`], a sum is checked only once every cell it adds up is filled in: the first
/// number typed into a new report is not met by a wall of 勾稽关系 errors.
pub(super) fn calm(ctx: &Ctx, empty: usize, cells: usize) -> bool {
    ctx.mode == super::Mode::Typing && empty * 2 > cells
}

/// The figure a total cell stands for: what the report states, or — when the stated cell is empty
/// or unreadable (flagged on its own) — what it should be.
fn stated_or(t: &RequestTable, row: RequestRow, col: Applicant, computed: u64) -> u64 {
    t.get(row, col).value().copied().unwrap_or(computed)
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.requests;
    let empty = t.cells().filter(|(_, _, c)| c.is_empty()).count();
    let calm = calm(ctx, empty, RequestRow::ALL.len() * Applicant::ALL.len());
    let filled = |row: RequestRow, col: Applicant| !t.get(row, col).is_empty();
    let row_filled = |row: RequestRow| Applicant::PARTS.iter().all(|&c| filled(row, c));
    let column_filled = |col: Applicant| RequestRow::ALL.iter().all(|&r| filled(r, col));

    for row in RequestRow::ALL {
        let Some(stated) = t.get(row, Applicant::Total).stated() else {
            continue;
        };
        if calm && !row_filled(row) {
            continue;
        }
        let computed = t.computed_row_total(row);
        if stated != computed {
            let parts: Vec<String> = Applicant::PARTS
                .iter()
                .map(|&c| t.value(row, c).to_string())
                .collect();
            let mut paths = vec![FieldPath::Request(row, Applicant::Total)];
            paths.extend(Applicant::PARTS.map(|c| FieldPath::Request(row, c)));
            out.push(
                ROW_TOTAL
                    .diag(
                        paths,
                        format!(
                            "“{}”一行：六类申请人 {} = {}，总计栏却是 {}，{}。",
                            row.full_label(),
                            parts.join(" + "),
                            computed,
                            t.get(row, Applicant::Total).shown(),
                            difference(stated, computed)
                        ),
                        format!("请把总计改为 {computed}，或核对本行各类申请人的数字。"),
                    )
                    .with_fix(total_fix(t, row, Applicant::Total, computed)),
            );
        }
    }

    for col in Applicant::ALL {
        if calm && !column_filled(col) {
            continue;
        }
        let computed = t.computed_outcome_total(col);
        if let Some(stated) = t.get(RequestRow::Total, col).stated() {
            if stated != computed {
                let shown = t.get(RequestRow::Total, col).shown();
                let mut paths = vec![FieldPath::Request(RequestRow::Total, col)];
                paths.extend(RequestRow::outcomes().map(|r| FieldPath::Request(r, col)));
                out.push(OUTCOME_TOTAL.diag(
                    paths,
                    format!(
                        "{}列：办理结果（一）至（六）各项相加是 {computed}，（七）总计却是 {shown}，{}。",
                        col.long_label(),
                        difference(stated, computed)
                    ),
                    format!("请把（七）总计改为 {computed}，或核对本列各项办理结果。"),
                ).with_fix(total_fix(t, RequestRow::Total, col, computed)));
            }
        }

        let total_row = |row: RequestRow| {
            if col == Applicant::Total {
                stated_or(t, row, col, t.computed_row_total(row))
            } else {
                t.value(row, col)
            }
        };
        let new = total_row(RequestRow::NewReceived);
        let carried = total_row(RequestRow::CarriedOver);
        let handled = stated_or(t, RequestRow::Total, col, computed);
        let forward = total_row(RequestRow::CarriedForward);
        let left = new + carried;
        let right = handled + forward;
        if left != right {
            out.push(BALANCE.diag(
                vec![
                    FieldPath::Request(RequestRow::NewReceived, col),
                    FieldPath::Request(RequestRow::CarriedOver, col),
                    FieldPath::Request(RequestRow::Total, col),
                    FieldPath::Request(RequestRow::CarriedForward, col),
                ],
                format!(
                    "{}列：本年新收 {new} + 上年结转 {carried} = {left}，而办理结果总计 {handled} + 结转下年度 {forward} = {right}，相差 {}。",
                    col.long_label(),
                    left.abs_diff(right)
                ),
                "收到的申请（本年新收 + 上年结转）必须全部落在办理结果或结转下年度中：请核对这一列的数字，使两边相等。",
            ));
        }
    }
}

/// "应为 N": never applied unattended, since the wrong number may be a part, not the total.
fn total_fix(t: &RequestTable, row: RequestRow, col: Applicant, computed: u64) -> Fix {
    Fix::whole(
        FieldPath::Request(row, col),
        t.get(row, col).raw(),
        computed.to_string(),
        false,
    )
}

pub(super) fn difference(stated: u64, computed: u64) -> String {
    if stated > computed {
        format!("多了 {}", stated - computed)
    } else {
        format!("少了 {}", computed - stated)
    }
}
