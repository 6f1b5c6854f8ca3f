//! Recognising labels whatever way a report prints them: full or half width, with or without
//! numbering ("1.", "（一）", "一、"), spaces inside ("结果 维持"), older wordings (社会组织).

use nianbao_core::cell::fold_width;
use nianbao_core::model::{DecisionKind, DocumentKind, OutcomeGroup, RequestRow, Section};

/// Folds width, drops blanks, unifies quotes and brackets, strips leading numbering and trailing
/// punctuation: "(三) 不予公开" → "不予公开", "3. 危及“三安全一稳定”" → "危及\"三安全一稳定\"".
pub fn normalise(label: &str) -> String {
    let folded: String = folded_chars(label).into_iter().collect();
    let s = strip_numbering(&folded);
    s.trim_end_matches(['.', ':', '：', '。', ';', '；', ','])
        .to_string()
}

/// "1." "(一)" "一." "(7)" at the start of a label.
fn strip_numbering(s: &str) -> &str {
    let mut rest = s;
    if let Some(r) = rest.strip_prefix('(') {
        if let Some(end) = r.find(')') {
            if r[..end].chars().all(is_numeral) && end > 0 {
                rest = &r[end + 1..];
            }
        }
    } else {
        let head: usize = rest
            .char_indices()
            .take_while(|(_, c)| is_numeral(*c))
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0);
        if head > 0 && rest[head..].starts_with('.') {
            rest = &rest[head + 1..];
        }
    }
    rest
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// The names a section's heading is printed with in real reports, the national one first:
/// 五 is often titled after what it goes on to say ("…及整改措施", "…及明年工作计划").
pub fn section_names(s: Section) -> &'static [&'static str] {
    match s {
        Section::Problems => &[
            "存在的主要问题及改进情况",
            "存在的主要问题及整改措施",
            "存在的主要问题及改进措施",
            "存在的主要问题及整改情况",
            "存在的主要问题及明年工作计划",
            "存在的主要问题及下一步工作计划",
            "存在的主要问题及下一步工作打算",
            "存在的主要问题和改进情况",
            "存在的问题及改进情况",
            "存在的问题及改进措施",
        ],
        Section::Other => &[
            "其他需要报告的事项",
            "其他需说明的事项",
            "其他需要说明的事项",
            "其他需报告的事项",
        ],
        _ => &[],
    }
}

/// How many bytes of `text` (blanks inside allowed, none before) print `name`, exactly or, for
/// a long name, with one character wrong, missing or added ("政府信息公开行政法复议、行政诉讼情况").
/// A short name must match exactly: one edit in four characters is another word.
pub fn name_len_at(text: &str, name: &str) -> Option<usize> {
    // Most places a heading is looked for are no heading: their first character says so.
    let first = text.chars().next().map(fold_width)?;
    if !name.starts_with(first) {
        return None;
    }
    let want: Vec<char> = name.chars().collect();
    let edits = usize::from(want.len() >= 9);
    // The text's first characters, blanks skipped, each with where it ends.
    let mut got: Vec<(char, usize)> = Vec::with_capacity(want.len() + edits);
    for (i, c) in text.char_indices() {
        if got.len() >= want.len() + edits {
            break;
        }
        if !crate::tokens::is_blank(c) {
            got.push((fold_width(c), i + c.len_utf8()));
        } else if got.is_empty() {
            return None;
        }
    }
    // Edit distance of the name against each prefix of the text: the best prefix wins, an
    // exact one first.
    let mut row: Vec<usize> = (0..=got.len()).collect();
    for (i, &w) in want.iter().enumerate() {
        let mut next = vec![i + 1; got.len() + 1];
        for j in 1..=got.len() {
            let same = usize::from(got[j - 1].0 != w);
            next[j] = (row[j - 1] + same).min(row[j] + 1).min(next[j - 1] + 1);
        }
        row = next;
    }
    let (best, j) = (1..=got.len())
        .map(|j| (row[j], j))
        .min_by_key(|&(d, j)| (d, j.abs_diff(want.len())))?;
    // The first and the last character must be right: an edit there is another word joined on.
    (best <= edits
        && got.first().map(|g| g.0) == want.first().copied()
        && got[j - 1].0 == want[want.len() - 1])
        .then(|| got[j - 1].1)
}

/// The section a heading line starts, when the line is one ("一、总体情况", "三、收到和处理…",
/// "五、存在的主要问题及整改措施").
pub fn section_heading(line: &str) -> Option<Section> {
    let folded: String = line
        .chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    Section::ALL[1..].iter().copied().find(|s| {
        let numeral = s.heading().chars().next().unwrap_or('一');
        let Some(rest) = folded.strip_prefix(numeral) else {
            return false;
        };
        let rest = rest.trim_start_matches(['、', '.', '，', ',']);
        let names = std::iter::once(s.name()).chain(section_names(*s).iter().copied());
        names.into_iter().any(|name| {
            name_len_at(rest, name).is_some_and(|used| {
                // A heading is a line of its own, maybe with a few words of decoration.
                rest[used..].chars().count() <= 4
            })
        })
    })
}

/// A row of table 三, from its printed label.
pub fn request_row(label: &str) -> Option<RequestRow> {
    let n = normalise(label);
    if n.is_empty() {
        return None;
    }
    if n.starts_with("部分公开") {
        return Some(RequestRow::PartiallyGranted);
    }
    if n.contains("三安全一稳定") {
        return Some(RequestRow::WithheldThreeSafeties);
    }
    if n.contains("禁止公开") && n.contains("法") {
        return Some(RequestRow::WithheldProhibitedByLaw);
    }
    if n.starts_with("申请人无正当理由逾期不补正") {
        return Some(RequestRow::OtherOverdueCorrection);
    }
    if n.starts_with("申请人逾期未按收费通知") {
        return Some(RequestRow::OtherOverdueFee);
    }
    if n.starts_with("本年新收") {
        return Some(RequestRow::NewReceived);
    }
    if n.starts_with("上年结转") {
        return Some(RequestRow::CarriedOver);
    }
    if n.starts_with("结转下年度") {
        return Some(RequestRow::CarriedForward);
    }
    static LABELS: std::sync::OnceLock<Vec<(String, RequestRow)>> = std::sync::OnceLock::new();
    LABELS
        .get_or_init(|| {
            RequestRow::ALL
                .into_iter()
                .map(|r| (normalise(r.label()), r))
                .collect()
        })
        .iter()
        .find(|(l, _)| *l == n)
        .map(|&(_, r)| r)
}

/// Labels of table 三 that are not rows: headers, group labels and fragments of them.
pub fn is_request_header(label: &str) -> bool {
    let n = normalise(label);
    static HEADERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let headers = HEADERS.get_or_init(|| REQUEST_HEADERS.iter().map(|h| normalise(h)).collect());
    let groups = OutcomeGroup::ALL.map(|g| g.short_label());
    n.is_empty()
        || n.contains("勾稽关系")
        || headers.iter().any(|h| h.contains(n.as_str()))
        || groups.iter().any(|g| g.contains(n.as_str()))
}

/// What a row of table 二 is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActiveRow {
    Documents(DocumentKind),
    Decision(DecisionKind),
    Fee,
}

impl ActiveRow {
    pub const ALL: [ActiveRow; 6] = [
        ActiveRow::Documents(DocumentKind::Regulations),
        ActiveRow::Documents(DocumentKind::NormativeDocuments),
        ActiveRow::Decision(DecisionKind::Licensing),
        ActiveRow::Decision(DecisionKind::Penalty),
        ActiveRow::Decision(DecisionKind::Enforcement),
        ActiveRow::Fee,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActiveRow::Documents(k) => k.label(),
            ActiveRow::Decision(k) => k.label(),
            ActiveRow::Fee => "行政事业性收费",
        }
    }

    pub fn cells(self) -> usize {
        match self {
            ActiveRow::Documents(_) => 3,
            _ => 1,
        }
    }
}

pub fn active_row(label: &str) -> Option<ActiveRow> {
    let n = normalise(label);
    Some(match n.as_str() {
        "规章" => ActiveRow::Documents(DocumentKind::Regulations),
        "行政规范性文件" | "规范性文件" => {
            ActiveRow::Documents(DocumentKind::NormativeDocuments)
        }
        "行政许可" => ActiveRow::Decision(DecisionKind::Licensing),
        "行政处罚" => ActiveRow::Decision(DecisionKind::Penalty),
        "行政强制" => ActiveRow::Decision(DecisionKind::Enforcement),
        "行政事业性收费" => ActiveRow::Fee,
        _ => return None,
    })
}

pub fn is_active_header(label: &str) -> bool {
    let n = normalise(label);
    n.is_empty()
        || n.starts_with("第二十条")
        || n == "信息内容"
        || n.starts_with("本年制发")
        || n.starts_with("本年废止")
        || n.starts_with("现行有效")
        || n.starts_with("本年处理决定")
        || n.starts_with("本年收费金额")
        || n.starts_with("处理决定")
}

/// Every piece (substring) of a table's words, folded into characters: looked up once per
/// piece of a text, so a text is checked in time linear in its length.
#[derive(Default)]
pub(crate) struct Words {
    pieces: std::collections::HashSet<Vec<char>>,
    longest: usize,
}

impl Words {
    fn has(&self, piece: &[char]) -> bool {
        piece.len() <= self.longest && self.pieces.contains(piece)
    }
}

/// The table's words as printed, folded like [`normalise`] but with their numbering kept.
pub(crate) fn folded_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Words {
    let mut out = Words::default();
    for w in words {
        let w = folded_chars(w);
        out.longest = out.longest.max(w.len());
        for i in 0..w.len() {
            for j in i + 1..=w.len() {
                out.pieces.insert(w[i..j].to_vec());
            }
        }
    }
    out
}

fn folded_chars(text: &str) -> Vec<char> {
    text.chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| match c {
            '“' | '”' | '「' | '」' | '\'' | '‘' | '’' => '"',
            '（' => '(',
            '）' => ')',
            '．' | '、' => '.',
            _ => c,
        })
        .collect()
}

/// Whether a text that made no row is only pieces of the table's own printed words: a header a
/// PDF-to-text tool spread over several lines and ran together ("结果结果其他尚未",
/// "之和，等于第三项加第四项之和）自然社会法律"), or the end of a wrapped label whose row was
/// read ("计这一情形，不计其他情形）"). Such text holds no data; telling the user about it would
/// only bury the notes that matter. Pieces of labels count from two characters on, so a text
/// merely written in the same characters is not taken for one; a header's single characters
/// count ("人" of "自然人", printed on a line of its own).
pub(crate) fn made_of_pieces(text: &str, labels: &Words, headers: &Words) -> bool {
    // Longer texts are sentences, not leftovers of a layout; the search is also quadratic.
    const MAX_CHARS: usize = 160;
    const MAX_PIECE: usize = 40;
    let t = folded_chars(text);
    if t.is_empty() || t.len() > MAX_CHARS {
        return false;
    }
    let mut reach = vec![false; t.len() + 1];
    reach[0] = true;
    for i in 0..t.len() {
        if !reach[i] {
            continue;
        }
        for j in i + 1
            ..=t.len()
                .min(i + labels.longest.max(headers.longest).min(MAX_PIECE))
        {
            let piece = &t[i..j];
            let (in_labels, in_headers) = (labels.has(piece), headers.has(piece));
            // The pieces of words are closed under shortening: once a piece is in no word, no
            // longer piece from the same start is.
            if !in_labels && !in_headers {
                break;
            }
            if piece.len() >= 2 && in_labels || in_headers {
                reach[j] = true;
            }
        }
    }
    reach[t.len()]
}

/// The words of table 二's header.
const ACTIVE_HEADERS: [&str; 11] = [
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
    "信息内容",
    "本年制发件数",
    "本年新制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额（单位：万元）",
];

/// A table's label words and header words, folded once.
pub(crate) type Vocabulary = std::sync::OnceLock<(Words, Words)>;

/// [`made_of_pieces`] against a table's words, folded on first use.
pub(crate) fn leftover_of(
    text: &str,
    words: &'static Vocabulary,
    labels: fn() -> Vec<&'static str>,
    headers: &[&str],
) -> bool {
    let (labels, headers) = words.get_or_init(|| {
        (
            folded_words(labels()),
            folded_words(headers.iter().copied()),
        )
    });
    made_of_pieces(text, labels, headers)
}

/// Pieces of table 二's header and labels only: see `made_of_pieces`.
pub fn is_active_leftover(text: &str) -> bool {
    static WORDS: Vocabulary = Vocabulary::new();
    let labels = || {
        DocumentKind::ALL
            .iter()
            .map(|d| d.label())
            .chain(DecisionKind::ALL.iter().map(|d| d.label()))
            .chain(["行政事业性收费"])
            .collect()
    };
    leftover_of(text, &WORDS, labels, &ACTIVE_HEADERS)
}

/// The words of table 三's header.
const REQUEST_HEADERS: [&str; 13] = [
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "社会组织",
    "法律服务机构",
    "其他",
    "总计",
    "本年度办理结果",
    "信息内容",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
];

/// Pieces of table 三's header and labels only: see `made_of_pieces`.
pub fn is_request_leftover(text: &str) -> bool {
    static WORDS: Vocabulary = Vocabulary::new();
    let labels = || {
        RequestRow::ALL
            .iter()
            .map(|r| r.label())
            .chain(OutcomeGroup::ALL.iter().map(|g| g.label()))
            .collect()
    };
    leftover_of(text, &WORDS, labels, &REQUEST_HEADERS)
}

/// Whether a text is only pieces of table 三's group labels ("（三", "）不", "予公", "开"): what
/// a tall merged label, printed a few characters a line, leaves between the rows it spans.
pub fn is_group_piece(text: &str) -> bool {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let groups = WORDS.get_or_init(|| {
        folded_words(
            OutcomeGroup::ALL
                .iter()
                .map(|g| g.label())
                .chain(["三、本年度办理结果"]),
        )
    });
    made_of_pieces(text, &Words::default(), groups)
}

/// The words of table 四's three-level header.
const REVIEW_HEADERS: [&str; 9] = [
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "未经复议直接起诉",
    "复议后起诉",
];

/// Pieces of table 四's header only ("结果结果其他尚未", "总计总计总计"): see `made_of_pieces`.
pub fn is_review_leftover(text: &str) -> bool {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let headers = WORDS.get_or_init(|| folded_words(REVIEW_HEADERS));
    made_of_pieces(text, &Words::default(), headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_every_printed_form() {
        for (printed, row) in [
            ("1. 属于国家秘密", RequestRow::WithheldStateSecret),
            ("1.属于国家秘密", RequestRow::WithheldStateSecret),
            ("１．属于国家秘密", RequestRow::WithheldStateSecret),
            (
                "2.其他法律法规禁止公开",
                RequestRow::WithheldProhibitedByLaw,
            ),
            (
                "2.其他法律行政法规禁止公开",
                RequestRow::WithheldProhibitedByLaw,
            ),
            ("3.危及“三安全一稳定”", RequestRow::WithheldThreeSafeties),
            (
                "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)",
                RequestRow::PartiallyGranted,
            ),
            ("（七）总计", RequestRow::Total),
            ("四、结转下年度继续办理", RequestRow::CarriedForward),
            ("一、本年新收政府信息公开申请数量", RequestRow::NewReceived),
            ("3. 其他", RequestRow::OtherOther),
            ("(一) 予以公开", RequestRow::Granted),
        ] {
            assert_eq!(request_row(printed), Some(row), "{printed}");
        }
        assert_eq!(request_row("(三) 不予公开"), None);
        assert!(is_request_header("(三) 不予"));
        assert!(is_request_header("公开"));
        assert!(is_request_header("商业"));
        assert!(is_request_header("社会组织"));
    }

    #[test]
    fn section_headings() {
        assert_eq!(section_heading(" 一、总体情况"), Some(Section::Overview));
        assert_eq!(
            section_heading("四、政府信息公开行政复议、行政诉讼情况"),
            Some(Section::Review)
        );
        assert_eq!(section_heading("四、结转下年度继续办理"), None);
        assert_eq!(section_heading("三、本年度办理结果\t(一) 予以公开"), None);
        assert_eq!(
            section_heading("一、总体情况良好，我们做了很多很多很多的工作。"),
            None
        );
    }

    #[test]
    fn leftovers_of_a_layout_are_pieces_of_the_tables_words() {
        for piece in [
            "之和，等于第三项加第四项之和）自然社会法律商业科研总计人公益服务其他企业机构组织机构",
            "计这一情形，不计其他情形）",
            "理结果计这一情形，不计其他情形）",
            "政机关不再处理其政府信息公开申请",
            "予公开",
        ] {
            assert!(is_request_leftover(piece), "{piece}");
        }
        assert!(is_active_leftover(
            "信息内容本年制发件数本年废止件数现行有效件数"
        ));
        assert!(is_active_leftover("信息内容本年收费金额（单位：万元）"));
        for piece in [
            "未经复议直接起诉复议后起诉",
            "结果结果其他尚未结果结果其他尚未结果结果其他尚未",
            "总计总计总计",
            "维持纠正结果审结维持纠正结果审结维持纠正结果审结",
        ] {
            assert!(is_review_leftover(piece), "{piece}");
        }
    }

    #[test]
    fn text_of_its_own_is_no_leftover() {
        // Written in characters of the labels, but no piece of two or more is one of theirs.
        for text in [
            "注：本表数据截至12月31日",
            "信息公开申请办理情况说明",
            "政府网站建设",
            "其他说明",
            "",
        ] {
            assert!(!is_request_leftover(text), "{text}");
            assert!(!is_active_leftover(text), "{text}");
        }
        assert!(!is_review_leftover("复议机关撤销"));
        assert!(!is_active_leftover("行政复议"));
        // Beyond the bound the search is not tried.
        assert!(!is_review_leftover(&"总计".repeat(100)));
    }
}
