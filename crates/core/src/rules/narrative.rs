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
    Applicant, DecisionKind, DocumentColumn, DocumentKind, OutcomeGroup, Report, RequestRow,
    ReviewGroup, ReviewOutcome, ReviewTable, Tables,
};
use crate::path::FieldPath;

// Warning: the match rests on keywords, so the user has the last word; both figures are shown.
pub(super) static MISMATCH: Rule = Rule {
    code: "TEXT-TABLE-MISMATCH",
    severity: Severity::Warning,
    meaning: "正文中写的数字与表格中的对应数字不一致。",
    basis: "年度报告的文字说明与统计表应一致（国办公开办函〔2021〕30号）。",
};

// Warning, like TEXT-TABLE-MISMATCH: table 二's counts quoted in 一 (规章、规范性文件的制发、
// 废止、现行有效, 行政许可/处罚/强制的决定数) must be the table's. Table 二's 行政事业性收费
// is not the 信息处理费 of 国办函〔2020〕109号, and is never compared with it.
pub(super) static ACTIVE: Rule = Rule {
    code: "TEXT-ACTIVE-MISMATCH",
    severity: Severity::Warning,
    meaning: "正文中写的规章、行政规范性文件件数或行政许可、处罚、强制决定数，与表二不一致。",
    basis: "年度报告的文字说明与统计表应一致（国办公开办函〔2021〕30号格式第二部分）。",
};
// Info: counting 收到/受理 as 本年新收 + 上年结转 is common and not wrong; the reader of the
// table only needs to be told.
pub(super) static WITH_CARRIED: Rule = Rule {
    code: "TEXT-RECEIVED-WITH-CARRIED",
    severity: Severity::Info,
    meaning: "正文中“收到/受理申请 N 件”的 N 是本年新收与上年结转之和，建议注明其中上年结转的件数。",
    basis: "表三分列本年新收和上年结转（国办公开办函〔2021〕30号格式第三部分）；正文与表格口径一致便于核对。",
};

pub(super) static RULES: &[&Rule] = &[&MISMATCH, &ACTIVE, &WITH_CARRIED];

/// The table figures prose refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Figure {
    Requests(RequestRow),
    Group(OutcomeGroup),
    Documents(DocumentKind, DocumentColumn),
    Review(ReviewGroup),
    Litigation,
    /// Several outcome groups named together ("予以公开及部分公开 42 件"): their sum. The set
    /// is a bit per [`OutcomeGroup::ALL`] index, always of two groups or more.
    Outcomes(u8),
    /// "行政复议、行政诉讼 N 件": both of table 四's kinds of case, 复议 and 诉讼 together.
    ReviewAll,
    /// A count of table 二's 行政许可/处罚/强制 decisions.
    Decisions(DecisionKind),
}

/// The outcome groups of a [`Figure::Outcomes`] set, in table order.
fn groups_of(set: u8) -> impl Iterator<Item = OutcomeGroup> {
    OutcomeGroup::ALL
        .into_iter()
        .enumerate()
        .filter(move |(i, _)| set & (1 << i) != 0)
        .map(|(_, g)| g)
}

impl Figure {
    pub(super) fn name(self) -> String {
        match self {
            Figure::Requests(r) => format!("表三{}总计", r.full_label()),
            Figure::Group(g) => format!("表三“{}”各项合计", g.short_label()),
            Figure::Documents(k, c) => format!("表二{}{}", k.label(), c.label()),
            Figure::Review(g) => format!("表四{}总计", g.label()),
            Figure::Litigation => "表四行政诉讼两栏总计之和".to_string(),
            Figure::Outcomes(set) => {
                let names: Vec<String> = groups_of(set)
                    .map(|g| format!("“{}”", g.short_label()))
                    .collect();
                format!("表三{}之和", names.join(""))
            }
            Figure::ReviewAll => "表四行政复议和行政诉讼总计之和".to_string(),
            Figure::Decisions(k) => format!("表二{}本年处理决定数量", k.label()),
        }
    }

    /// Whether the figure is one of table 二's (TEXT-ACTIVE-MISMATCH's, not TEXT-TABLE-MISMATCH's).
    pub(super) fn is_active(self) -> bool {
        matches!(self, Figure::Documents(..) | Figure::Decisions(_))
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
            Figure::Outcomes(set) => groups_of(set)
                .flat_map(|g| g.rows().iter())
                .map(|&r| FieldPath::Request(r, Applicant::Total))
                .collect(),
            Figure::ReviewAll => ReviewGroup::ALL
                .map(|g| FieldPath::Review(g, ReviewOutcome::Total))
                .to_vec(),
            Figure::Decisions(k) => vec![FieldPath::Decision(k)],
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
            Figure::Outcomes(set) => {
                let (mut stated, mut computed) = (0, 0);
                for g in groups_of(set) {
                    let v = Figure::Group(g).values_in(tables)?;
                    stated += v[0];
                    computed += v[1];
                }
                Some(vec![stated, computed])
            }
            Figure::ReviewAll => {
                let (mut stated, mut computed) = (0, 0);
                for g in ReviewGroup::ALL {
                    let v = review_total(tables.review, g)?;
                    stated += v[0];
                    computed += v[1];
                }
                Some(vec![stated, computed])
            }
            Figure::Decisions(k) => tables.active.decision(k).value().map(|&v| vec![v]),
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

/// Outcome names as reports write them, each with its group; where one name holds another
/// ("不予以公开" holds "予以公开") the longer comes first. 同意公开 and 区分处理 are how some
/// reports say 予以公开 and 部分公开 (平潭公安局 2024: "同意公开3件……区分处理后公开1件").
const OUTCOME_NAMES: [(&str, OutcomeGroup); 9] = [
    ("不予以公开", OutcomeGroup::Withheld),
    ("不予公开", OutcomeGroup::Withheld),
    ("予以公开", OutcomeGroup::Granted),
    ("同意公开", OutcomeGroup::Granted),
    ("部分公开", OutcomeGroup::PartiallyGranted),
    ("区分处理", OutcomeGroup::PartiallyGranted),
    ("无法提供", OutcomeGroup::Unavailable),
    ("不予处理", OutcomeGroup::NotProcessed),
    ("其他处理", OutcomeGroup::OtherHandling),
];

/// What may stand between two names that a clause adds up ("予以公开及部分公开").
const JOINERS: [&str; 6] = ["及", "和", "与", "、", "以及", "或"];

/// The outcome names in a clause, in order, as (byte start, byte end, group).
fn outcome_names(clause: &str) -> Vec<(usize, usize, OutcomeGroup)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < clause.len() {
        let rest = &clause[i..];
        if let Some((name, g)) = OUTCOME_NAMES.iter().find(|(n, _)| rest.starts_with(n)) {
            out.push((i, i + name.len(), *g));
            i += name.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The figure an outcome clause names: one group, or several joined by 及/和/与/、, which the
/// writer has added up. Names that stand apart without a joiner leave the clause unread.
fn outcome_figure(clause: &str) -> Option<Option<Figure>> {
    let names = outcome_names(clause);
    let (first, rest) = names.split_first()?;
    let single = |g: OutcomeGroup| match g {
        OutcomeGroup::Granted => Figure::Requests(RequestRow::Granted),
        OutcomeGroup::PartiallyGranted => Figure::Requests(RequestRow::PartiallyGranted),
        g => Figure::Group(g),
    };
    let index = |g: OutcomeGroup| OutcomeGroup::ALL.iter().position(|&x| x == g).unwrap_or(0);
    let mut set = 1u8 << index(first.2);
    let mut end = first.1;
    for &(start, stop, g) in rest {
        if !JOINERS.contains(&&clause[end..start]) {
            return Some(None);
        }
        set |= 1 << index(g);
        end = stop;
    }
    Some(Some(if set.count_ones() == 1 {
        single(first.2)
    } else {
        Figure::Outcomes(set)
    }))
}

/// Words that make a clause about table 四 quote one of its outcomes, not a total.
const REVIEW_PARTS: [&str; 9] = [
    "维持",
    "纠正",
    "纠错",
    "败诉",
    "胜诉",
    "撤销",
    "审结",
    "驳回",
    "复议后",
];

/// Words that make a clause about 行政许可/处罚/强制 count something other than decisions
/// (事项 of a list, entries published, cases opened).
const NOT_DECISIONS: [&str; 12] = [
    "事项", "信息", "受理", "申请", "清单", "目录", "权力", "立案", "听证", "案卷", "公示", "简易",
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
    if let Some(fig) = outcome_figure(clause) {
        return fig;
    }
    let reconsideration = has("复议");
    let litigation = has("诉讼");
    if reconsideration || litigation {
        if REVIEW_PARTS.iter().any(|w| has(w)) {
            return None;
        }
        if has("行政复议") && !litigation {
            return Some(Figure::Review(ReviewGroup::Reconsideration));
        }
        if has("行政诉讼") && !reconsideration {
            return Some(Figure::Litigation);
        }
        if reconsideration && litigation {
            return Some(Figure::ReviewAll);
        }
        return None;
    }
    let decisions: Vec<DecisionKind> = DecisionKind::ALL
        .into_iter()
        .filter(|k| has(k.label()))
        .collect();
    if let [k] = decisions[..] {
        return (!NOT_DECISIONS.iter().any(|w| has(w))).then_some(Figure::Decisions(k));
    }
    if !decisions.is_empty() {
        return None;
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
    // 办结/答复/办理 of the requests is what table 三 counts as handled: （七）总计. 按时/按期
    // narrow it to those answered in time.
    let handled = ["办结", "答复", "办理"].iter().any(|w| has(w));
    if has("申请") && handled {
        let narrowed = ["按时", "按期", "及时", "逾期", "超期", "其中"]
            .iter()
            .any(|w| has(w));
        return (!narrowed).then_some(Figure::Requests(RequestRow::Total));
    }
    let received = ["收到", "受理", "新收", "接收", "共收"]
        .iter()
        .any(|w| has(w));
    // "其中" after a received count introduces a subset of the requests ("其中网上申请3件");
    // before an outcome it still names the whole outcome ("其中予以公开1件"), so it only
    // narrows here.
    if has("申请") && received && !has("其中") {
        return Some(Figure::Requests(RequestRow::NewReceived));
    }
    None
}

/// A clause that says only that requests were 办结/答复 ("办结 1191 件"), read as （七）总计 when
/// the sentence has just quoted the requests received ("受理申请 1295 件，办结 1191 件").
fn handled_after_received(clause: &str) -> bool {
    (clause.contains("办结") || clause.contains("答复"))
        && !NARROWING.iter().any(|w| clause.contains(w))
        && ![
            "按时", "按期", "及时", "逾期", "超期", "其中", "复议", "诉讼", "建议", "提案", "信件",
            "留言",
        ]
        .iter()
        .any(|w| clause.contains(w))
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
    for at in super::excerpt::find_char(text, '件') {
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
            // "予以公开、部分公开 42 件": a 、 between two outcome names joins them.
            let joins = c == '、' && {
                let after: String = clause.iter().rev().collect();
                OUTCOME_NAMES.iter().any(|(n, _)| after.starts_with(n))
                    && OUTCOME_NAMES.iter().any(|(n, _)| text[..i].ends_with(n))
            };
            if (is_clause_break(fold_width(c)) && !joins) || clause.len() >= MAX_CLAUSE {
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

/// The marks that end a clause before a number. A `char` array, not a `&str` searched for the
/// char (a substring search per character): this is asked of every character before every "件".
const CLAUSE_MARKS: [char; 19] = [
    '。', '；', '，', '、', '：', '！', '？', ';', ',', ':', '!', '?', '\n', '（', '）', '(', ')',
    '“', '”',
];

pub(super) fn is_clause_break(c: char) -> bool {
    c.is_ascii_digit() || CLAUSE_MARKS.contains(&c)
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    for (path, text) in narrative_fields(r) {
        if !text.contains('件') {
            continue;
        }
        let mut said: std::collections::HashSet<(Figure, u64)> = std::collections::HashSet::new();
        let mut chars = CharOffsets::new(text);
        let qs = quotes(text);
        for (n, q) in qs.iter().enumerate() {
            let Some(fig) = figure_of(&qs[..n], q, text) else {
                continue;
            };
            let Some(values) = fig.values(r) else {
                continue;
            };
            if values.contains(&q.number) || !said.insert((fig, q.number)) {
                continue;
            }
            if let Some(tip) = with_carried(r, fig, q, text, path, &mut chars) {
                out.extend(tip);
                continue;
            }
            if fig == Figure::Requests(RequestRow::NewReceived) && handled_sum(r) == Some(q.number)
            {
                // 收到 may be said of all handled this year (新收 + 结转), checked above;
                // a figure equal to （七）总计 too is one way of counting what was received.
                continue;
            }
            let rule = if fig.is_active() { &ACTIVE } else { &MISMATCH };
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
                rule.diag(
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

/// The figure a quote names: its clause's, or （七）总计 for a bare "办结 N 件" right after the
/// requests received in the same sentence. `before` are the quotes ahead of it.
fn figure_of(before: &[Quote], q: &Quote, text: &str) -> Option<Figure> {
    if let Some(fig) = classify(&q.clause) {
        return Some(fig);
    }
    if !handled_after_received(&q.clause) {
        return None;
    }
    let prev = super::shares::quote_before(before, text, q.start)?;
    (classify(&prev.clause) == Some(Figure::Requests(RequestRow::NewReceived)))
        .then_some(Figure::Requests(RequestRow::Total))
}

/// （七）总计 as stated (or computed when empty); `None` when table 三 is empty.
fn handled_sum(r: &Report) -> Option<u64> {
    Figure::Requests(RequestRow::Total)
        .values(r)
        .and_then(|v| v.first().copied())
}

/// "全区收到政府信息公开申请75件" where 本年新收 is 74 and 上年结转 1: many reports count what
/// they took in this year as new plus carried over. Not wrong, but a reader of the table sees
/// 74: a 提示 suggests saying so, unless the sentence already names 结转 (then `Some(None)`).
/// `None` when the quote is not a received count or the sum does not fit it.
fn with_carried(
    r: &Report,
    fig: Figure,
    q: &Quote,
    text: &str,
    path: FieldPath,
    chars: &mut CharOffsets,
) -> Option<Option<Diagnostic>> {
    if fig != Figure::Requests(RequestRow::NewReceived) {
        return None;
    }
    let new = fig.values(r)?;
    let carried = Figure::Requests(RequestRow::CarriedOver).values(r)?;
    let fits = new
        .iter()
        .zip(&carried)
        .any(|(n, c)| n + c == q.number && *c > 0);
    if !fits {
        return None;
    }
    if super::shares::sentence_of(text, q.start, q.end).contains("结转") {
        return Some(None);
    }
    let from = chars.of(q.start);
    let at = chars.of(q.end);
    let insert = format!("（其中上年结转 {} 件）", carried[0]);
    Some(Some(
        WITH_CARRIED
            .diag(
                vec![
                    path,
                    FieldPath::Request(RequestRow::NewReceived, Applicant::Total),
                    FieldPath::Request(RequestRow::CarriedOver, Applicant::Total),
                ],
                format!(
                    "{}写的是“{}”，是表三本年新收 {} 件与上年结转 {} 件之和；只看表格的读者会以为与本年新收不一致。",
                    path.label(),
                    excerpt(text, q.start, q.end, 0),
                    new[0],
                    carried[0]
                ),
                format!("可以在数字后注明“{insert}”，或改写为本年新收的件数。"),
            )
            .at(from, at)
            .with_fix(Fix {
                path,
                start: at,
                end: at,
                found: String::new(),
                replacement: insert,
                safe: false,
            }),
    ))
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
            "按时办结申请 5 件",
            "行政复议结果纠正 1 件",
            "公开行政许可信息 550 件",
            "予以公开后部分公开 3 件",
        ] {
            assert!(figures(text).iter().all(|(f, _)| f.is_none()), "{text}");
        }
    }

    #[test]
    fn names_joined_by_and_are_a_sum() {
        use OutcomeGroup::*;
        let set = |gs: &[OutcomeGroup]| {
            Figure::Outcomes(gs.iter().fold(0, |m, g| {
                m | 1 << OutcomeGroup::ALL.iter().position(|x| x == g).unwrap_or(0)
            }))
        };
        // 上海市人民政府办公厅 2025, and the sentence of issue 26 (42 = 22 + 20).
        assert_eq!(
            figures("其中，予以公开及部分公开 208 件（17.46%）"),
            vec![(Some(set(&[Granted, PartiallyGranted])), 208)]
        );
        assert_eq!(
            figures("予以公开、部分公开42件，不予公开和无法提供 3 件"),
            vec![
                (Some(set(&[Granted, PartiallyGranted])), 42),
                (Some(set(&[Withheld, Unavailable])), 3),
            ]
        );
        assert_eq!(
            figures("属信访、重复申请等不予处理 80 件"),
            vec![(Some(Figure::Group(NotProcessed)), 80)]
        );
        // 平潭公安局 2024 says 予以公开 and 部分公开 its own way.
        assert_eq!(
            figures("其中，同意公开3件，占比37.5%；无法提供4件，占比50%；区分处理后公开1件"),
            vec![
                (Some(Figure::Requests(RequestRow::Granted)), 3),
                (Some(Figure::Group(Unavailable)), 4),
                (Some(Figure::Requests(RequestRow::PartiallyGranted)), 1),
            ]
        );
        // 平潭 2022: a 诉讼 and two 复议; both together are table 四's two kinds.
        assert_eq!(
            figures("共有行政诉讼案件1件、行政复议案件2件；被申请行政复议和提起行政诉讼 3 件"),
            vec![
                (Some(Figure::Litigation), 1),
                (Some(Figure::Review(ReviewGroup::Reconsideration)), 2),
                (Some(Figure::ReviewAll), 3),
            ]
        );
    }

    #[test]
    fn handled_requests_are_the_outcome_total() {
        assert_eq!(
            figures("办结政府信息公开申请 148 件；作出行政处罚决定 3011 件"),
            vec![
                (Some(Figure::Requests(RequestRow::Total)), 148),
                (Some(Figure::Decisions(DecisionKind::Penalty)), 3011),
            ]
        );
    }
}
