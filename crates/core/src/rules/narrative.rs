//! Numbers quoted in the prose ("受理政府信息公开申请 146 件") against the tables.
//!
//! The scanner looks only at "N件" figures and at the clause just before them (back to the last
//! punctuation mark or number). A clause is matched to a table figure by its keywords; clauses that
//! narrow the figure down (网上, 自然人 …) are skipped, because they quote a part, not the
//! total. A figure that matches either the stated or the computed total is accepted. This errs on
//! the side of silence: a missed contradiction costs less than a false alarm on a correct report.

use super::{excerpt, narrative_fields, CharOffsets, Ctx};
use crate::cell::fold_width;
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::model::{
    Applicant, DocumentColumn, DocumentKind, OutcomeGroup, Report, RequestRow, ReviewGroup,
    ReviewOutcome, ReviewTable, Tables,
};
use crate::path::FieldPath;

// Warning: the match rests on keywords, so the user has the last word; both figures are shown.
pub(super) static MISMATCH: Rule = Rule {
    code: "TEXT-TABLE-MISMATCH",
    severity: Severity::Warning,
    meaning: "正文中写的数字与表格中的对应数字不一致。",
    basis: "年度报告的文字说明与统计表应一致（国办公开办函〔2021〕30号）。",
};

pub(super) static RULES: &[&Rule] = &[&MISMATCH];

/// The table figures prose refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Figure {
    Requests(RequestRow),
    Group(OutcomeGroup),
    Documents(DocumentKind, DocumentColumn),
    Review(ReviewGroup),
    Litigation,
}

impl Figure {
    pub(super) fn name(self) -> String {
        match self {
            Figure::Requests(r) => format!("表三{}总计", r.full_label()),
            Figure::Group(g) => format!("表三“{}”各项合计", g.short_label()),
            Figure::Documents(k, c) => format!("表二{}{}", k.label(), c.label()),
            Figure::Review(g) => format!("表四{}总计", g.label()),
            Figure::Litigation => "表四行政诉讼两栏总计之和".to_string(),
        }
    }

    pub(super) fn paths(self) -> Vec<FieldPath> {
        match self {
            Figure::Requests(r) => vec![FieldPath::Request(r, Applicant::Total)],
            Figure::Group(g) => g
                .rows()
                .iter()
                .map(|&r| FieldPath::Request(r, Applicant::Total))
                .collect(),
            Figure::Documents(k, c) => vec![FieldPath::Document(k, c)],
            Figure::Review(g) => vec![FieldPath::Review(g, ReviewOutcome::Total)],
            Figure::Litigation => vec![
                FieldPath::Review(ReviewGroup::LitigationDirect, ReviewOutcome::Total),
                FieldPath::Review(
                    ReviewGroup::LitigationAfterReconsideration,
                    ReviewOutcome::Total,
                ),
            ],
        }
    }

    /// The values the table can be said to hold: stated and computed (they differ only when a
    /// total is itself wrong, which T3/T4 rules report). `None` when the cells are not filled.
    pub(super) fn values(self, r: &Report) -> Option<Vec<u64>> {
        self.values_in(r.tables())
    }

    /// [`Figure::values`] of any year's tables (this year's, or last year's carried ones).
    pub(super) fn values_in(self, tables: Tables) -> Option<Vec<u64>> {
        let t = tables.requests;
        let row_total = |row: RequestRow| -> Option<Vec<u64>> {
            let computed = t.computed_row_total(row);
            let stated = t.get(row, Applicant::Total).value().copied();
            let all_empty = Applicant::ALL.iter().all(|&c| t.get(row, c).is_empty());
            (!all_empty).then(|| vec![stated.unwrap_or(computed), computed])
        };
        match self {
            Figure::Requests(row) => row_total(row),
            Figure::Group(g) => {
                let mut stated = 0;
                let mut computed = 0;
                for &row in g.rows() {
                    let v = row_total(row)?;
                    stated += v[0];
                    computed += v[1];
                }
                Some(vec![stated, computed])
            }
            Figure::Documents(k, c) => tables.active.documents(k).get(c).value().map(|&v| vec![v]),
            Figure::Review(g) => review_total(tables.review, g),
            Figure::Litigation => {
                let a = review_total(tables.review, ReviewGroup::LitigationDirect)?;
                let b = review_total(tables.review, ReviewGroup::LitigationAfterReconsideration)?;
                Some(vec![a[0] + b[0], a[1] + b[1]])
            }
        }
    }
}

fn review_total(review: &ReviewTable, g: ReviewGroup) -> Option<Vec<u64>> {
    let row = review.group(g);
    let computed = row.computed_total();
    let all_empty = ReviewOutcome::ALL.iter().all(|&o| row.get(o).is_empty());
    (!all_empty).then(|| vec![row.total.value().copied().unwrap_or(computed), computed])
}

/// Words that make a clause quote only part of a figure.
const NARROWING: [&str; 15] = [
    "网上",
    "网络",
    "信函",
    "当面",
    "传真",
    "邮件",
    "电话",
    "自然人",
    "法人",
    "企业",
    "同比",
    "增长",
    "减少",
    "平均",
    "占",
];

pub(super) fn classify(clause: &str) -> Option<Figure> {
    let has = |w: &str| clause.contains(w);
    if NARROWING.iter().any(|w| has(w)) {
        return None;
    }
    if has("结转") {
        if has("下年") || has("下一年") {
            return Some(Figure::Requests(RequestRow::CarriedForward));
        }
        if has("上年") || has("上一年") {
            return Some(Figure::Requests(RequestRow::CarriedOver));
        }
        return None;
    }
    if has("部分公开") {
        return Some(Figure::Requests(RequestRow::PartiallyGranted));
    }
    if has("不予公开") || has("不予以公开") {
        return Some(Figure::Group(OutcomeGroup::Withheld));
    }
    if has("予以公开") {
        return Some(Figure::Requests(RequestRow::Granted));
    }
    if has("无法提供") {
        return Some(Figure::Group(OutcomeGroup::Unavailable));
    }
    if has("不予处理") {
        return Some(Figure::Group(OutcomeGroup::NotProcessed));
    }
    if has("其他处理") {
        return Some(Figure::Group(OutcomeGroup::OtherHandling));
    }
    if has("行政复议") && !has("诉讼") {
        return Some(Figure::Review(ReviewGroup::Reconsideration));
    }
    if has("行政诉讼") && !has("复议") {
        return Some(Figure::Litigation);
    }
    if has("规范性文件") || has("规章") {
        let kind = if has("规范性文件") {
            DocumentKind::NormativeDocuments
        } else {
            DocumentKind::Regulations
        };
        if has("现行有效") {
            return Some(Figure::Documents(kind, DocumentColumn::InForce));
        }
        if has("废止") {
            return Some(Figure::Documents(kind, DocumentColumn::Repealed));
        }
        if has("制发") || has("出台") {
            return Some(Figure::Documents(kind, DocumentColumn::Issued));
        }
        return None;
    }
    let received = ["收到", "受理", "新收", "接收", "共收"]
        .iter()
        .any(|w| has(w));
    // "其中" after a received count introduces a subset of the requests ("其中网上申请3件");
    // before an outcome it still names the whole outcome ("其中予以公开1件"), so it only
    // narrows here.
    if has("申请") && received && !has("其中") && !has("办结") && !has("答复") {
        return Some(Figure::Requests(RequestRow::NewReceived));
    }
    None
}

/// One "N件" quote in a text: the clause before it, the number, and where it sits (byte range).
pub(super) struct Quote {
    pub clause: String,
    pub number: u64,
    pub start: usize,
    pub end: usize,
    /// The digits alone (byte range), what a fix replaces.
    pub digits: std::ops::Range<usize>,
}

pub(super) fn quotes(text: &str) -> Vec<Quote> {
    // Work outward from each "件" (this runs on every keystroke): walk back over blanks and
    // digits (ASCII or full-width), then over the clause up to a break.
    const MAX_CLAUSE: usize = 40;
    let mut out = Vec::new();
    for (at, _) in text.match_indices('件') {
        let mut before = text[..at].char_indices().rev().peekable();
        while before.next_if(|(_, c)| is_blank(*c)).is_some() {}
        let mut digits = Vec::new();
        let mut digits_start = at;
        let mut digits_end = at;
        while let Some((i, c)) = before.next_if(|(_, c)| fold_width(*c).is_ascii_digit()) {
            if digits.is_empty() {
                digits_end = i + c.len_utf8();
            }
            digits.push(fold_width(c));
            digits_start = i;
        }
        if digits.is_empty() || digits.len() > 18 {
            continue;
        }
        let Ok(number) = digits.iter().rev().collect::<String>().parse::<u64>() else {
            continue;
        };
        let mut clause: Vec<char> = Vec::new();
        let mut clause_start = digits_start;
        for (i, c) in before {
            if is_clause_break(fold_width(c)) || clause.len() >= MAX_CLAUSE {
                break;
            }
            if !is_blank(c) {
                clause.push(c);
            }
            clause_start = i;
        }
        clause.reverse();
        out.push(Quote {
            clause: clause.into_iter().collect(),
            number,
            start: clause_start,
            end: at + '件'.len_utf8(),
            digits: digits_start..digits_end,
        });
    }
    out
}

/// `n` written the way `like` is: full-width digits stay full-width ("１４５" → "１４６").
pub(super) fn digits_like(like: &str, n: u64) -> String {
    let s = n.to_string();
    if like.chars().any(|c| ('０'..='９').contains(&c)) {
        s.chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    } else {
        s
    }
}

pub(super) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

pub(super) fn is_clause_break(c: char) -> bool {
    c.is_ascii_digit() || "。；，、：！？;,:!?\n（）()“”".contains(c)
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    for (path, text) in narrative_fields(r) {
        if !text.contains('件') {
            continue;
        }
        let mut said: std::collections::HashSet<(Figure, u64)> = std::collections::HashSet::new();
        let mut chars = CharOffsets::new(text);
        for q in quotes(text) {
            let Some(fig) = classify(&q.clause) else {
                continue;
            };
            let Some(values) = fig.values(r) else {
                continue;
            };
            if values.contains(&q.number) || !said.insert((fig, q.number)) {
                continue;
            }
            let mut paths = vec![path];
            paths.extend(fig.paths());
            let found = &text[q.digits.clone()];
            // When the table disagrees with itself (stated total ≠ its parts) the right number
            // for the text is not settled until the table is: offered, not applied unattended.
            let settled = values.iter().all(|v| *v == values[0]);
            let fix = Fix {
                path,
                start: chars.of(q.digits.start),
                end: chars.of(q.digits.end),
                found: found.to_string(),
                replacement: digits_like(found, values[0]),
                safe: settled,
            };
            out.push(
                MISMATCH
                    .diag(
                        paths,
                        format!(
                            "{}写的是“{}”，而{}是 {}，两处不一致。",
                            path.label(),
                            excerpt(text, q.start, q.end, 0),
                            fig.name(),
                            values[0]
                        ),
                        "请核对后改正正文或表格中的一处，使两处相同。",
                    )
                    .with_fix(fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(Option<Figure>, u64)> {
        quotes(text)
            .into_iter()
            .map(|q| (classify(&q.clause), q.number))
            .collect()
    }

    #[test]
    fn seed_sentences_are_read_right() {
        assert_eq!(
            figures("2023 年，全市各级共受理政府信息公开申请 146 件，上年度结转 2 件，均依法依规予以答复处理。"),
            vec![
                (Some(Figure::Requests(RequestRow::NewReceived)), 146),
                (Some(Figure::Requests(RequestRow::CarriedOver)), 2),
            ]
        );
        assert_eq!(
            figures(
                "我区共收到政府信息依申请公开2件，均为网页申请，其中予以公开1件、不予以公开1件。"
            ),
            vec![
                (Some(Figure::Requests(RequestRow::NewReceived)), 2),
                (Some(Figure::Requests(RequestRow::Granted)), 1),
                (Some(Figure::Group(OutcomeGroup::Withheld)), 1),
            ]
        );
        assert_eq!(
            figures("我区集中公开现行有效规范性文件３１件，补充信息要素"),
            vec![(
                Some(Figure::Documents(
                    DocumentKind::NormativeDocuments,
                    DocumentColumn::InForce
                )),
                31
            )]
        );
    }

    #[test]
    fn unrelated_counts_are_ignored() {
        for text in [
            "通过河南省政务服务网办理服务事项 245720 件（其中：自然人办件量 42935，法人办件量 202785）",
            "办理“焦作政府在线”信件 174 件",
            "其中网上申请 3 件",
            "办结申请 5 件",
        ] {
            assert!(figures(text).iter().all(|(f, _)| f.is_none()), "{text}");
        }
    }
}
