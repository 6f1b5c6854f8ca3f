//! Sentences that compare with last year ("比上年增加 20 件", "较 2023 年下降 5 件", "与上年持平")
//! against last year's figures, when they are known (a report given, or carried in this one).
//! Percentages ("同比增长 15%") are TEXT-SHARE-MISMATCH's, which uses [`compares_years`] too.
//!
//! The figure compared is the table quote just before, in the same sentence ("受理申请 146 件，
//! 比上年增加 20 件"): the same reading as TEXT-TABLE-MISMATCH, so a sentence it cannot place
//! stays unchecked. Silence over a false alarm.

use super::narrative::{classify, digits_like, is_blank, quotes, Figure, Quote};
use super::shares::{after_last, is_sentence_break, quote_before};
use super::{excerpt, narrative_fields, CharOffsets, Ctx};
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};

// Warning, like TEXT-TABLE-MISMATCH: the reading rests on keywords, so the user has the last word.
pub(super) static YEAR_TEXT: Rule = Rule {
    code: "TEXT-YEAR-MISMATCH",
    severity: Severity::Warning,
    meaning: "正文中与上年比较的增减件数或“持平”，与本年表格数和上年数算出的不一致。",
    basis: "年度报告的文字说明与统计表应一致（国办公开办函〔2021〕30号）；上年数取自上年年报（随本报告保存或审核时选择）。",
};

pub(super) static RULES: &[&Rule] = &[&YEAR_TEXT];

/// Whether `lead` (the words before a number, blanks removed) compares with last year:
/// 同比, 比上年, 较上年, 与上年, 比去年, or 较/比/与 last year's number ("较2023年").
pub(super) fn compares_years(lead: &str, ctx: &Ctx) -> bool {
    const WORDS: [&str; 9] = [
        "同比",
        "比上年",
        "较上年",
        "与上年",
        "比上一年",
        "较上一年",
        "比去年",
        "较去年",
        "与去年",
    ];
    if WORDS.iter().any(|w| lead.contains(w)) {
        return true;
    }
    let Some(year) = ctx.previous.and_then(|p| p.year) else {
        return false;
    };
    ["较", "比", "与"]
        .iter()
        .any(|w| lead.contains(&format!("{w}{year}年")))
}

fn direction(lead: &str) -> Option<bool> {
    let up = ["增加", "增长", "上升", "提高", "多"]
        .iter()
        .any(|w| lead.contains(w));
    let down = ["减少", "下降", "降低", "少"]
        .iter()
        .any(|w| lead.contains(w));
    (up != down).then_some(up)
}

/// The words between the figure quoted before and `at`, blanks removed.
fn lead_before(text: &str, before: &Quote, at: usize) -> String {
    text[before.end..at]
        .chars()
        .filter(|c| !is_blank(*c))
        .collect()
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(previous) = ctx.previous else {
        return;
    };
    let r = ctx.report;
    // Every comparing sentence names the year it compares with; most fields name none, and skip
    // the scanning (this runs on every keystroke).
    // A prefilter only: "2023" anywhere lets the field be read ("较 2023 年" has blanks).
    let named_year = previous.year.map(|y| y.to_string());
    for (path, text) in narrative_fields(r) {
        let names_a_year = ["上年", "上一年", "同比", "去年"]
            .iter()
            .any(|w| text.contains(w))
            || named_year.as_deref().is_some_and(|y| text.contains(y));
        if !names_a_year || (!text.contains('件') && !text.contains("持平")) {
            continue;
        }
        let qs = quotes(text);
        let figure_before = |at: usize| -> Option<(&Quote, Figure, u64, u64, bool)> {
            let q = quote_before(&qs, text, at)?;
            let fig = classify(&q.clause)?;
            let now = fig.values(r)?;
            let then = fig.values_in(previous)?;
            let settled = now.iter().all(|v| *v == now[0]) && then.iter().all(|v| *v == then[0]);
            Some((q, fig, now[0], then[0], settled))
        };
        let mut chars = CharOffsets::new(text);
        // "比上年增加 20 件".
        for q in &qs {
            let Some((before, fig, now, then, settled)) = figure_before(q.start) else {
                continue;
            };
            let lead = lead_before(text, before, q.digits.start);
            if !compares_years(&lead, ctx) || lead.contains('%') || lead.contains('％') {
                continue;
            }
            let Some(up) = direction(&lead) else {
                continue;
            };
            let rose = now > then;
            let difference = now.abs_diff(then);
            let direction_ok = now == then || up == rose;
            if direction_ok && q.number == difference {
                continue;
            }
            let word = if rose { "多" } else { "少" };
            let d = YEAR_TEXT.diag(
                vec![path],
                format!(
                    "{}写的是“{}”，而{}上年是 {then}，本年是 {now}，实际{}。",
                    path.label(),
                    excerpt(text, before.start, q.end, 0),
                    fig.name(),
                    if now == then {
                        "持平".to_string()
                    } else {
                        format!("{word} {difference} 件")
                    }
                ),
                "请核对后改正正文中的增减数，或核对表格和上年数。",
            );
            // A wrong direction needs the words rewritten, not a number: no fix then.
            let d = if direction_ok && now != then {
                let found = &text[q.digits.clone()];
                d.with_fix(Fix {
                    path,
                    start: chars.of(q.digits.start),
                    end: chars.of(q.digits.end),
                    found: found.to_string(),
                    replacement: digits_like(found, difference),
                    safe: settled,
                })
            } else {
                d
            };
            out.push(d);
        }
        // "与上年持平".
        for (at, _) in text.match_indices("持平") {
            let Some((before, fig, now, then, _)) = figure_before(at) else {
                continue;
            };
            let lead = lead_before(text, before, at);
            let sentence = after_last(&text[..at], is_sentence_break);
            if before.start < sentence || !compares_years(&lead, ctx) || now == then {
                continue;
            }
            out.push(YEAR_TEXT.diag(
                vec![path],
                format!(
                    "{}写的是“{}”，而{}上年是 {then}，本年是 {now}，并不持平。",
                    path.label(),
                    excerpt(text, before.start, at + "持平".len(), 0),
                    fig.name(),
                ),
                "请按实际增减改写这句话，或核对表格和上年数。",
            ));
        }
    }
}
