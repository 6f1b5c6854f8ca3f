//! Words against the tables: a sentence that says something did not happen ("未收到政府信息公开
//! 申请", "未发生行政复议、行政诉讼") or that all was done ("均已办结") while a table counts the
//! opposite, and "未收取信息处理费" in 六 while the text names a fee charged. Table 二's
//! 行政事业性收费 is not the 信息处理费 of 国办函〔2020〕109号 and is never paired with it.

use super::shares::is_sentence_break;
use super::{excerpt, narrative_fields, CharOffsets, Ctx};
use crate::cell::fold_width;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::{Applicant, Report, RequestRow, ReviewGroup, ReviewOutcome};
use crate::path::FieldPath;

// Warning: the phrases are read by keywords, so the user has the last word; the table's figure
// is named.
pub(super) static CONTRADICTS: Rule = Rule {
    code: "TEXT-CONTRADICTS-TABLE",
    severity: Severity::Warning,
    meaning: "正文说没有收到申请、没有发生复议诉讼、申请均已办结或未收取信息处理费，而表格或正文别处的数字与之相反。",
    basis: "年度报告的文字说明与统计表应一致（国办公开办函〔2021〕30号）。",
};

pub(super) static RULES: &[&Rule] = &[&CONTRADICTS];

/// "没有发生" and its kin: what a sentence says did not happen.
const NOT_HAPPENED: [&str; 12] = [
    "未发生",
    "没有发生",
    "未产生",
    "没有产生",
    "未出现",
    "没有出现",
    "未被",
    "没有被",
    "没有因",
    "未因",
    "没有针对",
    "未收到",
];
const NOT_RECEIVED: [&str; 6] = [
    "未收到",
    "没有收到",
    "未接到",
    "没有接到",
    "未受理",
    "没有受理",
];
/// "均已办结" and its kin: all the requests answered.
const DONE: [&str; 5] = [
    "均已办结",
    "全部办结",
    "均已按时办结",
    "已全部办结",
    "均按时办结",
];
/// Words that make a 复议/诉讼 phrase about an outcome (lost, corrected), not about cases.
const OUTCOME_WORDS: [&str; 7] = ["纠错", "纠正", "败诉", "撤销", "确认违法", "被纠", "违法"];

fn total(r: &Report, row: RequestRow) -> u64 {
    let t = &r.requests;
    t.get(row, Applicant::Total)
        .value()
        .copied()
        .unwrap_or_else(|| t.computed_row_total(row))
}

fn review_total(r: &Report, g: ReviewGroup) -> u64 {
    let row = r.review.group(g);
    row.total
        .value()
        .copied()
        .unwrap_or_else(|| row.computed_total())
}

/// A mark that ends a clause: a sentence's end or a comma. A `matches!`, not a search in a
/// string of marks: this is asked of every character of every field on every keystroke.
fn is_clause_break(c: char) -> bool {
    is_sentence_break(c) || matches!(c, '，' | ',')
}

/// The clauses of a text, as byte ranges between clause marks (each with its mark).
#[cfg(test)]
fn clauses(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(|c: char| is_clause_break(c))
        .scan(0, |at, s| {
            let start = *at;
            *at += s.len();
            Some((start, s))
        })
}

/// The characters every phrase looked for has one of: 未 or 没 (NOT_RECEIVED, NOT_HAPPENED),
/// 均 or 全 (DONE).
const ANCHORS: [char; 4] = ['未', '没', '均', '全'];

/// The [`clauses`] that hold one of [`ANCHORS`], in text order, with whether they hold 未/没
/// and whether 均/全. Found outward from each anchor (a memchr each, this runs on every
/// keystroke), so the text is not split and read clause by clause: most clauses have none.
fn anchored_clauses(text: &str) -> Vec<(usize, &str, bool, bool)> {
    let mut anchors: Vec<(usize, char)> = ANCHORS
        .iter()
        .flat_map(|&a| {
            super::excerpt::find_char(text, a)
                .into_iter()
                .map(move |i| (i, a))
        })
        .collect();
    anchors.sort_unstable();
    let mut out: Vec<(usize, &str, bool, bool)> = Vec::new();
    for (at, a) in anchors {
        let denies = matches!(a, '未' | '没');
        if let Some(last) = out.last_mut().filter(|(s, c, _, _)| at < s + c.len()) {
            last.2 |= denies;
            last.3 |= !denies;
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| is_clause_break(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..]
            .char_indices()
            .find(|(_, c)| is_clause_break(*c))
            .map_or(text.len(), |(i, c)| at + i + c.len_utf8());
        out.push((start, &text[start..end], denies, !denies));
    }
    out
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    let received = total(r, RequestRow::NewReceived);
    let forward = total(r, RequestRow::CarriedForward);
    let reconsideration = review_total(r, ReviewGroup::Reconsideration);
    let litigation = review_total(r, ReviewGroup::LitigationDirect)
        + review_total(r, ReviewGroup::LitigationAfterReconsideration);
    for (path, text) in narrative_fields(r) {
        // Every phrase looked for has one of these; most fields have none (this runs on every
        // keystroke).
        if !["未", "没有", "均", "全部"]
            .iter()
            .any(|w| text.contains(w))
        {
            continue;
        }
        let mut chars = CharOffsets::new(text);
        // The finding quotes the clause (its mark left out) and points at the words.
        let mut said = |out: &mut Vec<Diagnostic>,
                        clause: (usize, &str),
                        at: usize,
                        len: usize,
                        what: String,
                        paths: Vec<FieldPath>| {
            let (cs, c) = clause;
            let ce = cs + c.trim_end_matches(|ch: char| is_clause_break(ch)).len();
            let (from, to) = (chars.of(at), chars.of(at + len));
            let mut all = vec![path];
            all.extend(paths);
            out.push(
                CONTRADICTS
                    .diag(
                        all,
                        format!(
                            "{}写的是“{}”，而{what}。",
                            path.label(),
                            excerpt(text, cs, ce, 0)
                        ),
                        "请核对后改正正文或表格中的一处，使两处一致。",
                    )
                    .at(from, to),
            );
        };
        // A clause without one of ANCHORS, nearly every clause, cannot hold a phrase: only the
        // others are read, instead of some thirty substring searches in each.
        for (start, clause, denies, all_done) in anchored_clauses(text) {
            let has = |w: &str| clause.contains(w);
            // "2023年我局未收到政府信息公开申请件": the requests, not a 复议 or a complaint.
            if denies
                && received > 0
                && !["复议", "诉讼", "投诉", "举报", "补正"]
                    .iter()
                    .any(|w| has(w))
            {
                if let Some((i, w)) = NOT_RECEIVED
                    .iter()
                    .find_map(|w| clause.find(w).map(|i| (i, *w)))
                {
                    let rest = &clause[i..];
                    if rest.contains("公开申请") || rest.contains("依申请") {
                        said(
                            out,
                            (start, clause),
                            start + i,
                            w.len(),
                            format!("表三本年新收是 {received} 件"),
                            vec![FieldPath::Request(
                                RequestRow::NewReceived,
                                Applicant::Total,
                            )],
                        );
                        continue;
                    }
                }
            }
            // "未发生行政复议、行政诉讼" — but "未发生……被行政复议纠错或行政诉讼败诉" (上海
            // 2025, 55 复议) is about outcomes.
            let (rec, lit) = (denies && has("复议"), denies && has("诉讼"));
            if (rec || lit) && !OUTCOME_WORDS.iter().any(|w| has(w)) {
                if let Some((i, w)) = NOT_HAPPENED
                    .iter()
                    .find_map(|w| clause.find(w).map(|i| (i, *w)))
                {
                    let after = &clause[i..];
                    let mut counted = Vec::new();
                    let mut paths = Vec::new();
                    if rec && after.contains("复议") && reconsideration > 0 {
                        counted.push(format!("表四行政复议总计是 {reconsideration} 件"));
                        paths.push(FieldPath::Review(
                            ReviewGroup::Reconsideration,
                            ReviewOutcome::Total,
                        ));
                    }
                    if lit && after.contains("诉讼") && litigation > 0 {
                        counted.push(format!("表四行政诉讼总计是 {litigation} 件"));
                        paths.push(FieldPath::Review(
                            ReviewGroup::LitigationDirect,
                            ReviewOutcome::Total,
                        ));
                    }
                    if !counted.is_empty() {
                        said(
                            out,
                            (start, clause),
                            start + i,
                            w.len(),
                            counted.join("、"),
                            paths,
                        );
                        continue;
                    }
                }
            }
            // "均已办结" of the requests while some go on to next year.
            if all_done && forward > 0 {
                if let Some((i, w)) = DONE.iter().find_map(|w| clause.find(w).map(|i| (i, *w))) {
                    let sentence_start =
                        super::shares::after_last(&text[..start + i], is_sentence_break);
                    let sentence = super::shares::sentence_of(text, start + i, start + i + w.len());
                    let about_requests = text[sentence_start..start + i].contains("申请")
                        && !["结转", "复议", "诉讼", "建议", "提案", "信访", "投诉"]
                            .iter()
                            .any(|x| sentence.contains(x));
                    if about_requests {
                        said(
                            out,
                            (start, clause),
                            start + i,
                            w.len(),
                            format!("表三结转下年度继续办理是 {forward} 件"),
                            vec![FieldPath::Request(
                                RequestRow::CarriedForward,
                                Applicant::Total,
                            )],
                        );
                    }
                }
            }
        }
    }
    fee_denied(r, out);
}

/// The first amount in 元 after each "处理费" in a text, when it is more than 0
/// ("收取信息处理费共计 200 元").
fn fee_charged(text: &str) -> Option<(usize, u64)> {
    for (at, _) in text.match_indices("处理费") {
        let rest = &text[at + "处理费".len()..];
        let mut digits = String::new();
        let mut end = None;
        for (i, c) in rest.char_indices().take(12) {
            let c = fold_width(c);
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !digits.is_empty() {
                end = Some((i, c));
                break;
            } else if is_clause_break(c) {
                break;
            }
        }
        let Some((i, _)) = end else { continue };
        let unit = rest[i..].trim_start();
        if unit.starts_with('元') || unit.starts_with("万元") {
            if let Ok(n) = digits.parse::<u64>() {
                if n > 0 {
                    return Some((at, n));
                }
            }
        }
    }
    None
}

/// "未收取信息处理费" in 六 while another part names a fee charged.
fn fee_denied(r: &Report, out: &mut Vec<Diagnostic>) {
    let other = r.other.as_str();
    let Some(at) = ["未收取", "没有收取", "无收取", "未产生"]
        .iter()
        .filter_map(|w| other.find(w))
        .find(|&i| {
            other[i..]
                .chars()
                .take(12)
                .collect::<String>()
                .contains("处理费")
        })
    else {
        return;
    };
    for (path, text) in narrative_fields(r) {
        if path == FieldPath::Other {
            continue;
        }
        let Some((_, n)) = fee_charged(text) else {
            continue;
        };
        let start = other[..at].chars().count();
        out.push(
            CONTRADICTS
                .diag(
                    vec![FieldPath::Other, path],
                    format!(
                        "六、其他需要报告的事项写的是“{}”，而{}写到收取信息处理费 {n} 元。",
                        excerpt(other, at, at + "未收取".len(), 8),
                        path.label()
                    ),
                    "请核对本年度实际收取的信息处理费，使两处一致。",
                )
                .at(start, start + 3),
        );
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;

    fn found(r: &Report) -> Vec<String> {
        let mut out = Vec::new();
        check(
            &Ctx {
                report: r,
                last_year: None,
                previous: None,
                mode: crate::rules::Mode::Full,
            },
            &mut out,
        );
        out.into_iter().map(|d| d.message).collect()
    }

    fn report(text: &str) -> Report {
        let mut r = Report::new("某局", AgencyKind::Department, 2023);
        r.apply("overview.requests", text).expect("edit");
        r
    }

    #[test]
    fn every_phrase_has_the_characters_a_clause_is_first_looked_at_for() {
        // check() reads only clauses with 未/没 (for these) or 均/全 (for DONE); a phrase
        // added without them would never be found.
        for w in NOT_RECEIVED.iter().chain(&NOT_HAPPENED) {
            assert!(w.contains('未') || w.contains('没'), "{w}");
        }
        for w in DONE {
            assert!(w.contains('均') || w.contains('全'), "{w}");
        }
    }

    /// What check() read before: every clause, with whether it holds 未/没 and 均/全.
    fn every_clause_with_anchors(text: &str) -> Vec<(usize, &str, bool, bool)> {
        clauses(text)
            .map(|(s, c)| {
                let denies = c.contains('未') || c.contains('没');
                (s, c, denies, c.contains('均') || c.contains('全'))
            })
            .filter(|(_, _, d, a)| *d || *a)
            .collect()
    }

    #[test]
    fn the_clauses_read_are_the_clauses_with_anchors() {
        let mut read = 0;
        for text in crate::rules::excerpt::fixture_texts() {
            assert_eq!(anchored_clauses(&text), every_clause_with_anchors(&text));
            read += anchored_clauses(&text).len();
        }
        assert!(read >= 20, "{read}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn random_texts_give_the_same_clauses(v in proptest::collection::vec(proptest::sample::select(vec![
            '未', '没', '均', '全', '有', '收', '，', ',', '。', '；', ';', '！', '?', '\n', '、', 'a',
            '𠀀', 'é',
        ]), 0..40)) {
            let text: String = v.into_iter().collect();
            proptest::prop_assert_eq!(anchored_clauses(&text), every_clause_with_anchors(&text));
        }
    }

    #[test]
    fn nothing_received_while_the_table_counts_some() {
        // 平潭财政金融局 2023, with 表三 all 0: silent; with 3 new: a contradiction.
        let text = "2023年我局未收到政府信息公开申请件。";
        let mut r = report(text);
        assert!(found(&r).is_empty());
        r.apply("requests.new_received.natural_person", "3")
            .expect("edit");
        assert_eq!(
            found(&r),
            ["一、总体情况·（二）依申请公开写的是“2023年我局未收到政府信息公开申请件…”，而表三本年新收是 3 件。"]
        );
        // A 复议 application is not a request for information.
        r.apply("overview.requests", "全年未收到针对本机关的行政复议申请。")
            .expect("edit");
        assert!(found(&r).is_empty());
    }

    #[test]
    fn no_review_while_table_four_counts_some() {
        let mut r = report("办理的申请件皆在法定期限内予以答复，未产生行政复议、行政诉讼案件。");
        assert!(found(&r).is_empty());
        r.apply("review.reconsideration.upheld", "2").expect("edit");
        assert_eq!(found(&r).len(), 1, "{:?}", found(&r));
        assert!(found(&r)[0].contains("表四行政复议总计是 2 件"));
        // 上海 2025 has 55 复议: the sentence speaks of outcomes.
        r.apply(
            "overview.requests",
            "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
        )
        .expect("edit");
        assert!(found(&r).is_empty());
    }

    #[test]
    fn all_done_while_some_go_on() {
        let mut r = report("全年受理政府信息公开申请 10 件，均已办结。");
        assert!(found(&r).is_empty());
        r.apply("requests.carried_forward.natural_person", "2")
            .expect("edit");
        assert_eq!(found(&r).len(), 1);
        // 平潭 2022: cases of 复议 and 诉讼 "均已结案", another matter.
        r.apply(
            "overview.requests",
            "共有行政诉讼案件1件、行政复议案件2件，均已办结。",
        )
        .expect("edit");
        assert!(found(&r).is_empty());
    }

    #[test]
    fn no_fee_in_six_while_the_text_names_one() {
        let mut r = report("依申请公开收取信息处理费 200 元。");
        r.apply("other", "本年度未收取信息处理费。").expect("edit");
        assert_eq!(
            found(&r),
            ["六、其他需要报告的事项写的是“本年度未收取信息处理费。”，而一、总体情况·（二）依申请公开写到收取信息处理费 200 元。"]
        );
        // Table 二's 行政事业性收费 is another fee.
        r.apply("overview.requests", "无。").expect("edit");
        r.apply("active.fee", "4351.7195").expect("edit");
        assert!(found(&r).is_empty());
    }
}
