//! Single cells: is it a number, is it a plausible one, is the fee written as the format asks.

use rust_decimal::Decimal;

use super::Ctx;
use crate::cell::{format_money, CellIssue, CountCell, Parsed};
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, RequestRow, ReviewGroup, ReviewOutcome,
};
use crate::path::FieldPath;

pub(super) static NOT_NUMBER: Rule = Rule {
    code: "CELL-NOT-NUMBER",
    severity: Severity::Error,
    meaning: "表格单元格里填的不是阿拉伯数字（含汉字数字、单位、千位分隔符、符号等）。",
    basis: "国办公开办函〔2021〕30号格式：统计表各栏填写数字。",
};
pub(super) static NEGATIVE: Rule = Rule {
    code: "CELL-NEGATIVE",
    severity: Severity::Error,
    meaning: "件数或数量是负数。",
    basis: "件数不可能小于 0。",
};
pub(super) static FRACTION: Rule = Rule {
    code: "CELL-FRACTION",
    severity: Severity::Error,
    meaning: "件数或数量带了小数。",
    basis: "件数、决定数量是整数；只有收费金额可以有小数。",
};
// Warning, not error: a large city can have tens of thousands of 行政许可, but 10 万件依申请
// 公开 or 复议 for one agency has never been seen; a typo (an extra digit) is far more likely.
pub(super) static TOO_LARGE: Rule = Rule {
    code: "CELL-TOO-LARGE",
    severity: Severity::Warning,
    meaning: "数字大得不合常理，可能多输了位数。",
    basis: "经验阈值：表三、表四单格超过 100000，表二文件件数超过 10000，处理决定超过 10000000。",
};
// Warning: a blank is usually a forgotten 0, but it may also be a number not yet collected; the
// printed table must not have holes either way.
pub(super) static EMPTY: Rule = Rule {
    code: "CELL-EMPTY",
    severity: Severity::Warning,
    meaning: "表格里有空格；没有发生的情形也应填 0。",
    basis: "国办公开办函〔2021〕30号格式：统计表须完整填写。",
};
pub(super) static FEE_NEGATIVE: Rule = Rule {
    code: "FEE-NEGATIVE",
    severity: Severity::Error,
    meaning: "行政事业性收费金额是负数。",
    basis: "收费金额不可能小于 0。",
};
pub(super) static FEE_PRECISION: Rule = Rule {
    code: "FEE-PRECISION",
    severity: Severity::Error,
    meaning: "收费金额超过 4 位小数。",
    basis: "国办公开办函〔2021〕30号格式：本年收费金额单位为万元，保留 4 位小数。",
};
// Info only: the value is right, just written short; the export prints it with 4 decimals. A
// zero is exempt — "0" is how offices write "no fees" and it prints as 0.0000 all the same.
pub(super) static FEE_DECIMALS: Rule = Rule {
    code: "FEE-DECIMALS",
    severity: Severity::Info,
    meaning: "收费金额不足 4 位小数，导出时会补足为 4 位。",
    basis: "国办公开办函〔2021〕30号格式：保留 4 位小数。",
};

// Info: "/" or "-" is how many published tables say 不适用, and the sums count it as 0; but the
// national format fills every cell with a number, so the reviewer is told once per table.
pub(super) static NOT_APPLICABLE: Rule = Rule {
    code: "CELL-NOT-APPLICABLE",
    severity: Severity::Info,
    meaning: "表格里填的是“/”或“-”（不适用）：照原样保存和印出，合计时按 0 计算。",
    basis: "国办公开办函〔2021〕30号格式：统计表各栏填写数字，没有发生的情形填 0。",
};

// Info: shown by the editor instead of CELL-EMPTY while a new report's table is mostly empty
// (see `Mode::Typing`); a file, an export or 审核 always gets CELL-EMPTY.
pub(super) static PROGRESS: Rule = Rule {
    code: "TABLE-PROGRESS",
    severity: Severity::Info,
    meaning: "新年报的表格尚未填完一半：显示已填格数；合计和勾稽关系等整行、整列填完后再核对。",
    basis: "编辑器的填写进度提示；点“审核”或填过一半后，按完整规则核对。",
};

pub(super) static RULES: &[&Rule] = &[
    &NOT_NUMBER,
    &NEGATIVE,
    &FRACTION,
    &TOO_LARGE,
    &EMPTY,
    &NOT_APPLICABLE,
    &PROGRESS,
    &FEE_NEGATIVE,
    &FEE_PRECISION,
    &FEE_DECIMALS,
];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    let mut empty_t2 = Gaps::default();
    for k in DocumentKind::ALL {
        for c in DocumentColumn::ALL {
            let p = FieldPath::Document(k, c);
            count_cell(p, r.active.documents(k).get(c), 10_000, &mut empty_t2, out);
        }
    }
    for k in DecisionKind::ALL {
        let p = FieldPath::Decision(k);
        count_cell(p, r.active.decision(k), 10_000_000, &mut empty_t2, out);
    }
    fee(ctx, &mut empty_t2, out);
    // Six document counts, three decision counts and the fee.
    let t2_cells =
        DocumentKind::ALL.len() * DocumentColumn::ALL.len() + DecisionKind::ALL.len() + 1;
    empty_summary(ctx, "表二", empty_t2, t2_cells, out);

    let mut empty_t3 = Gaps::default();
    for row in RequestRow::ALL {
        for col in Applicant::ALL {
            let p = FieldPath::Request(row, col);
            count_cell(p, r.requests.get(row, col), 100_000, &mut empty_t3, out);
        }
    }
    empty_summary(
        ctx,
        "表三",
        empty_t3,
        RequestRow::ALL.len() * Applicant::ALL.len(),
        out,
    );

    let mut empty_t4 = Gaps::default();
    for g in ReviewGroup::ALL {
        for o in ReviewOutcome::ALL {
            let p = FieldPath::Review(g, o);
            count_cell(p, r.review.group(g).get(o), 100_000, &mut empty_t4, out);
        }
    }
    empty_summary(
        ctx,
        "表四",
        empty_t4,
        ReviewGroup::ALL.len() * ReviewOutcome::ALL.len(),
        out,
    );
}

/// The cells of one table that hold no number: blank, or "/" for 不适用.
#[derive(Default)]
struct Gaps {
    empty: Vec<FieldPath>,
    not_applicable: Vec<FieldPath>,
}

fn count_cell(
    path: FieldPath,
    cell: &CountCell,
    limit: u64,
    gaps: &mut Gaps,
    out: &mut Vec<Diagnostic>,
) {
    // The label is built only for a finding: this runs for every cell on every keystroke.
    match cell.parsed() {
        Parsed::Empty => gaps.empty.push(path),
        Parsed::NotApplicable => gaps.not_applicable.push(path),
        Parsed::Value(v) if *v > limit => out.push(TOO_LARGE.diag(
            vec![path],
            format!("{}填的是 {v}，一年有这么多很少见。", path.label()),
            "请核对是否多输了一位或几位数字；如确实如此，可忽略此提醒。",
        )),
        Parsed::Value(_) => {}
        Parsed::Invalid(issue) => out.push(invalid(path, &path.label(), cell.raw(), issue)),
    }
}

fn invalid(path: FieldPath, at: &str, raw: &str, issue: &CellIssue) -> Diagnostic {
    match issue {
        CellIssue::Negative(d) => NEGATIVE.diag(
            vec![path],
            format!("{at}填的是 {d}，件数不能是负数。"),
            "请填写 0 或正整数。",
        ),
        CellIssue::Fraction(d) => FRACTION.diag(
            vec![path],
            format!("{at}填的是 {d}，件数应是整数。"),
            "请填写整数，例如 3。",
        ),
        CellIssue::ThousandsSeparator(d) => {
            let diag = NOT_NUMBER.diag(
                vec![path],
                format!("{at}填的是“{raw}”，数字中间带了逗号。"),
                format!("请去掉逗号，直接写 {d}。"),
            );
            // Offered, never applied unattended: only commas that group digits by three
            // ("1,200", "1，200") read as thousands for certain; "1,2" may be a typo of anything.
            if thousands_grouped(&crate::cell::normalise(raw).replace('，', ",")) {
                diag.with_fix(Fix::whole(path, raw, d.to_string(), false))
            } else {
                diag
            }
        }
        CellIssue::ChineseNumeral => NOT_NUMBER.diag(
            vec![path],
            format!("{at}填的是汉字数字“{raw}”。"),
            "请改用阿拉伯数字，例如“一百”写作 100。",
        ),
        CellIssue::Overflow => NOT_NUMBER.diag(
            vec![path],
            format!("{at}填的“{raw}”超过了一万亿，不是一个合理的数字，没有计入合计。"),
            "请核对后重新填写：多半是多敲了几位数字。",
        ),
        CellIssue::NotNumber => NOT_NUMBER.diag(
            vec![path],
            format!("{at}填的“{raw}”不是数字。"),
            "这里只填阿拉伯数字，不要带单位或文字；没有的请填 0。",
        ),
    }
}

/// "1,200" or "12,345,678": one to three digits, then groups of a comma and three digits.
fn thousands_grouped(s: &str) -> bool {
    let mut groups = s.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let mut rest = groups.peekable();
    first_ok
        && rest.peek().is_some()
        && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

fn fee(ctx: &Ctx, gaps: &mut Gaps, out: &mut Vec<Diagnostic>) {
    let cell = &ctx.report.active.fee;
    let path = FieldPath::Fee;
    let raw = cell.raw();
    let d: Decimal = match cell.parsed() {
        Parsed::Empty => return gaps.empty.push(path),
        Parsed::NotApplicable => return gaps.not_applicable.push(path),
        Parsed::Invalid(issue) => {
            let mut d = invalid(path, &path.label(), raw, issue);
            if matches!(issue, CellIssue::NotNumber) {
                d.hint = "只填以万元为单位的数字，例如 805.5000；不要写“万元”或“元”。".into();
            }
            return out.push(d);
        }
        Parsed::Value(d) => *d,
    };
    if d.is_sign_negative() && !d.is_zero() {
        out.push(FEE_NEGATIVE.diag(
            vec![path],
            format!("收费金额填的是 {raw}，不能是负数。"),
            "请填写本年实际收取的金额（万元），没有收费的填 0.0000。",
        ));
    }
    if d.scale() > 4 {
        out.push(FEE_PRECISION.diag(
            vec![path],
            format!(
                "收费金额 {raw} 有 {} 位小数，格式要求保留 4 位。",
                d.scale()
            ),
            format!(
                "金额以万元为单位、保留 4 位小数（即精确到元），四舍五入后是 {}。",
                format_money(d)
            ),
        ));
    } else if d.scale() < 4 && !d.is_zero() {
        out.push(FEE_DECIMALS.diag(
            vec![path],
            format!(
                "收费金额写作 {raw}，报告中将按规定印作 {}。",
                format_money(d)
            ),
            "无需处理；如想与印出的一致，可直接写成 4 位小数。",
        ));
    }
    if d > Decimal::from(10_000_000) {
        out.push(TOO_LARGE.diag(
            vec![path],
            format!("收费金额 {raw} 万元（超过一千亿元）大得不合常理。"),
            "金额的单位是万元：请确认没有把“元”当成“万元”填写。",
        ));
    }
}

fn empty_summary(ctx: &Ctx, table: &str, gaps: Gaps, cells: usize, out: &mut Vec<Diagnostic>) {
    if let Some(first) = gaps.not_applicable.first() {
        let n = gaps.not_applicable.len();
        let what = first.label();
        out.push(NOT_APPLICABLE.diag(
            gaps.not_applicable,
            if n == 1 {
                format!("{table}的{what}填的是“/”或“-”（不适用），合计时按 0 计算。")
            } else {
                format!("{table}有 {n} 个格子填的是“/”或“-”（不适用，第一个是{what}），合计时按 0 计算。")
            },
            "国家格式要求每格填数字，没有发生的情形填 0；确属本机关没有的职能，可以保留，并建议在正文中说明。",
        ));
    }
    let paths = gaps.empty;
    if paths.is_empty() {
        return;
    }
    let n = paths.len();
    if super::requests::calm(ctx, n, cells) {
        out.push(PROGRESS.diag(
            paths,
            format!("{table}已填 {}/{cells} 个格子。", cells - n),
            "合计和勾稽关系等整行、整列填完后再核对；没有发生的情形请填 0，也可以点表格上方的“空格填 0”。",
        ));
        return;
    }
    let first = paths[0].label();
    out.push(EMPTY.diag(
        paths,
        format!("{table}有 {n} 个格子没有填写（第一个是{first}）。"),
        "没有发生的情形请填 0，正式表格中不能留空格。",
    ));
}
