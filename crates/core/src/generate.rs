//! "按表格生成": paragraphs written from the tables, in the register of real reports. All the
//! wording lives here. Every count is written "N件" after the words TEXT-TABLE-MISMATCH reads
//! ("共收到政府信息公开申请 N 件", "予以公开 N 件", "行政复议 N 件", "制发规章 N 件"), so a
//! generated sentence is checked like a typed one once a table changes. Zero counts read "未……"
//! rather than "0 件"; a table not yet filled in gives nothing (the caller says so).

use crate::error::CoreError;
use crate::model::{
    AgencyKind, Applicant, DocumentColumn, DocumentKind, OutcomeGroup, PartKind, Report,
    RequestRow, ReviewGroup, ReviewOutcome,
};
use crate::path::FieldPath;

/// What the button can write, one per kind of statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paragraph {
    /// 一（二）依申请公开: requests received, carried over, outcomes, carried forward.
    Requests,
    /// The statement section 四's table usually gets: 行政复议 and 行政诉讼, with outcomes.
    Review,
    /// Table 二's 规章 and 行政规范性文件: 制发, 废止, 现行有效.
    Documents,
}

impl Paragraph {
    pub const ALL: [Paragraph; 3] = [Paragraph::Requests, Paragraph::Review, Paragraph::Documents];

    pub fn key(self) -> &'static str {
        match self {
            Paragraph::Requests => "requests",
            Paragraph::Review => "review",
            Paragraph::Documents => "documents",
        }
    }

    pub fn from_key(key: &str) -> Option<Paragraph> {
        Paragraph::ALL.into_iter().find(|p| p.key() == key)
    }

    /// What the "按表格生成" button of a text field writes: 一（一）主动公开 states table 二, and
    /// 一（二）依申请公开 table 三 followed by the 复议/诉讼 of table 四 (as seed 001 does).
    pub fn for_field(path: FieldPath) -> &'static [Paragraph] {
        match path {
            FieldPath::Part(PartKind::Active) => &[Paragraph::Documents],
            FieldPath::Part(PartKind::Requests) => &[Paragraph::Requests, Paragraph::Review],
            _ => &[],
        }
    }

    /// The table the paragraph is written from, for "请先填写表三" messages.
    pub fn table(self) -> &'static str {
        match self {
            Paragraph::Requests => "表三",
            Paragraph::Review => "表四",
            Paragraph::Documents => "表二",
        }
    }
}

impl Report {
    /// The paragraph written from the tables, or `None` while its table is empty.
    pub fn generated(&self, p: Paragraph) -> Option<String> {
        match p {
            Paragraph::Requests => requests(self),
            Paragraph::Review => review(self),
            Paragraph::Documents => documents(self),
        }
    }
}

impl Report {
    /// The text the "按表格生成" button of `path` writes: the paragraphs of its tables that are
    /// filled in, or why there is nothing to write.
    pub fn generated_for(&self, path: FieldPath) -> Result<String, CoreError> {
        let kinds = Paragraph::for_field(path);
        if kinds.is_empty() {
            return Err(CoreError::NotGenerated(path.label()));
        }
        let texts: Vec<String> = kinds.iter().filter_map(|&p| self.generated(p)).collect();
        if texts.is_empty() {
            let tables: Vec<&str> = kinds.iter().map(|p| p.table()).collect();
            return Err(CoreError::TablesEmpty(tables.join("和")));
        }
        // One paragraph: the year is said once, at its start.
        let year = opening(self);
        let mut out = String::new();
        for (i, t) in texts.iter().enumerate() {
            let t = if i > 0 {
                t.strip_prefix(&year).unwrap_or(t)
            } else {
                t
            };
            out.push_str(t);
        }
        Ok(out)
    }

    /// Puts the generated text into `path` at character `at` (the cursor), keeping every
    /// character the user wrote: nothing is overwritten.
    pub fn insert_generated(&mut self, path: FieldPath, at: usize) -> Result<(), CoreError> {
        let paragraph = self.generated_for(path)?;
        let text = self.text_at(path).unwrap_or_default();
        self.apply_at(path, &inserted(&text, at, &paragraph))
    }
}

/// `text` with `paragraph` put in at character `at` (clamped to the end) as a paragraph of its
/// own: a line break is added before or after it when the cursor is inside a line.
pub fn inserted(text: &str, at: usize, paragraph: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at.min(chars.len());
    let mut out: String = chars[..at].iter().collect();
    if at > 0 && chars[at - 1] != '\n' {
        out.push('\n');
    }
    out.push_str(paragraph);
    if at < chars.len() && chars[at] != '\n' {
        out.push('\n');
    }
    out.extend(&chars[at..]);
    out
}

/// How the agency speaks of itself, as the seeds do: "我区", "我镇", "我局", else "本机关".
fn subject(r: &Report) -> String {
    let name = r.meta.agency.trim();
    let before = |suffix: &str| name.strip_suffix(suffix).and_then(|s| s.chars().last());
    match r.meta.kind {
        AgencyKind::PeoplesGovernment => match before("人民政府") {
            Some(c @ ('省' | '市' | '县' | '区' | '州' | '旗' | '盟')) => format!("我{c}"),
            _ => "本级政府".into(),
        },
        AgencyKind::Township => {
            if name.ends_with("街道办事处") || name.ends_with("街道") {
                "我街道".into()
            } else {
                match before("人民政府") {
                    Some(c @ ('镇' | '乡')) => format!("我{c}"),
                    _ => "本机关".into(),
                }
            }
        }
        AgencyKind::Department | AgencyKind::Other => match name.chars().last() {
            Some(c @ ('局' | '委' | '办' | '厅' | '部' | '署' | '院' | '会')) => {
                format!("我{c}")
            }
            _ => "本机关".into(),
        },
    }
}

/// "2023年，" or, while the year is not known, "本年度，".
fn opening(r: &Report) -> String {
    match r.meta.valid_year() {
        Some(y) => format!("{y}年，"),
        None => "本年度，".into(),
    }
}

fn row_total(r: &Report, row: RequestRow) -> u64 {
    let t = &r.requests;
    t.get(row, Applicant::Total)
        .value()
        .copied()
        .unwrap_or_else(|| t.computed_row_total(row))
}

fn requests(r: &Report) -> Option<String> {
    let t = &r.requests;
    if t.cells().all(|(_, _, c)| c.is_empty()) {
        return None;
    }
    let new = row_total(r, RequestRow::NewReceived);
    let carried = row_total(r, RequestRow::CarriedOver);
    let forward = row_total(r, RequestRow::CarriedForward);
    let mut s = opening(r);
    let who = subject(r);
    if new == 0 && carried == 0 {
        s.push_str(&format!("{who}未收到政府信息公开申请，无上年结转申请。"));
        return Some(s);
    }
    if new == 0 {
        s.push_str(&format!("{who}未收到新的政府信息公开申请"));
    } else {
        s.push_str(&format!("{who}共收到政府信息公开申请{new}件"));
    }
    if carried > 0 {
        s.push_str(&format!("，上年结转{carried}件"));
    }
    s.push('。');
    let outcomes: Vec<String> = OutcomeGroup::ALL
        .into_iter()
        .filter_map(|g| {
            let n: u64 = g.rows().iter().map(|&row| row_total(r, row)).sum();
            (n > 0).then(|| format!("{}{n}件", g.short_label()))
        })
        .collect();
    if outcomes.is_empty() {
        s.push_str("本年度尚未作出办理决定");
    } else {
        s.push_str("办理结果中，");
        s.push_str(&outcomes.join("、"));
    }
    if forward > 0 {
        s.push_str(&format!("；结转下年度继续办理{forward}件。"));
    } else {
        s.push_str("；无结转下年度继续办理的申请。");
    }
    Some(s)
}

fn review_total(r: &Report, g: ReviewGroup) -> u64 {
    let row = r.review.group(g);
    row.total
        .value()
        .copied()
        .unwrap_or_else(|| row.computed_total())
}

/// "其中结果维持2件、其他结果1件、尚未审结1件" (outcomes that did not occur are left out).
fn review_outcomes(r: &Report, g: ReviewGroup) -> String {
    let row = r.review.group(g);
    let parts: Vec<String> = ReviewOutcome::PARTS
        .into_iter()
        .filter_map(|o| {
            let n = row.get(o).count_or_zero();
            (n > 0).then(|| format!("{}{n}件", o.label()))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("，其中{}", parts.join("、"))
    }
}

fn review(r: &Report) -> Option<String> {
    let filled = ReviewGroup::ALL.iter().any(|&g| {
        let row = r.review.group(g);
        ReviewOutcome::ALL.iter().any(|&o| !row.get(o).is_empty())
    });
    if !filled {
        return None;
    }
    let recon = review_total(r, ReviewGroup::Reconsideration);
    let direct = review_total(r, ReviewGroup::LitigationDirect);
    let after = review_total(r, ReviewGroup::LitigationAfterReconsideration);
    let mut s = opening(r);
    if recon == 0 && direct + after == 0 {
        s.push_str("未发生政府信息公开行政复议、行政诉讼案件。");
        return Some(s);
    }
    if recon == 0 {
        s.push_str("未发生政府信息公开行政复议案件。");
    } else {
        s.push_str(&format!(
            "因政府信息公开被申请行政复议{recon}件{}。",
            review_outcomes(r, ReviewGroup::Reconsideration)
        ));
    }
    if direct + after == 0 {
        s.push_str("未发生政府信息公开行政诉讼案件。");
    } else {
        s.push_str(&format!("被提起政府信息公开行政诉讼{}件", direct + after));
        let groups: Vec<String> = [
            (ReviewGroup::LitigationDirect, "未经复议直接起诉", direct),
            (
                ReviewGroup::LitigationAfterReconsideration,
                "复议后起诉",
                after,
            ),
        ]
        .into_iter()
        .filter(|(_, _, n)| *n > 0)
        .map(|(g, label, n)| format!("{label}{n}件{}", review_outcomes(r, g)))
        .collect();
        s.push_str(&format!("：{}。", groups.join("；")));
    }
    Some(s)
}

fn documents(r: &Report) -> Option<String> {
    let a = &r.active;
    let filled = DocumentKind::ALL.iter().any(|&k| {
        DocumentColumn::ALL
            .iter()
            .any(|&c| !a.documents(k).get(c).is_empty())
    });
    if !filled {
        return None;
    }
    let n = |k: DocumentKind, c: DocumentColumn| a.documents(k).get(c).count_or_zero();
    let none = |k: DocumentKind| DocumentColumn::ALL.iter().all(|&c| n(k, c) == 0);
    if DocumentKind::ALL.iter().all(|&k| none(k)) {
        return Some(format!(
            "{}未制发、废止规章和行政规范性文件，无现行有效的规章和行政规范性文件。",
            opening(r)
        ));
    }
    let mut clauses = Vec::new();
    // A kind with nothing in any column goes unsaid when the other has figures: most
    // departments make no 规章 and their reports do not mention them.
    for k in DocumentKind::ALL.into_iter().filter(|&k| !none(k)) {
        let (issued, repealed, in_force) = (
            n(k, DocumentColumn::Issued),
            n(k, DocumentColumn::Repealed),
            n(k, DocumentColumn::InForce),
        );
        let kind = k.label();
        let mut c = match (issued, repealed) {
            (0, 0) => format!("未制发、废止{kind}"),
            (0, m) => format!("未制发{kind}，废止{kind}{m}件"),
            (i, 0) => format!("制发{kind}{i}件，未废止{kind}"),
            (i, m) => format!("制发{kind}{i}件，废止{kind}{m}件"),
        };
        if in_force > 0 {
            c.push_str(&format!("，现行有效{kind}{in_force}件"));
        } else {
            c.push_str(&format!("，无现行有效{kind}"));
        }
        clauses.push(c);
    }
    Some(format!("{}{}。", opening(r), clauses.join("；")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, kind: AgencyKind) -> String {
        subject(&Report::new(name, kind, 2025))
    }

    #[test]
    fn insertion_keeps_every_character_and_makes_a_paragraph() {
        assert_eq!(inserted("", 0, "甲。"), "甲。");
        assert_eq!(inserted("前文。后文。", 3, "甲。"), "前文。\n甲。\n后文。");
        assert_eq!(inserted("前文。\n", 4, "甲。"), "前文。\n甲。");
        assert_eq!(inserted("前文。", 99, "甲。"), "前文。\n甲。");
        assert_eq!(inserted("后文。", 0, "甲。"), "甲。\n后文。");
    }

    #[test]
    fn buttons_say_what_is_missing() {
        let mut r = Report::new("某县教育局", AgencyKind::Department, 2025);
        let requests = FieldPath::Part(PartKind::Requests);
        assert_eq!(
            r.generated_for(requests).map_err(|e| e.to_string()),
            Err("表三和表四还没有填写，无法按表格生成。请先填写表格。".to_string())
        );
        assert!(r.generated_for(FieldPath::Problems).is_err());
        r.apply("review.reconsideration.upheld", "1").expect("edit");
        r.apply("overview.requests", "已有的话。").expect("edit");
        r.insert_generated(requests, 0).expect("insert");
        assert_eq!(
            r.text_at(requests).as_deref(),
            Some("2025年，因政府信息公开被申请行政复议1件，其中结果维持1件。未发生政府信息公开行政诉讼案件。\n已有的话。")
        );
    }

    #[test]
    fn one_paragraph_says_the_year_once() {
        let mut r = Report::new("某县教育局", AgencyKind::Department, 2025);
        for (path, text) in r.empty_cells_filled(None) {
            r.apply_at(path, &text).expect("fill");
        }
        assert_eq!(
            r.generated_for(FieldPath::Part(PartKind::Requests)).as_deref(),
            Ok("2025年，我局未收到政府信息公开申请，无上年结转申请。未发生政府信息公开行政复议、行政诉讼案件。")
        );
    }

    #[test]
    fn the_agency_speaks_of_itself_as_the_seeds_do() {
        assert_eq!(
            named("潘集区人民政府", AgencyKind::PeoplesGovernment),
            "我区"
        );
        assert_eq!(
            named("孟州市人民政府", AgencyKind::PeoplesGovernment),
            "我市"
        );
        assert_eq!(named("城关镇人民政府", AgencyKind::Township), "我镇");
        assert_eq!(named("东城街道办事处", AgencyKind::Township), "我街道");
        assert_eq!(named("某县教育局", AgencyKind::Department), "我局");
        assert_eq!(named("某县政务服务中心", AgencyKind::Other), "本机关");
    }

    #[test]
    fn empty_tables_give_nothing_and_zero_counts_read_as_words() {
        let mut r = Report::new("某县教育局", AgencyKind::Department, 2025);
        for p in Paragraph::ALL {
            assert_eq!(r.generated(p), None, "{p:?}");
        }
        for (path, text) in r.empty_cells_filled(None) {
            r.apply_at(path, &text).expect("fill");
        }
        assert_eq!(
            r.generated(Paragraph::Requests).as_deref(),
            Some("2025年，我局未收到政府信息公开申请，无上年结转申请。")
        );
        assert_eq!(
            r.generated(Paragraph::Review).as_deref(),
            Some("2025年，未发生政府信息公开行政复议、行政诉讼案件。")
        );
        assert_eq!(
            r.generated(Paragraph::Documents).as_deref(),
            Some("2025年，未制发、废止规章和行政规范性文件，无现行有效的规章和行政规范性文件。")
        );
    }
}
