//! Rules over many reports at once, checked by the 批量审核 desk (`nianbao-audit`), not by
//! [`super::validate`]: a single report cannot know what its departments or its peers say. They
//! are declared here so that the catalogue, `nianbao rules` and docs/rules.md list them with the
//! rest.

use crate::diagnostic::{Rule, Severity};

// A 警告, not an 错误: the government's own report may rightly count requests its departments do
// not (those made to the government itself), but every difference must be known and explained.
pub static SUM_MISMATCH: Rule = Rule {
    code: "SUM-MISMATCH",
    severity: Severity::Warning,
    meaning: "本级汇总报告（人民政府的年报）表二、表三、表四的某一格与同年度各部门报告之和不一致。",
    basis: "本级政府年度报告的统计数据应涵盖所属部门；《政府信息公开条例》第五十条。",
};
pub static SUM_NO_REPORT: Rule = Rule {
    code: "SUM-NO-REPORT",
    severity: Severity::Info,
    meaning: "审核台上有这个单位其他年度的报告，却没有本级汇总那一年度的报告，汇总中缺了它。",
    basis: "各部门应当在每年 1 月 31 日前公布本部门上一年度的年度报告（《政府信息公开条例》第四十九条）。",
};
// Peers differ for reasons (a 公安局 is not a 档案局): a 提示 for the reviewer to look, never a
// 警告 the department must answer.
pub static PEER_ZERO: Rule = Rule {
    code: "PEER-ZERO",
    severity: Severity::Info,
    meaning: "同一年度 10 份以上报告中，这一关键格是 0，而其他报告的中位数超过 100。",
    basis: "与同批报告比较，提示可能漏填或填错的数字。",
};
pub static PEER_RATE: Rule = Rule {
    code: "PEER-RATE",
    severity: Severity::Info,
    meaning: "实质公开率、复议纠错率或结转率在同一年度同批报告的第 10 至第 90 百分位之外。",
    basis: "与同批报告比较，提示可能填错的数字；差异也可能有正当原因。",
};

pub(super) static RULES: &[&Rule] = &[&SUM_MISMATCH, &SUM_NO_REPORT, &PEER_ZERO, &PEER_RATE];
