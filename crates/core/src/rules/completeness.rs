//! Is everything there: agency and year, every section, the five parts of 一, the accountability
//! results a government must report, the word on 信息处理费, and improvement measures in 五.

use super::Ctx;
use crate::cell::Parsed;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::{AgencyKind, PartKind, Section};
use crate::path::FieldPath;

pub(super) static AGENCY: Rule = Rule {
    code: "META-AGENCY",
    severity: Severity::Error,
    meaning: "没有填写机关名称。",
    basis: "报告标题为“{机关名称}{年度}年政府信息公开工作年度报告”。",
};
pub(super) static YEAR: Rule = Rule {
    code: "META-YEAR",
    severity: Severity::Error,
    meaning: "报告年度没有填写，或不是 2008 至 2100 之间的年份。",
    basis: "《政府信息公开条例》第四十九条：每年编制上一年度的工作报告（2008 年起施行）。",
};
pub(super) static SECTION_EMPTY: Rule = Rule {
    code: "SECTION-EMPTY",
    severity: Severity::Error,
    meaning: "“总体情况”“存在的主要问题及改进情况”或“其他需要报告的事项”一节没有内容。",
    basis: "《政府信息公开条例》第五十条；国办公开办函〔2021〕30号格式的六部分缺一不可。",
};
// Warning: the format lists the five parts as the content of 一, and most reviewers expect them
// under their own headings, but a short report that covers them in running text is not wrong.
pub(super) static PART_MISSING: Rule = Rule {
    code: "OVERVIEW-PART-MISSING",
    severity: Severity::Warning,
    meaning: "总体情况缺少（一）主动公开至（五）监督保障中的某一部分，或该部分没有内容。",
    basis: "国办公开办函〔2021〕30号格式：总体情况包括主动公开、依申请公开、政府信息管理、平台建设、监督保障。",
};
// Warning: keywords can miss an unusual wording, so the user decides; the check only runs for a
// government's own report, the only kind the format obliges to report these results.
pub(super) static ACCOUNTABILITY: Rule = Rule {
    code: "SUPERVISION-ACCOUNTABILITY",
    severity: Severity::Warning,
    meaning: "人民政府的年报在监督保障部分没有写工作考核、社会评议或责任追究结果情况。",
    basis:
        "国办公开办函〔2021〕30号格式：各级人民政府年报应说明工作考核、社会评议和责任追究结果情况。",
};
// Warning: 国办函〔2020〕109号 requires the fee to be reported, but an agency could mention it in
// another section; the check looks only at 六, where the format puts it.
pub(super) static FEE_SILENT: Rule = Rule {
    code: "FEE-NOT-REPORTED",
    severity: Severity::Warning,
    meaning: "“其他需要报告的事项”没有说明信息处理费的收取情况（包括未收取）。",
    basis: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号格式第六部分。",
};
// Warning: decided by keywords; a text that lists problems without any of 改进/整改/措施/下一步/
// 今后/计划/打算 almost always lacks the second half the heading asks for.
pub(super) static NO_IMPROVEMENT: Rule = Rule {
    code: "IMPROVEMENTS-MISSING",
    severity: Severity::Warning,
    meaning: "“存在的主要问题及改进情况”只写了问题，没有写改进情况或措施。",
    basis: "国办公开办函〔2021〕30号格式第五部分：存在的主要问题及改进情况。",
};

// Warning: 表三 counts requests dropped because a fee notice went unpaid, so notices were sent;
// the format asks 六 to report the fee notices (件数和金额) beside what was collected.
pub(super) static FEE_NOTICE: Rule = Rule {
    code: "FEE-NOTICE-UNREPORTED",
    severity: Severity::Warning,
    meaning: "表三有“申请人逾期未按收费通知要求缴纳费用”的申请，正文却没有说明发出收费通知的情况。",
    basis: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号格式第六部分：发出收费通知的件数和总金额以及实际收取的总金额。",
};

pub(super) static RULES: &[&Rule] = &[
    &AGENCY,
    &YEAR,
    &SECTION_EMPTY,
    &PART_MISSING,
    &ACCOUNTABILITY,
    &FEE_SILENT,
    &FEE_NOTICE,
    &NO_IMPROVEMENT,
];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    if r.meta.agency.trim().is_empty() {
        out.push(AGENCY.diag(
            vec![FieldPath::Agency],
            "没有填写机关名称。",
            "请在“基本信息”中填写机关全称，例如“孟州市人民政府”。",
        ));
    }
    match r.meta.year.parsed() {
        Parsed::Value(y) if crate::model::meta::YEARS.contains(y) => {}
        Parsed::Empty => out.push(YEAR.diag(
            vec![FieldPath::Year],
            "没有填写报告年度。",
            "请填写报告所述的年度（四位数字），例如 2025。",
        )),
        _ => out.push(YEAR.diag(
            vec![FieldPath::Year],
            format!("报告年度“{}”不是有效的年份。", r.meta.year.raw()),
            "请填写报告所述的年度（四位数字），例如 2025。",
        )),
    }

    if r.overview.is_empty() {
        out.push(SECTION_EMPTY.diag(
            vec![FieldPath::Section(Section::Overview)],
            "“一、总体情况”没有内容。",
            "请概述本年度主动公开、依申请公开、政府信息管理、平台建设和监督保障的情况。",
        ));
    }
    if r.problems.trim().is_empty() {
        out.push(SECTION_EMPTY.diag(
            vec![FieldPath::Problems],
            "“五、存在的主要问题及改进情况”没有内容。",
            "请写出本年度工作中存在的主要问题，以及上一年度问题的改进情况和下一步措施。",
        ));
    }
    if r.other.trim().is_empty() {
        out.push(SECTION_EMPTY.diag(
            vec![FieldPath::Other],
            "“六、其他需要报告的事项”没有内容。",
            "没有其他事项也要写明，例如“本年度未收取信息处理费，无其他需要报告的事项。”",
        ));
    }

    if !r.overview.is_empty() {
        parts(ctx, out);
    }
    accountability(ctx, out);

    // "政府信息公开未发生收费情况" (沭阳县发改局 2023) reports the fee without naming it.
    let fee_said = r.other.contains("处理费")
        || (r.other.replace("行政事业性收费", "").contains("收费")
            && (r.other.contains("信息公开") || r.other.contains("依申请")));
    if !r.other.trim().is_empty() && !fee_said {
        out.push(FEE_SILENT.diag(
            vec![FieldPath::Other],
            "“六、其他需要报告的事项”没有说明信息处理费的收取情况。",
            "请写明本年度依据国办函〔2020〕109号收取信息处理费的情况，未收取的写“本年度未收取信息处理费”或“共收取信息处理费0元”。",
        ));
    }

    fee_notice(r, out);

    const MEASURES: [&str; 7] = ["改进", "整改", "措施", "下一步", "今后", "计划", "打算"];
    if !r.problems.trim().is_empty() && !MEASURES.iter().any(|k| r.problems.contains(k)) {
        out.push(NO_IMPROVEMENT.diag(
            vec![FieldPath::Problems],
            "“五、存在的主要问题及改进情况”只写了存在的问题，没有写改进情况。",
            "请补写针对这些问题已采取或将采取的改进措施，以及上一年度问题的整改情况。",
        ));
    }
}

fn fee_notice(r: &crate::model::Report, out: &mut Vec<Diagnostic>) {
    use crate::model::{Applicant, RequestRow};
    let row = RequestRow::OtherOverdueFee;
    let t = &r.requests;
    let unpaid = t
        .get(row, Applicant::Total)
        .value()
        .copied()
        .unwrap_or_else(|| t.computed_row_total(row));
    let told = super::narrative_fields(r)
        .iter()
        .any(|(_, text)| ["收费通知", "缴费通知"].iter().any(|w| text.contains(w)));
    if unpaid > 0 && !told {
        out.push(FEE_NOTICE.diag(
            vec![FieldPath::Other, FieldPath::Request(row, Applicant::Total)],
            format!("表三有 {unpaid} 件申请因申请人逾期未按收费通知缴费而不再处理，说明本年度发出过收费通知，但正文没有说明收费通知的情况。"),
            "请在“六、其他需要报告的事项”中写明发出收费通知的件数和总金额，以及实际收取的信息处理费总金额。",
        ));
    }
}

fn parts(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let o = &ctx.report.overview;
    if o.has_no_parts() {
        out.push(PART_MISSING.diag(
            vec![FieldPath::Section(Section::Overview)],
            "“一、总体情况”没有分成（一）主动公开、（二）依申请公开、（三）政府信息管理、（四）政府信息公开平台建设、（五）监督保障五个部分。",
            "请按五个部分分别撰写，每部分用“（一）主动公开”这样的小标题开头。",
        ));
        return;
    }
    for k in PartKind::ALL {
        let (msg, hint) = match o.part(k) {
            None => (
                format!("“一、总体情况”缺少“{}{}”部分。", k.numeral(), k.heading()),
                format!("请补写“{}{}”部分。", k.numeral(), k.heading()),
            ),
            Some(p) if p.text.trim().is_empty() => (
                format!(
                    "“一、总体情况”的“{}{}”部分没有内容。",
                    k.numeral(),
                    k.heading()
                ),
                "请补写这一部分的工作情况；确无相关工作的，也应写明。".to_string(),
            ),
            Some(_) => continue,
        };
        out.push(PART_MISSING.diag(vec![FieldPath::Part(k)], msg, hint));
    }
}

fn accountability(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    if r.meta.kind != AgencyKind::PeoplesGovernment || r.overview.is_empty() {
        return;
    }
    // Without a 监督保障 part the whole of 一 is searched, so that a report written as running
    // text is judged on what it says, not on its headings (those are OVERVIEW-PART-MISSING's job).
    let (text, path): (std::borrow::Cow<str>, _) = match r.overview.part(PartKind::Supervision) {
        Some(p) => (
            p.text.as_str().into(),
            FieldPath::Part(PartKind::Supervision),
        ),
        None => {
            let mut all = r.overview.intro.clone();
            for (_, p) in r.overview.parts() {
                all.push_str(&p.text);
            }
            (all.into(), FieldPath::Section(Section::Overview))
        }
    };
    let topics: [(&str, &[&str]); 3] = [
        ("工作考核", &["考核", "考评"]),
        ("社会评议", &["评议"]),
        ("责任追究", &["追究", "问责"]),
    ];
    let missing: Vec<&str> = topics
        .iter()
        .filter(|(_, words)| !words.iter().any(|w| text.contains(w)))
        .map(|(name, _)| *name)
        .collect();
    if !missing.is_empty() {
        out.push(ACCOUNTABILITY.diag(
            vec![path],
            format!(
                "监督保障部分没有写到{}的情况。",
                missing.join("、")
            ),
            "人民政府的年报须说明工作考核、社会评议和责任追究结果情况；没有发生责任追究的，也请写明“未发生责任追究情况”。",
        ));
    }
}
