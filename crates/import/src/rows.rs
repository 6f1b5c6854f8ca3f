//! A table printed on one line — the crawler's text of a web page, where every cell of table 三
//! runs into the next ("…数量713000074二、上年结转…信息3700000372.没有现成信息…") — cut back into
//! its rows, one label and its numbers a line, before the line-based tables read it.
//!
//! The cuts follow the template: the row labels of table 三 in their fixed order, each found
//! after the one before, with its numbering ("2.", "（四）") taken from the digits it is glued to
//! only when that numbering is the one the template prints there. A line is cut only when it
//! holds several labels in template order: a sentence naming one row is left alone.

use nianbao_core::cell::fold_width;
use nianbao_core::model::{OutcomeGroup, RequestRow};

use crate::tokens::is_blank;

/// Fewer labels than this on one line is text that names a row, not a table.
const MIN_LABELS: usize = 4;

/// A label as the template prints it: the numbering before it and the words that find it.
struct Printed {
    numbering: Vec<char>,
    words: Vec<char>,
    /// Words that are also a column header or common text ("其他", "总计"): found only with
    /// their numbering.
    needs_numbering: bool,
}

fn fold(c: char) -> char {
    match fold_width(c) {
        '（' => '(',
        '）' => ')',
        '．' | '、' => '.',
        '“' | '”' => '"',
        c => c,
    }
}

fn printed(label: &str) -> Printed {
    printed_as(label, true)
}

/// `short_needs_numbering`: whether a label of three characters or fewer is found only with its
/// numbering (table 三's "3.其他", "（七）总计"; table 二's "规章" has none and no twin).
fn printed_as(label: &str, short_needs_numbering: bool) -> Printed {
    let chars: Vec<char> = label.chars().filter(|c| !is_blank(*c)).map(fold).collect();
    let numbered = |c: &char| c.is_ascii_digit() || "一二三四五六七八九十()".contains(*c);
    let mut split = chars.iter().take_while(|c| numbered(c)).count();
    if chars.get(split) == Some(&'.') {
        split += 1;
    }
    let numbering = chars[..split].to_vec();
    // The first words are enough to know a label in order, and survive a label whose end a
    // page cut ("（二）部分公开" without its bracketed note).
    let words: Vec<char> = chars[split..].iter().copied().take(8).collect();
    Printed {
        needs_numbering: short_needs_numbering && words.len() <= 3,
        numbering,
        words,
    }
}

/// Table 三's labels in the template's order: rows, and the group headings between them.
fn request_labels() -> Vec<Printed> {
    let mut out = Vec::new();
    let mut group = None;
    for row in RequestRow::ALL {
        if row == RequestRow::Granted {
            out.push(printed("三、本年度办理结果"));
        }
        let g = row.group();
        if g != group {
            if let Some(g) = g.filter(|g| g.rows().len() > 1) {
                out.push(printed(g.label()));
            }
            group = g;
        }
        let label = match row.group() {
            Some(g @ (OutcomeGroup::Granted | OutcomeGroup::PartiallyGranted)) => g.label(),
            _ => row.label(),
        };
        out.push(printed(label));
    }
    out
}

/// Table 二's block headings and rows in the template's order.
fn active_labels() -> Vec<Printed> {
    [
        "第二十条第（一）项",
        "规章",
        "行政规范性文件",
        "第二十条第（五）项",
        "行政许可",
        "第二十条第（六）项",
        "行政处罚",
        "行政强制",
        "第二十条第（八）项",
        "行政事业性收费",
    ]
    .into_iter()
    .map(|l| printed_as(l, false))
    .collect()
}

/// Whether a line can print several rows of a table at all: enough digits, and the words of at
/// least two rows. Cheap, so that the text of a whole report is not searched label by label.
fn may_hold_rows(line: &str) -> bool {
    const WORDS: [&str; 12] = [
        "申请数量",
        "予以公开",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
        "结转下年度",
        "规章",
        "行政许可",
        "行政处罚",
        "行政强制",
        "收费",
    ];
    line.len() > 60
        && line
            .chars()
            .filter(|c| fold_width(*c).is_ascii_digit())
            .count()
            >= 3
        && WORDS.iter().filter(|w| line.contains(*w)).take(2).count() == 2
}

/// The line's characters, blanks left out, each with the byte where it starts.
fn folded(line: &str) -> Vec<(char, usize)> {
    line.char_indices()
        .filter(|(_, c)| !is_blank(*c))
        .map(|(i, c)| (fold(c), i))
        .collect()
}

/// Where each label starts on the line (its numbering included), in template order; labels
/// not found are skipped.
fn label_starts(line: &[(char, usize)], labels: &[Printed]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut from = 0;
    for label in labels {
        let w = &label.words;
        let n = &label.numbering;
        let found = (from..line.len().saturating_sub(w.len() - 1)).find_map(|i| {
            let words_here = line[i..i + w.len()]
                .iter()
                .map(|x| x.0)
                .eq(w.iter().copied());
            if !words_here {
                return None;
            }
            let numbered = i >= n.len()
                && !n.is_empty()
                && line[i - n.len()..i]
                    .iter()
                    .map(|x| x.0)
                    .eq(n.iter().copied());
            if numbered {
                Some((i - n.len(), i + w.len()))
            } else if label.needs_numbering {
                None
            } else {
                Some((i, i + w.len()))
            }
        });
        if let Some((start, end)) = found {
            starts.push(start);
            from = end;
        }
    }
    starts
}

/// The text with every line that prints several rows of table 二 or 三 cut before each row
/// label. None when no line is such (nothing to change).
pub fn one_row_a_line(text: &str) -> Option<String> {
    let tables = [request_labels(), active_labels()];
    let mut changed = false;
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        if !may_hold_rows(line) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let chars = folded(line);
        let mut starts: Vec<usize> = tables
            .iter()
            .map(|labels| label_starts(&chars, labels))
            .filter(|s| s.len() >= MIN_LABELS)
            .flatten()
            .collect();
        if starts.is_empty() {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        starts.sort_unstable();
        changed = true;
        let mut cuts: Vec<usize> = starts.into_iter().map(|s| chars[s].1).collect();
        cuts.push(line.len());
        let mut prev = 0;
        for at in cuts {
            if at > prev {
                let piece = line[prev..at].trim_matches(is_blank);
                // "行政事业性收费5949.09(二)主动公开政府信息的主要类别…": the table's last row and
                // the text after it, each on a line of its own.
                let (row, rest) = fee_and_text(piece);
                out.push_str(row);
                out.push('\n');
                if !rest.is_empty() {
                    out.push_str(rest);
                    out.push('\n');
                }
                prev = at;
            }
        }
    }
    changed.then_some(out)
}

/// The fee row ("行政事业性收费" and its amount) and the text run on after the amount.
fn fee_and_text(piece: &str) -> (&str, &str) {
    let Some(rest) = piece.strip_prefix("行政事业性收费") else {
        return (piece, "");
    };
    let lead = rest.len() - rest.trim_start_matches(is_blank).len();
    let amount = rest[lead..]
        .char_indices()
        .find(|&(_, c)| !(fold_width(c).is_ascii_digit() || ".,".contains(fold_width(c))))
        .map_or(rest.len() - lead, |(i, _)| i);
    let end = piece.len() - rest.len() + lead + amount;
    if amount == 0 || end == piece.len() {
        return (piece, "");
    }
    (&piece[..end], piece[end..].trim_matches(is_blank))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_on_one_line_is_cut_before_each_label_and_its_numbering() {
        let line = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量1000001三、本年度办理结果（一）予以公开210000021（四）无法提供1.本机关不掌握相关政府信息3700000372.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000";
        let cut = one_row_a_line(line).expect("cut");
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(
            lines,
            [
                "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
                "一、本年新收政府信息公开申请数量713000074",
                "二、上年结转政府信息公开申请数量1000001",
                "三、本年度办理结果",
                "（一）予以公开210000021",
                "（四）无法提供",
                "1.本机关不掌握相关政府信息370000037",
                "2.没有现成信息需要另行制作0000000",
                "3.补正后申请内容仍不明确0000000",
            ]
        );
    }

    #[test]
    fn table_two_on_one_line_is_cut_before_its_blocks_and_rows() {
        let line = "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698第二十条第（五）项信息内容本年处理决定数量行政许可10690第二十条第（六）项信息内容本年处理决定数量行政处罚2113行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费9116.36";
        let cut = one_row_a_line(line).expect("cut");
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(lines[1], "规章000");
        assert_eq!(lines[2], "行政规范性文件8855698");
        assert_eq!(lines[4], "行政许可10690");
        assert_eq!(lines[6], "行政处罚2113");
        assert_eq!(lines[7], "行政强制0");
        assert_eq!(lines[9], "行政事业性收费9116.36");
    }

    #[test]
    fn text_run_on_after_the_fee_gets_a_line_of_its_own() {
        assert_eq!(
            fee_and_text("行政事业性收费5949.09(二)主动公开政府信息的主要类别"),
            ("行政事业性收费5949.09", "(二)主动公开政府信息的主要类别")
        );
        assert_eq!(fee_and_text("行政事业性收费 0"), ("行政事业性收费 0", ""));
    }

    #[test]
    fn a_sentence_naming_rows_is_left_alone() {
        let text =
            "全年共答复申请74件，其中予以公开21件，部分公开9件，本机关不掌握相关政府信息37件。";
        assert_eq!(one_row_a_line(text), None);
    }

    #[test]
    fn other_and_total_are_labels_only_with_their_numbering() {
        let line = "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请20000022.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0200002（七）总计723000075四、结转下年度继续办理0000000";
        let cut = one_row_a_line(line).expect("cut");
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(lines[3], "3.其他0200002");
        assert_eq!(lines[4], "（七）总计723000075");
        assert_eq!(lines[5], "四、结转下年度继续办理0000000");
    }
}
