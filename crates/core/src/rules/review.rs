//! Table 四's arithmetic: each group's 总计 is the sum of its four outcomes.

use super::requests::difference;
use super::Ctx;
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::model::{ReviewGroup, ReviewOutcome};
use crate::path::FieldPath;

pub(super) static TOTAL: Rule = Rule {
    code: "T4-TOTAL",
    severity: Severity::Error,
    meaning: "表四某一组的“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和。",
    basis: "国办公开办函〔2021〕30号格式表四：总计为四种结果之和。",
};

pub(super) static RULES: &[&Rule] = &[&TOTAL];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.review;
    let empty = ReviewGroup::ALL
        .iter()
        .flat_map(|&g| ReviewOutcome::ALL.map(|o| t.group(g).get(o).is_empty()))
        .filter(|&e| e)
        .count();
    let calm = super::requests::calm(
        ctx,
        empty,
        ReviewGroup::ALL.len() * ReviewOutcome::ALL.len(),
    );
    for g in ReviewGroup::ALL {
        let row = ctx.report.review.group(g);
        let Some(stated) = row.total.stated() else {
            continue;
        };
        if calm && ReviewOutcome::PARTS.iter().any(|&o| row.get(o).is_empty()) {
            continue;
        }
        let computed = row.computed_total();
        if stated != computed {
            let terms: Vec<String> = ReviewOutcome::PARTS
                .iter()
                .map(|&o| format!("{} {}", o.label(), row.get(o).count_or_zero()))
                .collect();
            let mut paths = vec![FieldPath::Review(g, ReviewOutcome::Total)];
            paths.extend(ReviewOutcome::PARTS.map(|o| FieldPath::Review(g, o)));
            out.push(
                TOTAL
                    .diag(
                        paths,
                        format!(
                            "{}：{} = {computed}，总计却是 {}，{}。",
                            g.label(),
                            terms.join(" + "),
                            row.total.shown(),
                            difference(stated, computed)
                        ),
                        format!("请把总计改为 {computed}，或核对四种结果的数字。"),
                    )
                    // Not safe unattended: the wrong number may be one of the four outcomes.
                    .with_fix(Fix::whole(
                        FieldPath::Review(g, ReviewOutcome::Total),
                        row.total.raw(),
                        computed.to_string(),
                        false,
                    )),
            );
        }
    }
}
